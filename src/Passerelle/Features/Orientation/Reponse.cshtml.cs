using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Shared;
using Passerelle.Infrastructure.Audit;

namespace Passerelle.Features.Orientation;

/// <summary>
/// A Responsable answers a réorientation request of a person of his scope: he accepts with a new decision
/// (its letter goes to the dossier, the old orientation is kept with its end) or refuses with a reason.
/// </summary>
[Authorize(Roles = nameof(Role.Responsable))]
public sealed class ReponseModel(PasserelleDbContext db, ServiceOrientation service, Journal journal) : PageModel
{
    [BindProperty] public SaisieDecision Saisie { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? MotifRefus { get; set; }

    public LigneDemande Demande { get; private set; } = null!;
    public VueOrientation Vue { get; private set; } = null!;
    public FormulaireDecision? Formulaire { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid demandeId, CancellationToken cancellationToken)
    {
        if (await service.DemandeAsync(demandeId, cancellationToken) is not { } demande)
        {
            return NotFound();
        }

        Saisie.Parcours = demande.ParcoursSouhaite;
        Saisie.DateDecision = service.Aujourdhui();
        Version = demande.Version;
        await ChargerAsync(demandeId, demande.BeneficiaireId, cancellationToken);
        await journal.EnregistrerAsync(ActionJournal.Consultation, nameof(Beneficiaire), demande.BeneficiaireId, cancellationToken: cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAccepterAsync(Guid demandeId, CancellationToken cancellationToken)
    {
        if (await service.DemandeAsync(demandeId, cancellationToken) is not { } demande)
        {
            return NotFound();
        }

        var beneficiaireId = demande.BeneficiaireId;
        await ChargerAsync(demandeId, beneficiaireId, cancellationToken);
        FormulaireDecision.AjouterErreurs(ModelState, await service.VerifierAsync(beneficiaireId, Saisie, reorientation: true, cancellationToken));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await this.EnregistrerAsync(
            async () =>
            {
                var decision = await service.AccepterReorientationAsync(demandeId, Version, Saisie, cancellationToken);
                TempData["Succes"] = $"La réorientation vers le parcours {decision.Parcours.Libelle().ToLowerInvariant()} est décidée ; son courrier est ajouté aux documents du dossier.";
                return Redirect("/orientation/reorientations");
            },
            db, demandeId, () => RechargerAsync(demandeId, cancellationToken), cancellationToken);
    }

    public async Task<IActionResult> OnPostRefuserAsync(Guid demandeId, CancellationToken cancellationToken)
    {
        if (await service.DemandeAsync(demandeId, cancellationToken) is not { } demande)
        {
            return NotFound();
        }

        await ChargerAsync(demandeId, demande.BeneficiaireId, cancellationToken);
        if (string.IsNullOrWhiteSpace(MotifRefus))
        {
            ModelState.AddModelError(nameof(MotifRefus), "Le motif du refus est obligatoire : il est transmis au référent.");
            return Page();
        }

        return await this.EnregistrerAsync(
            async () =>
            {
                await service.RefuserReorientationAsync(demandeId, Version, MotifRefus, cancellationToken);
                TempData["Succes"] = "La demande de réorientation est refusée ; le motif est visible dans le dossier.";
                return Redirect("/orientation/reorientations");
            },
            db, demandeId, () => RechargerAsync(demandeId, cancellationToken), cancellationToken);
    }

    private async Task<IActionResult> RechargerAsync(Guid demandeId, CancellationToken cancellationToken)
    {
        if (await service.DemandeAsync(demandeId, cancellationToken) is not { } demande)
        {
            return NotFound();
        }

        Version = demande.Version;
        await ChargerAsync(demandeId, demande.BeneficiaireId, cancellationToken);
        return Page();
    }

    private async Task ChargerAsync(Guid demandeId, Guid beneficiaireId, CancellationToken cancellationToken)
    {
        Vue = await service.LireAsync(beneficiaireId, cancellationToken: cancellationToken);
        Demande = Vue.Demandes.Single(d => d.Id == demandeId);
        if (Demande.Statut == StatutDemandeReorientation.EnAttente)
        {
            Formulaire = await FormulaireDecision.ChargerAsync(service, Saisie, "Accepter et émettre le courrier", "Accepter", cancellationToken);
            Formulaire.Version = Version;
        }
    }
}
