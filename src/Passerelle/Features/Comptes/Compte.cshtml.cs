using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Domain;
using Passerelle.Infrastructure.Audit;

namespace Passerelle.Features.Comptes;

public sealed class CompteModel(UserManager<Agent> userManager, SignInManager<Agent> signInManager, Journal journal) : PageModel
{
    [BindProperty]
    public SaisieMotDePasse Saisie { get; set; } = new();

    public Agent Agent { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var agent = await userManager.GetUserAsync(User);
        if (agent is null)
        {
            return NotFound();
        }

        Agent = agent;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var agent = await userManager.GetUserAsync(User);
        if (agent is null)
        {
            return NotFound();
        }

        Agent = agent;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Added first: Identity's save of the new password writes the journal line with it.
        journal.Ajouter(ActionJournal.Modification, nameof(Agent), agent.Id);
        var resultat = await userManager.ChangePasswordAsync(agent, Saisie.MotDePasseActuel, Saisie.NouveauMotDePasse);
        if (!resultat.Succeeded)
        {
            foreach (var erreur in resultat.Errors)
            {
                var champ = erreur.Code == nameof(IdentityErrorDescriber.PasswordMismatch)
                    ? $"{nameof(Saisie)}.{nameof(SaisieMotDePasse.MotDePasseActuel)}"
                    : $"{nameof(Saisie)}.{nameof(SaisieMotDePasse.NouveauMotDePasse)}";
                ModelState.AddModelError(champ, erreur.Description);
            }

            return Page();
        }

        await signInManager.RefreshSignInAsync(agent);
        TempData["Succes"] = "Votre mot de passe a été changé.";
        return RedirectToPage();
    }

    public sealed class SaisieMotDePasse
    {
        [Required(ErrorMessage = "Saisissez votre mot de passe actuel.")]
        public string MotDePasseActuel { get; set; } = "";

        [Required(ErrorMessage = "Saisissez un nouveau mot de passe.")]
        [MinLength(12, ErrorMessage = "Le nouveau mot de passe doit contenir au moins 12 caractères.")]
        public string NouveauMotDePasse { get; set; } = "";

        [Required(ErrorMessage = "Confirmez le nouveau mot de passe.")]
        [Compare(nameof(NouveauMotDePasse), ErrorMessage = "La confirmation ne correspond pas au nouveau mot de passe.")]
        public string Confirmation { get; set; } = "";
    }
}
