using System.ComponentModel.DataAnnotations;
using Passerelle.Domain;

namespace Passerelle.Features.Catalogue;

/// <summary>An action as the creation and edit forms post it, and as <see cref="ServiceActions"/> receives it.</summary>
public sealed class SaisieAction
{
    [Required(ErrorMessage = "Choisissez la structure qui porte l'action.")]
    public Guid? StructureId { get; set; }

    [Required(ErrorMessage = "Choisissez la fiche-action à laquelle l'action se rattache.")]
    public Guid? FicheActionId { get; set; }

    [Required(ErrorMessage = "Le nom de l'action est obligatoire.")]
    public string? Nom { get; set; }

    [Required(ErrorMessage = "La présentation de l'action est obligatoire.")]
    public string? Presentation { get; set; }

    [Required(ErrorMessage = "Choisissez le type de service.")]
    public string? TypeService { get; set; }

    /// <summary>data·inclusion codes of the ticked boxes.</summary>
    public List<string> Thematiques { get; set; } = [];

    public List<string> Publics { get; set; } = [];

    public List<string> ModesAccueil { get; set; } = [];

    public string? ConditionsAcces { get; set; }

    public string? Adresse { get; set; }

    public string? CommuneCode { get; set; }

    public string? ContactNom { get; set; }

    public string? Courriel { get; set; }

    public string? Telephone { get; set; }

    [Display(Name = "la date de début")]
    public DateOnly? Debut { get; set; }

    [Display(Name = "la date de fin")]
    public DateOnly? Fin { get; set; }

    public List<Guid> TerritoireIds { get; set; } = [];

    /// <summary>COG codes typed one after the other, separated by spaces, commas or line breaks.</summary>
    public string? CommunesDesservies { get; set; }

    [Display(Name = "l'âge minimum")]
    public int? AgeMinimum { get; set; }

    [Display(Name = "l'âge maximum")]
    public int? AgeMaximum { get; set; }

    public List<Dispositifs> Dispositifs { get; set; } = [];

    public bool ReserveeSoumisDroitsEtDevoirs { get; set; }

    public bool ReserveeQpv { get; set; }

    public List<TypeParcours> Parcours { get; set; } = [];

    [Display(Name = "le mode de capacité")]
    public ModeCapacite ModeCapacite { get; set; }

    [Display(Name = "le nombre de parcours par an")]
    public int? ParcoursParAn { get; set; }

    [Display(Name = "la cadence des entretiens")]
    public int? CadenceEntretiensJours { get; set; }

    [Display(Name = "le nombre d'entretiens prévus")]
    public int? EntretiensPrevus { get; set; }

    [Display(Name = "la durée")]
    public int? DureeMois { get; set; }

    [Display(Name = "le plafond d'heures")]
    public int? PlafondHeures { get; set; }

    [Display(Name = "la durée minimale du stage")]
    public int? StageMinimumHeures { get; set; }

    [Display(Name = "la durée maximale du stage")]
    public int? StageMaximumHeures { get; set; }

    public List<TypeStructure> TypesPrescripteurs { get; set; } = [];

    public bool Publiee { get; set; }

    public int Version { get; set; }

    /// <summary>The codes of <see cref="CommunesDesservies"/>, normalised, in the order typed.</summary>
    public IReadOnlyList<string> CodesCommunesDesservies =>
        (CommunesDesservies ?? "").Split([' ', ',', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(Administration.CommunesDuDepartement.Normaliser)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    public Dispositifs DispositifsCombines => Dispositifs.Aggregate(Domain.Dispositifs.Aucun, (tous, d) => tous | d);

    /// <summary>The form filled with the action as it is stored.</summary>
    public static SaisieAction De(ActionInsertion a) => new()
    {
        StructureId = a.StructureId, FicheActionId = a.FicheActionId, Nom = a.Nom, Presentation = a.Presentation, TypeService = a.TypeService,
        Thematiques = [.. a.CodesThematiques], Publics = [.. a.CodesPublics], ModesAccueil = [.. a.CodesModesAccueil], ConditionsAcces = a.ConditionsAcces,
        Adresse = a.Adresse, CommuneCode = a.CommuneCode, ContactNom = a.ContactNom, Courriel = a.Courriel, Telephone = a.Telephone,
        Debut = a.Debut, Fin = a.Fin, TerritoireIds = a.Territoires.Select(t => t.TerritoireId).ToList(),
        CommunesDesservies = string.Join(' ', a.CodesCommunesDesservies),
        AgeMinimum = a.AgeMinimum, AgeMaximum = a.AgeMaximum,
        Dispositifs = Enum.GetValues<Dispositifs>().Where(d => d != Domain.Dispositifs.Aucun && a.DispositifsAcceptes.HasFlag(d)).ToList(),
        ReserveeSoumisDroitsEtDevoirs = a.ReserveeSoumisDroitsEtDevoirs, ReserveeQpv = a.ReserveeQpv, Parcours = [.. a.ListeParcoursAcceptes],
        ModeCapacite = a.ModeCapacite, ParcoursParAn = a.ParcoursParAn, CadenceEntretiensJours = a.CadenceEntretiensJours,
        EntretiensPrevus = a.EntretiensPrevus, DureeMois = a.DureeMois,
        PlafondHeures = a.PlafondHeures, StageMinimumHeures = a.StageMinimumHeures, StageMaximumHeures = a.StageMaximumHeures,
        TypesPrescripteurs = [.. a.ListeTypesPrescripteurs], Publiee = a.Publiee, Version = a.Version,
    };
}

/// <summary>A session as the action page posts it.</summary>
public sealed class SaisieSession
{
    [Required(ErrorMessage = "Le libellé de la session est obligatoire.")]
    public string? Libelle { get; set; }

    [Required(ErrorMessage = "La date de début de la session est obligatoire.")]
    [Display(Name = "la date de début")]
    public DateOnly? Debut { get; set; }

    [Required(ErrorMessage = "La date de fin de la session est obligatoire.")]
    [Display(Name = "la date de fin")]
    public DateOnly? Fin { get; set; }

    [Required(ErrorMessage = "Le nombre de places de la session est obligatoire.")]
    [Display(Name = "le nombre de places")]
    public int? Places { get; set; }

    public int Version { get; set; }
}
