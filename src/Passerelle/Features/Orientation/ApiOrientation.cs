using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Api;
using Passerelle.Domain;
using Passerelle.Features.Beneficiaires;
using Passerelle.Features.Shared;
using Passerelle.Infrastructure.Audit;
using Passerelle.Infrastructure.Auth;
using Passerelle.Infrastructure.Web;
using static Passerelle.Features.Api.LectureApi;

namespace Passerelle.Features.Orientation;

/// <summary>
/// <c>/api/v1/beneficiaires/{id}/orientations</c>: the history of a person's orientations, and the first
/// decision by an agent of orientation. Same scope, checks, letter and journal as the pages.
/// </summary>
public static class ApiOrientation
{
    public static RouteGroupBuilder MapApiOrientation(this RouteGroupBuilder v1)
    {
        var orientations = v1.MapGroup("/beneficiaires/{id:guid}/orientations").RequireAuthorization(PerimetreDossiers.Politique);
        orientations.MapGet("", ListerAsync).WithName("ListerOrientations")
            .WithSummary("L'historique des orientations d'une personne, la plus récente d'abord. Chaque lecture est journalisée.")
            .Erreurs(StatusCodes.Status404NotFound);
        orientations.MapPost("", DeciderAsync).WithName("DeciderOrientation")
            .WithSummary("Décide la première orientation d'une personne (agent d'orientation) et émet son courrier dans les documents du dossier.")
            .WithDescription("Le délai (réception de l'information → décision) est calculé avec la durée en vigueur à la réception. " +
                "Une orientation déjà en vigueur ne se remplace que par une demande de réorientation acceptée par un responsable.")
            .Erreurs(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict).AvecJeton()
            .RequireAuthorization(Politiques.Pour(Role.AgentOrientation));
        return v1;
    }

    public sealed record OrientationDto(
        Guid Id, string Parcours, string Organisme, Guid? StructureId, string LibelleOrganisme, DateOnly? ReceptionInformation,
        DateOnly DateDecision, DateOnly? DateNotification, string Motif, int? DelaiJours, int? SemainesDelai, bool HorsDelai,
        DateOnly? RevisionDue, string? MotifVulnerabilite, Guid? PrecedenteId, DateOnly? Fin, bool EnVigueur);

    public sealed class CorpsDecisionOrientation
    {
        [Description("Emploi, SocioProfessionnel ou Social.")]
        public string? Parcours { get; set; }

        [Description("FranceTravail, CapEmploi, MissionLocale, ServiceDepartement ou StructurePartenaire.")]
        public string? Organisme { get; set; }

        [Description("Une structure active du département, du type de l'organisme ; son nom devient celui de l'organisme.")]
        public string? StructureId { get; set; }

        [Description("Le nom de l'organisme, sans structure.")]
        public string? LibelleOrganisme { get; set; }

        [Description("aaaa-mm-jj, au plus tard aujourd'hui.")]
        public string? DateDecision { get; set; }

        [Description("aaaa-mm-jj, facultative : elle peut s'enregistrer plus tard.")]
        public string? DateNotification { get; set; }

        [Description("1 000 caractères au plus ; il figure sur le courrier.")]
        public string? Motif { get; set; }

        [Description("Parcours social seulement : un code de la liste motifs-vulnerabilite.")]
        public string? MotifVulnerabilite { get; set; }

        public SaisieDecision Lire(Dictionary<string, string[]> erreurs)
        {
            var saisie = new SaisieDecision
            {
                Parcours = LireEnum<TypeParcours>(Parcours, "parcours", "Le parcours est Emploi, SocioProfessionnel ou Social.", erreurs),
                Organisme = LireEnum<OrganismeOrientation>(Organisme, "organisme",
                    "L'organisme est FranceTravail, CapEmploi, MissionLocale, ServiceDepartement ou StructurePartenaire.", erreurs),
                LibelleOrganisme = LibelleOrganisme,
                DateDecision = LireDate(DateDecision, "dateDecision", "La date de la décision", erreurs),
                DateNotification = LireDate(DateNotification, "dateNotification", "La date de notification", erreurs),
                Motif = Motif,
                MotifVulnerabilite = MotifVulnerabilite,
            };
            if (!string.IsNullOrWhiteSpace(StructureId))
            {
                if (Guid.TryParse(StructureId, out var structure))
                {
                    saisie.StructureId = structure;
                }
                else
                {
                    erreurs["structureId"] = ["L'identifiant de la structure n'est pas valide."];
                }
            }

            return saisie;
        }
    }

    private static async Task<Results<Ok<List<OrientationDto>>, ProblemHttpResult>> ListerAsync(
        Guid id, PasserelleDbContext db, PerimetreDossiers perimetre, Journal journal, CancellationToken cancellationToken)
    {
        if (await perimetre.PorteeAsync(id, cancellationToken) != Portee.Complete)
        {
            return Introuvable();
        }

        var orientations = await OrientationsAsync(db, id, cancellationToken);
        await journal.EnregistrerAsync(ActionJournal.Consultation, nameof(Beneficiaire), id, cancellationToken: cancellationToken);
        return TypedResults.Ok(orientations);
    }

    private static async Task<Results<Created<OrientationDto>, ValidationProblem, ProblemHttpResult>> DeciderAsync(
        Guid id, CorpsDecisionOrientation corps, PasserelleDbContext db, PerimetreDossiers perimetre, ServiceOrientation service, CancellationToken cancellationToken)
    {
        if (await perimetre.PorteeAsync(id, cancellationToken) != Portee.Complete)
        {
            return Introuvable();
        }

        var erreurs = new Dictionary<string, string[]>();
        var saisie = corps.Lire(erreurs);
        foreach (var erreur in await service.VerifierAsync(id, saisie, reorientation: false, cancellationToken))
        {
            // A value that could not be read already has its message.
            erreurs.TryAdd(erreur.Champ.Length == 0 ? "decision" : System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(erreur.Champ), [erreur.Message]);
        }

        if (erreurs.Count > 0)
        {
            return TypedResults.ValidationProblem(erreurs);
        }

        DecisionOrientation decision;
        try
        {
            decision = await service.DeciderAsync(id, saisie, cancellationToken);
        }
        catch (RegleMetierException erreur)
        {
            return TypedResults.Problem(erreur.Message, statusCode: StatusCodes.Status400BadRequest, title: "Requête refusée");
        }
        catch (DbUpdateException erreur) when (erreur is not DbUpdateConcurrencyException)
        {
            // Another agent oriented the person in the meantime: one orientation in force at a time.
            return TypedResults.Problem(Enregistrement.MessageDoublon, statusCode: StatusCodes.Status409Conflict, title: ReponsesErreur.Titre(StatusCodes.Status409Conflict));
        }

        var dto = (await OrientationsAsync(db, id, cancellationToken)).Single(o => o.Id == decision.Id);
        return TypedResults.Created($"/api/v1/beneficiaires/{id}/orientations", dto);
    }

    private static async Task<List<OrientationDto>> OrientationsAsync(PasserelleDbContext db, Guid beneficiaireId, CancellationToken cancellationToken) =>
        (await db.DecisionsOrientation.AsNoTracking().Where(o => o.BeneficiaireId == beneficiaireId)
            .OrderByDescending(o => o.DateDecision).ThenByDescending(o => o.Instant)
            .ToListAsync(cancellationToken))
        .Select(o => new OrientationDto(
            o.Id, o.Parcours.ToString(), o.Organisme.ToString(), o.StructureId, o.LibelleOrganisme, o.ReceptionInformation, o.DateDecision,
            o.DateNotification, o.Motif, o.DelaiJours, o.SemainesDelai, o.HorsDelai, o.RevisionDue, o.MotifVulnerabilite, o.PrecedenteId,
            o.Fin, o.EstEnVigueur))
        .ToList();

    // The two helpers below repeat ApiBeneficiaires' private ones: that file is not this feature's to change.
}
