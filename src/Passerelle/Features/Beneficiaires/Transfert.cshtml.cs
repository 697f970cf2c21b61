using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Beneficiaires.Transfert;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.Beneficiaires;

/// <summary>
/// The transfer export for a person moving to another département. The downloads are POSTs: an export is
/// journaled, and a link followed or prefetched by accident must not write to the journal.
/// </summary>
[Authorize(Policy = PerimetreDossiers.Politique)]
public sealed class TransfertModel(PasserelleDbContext db, PerimetreDossiers perimetre, ServiceTransfert service) : PageModel
{
    public Beneficiaire Dossier { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await perimetre.PorteeAsync(id, cancellationToken) != Portee.Complete)
        {
            return NotFound();
        }

        Dossier = await db.Beneficiaires.AsNoTracking().SingleAsync(b => b.Id == id, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostJsonAsync(Guid id, CancellationToken cancellationToken) =>
        TelechargerAsync(id, service.ExporterJsonAsync, cancellationToken);

    public Task<IActionResult> OnPostPdfAsync(Guid id, CancellationToken cancellationToken) =>
        TelechargerAsync(id, service.ExporterPdfAsync, cancellationToken);

    private async Task<IActionResult> TelechargerAsync(
        Guid id, Func<Guid, TimeZoneInfo, CancellationToken, Task<FichierTransfert>> exporter, CancellationToken cancellationToken)
    {
        if (await perimetre.PorteeAsync(id, cancellationToken) != Portee.Complete)
        {
            return NotFound();
        }

        var fichier = await exporter(id, User.Fuseau(), cancellationToken);
        // Personal data, the NIR in clear: no cache keeps a copy.
        Response.Headers.CacheControl = "no-store";
        return File(fichier.Contenu, fichier.TypeContenu, fichier.NomFichier);
    }
}
