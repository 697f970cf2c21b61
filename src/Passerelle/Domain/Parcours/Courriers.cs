using System.ComponentModel.DataAnnotations;

namespace Passerelle.Domain;

public enum TypeCourrier
{
    [Display(Name = "Décision d'orientation")] DecisionOrientation,
    [Display(Name = "Convocation")] Convocation,
    [Display(Name = "Contrat d'engagement")] Contrat,
    [Display(Name = "Réponse à une demande de réorientation")] Reorientation,
}

/// <summary>The letterhead of a département's letters, edited by its Administrateur: one per département.</summary>
public sealed class ModeleCourrier : IAppartientAuDepartement, IVersionne
{
    public const int TailleMaximaleLogo = 512 * 1024;

    private ModeleCourrier()
    {
    }

    public ModeleCourrier(Guid departementId, string service, string adresse, string signataire, string qualiteSignataire)
    {
        DepartementId = departementId;
        Modifier(service, adresse, signataire, qualiteSignataire, null);
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid DepartementId { get; private set; }
    /// <summary>The issuing service, e.g. "Direction de l'insertion et de l'emploi".</summary>
    public string Service { get; private set; } = "";
    /// <summary>The service's postal address, several lines.</summary>
    public string Adresse { get; private set; } = "";
    public string Signataire { get; private set; } = "";
    public string QualiteSignataire { get; private set; } = "";
    /// <summary>A line at the foot of each page (telephone, opening hours…).</summary>
    public string? PiedDePage { get; private set; }
    /// <summary>PNG or JPEG, printed at the top left.</summary>
    public byte[]? Logo { get; private set; }
    public string? TypeLogo { get; private set; }
    public int Version { get; set; }

    public void Modifier(string service, string adresse, string signataire, string qualiteSignataire, string? piedDePage)
    {
        if (string.IsNullOrWhiteSpace(service) || string.IsNullOrWhiteSpace(adresse) ||
            string.IsNullOrWhiteSpace(signataire) || string.IsNullOrWhiteSpace(qualiteSignataire))
        {
            throw new RegleMetierException("Le service, son adresse, le signataire et sa qualité sont obligatoires.");
        }

        Service = service.Trim();
        Adresse = adresse.Trim();
        Signataire = signataire.Trim();
        QualiteSignataire = qualiteSignataire.Trim();
        PiedDePage = string.IsNullOrWhiteSpace(piedDePage) ? null : piedDePage.Trim();
    }

    public void DefinirLogo(byte[]? contenu, string? typeContenu)
    {
        if (contenu is null)
        {
            Logo = null;
            TypeLogo = null;
            return;
        }

        if (contenu.Length > TailleMaximaleLogo)
        {
            throw new RegleMetierException("Le logo pèse 512 Ko au plus.");
        }

        if (typeContenu is not ("image/png" or "image/jpeg"))
        {
            throw new RegleMetierException("Le logo est une image PNG ou JPEG.");
        }

        Logo = contenu;
        TypeLogo = typeContenu;
    }
}

/// <summary>A letter issued to a person: its PDF is a document of the dossier, with the day it was sent.</summary>
public sealed class CourrierEmis : IAppartientAuDepartement
{
    private CourrierEmis()
    {
    }

    public CourrierEmis(Guid departementId, Guid beneficiaireId, TypeCourrier type, Guid documentId, Guid? objetId, DateOnly dateEnvoi, Guid? agentId, DateTime instant)
    {
        DepartementId = departementId;
        BeneficiaireId = beneficiaireId;
        Type = type;
        DocumentId = documentId;
        ObjetId = objetId;
        DateEnvoi = dateEnvoi;
        AgentId = agentId;
        Instant = DateTime.SpecifyKind(instant, DateTimeKind.Utc);
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid DepartementId { get; private set; }
    public Guid BeneficiaireId { get; private set; }
    public TypeCourrier Type { get; private set; }
    public Guid DocumentId { get; private set; }
    /// <summary>The decision, rendez-vous or contract the letter is about.</summary>
    public Guid? ObjetId { get; private set; }
    public DateOnly DateEnvoi { get; private set; }
    public Guid? AgentId { get; private set; }
    public DateTime Instant { get; private set; }
}

/// <summary>
/// An email waiting to be sent. Written in the same transaction as the change it announces; a job sends
/// it by SMTP when one is configured, otherwise it stays here, visible to the Administrateur.
/// </summary>
public sealed class MessageSortant : IAppartientAuDepartement
{
    public const int TentativesMaximales = 5;

    private MessageSortant()
    {
    }

    public MessageSortant(Guid departementId, string destinataire, string sujet, string corps, string? invitationIcs, DateTime instant)
    {
        if (string.IsNullOrWhiteSpace(destinataire) || !destinataire.Contains('@', StringComparison.Ordinal))
        {
            throw new RegleMetierException("L'adresse du destinataire n'est pas une adresse électronique.");
        }

        DepartementId = departementId;
        Destinataire = destinataire.Trim();
        Sujet = sujet;
        Corps = corps;
        InvitationIcs = invitationIcs;
        Cree = DateTime.SpecifyKind(instant, DateTimeKind.Utc);
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid DepartementId { get; private set; }
    public string Destinataire { get; private set; } = "";
    public string Sujet { get; private set; } = "";
    public string Corps { get; private set; } = "";
    /// <summary>An iCalendar (RFC 5545) invitation attached as invitation.ics.</summary>
    public string? InvitationIcs { get; private set; }
    public DateTime Cree { get; private set; }
    public DateTime? Envoye { get; private set; }
    public int Tentatives { get; private set; }
    public string? DerniereErreur { get; private set; }

    public bool AEnvoyer => Envoye is null && Tentatives < TentativesMaximales;

    public void MarquerEnvoye(DateTime instant) => Envoye = DateTime.SpecifyKind(instant, DateTimeKind.Utc);

    public void MarquerEchec(string erreur)
    {
        Tentatives++;
        DerniereErreur = erreur.Length > 500 ? erreur[..500] : erreur;
    }
}
