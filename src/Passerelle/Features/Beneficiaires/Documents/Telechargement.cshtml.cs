using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;

namespace Passerelle.Features.Beneficiaires.Documents;

[Authorize(Policy = PerimetreDossiers.Politique)]
public sealed class TelechargementModel(PerimetreDossiers perimetre, ServiceDocuments service) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid documentId, CancellationToken cancellationToken)
    {
        if (await perimetre.PorteeAsync(id, cancellationToken) != Portee.Complete)
        {
            return NotFound();
        }

        var fiche = await service.TelechargerAsync(id, documentId, cancellationToken);
        return fiche is null ? NotFound() : new ResultatTelechargement(fiche, service);
    }

    /// <summary>The document as an attachment, streamed from the database into the response.</summary>
    private sealed class ResultatTelechargement(FicheDocument fiche, ServiceDocuments service) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context)
        {
            var reponse = context.HttpContext.Response;
            // The type recognised at upload, never guessed again by the browser: a document is saved, not displayed.
            reponse.ContentType = fiche.TypeContenu;
            reponse.ContentLength = fiche.Taille;
            var disposition = new ContentDispositionHeaderValue("attachment");
            // filename= keeps an ASCII fallback, filename*= carries accents (RFC 5987).
            disposition.SetHttpFileName(fiche.NomFichier);
            reponse.Headers.ContentDisposition = disposition.ToString();
            reponse.Headers.XContentTypeOptions = "nosniff";
            reponse.Headers.CacheControl = "no-store";
            return service.CopierContenuAsync(fiche.Id, reponse.Body, context.HttpContext.RequestAborted);
        }
    }
}
