using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;

namespace Passerelle.Features.Notifications;

/// <summary>
/// Tells agents what happened to their work: a notification under the bell and, when the account has an
/// address, the same news in the email outbox. Both are added to the unit of work, saved with the change they
/// announce. Titles and emails name the action and the step, never the person: an email leaves Passerelle.
/// </summary>
public sealed class ServiceNotifications(PasserelleDbContext db, TimeProvider temps)
{
    public async Task NotifierAsync(Guid departementId, IEnumerable<Guid> agentIds, string titre, string url, CancellationToken cancellationToken = default)
    {
        var ids = agentIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var maintenant = temps.GetUtcNow().UtcDateTime;
        var agents = await db.Users
            .Where(a => ids.Contains(a.Id) && a.Actif && a.DepartementId == departementId)
            .Select(a => new { a.Id, a.Email })
            .ToListAsync(cancellationToken);
        foreach (var agent in agents)
        {
            db.Notifications.Add(new Notification(departementId, agent.Id, titre, url, maintenant));
            if (!string.IsNullOrWhiteSpace(agent.Email) && agent.Email.Contains('@', StringComparison.Ordinal))
            {
                db.MessagesSortants.Add(new MessageSortant(
                    departementId, agent.Email, $"Passerelle : {titre}",
                    $"Bonjour,\n\n{titre}.\n\nRetrouvez le détail dans Passerelle, page {url}.\n\nCe message est envoyé automatiquement : merci de ne pas y répondre.",
                    null, maintenant));
            }
        }
    }

    /// <summary>The active agents of a structure with one of the roles: who hears of a prescription sent to it.</summary>
    public Task<List<Guid>> AgentsAsync(Guid structureId, Role role, CancellationToken cancellationToken = default)
    {
        var nomRole = role.ToString();
        return db.Users.Where(a => a.StructureId == structureId && a.Actif)
            .Where(a => db.UserRoles.Any(ur => ur.UserId == a.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == nomRole)))
            .Select(a => a.Id)
            .ToListAsync(cancellationToken);
    }
}
