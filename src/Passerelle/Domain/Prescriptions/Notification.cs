namespace Passerelle.Domain;

/// <summary>A message for one agent, shown under the bell until read; the same news may also go by email.</summary>
public sealed class Notification : IAppartientAuDepartement
{
    public const int LongueurTitre = 300;

    private Notification()
    {
    }

    public Notification(Guid departementId, Guid agentId, string titre, string? url, DateTime instant)
    {
        DepartementId = departementId;
        AgentId = agentId;
        Titre = Texte.Obligatoire(titre, LongueurTitre, "Le titre de la notification");
        Url = url;
        Instant = DateTime.SpecifyKind(instant, DateTimeKind.Utc);
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid DepartementId { get; private set; }
    public Guid AgentId { get; private set; }
    public string Titre { get; private set; } = "";
    /// <summary>A page of Passerelle (path only): never personal data in it.</summary>
    public string? Url { get; private set; }
    public DateTime Instant { get; private set; }
    public DateTime? LueLe { get; private set; }

    public void MarquerLue(DateTime instant) => LueLe ??= DateTime.SpecifyKind(instant, DateTimeKind.Utc);
}
