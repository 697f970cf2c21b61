using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Parametres;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.SuiviRendezVous;

/// <summary>No rendez-vous held for longer than the cadence of the person's track.</summary>
public sealed record RetardSuivi(TypeParcours Parcours, int CadenceJours, DateOnly Depuis, int Jours, bool DepuisLOrientation);

/// <summary>
/// The expected follow-up: the setting <see cref="ClesParametres.CadenceRendezVous"/> for the track of the
/// orientation in force (scope <see cref="ClesParametres.PorteeParcours"/>), valid today. The count starts at
/// the last held rendez-vous, or at the orientation decision when none has been held since: a new
/// orientation starts the follow-up again. Without an orientation, or without a setting, nothing is late.
/// </summary>
public static class CadenceSuivi
{
    /// <param name="dernierHonore">The start of the person's last held rendez-vous, which the caller has read; null when none was held.</param>
    public static async Task<RetardSuivi?> JugerAsync(
        PasserelleDbContext db, ServiceParametres parametres, Guid beneficiaireId, DateTime? dernierHonore, DateOnly aujourdhui, TimeZoneInfo fuseau,
        CancellationToken cancellationToken)
    {
        var orientation = await db.DecisionsOrientation.AsNoTracking()
            .Where(o => o.BeneficiaireId == beneficiaireId && o.Fin == null)
            .Select(o => new { o.Parcours, o.DateDecision })
            .FirstOrDefaultAsync(cancellationToken);
        if (orientation is null)
        {
            return null;
        }

        var cadence = await parametres.ValeurAuAsync(
            ClesParametres.CadenceRendezVous, aujourdhui, ClesParametres.PorteeParcours(orientation.Parcours), cancellationToken);
        if (cadence is null)
        {
            return null;
        }

        var honore = dernierHonore is { } instant ? DateOnly.FromDateTime(instant.EnHeureLocale(fuseau)) : (DateOnly?)null;
        var depuisLOrientation = honore is null || honore < orientation.DateDecision;
        var depuis = depuisLOrientation ? orientation.DateDecision : honore!.Value;
        var jours = aujourdhui.DayNumber - depuis.DayNumber;
        var cadenceJours = (int)cadence.ValeurNumerique;
        return jours > cadenceJours ? new RetardSuivi(orientation.Parcours, cadenceJours, depuis, jours, depuisLOrientation) : null;
    }
}
