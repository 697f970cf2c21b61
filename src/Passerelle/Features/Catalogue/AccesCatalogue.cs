using System.Security.Claims;
using Passerelle.Domain;
using Passerelle.Features.Shared;
using Passerelle.Infrastructure.Auth;

namespace Passerelle.Features.Catalogue;

/// <summary>
/// Who reads and who writes the programme and the catalogue. Every agent of a département reads them (référents prescribe
/// from them, operators find their actions, partners pilot fiches); only the administrator and the chargé de mission PDI
/// describe the actions, since an action's rules decide who may enter it and who may prescribe it.
/// </summary>
public static class AccesCatalogue
{
    /// <summary>For [Authorize(Roles = …)]: checked before any record is loaded.</summary>
    public const string RolesEcriture = nameof(Role.Administrateur) + "," + nameof(Role.ChargeMissionPdi);

    public static bool PeutModifier(ClaimsPrincipal utilisateur) =>
        utilisateur.EstDans(Role.Administrateur) || utilisateur.EstDans(Role.ChargeMissionPdi);

    private static readonly Role[] RolesProgramme =
        [Role.ChargeMissionPdi, Role.Administrateur, Role.Responsable, Role.Partenaire, Role.GestionnaireConventions];

    private static readonly Role[] RolesCatalogue =
        [Role.ChargeMissionPdi, Role.Administrateur, Role.Referent, Role.Operateur, Role.Responsable, Role.Partenaire, Role.GestionnaireConventions];

    public static readonly IReadOnlyList<(Role Role, LienNavigation Lien)> LiensNavigation =
    [
        .. RolesProgramme.Select(r => (r, new LienNavigation("/programme", "Programme",
            "Les programmes du département, leurs axes et leurs fiches-actions, avec les actions rattachées à chacune."))),
        .. RolesCatalogue.Select(r => (r, new LienNavigation("/actions", "Catalogue des actions",
            r is Role.Administrateur or Role.ChargeMissionPdi
                ? "Décrire les actions d'insertion, leurs règles d'accès, leurs places et leurs sessions ; les publier."
                : "Les actions d'insertion du département : opérateurs, publics, règles d'accès, places et sessions."))),
    ];
}
