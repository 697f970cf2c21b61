using Microsoft.AspNetCore.Mvc;
using Passerelle.Features.Beneficiaires;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.Contrats;

/// <summary>The contract section of the dossier page, which has already checked the scope and journaled the reading.</summary>
public sealed class ContratsDossierViewComponent(ServiceContrats service, TimeProvider temps) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(VueDossier dossier)
    {
        // Today in the département's time zone, as the page around it judges it (from the agent's claims).
        var aujourdhui = temps.Aujourdhui(UserClaimsPrincipal.Fuseau());
        var vue = await service.LireAsync(dossier.Id, aujourdhui, dossier, HttpContext.RequestAborted);
        return View("~/Features/Contrats/_SectionDossier.cshtml", vue);
    }
}
