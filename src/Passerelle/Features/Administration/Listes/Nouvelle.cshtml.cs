using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Domain;

using Passerelle.Features.Shared;

namespace Passerelle.Features.Administration.Listes;

[Authorize(Policy = nameof(Role.Administrateur))]
public sealed class NouvelleModel(ServiceListes service) : PageModel
{
    [BindProperty]
    public SaisieNouvelleValeur Saisie { get; set; } = new();

    public string Liste { get; private set; } = "";
    public string LibelleListe { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string? liste, CancellationToken cancellationToken)
    {
        if (!await ChargerAsync(liste, cancellationToken))
        {
            return NotFound();
        }

        Saisie.Ordre = await service.OrdreSuivantAsync(Liste, cancellationToken);
        return Page();
    }

    // The form posts back to its own address: the list comes from the same query string.
    public async Task<IActionResult> OnPostAsync(string? liste, CancellationToken cancellationToken)
    {
        if (!await ChargerAsync(liste, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await this.EnregistrerAsync(async () =>
        {
            var valeur = await service.AjouterAsync(Liste, Saisie.Code, Saisie.Libelle, Saisie.Ordre!.Value, cancellationToken);
            TempData["Succes"] = $"La valeur « {valeur.Libelle} » est ajoutée à la liste « {LibelleListe} ».";
            return RedirectToPage("Index");
        });
    }

    private async Task<bool> ChargerAsync(string? liste, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(liste) || !await service.ListeExisteAsync(liste, cancellationToken))
        {
            return false;
        }

        Liste = liste;
        LibelleListe = ServiceListes.LibelleListe(liste);
        return true;
    }

    public sealed class SaisieNouvelleValeur
    {
        [Required(ErrorMessage = "Saisissez le code.")]
        [StringLength(ValeurReference.LongueurCode, ErrorMessage = "Le code ne dépasse pas 60 caractères.")]
        [RegularExpression("^[a-z0-9-]+$", ErrorMessage = "Le code ne contient que des lettres minuscules sans accent, des chiffres et des tirets (par exemple « aide-mobilite »).")]
        public string Code { get; set; } = "";

        [Required(ErrorMessage = "Saisissez le libellé.")]
        [StringLength(ValeurReference.LongueurLibelle, ErrorMessage = "Le libellé ne dépasse pas 200 caractères.")]
        public string Libelle { get; set; } = "";

        [Required(ErrorMessage = "Saisissez l'ordre d'affichage.")]
        [Display(Name = "l'ordre")]
        public int? Ordre { get; set; }
    }
}
