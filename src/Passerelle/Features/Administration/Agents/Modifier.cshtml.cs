using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;

using Passerelle.Features.Shared;

namespace Passerelle.Features.Administration.Agents;

[Authorize(Policy = nameof(Role.Administrateur))]
public sealed class ModifierModel(PasserelleDbContext db, ServiceAgents service, UserManager<Agent> userManager) : PageModel
{
    [BindProperty]
    public SaisieModificationAgent Saisie { get; set; } = new();

    public string Email { get; private set; } = "";
    public string NomComplet { get; private set; } = "";
    public bool EstSoiMeme { get; private set; }
    public List<SelectListItem> Structures { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var agent = await db.Users.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (agent is null)
        {
            return NotFound();
        }

        await ChargerAsync(agent, cancellationToken);
        Saisie = new SaisieModificationAgent
        {
            Prenom = agent.Prenom, Nom = agent.Nom, StructureId = agent.StructureId, Actif = agent.Actif, Version = agent.Version,
            Roles = (await userManager.GetRolesAsync(agent)).Select(Enum.Parse<Role>).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var agent = await db.Users.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (agent is null)
        {
            return NotFound();
        }

        await ChargerAsync(agent, cancellationToken);
        if (Saisie.Roles.Count == 0)
        {
            ModelState.AddModelError($"{nameof(Saisie)}.{nameof(Saisie.Roles)}", "Attribuez au moins un rôle à l'agent.");
        }

        if (EstSoiMeme && (!Saisie.Actif || !Saisie.Roles.Contains(Role.Administrateur)))
        {
            ModelState.AddModelError(string.Empty, "Vous ne pouvez ni désactiver votre propre compte ni vous retirer le rôle d'administrateur.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await this.EnregistrerAsync(
            async () =>
            {
                await service.ModifierAsync(id, Saisie.Version, Saisie.Prenom, Saisie.Nom, Saisie.StructureId!.Value, Saisie.Roles, Saisie.Actif, cancellationToken);
                TempData["Succes"] = $"Le compte de {Saisie.Prenom} {Saisie.Nom} est enregistré.";
                return RedirectToPage("Index");
            },
            db,
            id,
            async () =>
            {
                var actuel = await db.Users.AsNoTracking().SingleAsync(a => a.Id == id, cancellationToken);
                Saisie = new SaisieModificationAgent
                {
                    Prenom = actuel.Prenom, Nom = actuel.Nom, StructureId = actuel.StructureId, Actif = actuel.Actif, Version = actuel.Version,
                    Roles = (await userManager.GetRolesAsync(actuel)).Select(Enum.Parse<Role>).ToList(),
                };
                return Page();
            },
            cancellationToken);
    }

    private async Task ChargerAsync(Agent agent, CancellationToken cancellationToken)
    {
        Email = agent.Email ?? "";
        NomComplet = agent.NomComplet;
        EstSoiMeme = agent.Id.ToString() == userManager.GetUserId(User);
        Structures = await ListesAgents.StructuresAsync(db, cancellationToken);
    }

    public sealed class SaisieModificationAgent : SaisieAgent
    {
        public bool Actif { get; set; }

        public int Version { get; set; }
    }
}
