using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Domain;
using Passerelle.Infrastructure.Audit;

namespace Passerelle.Features.Comptes;

[AllowAnonymous]
public sealed class ConnexionModel(SignInManager<Agent> signInManager, Journal journal) : PageModel
{
    /// <summary>One message for every refusal, so that it never tells whether an account exists.</summary>
    public const string MessageRefus = "Adresse électronique ou mot de passe incorrect, ou compte indisponible.";

    public const string MessageVerrouillage =
        "Trop de tentatives : ce compte est verrouillé pendant 15 minutes. Réessayez plus tard ou contactez votre administrateur.";

    private static readonly Lazy<string> EmpreinteFactice = new(() => new PasswordHasher<Agent>().HashPassword(null!, Guid.NewGuid().ToString()));

    [BindProperty]
    public SaisieConnexion Saisie { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(Retour()) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var agent = await signInManager.UserManager.FindByEmailAsync(Saisie.Email.Trim());
        if (agent is null)
        {
            // The same hashing work as for a real account, so that timing does not tell which emails exist.
            signInManager.UserManager.PasswordHasher.VerifyHashedPassword(null!, EmpreinteFactice.Value, Saisie.MotDePasse);
        }

        var resultat = agent is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signInManager.PasswordSignInAsync(agent, Saisie.MotDePasse, isPersistent: false, lockoutOnFailure: true);

        if (resultat.Succeeded)
        {
            await journal.EnregistrerAsync(ActionJournal.Connexion, nameof(Agent), agent!.Id, agent.Id, agent.DepartementId);
            return LocalRedirect(Retour());
        }

        await journal.EnregistrerAsync(ActionJournal.EchecConnexion, nameof(Agent), agent?.Id, agent?.Id, agent?.DepartementId);
        ModelState.AddModelError(string.Empty, resultat.IsLockedOut ? MessageVerrouillage : MessageRefus);
        return Page();
    }

    private string Retour() => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";

    public sealed class SaisieConnexion
    {
        [Required(ErrorMessage = "Saisissez votre adresse électronique.")]
        [EmailAddress(ErrorMessage = "Saisissez une adresse électronique valide, par exemple prenom.nom@exemple.fr.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Saisissez votre mot de passe.")]
        public string MotDePasse { get; set; } = "";
    }
}
