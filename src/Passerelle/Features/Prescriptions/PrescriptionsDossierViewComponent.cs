using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;

namespace Passerelle.Features.Prescriptions;

public sealed record VuePrescriptionsDossier(Guid BeneficiaireId, IReadOnlyList<LignePrescription> Prescriptions, int Total, bool PeutPrescrire, bool Clos);

/// <summary>The prescriptions section of the dossier page, which has already checked the scope and journaled the reading.</summary>
public sealed class PrescriptionsDossierViewComponent(PasserelleDbContext db, ServicePrescriptions service) : ViewComponent
{
    /// <summary>A person has a handful of prescriptions; past this many, the oldest are left to the chronologie.</summary>
    public const int Maximum = 50;

    public async Task<IViewComponentResult> InvokeAsync(Guid beneficiaireId, bool clos)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var prescriptions = db.Prescriptions.AsNoTracking().Where(p => p.BeneficiaireId == beneficiaireId);
        var lignes = await LignePrescription.Projeter(db, prescriptions.OrderByDescending(p => p.EnvoyeeLe).ThenByDescending(p => p.Id))
            .Take(Maximum).ToListAsync(cancellationToken);
        var total = lignes.Count < Maximum ? lignes.Count : await prescriptions.CountAsync(cancellationToken);
        return View("~/Features/Prescriptions/_SectionDossier.cshtml",
            new VuePrescriptionsDossier(beneficiaireId, lignes, total, await service.PeutPrescrireAsync(beneficiaireId, cancellationToken), clos));
    }
}
