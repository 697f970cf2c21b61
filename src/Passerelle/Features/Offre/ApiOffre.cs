using Microsoft.AspNetCore.Http.HttpResults;

namespace Passerelle.Features.Offre;

/// <summary>
/// <c>/api/v1/offre/{code}/services</c>: the published offer of a département as data·inclusion v1 services, open to
/// anyone. Mapped on the application itself, not in the authenticated <c>/api/v1</c> group; being more specific than
/// the <c>/api/{**chemin}</c> fallback, it answers before it.
/// </summary>
public static class ApiOffre
{
    public const int TailleParDefaut = 50;
    public const int TailleMaximale = 200;
    public const string MessageDepartementInconnu = "Aucun département de la plateforme n'a ce code.";

    public static IEndpointRouteBuilder MapApiOffre(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/offre/{code}/services", ServicesAsync).AllowAnonymous().WithTags("Offre publique").WithName("ServicesOffre")
            .WithSummary("Les actions publiées d'un département, au format « service » de data·inclusion v1, par nom et par page.")
            .WithDescription("Accès libre, sans compte. Paramètres : page (à partir de 1) et taille (1 à 200, 50 par défaut). "
                + "Chaque élément suit le schéma service.json de data·inclusion v1 (version 1.0.8, Licence Ouverte 2.0). Aucune donnée personnelle.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<FluxServices>, ProblemHttpResult, ValidationProblem>> ServicesAsync(
        string code, LectureOffre lecture, HttpRequest requete, int? page, int? taille, CancellationToken cancellationToken)
    {
        var numero = page ?? 1;
        var nombre = taille ?? TailleParDefaut;
        var erreurs = new Dictionary<string, string[]>();
        if (numero < 1)
        {
            erreurs["page"] = ["La page commence à 1."];
        }

        if (nombre is < 1 or > TailleMaximale)
        {
            erreurs["taille"] = [$"La taille d'une page va de 1 à {TailleMaximale} services."];
        }

        if (erreurs.Count > 0)
        {
            return TypedResults.ValidationProblem(erreurs);
        }

        await using var offre = await lecture.OuvrirAsync(code, cancellationToken);
        if (offre is null)
        {
            return TypedResults.Problem(MessageDepartementInconnu, statusCode: StatusCodes.Status404NotFound, title: "Département introuvable");
        }

        var (services, total) = await offre.ServicesAsync(numero, nombre, $"{requete.Scheme}://{requete.Host}{requete.PathBase}", cancellationToken);
        return TypedResults.Ok(new FluxServices(services, total, numero, nombre));
    }
}
