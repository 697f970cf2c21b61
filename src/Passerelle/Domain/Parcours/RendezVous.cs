using System.ComponentModel.DataAnnotations;

namespace Passerelle.Domain;

public enum TypeRendezVous
{
    [Display(Name = "Entretien individuel")] Individuel,
    [Display(Name = "Séance collective")] Collectif,
    [Display(Name = "Téléphone")] Telephone,
    [Display(Name = "Visioconférence")] Visio,
}

public enum StatutRendezVous
{
    [Display(Name = "Prévu")] Prevu,
    [Display(Name = "Honoré")] Honore,
    [Display(Name = "Non honoré")] Manque,
    [Display(Name = "Excusé")] Excuse,
    [Display(Name = "Annulé")] Annule,
}

/// <summary>
/// A meeting with a person, held by a référent or by an operator within a prescription. Planned, then recorded as held,
/// missed or excused (with the reason); a missed one without excuse is a possible manquement.
/// </summary>
public sealed class RendezVous : IAppartientAuDepartement, IVersionne
{
    public const int LongueurTexte = 2000;
    public const int LongueurCourte = 200;

    private RendezVous()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid DepartementId { get; private set; }
    public Guid BeneficiaireId { get; private set; }
    /// <summary>The agent who holds the meeting.</summary>
    public Guid AgentId { get; private set; }
    public Guid? StructureId { get; private set; }
    public TypeRendezVous Type { get; private set; }
    /// <summary>UTC; shown in the département's time zone.</summary>
    public DateTime Debut { get; private set; }
    public int DureeMinutes { get; private set; }
    public string Objet { get; private set; } = "";
    public string? Lieu { get; private set; }
    public StatutRendezVous Statut { get; private set; }
    public string? MotifExcuse { get; private set; }
    public string? CompteRendu { get; private set; }
    /// <summary>The collective session this meeting is one seat of.</summary>
    public Guid? SeanceCollectiveId { get; private set; }
    public Guid? ContratId { get; private set; }
    /// <summary>An operator's entretien within a prescription.</summary>
    public Guid? PrescriptionId { get; private set; }
    public DateTime? EnregistreLe { get; private set; }
    public int Version { get; set; }

    public DateTime Fin => Debut.AddMinutes(DureeMinutes);

    public static RendezVous Planifier(
        Guid departementId, Guid beneficiaireId, Guid agentId, Guid? structureId, TypeRendezVous type, DateTime debutUtc, int dureeMinutes,
        string objet, string? lieu, Guid? seanceCollectiveId = null, Guid? contratId = null, Guid? prescriptionId = null)
    {
        if (string.IsNullOrWhiteSpace(objet))
        {
            throw new RegleMetierException("Indiquez l'objet du rendez-vous : il figure sur la convocation.");
        }

        if (objet.Length > LongueurCourte || (lieu?.Length ?? 0) > LongueurCourte)
        {
            throw new RegleMetierException($"L'objet et le lieu tiennent chacun en {LongueurCourte} caractères.");
        }

        if (dureeMinutes is < 5 or > 480)
        {
            throw new RegleMetierException("Un rendez-vous dure de 5 minutes à 8 heures.");
        }

        if (type is TypeRendezVous.Individuel or TypeRendezVous.Collectif && string.IsNullOrWhiteSpace(lieu))
        {
            throw new RegleMetierException("Indiquez le lieu du rendez-vous.");
        }

        return new RendezVous
        {
            DepartementId = departementId,
            BeneficiaireId = beneficiaireId,
            AgentId = agentId,
            StructureId = structureId,
            Type = type,
            Debut = DateTime.SpecifyKind(debutUtc, DateTimeKind.Utc),
            DureeMinutes = dureeMinutes,
            Objet = objet.Trim(),
            Lieu = string.IsNullOrWhiteSpace(lieu) ? null : lieu.Trim(),
            Statut = StatutRendezVous.Prevu,
            SeanceCollectiveId = seanceCollectiveId,
            ContratId = contratId,
            PrescriptionId = prescriptionId,
        };
    }

    public void Deplacer(DateTime debutUtc, int dureeMinutes, string? lieu)
    {
        ExigerPrevu();
        if (dureeMinutes is < 5 or > 480)
        {
            throw new RegleMetierException("Un rendez-vous dure de 5 minutes à 8 heures.");
        }

        Debut = DateTime.SpecifyKind(debutUtc, DateTimeKind.Utc);
        DureeMinutes = dureeMinutes;
        Lieu = string.IsNullOrWhiteSpace(lieu) ? Lieu : lieu.Trim();
    }

    /// <summary>Held: the record can only be written once the meeting has started.</summary>
    public void Honorer(string? compteRendu, DateTime maintenantUtc)
    {
        ExigerPasse(maintenantUtc);
        if ((compteRendu?.Length ?? 0) > LongueurTexte)
        {
            throw new RegleMetierException($"Le compte rendu tient en {LongueurTexte} caractères.");
        }

        Statut = StatutRendezVous.Honore;
        CompteRendu = string.IsNullOrWhiteSpace(compteRendu) ? null : compteRendu.Trim();
        EnregistreLe = maintenantUtc;
    }

    /// <summary>Missed without excuse: a possible manquement.</summary>
    public void Manquer(DateTime maintenantUtc)
    {
        ExigerPasse(maintenantUtc);
        Statut = StatutRendezVous.Manque;
        EnregistreLe = maintenantUtc;
    }

    /// <summary>Excused, before or after the meeting, with the reason given.</summary>
    public void Excuser(string motif, DateTime maintenantUtc)
    {
        if (Statut is not (StatutRendezVous.Prevu or StatutRendezVous.Manque))
        {
            throw new RegleMetierException("Seul un rendez-vous prévu ou non honoré peut être excusé.");
        }

        if (string.IsNullOrWhiteSpace(motif))
        {
            throw new RegleMetierException("Indiquez le motif de l'excuse.");
        }

        if (motif.Trim().Length > LongueurCourte)
        {
            throw new RegleMetierException($"Le motif de l'excuse tient en {LongueurCourte} caractères.");
        }

        Statut = StatutRendezVous.Excuse;
        MotifExcuse = motif.Trim();
        EnregistreLe = maintenantUtc;
    }

    /// <summary>What happened, as recorded after the meeting: held with its report, missed, or excused with its reason.</summary>
    public void Enregistrer(StatutRendezVous issue, string? texte, DateTime maintenantUtc)
    {
        switch (issue)
        {
            case StatutRendezVous.Honore:
                Honorer(texte, maintenantUtc);
                break;
            case StatutRendezVous.Manque:
                Manquer(maintenantUtc);
                break;
            case StatutRendezVous.Excuse:
                Excuser(texte ?? "", maintenantUtc);
                break;
            default:
                throw new RegleMetierException("Choisissez ce qui s'est passé : honoré, non honoré ou excusé.");
        }
    }

    public void Annuler(DateTime maintenantUtc)
    {
        ExigerPrevu();
        Statut = StatutRendezVous.Annule;
        EnregistreLe = maintenantUtc;
    }

    private void ExigerPrevu()
    {
        if (Statut != StatutRendezVous.Prevu)
        {
            throw new RegleMetierException("Ce rendez-vous n'est plus prévu : il ne se modifie plus.");
        }
    }

    private void ExigerPasse(DateTime maintenantUtc)
    {
        ExigerPrevu();
        if (Debut > maintenantUtc)
        {
            throw new RegleMetierException("Ce rendez-vous n'a pas encore eu lieu.");
        }
    }
}

/// <summary>An information collective or any group session: one action convokes the whole group, one RendezVous per person.</summary>
public sealed class SeanceCollective : IAppartientAuDepartement
{
    private SeanceCollective()
    {
    }

    public SeanceCollective(Guid departementId, Guid agentId, string titre, DateTime debutUtc, int dureeMinutes, string lieu, int places)
    {
        if (string.IsNullOrWhiteSpace(titre) || string.IsNullOrWhiteSpace(lieu))
        {
            throw new RegleMetierException("Le titre et le lieu de la séance sont obligatoires.");
        }

        if (places is < 1 or > 200)
        {
            throw new RegleMetierException("Une séance compte de 1 à 200 places.");
        }

        DepartementId = departementId;
        AgentId = agentId;
        Titre = titre.Trim();
        Debut = DateTime.SpecifyKind(debutUtc, DateTimeKind.Utc);
        DureeMinutes = dureeMinutes;
        Lieu = lieu.Trim();
        Places = places;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid DepartementId { get; private set; }
    public Guid AgentId { get; private set; }
    public string Titre { get; private set; } = "";
    public DateTime Debut { get; private set; }
    public int DureeMinutes { get; private set; }
    public string Lieu { get; private set; } = "";
    public int Places { get; private set; }
}
