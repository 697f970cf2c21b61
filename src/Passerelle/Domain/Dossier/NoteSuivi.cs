namespace Passerelle.Domain;

/// <summary>A follow-up note, signed by its author and dated; never rewritten.</summary>
public sealed class NoteSuivi : IAppartientAuDepartement
{
    public const int LongueurTexte = 4000;

    private NoteSuivi()
    {
    }

    public NoteSuivi(Guid departementId, Guid beneficiaireId, Guid? agentId, DateTime instant, string texte)
    {
        if (string.IsNullOrWhiteSpace(texte))
        {
            throw new RegleMetierException("La note est vide.");
        }

        if (texte.Trim().Length > LongueurTexte)
        {
            throw new RegleMetierException($"Une note ne dépasse pas {LongueurTexte} caractères.");
        }

        DepartementId = departementId;
        BeneficiaireId = beneficiaireId;
        AgentId = agentId;
        Instant = DateTime.SpecifyKind(instant, DateTimeKind.Utc);
        Texte = texte.Trim();
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid DepartementId { get; private set; }
    public Guid BeneficiaireId { get; private set; }
    public Guid? AgentId { get; private set; }
    public DateTime Instant { get; private set; }
    public string Texte { get; private set; } = "";
}
