using Passerelle.Domain;

namespace Passerelle.Features.Orientation;

/// <summary>An orientation decision as typed in the form or sent to the API.</summary>
public sealed class SaisieDecision
{
    public const int LongueurLibelleOrganisme = 200;

    public TypeParcours? Parcours { get; set; }
    public OrganismeOrientation? Organisme { get; set; }
    /// <summary>A structure of the département of the organism's kind; its name becomes the organism's label.</summary>
    public Guid? StructureId { get; set; }
    /// <summary>Typed when the organism is not a structure of Passerelle.</summary>
    public string? LibelleOrganisme { get; set; }
    public DateOnly? DateDecision { get; set; }
    public DateOnly? DateNotification { get; set; }
    public string? Motif { get; set; }
    /// <summary>A code of the list "motifs-vulnerabilite": the social track is reviewed later.</summary>
    public string? MotifVulnerabilite { get; set; }
}

/// <summary>A refused input with the field it belongs to (a property of <see cref="SaisieDecision"/>, or empty for the whole form).</summary>
public sealed record ErreurSaisie(string Champ, string Message);

public static class TypesOrganisme
{
    private static readonly TypeStructure[] Nommes =
        [TypeStructure.FranceTravail, TypeStructure.CapEmploi, TypeStructure.MissionLocale, TypeStructure.ServiceDepartement];

    /// <summary>The structures an organism may be: its own kind, or for a partner any kind the first four are not.</summary>
    public static bool Correspond(OrganismeOrientation organisme, TypeStructure type) => organisme switch
    {
        OrganismeOrientation.FranceTravail => type == TypeStructure.FranceTravail,
        OrganismeOrientation.CapEmploi => type == TypeStructure.CapEmploi,
        OrganismeOrientation.MissionLocale => type == TypeStructure.MissionLocale,
        OrganismeOrientation.ServiceDepartement => type == TypeStructure.ServiceDepartement,
        _ => !Nommes.Contains(type) && !NonAccompagnants.Contains(type),
    };

    /// <summary>Kinds of structure that never accompany a person: not offered for an orientation.</summary>
    public static readonly IReadOnlyList<TypeStructure> NonAccompagnants = [TypeStructure.Plateforme, TypeStructure.Etat, TypeStructure.Region];

    public static OrganismeOrientation Pour(TypeStructure type) => type switch
    {
        TypeStructure.FranceTravail => OrganismeOrientation.FranceTravail,
        TypeStructure.CapEmploi => OrganismeOrientation.CapEmploi,
        TypeStructure.MissionLocale => OrganismeOrientation.MissionLocale,
        TypeStructure.ServiceDepartement => OrganismeOrientation.ServiceDepartement,
        _ => OrganismeOrientation.StructurePartenaire,
    };
}
