using Passerelle.Domain;
using Passerelle.Infrastructure.Courriel;
using Passerelle.Infrastructure.Pdf;

namespace Passerelle.Features.SuiviRendezVous;

public enum Annonce
{
    Planification,
    Deplacement,
    Annulation,
}

/// <summary>
/// What a person receives about a rendez-vous: the convocation letter and the email with its invitation.
/// The email says the date, the place and the object, nothing more: it travels outside the département's
/// systems, and its subject may show on a lock screen.
/// </summary>
public static class AnnoncesRendezVous
{
    public static string ObjetConvocation(TypeRendezVous type) => type switch
    {
        TypeRendezVous.Collectif => "Convocation à une séance d'information collective",
        TypeRendezVous.Telephone => "Convocation à un entretien téléphonique",
        TypeRendezVous.Visio => "Convocation à un entretien en visioconférence",
        _ => "Convocation à un entretien",
    };

    /// <summary>The place as the person reads it: a telephone or video meeting may have none.</summary>
    public static string Lieu(TypeRendezVous type, string? lieu) => type switch
    {
        TypeRendezVous.Telephone => string.IsNullOrWhiteSpace(lieu) ? "Par téléphone, au numéro que vous nous avez indiqué" : $"Par téléphone : {lieu}",
        TypeRendezVous.Visio => string.IsNullOrWhiteSpace(lieu) ? "En visioconférence : le lien vous sera communiqué" : $"En visioconférence : {lieu}",
        _ => lieu ?? "",
    };

    /// <summary>The letter's body, after the letterhead, the address and the date (<see cref="Courriers.ServiceCourriers.Generer"/>).</summary>
    public static Action<DocumentPdf> CorpsConvocation(RendezVous rendezVous, string? agent, bool beneficiaireRsa, TimeZoneInfo fuseau) => pdf =>
    {
        var quand = DroitsRendezVous.DateEnLettres(rendezVous.Debut, fuseau);
        var nature = rendezVous.Type switch
        {
            TypeRendezVous.Collectif => "à une séance d'information collective",
            TypeRendezVous.Telephone => "à un entretien téléphonique",
            TypeRendezVous.Visio => "à un entretien en visioconférence",
            _ => "à un entretien",
        };
        pdf.Paragraphe("Madame, Monsieur,");
        pdf.Paragraphe($"Vous êtes invité(e) {nature} le {quand}, pour une durée prévue de {rendezVous.DureeMinutes} minutes.");
        pdf.Section("Votre rendez-vous");
        pdf.Ligne("Date et heure", quand);
        pdf.Ligne("Lieu", Lieu(rendezVous.Type, rendezVous.Lieu));
        pdf.Ligne("Objet", rendezVous.Objet);
        if (agent is not null)
        {
            pdf.Ligne("Avec", agent);
        }

        pdf.Paragraphe("");
        pdf.Paragraphe("Si vous ne pouvez pas venir, prévenez-nous avant le rendez-vous en indiquant le motif de votre empêchement : un autre rendez-vous vous sera proposé.");
        if (beneficiaireRsa)
        {
            pdf.Paragraphe("Bénéficiaire du revenu de solidarité active, vous vous êtes engagé(e) à participer aux rendez-vous de votre accompagnement : une absence sans motif légitime peut conduire à l'examen de votre situation.");
        }

        pdf.Paragraphe("Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.");
    };

    /// <summary>The email of the outbox and its invitation; <paramref name="sequence"/> orders the versions of one event in calendars.</summary>
    public static MessageSortant Courriel(
        RendezVous rendezVous, Annonce annonce, string destinataire, string service, TimeZoneInfo fuseau, int sequence, DateTime maintenant)
    {
        var quand = DroitsRendezVous.DateEnLettres(rendezVous.Debut, fuseau);
        var lieu = Lieu(rendezVous.Type, rendezVous.Lieu);
        var (sujet, annonceTexte) = annonce switch
        {
            Annonce.Annulation => ($"Rendez-vous du {quand} annulé", $"Votre rendez-vous du {quand} est annulé."),
            Annonce.Deplacement => ($"Rendez-vous déplacé au {quand}", $"Votre rendez-vous est déplacé au {quand}."),
            _ => ($"Rendez-vous le {quand}", $"Vous avez rendez-vous le {quand}."),
        };
        var lignes = new List<string> { "Madame, Monsieur,", "", annonceTexte };
        if (annonce != Annonce.Annulation)
        {
            lignes.Add($"Durée prévue : {rendezVous.DureeMinutes} minutes.");
            if (lieu.Length > 0)
            {
                lignes.Add($"Lieu : {lieu}.");
            }

            lignes.Add($"Objet : {rendezVous.Objet}.");
            lignes.Add("");
            lignes.Add("En cas d'empêchement, prévenez votre référent avant le rendez-vous.");
            lignes.Add("L'invitation jointe ajoute ce rendez-vous à votre agenda.");
        }
        else
        {
            lignes.Add("");
            lignes.Add("L'invitation jointe retire ce rendez-vous de votre agenda.");
        }

        lignes.Add("");
        lignes.Add(service);
        lignes.Add("Ce message est envoyé automatiquement : merci de ne pas y répondre.");

        var ics = InvitationIcs.Ecrire(new EvenementIcs(
            $"{rendezVous.Id:N}@passerelle", maintenant, rendezVous.Debut, rendezVous.Fin, $"Rendez-vous : {rendezVous.Objet}",
            lieu.Length > 0 ? lieu : null, $"{service}. En cas d'empêchement, prévenez votre référent.", sequence,
            annonce == Annonce.Annulation));
        return new MessageSortant(rendezVous.DepartementId, destinataire, sujet, string.Join('\n', lignes), ics, maintenant);
    }
}
