using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Beneficiaires.Diagnostic;

namespace Passerelle.Features.Orientation;

/// <summary>
/// The suggested track of several people at once (a page of the queue, one dossier), from the latest
/// evaluation of each theme as the diagnostic shows it: the latest date, and on the same day the one typed
/// last. Only a suggestion: the agent of orientation decides.
/// </summary>
public static class SuggestionsOrientation
{
    public const string SansDiagnostic = "Diagnostic à faire";

    public static async Task<Dictionary<Guid, SuggestionOrientation?>> PourAsync(
        PasserelleDbContext db, IReadOnlyCollection<Guid> beneficiaireIds, IReadOnlyList<ThemeFrein> themes, CancellationToken cancellationToken)
    {
        if (beneficiaireIds.Count == 0)
        {
            return [];
        }

        var evaluations = await db.EvaluationsFreins.AsNoTracking()
            .Where(e => beneficiaireIds.Contains(e.BeneficiaireId))
            .Select(e => new { e.BeneficiaireId, e.Theme, e.Date, e.InstantSaisie, e.Niveau })
            .ToListAsync(cancellationToken);
        var libelles = themes.ToDictionary(t => t.Code, t => t.Libelle, StringComparer.Ordinal);
        var parPersonne = evaluations.ToLookup(e => e.BeneficiaireId);
        return beneficiaireIds.Distinct().ToDictionary(id => id, id => RegleSuggestionOrientation.Suggerer(parPersonne[id]
            .GroupBy(e => e.Theme, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(e => e.Date).ThenByDescending(e => e.InstantSaisie).First())
            .Select(e => (e.Theme, libelles.GetValueOrDefault(e.Theme, e.Theme), e.Niveau))
            .ToList()));
    }
}
