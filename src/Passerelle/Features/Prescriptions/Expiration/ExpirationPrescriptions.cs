using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Infrastructure.Tenancy;
using Quartz;

namespace Passerelle.Features.Prescriptions.Expiration;

/// <summary>What one run did: the départements visited, the prescriptions expired in each (by code), the départements that failed.</summary>
public sealed record BilanExpiration(int Departements, int Expirees, IReadOnlyDictionary<string, int> ParDepartement, IReadOnlyList<string> Echecs);

/// <summary>
/// Expires the prescriptions left unanswered past the département's delay and tells their référents
/// (<see cref="ServicePrescriptions.ExpirerAsync"/>). The job runs outside any request: each département is
/// handled once, in a scope of its own whose current département is set explicitly, so that the tenant filter
/// keeps every query inside it and a failure in one leaves the others untouched. "Today" is read in each
/// département's time zone. Idempotent: a second run the same day finds nothing left to expire.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ExpirationPrescriptions(
    PasserelleDbContext db, IServiceScopeFactory scopes, TimeProvider temps, ILogger<ExpirationPrescriptions> journal) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await ExpirerAsync(cancellationToken);

    public async Task<BilanExpiration> ExpirerAsync(CancellationToken cancellationToken = default)
    {
        // Départements are the tenants themselves: no filter applies to their list.
        var departements = await db.Departements.AsNoTracking().OrderBy(d => d.Code)
            .Select(d => new { d.Id, d.Code, d.FuseauHoraire })
            .ToListAsync(cancellationToken);
        var parDepartement = new Dictionary<string, int>(StringComparer.Ordinal);
        var echecs = new List<string>();
        foreach (var departement in departements)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<DepartementCourant>().Definir(departement.Id);
                var fuseau = TimeZoneInfo.TryFindSystemTimeZoneById(departement.FuseauHoraire, out var zone)
                    ? zone
                    : TimeZoneInfo.FindSystemTimeZoneById(Domain.Departement.FuseauParDefaut);
                var service = scope.ServiceProvider.GetRequiredService<ServicePrescriptions>();
                parDepartement[departement.Code] = await service.ExpirerAsync(temps.Aujourdhui(fuseau), cancellationToken);
            }
            catch (Exception erreur) when (erreur is System.Data.Common.DbException or DbUpdateException or InvalidOperationException or Domain.RegleMetierException)
            {
                // One département's failure must not keep the others' prescriptions from expiring; the next run retries it.
                echecs.Add(departement.Code);
                journal.LogError(erreur, "Expiration des prescriptions : échec pour le département {Code}.", departement.Code);
            }
        }

        var expirees = parDepartement.Values.Sum();
        journal.LogInformation(
            "Expiration des prescriptions : {Expirees} prescription(s) expirée(s) dans {Departements} département(s) ({Detail}){Echecs}.",
            expirees, departements.Count,
            string.Join(", ", parDepartement.Select(p => $"{p.Key} : {p.Value}")),
            echecs.Count == 0 ? "" : $", échec pour {string.Join(", ", echecs)}");
        return new BilanExpiration(departements.Count, expirees, parDepartement, echecs);
    }
}
