using Microsoft.AspNetCore.Mvc;

namespace Passerelle.Features.Contrats;

/// <summary>The contract section of the dossier page, which has already checked the scope and journaled the reading.</summary>
public sealed class ContratsDossierViewComponent(ServiceContrats service) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid beneficiaireId)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var vue = await service.LireAsync(beneficiaireId, await service.AujourdhuiAsync(cancellationToken), cancellationToken);
        return View("~/Features/Contrats/_SectionDossier.cshtml", vue);
    }
}
