using Microsoft.AspNetCore.Mvc;
using Passerelle.Features.Shared;

namespace Passerelle.Features.Contrats;

/// <summary>A new draft. When the orientation in force is to an organism that signs its own contracts, the page offers the external record first.</summary>
public sealed class NouveauModel(ServiceContrats service) : PageFormulaireContrat(service)
{
    public override string Titre => "Rédiger un contrat d'engagement";

    public override string Bouton => "Enregistrer le brouillon";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await ChargerAsync(id, null, null, cancellationToken) is { } refus)
        {
            return refus;
        }

        await ValeursParDefautAsync(Aujourdhui, cancellationToken);
        Saisie.Freins = await Service.FreinsDuDiagnosticAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await ChargerAsync(id, null, null, cancellationToken) is { } refus)
        {
            return refus;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await this.EnregistrerAsync(async () =>
        {
            var contrat = await Service.RedigerAsync(id, Saisie.Saisie(), cancellationToken);
            TempData["Succes"] = "Le brouillon du contrat est enregistré. Soumettez-le à validation quand il est prêt.";
            return Redirect($"/beneficiaires/{id}/contrats/{contrat.Id}");
        });
    }
}
