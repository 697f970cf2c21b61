using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Passerelle.Features.Beneficiaires;
using Passerelle.Features.Shared;

namespace Passerelle.Features.Contrats;

/// <summary>Records a contract signed at France Travail, Cap emploi or a Mission locale, so that lists and figures stay whole.</summary>
[Authorize(Policy = PerimetreDossiers.Politique)]
public sealed class ExterieurModel(ServiceContrats service) : PageModel
{
    [BindProperty]
    public FormulaireExterieur Saisie { get; set; } = new();

    public VueContrats Vue { get; private set; } = null!;

    public List<SelectListItem> Motifs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await ChargerAsync(id, cancellationToken) is { } refus)
        {
            return refus;
        }

        var aujourdhui = Vue.Situation.Aujourdhui;
        Saisie.Organisme = Vue.Situation.SigneAilleurs ? Vue.Situation.LibelleOrganisme : null;
        Saisie.Signature = aujourdhui;
        Saisie.Debut = aujourdhui;
        Saisie.Fin = aujourdhui.AddMonths(Domain.ContratEngagement.DureeMaximaleMois).AddDays(-1);
        try
        {
            Saisie.Heures = await service.HeuresParDefautAsync(aujourdhui, cancellationToken);
        }
        catch (Domain.RegleMetierException)
        {
            Saisie.Heures = null;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await ChargerAsync(id, cancellationToken) is { } refus)
        {
            return refus;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await this.EnregistrerAsync(async () =>
        {
            var contrat = await service.EnregistrerExterieurAsync(id, new SaisieExterieur(
                Saisie.Organisme, Saisie.Debut!.Value, Saisie.Fin!.Value, Saisie.Signature!.Value, Saisie.Heures, Saisie.MotifReduction,
                Saisie.ReductionDu, Saisie.ReductionAu), cancellationToken);
            TempData["Succes"] = "Le contrat signé à l'extérieur est enregistré.";
            return Redirect($"/beneficiaires/{id}/contrats/{contrat.Id}");
        });
    }

    private async Task<IActionResult?> ChargerAsync(Guid id, CancellationToken cancellationToken)
    {
        var acces = await service.AccesAsync(id, cancellationToken);
        if (acces is null)
        {
            return NotFound();
        }

        if (!acces.PeutRediger)
        {
            return Forbid();
        }

        Vue = await service.LireAsync(id, await service.AujourdhuiAsync(cancellationToken), cancellationToken: cancellationToken);
        Motifs = (await service.MotifsReductionAsync(cancellationToken)).Where(m => m.Actif).Select(m => new SelectListItem(m.Libelle, m.Code)).ToList();
        return null;
    }

    public sealed class FormulaireExterieur
    {
        public string? Organisme { get; set; }

        [Required(ErrorMessage = "La date de début du contrat est obligatoire.")]
        [Display(Name = "la date de début")]
        public DateOnly? Debut { get; set; }

        [Required(ErrorMessage = "La date de fin du contrat est obligatoire.")]
        [Display(Name = "la date de fin")]
        public DateOnly? Fin { get; set; }

        [Required(ErrorMessage = "La date de signature est obligatoire.")]
        [Display(Name = "la date de signature")]
        public DateOnly? Signature { get; set; }

        [Display(Name = "les heures d'activité")]
        public int? Heures { get; set; }

        public string? MotifReduction { get; set; }

        [Display(Name = "le début de la réduction")]
        public DateOnly? ReductionDu { get; set; }

        [Display(Name = "la fin de la réduction")]
        public DateOnly? ReductionAu { get; set; }
    }
}
