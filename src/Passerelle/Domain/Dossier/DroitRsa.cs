using System.ComponentModel.DataAnnotations;

namespace Passerelle.Domain;

public enum EtatDroitRsa
{
    [Display(Name = "Demande")] Demande,
    [Display(Name = "Ouvert")] Ouvert,
    [Display(Name = "Suspendu")] Suspendu,
    [Display(Name = "Clos")] Clos,
}

/// <summary>
/// One dated state of the person's RSA right. Rows are never rewritten: the current state is the latest.
/// <see cref="DateReceptionInformation"/> is when the Département learnt that the right is opened or
/// transferred in; the orientation delay runs from it.
/// </summary>
public sealed class DroitRsa : IAppartientAuDepartement
{
    private DroitRsa()
    {
    }

    public DroitRsa(
        Guid departementId, Guid beneficiaireId, DateOnly dateEffet, EtatDroitRsa etat, OrganismePayeur organismePayeur,
        bool soumisDroitsEtDevoirs, DateOnly? dateReceptionInformation, Guid? agentId, DateTime instantSaisie)
    {
        if (dateReceptionInformation is { } reception && reception < dateEffet.AddYears(-1))
        {
            throw new RegleMetierException("La date de réception de l'information précède de plus d'un an la date d'effet : vérifiez la saisie.");
        }

        if (etat is EtatDroitRsa.Ouvert && soumisDroitsEtDevoirs && dateReceptionInformation is null)
        {
            throw new RegleMetierException(
                "Indiquez la date à laquelle le Département a reçu l'information de l'ouverture du droit : le délai d'orientation en dépend.");
        }

        DepartementId = departementId;
        BeneficiaireId = beneficiaireId;
        DateEffet = dateEffet;
        Etat = etat;
        OrganismePayeur = organismePayeur;
        SoumisDroitsEtDevoirs = soumisDroitsEtDevoirs;
        DateReceptionInformation = dateReceptionInformation;
        AgentId = agentId;
        InstantSaisie = DateTime.SpecifyKind(instantSaisie, DateTimeKind.Utc);
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid DepartementId { get; private set; }
    public Guid BeneficiaireId { get; private set; }
    public DateOnly DateEffet { get; private set; }
    public EtatDroitRsa Etat { get; private set; }
    public OrganismePayeur OrganismePayeur { get; private set; }
    public bool SoumisDroitsEtDevoirs { get; private set; }
    public DateOnly? DateReceptionInformation { get; private set; }
    public Guid? AgentId { get; private set; }
    public DateTime InstantSaisie { get; private set; }
}
