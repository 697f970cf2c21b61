using Passerelle.Domain;

namespace Passerelle.Features.Orientation;

public sealed record LigneDecision(
    Guid Id, TypeParcours Parcours, OrganismeOrientation Organisme, string LibelleOrganisme, DateOnly? ReceptionInformation,
    DateOnly DateDecision, DateOnly? DateNotification, string Motif, int? DelaiJours, int? SemainesDelai, bool HorsDelai,
    DateOnly? RevisionDue, string? MotifVulnerabilite, Guid? PrecedenteId, DateOnly? Fin, string? Agent)
{
    public bool EnVigueur => Fin is null;
}

public sealed record LigneDemande(
    Guid Id, Guid BeneficiaireId, Guid OrientationId, TypeParcours ParcoursSouhaite, string Motif, string? DemandeePar, DateOnly DateDemande,
    StatutDemandeReorientation Statut, string? DecideePar, DateOnly? DateReponse, string? MotifRefus, int Version);

/// <summary>A person's orientation as the dossier section, the orientation page and the API show it.</summary>
public sealed class VueOrientation
{
    /// <summary>A social track is flagged for its joint review this many days before it falls due.</summary>
    public const int JoursAvantExamen = 30;

    public required Guid BeneficiaireId { get; init; }
    public required string Nom { get; init; }
    public bool Clos { get; init; }
    public required DateOnly Aujourdhui { get; init; }
    /// <summary>Newest first.</summary>
    public List<LigneDecision> Decisions { get; init; } = [];
    /// <summary>Newest first.</summary>
    public List<LigneDemande> Demandes { get; init; } = [];
    /// <summary>The day the Département learnt of the latest opened right, if any: the delay of a first orientation runs from it.</summary>
    public DateOnly? Reception { get; init; }
    /// <summary>Soumis aux droits et devoirs on the latest state of the right, and not oriented yet: the person is in the queue.</summary>
    public bool AOrienter { get; init; }
    /// <summary>Where a person of the queue stands today; null outside the queue or when no setting covers the day of receipt.</summary>
    public SituationDelai? Delai { get; init; }
    public int? SemainesDelai { get; init; }
    public SuggestionOrientation? Suggestion { get; init; }
    public IReadOnlyDictionary<string, string> MotifsVulnerabilite { get; init; } = new Dictionary<string, string>();

    public LigneDecision? EnVigueur => Decisions.FirstOrDefault(d => d.EnVigueur);

    public LigneDemande? DemandeEnAttente => Demandes.FirstOrDefault(d => d.Statut == StatutDemandeReorientation.EnAttente);

    public bool ExamenAPrevoir =>
        EnVigueur is { Parcours: TypeParcours.Social, RevisionDue: { } revision } && revision <= Aujourdhui.AddDays(JoursAvantExamen);

    public string? LibelleVulnerabilite(string? code) => code is null ? null : MotifsVulnerabilite.GetValueOrDefault(code, code);
}
