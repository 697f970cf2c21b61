using System.Globalization;
using Passerelle.Domain;
using Passerelle.Infrastructure.Pdf;

namespace Passerelle.Features.Orientation;

public enum TypeBlocCourrier
{
    Section,
    Ligne,
    Paragraphe,
}

/// <summary>One block of a letter: a heading, a label and its value, or a paragraph.</summary>
public sealed record BlocCourrier(TypeBlocCourrier Type, string Texte, string? Valeur = null);

/// <summary>
/// The text of the decision letter, written once and rendered twice: in the PDF kept in the dossier and in
/// the print page. It states the decision, the track, the organism, the reason and the means of appeal.
/// The vulnerability reason is never printed: it is health or life data that the letter does not need.
/// </summary>
public static class CourrierOrientation
{
    public const string Objet = "Décision d'orientation";

    private static readonly CultureInfo Francais = CultureInfo.GetCultureInfo("fr-FR");

    public static IReadOnlyList<BlocCourrier> Contenu(DecisionOrientation decision, ModeleCourrier modele)
    {
        var date = Jour(decision.DateDecision);
        var parcours = decision.Parcours.Libelle().ToLower(Francais);
        var blocs = new List<BlocCourrier>
        {
            new(TypeBlocCourrier.Section, "Votre orientation"),
            new(TypeBlocCourrier.Paragraphe,
                "Vous bénéficiez du revenu de solidarité active et êtes soumis aux droits et devoirs qui s'y attachent : " +
                "vous avez droit à un accompagnement adapté à votre situation, et vous vous engagez à y participer."),
            new(TypeBlocCourrier.Paragraphe, decision.PrecedenteId is null
                ? $"Par décision du {date}, le président du conseil départemental vous oriente vers un parcours {parcours}."
                : $"Par décision du {date}, le président du conseil départemental modifie votre orientation : votre accompagnement se poursuit désormais dans un parcours {parcours}."),
            new(TypeBlocCourrier.Ligne, "Parcours", decision.Parcours.Libelle()),
            new(TypeBlocCourrier.Ligne, "Organisme chargé de votre accompagnement", decision.LibelleOrganisme),
            new(TypeBlocCourrier.Ligne, "Date de la décision", date),
            new(TypeBlocCourrier.Ligne, "Motif de la décision", decision.Motif),
            new(TypeBlocCourrier.Paragraphe, decision.Parcours switch
            {
                TypeParcours.Emploi =>
                    "Le parcours emploi vous accompagne directement dans votre recherche d'emploi, de formation ou de création d'activité.",
                TypeParcours.SocioProfessionnel =>
                    "Le parcours socio-professionnel vous aide à lever les difficultés qui freinent votre retour à l'emploi tout en préparant celui-ci.",
                _ =>
                    "Le parcours social vous aide d'abord à résoudre les difficultés de santé, de logement, de budget ou de vie quotidienne qui font obstacle à votre insertion.",
            }),
        };
        if (decision.Parcours == TypeParcours.Social && decision.RevisionDue is { } revision)
        {
            blocs.Add(new(TypeBlocCourrier.Paragraphe,
                $"Votre situation sera réexaminée avec France Travail au plus tard le {Jour(revision)}, pour décider de la suite de votre parcours."));
        }

        blocs.Add(new(TypeBlocCourrier.Paragraphe,
            "L'organisme désigné prendra contact avec vous. Votre référent unique établira avec vous votre contrat d'engagement, " +
            "qui fixe vos objectifs et les actions prévues, dans le délai prévu par la loi à compter de la notification de cette décision."));

        var adresse = string.Join(", ", modele.Adresse.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        blocs.Add(new(TypeBlocCourrier.Section, "Voies et délais de recours"));
        blocs.Add(new(TypeBlocCourrier.Paragraphe,
            "Si vous contestez cette décision, vous devez d'abord former un recours administratif préalable, qui est obligatoire, " +
            "auprès du président du conseil départemental, dans un délai de deux mois à compter de la notification de la présente décision. " +
            $"Ce recours, écrit et accompagné d'une copie de cette lettre, est à adresser à : {modele.Service}, {adresse}."));
        blocs.Add(new(TypeBlocCourrier.Paragraphe,
            "Vous pourrez ensuite saisir le tribunal administratif dans un délai de deux mois à compter de la réponse du président " +
            "du conseil départemental. L'absence de réponse pendant deux mois vaut refus : le délai de deux mois pour saisir le " +
            "tribunal administratif court alors à compter de la fin de ces deux mois."));
        blocs.Add(new(TypeBlocCourrier.Paragraphe,
            "Le tribunal administratif peut aussi être saisi par l'application Télérecours citoyens, sur le site www.telerecours.fr."));
        return blocs;
    }

    /// <summary>The day the letter bears: its sending, which is the notification when it is known, otherwise the decision.</summary>
    public static DateOnly DateEnvoi(DecisionOrientation decision) => decision.DateNotification ?? decision.DateDecision;

    public static void Ecrire(DocumentPdf pdf, IReadOnlyList<BlocCourrier> blocs)
    {
        foreach (var bloc in blocs)
        {
            switch (bloc.Type)
            {
                case TypeBlocCourrier.Section:
                    pdf.Section(bloc.Texte);
                    break;
                case TypeBlocCourrier.Ligne:
                    pdf.Ligne(bloc.Texte, bloc.Valeur);
                    break;
                default:
                    pdf.Paragraphe(bloc.Texte);
                    break;
            }
        }
    }

    private static string Jour(DateOnly date) => date.ToString("d MMMM yyyy", Francais);
}
