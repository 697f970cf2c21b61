using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Domain;
using Passerelle.Infrastructure.Audit;

namespace Passerelle.Features.Comptes;

public sealed class DeconnexionModel(SignInManager<Agent> signInManager, Journal journal) : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        await journal.EnregistrerAsync(ActionJournal.Deconnexion, nameof(Agent));
        await signInManager.SignOutAsync();
        TempData["Succes"] = "Vous êtes déconnecté.";
        return RedirectToPage("/Comptes/Connexion");
    }
}
