using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;

using Passerelle.Features.Shared;

namespace Passerelle.Features.Administration.Structures;

[Authorize(Policy = nameof(Role.Administrateur))]
public sealed class ModifierModel(PasserelleDbContext db, ServiceStructures service) : PageModel
{
    [BindProperty]
    public SaisieModificationStructure Saisie { get; set; } = new();

    public string NomActuel { get; private set; } = "";
    public string? NomCommune { get; private set; }
    public List<SelectListItem> Types { get; } = ListesStructures.Types();
    public List<TerritoireProposable> Territoires { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var structure = await LireAsync(id, cancellationToken);
        if (structure is null)
        {
            return NotFound();
        }

        await ChargerAsync(structure, cancellationToken);
        Saisie = SaisieDe(structure);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var structure = await LireAsync(id, cancellationToken);
        if (structure is null)
        {
            return NotFound();
        }

        await ChargerAsync(structure, cancellationToken);
        await ListesStructures.VerifierAsync(service, Saisie, ModelState, cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await this.EnregistrerAsync(
            async () =>
            {
                await service.ModifierAsync(
                    id, Saisie.Version, Saisie.Nom, Saisie.Type!.Value, Saisie.Siret, Saisie.Adresse, Saisie.CommuneCode,
                    Saisie.TerritoireIds, Saisie.Active, cancellationToken);
                TempData["Succes"] = $"La structure « {Saisie.Nom.Trim()} » est enregistrée.";
                return RedirectToPage("Index");
            },
            db,
            id,
            async () =>
            {
                var actuelle = await LireAsync(id, cancellationToken);
                if (actuelle is null)
                {
                    return NotFound();
                }

                await ChargerAsync(actuelle, cancellationToken);
                Saisie = SaisieDe(actuelle);
                return Page();
            },
            cancellationToken);
    }

    private Task<Structure?> LireAsync(Guid id, CancellationToken cancellationToken) =>
        db.Structures.AsNoTracking().Include(s => s.Territoires).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);

    private async Task ChargerAsync(Structure structure, CancellationToken cancellationToken)
    {
        NomActuel = structure.Nom;
        NomCommune = structure.CommuneCode is null
            ? null
            : await db.Communes.AsNoTracking().Where(c => c.Code == structure.CommuneCode).Select(c => c.Nom).SingleOrDefaultAsync(cancellationToken);
        Territoires = await ListesStructures.TerritoiresAsync(db, cancellationToken);
    }

    private static SaisieModificationStructure SaisieDe(Structure structure) => new()
    {
        Nom = structure.Nom, Type = structure.Type, Siret = structure.Siret, Adresse = structure.Adresse,
        CommuneCode = structure.CommuneCode, TerritoireIds = structure.Territoires.Select(t => t.TerritoireId).ToList(),
        Active = structure.Active, Version = structure.Version,
    };

    public sealed class SaisieModificationStructure : SaisieStructure
    {
        public bool Active { get; set; }

        public int Version { get; set; }
    }
}
