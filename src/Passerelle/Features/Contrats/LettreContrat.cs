using System.Globalization;
using Passerelle.Domain;
using Passerelle.Infrastructure.Pdf;

namespace Passerelle.Features.Contrats;

/// <summary>
/// The body of the contract's PDF, on the département's letterhead (<see cref="Courriers.ServiceCourriers.Generer"/>).
/// The letterhead's own signature (the président du conseil départemental, or his delegate) closes the document,
/// after the signatures of the person and of the référent.
/// </summary>
public static class LettreContrat
{
    public const string Objet = "Contrat d'engagement";

    private static readonly CultureInfo Francais = CultureInfo.GetCultureInfo("fr-FR");

    public static void Corps(DocumentPdf pdf, FicheContrat fiche)
    {
        var c = fiche.Contrat;
        pdf.Paragraphe(c.Externe
            ? $"Contrat d'engagement signé auprès de {c.OrganismeExterne}, enregistré par le Département pour le suivi du parcours."
            : "Contrat d'engagement conclu dans le cadre de l'accompagnement au titre du revenu de solidarité active. "
              + "La personne s'engage dans les actions ci-dessous ; son référent unique l'accompagne pour les mener.");

        pdf.Section("La personne")
            .Ligne("Nom et prénoms", $"{fiche.Nom.ToUpper(Francais)} {fiche.Prenoms}")
            .Ligne("Date de naissance", Date(fiche.DateNaissance));

        pdf.Section("Orientation");
        if (fiche.Orientation is { } o)
        {
            pdf.Ligne("Parcours", o.Parcours.Libelle())
                .Ligne("Organisme", o.LibelleOrganisme)
                .Ligne("Décision du", Date(o.DateDecision))
                .Ligne("Notifiée le", o.DateNotification is { } n ? Date(n) : "Non notifiée");
        }
        else
        {
            pdf.Paragraphe("Aucune décision d'orientation n'est liée à ce contrat.");
        }

        pdf.Section("Le contrat")
            .Ligne("Période", $"Du {Date(c.Debut)} au {Date(c.Fin)}")
            .Ligne("Heures d'activité", fiche.Heures);
        if (c.Externe)
        {
            pdf.Ligne("Signé auprès de", c.OrganismeExterne);
        }

        if (c.ContratPrecedentId is not null)
        {
            pdf.Ligne("Renouvellement", "Ce contrat fait suite au précédent contrat d'engagement.");
        }

        if (!c.Externe)
        {
            pdf.Section("Objectifs").Paragraphe(c.Objectifs ?? "Non renseignés.");
            pdf.Section("Freins visés");
            pdf.Paragraphe(fiche.Freins.Count == 0 ? "Aucun frein désigné." : string.Join("\n", fiche.Freins.Select(f => $"• {f.Libelle}")));
            pdf.Section("Actions prévues").Paragraphe(c.Actions ?? "Non renseignées.");
        }

        if (c.Bilan is { } bilan)
        {
            pdf.Section("Bilan").Paragraphe(bilan).Paragraphe($"Contrat clos le {Date(c.DateCloture!.Value)}.", discret: true);
        }

        // One sub-section per signatory: full-width headings that a narrow label column would wrap.
        pdf.Section("Signatures")
            .SousSection("La personne")
            .Paragraphe(fiche.NomComplet)
            .Paragraphe(c.DateSignature is { } signature ? $"Signé le {Date(signature)}." : "Date et signature :")
            .SousSection("Le référent unique")
            .Paragraphe(Joindre(fiche.Referent, fiche.StructureReferent) ?? "Non désigné")
            .Paragraphe("Date et signature :")
            .SousSection("Pour le président du conseil départemental")
            .Paragraphe(c.DateValidation is { } validation
                ? $"Validé le {Date(validation)}{(fiche.Validateur is null ? "" : $" par {fiche.Validateur}, responsable")}."
                : "Validation du responsable à venir.");
    }

    private static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string? Joindre(params string?[] parties)
    {
        var presentes = parties.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return presentes.Count == 0 ? null : string.Join(", ", presentes);
    }
}
