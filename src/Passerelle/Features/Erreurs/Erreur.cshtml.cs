using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Infrastructure.Web;

namespace Passerelle.Features.Erreurs;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErreurModel(ILogger<ErreurModel> logger, IHostEnvironment environnement) : PageModel
{
    public int Code { get; private set; }
    public string Titre => ReponsesErreur.Titre(Code);
    public string Explication => ReponsesErreur.Explication(Code);
    public string? Reference { get; private set; }
    public string? Detail { get; private set; }

    public void OnGet(int? code) => Preparer(code);

    public void OnPost(int? code) => Preparer(code);

    private void Preparer(int? code)
    {
        var exception = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        // Re-executed by the status-code middleware, the route carries the code; by the exception handler, the response does.
        Code = code ?? (Response.StatusCode >= 400 ? Response.StatusCode : StatusCodes.Status500InternalServerError);
        if (code is null && exception is null && Response.StatusCode < 400)
        {
            Code = StatusCodes.Status404NotFound;
        }

        Response.StatusCode = Code;
        if (Code >= 500)
        {
            Reference = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
            if (exception is not null)
            {
                logger.LogError(exception, "Erreur non traitée, référence {Reference}", Reference);
                Detail = environnement.IsDevelopment() ? exception.ToString() : null;
            }
        }
    }
}
