using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Passerelle.Domain;
using Passerelle.Features.Parametres;
using Passerelle.Infrastructure.Auth;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.Api;

public static class Api
{
    public static void MapPasserelleApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/api/v1").RequireAuthorization().WithTags("Passerelle");
        v1.MapGet("/moi", Moi).WithName("Moi").WithSummary("L'agent connecté, son département et ses rôles.");
        v1.MapGet("/parametres/{cle}", ParametreAsync).RequireAuthorization(Politiques.AgentDepartement)
            .WithName("Parametre").WithSummary("La valeur d'un paramètre daté en vigueur à une date (aaaa-mm-jj).");
        v1.MapGet("/plateforme/departements", DepartementsAsync).RequireAuthorization(Politiques.Pour(Role.AdministrateurPlateforme))
            .WithName("Departements").WithSummary("Les départements hébergés (administrateur de la plateforme).");
        Beneficiaires.ApiBeneficiaires.MapApiBeneficiaires(v1);

        Orientation.ApiOrientation.MapApiOrientation(v1);

        Contrats.ApiContrats.MapApiContrats(v1);

        SuiviRendezVous.ApiRendezVous.MapApiRendezVous(v1);

        Referents.ApiReferents.MapApiReferents(v1);

        Offre.ApiOffre.MapApiOffre(app);
        Prescriptions.Api.ApiPrescriptions.MapApiPrescriptions(v1);

        // Any other /api path: 401 when anonymous (fallback policy), 404 otherwise. No route enumeration.
        app.MapFallback("/api/{**chemin}", () => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Ressource introuvable"))
            .RequireAuthorization().ExcludeFromDescription();
    }

    public sealed record MoiDto(Guid Id, string? Email, string? Nom, string? DepartementCode, string? DepartementNom, IReadOnlyList<string> Roles);

    public sealed record ParametreDto(string Cle, string Portee, string Type, string Valeur, DateOnly ValideDu, DateOnly? ValideAu, string Source);

    public sealed record DepartementDto(string Code, string Nom, string FuseauHoraire);

    private static Ok<MoiDto> Moi(ClaimsPrincipal utilisateur) => TypedResults.Ok(new MoiDto(
        Guid.Parse(utilisateur.FindFirstValue(ClaimTypes.NameIdentifier)!),
        utilisateur.FindFirstValue(ClaimTypes.Email) ?? utilisateur.FindFirstValue(ClaimTypes.Name),
        utilisateur.FindFirstValue(ClaimsPasserelle.NomComplet),
        utilisateur.FindFirstValue(ClaimsPasserelle.DepartementCode),
        utilisateur.FindFirstValue(ClaimsPasserelle.DepartementNom),
        utilisateur.Roles().Select(r => r.ToString()).ToList()));

    private static async Task<Results<Ok<ParametreDto>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>, ValidationProblem>> ParametreAsync(
        string cle, string? date, ServiceParametres parametres, TimeProvider temps, ClaimsPrincipal utilisateur, CancellationToken cancellationToken)
    {
        var jour = temps.Aujourdhui(utilisateur.Fuseau());
        if (date is not null && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out jour))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["date"] = ["La date doit être au format aaaa-mm-jj."] });
        }

        var parametre = await parametres.ValeurAuAsync(cle, jour, cancellationToken: cancellationToken);
        return parametre is null
            ? TypedResults.NotFound(new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = 404, Title = "Aucune valeur en vigueur à cette date" })
            : TypedResults.Ok(new ParametreDto(parametre.Cle, parametre.Portee, parametre.Type.ToString(), parametre.Valeur, parametre.ValideDu, parametre.ValideAu, parametre.SourceTexte));
    }

    private static async Task<Ok<List<DepartementDto>>> DepartementsAsync(Data.PasserelleDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.Departements.OrderBy(d => d.Code).Select(d => new DepartementDto(d.Code, d.Nom, d.FuseauHoraire)), cancellationToken));
}
