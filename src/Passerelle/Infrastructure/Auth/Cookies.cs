using Microsoft.AspNetCore.Authentication.Cookies;
using Passerelle.Infrastructure.Web;

namespace Passerelle.Infrastructure.Auth;

public static class Cookies
{
    public static void Configurer(CookieAuthenticationOptions options, IWebHostEnvironment environnement)
    {
        options.Cookie.Name = "passerelle";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = environnement.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        options.LoginPath = "/connexion";
        options.LogoutPath = "/deconnexion";
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = true;
        options.Events.OnRedirectToLogin = contexte =>
        {
            if (ReponsesErreur.EstApi(contexte.Request))
            {
                return ReponsesErreur.EcrireProblemeAsync(contexte.HttpContext, StatusCodes.Status401Unauthorized);
            }

            contexte.Response.Redirect(contexte.RedirectUri);
            return Task.CompletedTask;
        };
        // A forbidden page answers 403 with the French error page, never a redirect.
        options.Events.OnRedirectToAccessDenied = contexte =>
            ReponsesErreur.EstApi(contexte.Request)
                ? ReponsesErreur.EcrireProblemeAsync(contexte.HttpContext, StatusCodes.Status403Forbidden)
                : Task.FromResult(contexte.Response.StatusCode = StatusCodes.Status403Forbidden);
    }
}
