using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Infrastructure.Tenancy;

using Passerelle.Features.Shared;

namespace Passerelle.Features.Parametres;

[Authorize(Policy = nameof(Role.Administrateur))]
public sealed class NouveauModel(PasserelleDbContext db, ServiceParametres service, DepartementCourant departementCourant) : PageModel
{
    public static readonly IReadOnlyList<SelectListItem> Types =
        Enum.GetValues<TypeValeur>().Select(t => new SelectListItem(t.Libelle(), t.ToString())).ToList();

    [BindProperty]
    public SaisiePeriode Saisie { get; set; } = new();

    public async Task OnGetAsync(string? cle, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(cle))
        {
            return;
        }

        Saisie.Cle = cle.Trim();
        // A key keeps its unit across periods (the service refuses a change): preselect it.
        Saisie.Type = await db.ParametresDates.AsNoTracking()
            .Where(p => p.Cle == Saisie.Cle)
            .OrderByDescending(p => p.ValideDu)
            .Select(p => (TypeValeur?)p.Type)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var departementId = departementCourant.IdObligatoire;
        return await this.EnregistrerAsync(async () =>
        {
            var periode = await service.AjouterPeriodeAsync(
                departementId, Saisie.Cle, Saisie.Portee ?? ParametreDate.PorteeDepartement, Saisie.Type!.Value, Saisie.Valeur,
                Saisie.ValideDu!.Value, Saisie.ValideAu, Saisie.Source, Saisie.CloreLaPeriodeEnCours, cancellationToken);
            TempData["Succes"] = $"La période est enregistrée : {periode.Cle} vaut {periode.ValeurAffichee} {AffichageParametres.Periode(periode)}.";
            return RedirectToPage("Historique", new { cle = periode.Cle });
        });
    }

    public sealed class SaisiePeriode
    {
        [Required(ErrorMessage = "Saisissez la clé du paramètre.")]
        [StringLength(100, ErrorMessage = "La clé ne dépasse pas 100 caractères.")]
        public string Cle { get; set; } = "";

        [StringLength(100, ErrorMessage = "La portée ne dépasse pas 100 caractères.")]
        public string? Portee { get; set; } = ParametreDate.PorteeDepartement;

        [Required(ErrorMessage = "Choisissez le type de la valeur.")]
        public TypeValeur? Type { get; set; }

        [Required(ErrorMessage = "Saisissez la valeur.")]
        [StringLength(2000, ErrorMessage = "La valeur ne dépasse pas 2 000 caractères.")]
        public string Valeur { get; set; } = "";

        [Required(ErrorMessage = "Saisissez la date de début de validité.")]
        [Display(Name = "la date de début de validité")]
        public DateOnly? ValideDu { get; set; }

        [Display(Name = "la date de fin de validité")]
        public DateOnly? ValideAu { get; set; }

        [Required(ErrorMessage = "Indiquez le texte qui fonde cette valeur (loi, décret, délibération).")]
        [StringLength(1000, ErrorMessage = "La source ne dépasse pas 1 000 caractères.")]
        public string Source { get; set; } = "";

        public bool CloreLaPeriodeEnCours { get; set; } = true;
    }
}
