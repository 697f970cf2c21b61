using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Passerelle.Domain;

public enum TypeValeur
{
    [Display(Name = "jours")] Jours,
    [Display(Name = "semaines")] Semaines,
    [Display(Name = "mois")] Mois,
    [Display(Name = "heures")] Heures,
    [Display(Name = "taux (%)")] Taux,
    [Display(Name = "montant (€)")] Montant,
    [Display(Name = "liste")] Liste,
    [Display(Name = "date")] Date,
}

/// <summary>
/// A legal delay, rate or amount valid over a period. Rules read the value valid on the date of the
/// fact they judge, so that a later change never rewrites a past judgement.
/// </summary>
public sealed class ParametreDate : IAppartientAuDepartement, IVersionne
{
    public const string PorteeDepartement = "departement";

    private ParametreDate()
    {
    }

    public ParametreDate(
        Guid departementId, string cle, string portee, TypeValeur type, string valeur,
        DateOnly valideDu, DateOnly? valideAu, string sourceTexte)
    {
        if (string.IsNullOrWhiteSpace(cle))
        {
            throw new RegleMetierException("La clé du paramètre est obligatoire.");
        }

        if (valideAu is { } fin && fin < valideDu)
        {
            throw new RegleMetierException("La fin de validité ne peut pas précéder son début.");
        }

        if (string.IsNullOrWhiteSpace(sourceTexte))
        {
            throw new RegleMetierException("Indiquez le texte qui fonde cette valeur (loi, décret, délibération).");
        }

        DepartementId = departementId;
        Cle = cle.Trim();
        Portee = string.IsNullOrWhiteSpace(portee) ? PorteeDepartement : portee.Trim();
        Type = type;
        Valeur = NormaliserValeur(type, valeur);
        ValideDu = valideDu;
        ValideAu = valideAu;
        SourceTexte = sourceTexte.Trim();
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid DepartementId { get; private set; }
    public string Cle { get; private set; } = "";
    /// <summary>Where the value applies: "departement", or a narrower scope such as "type-structure:Aci".</summary>
    public string Portee { get; private set; } = PorteeDepartement;
    public TypeValeur Type { get; private set; }
    /// <summary>The value in invariant form: a decimal number, or entries separated by "|" for a list.</summary>
    public string Valeur { get; private set; } = "";
    public DateOnly ValideDu { get; private set; }
    /// <summary>Last day of validity, inclusive; null while the value is in force with no end.</summary>
    public DateOnly? ValideAu { get; private set; }
    public string SourceTexte { get; private set; } = "";
    public int Version { get; set; }

    public bool EstValideLe(DateOnly date) => ValideDu <= date && (ValideAu is null || date <= ValideAu);

    public bool Chevauche(DateOnly du, DateOnly? au) =>
        ValideDu <= (au ?? DateOnly.MaxValue) && du <= (ValideAu ?? DateOnly.MaxValue);

    public decimal ValeurNumerique => Type == TypeValeur.Liste
        ? throw new InvalidOperationException($"Le paramètre {Cle} est une liste.")
        : decimal.Parse(Valeur, CultureInfo.InvariantCulture);

    public DateOnly ValeurDate => Type == TypeValeur.Date
        ? DateOnly.ParseExact(Valeur, "yyyy-MM-dd", CultureInfo.InvariantCulture)
        : throw new InvalidOperationException($"Le paramètre {Cle} n'est pas une date.");

    public IReadOnlyList<string> ValeurListe => Valeur.Split('|', StringSplitOptions.RemoveEmptyEntries);

    public string ValeurAffichee => Type switch
    {
        TypeValeur.Liste => string.Join(", ", ValeurListe),
        TypeValeur.Date => ValeurDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        TypeValeur.Taux => $"{ValeurNumerique.ToString("0.##", CultureInfo.GetCultureInfo("fr-FR"))} %",
        TypeValeur.Montant => ValeurNumerique.ToString("C", CultureInfo.GetCultureInfo("fr-FR")),
        _ => $"{ValeurNumerique.ToString("0.##", CultureInfo.GetCultureInfo("fr-FR"))} {Type.Libelle()}",
    };

    /// <summary>Ends an open period the day before a new one starts.</summary>
    public void Clore(DateOnly dernierJour)
    {
        if (dernierJour < ValideDu)
        {
            throw new RegleMetierException($"La période du {ValideDu:dd/MM/yyyy} ne peut pas être close avant son début.");
        }

        ValideAu = dernierJour;
    }

    /// <summary>Adds a period to the history of one key and scope, refusing any overlap.</summary>
    public static void VerifierSansChevauchement(IEnumerable<ParametreDate> historique, ParametreDate nouvelle)
    {
        var conflit = historique.FirstOrDefault(p =>
            p.Id != nouvelle.Id && p.Cle == nouvelle.Cle && p.Portee == nouvelle.Portee &&
            p.Chevauche(nouvelle.ValideDu, nouvelle.ValideAu));
        if (conflit is not null)
        {
            var fin = conflit.ValideAu is { } au ? $"au {au:dd/MM/yyyy}" : "sans date de fin";
            throw new RegleMetierException(
                $"Cette période chevauche celle du {conflit.ValideDu:dd/MM/yyyy} {fin} ({conflit.ValeurAffichee}). " +
                "Les périodes d'un même paramètre ne peuvent pas se chevaucher.");
        }
    }

    private static string NormaliserValeur(TypeValeur type, string saisie)
    {
        if (type == TypeValeur.Liste)
        {
            var entrees = saisie.Split(['|', '\n', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return entrees.Length == 0
                ? throw new RegleMetierException("La liste doit contenir au moins une valeur.")
                : string.Join('|', entrees);
        }

        if (type == TypeValeur.Date)
        {
            var texte = saisie.Trim();
            return DateOnly.TryParseExact(texte, ["dd/MM/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : throw new RegleMetierException("La valeur doit être une date (par exemple 01/01/2027).");
        }

        var nombre = Nombres.LireDecimal(saisie)
            ?? throw new RegleMetierException("La valeur doit être un nombre (par exemple 6 ou 12,5).");
        if (nombre < 0)
        {
            throw new RegleMetierException("La valeur ne peut pas être négative.");
        }

        if (type == TypeValeur.Taux && nombre > 100)
        {
            throw new RegleMetierException("Un taux ne peut pas dépasser 100 %.");
        }

        return nombre.ToString(CultureInfo.InvariantCulture);
    }
}

/// <summary>The keys read by the rules. Each issue adds the keys its rules need.</summary>
public static class ClesParametres
{
    public const string DelaiOrientation = "orientation.delai";
    public const string DelaiContrat = "contrat.delai";
    public const string HeuresActivite = "contrat.heures-activite";
    /// <summary>People already accompanied on 1 January 2025 have until this date to sign their contract.</summary>
    public const string DateTransitoireContrat = "contrat.date-transitoire";
    public const string AlerteFinContrat = "contrat.alerte-fin";
    public const string RevisionParcoursSocial = "orientation.revision-sociale";
    public const string RevisionParcoursSocialVulnerable = "orientation.revision-sociale-vulnerable";
    /// <summary>Read with the scope <see cref="PorteeParcours"/>: the expected time between two held rendez-vous.</summary>
    public const string CadenceRendezVous = "rendez-vous.cadence";
    /// <summary>Days an operator has to answer a prescription before it expires.</summary>
    public const string DelaiReponsePrescription = "prescription.delai-reponse";

    public static string PorteeParcours(TypeParcours parcours) => $"parcours:{parcours}";

    private static readonly Dictionary<string, string> Libelles = new(StringComparer.Ordinal)
    {
        [DelaiOrientation] = "Délai d'orientation après la réception de l'information sur le droit",
        [DelaiContrat] = "Délai de signature du contrat d'engagement après la notification de l'orientation",
        [HeuresActivite] = "Heures d'activité hebdomadaires du contrat d'engagement",
        [DateTransitoireContrat] = "Date limite du contrat d'engagement des personnes déjà accompagnées au 1er janvier 2025",
        [AlerteFinContrat] = "Alerte avant la fin d'un contrat d'engagement",
        [RevisionParcoursSocial] = "Examen conjoint d'un parcours social après l'orientation",
        [RevisionParcoursSocialVulnerable] = "Examen conjoint d'un parcours social pour les personnes les plus vulnérables",
        [CadenceRendezVous] = "Intervalle attendu entre deux rendez-vous de suivi",
        [DelaiReponsePrescription] = "Délai de réponse de l'opérateur à une prescription avant son expiration",
    };

    /// <summary>What a key means, in words; a key no rule reads yet is shown as it is.</summary>
    public static string Libelle(string cle) => Libelles.GetValueOrDefault(cle, cle);
}

public static class Nombres
{
    /// <summary>Reads a French or invariant number; fr-FR thousands separators (spaces) are ignored.</summary>
    public static decimal? LireDecimal(string? saisie)
    {
        if (string.IsNullOrWhiteSpace(saisie))
        {
            return null;
        }

        var nettoyee = new string(saisie.Where(c => c is not (' ' or '\u00A0' or '\u202F')).ToArray()).Replace(',', '.');
        return decimal.TryParse(nettoyee, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var valeur)
            ? valeur
            : null;
    }
}
