using System.ComponentModel.DataAnnotations;

namespace Passerelle.Domain;

/// <summary>The recorded state of a contract. "En cours" and "échu" follow from the dates: see <see cref="ContratEngagement.EtatAu"/>.</summary>
public enum EtatContrat
{
    [Display(Name = "Brouillon")] Brouillon,
    [Display(Name = "Soumis à validation")] Soumis,
    [Display(Name = "Validé")] Valide,
    [Display(Name = "Signé")] Signe,
    [Display(Name = "En cours")] EnCours,
    [Display(Name = "Échu")] Echu,
    [Display(Name = "Clos")] Clos,
}

/// <summary>
/// The contrat d'engagement of a person soumis aux droits et devoirs. Drafted by the référent, submitted,
/// validated by a Responsable, signed by the person; it then runs from its start to its end and is closed
/// with a bilan. A contract signed at France Travail, Cap emploi or a Mission locale is recorded as
/// external, already signed, so that lists and figures stay whole. Each transition refuses what the
/// current state does not allow.
/// </summary>
public sealed class ContratEngagement : IAppartientAuDepartement, IVersionne
{
    public const int LongueurTexte = 4000;

    public const int DureeMaximaleMois = 12;

    private ContratEngagement()
    {
    }

    private ContratEngagement(Guid departementId, Guid beneficiaireId, Guid? contratPrecedentId)
    {
        DepartementId = departementId;
        BeneficiaireId = beneficiaireId;
        ContratPrecedentId = contratPrecedentId;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid DepartementId { get; private set; }
    public Guid BeneficiaireId { get; private set; }
    public Guid? ContratPrecedentId { get; private set; }
    public bool Externe { get; private set; }
    public string? OrganismeExterne { get; private set; }
    public EtatContrat Etat { get; private set; }
    public DateOnly Debut { get; private set; }
    public DateOnly Fin { get; private set; }
    /// <summary>Hours of activity per week; null when none is set, for a listed reason.</summary>
    public int? HeuresHebdomadaires { get; private set; }
    /// <summary>A code of the département's list "motifs-reduction-heures", when hours are below the setting or not set.</summary>
    public string? MotifReductionHeures { get; private set; }
    public DateOnly? ReductionDu { get; private set; }
    public DateOnly? ReductionAu { get; private set; }
    public DateOnly? DateSoumission { get; private set; }
    public DateOnly? DateValidation { get; private set; }
    public Guid? ValidePar { get; private set; }
    public DateOnly? DateSignature { get; private set; }
    public DateOnly? DateCloture { get; private set; }
    public string? Bilan { get; private set; }
    /// <summary>What the person commits to, in the référent's and the person's words.</summary>
    public string? Objectifs { get; private set; }
    /// <summary>Codes of the département's "themes-freins" list the objectives address, separated by "|".</summary>
    public string? FreinsVises { get; private set; }
    /// <summary>The actions planned; prescriptions will link to the contract later.</summary>
    public string? Actions { get; private set; }
    /// <summary>The orientation decision the contract follows: its notification starts the delay.</summary>
    public Guid? OrientationId { get; private set; }
    public Guid? AgentId { get; private set; }
    public int Version { get; set; }

    public IReadOnlyList<string> CodesFreinsVises => FreinsVises?.Split('|', StringSplitOptions.RemoveEmptyEntries) ?? [];

    public static ContratEngagement Brouillon(
        Guid departementId, Guid beneficiaireId, DateOnly debut, DateOnly fin, HeuresActivite heures, int heuresParDefaut,
        Guid? contratPrecedentId = null, ContenuContrat? contenu = null, Guid? orientationId = null, Guid? agentId = null)
    {
        var contrat = new ContratEngagement(departementId, beneficiaireId, contratPrecedentId)
        {
            Etat = EtatContrat.Brouillon, OrientationId = orientationId, AgentId = agentId,
        };
        contrat.DefinirPeriode(debut, fin);
        contrat.DefinirHeures(heures, heuresParDefaut);
        contrat.DefinirContenu(contenu);
        return contrat;
    }

    /// <summary>A contract signed by another organism: recorded as it is, signed.</summary>
    public static ContratEngagement Exterieur(
        Guid departementId, Guid beneficiaireId, string organisme, DateOnly debut, DateOnly fin, DateOnly signature, HeuresActivite heures, int heuresParDefaut,
        Guid? orientationId = null, Guid? agentId = null)
    {
        if (string.IsNullOrWhiteSpace(organisme))
        {
            throw new RegleMetierException("Indiquez l'organisme où le contrat a été signé.");
        }

        var contrat = new ContratEngagement(departementId, beneficiaireId, null)
        {
            Externe = true, OrganismeExterne = organisme.Trim(), Etat = EtatContrat.Signe, DateSignature = signature,
            OrientationId = orientationId, AgentId = agentId,
        };
        contrat.DefinirPeriode(debut, fin);
        contrat.DefinirHeures(heures, heuresParDefaut);
        return contrat;
    }

    public void Modifier(DateOnly debut, DateOnly fin, HeuresActivite heures, int heuresParDefaut, ContenuContrat? contenu = null)
    {
        Exiger(EtatContrat.Brouillon, "Seul un contrat en brouillon se modifie : renvoyez-le en brouillon d'abord.");
        DefinirPeriode(debut, fin);
        DefinirHeures(heures, heuresParDefaut);
        DefinirContenu(contenu);
    }

    public void Soumettre(DateOnly date)
    {
        Exiger(EtatContrat.Brouillon, "Seul un contrat en brouillon peut être soumis à validation.");
        if (string.IsNullOrWhiteSpace(Objectifs))
        {
            throw new RegleMetierException("Indiquez les objectifs du contrat avant de le soumettre.");
        }

        Etat = EtatContrat.Soumis;
        DateSoumission = date;
    }

    /// <summary>The Responsable sends the contract back to its author, who changes it and submits it again.</summary>
    public void RenvoyerEnBrouillon()
    {
        Exiger(EtatContrat.Soumis, "Seul un contrat soumis peut être renvoyé en brouillon.");
        Etat = EtatContrat.Brouillon;
        DateSoumission = null;
    }

    public void Valider(DateOnly date, Guid responsableId)
    {
        Exiger(EtatContrat.Soumis, "Seul un contrat soumis peut être validé.");
        if (date < DateSoumission)
        {
            throw new RegleMetierException("La validation ne peut pas précéder la soumission.");
        }

        Etat = EtatContrat.Valide;
        DateValidation = date;
        ValidePar = responsableId;
    }

    public void Signer(DateOnly dateSignature)
    {
        Exiger(EtatContrat.Valide, "Le contrat est signé par la personne une fois validé.");
        if (dateSignature < DateValidation)
        {
            throw new RegleMetierException("La signature ne peut pas précéder la validation.");
        }

        Etat = EtatContrat.Signe;
        DateSignature = dateSignature;
    }

    public void Cloturer(DateOnly date, string? bilan)
    {
        Exiger(EtatContrat.Signe, "Seul un contrat signé se clôt.");
        if (string.IsNullOrWhiteSpace(bilan))
        {
            throw new RegleMetierException("Le bilan du contrat est obligatoire pour le clore.");
        }

        if (date < DateSignature)
        {
            throw new RegleMetierException("La clôture ne peut pas précéder la signature.");
        }

        Etat = EtatContrat.Clos;
        DateCloture = date;
        Bilan = bilan.Trim();
    }

    /// <summary>
    /// The next contract, a draft linked to this one; this one must have been signed. It follows the orientation
    /// in force (which may have changed since) and names its author; the content is carried over unless given.
    /// </summary>
    public ContratEngagement Renouveler(
        DateOnly debut, DateOnly fin, HeuresActivite heures, int heuresParDefaut,
        Guid? orientationId = null, Guid? agentId = null, ContenuContrat? contenu = null)
    {
        if (Etat is not (EtatContrat.Signe or EtatContrat.Clos))
        {
            throw new RegleMetierException("Seul un contrat signé ou clos se renouvelle.");
        }

        if (debut <= Debut)
        {
            throw new RegleMetierException("Le nouveau contrat commence après le début du précédent.");
        }

        return Brouillon(DepartementId, BeneficiaireId, debut, fin, heures, heuresParDefaut, Id,
            contenu ?? new ContenuContrat(Objectifs ?? "", CodesFreinsVises, Actions), orientationId ?? OrientationId, agentId ?? AgentId);
    }

    /// <summary>The state on a day: a signed contract is "en cours" from its start and "échu" after its end.</summary>
    public EtatContrat EtatAu(DateOnly jour) => Etat switch
    {
        EtatContrat.Signe when jour > Fin => EtatContrat.Echu,
        EtatContrat.Signe when jour >= Debut => EtatContrat.EnCours,
        _ => Etat,
    };

    private void DefinirPeriode(DateOnly debut, DateOnly fin)
    {
        if (fin < debut)
        {
            throw new RegleMetierException("La fin du contrat ne peut pas précéder son début.");
        }

        if (fin > debut.AddMonths(DureeMaximaleMois))
        {
            throw new RegleMetierException($"Un contrat dure {DureeMaximaleMois} mois au plus : renouvelez-le ensuite.");
        }

        Debut = debut;
        Fin = fin;
    }

    private void DefinirHeures(HeuresActivite heures, int heuresParDefaut)
    {
        heures.Verifier(heuresParDefaut);
        HeuresHebdomadaires = heures.Heures;
        var reduit = heures.Heures is null || heures.Heures < heuresParDefaut;
        MotifReductionHeures = reduit ? heures.Motif : null;
        ReductionDu = reduit ? heures.Du : null;
        ReductionAu = reduit ? heures.Au : null;
    }

    private void DefinirContenu(ContenuContrat? contenu)
    {
        if (contenu is null)
        {
            return;
        }

        if (contenu.Objectifs.Length > LongueurTexte || (contenu.Actions?.Length ?? 0) > LongueurTexte)
        {
            throw new RegleMetierException($"Les objectifs et les actions tiennent chacun en {LongueurTexte} caractères.");
        }

        Objectifs = string.IsNullOrWhiteSpace(contenu.Objectifs) ? null : contenu.Objectifs.Trim();
        Actions = string.IsNullOrWhiteSpace(contenu.Actions) ? null : contenu.Actions.Trim();
        FreinsVises = contenu.Freins.Count == 0 ? null : string.Join('|', contenu.Freins.Distinct(StringComparer.Ordinal));
    }

    private void Exiger(EtatContrat attendu, string message)
    {
        if (Etat != attendu)
        {
            throw new RegleMetierException(message);
        }
    }
}

/// <summary>The content of a contract: objectives, the barriers they address (theme codes), the actions planned.</summary>
public sealed record ContenuContrat(string Objectifs, IReadOnlyList<string> Freins, string? Actions = null);

/// <summary>
/// The weekly hours of activity of a contract. Below the setting (15 hours today), or not set, only for a
/// listed reason (health, handicap, invalidité, isolated parent without care for a child under 12…) and
/// with the dates the reduction applies.
/// </summary>
public sealed record HeuresActivite(int? Heures, string? Motif = null, DateOnly? Du = null, DateOnly? Au = null)
{
    public void Verifier(int heuresParDefaut)
    {
        if (Heures is < 0 or > 35)
        {
            throw new RegleMetierException("Les heures d'activité sont comprises entre 0 et 35 par semaine.");
        }

        if (Heures is { } h && h >= heuresParDefaut)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(Motif))
        {
            throw new RegleMetierException(
                $"En dessous de {heuresParDefaut} heures par semaine, ou sans heures fixées, indiquez le motif prévu par la loi.");
        }

        if (Du is null || Au is null || Au < Du)
        {
            throw new RegleMetierException("Indiquez la période de la réduction des heures : date de début et date de fin.");
        }
    }
}
