using System.ComponentModel.DataAnnotations;

namespace Passerelle.Domain;

/// <summary>The weight of a barrier; the order matters (charts, the orientation suggestion).</summary>
public enum NiveauFrein
{
    [Display(Name = "Aucun")] Aucun = 0,
    [Display(Name = "Léger")] Leger = 1,
    [Display(Name = "Important")] Important = 2,
    [Display(Name = "Bloquant")] Bloquant = 3,
}

/// <summary>
/// One dated evaluation of one barrier theme (a code of the département's list "themes-freins").
/// Evaluations are added, never rewritten: the diagnostic is the latest per theme, the history their sequence.
/// </summary>
public sealed class EvaluationFrein : IAppartientAuDepartement
{
    public const int LongueurCommentaire = 1000;

    private EvaluationFrein()
    {
    }

    public EvaluationFrein(Guid departementId, Guid beneficiaireId, DateOnly date, string theme, NiveauFrein niveau, string? commentaire, Guid? agentId, DateTime instantSaisie)
    {
        if (string.IsNullOrWhiteSpace(theme))
        {
            throw new RegleMetierException("Le thème du frein est obligatoire.");
        }

        if (commentaire?.Trim().Length > LongueurCommentaire)
        {
            throw new RegleMetierException($"Un commentaire ne dépasse pas {LongueurCommentaire} caractères.");
        }

        DepartementId = departementId;
        BeneficiaireId = beneficiaireId;
        Date = date;
        Theme = theme;
        Niveau = niveau;
        Commentaire = string.IsNullOrWhiteSpace(commentaire) ? null : commentaire.Trim();
        AgentId = agentId;
        InstantSaisie = DateTime.SpecifyKind(instantSaisie, DateTimeKind.Utc);
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid DepartementId { get; private set; }
    public Guid BeneficiaireId { get; private set; }
    public DateOnly Date { get; private set; }
    public string Theme { get; private set; } = "";
    public NiveauFrein Niveau { get; private set; }
    public string? Commentaire { get; private set; }
    public Guid? AgentId { get; private set; }
    public DateTime InstantSaisie { get; private set; }
}
