using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Beneficiaires;
using Passerelle.Infrastructure.Audit;
using Passerelle.Infrastructure.Auth;

namespace Passerelle.Features.Prescriptions;

/// <summary>
/// A prescription as the référent side sees it, for the agents who see the person's whole dossier (404 otherwise; the
/// operator has his own page). Every reading is journaled under the person.
/// </summary>
[Authorize(Policy = PerimetreDossiers.Politique, Roles = RolesLecture)]
public sealed class PrescriptionModel(ServicePrescriptions service, PasserelleDbContext db, Journal journal) : PageModel
{
    /// <summary>The roles that may see a person's whole dossier; an operator reads prescriptions at /prescriptions/recues.</summary>
    public const string RolesLecture = nameof(Role.Referent) + "," + nameof(Role.Responsable) + "," + nameof(Role.AgentOrientation);

    public FichePrescription Fiche { get; private set; } = null!;

    public bool PeutAnnuler => Fiche.Annulable && User.EstDans(Role.Referent);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Prescription prescription;
        try
        {
            prescription = await service.ExigerReferentAsync(id, cancellationToken);
        }
        catch (AccesPrescriptionRefuseException)
        {
            return NotFound();
        }

        Fiche = await FichePrescription.LireAsync(db, service, prescription, cancellationToken);
        await journal.EnregistrerAsync(ActionJournal.Consultation, nameof(Beneficiaire), prescription.BeneficiaireId, cancellationToken: cancellationToken);
        return Page();
    }
}
