using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Beneficiaires.Cloture;
using Passerelle.Features.Shared;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.Beneficiaires;

[Authorize(Policy = PerimetreDossiers.Politique)]
public sealed class ClotureModel(PasserelleDbContext db, PerimetreDossiers perimetre, ServiceCloture service, TimeProvider temps) : PageModel
{
    public static readonly IReadOnlyList<SelectListItem> Motifs =
        Enum.GetValues<MotifCloture>().Select(m => new SelectListItem(m.Libelle(), m.ToString())).ToList();

    [BindProperty]
    public SaisieCloture Saisie { get; set; } = new();

    public Beneficiaire Dossier { get; private set; } = null!;

    /// <summary>Set when the dossier is already closed: the page then offers its reopening instead.</summary>
    public ClotureDossier? ClotureEnCours { get; private set; }

    public DateOnly Aujourdhui => temps.Aujourdhui(User.Fuseau());

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await perimetre.PorteeAsync(id, cancellationToken) != Portee.Complete)
        {
            return NotFound();
        }

        await ChargerAsync(id, cancellationToken);
        Saisie = new SaisieCloture { Date = Aujourdhui, Version = Dossier.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await perimetre.PorteeAsync(id, cancellationToken) != Portee.Complete)
        {
            return NotFound();
        }

        await ChargerAsync(id, cancellationToken);
        Verifier();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await this.EnregistrerAsync(
            async () =>
            {
                await service.CloturerAsync(id, Saisie.Version, Saisie.Date!.Value, Saisie.Motif!.Value, Saisie.Commentaire, Aujourdhui, cancellationToken);
                // The référent's designation has just ended: he may no longer see the dossier he closed.
                if (await perimetre.PorteeAsync(id, cancellationToken) == Portee.Complete)
                {
                    TempData["Succes"] = "Le dossier est clos. La désignation du référent unique a pris fin à la date de clôture.";
                    return Redirect($"/beneficiaires/{id}");
                }

                TempData["Succes"] = "Le dossier est clos. Il ne fait plus partie de vos dossiers : le service d'orientation peut le rouvrir si besoin.";
                return Redirect("/beneficiaires");
            },
            db,
            id,
            async () =>
            {
                await ChargerAsync(id, cancellationToken);
                Saisie = new SaisieCloture { Date = Aujourdhui, Version = Dossier.Version };
                return Page();
            },
            cancellationToken);
    }

    private void Verifier()
    {
        if (Saisie.Date > Aujourdhui)
        {
            ModelState.AddModelError($"{nameof(Saisie)}.{nameof(SaisieCloture.Date)}", "La date de clôture ne peut pas être postérieure à aujourd'hui.");
        }

        if (Saisie.Motif == MotifCloture.Autre && string.IsNullOrWhiteSpace(Saisie.Commentaire))
        {
            ModelState.AddModelError($"{nameof(Saisie)}.{nameof(SaisieCloture.Commentaire)}", "Précisez le motif de la clôture.");
        }

        if (!Saisie.Confirmation)
        {
            ModelState.AddModelError($"{nameof(Saisie)}.{nameof(SaisieCloture.Confirmation)}", "Cochez la case pour confirmer la clôture du dossier.");
        }
    }

    private async Task ChargerAsync(Guid id, CancellationToken cancellationToken)
    {
        Dossier = await db.Beneficiaires.AsNoTracking().Include(b => b.Clotures).SingleAsync(b => b.Id == id, cancellationToken);
        ClotureEnCours = ServiceCloture.DerniereCloture(Dossier);
    }

    public sealed class SaisieCloture
    {
        [Required(ErrorMessage = "Indiquez la date de clôture.")]
        [Display(Name = "la date de clôture")]
        public DateOnly? Date { get; set; }

        [Required(ErrorMessage = "Choisissez le motif de la clôture.")]
        [Display(Name = "le motif")]
        public MotifCloture? Motif { get; set; }

        [StringLength(ServiceCloture.LongueurCommentaire, ErrorMessage = "Le commentaire ne dépasse pas 1 000 caractères.")]
        public string? Commentaire { get; set; }

        public bool Confirmation { get; set; }

        public int Version { get; set; }
    }
}
