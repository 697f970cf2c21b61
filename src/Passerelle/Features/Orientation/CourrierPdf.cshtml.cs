using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Beneficiaires;
using Passerelle.Features.Courriers;
using Passerelle.Infrastructure.Audit;

namespace Passerelle.Features.Orientation;

/// <summary>The decision letter as PDF, built from the decision with the département's current letterhead.</summary>
[Authorize(Policy = PerimetreDossiers.Politique)]
public sealed class CourrierPdfModel(PasserelleDbContext db, PerimetreDossiers perimetre, ServiceCourriers courriers, Journal journal) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid decisionId, CancellationToken cancellationToken)
    {
        if (await perimetre.PorteeAsync(id, cancellationToken) != Portee.Complete
            || await LectureCourrier.LireAsync(db, courriers, id, decisionId, cancellationToken) is not { } courrier)
        {
            return NotFound();
        }

        await journal.EnregistrerAsync(ActionJournal.Telechargement, nameof(Beneficiaire), id, cancellationToken: cancellationToken);
        // Personal data: no cache keeps a copy.
        Response.Headers.CacheControl = "no-store";
        return File(courrier.Pdf(), "application/pdf", $"decision-orientation-{courrier.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.pdf");
    }
}
