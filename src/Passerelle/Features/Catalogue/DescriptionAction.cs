using System.Globalization;
using Passerelle.Domain;

namespace Passerelle.Features.Catalogue;

/// <summary>The rules of an action in sentences, as the agents read them before prescribing or answering.</summary>
public static class DescriptionAction
{
    private static string Jour(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Pluriel(int nombre, string singulier, string pluriel) => $"{nombre} {(nombre > 1 ? pluriel : singulier)}";

    public static string Dates(ActionInsertion a) => (a.Debut, a.Fin) switch
    {
        ({ } debut, { } fin) => $"Du {Jour(debut)} au {Jour(fin)}.",
        ({ } debut, null) => $"Depuis le {Jour(debut)}, sans date de fin.",
        (null, { } fin) => $"Jusqu'au {Jour(fin)}.",
        _ => "Sans dates : l'action est permanente.",
    };

    public static IReadOnlyList<string> Eligibilite(ActionInsertion a)
    {
        var regles = new List<string>
        {
            (a.AgeMinimum, a.AgeMaximum) switch
            {
                ({ } minimum, { } maximum) => $"Personnes de {minimum} à {maximum} ans.",
                ({ } minimum, null) => $"Personnes de {minimum} ans ou plus.",
                (null, { } maximum) => $"Personnes de {maximum} ans au plus.",
                _ => "Sans condition d'âge.",
            },
            a.DispositifsAcceptes == Dispositifs.Aucun
                ? "Quel que soit le dispositif qui suit la personne."
                : $"Personnes suivies au titre de : {string.Join(", ", ListesCatalogue.Dispositifs.Where(d => a.DispositifsAcceptes.HasFlag(d)).Select(d => d.Libelle()))}.",
        };
        if (a.ReserveeSoumisDroitsEtDevoirs)
        {
            regles.Add("Réservée aux bénéficiaires du RSA soumis aux droits et devoirs.");
        }

        if (a.ReserveeQpv)
        {
            regles.Add("Réservée aux habitants d'un quartier prioritaire de la politique de la ville.");
        }

        var parcours = a.ListeParcoursAcceptes;
        regles.Add(parcours.Count == 0
            ? "Quel que soit le parcours d'orientation."
            : $"Personnes orientées en parcours {string.Join(" ou ", parcours.Select(p => p.Libelle().ToLowerInvariant()))}.");
        return regles;
    }

    /// <param name="prisesCetteAnnee">For yearly parcours: the prescriptions accepted this calendar year.</param>
    public static string Capacite(ActionInsertion a, int prisesCetteAnnee, int annee) => a.ModeCapacite switch
    {
        ModeCapacite.ParcoursAnnuels when a.ParcoursParAn is { } parAn =>
            $"{Pluriel(parAn, "parcours", "parcours")} par an ; {Pluriel(prisesCetteAnnee, "pris", "pris")} en {annee}, "
            + $"{Pluriel(Math.Max(0, parAn - prisesCetteAnnee), "disponible", "disponibles")}. Au-delà, les personnes sont inscrites en liste d'attente.",
        ModeCapacite.Sessions => "Les places se comptent par session ; une session complète inscrit les personnes en liste d'attente.",
        _ => "Sans limite de places.",
    };

    public static IReadOnlyList<string> Rythme(ActionInsertion a)
    {
        var regles = new List<string>();
        if (a.CadenceEntretiensJours is { } cadence)
        {
            regles.Add($"Un entretien tous les {cadence} jours.");
        }

        if (a.EntretiensPrevus is { } entretiens)
        {
            regles.Add($"{Pluriel(entretiens, "entretien prévu", "entretiens prévus")}.");
        }

        if (a.DureeMois is { } duree)
        {
            regles.Add($"Durée : {duree} mois.");
        }

        if (regles.Count == 0)
        {
            regles.Add("Ni cadence ni durée fixées.");
        }

        return regles;
    }

    public static IReadOnlyList<string> Heures(ActionInsertion a)
    {
        var regles = new List<string>
        {
            a.PlafondHeures is { } plafond ? $"{Pluriel(plafond, "heure", "heures")} au plus par personne." : "Sans plafond d'heures.",
        };
        var stage = (a.StageMinimumHeures, a.StageMaximumHeures) switch
        {
            ({ } minimum, { } maximum) => $"Dont un stage de {minimum} à {maximum} heures.",
            ({ } minimum, null) => $"Dont un stage d'au moins {Pluriel(minimum, "heure", "heures")}.",
            (null, { } maximum) => $"Dont un stage de {Pluriel(maximum, "heure", "heures")} au plus.",
            _ => null,
        };
        if (stage is not null)
        {
            regles.Add(stage);
        }

        return regles;
    }

    public static string Prescripteurs(ActionInsertion a)
    {
        var types = a.ListeTypesPrescripteurs;
        return types.Count == 0
            ? "Tout référent peut prescrire cette action, quelle que soit sa structure."
            : $"Seuls les référents des structures suivantes sont habilités à la prescrire : {string.Join(", ", types.Select(t => t.Libelle()))}.";
    }
}
