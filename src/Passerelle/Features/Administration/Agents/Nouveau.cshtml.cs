using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Passerelle.Data;
using Passerelle.Domain;

using Passerelle.Features.Shared;

namespace Passerelle.Features.Administration.Agents;

[Authorize(Policy = nameof(Role.Administrateur))]
public sealed class NouveauModel(PasserelleDbContext db, ServiceAgents service) : PageModel
{
    [BindProperty]
    public SaisieNouvelAgent Saisie { get; set; } = new();

    public List<SelectListItem> Structures { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Structures = await ListesAgents.StructuresAsync(db, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Structures = await ListesAgents.StructuresAsync(db, cancellationToken);
        if (Saisie.Roles.Count == 0)
        {
            ModelState.AddModelError($"{nameof(Saisie)}.{nameof(Saisie.Roles)}", "Attribuez au moins un rôle à l'agent.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await this.EnregistrerAsync(async () =>
        {
            var agent = await service.CreerAsync(Saisie.Email, Saisie.Prenom, Saisie.Nom, Saisie.StructureId!.Value, Saisie.Roles, Saisie.MotDePasse, cancellationToken);
            TempData["Succes"] = $"Le compte de {agent.NomComplet} est créé. Transmettez-lui son mot de passe provisoire par un canal sûr.";
            return RedirectToPage("Index");
        });
    }

    public sealed class SaisieNouvelAgent : SaisieAgent
    {
        [Required(ErrorMessage = "Saisissez l'adresse électronique.")]
        [EmailAddress(ErrorMessage = "Saisissez une adresse électronique valide.")]
        [StringLength(256, ErrorMessage = "L'adresse ne dépasse pas 256 caractères.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Saisissez un mot de passe provisoire.")]
        [MinLength(12, ErrorMessage = "Le mot de passe doit contenir au moins 12 caractères.")]
        public string MotDePasse { get; set; } = "";
    }
}
