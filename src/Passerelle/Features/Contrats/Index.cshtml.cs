using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Domain;
using Passerelle.Features.Beneficiaires;
using Passerelle.Infrastructure.Audit;

namespace Passerelle.Features.Contrats;

/// <summary>The contracts of a person and when the contract is due. Every reading is journaled.</summary>
[Authorize(Policy = PerimetreDossiers.Politique)]
public sealed class IndexModel(ServiceContrats service, Journal journal) : PageModel
{
    public VueContrats Vue { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await service.AccesAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        Vue = await service.LireAsync(id, await service.AujourdhuiAsync(cancellationToken), cancellationToken: cancellationToken);
        await journal.EnregistrerAsync(ActionJournal.Consultation, nameof(Beneficiaire), id, cancellationToken: cancellationToken);
        return Page();
    }
}
