using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Shared;
using Passerelle.Infrastructure.Auth;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.Notifications;

/// <summary>A notification as listed: its title never names the person, its link is a page of Passerelle.</summary>
public sealed record LigneNotification(Guid Id, string Titre, string? Url, DateTime Instant, DateTime? LueLe)
{
    public bool Lue => LueLe is not null;
}

/// <summary>
/// <c>/notifications</c>: the agent's own notifications, newest first, unread ones marked. Marking one read, all read,
/// or following one (which marks it read) are POST forms; an id that is not the agent's answers 404, as if it did not
/// exist. The titles name an action and a step, never a person: nothing is journaled.
/// </summary>
[Authorize(Policy = Politiques.AgentDepartement)]
public sealed class IndexModel(PasserelleDbContext db, AgentCourant agentCourant, TimeProvider temps) : PageModel
{
    public const int TaillePage = 20;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int NumeroPage { get; set; } = 1;

    public PageDe<LigneNotification> Notifications { get; private set; } = new([], 1, TaillePage, 0);

    public int NonLues { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var agentId = AgentId;
        var miennes = db.Notifications.AsNoTracking().Where(n => n.AgentId == agentId);
        NonLues = await miennes.CountAsync(n => n.LueLe == null, cancellationToken);
        Notifications = await miennes
            .OrderByDescending(n => n.Instant).ThenByDescending(n => n.Id)
            .Select(n => new LigneNotification(n.Id, n.Titre, n.Url, n.Instant, n.LueLe))
            .PaginerAsync(NumeroPage, TaillePage, cancellationToken);
    }

    /// <summary>Marks one notification read and comes back to the same page of the list.</summary>
    public async Task<IActionResult> OnPostLueAsync(Guid id, CancellationToken cancellationToken)
    {
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.AgentId == AgentId, cancellationToken);
        if (notification is null)
        {
            return NotFound();
        }

        notification.MarquerLue(temps.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = "La notification est marquée comme lue.";
        return RedirectToPage(new { p = NumeroPage > 1 ? NumeroPage : (int?)null });
    }

    public async Task<IActionResult> OnPostToutLireAsync(CancellationToken cancellationToken)
    {
        var agentId = AgentId;
        var maintenant = temps.GetUtcNow().UtcDateTime;
        // One UPDATE, not one row at a time: an agent may have hundreds of notifications left unread.
        var nombre = await db.Notifications.Where(n => n.AgentId == agentId && n.LueLe == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.LueLe, maintenant), cancellationToken);
        TempData["Succes"] = nombre switch
        {
            0 => "Toutes vos notifications étaient déjà lues.",
            1 => "Une notification est marquée comme lue.",
            _ => $"{nombre} notifications sont marquées comme lues.",
        };
        return RedirectToPage();
    }

    /// <summary>Follows the notification's link and marks it read. Only a path of Passerelle is followed.</summary>
    public async Task<IActionResult> OnPostOuvrirAsync(Guid id, CancellationToken cancellationToken)
    {
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.AgentId == AgentId, cancellationToken);
        if (notification is null)
        {
            return NotFound();
        }

        notification.MarquerLue(temps.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return notification.Url is { } url && Url.IsLocalUrl(url) ? LocalRedirect(url) : RedirectToPage();
    }

    private Guid AgentId => agentCourant.Id ?? throw new InvalidOperationException("Aucun agent connecté.");
}
