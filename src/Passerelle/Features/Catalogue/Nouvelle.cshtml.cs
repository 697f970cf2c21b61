using Microsoft.AspNetCore.Mvc;
using Passerelle.Data;
using Passerelle.Features.Shared;

namespace Passerelle.Features.Catalogue;

/// <summary>A new action of the catalogue, unpublished until the agent says so.</summary>
public sealed class NouvelleModel(PasserelleDbContext db, ServiceActions service) : PageFormulaireAction(db)
{
    public override string Titre => "Nouvelle action";

    public override string Bouton => "Créer l'action";

    public override string Retour => "/actions";

    public async Task OnGetAsync(Guid? ficheId, CancellationToken cancellationToken)
    {
        await ChargerListesAsync(null, cancellationToken);
        Saisie.FicheActionId = Fiches.Any(f => f.Id == ficheId) ? ficheId : null;
        Saisie.TypeService = "accompagnement";
        Saisie.ModesAccueil = ["en-presentiel"];
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await ChargerListesAsync(null, cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await this.EnregistrerAsync(async () =>
        {
            try
            {
                var action = await service.CreerAsync(Saisie, cancellationToken);
                TempData["Succes"] = $"L'action « {action.Nom} » est créée.";
                return Redirect($"/actions/{action.Id}");
            }
            catch (SaisieActionRefuseeException refus)
            {
                return Refuser(refus);
            }
        });
    }
}
