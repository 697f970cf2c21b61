using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Passerelle.Features.Api;

/// <summary>What every endpoint group of the API declares the same way.</summary>
public static class ExtensionsPointsApi
{
    public const string MessageJetonInvalide = "Jeton antifalsification manquant ou invalide.";

    /// <summary>The problem responses an endpoint may give, besides 401 and 403, described in the OpenAPI document.</summary>
    public static RouteHandlerBuilder Erreurs(this RouteHandlerBuilder endpoint, params int[] codes)
    {
        endpoint.ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        foreach (var code in codes)
        {
            endpoint.ProducesProblem(code);
        }

        return endpoint;
    }

    /// <summary>
    /// Minimal APIs validate antiforgery on their own only for form-bound endpoints: a JSON write checks the
    /// <c>RequestVerificationToken</c> header here, before the handler runs. Its 400 is already described by
    /// each endpoint's ValidationProblem.
    /// </summary>
    public static RouteHandlerBuilder AvecJeton(this RouteHandlerBuilder endpoint) => endpoint
        .AddEndpointFilter(async (contexte, suivant) =>
        {
            var antiforgery = contexte.HttpContext.RequestServices.GetRequiredService<IAntiforgery>();
            return await antiforgery.IsRequestValidAsync(contexte.HttpContext)
                ? await suivant(contexte)
                : TypedResults.Problem(MessageJetonInvalide, statusCode: StatusCodes.Status400BadRequest, title: "Requête refusée");
        })
        .AddOpenApiOperationTransformer((operation, contexte, _) =>
        {
            var nom = contexte.ApplicationServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.HeaderName!;
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = nom,
                In = ParameterLocation.Header,
                Required = true,
                Description = "Le jeton donné par GET /api/v1/jeton, avec le cookie de session et le cookie antifalsification.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
            return Task.CompletedTask;
        });
}
