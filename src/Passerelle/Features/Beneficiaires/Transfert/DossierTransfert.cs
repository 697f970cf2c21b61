using Passerelle.Domain;

namespace Passerelle.Features.Beneficiaires.Transfert;

/// <summary>
/// The transfer export of a dossier, for the département a person moves to: format
/// <c>passerelle-transfert-dossier</c>, version 1. JSON in camelCase; dates as <c>yyyy-MM-dd</c>, instants in
/// ISO 8601 UTC; enumerations as camelCase codes (<c>ouvert</c>, <c>departDepartement</c>…). Histories are in
/// chronological order, oldest first. The NIR is given in clear (15 characters, key included): the receiving
/// département needs it to identify the person. Documents are listed, their files are not included.
/// A version is never changed once published: a change of shape makes a version 2.
/// </summary>
public sealed record DossierTransfert(
    string Format,
    int Version,
    DateTime GenereLe,
    DepartementTransfert DepartementOrigine,
    PersonneTransfert Personne,
    FoyerTransfert? Foyer,
    IReadOnlyList<DroitTransfert> DroitsRsa,
    IReadOnlyList<ReferentTransfert> Referents,
    IReadOnlyList<EvaluationTransfert> EvaluationsFreins,
    IReadOnlyList<NoteTransfert> Notes,
    IReadOnlyList<ClotureTransfert> Clotures,
    IReadOnlyList<DocumentTransfert> Documents)
{
    public const string NomFormat = "passerelle-transfert-dossier";
    public const int VersionFormat = 1;
}

public sealed record DepartementTransfert(string Code, string Nom);

public sealed record CommuneTransfert(string Code, string? Nom);

public sealed record PersonneTransfert(
    string NomNaissance,
    string? NomUsage,
    string Prenoms,
    DateOnly DateNaissance,
    Sexe Sexe,
    IReadOnlyList<Dispositifs> Dispositifs,
    string? Nir,
    bool NirTemporaire,
    string? Telephone,
    string? Courriel,
    string? Adresse,
    CommuneTransfert? Commune,
    bool Clos);

public sealed record FoyerTransfert(
    string? Adresse,
    CommuneTransfert? Commune,
    string? Qpv,
    CompositionFoyer? Composition,
    int? NombreEnfants,
    OrganismePayeur? OrganismePayeur,
    string? Matricule);

public sealed record DroitTransfert(
    DateOnly DateEffet,
    EtatDroitRsa Etat,
    OrganismePayeur OrganismePayeur,
    bool SoumisDroitsEtDevoirs,
    DateOnly? DateReceptionInformation);

/// <summary>A designation period: the référent's name and structure only, never his contact details.</summary>
public sealed record ReferentTransfert(DateOnly Debut, DateOnly? Fin, string Nom, string? Structure);

/// <summary><c>theme</c> is the code of the list of barrier themes, <c>themeLibelle</c> its label in the département of origin.</summary>
public sealed record EvaluationTransfert(DateOnly Date, string Theme, string ThemeLibelle, NiveauFrein Niveau, string? Commentaire);

public sealed record NoteTransfert(DateTime Instant, string? Auteur, string Texte);

public sealed record ClotureTransfert(DateOnly Date, MotifCloture Motif, string? Commentaire, DateOnly? DateReouverture);

/// <summary>A document of the dossier, described only: <c>taille</c> in bytes.</summary>
public sealed record DocumentTransfert(string Nom, string Type, long Taille, DateTime DeposeLe);
