using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Shared;

namespace Passerelle.Features.Beneficiaires;

[Authorize(Policy = PerimetreDossiers.Politique)]
public sealed class FoyerModel(PasserelleDbContext db, PerimetreDossiers perimetre, ServiceDossiers service, Infrastructure.Audit.Journal journal) : PageModel
{
    [BindProperty] public SaisieFoyer Saisie { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    [BindProperty] public int? VersionFoyer { get; set; }

    public string NomActuel { get; private set; } = "";
    public List<SelectListItem> Qpvs { get; private set; } = [];
    public List<SelectListItem> Compositions { get; } = Enum.GetValues<CompositionFoyer>().Select(c => new SelectListItem(c.Libelle(), c.ToString())).ToList();
    public List<SelectListItem> Organismes { get; } = Enum.GetValues<OrganismePayeur>().Select(o => new SelectListItem(o.Libelle(), o.ToString())).ToList();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await ChargerAsync(id, remplirSaisie: true, cancellationToken))
        {
            return NotFound();
        }

        await journal.EnregistrerAsync(ActionJournal.Consultation, nameof(Beneficiaire), id, cancellationToken: cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await ChargerAsync(id, remplirSaisie: false, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await this.EnregistrerAsync(
            async () =>
            {
                var rattache = await service.ModifierFoyerAsync(id, Version, VersionFoyer, Saisie, cancellationToken);
                TempData["Succes"] = rattache
                    ? "La personne est rattachée au foyer existant de ce matricule ; les informations de ce foyer n'ont pas été modifiées."
                    : "Le foyer est enregistré.";
                return Redirect($"/beneficiaires/{id}#foyer");
            },
            db, id,
            async () =>
            {
                await ChargerAsync(id, remplirSaisie: true, cancellationToken);
                return Page();
            },
            cancellationToken);
    }

    private async Task<bool> ChargerAsync(Guid id, bool remplirSaisie, CancellationToken cancellationToken)
    {
        if (await perimetre.PorteeAsync(id, cancellationToken) != Portee.Complete)
        {
            return false;
        }

        var b = await db.Beneficiaires.AsNoTracking().SingleAsync(x => x.Id == id, cancellationToken);
        NomActuel = $"{b.Prenoms} {b.NomUsage ?? b.NomNaissance}";
        Qpvs = await db.Qpvs.AsNoTracking().OrderBy(q => q.Nom).Select(q => new SelectListItem(q.Nom, q.Id.ToString())).ToListAsync(cancellationToken);
        if (remplirSaisie)
        {
            Version = b.Version;
            var foyer = await db.Foyers.AsNoTracking().SingleOrDefaultAsync(f => f.Id == b.FoyerId, cancellationToken);
            VersionFoyer = foyer?.Version;
            Saisie = foyer is null
                ? new SaisieFoyer { Adresse = b.Adresse, CommuneCode = b.CommuneCode }
                : new SaisieFoyer
                {
                    Adresse = foyer.Adresse, CommuneCode = foyer.CommuneCode, QpvId = foyer.QpvId, Composition = foyer.Composition,
                    NombreEnfants = foyer.NombreEnfants, OrganismePayeur = foyer.OrganismePayeur, Matricule = foyer.Matricule,
                };
        }

        return true;
    }
}
