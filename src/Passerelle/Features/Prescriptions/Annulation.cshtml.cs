using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Beneficiaires;
using Passerelle.Features.Shared;
using Passerelle.Infrastructure.Audit;

namespace Passerelle.Features.Prescriptions;

/// <summary>
/// The référent withdraws a prescription before the person enters the action: this page is the confirmation step,
/// with the reason the operator will read. Other roles get 403; a prescription out of scope, 404.
/// </summary>
[Authorize(Policy = PerimetreDossiers.Politique, Roles = nameof(Role.Referent))]
public sealed class AnnulationModel(ServicePrescriptions service, PasserelleDbContext db, Journal journal) : PageModel
{
    [BindProperty] public string? Motif { get; set; }
    [BindProperty] public int Version { get; set; }

    public FichePrescription Fiche { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await ChargerAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Version = Fiche.Prescription.Version;
        await journal.EnregistrerAsync(ActionJournal.Consultation, nameof(Beneficiaire), Fiche.Prescription.BeneficiaireId, cancellationToken: cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await ChargerAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(Motif))
        {
            ModelState.AddModelError(nameof(Motif), "Le motif de l'annulation est obligatoire : l'opérateur le lira.");
            return Page();
        }

        return await this.EnregistrerAsync(
            async () =>
            {
                await service.AnnulerAsync(id, Version, Motif, cancellationToken);
                TempData["Succes"] = "La prescription est annulée ; l'opérateur en est averti avec votre motif.";
                return Redirect(ServicePrescriptions.UrlReferent(id));
            },
            db,
            id,
            async () =>
            {
                if (!await ChargerAsync(id, cancellationToken))
                {
                    return NotFound();
                }

                Version = Fiche.Prescription.Version;
                return Page();
            },
            cancellationToken);
    }

    private async Task<bool> ChargerAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            Fiche = await FichePrescription.LireAsync(db, service, await service.ExigerReferentAsync(id, cancellationToken), cancellationToken);
            return true;
        }
        catch (AccesPrescriptionRefuseException)
        {
            return false;
        }
    }
}
