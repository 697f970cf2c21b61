using System.ComponentModel.DataAnnotations;

namespace Passerelle.Domain;

public enum EtatPrescription
{
    [Display(Name = "Envoyée")] Envoyee,
    [Display(Name = "En liste d'attente")] EnAttente,
    [Display(Name = "Acceptée")] Acceptee,
    [Display(Name = "Refusée")] Refusee,
    [Display(Name = "Expirée")] Expiree,
    [Display(Name = "Annulée")] Annulee,
    [Display(Name = "En cours")] EnCours,
    [Display(Name = "Sortie")] Sortie,
}

/// <summary>What the référent shares with the operator besides the person's name and birth date.</summary>
[Flags]
public enum InformationsPartagees
{
    Aucune = 0,
    [Display(Name = "Coordonnées (téléphone, courriel, adresse)")] Coordonnees = 1,
    [Display(Name = "Freins du dernier diagnostic")] Diagnostic = 2,
    [Display(Name = "Objectifs du contrat d'engagement")] Contrat = 4,
    [Display(Name = "Parcours d'orientation")] Orientation = 8,
}

/// <summary>The outcome of an exit: the categories the funders and the Agenda 21 indicators count.</summary>
public enum IssueSortie
{
    [Display(Name = "Emploi durable (CDI ou CDD de six mois et plus)")] EmploiDurable,
    [Display(Name = "Emploi de transition (CDD de moins de six mois, intérim, contrat aidé)")] EmploiTransition,
    [Display(Name = "Sortie positive : formation qualifiante")] FormationQualifiante,
    [Display(Name = "Sortie positive : autre action d'insertion")] AutreAction,
    [Display(Name = "Autre sortie")] AutreSortie,
    [Display(Name = "Abandon")] Abandon,
}

/// <summary>The person's situation six months after the exit.</summary>
public enum SituationSuivi
{
    [Display(Name = "En emploi durable")] EmploiDurable,
    [Display(Name = "En emploi de transition")] EmploiTransition,
    [Display(Name = "En formation")] Formation,
    [Display(Name = "En recherche d'emploi")] RechercheEmploi,
    [Display(Name = "Autre situation")] Autre,
    [Display(Name = "Sans nouvelles")] SansNouvelles,
}

public enum NatureHeures
{
    [Display(Name = "Heures en centre ou en atelier")] Action,
    [Display(Name = "Stage en entreprise")] Stage,
}

/// <summary>
/// A référent's prescription of an action for a person, with her consent to share what it says, and the
/// operator's side of it: answer (accept, refuse with a reason, waiting list), entry, hours, bilans, exit with its
/// outcome and the follow-up six months later. Each step refuses what the current state does not allow.
/// </summary>
public sealed class Prescription : IAppartientAuDepartement, IVersionne
{
    public const int LongueurTexte = 4000;
    public const int LongueurMotif = 1000;

    /// <summary>The follow-up is recorded six months after the exit…</summary>
    public const int MoisSuivi = 6;

    /// <summary>…and the operator has one more month to record it, then the person leaves its view.</summary>
    public const int MoisSaisieSuivi = 1;

    private Prescription()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid DepartementId { get; private set; }
    public Guid BeneficiaireId { get; private set; }
    public Guid ActionId { get; private set; }
    /// <summary>The operator structure of the action when prescribed: its agents see the prescription.</summary>
    public Guid StructureOperateurId { get; private set; }
    public Guid? SessionId { get; private set; }
    public Guid PrescripteurId { get; private set; }
    public Guid? StructurePrescripteurId { get; private set; }
    public Guid? ContratId { get; private set; }

    public string Objectifs { get; private set; } = "";
    /// <summary>Codes of the département's "themes-freins" list, separated by "|".</summary>
    public string? FreinsVises { get; private set; }
    public InformationsPartagees Partage { get; private set; }
    public DateOnly ConsentementLe { get; private set; }

    public EtatPrescription Etat { get; private set; }
    public DateOnly EnvoyeeLe { get; private set; }
    public DateOnly? ReponduLe { get; private set; }
    public Guid? ReponduPar { get; private set; }
    public string? MotifRefus { get; private set; }
    /// <summary>The refusal's own day: <see cref="ReponduLe"/> keeps the first answer, which may be the waiting list.</summary>
    public DateOnly? RefuseeLe { get; private set; }
    public DateOnly? MiseEnAttenteLe { get; private set; }
    public DateOnly? AccepteeLe { get; private set; }
    public DateOnly? ExpireeLe { get; private set; }
    public DateOnly? AnnuleeLe { get; private set; }
    public string? MotifAnnulation { get; private set; }
    public DateOnly? EntreeLe { get; private set; }
    public DateOnly? SortieLe { get; private set; }
    public IssueSortie? Issue { get; private set; }
    public string? CommentaireSortie { get; private set; }
    public DateOnly? SuiviLe { get; private set; }
    public SituationSuivi? Situation { get; private set; }
    public string? CommentaireSuivi { get; private set; }
    public int Version { get; set; }

    public List<HeuresRealisees> Heures { get; private set; } = [];
    public List<BilanPrescription> Bilans { get; private set; } = [];

    public IReadOnlyList<string> CodesFreinsVises => Texte.Separer(FreinsVises);

    /// <summary>Sent and not answered, waiting, accepted or running: the action's place is held or asked for.</summary>
    public bool EstOuverte => Etat is EtatPrescription.Envoyee or EtatPrescription.EnAttente or EtatPrescription.Acceptee or EtatPrescription.EnCours;

    /// <summary>The first day the follow-up can be recorded.</summary>
    public DateOnly? SuiviDu => SortieLe?.AddMonths(MoisSuivi);

    /// <summary>The last day the operator sees the person after the exit: the follow-up recorded, or a month after it was due.</summary>
    public DateOnly? FinVisibilite => Etat != EtatPrescription.Sortie ? null : SuiviLe ?? SortieLe!.Value.AddMonths(MoisSuivi + MoisSaisieSuivi);

    /// <summary>
    /// The prescriptions whose person the operator sees on <paramref name="date"/>: open ones, and exited ones until the
    /// follow-up is recorded or a month after it was due. The one rule for the operator's scope, in SQL and in memory.
    /// </summary>
    public static System.Linq.Expressions.Expression<Func<Prescription, bool>> VisiblesPourOperateurLe(DateOnly date)
    {
        var sortieAuPlusTot = date.AddMonths(-(MoisSuivi + MoisSaisieSuivi));
        return p => p.Etat == EtatPrescription.Envoyee || p.Etat == EtatPrescription.EnAttente || p.Etat == EtatPrescription.Acceptee
            || p.Etat == EtatPrescription.EnCours
            || (p.Etat == EtatPrescription.Sortie && ((p.SuiviLe == null && p.SortieLe >= sortieAuPlusTot) || (p.SuiviLe != null && p.SuiviLe >= date)));
    }

    public static Prescription Prescrire(
        Guid departementId, Guid beneficiaireId, ActionInsertion action, Guid prescripteurId, Guid? structurePrescripteurId, DateOnly date,
        string objectifs, IEnumerable<string> freinsVises, InformationsPartagees partage, DateOnly? consentementLe, Guid? contratId = null,
        Guid? sessionId = null)
    {
        if (consentementLe is not { } consentement)
        {
            throw new RegleMetierException("Recueillez le consentement de la personne au partage de la fiche de prescription avec l'opérateur.");
        }

        if (consentement > date)
        {
            throw new RegleMetierException("Le consentement est recueilli au plus tard le jour de la prescription.");
        }

        return new Prescription
        {
            DepartementId = departementId,
            BeneficiaireId = beneficiaireId,
            ActionId = action.Id,
            StructureOperateurId = action.StructureId,
            PrescripteurId = prescripteurId,
            StructurePrescripteurId = structurePrescripteurId,
            ContratId = contratId,
            SessionId = sessionId,
            Objectifs = Texte.Obligatoire(objectifs, LongueurTexte, "Les objectifs de la prescription"),
            FreinsVises = Texte.Joindre(freinsVises),
            Partage = partage,
            ConsentementLe = consentement,
            Etat = EtatPrescription.Envoyee,
            EnvoyeeLe = date,
        };
    }

    /// <summary>
    /// The operator takes the person. <paramref name="motifComplet"/> is the action's answer on its places
    /// (<see cref="ActionInsertion.MotifComplet"/>): when full, accepting is refused and the waiting list remains.
    /// </summary>
    public void Accepter(DateOnly date, Guid agentId, Guid? sessionId, string? motifComplet)
    {
        Exiger("Seule une prescription envoyée ou en liste d'attente peut être acceptée.", EtatPrescription.Envoyee, EtatPrescription.EnAttente);
        ExigerApres(date, EnvoyeeLe, "La réponse suit l'envoi de la prescription");
        if (motifComplet is not null)
        {
            throw new RegleMetierException(motifComplet);
        }

        Etat = EtatPrescription.Acceptee;
        SessionId = sessionId;
        AccepteeLe = date;
        ReponduLe ??= date;
        ReponduPar ??= agentId;
    }

    public void Refuser(DateOnly date, Guid agentId, string motif)
    {
        Exiger("Seule une prescription envoyée ou en liste d'attente peut être refusée.", EtatPrescription.Envoyee, EtatPrescription.EnAttente);
        ExigerApres(date, EnvoyeeLe, "La réponse suit l'envoi de la prescription");
        MotifRefus = Texte.Obligatoire(motif, LongueurMotif, "Le motif du refus");
        Etat = EtatPrescription.Refusee;
        RefuseeLe = date;
        ReponduLe ??= date;
        ReponduPar ??= agentId;
    }

    public void MettreEnAttente(DateOnly date, Guid agentId)
    {
        Exiger("Seule une prescription envoyée peut être mise en liste d'attente.", EtatPrescription.Envoyee);
        ExigerApres(date, EnvoyeeLe, "La réponse suit l'envoi de la prescription");
        Etat = EtatPrescription.EnAttente;
        MiseEnAttenteLe = date;
        ReponduLe = date;
        ReponduPar = agentId;
    }

    /// <summary>Not answered within the setting's delay: the prescription lapses and the référent is told.</summary>
    public void Expirer(DateOnly date, int delaiJours)
    {
        Exiger("Seule une prescription sans réponse peut expirer.", EtatPrescription.Envoyee);
        if (date < EnvoyeeLe.AddDays(delaiJours))
        {
            throw new RegleMetierException($"La prescription n'expire qu'après {delaiJours} jours sans réponse.");
        }

        Etat = EtatPrescription.Expiree;
        ExpireeLe = date;
    }

    /// <summary>The référent withdraws the prescription before the person has entered the action.</summary>
    public void Annuler(DateOnly date, string motif)
    {
        Exiger("Une prescription s'annule avant l'entrée de la personne dans l'action.", EtatPrescription.Envoyee, EtatPrescription.EnAttente, EtatPrescription.Acceptee);
        ExigerApres(date, EnvoyeeLe, "L'annulation suit l'envoi de la prescription");
        MotifAnnulation = Texte.Obligatoire(motif, LongueurMotif, "Le motif de l'annulation");
        Etat = EtatPrescription.Annulee;
        AnnuleeLe = date;
    }

    public void Entrer(DateOnly date, DateOnly aujourdhui)
    {
        Exiger("La personne entre dans l'action une fois la prescription acceptée.", EtatPrescription.Acceptee);
        ExigerApres(date, AccepteeLe!.Value, "L'entrée suit l'acceptation");
        ExigerPasFutur(date, aujourdhui, "L'entrée");
        Etat = EtatPrescription.EnCours;
        EntreeLe = date;
    }

    /// <summary>Hours done on a day, refused beyond the action's cap or its internship's maximum.</summary>
    public HeuresRealisees EnregistrerHeures(DateOnly date, decimal heures, NatureHeures nature, ActionInsertion action, Guid agentId, DateOnly aujourdhui)
    {
        Exiger("Les heures s'enregistrent pendant l'action, entre l'entrée et la sortie.", EtatPrescription.EnCours);
        ExigerApres(date, EntreeLe!.Value, "Les heures suivent l'entrée dans l'action");
        ExigerPasFutur(date, aujourdhui, "Les heures");
        if (heures <= 0 || heures > 24)
        {
            throw new RegleMetierException("Indiquez entre 0,25 et 24 heures pour une journée.");
        }

        // Kept in minutes: SQLite sums integers exactly, not decimals.
        var minutes = (int)decimal.Round(heures * 60);
        heures = minutes / 60m;

        if (nature == NatureHeures.Stage && action.StageMaximumHeures is null)
        {
            throw new RegleMetierException("Cette action ne comporte pas de stage en entreprise.");
        }

        var total = Heures.Sum(h => h.Heures);
        if (action.PlafondHeures is { } plafond && total + heures > plafond)
        {
            throw new RegleMetierException(
                $"L'action est plafonnée à {plafond} h : {Format(total)} h sont déjà enregistrées, {Format(heures)} h de plus dépasseraient le plafond de {Format(total + heures - plafond)} h.");
        }

        var stage = Heures.Where(h => h.Nature == NatureHeures.Stage).Sum(h => h.Heures);
        if (nature == NatureHeures.Stage && action.StageMaximumHeures is { } maximum && stage + heures > maximum)
        {
            throw new RegleMetierException(
                $"Le stage en entreprise dure au plus {maximum} h : {Format(stage)} h sont déjà enregistrées, {Format(heures)} h de plus le dépasseraient de {Format(stage + heures - maximum)} h.");
        }

        var ligne = new HeuresRealisees(DepartementId, Id, date, minutes, nature, agentId);
        Heures.Add(ligne);
        return ligne;
    }

    public BilanPrescription AjouterBilan(
        TypeBilan type, DateOnly date, AtteinteObjectifs atteinte, Assiduite assiduite, IEnumerable<string> freinsLeves, string? preconisations,
        string? commentaire, Guid agentId, DateOnly aujourdhui)
    {
        Exiger("Un bilan s'écrit pendant l'action ou à sa sortie.", EtatPrescription.EnCours, EtatPrescription.Sortie);
        ExigerApres(date, EntreeLe!.Value, "Le bilan suit l'entrée dans l'action");
        ExigerPasFutur(date, aujourdhui, "Le bilan");
        if (type == TypeBilan.Final && Bilans.Exists(b => b.Type == TypeBilan.Final))
        {
            throw new RegleMetierException("Le bilan final est déjà écrit.");
        }

        if (type == TypeBilan.Intermediaire && Etat == EtatPrescription.Sortie)
        {
            throw new RegleMetierException("Après la sortie, seul le bilan final s'écrit.");
        }

        var bilan = new BilanPrescription(DepartementId, Id, type, date, atteinte, assiduite, freinsLeves, preconisations, commentaire, agentId);
        Bilans.Add(bilan);
        return bilan;
    }

    public void Sortir(DateOnly date, IssueSortie issue, string? commentaire, DateOnly aujourdhui)
    {
        Exiger("Seule une personne entrée dans l'action peut en sortir.", EtatPrescription.EnCours);
        ExigerApres(date, EntreeLe!.Value, "La sortie suit l'entrée");
        ExigerPasFutur(date, aujourdhui, "La sortie");
        if (Heures.Exists(h => h.Date > date))
        {
            throw new RegleMetierException("Des heures sont enregistrées après cette date : la sortie ne les précède pas.");
        }

        Etat = EtatPrescription.Sortie;
        SortieLe = date;
        Issue = issue;
        CommentaireSortie = Texte.Facultatif(commentaire, LongueurMotif, "Le commentaire de sortie");
    }

    /// <summary>The situation six months after the exit, recorded once, from the day it is due.</summary>
    public void Suivre(DateOnly date, SituationSuivi situation, string? commentaire, DateOnly aujourdhui)
    {
        Exiger("Le suivi se renseigne après la sortie de l'action.", EtatPrescription.Sortie);
        if (SuiviLe is not null)
        {
            throw new RegleMetierException("Le suivi à six mois est déjà renseigné.");
        }

        if (date < SuiviDu)
        {
            throw new RegleMetierException($"Le suivi à six mois se renseigne à partir du {SuiviDu:dd/MM/yyyy}.");
        }

        ExigerPasFutur(date, aujourdhui, "Le suivi");
        SuiviLe = date;
        Situation = situation;
        CommentaireSuivi = Texte.Facultatif(commentaire, LongueurMotif, "Le commentaire du suivi");
    }

    /// <summary>Whether the operator still sees the person on <paramref name="date"/>: while open, then until the follow-up.</summary>
    public bool VisiblePourOperateur(DateOnly date) =>
        EstOuverte || (Etat == EtatPrescription.Sortie && (SuiviLe is { } suivi ? suivi >= date : SortieLe >= date.AddMonths(-(MoisSuivi + MoisSaisieSuivi))));

    private void Exiger(string message, params EtatPrescription[] etats)
    {
        if (!etats.Contains(Etat))
        {
            throw new RegleMetierException($"{message} (état actuel : {Etat.Libelle().ToLowerInvariant()}).");
        }
    }

    private static void ExigerApres(DateOnly date, DateOnly reference, string message)
    {
        if (date < reference)
        {
            throw new RegleMetierException($"{message} du {reference:dd/MM/yyyy}.");
        }
    }

    private static void ExigerPasFutur(DateOnly date, DateOnly aujourdhui, string quoi)
    {
        if (date > aujourdhui)
        {
            throw new RegleMetierException($"{quoi} ne se date pas dans le futur.");
        }
    }

    private static string Format(decimal heures) => heures.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));
}

/// <summary>Hours done on one day, in the centre or during the internship.</summary>
public sealed class HeuresRealisees : IAppartientAuDepartement
{
    private HeuresRealisees()
    {
    }

    public HeuresRealisees(Guid departementId, Guid prescriptionId, DateOnly date, int minutes, NatureHeures nature, Guid agentId)
    {
        DepartementId = departementId;
        PrescriptionId = prescriptionId;
        Date = date;
        Minutes = minutes;
        Nature = nature;
        AgentId = agentId;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid DepartementId { get; private set; }
    public Guid PrescriptionId { get; private set; }
    public DateOnly Date { get; private set; }
    public int Minutes { get; private set; }
    public NatureHeures Nature { get; private set; }
    public Guid AgentId { get; private set; }

    public decimal Heures => Minutes / 60m;
}

public enum TypeBilan
{
    [Display(Name = "Bilan intermédiaire")] Intermediaire,
    [Display(Name = "Bilan final")] Final,
}

public enum AtteinteObjectifs
{
    [Display(Name = "Objectifs atteints")] Atteints,
    [Display(Name = "Objectifs partiellement atteints")] Partiellement,
    [Display(Name = "Objectifs non atteints")] NonAtteints,
}

public enum Assiduite
{
    [Display(Name = "Régulière")] Reguliere,
    [Display(Name = "Irrégulière")] Irreguliere,
    [Display(Name = "Insuffisante")] Insuffisante,
}

/// <summary>The operator's bilan: structured (objectives, attendance, barriers lifted) and in free text.</summary>
public sealed class BilanPrescription : IAppartientAuDepartement
{
    private BilanPrescription()
    {
    }

    public BilanPrescription(
        Guid departementId, Guid prescriptionId, TypeBilan type, DateOnly date, AtteinteObjectifs atteinte, Assiduite assiduite,
        IEnumerable<string> freinsLeves, string? preconisations, string? commentaire, Guid agentId)
    {
        DepartementId = departementId;
        PrescriptionId = prescriptionId;
        Type = type;
        Date = date;
        Atteinte = atteinte;
        Assiduite = assiduite;
        FreinsLeves = Texte.Joindre(freinsLeves);
        Preconisations = Texte.Facultatif(preconisations, Prescription.LongueurTexte, "Les préconisations");
        Commentaire = Texte.Facultatif(commentaire, Prescription.LongueurTexte, "Le commentaire");
        if (Preconisations is null && Commentaire is null)
        {
            throw new RegleMetierException("Écrivez le bilan : des préconisations ou un commentaire.");
        }

        AgentId = agentId;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid DepartementId { get; private set; }
    public Guid PrescriptionId { get; private set; }
    public TypeBilan Type { get; private set; }
    public DateOnly Date { get; private set; }
    public AtteinteObjectifs Atteinte { get; private set; }
    public Assiduite Assiduite { get; private set; }
    /// <summary>Codes of the "themes-freins" list, separated by "|".</summary>
    public string? FreinsLeves { get; private set; }
    public string? Preconisations { get; private set; }
    public string? Commentaire { get; private set; }
    public Guid AgentId { get; private set; }

    public IReadOnlyList<string> CodesFreinsLeves => Texte.Separer(FreinsLeves);
}
