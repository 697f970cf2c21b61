using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Infrastructure.Auth;

namespace Passerelle.Features.Catalogue;

/// <summary>
/// What the creation and edit forms of an action share: the lists they offer, and how a refused form comes back with
/// every reason next to its field. Only the administrator and the chargé de mission PDI reach them (403 for the other
/// roles, before any record is read).
/// </summary>
[Authorize(Policy = Politiques.AgentDepartement, Roles = AccesCatalogue.RolesEcriture)]
public abstract class PageFormulaireAction(PasserelleDbContext db) : PageModel
{
    [BindProperty]
    public SaisieAction Saisie { get; set; } = new();

    public List<StructureProposee> Structures { get; private set; } = [];

    public List<FicheProposee> Fiches { get; private set; } = [];

    public List<TerritoirePropose> Territoires { get; private set; } = [];

    public IReadOnlyList<SelectListItem> TypesService { get; } =
        ReferentielDataInclusion.TypesService.Select(t => new SelectListItem(t.Libelle, t.Valeur)).ToList();

    public IReadOnlyList<SelectListItem> ModesCapacite { get; } =
        Enum.GetValues<ModeCapacite>().Select(m => new SelectListItem(m.Libelle(), m.ToString())).ToList();

    protected PasserelleDbContext Db => db;

    public abstract string Titre { get; }

    public abstract string Bouton { get; }

    public abstract string Retour { get; }

    /// <param name="structureActuelle">The action's structure, offered even when deactivated since.</param>
    protected async Task ChargerListesAsync(Guid? structureActuelle, CancellationToken cancellationToken)
    {
        Structures = await ListesCatalogue.StructuresAsync(db, structureActuelle, cancellationToken);
        Fiches = await ListesCatalogue.FichesAsync(db, cancellationToken);
        Territoires = await ListesCatalogue.TerritoiresAsync(db, cancellationToken);
    }

    /// <summary>The service's reasons on the form: next to their field when they concern one, and all in the summary.</summary>
    protected PageResult Refuser(SaisieActionRefuseeException refus)
    {
        foreach (var erreur in refus.Erreurs)
        {
            ModelState.AddModelError(erreur.Champ is null ? string.Empty : $"{nameof(Saisie)}.{erreur.Champ}", erreur.Message);
        }

        return Page();
    }
}
