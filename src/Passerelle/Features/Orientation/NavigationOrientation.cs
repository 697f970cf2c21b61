using Passerelle.Domain;
using Passerelle.Features.Shared;

namespace Passerelle.Features.Orientation;

public static class NavigationOrientation
{
    public static readonly (Role Role, LienNavigation Lien)[] Liens =
    [
        (Role.AgentOrientation, new("/orientation", "Orientation", "Les personnes à orienter dans le délai légal, les examens des parcours sociaux à prévoir.")),
        (Role.Responsable, new("/orientation", "Orientation", "Les personnes de votre périmètre en attente d'orientation et les examens à prévoir.")),
        (Role.Responsable, new("/orientation/reorientations", "Réorientations", "Les demandes de réorientation des référents, à accepter ou refuser.")),
    ];
}
