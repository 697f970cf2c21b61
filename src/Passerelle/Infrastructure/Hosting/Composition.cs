using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features;
using Passerelle.Features.Api;
using Passerelle.Infrastructure.Audit;
using Passerelle.Infrastructure.Auth;
using Passerelle.Infrastructure.Tenancy;
using Passerelle.Infrastructure.Web;

namespace Passerelle.Infrastructure.Hosting;

public static class Composition
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("fr-FR");

    public static void AjouterPasserelle(this WebApplicationBuilder builder)
    {
        CultureInfo.DefaultThreadCurrentCulture = Culture;
        CultureInfo.DefaultThreadCurrentUICulture = Culture;

        // Whatever the configuration files say: request lines carry query strings, and SQL carries data.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);

        var services = builder.Services;

        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<DepartementCourant>();
        services.AddScoped<AgentCourant>();
        services.AddScoped<SuiviModificationsInterceptor>();
        services.AddScoped<Journal>();
        services.AddSingleton(sp => Securite.ProtectionNir.Creer(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>()));
        OptionsBaseDeDonnees.AjouterDbContext(services);

        services.AddIdentityCore<Agent>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.SignIn.RequireConfirmedAccount = true;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddUserStore<AgentUserStore>()
            .AddRoleStore<Microsoft.AspNetCore.Identity.EntityFrameworkCore.RoleStore<IdentityRole<Guid>, PasserelleDbContext, Guid>>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<MessagesIdentiteFrancais>()
            .AddClaimsPrincipalFactory<AgentClaimsPrincipalFactory>();
        services.AddScoped<IUserConfirmation<Agent>, AgentActifConfirmation>();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IWebHostEnvironment>(Cookies.Configurer);
        services.AddAuthorization(Autorisations.Configurer);

        services.AddDataProtection()
            .SetApplicationName("Passerelle")
            .PersistKeysToDbContext<PasserelleDbContext>();

        services.AddAntiforgery();
        services.AddOptions<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>().Configure<IWebHostEnvironment>((o, environnement) =>
        {
            o.Cookie.Name = "passerelle-af";
            o.Cookie.SecurePolicy = environnement.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.HeaderName = "RequestVerificationToken";
        });

        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
            })
            .AddMvcOptions(MessagesValidation.Configurer);
        // French text is written as is, not as numeric character references.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = contexte =>
        {
            // The framework fills in English defaults (the status's reason phrase) before this runs.
            if (contexte.ProblemDetails.Status is { } code && (contexte.ProblemDetails.Title is null or "One or more validation errors occurred." or "An error occurred while processing your request."
                || contexte.ProblemDetails.Title == Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(code)))
            {
                contexte.ProblemDetails.Title = code == StatusCodes.Status400BadRequest && contexte.ProblemDetails is Microsoft.AspNetCore.Http.HttpValidationProblemDetails
                    ? "La requête contient des valeurs invalides."
                    : ReponsesErreur.Titre(code);
            }
        });
        services.AddOpenApi();
        services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o =>
            o.Limits.MaxRequestBodySize = LimitesRequetes.TailleMaximaleCorps);

        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            // Only the proxies named in ForwardedHeaders:KnownProxies (besides loopback) are believed.
            o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
        services.AddFeatureServices();
        services.AddScoped<Demo.ChargeurDemo>();
        services.AddScoped<Generation.GenerateurDonnees>();
    }

    public static void UtiliserPasserelle(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Culture),
            SupportedCultures = [Culture],
            SupportedUICultures = [Culture],
        });
        app.UseMiddleware<EnTetesSecurite>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api"), api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = ReponsesErreur.CodePour });
            api.UseStatusCodePages();
        });
        app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api"), pages =>
        {
            pages.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/erreur",
                StatusCodeSelector = ReponsesErreur.CodePour,
            });
            pages.UseStatusCodePagesWithReExecute("/erreur/{0}");
        });

        // An announced body over the limit is refused before anything reads it (antiforgery would answer 400).
        app.Use((contexte, suivant) =>
        {
            if (contexte.Request.ContentLength > LimitesRequetes.TailleMaximaleCorps && contexte.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
            {
                contexte.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return Task.CompletedTask;
            }

            return suivant(contexte);
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages();
        app.MapOpenApi().AllowAnonymous();
        app.MapGet("/health", Sante.VerifierAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPasserelleApi();
        // An unknown page is a French 404 for everyone, signed in or not (the /api fallback answers 401 first).
        app.MapFallback("{**chemin}", () => Results.NotFound()).AllowAnonymous().ExcludeFromDescription();
    }
}
