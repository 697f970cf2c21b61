using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;

using Passerelle.Features.Shared;

namespace Passerelle.Features.Administration.Territoires;

[Authorize(Policy = nameof(Role.Administrateur))]
public sealed class ModifierModel(PasserelleDbContext db, ServiceTerritoires service) : PageModel
{
    [BindProperty]
    public SaisieModificationTerritoire Saisie { get; set; } = new();

    public string NomActuel { get; private set; } = "";
    public TypeTerritoire TypeActuel { get; private set; }
    public List<SelectListItem> Types { get; } = ListesTerritoires.Types();

    /// <summary>The communes as saved, not as typed: the list shows what the territory covers now.</summary>
    public List<LigneCommune> Communes { get; private set; } = [];

    public sealed record LigneCommune(string Code, string Nom, string CodesPostaux);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var territoire = await LireAsync(id, cancellationToken);
        if (territoire is null)
        {
            return NotFound();
        }

        await ChargerAsync(territoire, cancellationToken);
        Saisie = SaisieDe(territoire);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var territoire = await LireAsync(id, cancellationToken);
        if (territoire is null)
        {
            return NotFound();
        }

        await ChargerAsync(territoire, cancellationToken);
        await ListesTerritoires.VerifierAsync(service, Saisie, id, ModelState, cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await this.EnregistrerAsync(
            async () =>
            {
                await service.ModifierAsync(id, Saisie.Version, Saisie.Nom, Saisie.Type!.Value, ServiceTerritoires.LireCodes(Saisie.Communes), cancellationToken);
                TempData["Succes"] = $"Le territoire « {Saisie.Nom.Trim()} » est enregistré.";
                return RedirectToPage("Index");
            },
            db,
            id,
            async () =>
            {
                var actuel = await LireAsync(id, cancellationToken);
                if (actuel is null)
                {
                    return NotFound();
                }

                await ChargerAsync(actuel, cancellationToken);
                Saisie = SaisieDe(actuel);
                return Page();
            },
            cancellationToken);
    }

    private Task<Territoire?> LireAsync(Guid id, CancellationToken cancellationToken) =>
        db.Territoires.AsNoTracking().Include(t => t.Communes).SingleOrDefaultAsync(t => t.Id == id, cancellationToken);

    private async Task ChargerAsync(Territoire territoire, CancellationToken cancellationToken)
    {
        NomActuel = territoire.Nom;
        TypeActuel = territoire.Type;
        var codes = territoire.Communes.Select(c => c.CommuneCode).ToList();
        var communes = await db.Communes.AsNoTracking()
            .Where(c => codes.Contains(c.Code))
            .Select(c => new LigneCommune(c.Code, c.Nom, c.CodesPostaux))
            .ToListAsync(cancellationToken);
        Communes = communes.OrderBy(c => c.Nom, StringComparer.CurrentCulture).ToList();
    }

    private static SaisieModificationTerritoire SaisieDe(Territoire territoire) => new()
    {
        Nom = territoire.Nom,
        Type = territoire.Type,
        Communes = string.Join(", ", territoire.Communes.Select(c => c.CommuneCode).Order(StringComparer.Ordinal)),
        Version = territoire.Version,
    };

    public sealed class SaisieModificationTerritoire : SaisieTerritoire
    {
        public int Version { get; set; }
    }
}
