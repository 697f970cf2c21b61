using System.ComponentModel;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Api;
using Passerelle.Domain;
using Passerelle.Features.Beneficiaires;
using Passerelle.Infrastructure.Audit;
using Passerelle.Infrastructure.Tenancy;
using Passerelle.Infrastructure.Web;
using static Passerelle.Features.Api.LectureApi;

namespace Passerelle.Features.SuiviRendezVous;

/// <summary>
/// <c>/api/v1/beneficiaires/{id}/rendez-vous</c>: the same scope, roles, rules and journal as the pages. Dates and
/// times are typed in the département's time zone (as on the forms) and answered both in UTC and local time.
/// </summary>
public static class ApiRendezVous
{
    public static RouteGroupBuilder MapApiRendezVous(this RouteGroupBuilder v1)
    {
        var groupe = v1.MapGroup("/beneficiaires/{id:guid}/rendez-vous").RequireAuthorization(PerimetreDossiers.Politique).WithTags("Rendez-vous");
        groupe.MapGet("", ListerAsync).WithName("ListerRendezVous")
            .WithSummary("Les rendez-vous d'une personne, le plus récent d'abord. Chaque lecture est journalisée.")
            .Erreurs(StatusCodes.Status404NotFound);
        groupe.MapPost("", PlanifierAsync).WithName("PlanifierRendezVous")
            .WithSummary("Prévoit un rendez-vous (référent, agents de sa structure, agent d'orientation), avec sa convocation et son courriel si demandés.")
            .WithDescription("La date et l'heure sont celles du département. Un rendez-vous collectif se prévoit avec sa séance, depuis l'agenda.")
            .Erreurs(StatusCodes.Status404NotFound).AvecJeton()
            .RequireAuthorization(new AuthorizeAttribute { Roles = DroitsRendezVous.RolesEcriture });
        groupe.MapPost("/{rendezVousId:guid}/statut", EnregistrerAsync).WithName("EnregistrerIssueRendezVous")
            .WithSummary("Enregistre l'issue d'un rendez-vous : Honore (avec un compte rendu), Manque, Excuse (avec le motif) ou Annule.")
            .WithDescription("Honoré et non honoré seulement une fois le rendez-vous commencé. Avec la version lue, une version dépassée répond 409.")
            .Erreurs(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict).AvecJeton()
            .RequireAuthorization(new AuthorizeAttribute { Roles = DroitsRendezVous.RolesEcriture });
        return v1;
    }

    public sealed record RendezVousDto(
        Guid Id, string Type, DateTime Debut, DateTime Fin, string DebutLocal, int DureeMinutes, string Objet, string? Lieu, string Statut,
        string? MotifExcuse, string? CompteRendu, string? Agent, Guid? SeanceCollectiveId, Guid? ConvocationDocumentId, int Version);

    public sealed class CorpsPlanification
    {
        [Description("Individuel, Telephone ou Visio.")]
        public string? Type { get; set; }

        [Description("aaaa-mm-jj, dans le fuseau du département.")]
        public string? Date { get; set; }

        [Description("hh:mm, dans le fuseau du département.")]
        public string? Heure { get; set; }

        [Description("De 5 à 480.")]
        public int? DureeMinutes { get; set; }

        [Description("Figure sur la convocation et dans le courriel : rien de confidentiel.")]
        public string? Objet { get; set; }

        [Description("Obligatoire pour un entretien en présence.")]
        public string? Lieu { get; set; }

        [Description("Émet la convocation (PDF rangé dans les documents du dossier).")]
        public bool Convoquer { get; set; }

        [Description("Ajoute à la file d'envoi un courriel avec l'invitation .ics (la personne doit avoir une adresse électronique).")]
        public bool Notifier { get; set; }
    }

    public sealed class CorpsStatut
    {
        [Description("Honore, Manque, Excuse ou Annule.")]
        public string? Statut { get; set; }

        [Description("Le compte rendu d'un rendez-vous honoré (2 000 caractères au plus).")]
        public string? CompteRendu { get; set; }

        [Description("Le motif d'une excuse (200 caractères au plus).")]
        public string? Motif { get; set; }

        [Description("Pour une annulation d'un rendez-vous à venir : prévenir la personne par courriel.")]
        public bool Notifier { get; set; }

        [Description("La version lue ; sans elle, la modification s'applique à la version actuelle.")]
        public int? Version { get; set; }
    }

    private static async Task<Results<Ok<List<RendezVousDto>>, ProblemHttpResult>> ListerAsync(
        Guid id, PasserelleDbContext db, PerimetreDossiers perimetre, Journal journal, ClaimsPrincipal utilisateur, CancellationToken cancellationToken)
    {
        if (await perimetre.PorteeAsync(id, cancellationToken) != Portee.Complete)
        {
            return Introuvable();
        }

        var lignes = await LectureRendezVous.ListerAsync(db, id, cancellationToken);
        await journal.EnregistrerAsync(ActionJournal.Consultation, nameof(Beneficiaire), id, cancellationToken: cancellationToken);
        var fuseau = utilisateur.Fuseau();
        return TypedResults.Ok(lignes.Select(l => Dto(l, fuseau)).ToList());
    }

    private static async Task<Results<Created<RendezVousDto>, ValidationProblem, ProblemHttpResult>> PlanifierAsync(
        Guid id, CorpsPlanification corps, PasserelleDbContext db, PerimetreDossiers perimetre, ServiceRendezVous service,
        ClaimsPrincipal utilisateur, CancellationToken cancellationToken)
    {
        if (await perimetre.PorteeAsync(id, cancellationToken) != Portee.Complete)
        {
            return Introuvable();
        }

        var erreurs = new Dictionary<string, string[]>();
        var type = LireEnum<TypeRendezVous>(corps.Type, "type", "Le type est Individuel, Telephone ou Visio.", erreurs);
        if (type is null && !erreurs.ContainsKey("type"))
        {
            erreurs["type"] = ["Le type du rendez-vous est obligatoire : Individuel, Telephone ou Visio."];
        }

        DateOnly date = default;
        if (!DateOnly.TryParseExact(corps.Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            erreurs["date"] = ["La date est obligatoire, au format aaaa-mm-jj."];
        }

        TimeOnly heure = default;
        if (!TimeOnly.TryParseExact(corps.Heure?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out heure))
        {
            erreurs["heure"] = ["L'heure est obligatoire, au format hh:mm."];
        }

        if (corps.DureeMinutes is null)
        {
            erreurs["dureeMinutes"] = ["La durée en minutes est obligatoire."];
        }

        if (erreurs.Count > 0)
        {
            return TypedResults.ValidationProblem(erreurs);
        }

        RendezVous rendezVous;
        try
        {
            rendezVous = await service.PlanifierAsync(
                id, new SaisieRendezVous(type!.Value, date, heure, corps.DureeMinutes!.Value, corps.Objet, corps.Lieu, corps.Convoquer, corps.Notifier),
                cancellationToken);
        }
        catch (RegleMetierException erreur)
        {
            return Refus(erreur.Message);
        }

        var ligne = await LectureRendezVous.LireAsync(db, id, rendezVous.Id, cancellationToken);
        return TypedResults.Created($"/api/v1/beneficiaires/{id}/rendez-vous", Dto(ligne!, utilisateur.Fuseau()));
    }

    private static async Task<Results<Ok<RendezVousDto>, ValidationProblem, ProblemHttpResult>> EnregistrerAsync(
        Guid id, Guid rendezVousId, CorpsStatut corps, PasserelleDbContext db, PerimetreDossiers perimetre, ServiceRendezVous service,
        ClaimsPrincipal utilisateur, CancellationToken cancellationToken)
    {
        if (await perimetre.PorteeAsync(id, cancellationToken) != Portee.Complete
            || await LectureRendezVous.LireAsync(db, id, rendezVousId, cancellationToken) is null)
        {
            return Introuvable();
        }

        var erreurs = new Dictionary<string, string[]>();
        var issue = LireEnum<IssueRendezVous>(corps.Statut, "statut", "Le statut est Honore, Manque, Excuse ou Annule.", erreurs);
        if (issue is null && !erreurs.ContainsKey("statut"))
        {
            erreurs["statut"] = ["Le statut est obligatoire : Honore, Manque, Excuse ou Annule."];
        }

        if (issue == IssueRendezVous.Excuse && string.IsNullOrWhiteSpace(corps.Motif))
        {
            erreurs["motif"] = ["Indiquez le motif de l'excuse."];
        }

        if (erreurs.Count > 0)
        {
            return TypedResults.ValidationProblem(erreurs);
        }

        try
        {
            await service.EnregistrerAsync(
                id, rendezVousId, corps.Version, issue!.Value, issue == IssueRendezVous.Excuse ? corps.Motif : corps.CompteRendu, corps.Notifier,
                cancellationToken);
        }
        catch (Exception erreur) when (erreur is ConflitDeVersionException or DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var message = await Concurrence.MessageAsync(db, rendezVousId, utilisateur.Fuseau(), cancellationToken);
            var actuelle = await db.RendezVous.Where(r => r.Id == rendezVousId).Select(r => r.Version).SingleAsync(cancellationToken);
            return TypedResults.Problem(
                message, statusCode: StatusCodes.Status409Conflict, title: ReponsesErreur.Titre(StatusCodes.Status409Conflict),
                extensions: new Dictionary<string, object?> { ["versionActuelle"] = actuelle });
        }
        catch (RegleMetierException erreur)
        {
            return Refus(erreur.Message);
        }

        var ligne = await LectureRendezVous.LireAsync(db, id, rendezVousId, cancellationToken);
        return TypedResults.Ok(Dto(ligne!, utilisateur.Fuseau()));
    }

    private static RendezVousDto Dto(LigneRendezVous l, TimeZoneInfo fuseau) => new(
        l.Id, l.Type.ToString(), l.Debut, l.Fin, l.Debut.EnHeureLocale(fuseau).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
        l.DureeMinutes, l.Objet, l.Lieu, l.Statut.ToString(), l.MotifExcuse, l.CompteRendu, l.Agent, l.SeanceCollectiveId, l.ConvocationId, l.Version);
}
