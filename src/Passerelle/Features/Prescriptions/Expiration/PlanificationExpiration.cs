using Quartz;

namespace Passerelle.Features.Prescriptions.Expiration;

/// <summary>
/// The expiry job on the Quartz scheduler, every day at 02:00 in Europe/Paris, when the night is quiet
/// (<c>Prescriptions:Expiration:Horaire</c>, a Quartz cron expression, says otherwise). Switched on unless
/// <c>Prescriptions:Expiration:Actif</c> is false. The scheduler, its store and its hosted service:
/// <see cref="Infrastructure.Hosting.PlanificationTaches"/>.
/// Quartz schedules with the injected <see cref="TimeProvider"/>: the test host, whose fake clock jumps days, switches the
/// trigger off and calls <see cref="ExpirationPrescriptions.ExpirerAsync"/> directly under that clock.
/// </summary>
public static class PlanificationExpiration
{
    public const string CleConfiguration = "Prescriptions:Expiration:Actif";
    public const string CleHoraire = "Prescriptions:Expiration:Horaire";

    /// <summary>Seconds, minutes, hours…: 02:00:00 every day.</summary>
    public const string Horaire = "0 0 2 * * ?";

    public static readonly JobKey Cle = new("expiration-prescriptions");

    public static IServiceCollection AddExpirationPrescriptions(this IServiceCollection services)
    {
        Infrastructure.Hosting.PlanificationTaches.AjouterPlanificateur(services);
        services.AddQuartz(q =>
        {
            q.AddJob<ExpirationPrescriptions>(j => j.WithIdentity(Cle).StoreDurably().DisallowConcurrentExecution()
                .WithDescription("Expire les prescriptions restées sans réponse au-delà du délai du département et prévient leurs référents."));
            q.AddConfiguredTrigger<ExpirationPrescriptions>(
                CleConfiguration,
                (fournisseur, _) => HoraireConfigure(fournisseur.GetRequiredService<IConfiguration>()),
                (_, horaire, declencheur) => declencheur.ForJob(Cle).WithIdentity("expiration-prescriptions-chaque-nuit")
                    .WithCronSchedule(horaire ?? Horaire, c => c.InTimeZone(TimeZoneInfo.FindSystemTimeZoneById(Domain.Departement.FuseauParDefaut))));
        });
        return services;
    }

    /// <summary>The cron expression, or Quartz's "-" when the job is switched off.</summary>
    public static string HoraireConfigure(IConfiguration configuration) =>
        !Actif(configuration) ? "-" : configuration[CleHoraire] is { Length: > 0 } horaire ? horaire : Horaire;

    public static bool Actif(IConfiguration configuration) =>
        !string.Equals(configuration[CleConfiguration], "false", StringComparison.OrdinalIgnoreCase);
}
