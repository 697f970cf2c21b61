using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Api;
using Passerelle.Domain;
using Passerelle.Features.Beneficiaires;
using Passerelle.Features.Shared;
using Passerelle.Infrastructure.Audit;
using Passerelle.Infrastructure.Web;
using static Passerelle.Features.Api.LectureApi;

namespace Passerelle.Features.Referents;

/// <summary>
/// <c>/api/v1/beneficiaires/{id}/referents</c>: the designation history of a person, and a new designation,
/// with the scope, rules and journal of the dossier page.
/// </summary>
public static class ApiReferents
{
    public sealed record DesignationDto(
        Guid Id, DateOnly Debut, DateOnly? Fin, bool EnCours, Guid? AgentId, string? Nom, Guid? StructureId, string? Structure, bool Externe);

    public sealed class CorpsDesignation
    {
        [Description("aaaa-mm-jj : le premier jour de la désignation ; la précédente se termine la veille.")]
        public string? Debut { get; set; }

        [Description("Un agent actif du département qui a le rôle de référent ; sinon un référent extérieur (nomExterne).")]
        public Guid? AgentId { get; set; }

        [Description("Le nom du référent extérieur (un conseiller de France Travail sans compte, par exemple).")]
        public string? NomExterne { get; set; }

        [Description("La structure du référent extérieur, quand elle est connue de Passerelle.")]
        public Guid? StructureId { get; set; }

        [Description("Le nom de sa structure, quand elle n'est pas connue de Passerelle.")]
        public string? StructureExterne { get; set; }
    }

    public static RouteGroupBuilder MapApiReferents(this RouteGroupBuilder v1)
    {
        var referents = v1.MapGroup("/beneficiaires/{id:guid}/referents").RequireAuthorization(PerimetreDossiers.Politique);
        referents.MapGet("", ListerAsync).WithName("ListerReferents")
            .WithSummary("L'historique des désignations du référent unique d'une personne, la plus récente d'abord. Chaque lecture est journalisée.")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        referents.MapPost("", DesignerAsync).WithName("DesignerReferent")
            .WithSummary("Désigne le référent unique, avec les règles de la page : après l'orientation, l'agent d'orientation désigne pour un service du Département, le responsable de la structure pour un partenaire.")
            .WithDescription("La désignation ouverte se termine la veille de la nouvelle. Un refus de règle répond 400 avec son motif ; rien n'est enregistré.")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .AvecJeton();
        return v1;
    }

    private static async Task<Results<Ok<List<DesignationDto>>, ProblemHttpResult>> ListerAsync(
        Guid id, PasserelleDbContext db, PerimetreDossiers perimetre, Journal journal, CancellationToken cancellationToken)
    {
        if (await perimetre.PorteeAsync(id, cancellationToken) != Portee.Complete)
        {
            return Introuvable();
        }

        var designations = await DesignationsAsync(db, id, cancellationToken);
        await journal.EnregistrerAsync(ActionJournal.Consultation, nameof(Beneficiaire), id, cancellationToken: cancellationToken);
        return TypedResults.Ok(designations);
    }

    private static async Task<Results<Created<List<DesignationDto>>, ValidationProblem, ProblemHttpResult>> DesignerAsync(
        Guid id, CorpsDesignation corps, PasserelleDbContext db, PerimetreDossiers perimetre, ServiceDossiers service, CancellationToken cancellationToken)
    {
        if (await perimetre.PorteeAsync(id, cancellationToken) != Portee.Complete)
        {
            return Introuvable();
        }

        var erreurs = new Dictionary<string, string[]>();
        DateOnly? debut = null;
        if (string.IsNullOrWhiteSpace(corps.Debut))
        {
            erreurs["debut"] = ["La date de début est obligatoire."];
        }
        else if (DateOnly.TryParseExact(corps.Debut.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            debut = date;
        }
        else
        {
            erreurs["debut"] = ["La date de début doit être au format aaaa-mm-jj."];
        }

        if (corps.AgentId is not null && (!string.IsNullOrWhiteSpace(corps.NomExterne) || corps.StructureId is not null || !string.IsNullOrWhiteSpace(corps.StructureExterne)))
        {
            erreurs["agentId"] = ["Choisissez un agent ou un référent extérieur, pas les deux."];
        }

        if (erreurs.Count > 0)
        {
            return TypedResults.ValidationProblem(erreurs);
        }

        try
        {
            await service.DesignerReferentAsync(id, debut, corps.AgentId, corps.NomExterne, corps.StructureId, corps.StructureExterne, cancellationToken);
        }
        catch (RegleMetierException erreur)
        {
            return TypedResults.Problem(erreur.Message, statusCode: StatusCodes.Status400BadRequest, title: "Requête refusée");
        }
        catch (DbUpdateException erreur) when (erreur is not DbUpdateConcurrencyException)
        {
            return TypedResults.Problem(Enregistrement.MessageDoublon, statusCode: StatusCodes.Status409Conflict, title: ReponsesErreur.Titre(StatusCodes.Status409Conflict));
        }

        // The new référent may take the person out of the author's scope: the address, not the history, then.
        var adresse = $"/api/v1/beneficiaires/{id}/referents";
        return TypedResults.Created(adresse, await perimetre.PorteeAsync(id, cancellationToken) == Portee.Complete
            ? await DesignationsAsync(db, id, cancellationToken)
            : null);
    }

    private static Task<List<DesignationDto>> DesignationsAsync(PasserelleDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.ReferentsUniques.AsNoTracking().Where(r => r.BeneficiaireId == id)
            .OrderByDescending(r => r.Debut).ThenByDescending(r => r.Fin == null).ThenByDescending(r => r.Id)
            .Select(r => new DesignationDto(
                r.Id, r.Debut, r.Fin, r.Fin == null, r.AgentId,
                r.AgentId != null ? db.Users.Where(a => a.Id == r.AgentId).Select(a => a.Prenom + " " + a.Nom).FirstOrDefault() : r.NomExterne,
                r.StructureId,
                r.StructureId != null ? db.Structures.Where(s => s.Id == r.StructureId).Select(s => s.Nom).FirstOrDefault() : r.StructureExterne,
                r.AgentId == null))
            .ToListAsync(cancellationToken);
}
