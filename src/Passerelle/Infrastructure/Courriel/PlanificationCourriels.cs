using Passerelle.Infrastructure.Hosting;
using Quartz;

namespace Passerelle.Infrastructure.Courriel;

/// <summary>
/// The outbox job on the Quartz scheduler, every minute (the scheduler and its store:
/// <see cref="Hosting.PlanificationTaches"/>). Idempotent: each message is marked sent as soon as the server has
/// taken it, and the job never runs twice at once, not even on two instances.
/// <para>
/// The trigger is switched on only when an SMTP server is configured (<c>Courriel:Smtp:Hote</c>) and
/// <c>Courriel:Job:Actif</c> is not false: without a server there is nothing the job could do, so a
/// development machine or a test host never runs it. Tests call <see cref="EnvoiMessagesSortants"/> directly.
/// </para>
/// </summary>
public static class PlanificationCourriels
{
    public static readonly JobKey Cle = new("envoi-courriels");

    public static IServiceCollection AddEnvoiCourriels(this IServiceCollection services)
    {
        services.AddOptions<OptionsSmtp>().BindConfiguration(OptionsSmtp.Section);
        services.AjouterPlanificateur();
        services.AddQuartz(q =>
        {
            q.AddJob<EnvoiMessagesSortants>(j => j.WithIdentity(Cle).StoreDurably().DisallowConcurrentExecution()
                .WithDescription("Envoie la file des courriels sortants par SMTP."));
            q.AddConfiguredTrigger<EnvoiMessagesSortants>(
                "Courriel:Job:Actif",
                (fournisseur, _) => Actif(fournisseur.GetRequiredService<IConfiguration>()) ? "1" : "-",
                (_, _, declencheur) => declencheur.ForJob(Cle).WithIdentity("envoi-courriels-chaque-minute")
                    .StartNow().WithSimpleSchedule(TimeSpan.FromMinutes(1)));
        });
        return services;
    }

    public static bool Actif(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{OptionsSmtp.Section}:Hote"])
        && !string.Equals(configuration["Courriel:Job:Actif"], "false", StringComparison.OrdinalIgnoreCase);
}
