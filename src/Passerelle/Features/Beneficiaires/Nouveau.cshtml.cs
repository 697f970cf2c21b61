using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Domain;
using Passerelle.Features.Shared;

namespace Passerelle.Features.Beneficiaires;

/// <summary>Records a person; probable duplicates are shown first and the agent confirms.</summary>
[Authorize(Policy = PerimetreDossiers.PolitiqueCreation)]
public sealed class NouveauModel(ServiceDossiers service, RechercheDossiers recherche, PerimetreDossiers perimetre) : PageModel
{
    [BindProperty] public SaisieBeneficiaire Saisie { get; set; } = new();
    [BindProperty] public OrganismePayeur? OrganismePayeur { get; set; }
    [BindProperty] public string? Matricule { get; set; }
    [BindProperty] public bool ConfirmeAutrePersonne { get; set; }

    public List<DoublonProbable> Doublons { get; private set; } = [];

    public IActionResult OnGet()
    {
        // Most people come through the RSA: ticked by default on the empty form, never when a posted form left it unticked.
        Saisie.Dispositifs = [Dispositifs.Rsa];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Verifier();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var visibles = await perimetre.VisiblesAsync(cancellationToken);
        Doublons = await recherche.DoublonsAsync(Saisie, visibles, cancellationToken: cancellationToken);
        if (Doublons.Count > 0 && !ConfirmeAutrePersonne)
        {
            ModelState.AddModelError(nameof(ConfirmeAutrePersonne),
                "Une personne proche est déjà enregistrée : vérifiez qu'il ne s'agit pas d'elle, puis confirmez pour créer un nouveau dossier.");
            return Page();
        }

        return await this.EnregistrerAsync(async () =>
        {
            var beneficiaire = await service.CreerAsync(Saisie, Matricule, OrganismePayeur, cancellationToken);
            TempData["Succes"] = "Le dossier est créé. Remettez à la personne la notice d'information sur le traitement de ses données.";
            TempData["NoticeAImprimer"] = true;
            return await perimetre.PorteeAsync(beneficiaire.Id, cancellationToken) == Portee.Complete
                ? Redirect($"/beneficiaires/{beneficiaire.Id}")
                : RedirectToPage("Index");
        });
    }

    private void Verifier()
    {
        Saisie.Verifier(ModelState);
        if (!string.IsNullOrWhiteSpace(Matricule) && OrganismePayeur is null)
        {
            ModelState.AddModelError(nameof(OrganismePayeur), "Indiquez l'organisme payeur qui a attribué ce matricule.");
        }
    }
}
