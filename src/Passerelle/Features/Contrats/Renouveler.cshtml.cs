using Microsoft.AspNetCore.Mvc;
using Passerelle.Domain;
using Passerelle.Features.Shared;

namespace Passerelle.Features.Contrats;

/// <summary>The next contract: a draft linked to a signed or closed one, starting the day after it ends, its content carried over.</summary>
public sealed class RenouvelerModel(ServiceContrats service) : PageFormulaireContrat(service)
{
    public override string Titre => "Renouveler le contrat d'engagement";

    public override string Bouton => "Enregistrer le nouveau brouillon";

    public FicheContrat Precedent { get; private set; } = null!;

    public bool Renouvelable => Precedent.Contrat.Etat is EtatContrat.Signe or EtatContrat.Clos;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid contratId, CancellationToken cancellationToken)
    {
        if (await ChargerPrecedentAsync(id, contratId, cancellationToken) is { } refus)
        {
            return refus;
        }

        var c = Precedent.Contrat;
        await ValeursParDefautAsync(c.Fin.AddDays(1), cancellationToken);
        Saisie.Objectifs = c.Objectifs;
        Saisie.Freins = [.. c.CodesFreinsVises];
        Saisie.Actions = c.Actions;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid contratId, CancellationToken cancellationToken)
    {
        if (await ChargerPrecedentAsync(id, contratId, cancellationToken) is { } refus)
        {
            return refus;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await this.EnregistrerAsync(async () =>
        {
            var contrat = await Service.RenouvelerAsync(id, contratId, Saisie.Saisie(), cancellationToken);
            TempData["Succes"] = "Le renouvellement est enregistré en brouillon, lié au contrat précédent.";
            return Redirect($"/beneficiaires/{id}/contrats/{contrat.Id}");
        });
    }

    private async Task<IActionResult?> ChargerPrecedentAsync(Guid id, Guid contratId, CancellationToken cancellationToken)
    {
        var acces = await Service.AccesAsync(id, cancellationToken);
        var fiche = acces is null ? null : await Service.FicheAsync(id, contratId, cancellationToken);
        if (fiche is null)
        {
            return NotFound();
        }

        Precedent = fiche;
        return await ChargerAsync(id, fiche.Contrat.CodesFreinsVises, fiche.Contrat.MotifReductionHeures, cancellationToken);
    }
}
