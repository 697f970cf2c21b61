using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Api;
using Passerelle.Domain;
using Passerelle.Features.Beneficiaires;
using Passerelle.Features.Shared;
using Passerelle.Infrastructure.Audit;
using Passerelle.Infrastructure.Tenancy;
using Passerelle.Infrastructure.Web;
using static Passerelle.Features.Api.LectureApi;

namespace Passerelle.Features.Contrats;

/// <summary>
/// <c>/api/v1/beneficiaires/{id}/contrats</c>: the same scope, roles, rules and journal as the pages. The state
/// changes go through one endpoint, <c>POST …/{contratId}/transitions</c>, whose <c>action</c> names the entity's
/// transition: a client follows the contract's life in one place, and every refusal has the same shape.
/// </summary>
public static class ApiContrats
{
    public const string MessageContratIntrouvable = "Ce contrat n'existe pas dans ce dossier, ou le dossier n'est pas dans votre périmètre.";
    public const string MessageRoleRedaction = "Seuls le référent unique de la personne et les agents de sa structure rédigent, signent et clôturent ses contrats.";
    public const string MessageRoleValidation = "Seul un responsable valide un contrat ou le renvoie en brouillon.";

    public static RouteGroupBuilder MapApiContrats(this RouteGroupBuilder v1)
    {
        var contrats = v1.MapGroup("/beneficiaires/{id:guid}/contrats").RequireAuthorization(PerimetreDossiers.Politique);
        contrats.MapGet("", ListerAsync).WithName("ListerContrats")
            .WithSummary("Les contrats d'engagement d'une personne, le plus récent d'abord, et l'échéance du contrat dû.")
            .WithDescription("L'échéance court à partir de la notification de l'orientation en vigueur (date transitoire pour une notification antérieure au 1er janvier 2025). Chaque lecture est journalisée.")
            .Erreurs(StatusCodes.Status404NotFound);
        contrats.MapGet("/{contratId:guid}", LireAsync).WithName("LireContrat")
            .WithSummary("Un contrat d'engagement, ses libellés et ses étapes.")
            .Erreurs(StatusCodes.Status404NotFound);
        contrats.MapPost("", CreerAsync).WithName("CreerContrat")
            .WithSummary("Rédige un brouillon (type « brouillon », éventuellement en renouvellement d'un contrat signé ou clos) ou enregistre un contrat signé à l'extérieur (type « exterieur »).")
            .WithDescription("Réservé au référent unique de la personne et aux agents de sa structure. Sous le paramètre d'heures en vigueur au début du contrat, ou sans heures, le motif de réduction et sa période sont obligatoires.")
            .Erreurs(StatusCodes.Status404NotFound).AvecJeton();
        contrats.MapPut("/{contratId:guid}", ModifierAsync).WithName("ModifierContrat")
            .WithSummary("Modifie un brouillon, avec la version lue. Une version dépassée répond 409 et rien n'est enregistré.")
            .Erreurs(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict).AvecJeton();
        contrats.MapPost("/{contratId:guid}/transitions", TransitionAsync).WithName("TransitionContrat")
            .WithSummary("Fait avancer le contrat : soumettre, renvoyer (en brouillon), valider, signer (avec la date de signature) ou cloturer (avec la date et le bilan).")
            .WithDescription("Valider et renvoyer sont réservés au responsable (403 sinon) ; les autres actions au référent unique et aux agents de sa structure. "
                + "Une transition que l'état du contrat ne permet pas répond 400 avec la raison, et rien n'est enregistré. Une version dépassée répond 409. "
                + "La signature conserve le contrat signé en PDF dans les documents du dossier.")
            .Erreurs(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict).AvecJeton();
        return v1;
    }

    public sealed record EcheanceDto(
        bool Orientation, Guid? OrientationId, string? Parcours, string? Organisme, DateOnly? DateNotification, DateOnly? Echeance,
        bool Transitoire, bool ContratSigne, bool EnRetard, int? JoursRestants, bool ContratSigneAilleurs);

    public sealed record FreinDto(string Code, string Libelle);

    public sealed record ContratDto(
        Guid Id, string Etat, string LibelleEtat, bool Externe, string? Organisme, DateOnly Debut, DateOnly Fin,
        int? HeuresHebdomadaires, string? MotifReductionHeures, string? LibelleMotifReductionHeures, DateOnly? ReductionDu, DateOnly? ReductionAu,
        string? Objectifs, IReadOnlyList<FreinDto> Freins, string? Actions, Guid? ContratPrecedentId, Guid? OrientationId,
        DateOnly? DateSoumission, DateOnly? DateValidation, string? ValidePar, DateOnly? DateSignature, DateOnly? DateCloture, string? Bilan,
        string? Auteur, int Version);

    public sealed record ResumeContratDto(
        Guid Id, string Etat, string LibelleEtat, bool Externe, string? Organisme, DateOnly Debut, DateOnly Fin, int? HeuresHebdomadaires,
        bool HeuresReduites, DateOnly? DateSignature, Guid? ContratPrecedentId, int Version);

    public sealed record ContratsDto(EcheanceDto Echeance, IReadOnlyList<ResumeContratDto> Contrats, bool PeutRediger, bool PeutValider);

    /// <summary>A draft or an external contract; dates and numbers as text so that a wrong value gets a French message.</summary>
    public class CorpsSaisie
    {
        [Description("aaaa-mm-jj")]
        public string? Debut { get; set; }

        [Description("aaaa-mm-jj ; 12 mois au plus après le début.")]
        public string? Fin { get; set; }

        [Description("Heures d'activité par semaine, de 0 à 35 ; vide pour aucune heure fixée (avec un motif).")]
        public int? HeuresHebdomadaires { get; set; }

        [Description("Code de la liste « motifs-reduction-heures » du département.")]
        public string? MotifReductionHeures { get; set; }

        [Description("aaaa-mm-jj")]
        public string? ReductionDu { get; set; }

        [Description("aaaa-mm-jj")]
        public string? ReductionAu { get; set; }

        public string? Objectifs { get; set; }

        [Description("Codes de la liste « themes-freins » du département.")]
        public List<string>? Freins { get; set; }

        public string? Actions { get; set; }
    }

    public sealed class CorpsCreation : CorpsSaisie
    {
        [Description("brouillon (par défaut) ou exterieur.")]
        public string? Type { get; set; }

        [Description("Pour un renouvellement : le contrat signé ou clos que le brouillon prolonge.")]
        public Guid? ContratPrecedentId { get; set; }

        [Description("Contrat extérieur : l'organisme où il a été signé.")]
        public string? Organisme { get; set; }

        [Description("Contrat extérieur : aaaa-mm-jj, aujourd'hui au plus tard.")]
        public string? DateSignature { get; set; }
    }

    public sealed class CorpsModification : CorpsSaisie
    {
        [Description("La version du contrat lue avant la modification.")]
        public int? Version { get; set; }
    }

    public sealed class CorpsTransition
    {
        [Description("soumettre, renvoyer, valider, signer ou cloturer.")]
        public string? Action { get; set; }

        [Description("La version du contrat lue avant l'action.")]
        public int? Version { get; set; }

        [Description("signer : la date de signature par la personne ; cloturer : la date de clôture. aaaa-mm-jj, aujourd'hui par défaut.")]
        public string? Date { get; set; }

        [Description("cloturer : le bilan du contrat, obligatoire.")]
        public string? Bilan { get; set; }
    }

    private static async Task<Results<Ok<ContratsDto>, ProblemHttpResult>> ListerAsync(
        Guid id, ServiceContrats service, Journal journal, CancellationToken cancellationToken)
    {
        if (await service.AccesAsync(id, cancellationToken) is not { } acces)
        {
            return Introuvable(ApiBeneficiaires.MessageIntrouvable);
        }

        var vue = await service.LireAsync(id, await service.AujourdhuiAsync(cancellationToken), cancellationToken: cancellationToken);
        await journal.EnregistrerAsync(ActionJournal.Consultation, nameof(Beneficiaire), id, cancellationToken: cancellationToken);
        var s = vue.Situation;
        var echeance = new EcheanceDto(
            s.AUneOrientation, s.OrientationId, s.Parcours?.ToString(), s.LibelleOrganisme, s.Notification, s.Echeance, s.Notification is not null && s.Transitoire,
            s.Couvert, s.EnRetard, s.JoursRestants, s.SigneAilleurs);
        var contrats = vue.Contrats
            .Select(c => new ResumeContratDto(c.Id, c.Etat.ToString(), c.Etat.Libelle(), c.Externe, c.Organisme, c.Debut, c.Fin, c.Heures, c.Reduites,
                c.DateSignature, c.ContratPrecedentId, c.Version))
            .ToList();
        return TypedResults.Ok(new ContratsDto(echeance, contrats, acces.PeutRediger, acces.PeutValider));
    }

    private static async Task<Results<Ok<ContratDto>, ProblemHttpResult>> LireAsync(
        Guid id, Guid contratId, ServiceContrats service, Journal journal, CancellationToken cancellationToken)
    {
        var fiche = await service.AccesAsync(id, cancellationToken) is null ? null : await service.FicheAsync(id, contratId, cancellationToken);
        if (fiche is null)
        {
            return Introuvable(MessageContratIntrouvable);
        }

        await journal.EnregistrerAsync(ActionJournal.Consultation, nameof(Beneficiaire), id, cancellationToken: cancellationToken);
        return TypedResults.Ok(Dto(fiche, await service.AujourdhuiAsync(cancellationToken)));
    }

    private static async Task<Results<Created<ContratDto>, ValidationProblem, ProblemHttpResult>> CreerAsync(
        Guid id, CorpsCreation corps, ServiceContrats service, CancellationToken cancellationToken)
    {
        if (await service.AccesAsync(id, cancellationToken) is not { } acces)
        {
            return Introuvable(ApiBeneficiaires.MessageIntrouvable);
        }

        if (!acces.PeutRediger)
        {
            return Interdit(MessageRoleRedaction);
        }

        var erreurs = new Dictionary<string, string[]>();
        var type = string.IsNullOrWhiteSpace(corps.Type) ? "brouillon" : corps.Type.Trim().ToLowerInvariant();
        if (type is not ("brouillon" or "exterieur"))
        {
            erreurs["type"] = ["Le type est « brouillon » ou « exterieur »."];
        }

        var saisie = Lire(corps, erreurs);
        var signature = type == "exterieur" ? LireDate(corps.DateSignature, "dateSignature", "La date de signature", erreurs, obligatoire: true) : null;
        if (type == "exterieur" && corps.ContratPrecedentId is not null)
        {
            erreurs["contratPrecedentId"] = ["Un contrat extérieur ne renouvelle pas un contrat du Département."];
        }

        if (erreurs.Count > 0 || saisie is null)
        {
            return TypedResults.ValidationProblem(erreurs);
        }

        try
        {
            var contrat = type == "exterieur"
                ? await service.EnregistrerExterieurAsync(id, new SaisieExterieur(
                    corps.Organisme, saisie.Debut, saisie.Fin, signature!.Value, saisie.Heures, saisie.MotifReduction, saisie.ReductionDu, saisie.ReductionAu), cancellationToken)
                : corps.ContratPrecedentId is { } precedent
                    ? await service.RenouvelerAsync(id, precedent, saisie, cancellationToken)
                    : await service.RedigerAsync(id, saisie, cancellationToken);
            var fiche = await service.FicheAsync(id, contrat.Id, cancellationToken);
            return TypedResults.Created($"/api/v1/beneficiaires/{id}/contrats/{contrat.Id}", Dto(fiche!, await service.AujourdhuiAsync(cancellationToken)));
        }
        catch (RegleMetierException erreur)
        {
            return Refus(erreur.Message);
        }
        catch (AccesContratRefuseException erreur)
        {
            return erreur.Introuvable ? Introuvable(MessageContratIntrouvable) : Interdit(MessageRoleRedaction);
        }
    }

    private static async Task<Results<Ok<ContratDto>, ValidationProblem, ProblemHttpResult>> ModifierAsync(
        Guid id, Guid contratId, CorpsModification corps, ServiceContrats service, PasserelleDbContext db, ClaimsPrincipal utilisateur,
        CancellationToken cancellationToken)
    {
        if (await service.AccesAsync(id, cancellationToken) is not { } acces)
        {
            return Introuvable(ApiBeneficiaires.MessageIntrouvable);
        }

        if (!acces.PeutRediger)
        {
            return Interdit(MessageRoleRedaction);
        }

        var erreurs = new Dictionary<string, string[]>();
        var saisie = Lire(corps, erreurs);
        if (corps.Version is null)
        {
            erreurs["version"] = ["La version lue est obligatoire : elle protège des modifications faites entre-temps."];
        }

        if (erreurs.Count > 0 || saisie is null)
        {
            return TypedResults.ValidationProblem(erreurs);
        }

        return await EcrireAsync(id, contratId, () => service.ModifierAsync(id, contratId, corps.Version!.Value, saisie, cancellationToken),
            service, db, utilisateur, MessageRoleRedaction, cancellationToken);
    }

    private static async Task<Results<Ok<ContratDto>, ValidationProblem, ProblemHttpResult>> TransitionAsync(
        Guid id, Guid contratId, CorpsTransition corps, ServiceContrats service, PasserelleDbContext db, ClaimsPrincipal utilisateur,
        CancellationToken cancellationToken)
    {
        if (await service.AccesAsync(id, cancellationToken) is not { } acces)
        {
            return Introuvable(ApiBeneficiaires.MessageIntrouvable);
        }

        var erreurs = new Dictionary<string, string[]>();
        ActionContrat? action = corps.Action?.Trim().ToLowerInvariant() switch
        {
            "soumettre" => ActionContrat.Soumettre,
            "renvoyer" => ActionContrat.Renvoyer,
            "valider" => ActionContrat.Valider,
            "signer" => ActionContrat.Signer,
            "cloturer" => ActionContrat.Cloturer,
            _ => null,
        };
        if (action is null)
        {
            erreurs["action"] = ["L'action est « soumettre », « renvoyer », « valider », « signer » ou « cloturer »."];
        }

        if (corps.Version is null)
        {
            erreurs["version"] = ["La version lue est obligatoire : elle protège des modifications faites entre-temps."];
        }

        var date = LireDate(corps.Date, "date", "La date", erreurs);
        if (erreurs.Count > 0)
        {
            return TypedResults.ValidationProblem(erreurs);
        }

        var transition = action!.Value;
        var message = transition is ActionContrat.Valider or ActionContrat.Renvoyer ? MessageRoleValidation : MessageRoleRedaction;
        if (!acces.Autorise(transition))
        {
            return Interdit(message);
        }

        return await EcrireAsync(id, contratId, () => service.ExecuterAsync(id, contratId, corps.Version!.Value, transition, date, corps.Bilan, cancellationToken),
            service, db, utilisateur, message, cancellationToken);
    }

    /// <summary>One write and its refusals: 400 for a rule, 404 for a contract of another person, 409 for a stale version.</summary>
    private static async Task<Results<Ok<ContratDto>, ValidationProblem, ProblemHttpResult>> EcrireAsync(
        Guid id, Guid contratId, Func<Task> ecrire, ServiceContrats service, PasserelleDbContext db, ClaimsPrincipal utilisateur,
        string messageRole, CancellationToken cancellationToken)
    {
        try
        {
            await ecrire();
        }
        catch (Exception erreur) when (erreur is ConflitDeVersionException or DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var message = await Concurrence.MessageAsync(db, contratId, utilisateur.Fuseau(), cancellationToken);
            var version = await db.ContratsEngagement.Where(c => c.Id == contratId).Select(c => c.Version).SingleAsync(cancellationToken);
            return TypedResults.Problem(
                message, statusCode: StatusCodes.Status409Conflict, title: ReponsesErreur.Titre(StatusCodes.Status409Conflict),
                extensions: new Dictionary<string, object?> { ["versionActuelle"] = version });
        }
        catch (RegleMetierException erreur)
        {
            return Refus(erreur.Message);
        }
        catch (AccesContratRefuseException erreur)
        {
            return erreur.Introuvable ? Introuvable(MessageContratIntrouvable) : Interdit(messageRole);
        }
        catch (DbUpdateException erreur) when (erreur is not DbUpdateConcurrencyException)
        {
            return TypedResults.Problem(Enregistrement.MessageDoublon, statusCode: StatusCodes.Status409Conflict, title: ReponsesErreur.Titre(StatusCodes.Status409Conflict));
        }

        db.ChangeTracker.Clear();
        return TypedResults.Ok(Dto((await service.FicheAsync(id, contratId, cancellationToken))!, await service.AujourdhuiAsync(cancellationToken)));
    }

    private static SaisieContrat? Lire(CorpsSaisie corps, Dictionary<string, string[]> erreurs)
    {
        var debut = LireDate(corps.Debut, "debut", "La date de début", erreurs, obligatoire: true);
        var fin = LireDate(corps.Fin, "fin", "La date de fin", erreurs, obligatoire: true);
        var du = LireDate(corps.ReductionDu, "reductionDu", "Le début de la réduction", erreurs);
        var au = LireDate(corps.ReductionAu, "reductionAu", "La fin de la réduction", erreurs);
        return debut is null || fin is null
            ? null
            : new SaisieContrat(debut.Value, fin.Value, corps.HeuresHebdomadaires, corps.MotifReductionHeures, du, au, corps.Objectifs,
                (corps.Freins ?? []).Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f.Trim()).ToList(), corps.Actions);
    }

    private static ContratDto Dto(FicheContrat fiche, DateOnly aujourdhui)
    {
        var c = fiche.Contrat;
        var etat = fiche.EtatAu(aujourdhui);
        return new ContratDto(
            c.Id, etat.ToString(), etat.Libelle(), c.Externe, c.OrganismeExterne, c.Debut, c.Fin, c.HeuresHebdomadaires, c.MotifReductionHeures,
            fiche.LibelleMotif, c.ReductionDu, c.ReductionAu, c.Objectifs, fiche.Freins.Select(f => new FreinDto(f.Code, f.Libelle)).ToList(), c.Actions,
            c.ContratPrecedentId, c.OrientationId, c.DateSoumission, c.DateValidation, fiche.Validateur, c.DateSignature, c.DateCloture, c.Bilan,
            fiche.Auteur, c.Version);
    }

    private static ProblemHttpResult Interdit(string message) =>
        TypedResults.Problem(message, statusCode: StatusCodes.Status403Forbidden, title: ReponsesErreur.Titre(StatusCodes.Status403Forbidden));
}
