using System.ComponentModel.DataAnnotations;

namespace Passerelle.Domain;

public enum ActionJournal
{
    [Display(Name = "Connexion")] Connexion,
    [Display(Name = "Échec de connexion")] EchecConnexion,
    [Display(Name = "Déconnexion")] Deconnexion,
    [Display(Name = "Consultation")] Consultation,
    [Display(Name = "Création")] Creation,
    [Display(Name = "Modification")] Modification,
    [Display(Name = "Suppression")] Suppression,
    [Display(Name = "Export")] Export,
    [Display(Name = "Affichage du NIR")] Demasquage,
    [Display(Name = "Fusion de dossiers")] Fusion,
    [Display(Name = "Téléchargement")] Telechargement,
}

/// <summary>One line of the access journal. Append-only: never updated, never deleted.</summary>
public sealed class JournalAcces
{
    public const int LongueurUserAgent = 200;

    private JournalAcces()
    {
    }

    public JournalAcces(
        DateTime instant, Guid? agentId, Guid? departementId, ActionJournal action,
        string? typeEnregistrement, Guid? enregistrementId, string? ip, string? userAgent)
    {
        Instant = DateTime.SpecifyKind(instant, DateTimeKind.Utc);
        AgentId = agentId;
        DepartementId = departementId;
        Action = action;
        TypeEnregistrement = typeEnregistrement;
        EnregistrementId = enregistrementId;
        Ip = ip;
        UserAgent = userAgent is { Length: > LongueurUserAgent } ? userAgent[..LongueurUserAgent] : userAgent;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public DateTime Instant { get; private set; }
    public Guid? AgentId { get; private set; }
    public Guid? DepartementId { get; private set; }
    public ActionJournal Action { get; private set; }
    public string? TypeEnregistrement { get; private set; }
    public Guid? EnregistrementId { get; private set; }
    public string? Ip { get; private set; }
    public string? UserAgent { get; private set; }
}

/// <summary>One changed field of one entity, written by the SaveChanges interceptor.</summary>
public sealed class HistoriqueModification
{
    public const string ValeurMasquee = "modifié";

    private HistoriqueModification()
    {
    }

    public HistoriqueModification(
        DateTime instant, Guid? agentId, Guid? departementId, string entite, Guid entiteId,
        string? champ, string? ancienneValeur, string? nouvelleValeur)
    {
        Instant = DateTime.SpecifyKind(instant, DateTimeKind.Utc);
        AgentId = agentId;
        DepartementId = departementId;
        Entite = entite;
        EntiteId = entiteId;
        Champ = champ;
        AncienneValeur = ancienneValeur;
        NouvelleValeur = nouvelleValeur;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public DateTime Instant { get; private set; }
    public Guid? AgentId { get; private set; }
    public Guid? DepartementId { get; private set; }
    public string Entite { get; private set; } = "";
    public Guid EntiteId { get; private set; }
    /// <summary>The field; null for a creation or a deletion of the whole entity.</summary>
    public string? Champ { get; private set; }
    public string? AncienneValeur { get; private set; }
    public string? NouvelleValeur { get; private set; }
}
