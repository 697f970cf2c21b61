using Passerelle.Data;
using Quartz;
using Quartz.Impl;
using Quartz.Extensibility;

namespace Passerelle.Infrastructure.Hosting;

/// <summary>
/// The one Quartz scheduler of the application, which every job registration relies on: its store, its job
/// listener (<see cref="JournalTaches"/>) and its hosted service are said here once, whoever calls first.
/// <para>
/// On PostgreSQL the schedule lives in the database (the <c>qrtz_*</c> tables, created by a migration from
/// <see cref="SqlQuartz"/>) and the instances form a cluster: each trigger fires on one instance only, and the
/// work of an instance that stops checking in (<c>Quartz:Cluster:IntervalleVerification</c>) is taken over by
/// the others. Each instance names itself at start (hostname and clock), so that identical instances need no
/// setting of their own. On SQLite there is only ever one instance (the demo, a workstation): the schedule
/// stays in memory and is rebuilt from the registrations at each start.
/// </para>
/// <para>
/// The store is chosen when the scheduler is built, not at registration, for the same reason as the
/// DbContext's provider: a test host's settings are only known then.
/// </para>
/// </summary>
public static class PlanificationTaches
{
    public const string CleIntervalleVerification = "Quartz:Cluster:IntervalleVerification";

    /// <summary>
    /// <c>false</c> keeps the schedule in memory on PostgreSQL too: for a host that shares its database with no other
    /// instance and must not inherit triggers stored by an earlier host (the test hosts, which move a fake clock).
    /// </summary>
    public const string CleClusterActif = "Quartz:Cluster:Actif";

    public static readonly TimeSpan IntervalleVerificationParDefaut = TimeSpan.FromSeconds(15);

    public static IServiceCollection AjouterPlanificateur(this IServiceCollection services)
    {
        if (services.Any(s => s.ServiceType == typeof(JournalTaches)))
        {
            return services;
        }

        services.AddSingleton<JournalTaches>();
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = "Passerelle";
                o.GenerateInstanceId = true;
            });
            q.UsePersistentStore(store =>
            {
                store.UsePostgres(o => o.ConnectionStringName = "Passerelle");
                store.UseSystemTextJsonSerializer();
            });
            q.AddJobListener(fournisseur => fournisseur.GetRequiredService<JournalTaches>());
        });
        // Quartz's database store is registered above; on SQLite the in-memory one takes its place when the scheduler is built.
        var magasinBase = services.LastOrDefault(s => s.ServiceType == typeof(IJobStore) && !s.IsKeyedService && s.ImplementationFactory is not null)
            ?? throw new InvalidOperationException("Quartz n'a pas enregistré son magasin en base de données comme attendu.");
        services.Remove(magasinBase);
        services.AddSingleton<IJobStore>(fournisseur => EstPartage(fournisseur)
            ? (IJobStore)magasinBase.ImplementationFactory!(fournisseur)
            : ActivatorUtilities.CreateInstance<RAMJobStore>(fournisseur));
        // Clustering is an option read when the store is built, so that it follows the provider like the store.
        services.AddOptions<ClusteringOptions>().Configure<OptionsBaseDeDonnees, IConfiguration>((o, baseDeDonnees, configuration) =>
        {
            o.Enabled = Partage(baseDeDonnees, configuration);
            o.CheckinInterval = configuration.GetValue(CleIntervalleVerification, IntervalleVerificationParDefaut);
            // Another instance is presumed dead, and its work recovered, one missed check-in after the interval.
            o.CheckinMisfireThreshold = o.CheckinInterval;
        });
        services.AddOptions<AdoJobStoreOptions>().Configure<OptionsBaseDeDonnees, IConfiguration>((o, baseDeDonnees, configuration) =>
            o.UseDbLocks = Partage(baseDeDonnees, configuration));
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    private static bool EstPartage(IServiceProvider fournisseur) =>
        Partage(fournisseur.GetRequiredService<OptionsBaseDeDonnees>(), fournisseur.GetRequiredService<IConfiguration>());

    private static bool Partage(OptionsBaseDeDonnees baseDeDonnees, IConfiguration configuration) =>
        baseDeDonnees.Fournisseur == Fournisseur.Postgres && configuration.GetValue(CleClusterActif, true);
}
