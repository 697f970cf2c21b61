using System.Security.Claims;
using Passerelle.Domain;

namespace Passerelle.Infrastructure.Auth;

public static class Politiques
{
    /// <summary>Any signed-in agent of a département (not a platform administrator).</summary>
    public const string AgentDepartement = "AgentDepartement";

    public static string Pour(Role role) => role.ToString();

    public static bool EstDans(this ClaimsPrincipal utilisateur, Role role) => utilisateur.IsInRole(role.ToString());

    public static IEnumerable<Role> Roles(this ClaimsPrincipal utilisateur) =>
        Enum.GetValues<Role>().Where(utilisateur.EstDans);
}
