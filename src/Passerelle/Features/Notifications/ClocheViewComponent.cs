using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.Notifications;

/// <summary>
/// The bell of the header: a link to <c>/notifications</c> with the agent's unread count. One COUNT on the index
/// (AgentId, LueLe, Instant) per page; nothing for an agent outside a département (the platform administrator).
/// </summary>
public sealed class ClocheViewComponent(PasserelleDbContext db, AgentCourant agentCourant) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        // An error page renders the layout too: it must not depend on the database that may have failed.
        if (agentCourant.Id is not { } agentId || db.DepartementCourantId is null
            || HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null)
        {
            return Content("");
        }

        var nonLues = await db.Notifications.CountAsync(n => n.AgentId == agentId && n.LueLe == null, HttpContext.RequestAborted);
        return View("~/Features/Notifications/_Cloche.cshtml", nonLues);
    }
}
