namespace Passerelle.Domain;

/// <summary>
/// One designation period of the person's référent unique: an agent of Passerelle, or an external
/// référent (a France Travail adviser…) named with his structure. One period is open at a time.
/// </summary>
public sealed class ReferentUnique : IAppartientAuDepartement
{
    private ReferentUnique()
    {
    }

    private ReferentUnique(Guid departementId, Guid beneficiaireId, DateOnly debut, Guid? agentId, Guid? structureId, string? nomExterne, string? structureExterne)
    {
        DepartementId = departementId;
        BeneficiaireId = beneficiaireId;
        Debut = debut;
        AgentId = agentId;
        StructureId = structureId;
        NomExterne = nomExterne;
        StructureExterne = structureExterne;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid DepartementId { get; private set; }
    public Guid BeneficiaireId { get; private set; }
    public Guid? AgentId { get; private set; }
    /// <summary>The agent's structure at designation, or the external référent's when it is known to Passerelle.</summary>
    public Guid? StructureId { get; private set; }
    public string? NomExterne { get; private set; }
    public string? StructureExterne { get; private set; }
    public DateOnly Debut { get; private set; }
    public DateOnly? Fin { get; private set; }

    public bool EstOuverte => Fin is null;

    /// <summary>
    /// Opens a new period on <paramref name="debut"/>; the open one, if any, ends the day before (or the
    /// same day when it started that day).
    /// </summary>
    public static ReferentUnique Designer(
        Guid departementId, Guid beneficiaireId, IReadOnlyCollection<ReferentUnique> periodes, DateOnly debut,
        Guid? agentId, Guid? structureId, string? nomExterne, string? structureExterne)
    {
        nomExterne = string.IsNullOrWhiteSpace(nomExterne) ? null : nomExterne.Trim();
        structureExterne = string.IsNullOrWhiteSpace(structureExterne) ? null : structureExterne.Trim();
        if (agentId is null && nomExterne is null)
        {
            throw new RegleMetierException("Choisissez un agent, ou indiquez le nom du référent extérieur.");
        }

        if (agentId is null && structureId is null && structureExterne is null)
        {
            throw new RegleMetierException("Indiquez la structure du référent extérieur.");
        }

        if (periodes.Any(p => p.Debut > debut))
        {
            throw new RegleMetierException("Une désignation plus récente existe : la nouvelle ne peut pas commencer avant elle.");
        }

        var ouverte = periodes.SingleOrDefault(p => p.EstOuverte);
        if (ouverte is not null)
        {
            if (ouverte.AgentId is not null && ouverte.AgentId == agentId)
            {
                throw new RegleMetierException("Cet agent est déjà le référent unique de la personne.");
            }

            ouverte.Terminer(debut == ouverte.Debut ? debut : debut.AddDays(-1));
        }

        return new ReferentUnique(departementId, beneficiaireId, debut, agentId, structureId, nomExterne, structureExterne);
    }

    public void Terminer(DateOnly fin)
    {
        if (Fin is not null)
        {
            throw new RegleMetierException("Cette désignation est déjà terminée.");
        }

        Fin = fin < Debut ? Debut : fin;
    }
}
