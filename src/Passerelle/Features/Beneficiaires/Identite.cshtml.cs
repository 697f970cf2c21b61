using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Shared;

namespace Passerelle.Features.Beneficiaires;

[Authorize(Policy = PerimetreDossiers.Politique)]
public sealed class IdentiteModel(PasserelleDbContext db, PerimetreDossiers perimetre, ServiceDossiers service, Infrastructure.Audit.Journal journal) : PageModel
{
    [BindProperty] public SaisieBeneficiaire Saisie { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    [BindProperty] public bool EffacerNir { get; set; }

    public string NomActuel { get; private set; } = "";
    public string? NirMasque { get; private set; }

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

        Saisie.Verifier(ModelState);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await this.EnregistrerAsync(
            async () =>
            {
                await service.ModifierAsync(id, Version, Saisie, EffacerNir, cancellationToken);
                TempData["Succes"] = "L'identité et les coordonnées sont enregistrées.";
                return Redirect($"/beneficiaires/{id}");
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
        NirMasque = b.NirMasque;
        if (remplirSaisie)
        {
            Saisie = new SaisieBeneficiaire
            {
                NomNaissance = b.NomNaissance, NomUsage = b.NomUsage, Prenoms = b.Prenoms, DateNaissance = b.DateNaissance, Sexe = b.Sexe,
                Dispositifs = Enum.GetValues<Dispositifs>().Where(d => d != Dispositifs.Aucun && b.Dispositifs.HasFlag(d)).ToList(),
                Telephone = b.Telephone, Courriel = b.Courriel, Adresse = b.Adresse, CommuneCode = b.CommuneCode,
            };
            Version = b.Version;
        }

        return true;
    }
}
