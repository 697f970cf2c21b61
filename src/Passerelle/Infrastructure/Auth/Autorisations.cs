using Microsoft.AspNetCore.Authorization;
using Passerelle.Domain;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Infrastructure.Auth;

public static class Autorisations
{
    public static void Configurer(AuthorizationOptions options)
    {
        // Everything needs a signed-in agent unless declared public.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        foreach (var role in Enum.GetValues<Role>())
        {
            options.AddPolicy(Politiques.Pour(role), p => p.RequireAuthenticatedUser().RequireRole(role.ToString()));
        }

        options.AddPolicy(Politiques.AgentDepartement, p => p.RequireAuthenticatedUser().RequireClaim(ClaimsPasserelle.DepartementId));
        // Checked before any record is loaded: the other roles get 403 on every individual dossier.
        options.AddPolicy(Features.Beneficiaires.PerimetreDossiers.Politique, p => p.RequireAuthenticatedUser()
            .RequireClaim(ClaimsPasserelle.DepartementId)
            .RequireRole(Features.Beneficiaires.PerimetreDossiers.RolesAutorises.Select(r => r.ToString())));
        options.AddPolicy(Features.Beneficiaires.PerimetreDossiers.PolitiqueCreation, p => p.RequireAuthenticatedUser()
            .RequireClaim(ClaimsPasserelle.DepartementId)
            .RequireRole(Features.Beneficiaires.PerimetreDossiers.RolesCreation.Select(r => r.ToString())));
    }
}
