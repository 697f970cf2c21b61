using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Passerelle.Domain;

using Passerelle.Features.Shared;

namespace Passerelle.Features.Administration.Territoires;

[Authorize(Policy = nameof(Role.Administrateur))]
public sealed class NouveauModel(ServiceTerritoires service) : PageModel
{
    [BindProperty]
    public SaisieTerritoire Saisie { get; set; } = new();

    public List<SelectListItem> Types { get; } = ListesTerritoires.Types();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await ListesTerritoires.VerifierAsync(service, Saisie, null, ModelState, cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await this.EnregistrerAsync(async () =>
        {
            var territoire = await service.CreerAsync(Saisie.Nom, Saisie.Type!.Value, ServiceTerritoires.LireCodes(Saisie.Communes), cancellationToken);
            TempData["Succes"] = $"Le territoire « {territoire.Nom} » est créé avec {territoire.Communes.Count} commune{(territoire.Communes.Count > 1 ? "s" : "")}.";
            return RedirectToPage("Index");
        });
    }
}
