using Passerelle.Domain;

namespace Passerelle.Features.Offre;

/// <summary>A group of thématiques and its sub-thématiques, for the search form.</summary>
public sealed record GroupeThematiques(string Code, string Libelle, IReadOnlyList<CodeDataInclusion> Thematiques);

/// <summary>
/// The thématiques of data·inclusion v1 as the portal shows them. The v1 list holds only sub-thématiques
/// ("mobilite--preparer-un-permis"); their group is the part before "--" and has no label in the list, so the
/// groups' labels are kept here, from the names data·inclusion gives them.
/// </summary>
public static class ThematiquesOffre
{
    public const string Separateur = "--";

    private static readonly Dictionary<string, string> LibellesGroupes = new(StringComparer.Ordinal)
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

    /// <summary>The groups in the order of the list, each with its sub-thématiques.</summary>
    public static IReadOnlyList<GroupeThematiques> Groupes { get; } = ReferentielDataInclusion.Thematiques
        .GroupBy(Groupe)
        .Select(g => new GroupeThematiques(g.Key, LibelleGroupe(g.Key), g.ToList()))
        .ToList();

    public static string Groupe(CodeDataInclusion thematique) => Groupe(thematique.Valeur);

    public static string Groupe(string code)
    {
        var separateur = code.IndexOf(Separateur, StringComparison.Ordinal);
        return separateur < 0 ? code : code[..separateur];
    }

    public static string LibelleGroupe(string groupe) => LibellesGroupes.GetValueOrDefault(groupe, groupe);

    /// <summary>"Mobilité — Préparer un permis": the group first, so that a sub-thématique reads alone.</summary>
    public static string Libelle(string code)
    {
        var groupe = Groupe(code);
        if (groupe == code)
        {
            return LibelleGroupe(code);
        }

        // LibelleThematique prefixes the group when the list names it; v1's list does not.
        var libelle = ReferentielDataInclusion.LibelleThematique(code);
        return libelle.Contains(" — ", StringComparison.Ordinal) ? libelle : $"{LibelleGroupe(groupe)} — {libelle}";
    }
}
