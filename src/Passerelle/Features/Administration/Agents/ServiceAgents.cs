using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Infrastructure.Audit;
using Passerelle.Infrastructure.Tenancy;
using Passerelle.Infrastructure.Web;

namespace Passerelle.Features.Administration.Agents;

/// <summary>The accounts of the current département: creation, roles, structure, deactivation.</summary>
public sealed class ServiceAgents(PasserelleDbContext db, UserManager<Agent> userManager, DepartementCourant departementCourant, Journal journal)
{
    /// <summary>An administrator of a département grants every role but the platform's.</summary>
    public static readonly IReadOnlyList<Role> RolesAttribuables = Enum.GetValues<Role>().Where(r => r != Role.AdministrateurPlateforme).ToList();

    public async Task<Agent> CreerAsync(string email, string prenom, string nom, Guid structureId, IReadOnlyCollection<Role> roles, string motDePasse, CancellationToken cancellationToken = default)
    {
        var departementId = departementCourant.IdObligatoire;
        await VerifierStructureAsync(structureId, cancellationToken);
        VerifierRoles(roles);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var agent = new Agent(departementId, structureId, email, prenom, nom);
        Verifier(await userManager.CreateAsync(agent, motDePasse));
        Verifier(await userManager.AddToRolesAsync(agent, roles.Select(r => r.ToString())));
        await journal.EnregistrerAsync(ActionJournal.Creation, nameof(Agent), agent.Id, cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return agent;
    }

    public async Task ModifierAsync(Guid agentId, int version, string prenom, string nom, Guid structureId, IReadOnlyCollection<Role> roles, bool actif, CancellationToken cancellationToken = default)
    {
        var agent = await db.Users.SingleOrDefaultAsync(a => a.Id == agentId, cancellationToken)
            ?? throw new RegleMetierException("Cet agent n'existe pas dans votre département.");
        Concurrence.VerifierVersion(agent, version);
        await VerifierStructureAsync(structureId, cancellationToken);
        VerifierRoles(roles);

        db.Entry(agent).Property(a => a.Version).OriginalValue = version;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        agent.Modifier(prenom, nom, structureId);
        var etaitActif = agent.Actif;
        if (actif)
        {
            agent.Reactiver();
        }
        else
        {
            agent.Desactiver();
        }

        var actuels = (await userManager.GetRolesAsync(agent)).ToHashSet(StringComparer.Ordinal);
        var voulus = roles.Select(r => r.ToString()).ToHashSet(StringComparer.Ordinal);
        var rolesChanges = !actuels.SetEquals(voulus);
        if (rolesChanges)
        {
            Verifier(await userManager.RemoveFromRolesAsync(agent, actuels.Except(voulus)));
            Verifier(await userManager.AddToRolesAsync(agent, voulus.Except(actuels)));
        }

        // A new security stamp ends the agent's open sessions at their next check.
        if (rolesChanges || etaitActif != agent.Actif)
        {
            await userManager.UpdateSecurityStampAsync(agent);
        }

        journal.Ajouter(ActionJournal.Modification, nameof(Agent), agent.Id);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task VerifierStructureAsync(Guid structureId, CancellationToken cancellationToken)
    {
        // Resolved through the tenant filter: a structure of another département is not found.
        if (!await db.Structures.AnyAsync(s => s.Id == structureId && s.Active, cancellationToken))
        {
            throw new RegleMetierException("Choisissez une structure active de votre département.");
        }
    }

    private static void VerifierRoles(IReadOnlyCollection<Role> roles)
    {
        if (roles.Count == 0)
        {
            throw new RegleMetierException("Attribuez au moins un rôle à l'agent.");
        }

        if (roles.Any(r => !RolesAttribuables.Contains(r)))
        {
            throw new RegleMetierException("Ce rôle ne peut pas être attribué par un administrateur de département.");
        }
    }

    private static void Verifier(IdentityResult resultat)
    {
        if (!resultat.Succeeded)
        {
            throw new RegleMetierException(string.Join(" ", resultat.Errors.Select(e => e.Description)));
        }
    }
}
