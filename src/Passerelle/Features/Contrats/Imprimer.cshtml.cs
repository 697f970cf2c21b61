using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Domain;
using Passerelle.Features.Beneficiaires;
using Passerelle.Infrastructure.Audit;

namespace Passerelle.Features.Contrats;

/// <summary>The contract to print and sign, on the département's letterhead, with the signatures block.</summary>
[Authorize(Policy = PerimetreDossiers.Politique)]
public sealed class ImprimerModel(ServiceContrats service, Journal journal) : PageModel
{
    public FicheContrat Fiche { get; private set; } = null!;
    public ModeleCourrier Modele { get; private set; } = null!;
    public DateOnly Aujourdhui { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid contratId, CancellationToken cancellationToken)
    {
        var fiche = await service.AccesAsync(id, cancellationToken) is null ? null : await service.FicheAsync(id, contratId, cancellationToken);
        if (fiche is null)
        {
            return NotFound();
        }

        Fiche = fiche;
        Modele = await service.ModeleAsync(cancellationToken);
        Aujourdhui = await service.AujourdhuiAsync(cancellationToken);
        await journal.EnregistrerAsync(ActionJournal.Consultation, nameof(Beneficiaire), id, cancellationToken: cancellationToken);
        return Page();
    }
}
