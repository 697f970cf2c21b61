namespace Passerelle.Domain;

/// <summary>
/// An absence cover: during the period, the replacing référent sees and follows the absent référent's
/// caseload; before and after it, he does not.
/// </summary>
public sealed class Suppleance : IAppartientAuDepartement
{
    private Suppleance()
    {
    }

    public Suppleance(Guid departementId, Guid referentAbsentId, Guid remplacantId, DateOnly du, DateOnly au, Guid? creeeParId, DateTime instant)
    {
        if (referentAbsentId == remplacantId)
        {
            throw new RegleMetierException("Un référent ne se remplace pas lui-même.");
        }

        if (au < du)
        {
            throw new RegleMetierException("La fin de l'absence ne peut pas précéder son début.");
        }

        if (au > du.AddMonths(12))
        {
            throw new RegleMetierException("Une suppléance dure un an au plus : au-delà, transférez le portefeuille.");
        }

        DepartementId = departementId;
        ReferentAbsentId = referentAbsentId;
        RemplacantId = remplacantId;
        Du = du;
        Au = au;
        CreeeParId = creeeParId;
        Instant = DateTime.SpecifyKind(instant, DateTimeKind.Utc);
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid DepartementId { get; private set; }
    public Guid ReferentAbsentId { get; private set; }
    public Guid RemplacantId { get; private set; }
    public DateOnly Du { get; private set; }
    public DateOnly Au { get; private set; }
    public Guid? CreeeParId { get; private set; }
    public DateTime Instant { get; private set; }

    public bool EstActiveLe(DateOnly jour) => Du <= jour && jour <= Au;

    /// <summary>Ends the cover early, when the référent comes back sooner.</summary>
    public void Terminer(DateOnly dernierJour)
    {
        if (dernierJour < Du)
        {
            throw new RegleMetierException("La suppléance ne peut pas finir avant d'avoir commencé.");
        }

        if (dernierJour < Au)
        {
            Au = dernierJour;
        }
    }
}
