using Microsoft.AspNetCore.Mvc;
using Passerelle.Features.Beneficiaires;

namespace Passerelle.Features.Orientation;

/// <summary>The orientation section of the dossier page, which has already checked the scope and journaled the reading.</summary>
public sealed class SectionOrientation(ServiceOrientation service) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(VueDossier dossier) =>
        View("~/Features/Orientation/_SectionOrientation.cshtml", await service.LireAsync(dossier.Id, dossier, HttpContext.RequestAborted));
}
