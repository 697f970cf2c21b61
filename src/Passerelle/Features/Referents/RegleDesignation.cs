using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Infrastructure.Auth;

namespace Passerelle.Features.Referents;

/// <summary>The orientation in force, as far as the designation of the référent depends on it.</summary>
public sealed record OrientationPourDesignation(OrganismeOrientation Organisme, Guid? StructureId, string LibelleOrganisme);

/// <summary>The référent an agent proposes: one of Passerelle's agents (with his structure) or an external one.</summary>
public sealed record ReferentPropose(Guid? AgentId, Guid? StructureId, TypeStructure? TypeStructure);

/// <summary>
/// Who designates the référent unique once a person is oriented (issue 5, "Référent unique"):
/// <list type="bullet">
/// <item>no orientation yet: any agent who sees the whole dossier, as before the orientation existed;</item>
/// <item>the Département's service: the agent of orientation, who chooses a référent of a Département service;</item>
/// <item>a partner structure: the Responsable of that structure, who chooses one of its référents; while the
/// structure has no active Responsable in Passerelle, the agent of orientation does it for him;</item>
/// <item>France Travail, Cap emploi, a Mission locale: the agent of orientation records their adviser (or the
/// Responsable of that structure when it has an account).</item>
/// </list>
/// </summary>
public static class RegleDesignation
{
    public static Task<OrientationPourDesignation?> OrientationAsync(PasserelleDbContext db, Guid beneficiaireId, CancellationToken cancellationToken) =>
        db.DecisionsOrientation.AsNoTracking()
            .Where(o => o.BeneficiaireId == beneficiaireId && o.Fin == null)
            .OrderByDescending(o => o.DateDecision).ThenByDescending(o => o.Instant)
            .Select(o => new OrientationPourDesignation(o.Organisme, o.StructureId, o.LibelleOrganisme))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Why the current agent may not designate the référent of a person with this orientation; null when he may.</summary>
    public static async Task<string?> RefusAsync(
        PasserelleDbContext db, OrientationPourDesignation? orientation, ClaimsPrincipal? utilisateur, Guid? agentId, CancellationToken cancellationToken)
    {
        if (orientation is null)
        {
            return null;
        }

        var agentOrientation = utilisateur?.EstDans(Role.AgentOrientation) == true;
        if (orientation.Organisme.DesigneParLeDepartement())
        {
            return agentOrientation
                ? null
                : $"La personne est orientée vers {orientation.LibelleOrganisme} : c'est l'agent d'orientation qui désigne son référent unique.";
        }

        var responsableDeLaStructure = orientation.StructureId is { } structureId && utilisateur?.EstDans(Role.Responsable) == true
            && await db.Users.AnyAsync(a => a.Id == agentId && a.StructureId == structureId, cancellationToken);
        if (responsableDeLaStructure)
        {
            return null;
        }

        if (orientation.Organisme != OrganismeOrientation.StructurePartenaire)
        {
            return agentOrientation
                ? null
                : $"La personne est orientée vers {orientation.LibelleOrganisme} : c'est l'agent d'orientation qui enregistre son référent unique.";
        }

        if (agentOrientation && !await StructureAUnResponsableAsync(db, orientation.StructureId, cancellationToken))
        {
            return null;
        }

        return $"La personne est orientée vers {orientation.LibelleOrganisme} : c'est le responsable de cette structure qui désigne son référent unique.";
    }

    /// <summary>Why the proposed référent does not fit the orientation; null when he does.</summary>
    public static string? RefusReferent(OrientationPourDesignation? orientation, ReferentPropose propose)
    {
        if (orientation is null)
        {
            return null;
        }

        if (orientation.Organisme.DesigneParLeDepartement() && (propose.AgentId is null || propose.TypeStructure != TypeStructure.ServiceDepartement))
        {
            return "Choisissez un référent d'un service du Département : c'est vers lui que la personne est orientée.";
        }

        if (orientation.Organisme == OrganismeOrientation.StructurePartenaire && orientation.StructureId is { } structureId
            && (propose.AgentId is null || propose.StructureId != structureId))
        {
            return $"Choisissez un référent de {orientation.LibelleOrganisme} : c'est vers cette structure que la personne est orientée.";
        }

        return null;
    }

    /// <summary>The agents the form offers for this orientation: a Département service's, or the partner's.</summary>
    public static IQueryable<Agent> AgentsProposes(PasserelleDbContext db, OrientationPourDesignation? orientation)
    {
        var roleReferent = RolesIdentite.IdPour(Role.Referent);
        var agents = db.Users.Where(a => a.Actif && db.UserRoles.Any(r => r.UserId == a.Id && r.RoleId == roleReferent));
        if (orientation is null)
        {
            return agents;
        }

        if (orientation.Organisme.DesigneParLeDepartement())
        {
            return agents.Where(a => db.Structures.Any(s => s.Id == a.StructureId && s.Type == TypeStructure.ServiceDepartement));
        }

        return orientation.Organisme == OrganismeOrientation.StructurePartenaire && orientation.StructureId is { } structureId
            ? agents.Where(a => a.StructureId == structureId)
            : agents;
    }

    private static Task<bool> StructureAUnResponsableAsync(PasserelleDbContext db, Guid? structureId, CancellationToken cancellationToken)
    {
        var roleResponsable = RolesIdentite.IdPour(Role.Responsable);
        return db.Users.AnyAsync(
            a => a.Actif && a.StructureId == structureId && structureId != null && db.UserRoles.Any(r => r.UserId == a.Id && r.RoleId == roleResponsable),
            cancellationToken);
    }
}
