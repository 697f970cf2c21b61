using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Passerelle.Data;
using Passerelle.Domain;

using Passerelle.Features.Shared;

namespace Passerelle.Features.Plateforme;

[Authorize(Policy = nameof(Role.AdministrateurPlateforme))]
public sealed class NouveauModel(ServicePlateforme service) : PageModel
{
    public static readonly IReadOnlyList<SelectListItem> Codes =
        ReferentielDepartements.Departements().Select(d => new SelectListItem($"{d.Code} – {d.Nom}", d.Code)).ToList();

    /// <summary>The zones of the départements of the list: a département is hosted in one of them.</summary>
    public static readonly IReadOnlyList<SelectListItem> Fuseaux =
        ReferentielDepartements.Departements().Select(d => Departement.FuseauPour(d.Code)).Distinct(StringComparer.Ordinal)
            .Select(f => new SelectListItem(f, f)).ToList();

    [BindProperty]
    public SaisieDepartement Saisie { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var entree = string.IsNullOrWhiteSpace(Saisie.Code) ? null : ReferentielDepartements.Trouver(Saisie.Code);
        if (!string.IsNullOrWhiteSpace(Saisie.Code) && (entree is null || !Codes.Any(c => c.Value == entree.Code)))
        {
            ModelState.AddModelError($"{nameof(Saisie)}.{nameof(Saisie.Code)}", "Choisissez un département de la liste.");
        }

        if (Saisie.Fuseau is { } choisi && !Fuseaux.Any(f => f.Value == choisi))
        {
            ModelState.AddModelError($"{nameof(Saisie)}.{nameof(Saisie.Fuseau)}", "Choisissez un fuseau horaire de la liste.");
        }

        if (!ModelState.IsValid || entree is null)
        {
            return Page();
        }

        // Left empty, the name is the official one and the zone is the département's own.
        var nom = string.IsNullOrWhiteSpace(Saisie.Nom) ? entree.Nom : Saisie.Nom.Trim();
        var fuseau = Saisie.Fuseau ?? Departement.FuseauPour(entree.Code);
        return await this.EnregistrerAsync(async () =>
        {
            var departement = await service.CreerDepartementAsync(
                entree.Code, nom, fuseau, Saisie.Email, Saisie.Prenom, Saisie.NomAdministrateur, Saisie.MotDePasse, cancellationToken);
            TempData["Succes"] = $"Le département {departement.Code} – {departement.Nom} est hébergé. Transmettez à son administrateur son mot de passe provisoire par un canal sûr.";
            return RedirectToPage("Index");
        });
    }

    public sealed class SaisieDepartement
    {
        [Required(ErrorMessage = "Choisissez le département.")]
        public string? Code { get; set; }

        [StringLength(100, ErrorMessage = "Le nom ne dépasse pas 100 caractères.")]
        public string? Nom { get; set; }

        public string? Fuseau { get; set; }

        [Required(ErrorMessage = "Saisissez l'adresse électronique de l'administrateur.")]
        [EmailAddress(ErrorMessage = "Saisissez une adresse électronique valide.")]
        [StringLength(256, ErrorMessage = "L'adresse ne dépasse pas 256 caractères.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Saisissez le prénom de l'administrateur.")]
        [StringLength(100, ErrorMessage = "Le prénom ne dépasse pas 100 caractères.")]
        public string Prenom { get; set; } = "";

        [Required(ErrorMessage = "Saisissez le nom de l'administrateur.")]
        [StringLength(100, ErrorMessage = "Le nom ne dépasse pas 100 caractères.")]
        public string NomAdministrateur { get; set; } = "";

        [Required(ErrorMessage = "Saisissez un mot de passe provisoire.")]
        [MinLength(12, ErrorMessage = "Le mot de passe doit contenir au moins 12 caractères.")]
        public string MotDePasse { get; set; } = "";
    }
}
