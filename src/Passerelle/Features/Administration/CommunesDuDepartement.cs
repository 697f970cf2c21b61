using Microsoft.EntityFrameworkCore;
using Passerelle.Data;

namespace Passerelle.Features.Administration;

/// <summary>
/// The communes a département may reference. Communes are national data, not filtered by tenant:
/// each code typed or imported is checked against the current département's code here.
/// </summary>
public static class CommunesDuDepartement
{
    /// <summary>COG codes are upper case ("2A004"); users type them in any case, with spaces around.</summary>
    public static string Normaliser(string code) => code.Trim().ToUpperInvariant();

    /// <summary>
    /// The code of the current département, read from the département row rather than from the claims
    /// so that commands and tests, which have no signed-in agent, check the same thing.
    /// </summary>
    public static async Task<string> CodeDepartementAsync(PasserelleDbContext db, CancellationToken cancellationToken = default)
    {
        var departementId = db.DepartementCourant.IdObligatoire;
        return await db.Departements.AsNoTracking()
            .Where(d => d.Id == departementId)
            .Select(d => d.Code)
            .SingleAsync(cancellationToken);
    }

    /// <summary>The communes of the current département among <paramref name="codes"/>, code → name.</summary>
    public static async Task<Dictionary<string, string>> TrouverAsync(
        PasserelleDbContext db, IEnumerable<string> codes, CancellationToken cancellationToken = default)
    {
        var codeDepartement = await CodeDepartementAsync(db, cancellationToken);
        var cherches = codes.Select(Normaliser).Distinct(StringComparer.Ordinal).ToList();
        if (cherches.Count == 0)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        return await db.Communes.AsNoTracking()
            .Where(c => c.CodeDepartement == codeDepartement && cherches.Contains(c.Code))
            .ToDictionaryAsync(c => c.Code, c => c.Nom, StringComparer.Ordinal, cancellationToken);
    }

    /// <summary>The codes among <paramref name="codes"/> that are no commune of the current département, sorted.</summary>
    public static async Task<List<string>> InconnuesAsync(
        PasserelleDbContext db, IEnumerable<string> codes, CancellationToken cancellationToken = default)
    {
        var cherches = codes.Select(Normaliser).Distinct(StringComparer.Ordinal).ToList();
        var trouvees = await TrouverAsync(db, cherches, cancellationToken);
        return cherches.Where(c => !trouvees.ContainsKey(c)).Order(StringComparer.Ordinal).ToList();
    }
}
