using System.ComponentModel.DataAnnotations;

namespace Passerelle.Domain;

/// <summary>The organism a person is oriented to; the first three sign the contract themselves.</summary>
public enum OrganismeOrientation
{
    [Display(Name = "France Travail")] FranceTravail,
    [Display(Name = "Cap emploi")] CapEmploi,
    [Display(Name = "Mission locale")] MissionLocale,
    [Display(Name = "Service du Département")] ServiceDepartement,
    [Display(Name = "Structure partenaire")] StructurePartenaire,
}

public static class OrganismesOrientation
{
    /// <summary>France Travail, Cap emploi and the Missions locales sign the contract in their own tools: it is recorded as external.</summary>
    public static bool SigneLeContratAilleurs(this OrganismeOrientation organisme) =>
        organisme is OrganismeOrientation.FranceTravail or OrganismeOrientation.CapEmploi or OrganismeOrientation.MissionLocale;

    /// <summary>The Département's services get their référent from the agent of orientation; a partner's from its Responsable.</summary>
    public static bool DesigneParLeDepartement(this OrganismeOrientation organisme) => organisme == OrganismeOrientation.ServiceDepartement;
}

/// <summary>
/// An orientation decision. Dated and never rewritten: a réorientation ends this one and opens the next.
/// The delay from the receipt of the information to the decision is stored with the setting it was judged
/// against, so that the statistics never depend on today's setting.
/// </summary>
public sealed class DecisionOrientation : IAppartientAuDepartement
{
    public const int LongueurMotif = 1000;

    private DecisionOrientation()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid DepartementId { get; private set; }
    public Guid BeneficiaireId { get; private set; }
    public TypeParcours Parcours { get; private set; }
    public OrganismeOrientation Organisme { get; private set; }
    /// <summary>The structure of Passerelle the person is oriented to, when it has one (the Département's service, a partner, an agency).</summary>
    public Guid? StructureId { get; private set; }
    public string LibelleOrganisme { get; private set; } = "";
    /// <summary>The day the Département received the information that the right is opened; null for people outside the RSA.</summary>
    public DateOnly? ReceptionInformation { get; private set; }
    public DateOnly DateDecision { get; private set; }
    public DateOnly? DateNotification { get; private set; }
    public string Motif { get; private set; } = "";
    /// <summary>Receipt → decision, in days; null without a receipt date.</summary>
    public int? DelaiJours { get; private set; }
    /// <summary>The delay in weeks valid on the day of receipt, kept with the judgement it founded.</summary>
    public int? SemainesDelai { get; private set; }
    public bool HorsDelai { get; private set; }
    /// <summary>For the social track: the joint review with France Travail falls due on this day.</summary>
    public DateOnly? RevisionDue { get; private set; }
    /// <summary>A code of the "motifs-vulnerabilite" list: the review comes after 12 months instead of 6.</summary>
    public string? MotifVulnerabilite { get; private set; }
    /// <summary>The orientation this one replaces, after a réorientation.</summary>
    public Guid? PrecedenteId { get; private set; }
    /// <summary>The last day this orientation applied; null while it is the current one.</summary>
    public DateOnly? Fin { get; private set; }
    public Guid? AgentId { get; private set; }
    public DateTime Instant { get; private set; }

    public bool EstEnVigueur => Fin is null;

    /// <param name="moisRevision">Months before the review of a social track, from the setting valid on the decision day (6, or 12 for the most vulnerable).</param>
    public static DecisionOrientation Decider(
        Guid departementId, Guid beneficiaireId, DecisionOrientation? enVigueur, TypeParcours parcours, OrganismeOrientation organisme,
        Guid? structureId, string libelleOrganisme, DateOnly? receptionInformation, int? semainesDelai, DateOnly dateDecision,
        DateOnly? dateNotification, string motif, string? motifVulnerabilite, int moisRevision, Guid? agentId, DateTime instant)
    {
        if (string.IsNullOrWhiteSpace(libelleOrganisme))
        {
            throw new RegleMetierException("Indiquez l'organisme vers lequel la personne est orientée.");
        }

        if (string.IsNullOrWhiteSpace(motif))
        {
            throw new RegleMetierException("Le motif de la décision est obligatoire : il figure sur le courrier.");
        }

        if (motif.Length > LongueurMotif)
        {
            throw new RegleMetierException($"Le motif tient en {LongueurMotif} caractères.");
        }

        if (dateNotification is { } notification && notification < dateDecision)
        {
            throw new RegleMetierException("La notification ne peut pas précéder la décision.");
        }

        if (enVigueur is not null && dateDecision < enVigueur.DateDecision)
        {
            throw new RegleMetierException($"Une orientation a été décidée le {enVigueur.DateDecision:dd/MM/yyyy} : la nouvelle ne peut pas la précéder.");
        }

        int? delai = null;
        var horsDelai = false;
        if (receptionInformation is { } reception && enVigueur is null)
        {
            delai = DelaiOrientation.JoursJusquALaDecision(reception, dateDecision);
            horsDelai = semainesDelai is { } semaines && delai > 7 * semaines;
        }

        enVigueur?.Terminer(dateDecision);
        motifVulnerabilite = string.IsNullOrWhiteSpace(motifVulnerabilite) ? null : motifVulnerabilite.Trim();
        return new DecisionOrientation
        {
            DepartementId = departementId,
            BeneficiaireId = beneficiaireId,
            Parcours = parcours,
            Organisme = organisme,
            StructureId = structureId,
            LibelleOrganisme = libelleOrganisme.Trim(),
            ReceptionInformation = enVigueur is null ? receptionInformation : null,
            DateDecision = dateDecision,
            DateNotification = dateNotification,
            Motif = motif.Trim(),
            DelaiJours = delai,
            SemainesDelai = enVigueur is null ? semainesDelai : null,
            HorsDelai = horsDelai,
            MotifVulnerabilite = parcours == TypeParcours.Social ? motifVulnerabilite : null,
            RevisionDue = parcours == TypeParcours.Social ? dateDecision.AddMonths(moisRevision) : null,
            PrecedenteId = enVigueur?.Id,
            AgentId = agentId,
            Instant = DateTime.SpecifyKind(instant, DateTimeKind.Utc),
        };
    }

    /// <summary>The letter was sent: the contract delay starts on this day.</summary>
    public void Notifier(DateOnly date)
    {
        if (DateNotification is not null)
        {
            throw new RegleMetierException("La notification de cette décision est déjà enregistrée.");
        }

        if (date < DateDecision)
        {
            throw new RegleMetierException("La notification ne peut pas précéder la décision.");
        }

        DateNotification = date;
    }

    /// <summary>Records the joint review of a social track: the next one falls due <paramref name="moisRevision"/> months later.</summary>
    public void Reviser(DateOnly date, int moisRevision)
    {
        if (Parcours != TypeParcours.Social || Fin is not null)
        {
            throw new RegleMetierException("Seule une orientation sociale en vigueur fait l'objet d'un examen conjoint.");
        }

        if (date < DateDecision)
        {
            throw new RegleMetierException("L'examen ne peut pas précéder la décision.");
        }

        RevisionDue = date.AddMonths(moisRevision);
    }

    private void Terminer(DateOnly derniereDate) => Fin = derniereDate < DateDecision ? DateDecision : derniereDate;
}

public enum StatutDemandeReorientation
{
    [Display(Name = "En attente")] EnAttente,
    [Display(Name = "Acceptée")] Acceptee,
    [Display(Name = "Refusée")] Refusee,
}

/// <summary>A référent asks for another track; a Responsable accepts (a new orientation follows) or refuses with a reason.</summary>
public sealed class DemandeReorientation : IAppartientAuDepartement, IVersionne
{
    public const int LongueurMotif = 1000;

    private DemandeReorientation()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid DepartementId { get; private set; }
    public Guid BeneficiaireId { get; private set; }
    public Guid OrientationId { get; private set; }
    public TypeParcours ParcoursSouhaite { get; private set; }
    public string Motif { get; private set; } = "";
    public Guid DemandeeParId { get; private set; }
    public DateOnly DateDemande { get; private set; }
    public StatutDemandeReorientation Statut { get; private set; }
    public Guid? DecideeParId { get; private set; }
    public DateOnly? DateReponse { get; private set; }
    public string? MotifRefus { get; private set; }
    /// <summary>The orientation decided on acceptance.</summary>
    public Guid? NouvelleOrientationId { get; private set; }
    public int Version { get; set; }

    public static DemandeReorientation Demander(
        DecisionOrientation enVigueur, TypeParcours parcoursSouhaite, string motif, Guid referentId, DateOnly date,
        IEnumerable<DemandeReorientation> demandesDeLaPersonne)
    {
        if (!enVigueur.EstEnVigueur)
        {
            throw new RegleMetierException("Cette orientation n'est plus en vigueur.");
        }

        if (demandesDeLaPersonne.Any(d => d.Statut == StatutDemandeReorientation.EnAttente))
        {
            throw new RegleMetierException("Une demande de réorientation attend déjà la réponse du responsable.");
        }

        if (string.IsNullOrWhiteSpace(motif))
        {
            throw new RegleMetierException("Expliquez pourquoi une réorientation est demandée.");
        }

        if (motif.Length > LongueurMotif)
        {
            throw new RegleMetierException($"Le motif tient en {LongueurMotif} caractères.");
        }

        if (date < enVigueur.DateDecision)
        {
            throw new RegleMetierException("La demande ne peut pas précéder l'orientation en vigueur.");
        }

        return new DemandeReorientation
        {
            DepartementId = enVigueur.DepartementId,
            BeneficiaireId = enVigueur.BeneficiaireId,
            OrientationId = enVigueur.Id,
            ParcoursSouhaite = parcoursSouhaite,
            Motif = motif.Trim(),
            DemandeeParId = referentId,
            DateDemande = date,
            Statut = StatutDemandeReorientation.EnAttente,
        };
    }

    public void Accepter(DecisionOrientation nouvelle, Guid responsableId)
    {
        ExigerEnAttente();
        if (nouvelle.PrecedenteId != OrientationId)
        {
            throw new RegleMetierException("La nouvelle orientation doit remplacer celle visée par la demande.");
        }

        Statut = StatutDemandeReorientation.Acceptee;
        DecideeParId = responsableId;
        DateReponse = nouvelle.DateDecision;
        NouvelleOrientationId = nouvelle.Id;
    }

    public void Refuser(string motif, Guid responsableId, DateOnly date)
    {
        ExigerEnAttente();
        if (string.IsNullOrWhiteSpace(motif))
        {
            throw new RegleMetierException("Le motif du refus est obligatoire : il est transmis au référent.");
        }

        if (date < DateDemande)
        {
            throw new RegleMetierException("La réponse ne peut pas précéder la demande.");
        }

        Statut = StatutDemandeReorientation.Refusee;
        DecideeParId = responsableId;
        DateReponse = date;
        MotifRefus = motif.Trim();
    }

    private void ExigerEnAttente()
    {
        if (Statut != StatutDemandeReorientation.EnAttente)
        {
            throw new RegleMetierException("Cette demande a déjà reçu une réponse.");
        }
    }
}
