using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Shared;

namespace Passerelle.Features.Administration.Courrier;

/// <summary>The département's letterhead: service, address, signatory, foot line and logo, with a PDF preview.</summary>
[Authorize(Policy = nameof(Role.Administrateur))]
public sealed class IndexModel(PasserelleDbContext db, ServiceModeleCourrier service) : PageModel
{
    [BindProperty] public SaisieFormulaire Saisie { get; set; } = new();
    [BindProperty] public IFormFile? Logo { get; set; }
    [BindProperty] public bool RetirerLogo { get; set; }

    public bool Enregistre { get; private set; }
    public string? LogoActuel { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await ChargerAsync(remplir: true, cancellationToken);

    /// <summary>The saved letterhead (or the plain default) on a sample letter.</summary>
    public async Task<IActionResult> OnGetApercuAsync(CancellationToken cancellationToken)
    {
        var pdf = ServiceModeleCourrier.Apercu(await service.ActuelAsync(cancellationToken));
        return File(pdf, "application/pdf", "Aperçu du modèle de courrier.pdf");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await ChargerAsync(remplir: false, cancellationToken);
        byte[]? logo = null;
        if (Logo is { Length: > 0 })
        {
            if (Logo.Length > ModeleCourrier.TailleMaximaleLogo)
            {
                ModelState.AddModelError(nameof(Logo), "Le logo pèse 512 Ko au plus.");
            }
            else
            {
                using var flux = new MemoryStream();
                await Logo.CopyToAsync(flux, cancellationToken);
                logo = flux.ToArray();
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await this.EnregistrerAsync(
            async () =>
            {
                await service.EnregistrerAsync(
                    Enregistre ? Saisie.Version : null,
                    new SaisieModele(Saisie.Service, Saisie.Adresse, Saisie.Signataire, Saisie.QualiteSignataire, Saisie.PiedDePage),
                    logo, RetirerLogo, cancellationToken);
                TempData["Succes"] = "Le modèle de courrier est enregistré : les prochains courriers le prennent.";
                return RedirectToPage();
            },
            db,
            (await service.ActuelAsync(cancellationToken)).Id,
            async () =>
            {
                await ChargerAsync(remplir: true, cancellationToken);
                return Page();
            },
            cancellationToken);
    }

    private async Task ChargerAsync(bool remplir, CancellationToken cancellationToken)
    {
        var modele = await service.ActuelAsync(cancellationToken);
        Enregistre = await service.ExisteAsync(cancellationToken);
        LogoActuel = modele.Logo is { } image
            ? $"{(modele.TypeLogo == "image/png" ? "PNG" : "JPEG")}, {Math.Max(1, image.Length / 1024)} Ko"
            : null;
        if (remplir)
        {
            Saisie = new SaisieFormulaire
            {
                Service = modele.Service, Adresse = modele.Adresse, Signataire = modele.Signataire, QualiteSignataire = modele.QualiteSignataire,
                PiedDePage = modele.PiedDePage, Version = modele.Version,
            };
        }
    }

    public sealed class SaisieFormulaire
    {
        [Required(ErrorMessage = "Saisissez le service qui écrit.")]
        [StringLength(200, ErrorMessage = "Le service tient en {1} caractères.")]
        public string? Service { get; set; }

        [Required(ErrorMessage = "Saisissez l'adresse du service.")]
        [StringLength(500, ErrorMessage = "L'adresse tient en {1} caractères.")]
        public string? Adresse { get; set; }

        [Required(ErrorMessage = "Saisissez le nom du signataire.")]
        [StringLength(150, ErrorMessage = "Le nom du signataire tient en {1} caractères.")]
        public string? Signataire { get; set; }

        [Required(ErrorMessage = "Saisissez la qualité du signataire.")]
        [StringLength(200, ErrorMessage = "La qualité du signataire tient en {1} caractères.")]
        public string? QualiteSignataire { get; set; }

        [StringLength(300, ErrorMessage = "Le pied de page tient en {1} caractères.")]
        public string? PiedDePage { get; set; }

        public int Version { get; set; }
    }
}
