namespace Passerelle.Infrastructure.Web;

/// <summary>Security headers on every response. Scripts come only from our own origin: no inline script.</summary>
public sealed class EnTetesSecurite(RequestDelegate suivant)
{
    public const string PolitiqueContenu =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext contexte)
    {
        contexte.Response.OnStarting(() =>
        {
            var entetes = contexte.Response.Headers;
            entetes.ContentSecurityPolicy = PolitiqueContenu;
            entetes.XContentTypeOptions = "nosniff";
            entetes["Referrer-Policy"] = "same-origin";
            entetes.XFrameOptions = "DENY";
            entetes["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            return Task.CompletedTask;
        });
        return suivant(contexte);
    }
}
