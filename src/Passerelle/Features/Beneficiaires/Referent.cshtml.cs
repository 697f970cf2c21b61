using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Shared;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.Beneficiaires;

/// <summary>Designates the référent unique: an agent of Passerelle, or an external référent named with his structure.</summary>
[Authorize(Policy = PerimetreDossiers.Politique)]
public sealed class ReferentModel(
    PasserelleDbContext db, PerimetreDossiers perimetre, ServiceDossiers service, AgentCourant agentCourant, TimeProvider temps) : PageModel
{
    [BindProperty] public DateOnly? Debut { get; set; }
    [BindProperty] public Guid? AgentId { get; set; }
    [BindProperty] public string? NomExterne { get; set; }
    [BindProperty] public Guid? StructureExterneId { get; set; }
    [BindProperty] public string? StructureExterne { get; set; }

    public string NomActuel { get; private set; } = "";
    public Referents.OrientationPourDesignation? Orientation { get; private set; }
    /// <summary>Why this agent may not designate the référent of this oriented person; null when he may.</summary>
    public string? Refus { get; private set; }
    public List<SelectListItem> Agents { get; private set; } = [];
    public List<SelectListItem> Structures { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await ChargerAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Debut = temps.Aujourdhui(User.Fuseau());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await ChargerAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Debut is null && !ModelState.ContainsKey(nameof(Debut)))
        {
            ModelState.AddModelError(nameof(Debut), "La date de début est obligatoire.");
        }

        if (AgentId is not null && (!string.IsNullOrWhiteSpace(NomExterne) || StructureExterneId is not null || !string.IsNullOrWhiteSpace(StructureExterne)))
        {
            ModelState.AddModelError(nameof(AgentId), "Choisissez un agent ou un référent extérieur, pas les deux.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await this.EnregistrerAsync(async () =>
        {
            await service.DesignerReferentAsync(id, Debut, AgentId, NomExterne, StructureExterneId, StructureExterne, cancellationToken);
            TempData["Succes"] = "Le référent unique est désigné.";
            return await perimetre.PorteeAsync(id, cancellationToken) == Portee.Complete
                ? Redirect($"/beneficiaires/{id}#referent")
                : RedirectToPage("Index");
        });
    }

    private async Task<bool> ChargerAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await perimetre.PorteeAsync(id, cancellationToken) != Portee.Complete)
        {
            return false;
        }

        NomActuel = await db.Beneficiaires.Where(b => b.Id == id).Select(b => b.Prenoms + " " + (b.NomUsage ?? b.NomNaissance)).SingleAsync(cancellationToken);
        Orientation = await Referents.RegleDesignation.OrientationAsync(db, id, cancellationToken);
        Refus = await Referents.RegleDesignation.RefusAsync(db, Orientation, User, agentCourant.Id, cancellationToken);
        Agents = await Referents.RegleDesignation.AgentsProposes(db, Orientation).AsNoTracking()
            .OrderBy(a => a.Nom).ThenBy(a => a.Prenom)
            .Select(a => new SelectListItem(
                a.Prenom + " " + a.Nom + " — " + (db.Structures.Where(s => s.Id == a.StructureId).Select(s => s.Nom).FirstOrDefault() ?? "sans structure"),
                a.Id.ToString()))
            .ToListAsync(cancellationToken);
        Structures = await db.Structures.AsNoTracking().Where(s => s.Active).OrderBy(s => s.Nom)
            .Select(s => new SelectListItem(s.Nom, s.Id.ToString())).ToListAsync(cancellationToken);
        return true;
    }
}
