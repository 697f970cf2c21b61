using System.Globalization;
using Passerelle.Domain;

namespace Passerelle.Features.Offre;

/// <summary>
/// The rules of an action in sentences, for the portal and the feed: the same words in both, so that a référent
/// reading data·inclusion learns what the page says.
/// </summary>
public static class DescriptionAction
{
    private static readonly CultureInfo Francais = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>Who the action is for, one sentence a rule; empty when anyone may enter it.</summary>
    public static IReadOnlyList<string> Eligibilite(ActionInsertion action)
    {
        var phrases = new List<string>();
        switch (action.AgeMinimum, action.AgeMaximum)
        {
            case ({ } minimum, { } maximum):
                phrases.Add($"Personnes de {minimum} à {maximum} ans.");
                break;
            case ({ } minimum, null):
                phrases.Add($"Personnes d'au moins {minimum} ans.");
                break;
            case (null, { } maximum):
                phrases.Add($"Personnes de {maximum} ans au plus.");
                break;
        }

        if (action.DispositifsAcceptes != Dispositifs.Aucun)
        {
            var dispositifs = Enum.GetValues<Dispositifs>().Where(d => d != Dispositifs.Aucun && action.DispositifsAcceptes.HasFlag(d)).Select(d => d.Libelle());
            phrases.Add($"Personnes suivies au titre de : {string.Join(", ", dispositifs)}.");
        }

        if (action.ReserveeSoumisDroitsEtDevoirs)
        {
            phrases.Add("Bénéficiaires du RSA soumis aux droits et devoirs.");
        }

        if (action.ReserveeQpv)
        {
            phrases.Add("Habitants d'un quartier prioritaire de la politique de la ville.");
        }

        if (action.ListeParcoursAcceptes is { Count: > 0 } parcours)
        {
            phrases.Add($"Personnes orientées en parcours {string.Join(" ou ", parcours.Select(p => p.Libelle().ToLower(Francais)))}.");
        }

        return phrases;
    }

    /// <summary>"Action accessible sur prescription d'un référent de : …", or of any structure.</summary>
    public static string Prescripteurs(ActionInsertion action) => action.ListeTypesPrescripteurs is { Count: > 0 } types
        ? $"Action accessible sur prescription d'un référent de : {string.Join(", ", types.Select(t => t.Libelle()))}."
        : "Action accessible sur prescription d'un référent, quelle que soit sa structure.";

    /// <summary>How long and how often: duration, entretiens, cadence; empty when the action says nothing of it.</summary>
    public static IReadOnlyList<string> Rythme(ActionInsertion action)
    {
        var phrases = new List<string>();
        if (action.DureeMois is { } duree)
        {
            phrases.Add($"Durée : {duree} mois.");
        }

        if (action.EntretiensPrevus is { } entretiens)
        {
            phrases.Add(entretiens == 1 ? "Un entretien prévu." : $"{entretiens} entretiens prévus.");
        }

        if (action.CadenceEntretiensJours is { } cadence)
        {
            phrases.Add(cadence == 1 ? "Un entretien chaque jour." : $"Un entretien tous les {cadence} jours.");
        }

        return phrases;
    }

    /// <summary>The caps on hours, and the internship's bounds within them.</summary>
    public static IReadOnlyList<string> Plafonds(ActionInsertion action)
    {
        var phrases = new List<string>();
        if (action.PlafondHeures is { } plafond)
        {
            phrases.Add($"{plafond} heures au plus.");
        }

        switch (action.StageMinimumHeures, action.StageMaximumHeures)
        {
            case ({ } minimum, { } maximum):
                phrases.Add($"Dont un stage de {minimum} à {maximum} heures.");
                break;
            case ({ } minimum, null):
                phrases.Add($"Dont un stage d'au moins {minimum} heures.");
                break;
            case (null, { } maximum):
                phrases.Add($"Dont un stage de {maximum} heures au plus.");
                break;
        }

        return phrases;
    }

    /// <summary>The period of the action, or null when it is open-ended.</summary>
    public static string? Dates(ActionInsertion action) => (action.Debut, action.Fin) switch
    {
        ({ } debut, { } fin) => $"Du {Jour(debut)} au {Jour(fin)}.",
        ({ } debut, null) => $"À partir du {Jour(debut)}.",
        (null, { } fin) => $"Jusqu'au {Jour(fin)}.",
        _ => null,
    };

    /// <summary>Weeks covered by <see cref="ActionInsertion.DureeMois"/>, at least one, as data·inclusion counts them.</summary>
    public static int? NombreSemaines(ActionInsertion action) =>
        action.DureeMois is { } mois ? Math.Max(1, (int)Math.Ceiling(mois * 52 / 12.0)) : null;

    public static string Jour(DateOnly date) => date.ToString("dd/MM/yyyy", Francais);
}
