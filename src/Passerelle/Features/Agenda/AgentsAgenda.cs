using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Infrastructure.Auth;

namespace Passerelle.Features.Agenda;

public sealed record AgentAgenda(Guid Id, string Nom);

/// <summary>Whose agenda a reader may open: his own; a Responsable also those of the active agents of his structure.</summary>
public static class AgentsAgenda
{
    public static async Task<List<AgentAgenda>> ChoixAsync(PasserelleDbContext db, ClaimsPrincipal utilisateur, Guid moi, CancellationToken cancellationToken)
    {
        var structureId = await db.Users.Where(a => a.Id == moi).Select(a => a.StructureId).SingleOrDefaultAsync(cancellationToken);
        if (!utilisateur.EstDans(Role.Responsable) || structureId is null)
        {
            return await db.Users.Where(a => a.Id == moi).Select(a => new AgentAgenda(a.Id, a.Prenom + " " + a.Nom)).ToListAsync(cancellationToken);
        }

        return await db.Users.AsNoTracking()
            .Where(a => a.Id == moi || (a.Actif && a.StructureId == structureId))
            .OrderBy(a => a.Nom).ThenBy(a => a.Prenom)
            .Select(a => new AgentAgenda(a.Id, a.Prenom + " " + a.Nom))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The agent asked for, when the reader may see his agenda; otherwise null (the page answers 404).</summary>
    public static async Task<AgentAgenda?> ResoudreAsync(
        PasserelleDbContext db, ClaimsPrincipal utilisateur, Guid moi, Guid? demande, CancellationToken cancellationToken) =>
        (await ChoixAsync(db, utilisateur, moi, cancellationToken)).SingleOrDefault(a => a.Id == (demande ?? moi));
}
