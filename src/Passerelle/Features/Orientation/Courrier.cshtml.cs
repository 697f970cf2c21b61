using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Beneficiaires;
using Passerelle.Features.Courriers;
using Passerelle.Infrastructure.Audit;

namespace Passerelle.Features.Orientation;

/// <summary>The decision letter as a page to print; it shows the person's name and address, so opening it is journaled.</summary>
[Authorize(Policy = PerimetreDossiers.Politique)]
public sealed class CourrierModel(PasserelleDbContext db, PerimetreDossiers perimetre, ServiceCourriers courriers, Journal journal) : PageModel
{
    public CourrierDecision Courrier { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid decisionId, CancellationToken cancellationToken)
    {
        if (await perimetre.PorteeAsync(id, cancellationToken) != Portee.Complete
            || await LectureCourrier.LireAsync(db, courriers, id, decisionId, cancellationToken) is not { } courrier)
        {
            return NotFound();
        }

        Courrier = courrier;
        await journal.EnregistrerAsync(ActionJournal.Consultation, nameof(Beneficiaire), id, cancellationToken: cancellationToken);
        return Page();
    }
}
