using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;

using Passerelle.Features.Shared;

namespace Passerelle.Features.Administration.Listes;

[Authorize(Policy = nameof(Role.Administrateur))]
public sealed class ModifierModel(PasserelleDbContext db, ServiceListes service) : PageModel
{
    [BindProperty]
    public SaisieModificationValeur Saisie { get; set; } = new();

    public string LibelleListe { get; private set; } = "";
    public string Code { get; private set; } = "";
    public string? CodeNational { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var valeur = await db.ValeursReference.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, cancellationToken);
        if (valeur is null)
        {
            return NotFound();
        }

        Charger(valeur);
        Saisie = SaisieModificationValeur.De(valeur);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var valeur = await db.ValeursReference.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, cancellationToken);
        if (valeur is null)
        {
            return NotFound();
        }

        Charger(valeur);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await this.EnregistrerAsync(
            async () =>
            {
                await service.ModifierAsync(id, Saisie.Version, Saisie.Libelle, Saisie.Ordre!.Value, Saisie.Actif, cancellationToken);
                TempData["Succes"] = $"La valeur « {Saisie.Libelle.Trim()} » de la liste « {LibelleListe} » est enregistrée.";
                return RedirectToPage("Index");
            },
            db,
            id,
            async () =>
            {
                var actuelle = await db.ValeursReference.AsNoTracking().SingleAsync(v => v.Id == id, cancellationToken);
                Saisie = SaisieModificationValeur.De(actuelle);
                return Page();
            },
            cancellationToken);
    }

    private void Charger(ValeurReference valeur)
    {
        LibelleListe = ServiceListes.LibelleListe(valeur.Liste);
        Code = valeur.Code;
        CodeNational = valeur.CodeNational;
    }

    public sealed class SaisieModificationValeur
    {
        [Required(ErrorMessage = "Saisissez le libellé.")]
        [StringLength(ValeurReference.LongueurLibelle, ErrorMessage = "Le libellé ne dépasse pas 200 caractères.")]
        public string Libelle { get; set; } = "";

        [Required(ErrorMessage = "Saisissez l'ordre d'affichage.")]
        [Display(Name = "l'ordre")]
        public int? Ordre { get; set; }

        public bool Actif { get; set; }

        public int Version { get; set; }

        public static SaisieModificationValeur De(ValeurReference valeur) => new()
        {
            Libelle = valeur.Libelle, Ordre = valeur.Ordre, Actif = valeur.Actif, Version = valeur.Version,
        };
    }
}
