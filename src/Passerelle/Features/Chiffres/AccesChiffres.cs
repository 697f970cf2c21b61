using Passerelle.Domain;
using Passerelle.Features.Shared;

namespace Passerelle.Features.Chiffres;

/// <summary>
/// Who opens the figures. They are a pilotage tool: the agents of orientation and the Responsables steer the
/// parcours, the chargés de mission PDI and the administrators report on it, the auditors check it. A référent
/// works his caseload and an operator its prescriptions: neither gets the département's figures.
/// </summary>
public static class AccesChiffres
{
    public const string Roles =
        nameof(Role.AgentOrientation) + "," + nameof(Role.Responsable) + "," + nameof(Role.ChargeMissionPdi) + ","
        + nameof(Role.Administrateur) + "," + nameof(Role.Auditeur);

    public static readonly IReadOnlyList<Role> RolesAutorises =
        [Role.AgentOrientation, Role.Responsable, Role.ChargeMissionPdi, Role.Administrateur, Role.Auditeur];

    public static readonly IReadOnlyList<(Role Role, LienNavigation Lien)> LiensNavigation = RolesAutorises
        .Select(r => (r, new LienNavigation("/chiffres", "Chiffres",
            "Personnes soumises aux droits et devoirs, orientations et délais, référents et contrats, activité des actions d'insertion et Agenda 21.")))
        .ToList();
}
