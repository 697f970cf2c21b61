using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Passerelle.Data;
using Passerelle.Domain;

using Passerelle.Features.Shared;

namespace Passerelle.Features.Administration.Structures;

[Authorize(Policy = nameof(Role.Administrateur))]
public sealed class NouvelleModel(PasserelleDbContext db, ServiceStructures service) : PageModel
{
    [BindProperty]
    public SaisieStructure Saisie { get; set; } = new();

    public List<SelectListItem> Types { get; } = ListesStructures.Types();
    public List<TerritoireProposable> Territoires { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Territoires = await ListesStructures.TerritoiresAsync(db, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Territoires = await ListesStructures.TerritoiresAsync(db, cancellationToken);
        await ListesStructures.VerifierAsync(service, Saisie, ModelState, cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await this.EnregistrerAsync(async () =>
        {
            var structure = await service.CreerAsync(
                Saisie.Nom, Saisie.Type!.Value, Saisie.Siret, Saisie.Adresse, Saisie.CommuneCode, Saisie.TerritoireIds, cancellationToken);
            TempData["Succes"] = $"La structure « {structure.Nom} » est créée.";
            return RedirectToPage("Index");
        });
    }
}
