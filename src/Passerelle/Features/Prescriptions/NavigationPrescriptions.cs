using Passerelle.Domain;
using Passerelle.Features.Shared;

namespace Passerelle.Features.Prescriptions;

public static class NavigationPrescriptions
{
    public static readonly (Role Role, LienNavigation Lien)[] Liens =
    [
        (Role.Referent, new("/prescriptions", "Prescriptions", "Les actions que vous avez prescrites, leurs réponses et leur suivi par les opérateurs.")),
        (Role.Responsable, new("/prescriptions", "Prescriptions", "Les actions prescrites par les référents de votre structure et leur suivi.")),
    ];
}
