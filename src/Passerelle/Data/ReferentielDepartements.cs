using System.Collections.Frozen;
using Passerelle.Domain;
using Passerelle.Infrastructure;

namespace Passerelle.Data;

/// <summary>One entry of INSEE's Code officiel géographique list of départements and overseas collectivities.</summary>
public sealed record EntreeDepartement(string Code, string Nom);

/// <summary>Reads the COG list shipped with the application (embedded resource, see scripts/communes).</summary>
public static class ReferentielDepartements
{
    private const string Ressource = "Passerelle.Data.Referentiels.departements.csv";

    // Overseas départements (and the single territorial collectivities of Guyane and Martinique) carry a
    // three-digit code; the other overseas collectivities (975, 977, 978, 984, 986–989) are not départements.
    private static readonly FrozenSet<string> DepartementsOutreMer = new[] { "971", "972", "973", "974", "976" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly Lazy<IReadOnlyList<EntreeDepartement>> Entrees = new(Charger);

    private static readonly Lazy<IReadOnlyList<EntreeDepartement>> SeulementDepartements =
        new(() => Entrees.Value.Where(e => e.Code.Length == 2 || DepartementsOutreMer.Contains(e.Code)).ToList());

    /// <summary>Every entry of the file, in its order.</summary>
    public static IReadOnlyList<EntreeDepartement> Tout() => Entrees.Value;

    /// <summary>The entries a platform may host: the départements, metropolitan and overseas.</summary>
    public static IReadOnlyList<EntreeDepartement> Departements() => SeulementDepartements.Value;

    /// <summary>The entry of a code ("2a" and " 15 " are read as "2A" and "15"), or null when the list has none.</summary>
    public static EntreeDepartement? Trouver(string code)
    {
        var normalise = Departement.NormaliserCode(code);
        return Entrees.Value.FirstOrDefault(e => e.Code == normalise);
    }

    private static List<EntreeDepartement> Charger() =>
        LigneCsv.LignesDeRessource(Ressource, "code;").Select(c => new EntreeDepartement(c[0].Trim(), c[1].Trim())).ToList();
}
