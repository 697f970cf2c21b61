using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Domain;
using Passerelle.Features.Beneficiaires;
using Passerelle.Infrastructure.Audit;

namespace Passerelle.Features.Contrats;

/// <summary>The contract's PDF, built on demand from its current state; the signed one is also kept in the dossier's documents.</summary>
[Authorize(Policy = PerimetreDossiers.Politique)]
public sealed class PdfModel(ServiceContrats service, Journal journal) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid contratId, CancellationToken cancellationToken)
    {
        var fiche = await service.AccesAsync(id, cancellationToken) is null ? null : await service.FicheAsync(id, contratId, cancellationToken);
        if (fiche is null)
        {
            return NotFound();
        }

        var pdf = await service.PdfAsync(fiche, cancellationToken);
        await journal.EnregistrerAsync(ActionJournal.Telechargement, nameof(Beneficiaire), id, cancellationToken: cancellationToken);
        // Personal data: no cache keeps a copy.
        Response.Headers.CacheControl = "no-store";
        return File(pdf, "application/pdf", $"Contrat d'engagement du {fiche.Contrat.Debut:dd-MM-yyyy}.pdf");
    }
}
