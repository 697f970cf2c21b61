using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Quartz;
using Quartz.Extensibility;

namespace Passerelle.Infrastructure.Hosting;

/// <summary>
/// Records every run of a scheduled job, on whichever instance it ran: one <see cref="ExecutionTache"/> row
/// (job, scheduled and actual times, instance, error) and one log line. The table is what tells an operator
/// that the nightly job ran, and ran once, across all the instances.
/// </summary>
public sealed class JournalTaches(IServiceScopeFactory scopes, TimeProvider temps, ILogger<JournalTaches> journal) : IJobListener
{
    public string Name => "journal-taches";

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        journal.LogWarning("Tâche {Tache} : exécution prévue à {Prevue:O} annulée.", context.JobDetail.Key.Name, context.ScheduledFireTimeUtc);
        return ValueTask.CompletedTask;
    }

    public ValueTask JobProgressChanged(IJobExecutionContext context, FireInstanceProgress progress, CancellationToken cancellationToken = default) =>
        ValueTask.CompletedTask;

    public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        var erreur = jobException is null ? null : (jobException.InnerException ?? jobException).Message;
        var execution = new ExecutionTache(
            context.JobDetail.Key.Name, context.ScheduledFireTimeUtc?.UtcDateTime, context.FireTimeUtc.UtcDateTime,
            temps.GetUtcNow().UtcDateTime, context.Scheduler.SchedulerInstanceId, erreur);
        if (erreur is null)
        {
            journal.LogInformation("Tâche {Tache} prévue à {Prevue:O} exécutée par l'instance {Instance} en {Duree} ms.",
                execution.Tache, execution.Prevue, execution.Instance, (long)(execution.Fin - execution.Debut).TotalMilliseconds);
        }
        else
        {
            journal.LogError(jobException, "Tâche {Tache} prévue à {Prevue:O} en échec sur l'instance {Instance} : {Erreur}",
                execution.Tache, execution.Prevue, execution.Instance, erreur);
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PasserelleDbContext>();
            db.ExecutionsTaches.Add(execution);
            // Recorded even when the host is stopping: the run took place.
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException or DbUpdateException or InvalidOperationException)
        {
            journal.LogError(exception, "Tâche {Tache} : l'exécution n'a pas pu être enregistrée dans la base.", execution.Tache);
        }
    }
}
