using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Shared;

namespace Passerelle.Features.Catalogue;

/// <summary>Edits an action from the version the form was rendered with; another département's action is not found.</summary>
public sealed class ModifierModel(PasserelleDbContext contexte, ServiceActions service) : PageFormulaireAction(contexte)
{
    public ActionInsertion Action { get; private set; } = null!;

    public override string Titre => $"Modifier l'action « {Action.Nom} »";

    public override string Bouton => "Enregistrer les modifications";

    public override string Retour => $"/actions/{Action.Id}";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await ChargerAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Saisie = SaisieAction.De(Action);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await ChargerAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await this.EnregistrerAsync(
            async () =>
            {
                try
                {
                    await service.ModifierAsync(id, Saisie.Version, Saisie, cancellationToken);
                }
                catch (SaisieActionRefuseeException refus)
                {
                    return Refuser(refus);
                }

                TempData["Succes"] = $"L'action « {Saisie.Nom?.Trim()} » est enregistrée.";
                return Redirect($"/actions/{id}");
            },
            Db,
            id,
            async () =>
            {
                if (!await ChargerAsync(id, cancellationToken))
                {
                    return NotFound();
                }

                Saisie = SaisieAction.De(Action);
                return Page();
            },
            cancellationToken);
    }

    private async Task<bool> ChargerAsync(Guid id, CancellationToken cancellationToken)
    {
        var action = await Db.Actions.AsNoTracking().Include(a => a.Territoires).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (action is null)
        {
            return false;
        }

        Action = action;
        await ChargerListesAsync(action.StructureId, cancellationToken);
        return true;
    }
}
