using Passerelle.Domain;

namespace Passerelle.Features.Catalogue;

/// <summary>A category of data·inclusion thématiques ("mobilite") and its thématiques, as the form and the filter group them.</summary>
public sealed record GroupeThematiques(string Code, string Libelle, IReadOnlyList<CodeDataInclusion> Thematiques);

/// <summary>
/// The data·inclusion v1 thématiques grouped by category. The list of version 1.0.8 holds only the sub-thématiques
/// ("mobilite--preparer-un-permis"), the category being the part before "--" with no label of its own: the labels of
/// the categories are kept here, as the data·inclusion site shows them.
/// </summary>
public static class ThematiquesDataInclusion
{
    private static readonly Dictionary<string, string> LibellesCategories = new(StringComparer.Ordinal)
    {
        ["choisir-un-metier"] = "Choisir un métier",
        ["creer-une-entreprise"] = "Créer une entreprise",
        ["difficultes-administratives-ou-juridiques"] = "Difficultés administratives ou juridiques",
        ["difficultes-financieres"] = "Difficultés financières",
        ["equipement-et-alimentation"] = "Équipement et alimentation",
        ["famille"] = "Famille",
        ["lecture-ecriture-calcul"] = "Lecture, écriture, calcul",
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

    private static readonly Lazy<IReadOnlyList<GroupeThematiques>> ListeGroupes = new(() =>
        ReferentielDataInclusion.Thematiques
            .GroupBy(t => Categorie(t.Valeur), StringComparer.Ordinal)
            .Select(g => new GroupeThematiques(g.Key, LibelleCategorie(g.Key), g.ToList()))
            .ToList());

    public static IReadOnlyList<GroupeThematiques> Groupes => ListeGroupes.Value;

    /// <summary>"mobilite" for "mobilite--preparer-un-permis".</summary>
    public static string Categorie(string code)
    {
        var separateur = code.IndexOf("--", StringComparison.Ordinal);
        return separateur < 0 ? code : code[..separateur];
    }

    public static bool EstCategorie(string code) => LibellesCategories.ContainsKey(code) || Groupes.Any(g => g.Code == code);

    public static bool EstThematique(string code) => ReferentielDataInclusion.Thematiques.Any(t => t.Valeur == code);

    public static string LibelleCategorie(string categorie) =>
        LibellesCategories.TryGetValue(categorie, out var libelle) ? libelle : char.ToUpperInvariant(categorie[0]) + categorie[1..].Replace('-', ' ');

    /// <summary>"Mobilité — Préparer un permis": the category and the label of data·inclusion's list.</summary>
    public static string Libelle(string code)
    {
        var libelle = ReferentielDataInclusion.Libelle(ReferentielDataInclusion.Thematiques, code);
        var categorie = Categorie(code);
        return categorie == code || !EstThematique(code) ? libelle : $"{LibelleCategorie(categorie)} — {libelle}";
    }
}
