using Microsoft.AspNetCore.Mvc;
using Passerelle.Data;
using Passerelle.Features.Shared;

namespace Passerelle.Features.Contrats;

/// <summary>Edits a draft, from the version the form was rendered with.</summary>
public sealed class ModifierModel(ServiceContrats service, PasserelleDbContext db) : PageFormulaireContrat(service)
{
    public override string Titre => "Modifier le brouillon du contrat";

    public override string Bouton => "Enregistrer les modifications";

    public FicheContrat Fiche { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid contratId, CancellationToken cancellationToken)
    {
        if (await ChargerContratAsync(id, contratId, cancellationToken) is { } refus)
        {
            return refus;
        }

        Remplir();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid contratId, CancellationToken cancellationToken)
    {
        if (await ChargerContratAsync(id, contratId, cancellationToken) is { } refus)
        {
            return refus;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await this.EnregistrerAsync(
            async () =>
            {
                await Service.ModifierAsync(id, contratId, Saisie.Version, Saisie.Saisie(), cancellationToken);
                TempData["Succes"] = "Le brouillon du contrat est modifié.";
                return Redirect($"/beneficiaires/{id}/contrats/{contratId}");
            },
            db,
            contratId,
            async () =>
            {
                await ChargerContratAsync(id, contratId, cancellationToken);
                Remplir();
                return Page();
            },
            cancellationToken);
    }

    private async Task<IActionResult?> ChargerContratAsync(Guid id, Guid contratId, CancellationToken cancellationToken)
    {
        var acces = await Service.AccesAsync(id, cancellationToken);
        var fiche = acces is null ? null : await Service.FicheAsync(id, contratId, cancellationToken);
        if (fiche is null)
        {
            return NotFound();
        }

        Fiche = fiche;
        return await ChargerAsync(id, fiche.Contrat.CodesFreinsVises, fiche.Contrat.MotifReductionHeures, cancellationToken);
    }

    private void Remplir()
    {
        var c = Fiche.Contrat;
        Saisie = new FormulaireContrat
        {
            Debut = c.Debut, Fin = c.Fin, Heures = c.HeuresHebdomadaires, MotifReduction = c.MotifReductionHeures,
            ReductionDu = c.ReductionDu, ReductionAu = c.ReductionAu, Objectifs = c.Objectifs, Freins = [.. c.CodesFreinsVises],
            Actions = c.Actions, Version = c.Version,
        };
    }
}
