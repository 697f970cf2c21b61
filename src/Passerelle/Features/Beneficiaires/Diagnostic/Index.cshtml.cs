using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Domain;
using Passerelle.Infrastructure.Audit;

namespace Passerelle.Features.Beneficiaires.Diagnostic;

[Authorize(Policy = PerimetreDossiers.Politique)]
public sealed class IndexModel(PerimetreDossiers perimetre, ServiceDiagnostic service, Journal journal) : PageModel
{
    public VueDiagnostic Diagnostic { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await perimetre.PorteeAsync(id, cancellationToken) != Portee.Complete)
        {
            return NotFound();
        }

        Diagnostic = await service.LireAsync(id, cancellationToken);
        await journal.EnregistrerAsync(ActionJournal.Consultation, nameof(Beneficiaire), id, cancellationToken: cancellationToken);
        return Page();
    }
}
