using System.Collections.Frozen;
using System.Text.Json;

namespace Passerelle.Domain;

/// <summary>A code of a data·inclusion v1 reference list and its label.</summary>
public sealed record CodeDataInclusion(string Valeur, string Libelle, string? Description);

/// <summary>A family of thématiques ("mobilite") and its thématiques, as forms and filters group them.</summary>
public sealed record GroupeThematiques(string Code, string Libelle, IReadOnlyList<CodeDataInclusion> Thematiques);

/// <summary>
/// The reference lists of the national schema data·inclusion v1 (version <see cref="Version"/>), read from the
/// project's copy embedded in the assembly (Data/Referentiels/DataInclusion, Licence Ouverte 2.0). The offer stores
/// these codes as they are, so that its feed is a valid list of data·inclusion services.
/// </summary>
public static class ReferentielDataInclusion
{
    public const string Version = "1.0.8";
    public const string Source = "data·inclusion, GIP de l'inclusion (Licence Ouverte 2.0)";

    private static readonly Lazy<FrozenDictionary<string, IReadOnlyList<CodeDataInclusion>>> Listes = new(Charger);

    public static IReadOnlyList<CodeDataInclusion> Thematiques => Listes.Value["extra-thematiques"];
    public static IReadOnlyList<CodeDataInclusion> Publics => Listes.Value["extra-publics"];
    public static IReadOnlyList<CodeDataInclusion> TypesService => Listes.Value["extra-types-de-services"];
    public static IReadOnlyList<CodeDataInclusion> ModesAccueil => Listes.Value["extra-modes-accueil"];
    public static IReadOnlyList<CodeDataInclusion> ModesMobilisation => Listes.Value["extra-modes-mobilisation"];

    /// <summary>
    /// The families of thématiques: v1 lists only "famille--thématique" codes, the family being the part before "--".
    /// Their labels are those data·inclusion shows for them.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Familles = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["choisir-un-metier"] = "Choisir un métier",
        ["creer-une-entreprise"] = "Créer une entreprise",
        ["difficultes-administratives-ou-juridiques"] = "Difficultés administratives ou juridiques",
        ["difficultes-financieres"] = "Difficultés financières",
        ["equipement-et-alimentation"] = "Équipement et alimentation",
        ["famille"] = "Famille",
        ["lecture-ecriture-calcul"] = "Lecture, écriture et calcul",
        ["logement-hebergement"] = "Logement et hébergement",
        ["mobilite"] = "Mobilité",
        ["numerique"] = "Numérique",
        ["preparer-sa-candidature"] = "Préparer sa candidature",
        ["remobilisation"] = "Remobilisation",
        ["sante"] = "Santé",
        ["se-former"] = "Se former",
        ["souvrir-a-linternational"] = "S'ouvrir à l'international",
        ["trouver-un-emploi"] = "Trouver un emploi",
    };

    public const string SeparateurFamille = "--";

    private static readonly Lazy<IReadOnlyList<GroupeThematiques>> ListeGroupes = new(() =>
        Thematiques.GroupBy(t => Famille(t.Valeur), StringComparer.Ordinal)
            .Select(g => new GroupeThematiques(g.Key, LibelleFamille(g.Key), g.ToList()))
            .ToList());

    /// <summary>The families in the list's order, each with its thématiques.</summary>
    public static IReadOnlyList<GroupeThematiques> Groupes => ListeGroupes.Value;

    public static string LibelleFamille(string famille) => Familles.GetValueOrDefault(famille, famille);

    public static bool EstThematique(string code) => Thematiques.Any(t => t.Valeur == code);

    /// <summary>The family of a thématique code ("mobilite" for "mobilite--preparer-un-permis").</summary>
    public static string Famille(string code)
    {
        var separateur = code.IndexOf(SeparateurFamille, StringComparison.Ordinal);
        return separateur < 0 ? code : code[..separateur];
    }

    /// <summary>The label of a thématique with its family: "Mobilité — Préparer un permis".</summary>
    public static string LibelleThematique(string code)
    {
        var trouve = Thematiques.FirstOrDefault(t => t.Valeur == code);
        if (trouve is null)
        {
            return Familles.GetValueOrDefault(code, code);
        }

        return Familles.TryGetValue(Famille(code), out var famille) ? $"{famille} — {trouve.Libelle}" : trouve.Libelle;
    }

    public static string Libelle(IReadOnlyList<CodeDataInclusion> liste, string code) =>
        liste.FirstOrDefault(c => c.Valeur == code)?.Libelle ?? code;

    /// <summary>Refuses a code that is not in the list, with the list's name in the message.</summary>
    public static void Verifier(IReadOnlyList<CodeDataInclusion> liste, IEnumerable<string> codes, string nomListe)
    {
        var inconnus = codes.Where(c => liste.All(l => l.Valeur != c)).ToList();
        if (inconnus.Count > 0)
        {
            throw new RegleMetierException($"Code inconnu dans la liste des {nomListe} de data·inclusion : {string.Join(", ", inconnus)}.");
        }
    }

    /// <summary>The embedded JSON Schema of one service, for the feed's tests and for anyone who asks.</summary>
    public static Stream SchemaService() => Ressource("service.json");

    private static FrozenDictionary<string, IReadOnlyList<CodeDataInclusion>> Charger()
    {
        string[] noms = ["extra-thematiques", "extra-publics", "extra-types-de-services", "extra-modes-accueil", "extra-modes-mobilisation"];
        return noms.ToFrozenDictionary(n => n, n =>
        {
            using var flux = Ressource(n + ".json");
            using var document = JsonDocument.Parse(flux);
            return (IReadOnlyList<CodeDataInclusion>)document.RootElement.EnumerateArray()
                .Select(e => new CodeDataInclusion(
                    e.GetProperty("value").GetString()!, e.GetProperty("label").GetString()!,
                    e.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null))
                .ToList();
        }, StringComparer.Ordinal);
    }

    private static Stream Ressource(string fichier) =>
        typeof(ReferentielDataInclusion).Assembly.GetManifestResourceStream("Passerelle.DataInclusion." + fichier)
        ?? throw new InvalidOperationException($"Ressource data·inclusion absente : {fichier}.");
}
