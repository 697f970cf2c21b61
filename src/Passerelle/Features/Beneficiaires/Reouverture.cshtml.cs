using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Beneficiaires.Cloture;
using Passerelle.Features.Shared;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.Beneficiaires;

/// <summary>Reopening a closed dossier: by the agents who still see it once its référent is gone (orientation, Responsable).</summary>
[Authorize(Policy = PerimetreDossiers.Politique)]
public sealed class ReouvertureModel(PasserelleDbContext db, PerimetreDossiers perimetre, ServiceCloture service, TimeProvider temps) : PageModel
{
    [BindProperty]
    public SaisieReouverture Saisie { get; set; } = new();

    public Beneficiaire Dossier { get; private set; } = null!;

    /// <summary>The closure to reopen; null when the dossier is open.</summary>
    public ClotureDossier? ClotureEnCours { get; private set; }

    public DateOnly Aujourdhui => temps.Aujourdhui(User.Fuseau());

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await perimetre.PorteeAsync(id, cancellationToken) != Portee.Complete)
        {
            return NotFound();
        }

        await ChargerAsync(id, cancellationToken);
        Saisie = new SaisieReouverture { Date = Aujourdhui, Version = Dossier.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await perimetre.PorteeAsync(id, cancellationToken) != Portee.Complete)
        {
            return NotFound();
        }

        await ChargerAsync(id, cancellationToken);
        var cleDate = $"{nameof(Saisie)}.{nameof(SaisieReouverture.Date)}";
        if (Saisie.Date > Aujourdhui)
        {
            ModelState.AddModelError(cleDate, "La date de réouverture ne peut pas être postérieure à aujourd'hui.");
        }
        else if (ClotureEnCours is not null && Saisie.Date < ClotureEnCours.Date)
        {
            ModelState.AddModelError(cleDate, $"La réouverture ne peut pas précéder la clôture du {ClotureEnCours.Date:dd/MM/yyyy}.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await this.EnregistrerAsync(
            async () =>
            {
                await service.RouvrirAsync(id, Saisie.Version, Saisie.Date!.Value, Aujourdhui, cancellationToken);
                TempData["Succes"] = "Le dossier est rouvert. Désignez un référent unique pour reprendre l'accompagnement.";
                return Redirect($"/beneficiaires/{id}");
            },
            db,
            id,
            async () =>
            {
                await ChargerAsync(id, cancellationToken);
                Saisie = new SaisieReouverture { Date = Aujourdhui, Version = Dossier.Version };
                return Page();
            },
            cancellationToken);
    }

    private async Task ChargerAsync(Guid id, CancellationToken cancellationToken)
    {
        Dossier = await db.Beneficiaires.AsNoTracking().Include(b => b.Clotures).SingleAsync(b => b.Id == id, cancellationToken);
        ClotureEnCours = ServiceCloture.DerniereCloture(Dossier);
    }

    public sealed class SaisieReouverture
    {
        [Required(ErrorMessage = "Indiquez la date de réouverture.")]
        [Display(Name = "la date de réouverture")]
        public DateOnly? Date { get; set; }

        public int Version { get; set; }
    }
}
