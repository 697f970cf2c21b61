using System.ComponentModel.DataAnnotations;

namespace Passerelle.Domain;

/// <summary>The three tracks of an orientation decision.</summary>
public enum TypeParcours
{
    [Display(Name = "Emploi")] Emploi,
    [Display(Name = "Socio-professionnel")] SocioProfessionnel,
    [Display(Name = "Social")] Social,
}

public sealed record SuggestionOrientation(TypeParcours Parcours, string Raison);

/// <summary>
/// A suggested track from the latest diagnostic, never a decision: the agent of orientation decides.
/// The rule, in the order it is applied:
/// <list type="number">
/// <item>a barrier rated bloquant in santé, logement or budget suggests the social track;</item>
/// <item>any other bloquant barrier, or any important one, suggests the socio-professional track;</item>
/// <item>light barriers only, or none, suggest the employment track.</item>
/// </list>
/// Without any evaluation there is nothing to suggest: the diagnostic comes first.
/// </summary>
public static class RegleSuggestionOrientation
{
    /// <summary>The themes whose blocking barrier makes social support come before anything else.</summary>
    public static readonly IReadOnlyList<string> ThemesSociaux = ["sante", "logement", "budget"];

    public static SuggestionOrientation? Suggerer(IReadOnlyCollection<(string Theme, string LibelleTheme, NiveauFrein Niveau)> derniereEvaluationParTheme)
    {
        if (derniereEvaluationParTheme.Count == 0)
        {
            return null;
        }

        var sociaux = derniereEvaluationParTheme
            .Where(e => e.Niveau == NiveauFrein.Bloquant && ThemesSociaux.Contains(e.Theme, StringComparer.Ordinal))
            .Select(e => e.LibelleTheme.ToLowerInvariant())
            .ToList();
        if (sociaux.Count > 0)
        {
            return new(TypeParcours.Social, $"Frein bloquant en {Enumerer(sociaux)} : un accompagnement social d'abord.");
        }

        var lourds = derniereEvaluationParTheme
            .Where(e => e.Niveau is NiveauFrein.Bloquant or NiveauFrein.Important)
            .Select(e => $"{e.LibelleTheme.ToLowerInvariant()} ({e.Niveau.Libelle().ToLowerInvariant()})")
            .ToList();
        if (lourds.Count > 0)
        {
            return new(TypeParcours.SocioProfessionnel, $"Freins à lever en même temps que la recherche d'emploi : {Enumerer(lourds)}.");
        }

        return new(TypeParcours.Emploi, "Aucun frein important ni bloquant : la personne peut être accompagnée vers l'emploi.");
    }

    private static string Enumerer(List<string> elements) =>
        elements.Count == 1 ? elements[0] : $"{string.Join(", ", elements.Take(elements.Count - 1))} et {elements[^1]}";
}

/// <summary>Where a person stands against the orientation delay, judged on a given day.</summary>
public sealed record SituationDelai(DateOnly Echeance, int JoursRestants)
{
    /// <summary>Past the deadline: the deadline day itself is still within the delay.</summary>
    public bool HorsDelai => JoursRestants < 0;

    public int JoursDeRetard => HorsDelai ? -JoursRestants : 0;
}

public static class DelaiOrientation
{
    /// <summary>
    /// The deadline runs from the day the Département received the information, for the number of weeks of
    /// the setting valid on that day (a later change of the setting never moves a running deadline).
    /// </summary>
    public static SituationDelai Juger(DateOnly receptionInformation, int semainesValablesALaReception, DateOnly aujourdhui)
    {
        if (semainesValablesALaReception <= 0)
        {
            throw new RegleMetierException("Le délai d'orientation est d'au moins une semaine.");
        }

        var echeance = receptionInformation.AddDays(7 * semainesValablesALaReception);
        return new SituationDelai(echeance, echeance.DayNumber - aujourdhui.DayNumber);
    }

    /// <summary>The delay in days between the receipt of the information and the decision, kept for the statistics.</summary>
    public static int JoursJusquALaDecision(DateOnly receptionInformation, DateOnly decision)
    {
        if (decision < receptionInformation)
        {
            throw new RegleMetierException("La décision d'orientation ne peut pas précéder la réception de l'information.");
        }

        return decision.DayNumber - receptionInformation.DayNumber;
    }
}

/// <summary>When the contrat d'engagement is due.</summary>
public static class DelaiContrat
{
    /// <summary>The day the 2023 law's contract obligations came into force.</summary>
    public static readonly DateOnly EntreeEnVigueur = new(2025, 1, 1);

    /// <summary>
    /// Within the months of the setting valid on the notification of the orientation in force (a new decision
    /// starts the delay again). People already accompanied when the law came into force — oriented and
    /// notified before it — have the transitional date instead.
    /// </summary>
    public static DateOnly Echeance(DateOnly notification, int moisValablesALaNotification, DateOnly dateTransitoire) =>
        notification < EntreeEnVigueur ? dateTransitoire : notification.AddMonths(moisValablesALaNotification);
}
