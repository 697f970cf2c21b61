using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Shared;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.Beneficiaires;

/// <summary>Records a new dated state of the RSA right; earlier states stay as they were.</summary>
[Authorize(Policy = PerimetreDossiers.Politique)]
public sealed class DroitsModel(PasserelleDbContext db, PerimetreDossiers perimetre, ServiceDossiers service, TimeProvider temps) : PageModel
{
    [BindProperty] public DateOnly? DateEffet { get; set; }
    [BindProperty] public EtatDroitRsa? Etat { get; set; }
    [BindProperty] public OrganismePayeur? OrganismePayeur { get; set; }
    [BindProperty] public bool SoumisDroitsEtDevoirs { get; set; } = true;
    [BindProperty] public DateOnly? DateReception { get; set; }

    public string NomActuel { get; private set; } = "";
    public List<SelectListItem> Etats { get; } = Enum.GetValues<EtatDroitRsa>().Select(e => new SelectListItem(e.Libelle(), e.ToString())).ToList();
    public List<SelectListItem> Organismes { get; } = Enum.GetValues<OrganismePayeur>().Select(o => new SelectListItem(o.Libelle(), o.ToString())).ToList();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await ChargerAsync(id, cancellationToken))
        {
            return NotFound();
        }

        DateEffet = temps.Aujourdhui(User.Fuseau());
        OrganismePayeur = await db.Foyers.Where(f => db.Beneficiaires.Any(b => b.Id == id && b.FoyerId == f.Id)).Select(f => f.OrganismePayeur).FirstOrDefaultAsync(cancellationToken)
            ?? Domain.OrganismePayeur.Caf;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await ChargerAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (DateEffet is null && !ModelState.ContainsKey(nameof(DateEffet)))
        {
            ModelState.AddModelError(nameof(DateEffet), "La date d'effet est obligatoire.");
        }

        if (Etat is null)
        {
            ModelState.AddModelError(nameof(Etat), "L'état du droit est obligatoire.");
        }

        if (OrganismePayeur is null)
        {
            ModelState.AddModelError(nameof(OrganismePayeur), "L'organisme payeur est obligatoire.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await this.EnregistrerAsync(async () =>
        {
            await service.AjouterDroitAsync(id, DateEffet, Etat, OrganismePayeur, SoumisDroitsEtDevoirs, DateReception, cancellationToken);
            TempData["Succes"] = "L'état du droit RSA est enregistré.";
            return Redirect($"/beneficiaires/{id}#droits");
        });
    }

    private async Task<bool> ChargerAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await perimetre.PorteeAsync(id, cancellationToken) != Portee.Complete)
        {
            return false;
        }

        NomActuel = await db.Beneficiaires.Where(b => b.Id == id).Select(b => b.Prenoms + " " + (b.NomUsage ?? b.NomNaissance)).SingleAsync(cancellationToken);
        return true;
    }
}
