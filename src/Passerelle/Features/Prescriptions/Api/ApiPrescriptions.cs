using System.ComponentModel;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Api;
using Passerelle.Features.Beneficiaires;
using Passerelle.Infrastructure.Audit;
using Passerelle.Infrastructure.Auth;
using Passerelle.Infrastructure.Tenancy;
using Passerelle.Infrastructure.Web;
using static Passerelle.Features.Api.LectureApi;

namespace Passerelle.Features.Prescriptions.Api;

/// <summary>
/// <c>/api/v1/prescriptions</c>, for both sides, with the pages' rules: every write goes through
/// <see cref="ServicePrescriptions"/> (scope, state, caps, notification, journal). The référent sees the prescriptions of
/// the people in his whole scope; the operator those sent to his structure while they run and during their follow-up,
/// and of the person only what each prescription shares. A role that never does a step gets 403 before anything is
/// read; a prescription out of reach, or of another département, answers 404. Every write carries the version read.
/// </summary>
public static class ApiPrescriptions
{
    public const string MessageIntrouvable = "Cette prescription n'existe pas ou n'est pas dans votre périmètre.";
    public const string MessageRoleReferent = "Seul un référent prescrit une action ou annule sa prescription.";
    public const string MessageRoleOperateur = "Seuls les opérateurs de la structure qui met en œuvre l'action répondent à la prescription et en suivent le déroulement.";
    public const string MessageVersion = "La version lue est obligatoire : elle protège des modifications faites entre-temps.";

    public static RouteGroupBuilder MapApiPrescriptions(this RouteGroupBuilder v1)
    {
        v1.MapPost("/beneficiaires/{id:guid}/prescriptions", PrescrireAsync).RequireAuthorization(PerimetreDossiers.Politique)
            .WithName("Prescrire")
            .WithSummary("Prescrit une action du catalogue à une personne de mon périmètre (référent), avec la fiche de prescription et le consentement de la personne.")
            .WithDescription("Une personne inéligible, un référent non habilité, une action déjà prescrite ou un consentement manquant répondent 400 avec la raison ; rien n'est enregistré. "
                + "Les opérateurs de la structure de l'action sont prévenus (notification et courriel).")
            .Erreurs(StatusCodes.Status404NotFound).AvecJeton();

        var prescriptions = v1.MapGroup("/prescriptions").RequireAuthorization(PerimetreDossiers.Politique);
        prescriptions.MapGet("", ListerAsync).WithName("ListerPrescriptions")
            .WithSummary("Les prescriptions, les plus récentes d'abord : celles des personnes de mon périmètre (référent, responsable, orientation) ou celles reçues par ma structure (opérateur).")
            .WithDescription("La réponse dit de quel côté elle est lue (« referent » ou « operateur »). Un opérateur ne voit une prescription que pendant son déroulement et jusqu'au suivi à six mois.")
            .Erreurs();
        prescriptions.MapGet("/{id:guid}", LireAsync).WithName("LirePrescription")
            .WithSummary("Une prescription : la fiche, les réponses, les heures, les bilans, la sortie et le suivi. L'opérateur ne lit de la personne que ce que la prescription partage.")
            .WithDescription("Chaque lecture est journalisée sous la personne.")
            .Erreurs(StatusCodes.Status404NotFound);
        prescriptions.MapPost("/{id:guid}/annulation", AnnulerAsync).WithName("AnnulerPrescription")
            .WithSummary("Le référent retire sa prescription avant l'entrée de la personne dans l'action, avec un motif.")
            .Erreurs(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict).AvecJeton();
        prescriptions.MapPost("/{id:guid}/reponse", RepondreAsync).WithName("RepondrePrescription")
            .WithSummary("L'opérateur répond : accepter (éventuellement sur une session), refuser avec un motif, ou mettre en liste d'attente.")
            .WithDescription("Une action complète refuse l'acceptation avec la raison (400) : la liste d'attente reste possible. Le référent est prévenu.")
            .Erreurs(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict).AvecJeton();
        prescriptions.MapPost("/{id:guid}/entree", EntrerAsync).WithName("EntreePrescription")
            .WithSummary("L'opérateur enregistre l'entrée de la personne dans l'action (aujourd'hui par défaut).")
            .Erreurs(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict).AvecJeton();
        prescriptions.MapPost("/{id:guid}/heures", HeuresAsync).WithName("HeuresPrescription")
            .WithSummary("L'opérateur enregistre les heures réalisées un jour donné, en centre ou en stage ; au-delà du plafond de l'action, 400 avec le dépassement.")
            .Erreurs(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict).AvecJeton();
        prescriptions.MapPost("/{id:guid}/bilans", BilanAsync).WithName("BilanPrescription")
            .WithSummary("L'opérateur écrit un bilan intermédiaire ou final : atteinte des objectifs, assiduité, freins levés, préconisations et commentaire.")
            .Erreurs(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict).AvecJeton();
        prescriptions.MapPost("/{id:guid}/sortie", SortirAsync).WithName("SortiePrescription")
            .WithSummary("L'opérateur enregistre la sortie de l'action et son issue (emploi durable, emploi de transition, formation qualifiante, autre action, autre sortie, abandon).")
            .Erreurs(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict).AvecJeton();
        prescriptions.MapPost("/{id:guid}/suivi", SuivreAsync).WithName("SuiviPrescription")
            .WithSummary("L'opérateur renseigne la situation de la personne six mois après sa sortie.")
            .Erreurs(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict).AvecJeton();
        return v1;
    }

    public sealed class CorpsPrescription
    {
        [Description("Une action publiée du catalogue du département.")]
        public Guid? ActionId { get; set; }

        [Description("Une session à venir de l'action, le cas échéant.")]
        public Guid? SessionId { get; set; }

        public string? Objectifs { get; set; }

        [Description("Codes de la liste « themes-freins » du département.")]
        public List<string>? Freins { get; set; }

        [Description("Ce que la fiche partage avec l'opérateur, outre le nom et la date de naissance : Coordonnees, Diagnostic, Contrat, Orientation.")]
        public List<string>? Partage { get; set; }

        [Description("aaaa-mm-jj : le jour où la personne a consenti au partage, au plus tard aujourd'hui. Obligatoire.")]
        public string? ConsentementLe { get; set; }
    }

    /// <summary>What every write on an existing prescription carries.</summary>
    public class CorpsEtape
    {
        [Description("La version de la prescription lue avant l'action.")]
        public int? Version { get; set; }
    }

    public sealed class CorpsAnnulation : CorpsEtape
    {
        public string? Motif { get; set; }
    }

    public sealed class CorpsReponse : CorpsEtape
    {
        [Description("accepter, refuser ou attente.")]
        public string? Decision { get; set; }

        [Description("refuser : le motif, obligatoire.")]
        public string? Motif { get; set; }

        [Description("accepter : la session retenue, le cas échéant.")]
        public Guid? SessionId { get; set; }
    }

    public sealed class CorpsDate : CorpsEtape
    {
        [Description("aaaa-mm-jj, aujourd'hui par défaut.")]
        public string? Date { get; set; }
    }

    public sealed class CorpsHeures : CorpsEtape
    {
        [Description("aaaa-mm-jj, obligatoire.")]
        public string? Date { get; set; }

        [Description("Le nombre d'heures de la journée, par exemple « 3,5 » ou « 3.5 ».")]
        public string? Heures { get; set; }

        [Description("Action (en centre ou en atelier, par défaut) ou Stage.")]
        public string? Nature { get; set; }
    }

    public sealed class CorpsBilan : CorpsEtape
    {
        [Description("Intermediaire ou Final.")]
        public string? Type { get; set; }

        [Description("aaaa-mm-jj, aujourd'hui par défaut.")]
        public string? Date { get; set; }

        [Description("Atteints, Partiellement ou NonAtteints.")]
        public string? Atteinte { get; set; }

        [Description("Reguliere, Irreguliere ou Insuffisante.")]
        public string? Assiduite { get; set; }

        [Description("Codes de la liste « themes-freins » du département.")]
        public List<string>? FreinsLeves { get; set; }

        public string? Preconisations { get; set; }
        public string? Commentaire { get; set; }
    }

    public sealed class CorpsSortie : CorpsEtape
    {
        [Description("aaaa-mm-jj, aujourd'hui par défaut.")]
        public string? Date { get; set; }

        [Description("EmploiDurable, EmploiTransition, FormationQualifiante, AutreAction, AutreSortie ou Abandon.")]
        public string? Issue { get; set; }

        public string? Commentaire { get; set; }
    }

    public sealed class CorpsSuivi : CorpsEtape
    {
        [Description("aaaa-mm-jj, aujourd'hui par défaut.")]
        public string? Date { get; set; }

        [Description("EmploiDurable, EmploiTransition, Formation, RechercheEmploi, Autre ou SansNouvelles.")]
        public string? Situation { get; set; }

        public string? Commentaire { get; set; }
    }

    private static async Task<Results<Ok<PagePrescriptionsDto>, ValidationProblem>> ListerAsync(
        [Description("Envoyee, EnAttente, Acceptee, Refusee, Expiree, Annulee, EnCours ou Sortie.")] string? etat,
        [Description("Côté référent : les prescriptions d'une seule personne.")] Guid? beneficiaireId,
        [Description("À partir de 1.")] string? page,
        [Description("De 1 à 100, 25 par défaut.")] string? taillePage,
        PasserelleDbContext db, PerimetreDossiers perimetre, ClaimsPrincipal utilisateur, TimeProvider temps, CancellationToken cancellationToken)
    {
        var erreurs = new Dictionary<string, string[]>();
        var filtreEtat = LireEnum<EtatPrescription>(etat, "etat", "L'état est Envoyee, EnAttente, Acceptee, Refusee, Expiree, Annulee, EnCours ou Sortie.", erreurs);
        var numero = LireEntier(page, "page", "La page est un nombre entier à partir de 1.", 1, int.MaxValue, erreurs) ?? 1;
        var taille = LireEntier(taillePage, "taillePage", "La taille de page est un nombre entier de 1 à 100.", 1, 100, erreurs) ?? Shared.Pagination.TailleParDefaut;
        if (erreurs.Count > 0)
        {
            return TypedResults.ValidationProblem(erreurs);
        }

        var operateur = CoteOperateur(utilisateur);
        IQueryable<Prescription> requete;
        if (operateur)
        {
            requete = await perimetre.PrescriptionsVisiblesOperateurAsync(cancellationToken) ?? db.Prescriptions.Where(_ => false);
        }
        else
        {
            var visibles = await perimetre.VisiblesAsync(cancellationToken);
            requete = db.Prescriptions.Where(p => visibles.Any(b => b.Id == p.BeneficiaireId));
            if (beneficiaireId is { } personne)
            {
                requete = requete.Where(p => p.BeneficiaireId == personne);
            }
        }

        if (filtreEtat is { } e)
        {
            requete = requete.Where(p => p.Etat == e);
        }

        return TypedResults.Ok(await VuesPrescription.PaginerAsync(db, requete, operateur, numero, taille, temps.Aujourdhui(utilisateur.Fuseau()), cancellationToken));
    }

    private static async Task<Results<Ok<PrescriptionDto>, ProblemHttpResult>> LireAsync(
        Guid id, ServicePrescriptions service, PasserelleDbContext db, Journal journal, ClaimsPrincipal utilisateur, CancellationToken cancellationToken)
    {
        Prescription prescription;
        var operateur = false;
        try
        {
            try
            {
                prescription = await service.ExigerReferentAsync(id, cancellationToken);
            }
            catch (AccesPrescriptionRefuseException) when (utilisateur.EstDans(Role.Operateur))
            {
                prescription = await service.ExigerOperateurAsync(id, cancellationToken);
                operateur = true;
            }
        }
        catch (AccesPrescriptionRefuseException erreur)
        {
            return Refuse(erreur, MessageRoleOperateur);
        }

        await journal.EnregistrerAsync(ActionJournal.Consultation, nameof(Beneficiaire), prescription.BeneficiaireId, cancellationToken: cancellationToken);
        return TypedResults.Ok(await VuesPrescription.LireAsync(db, prescription, operateur, personneVisible: true, cancellationToken));
    }

    private static async Task<Results<Created<PrescriptionDto>, ValidationProblem, ProblemHttpResult>> PrescrireAsync(
        Guid id, CorpsPrescription corps, ServicePrescriptions service, PasserelleDbContext db, ClaimsPrincipal utilisateur, CancellationToken cancellationToken)
    {
        if (!utilisateur.EstDans(Role.Referent))
        {
            return Interdit(MessageRoleReferent);
        }

        var erreurs = new Dictionary<string, string[]>();
        if (corps.ActionId is null)
        {
            erreurs["actionId"] = ["Choisissez une action du catalogue."];
        }

        var partage = InformationsPartagees.Aucune;
        foreach (var valeur in corps.Partage ?? [])
        {
            partage |= LireEnum<InformationsPartagees>(valeur, "partage", "Le partage se compose de Coordonnees, Diagnostic, Contrat et Orientation.", erreurs) ?? InformationsPartagees.Aucune;
        }

        var consentement = LireDate(corps.ConsentementLe, "consentementLe", "La date du consentement", erreurs);
        if (erreurs.Count > 0)
        {
            return TypedResults.ValidationProblem(erreurs);
        }

        var saisie = new SaisiePrescription(
            corps.ActionId!.Value, corps.SessionId, corps.Objectifs, Nettoyer(corps.Freins), partage, consentement);
        try
        {
            var prescription = await service.PrescrireAsync(id, saisie, cancellationToken);
            db.ChangeTracker.Clear();
            var relue = await db.Prescriptions.AsNoTracking().Include(p => p.Heures).Include(p => p.Bilans).SingleAsync(p => p.Id == prescription.Id, cancellationToken);
            return TypedResults.Created(
                $"/api/v1/prescriptions/{relue.Id}", await VuesPrescription.LireAsync(db, relue, operateur: false, personneVisible: true, cancellationToken));
        }
        catch (RegleMetierException erreur)
        {
            return Refus(erreur.Message);
        }
        catch (AccesPrescriptionRefuseException erreur)
        {
            return erreur.Introuvable ? Introuvable(ApiBeneficiaires.MessageIntrouvable) : Interdit(MessageRoleReferent);
        }
    }

    private static async Task<Results<Ok<PrescriptionDto>, ValidationProblem, ProblemHttpResult>> AnnulerAsync(
        Guid id, CorpsAnnulation corps, ServicePrescriptions service, PasserelleDbContext db, ClaimsPrincipal utilisateur, TimeProvider temps,
        CancellationToken cancellationToken)
    {
        if (!utilisateur.EstDans(Role.Referent))
        {
            return Interdit(MessageRoleReferent);
        }

        var erreurs = new Dictionary<string, string[]>();
        var version = LireVersion(corps, erreurs);
        return erreurs.Count > 0
            ? TypedResults.ValidationProblem(erreurs)
            : await EcrireAsync(id, () => service.AnnulerAsync(id, version, corps.Motif, cancellationToken), operateur: false, MessageRoleReferent,
                db, utilisateur, temps, cancellationToken);
    }

    private static async Task<Results<Ok<PrescriptionDto>, ValidationProblem, ProblemHttpResult>> RepondreAsync(
        Guid id, CorpsReponse corps, ServicePrescriptions service, PasserelleDbContext db, ClaimsPrincipal utilisateur, TimeProvider temps,
        CancellationToken cancellationToken)
    {
        if (!utilisateur.EstDans(Role.Operateur))
        {
            return Interdit(MessageRoleOperateur);
        }

        var erreurs = new Dictionary<string, string[]>();
        var version = LireVersion(corps, erreurs);
        Func<Task>? ecrire = corps.Decision?.Trim().ToLowerInvariant() switch
        {
            "accepter" => () => service.AccepterAsync(id, version, corps.SessionId, cancellationToken),
            "refuser" => () => service.RefuserAsync(id, version, corps.Motif, cancellationToken),
            "attente" => () => service.MettreEnAttenteAsync(id, version, cancellationToken),
            _ => null,
        };
        if (ecrire is null)
        {
            erreurs["decision"] = ["La décision est « accepter », « refuser » ou « attente »."];
        }

        return erreurs.Count > 0
            ? TypedResults.ValidationProblem(erreurs)
            : await EcrireAsync(id, ecrire!, operateur: true, MessageRoleOperateur, db, utilisateur, temps, cancellationToken);
    }

    private static async Task<Results<Ok<PrescriptionDto>, ValidationProblem, ProblemHttpResult>> EntrerAsync(
        Guid id, CorpsDate corps, ServicePrescriptions service, PasserelleDbContext db, ClaimsPrincipal utilisateur, TimeProvider temps,
        CancellationToken cancellationToken)
    {
        if (!utilisateur.EstDans(Role.Operateur))
        {
            return Interdit(MessageRoleOperateur);
        }

        var erreurs = new Dictionary<string, string[]>();
        var version = LireVersion(corps, erreurs);
        var date = LireDate(corps.Date, "date", "La date d'entrée", erreurs) ?? temps.Aujourdhui(utilisateur.Fuseau());
        return erreurs.Count > 0
            ? TypedResults.ValidationProblem(erreurs)
            : await EcrireAsync(id, () => service.EntrerAsync(id, version, date, cancellationToken), operateur: true, MessageRoleOperateur,
                db, utilisateur, temps, cancellationToken);
    }

    private static async Task<Results<Ok<PrescriptionDto>, ValidationProblem, ProblemHttpResult>> HeuresAsync(
        Guid id, CorpsHeures corps, ServicePrescriptions service, PasserelleDbContext db, ClaimsPrincipal utilisateur, TimeProvider temps,
        CancellationToken cancellationToken)
    {
        if (!utilisateur.EstDans(Role.Operateur))
        {
            return Interdit(MessageRoleOperateur);
        }

        var erreurs = new Dictionary<string, string[]>();
        var version = LireVersion(corps, erreurs);
        var date = LireDate(corps.Date, "date", "La date des heures", erreurs, obligatoire: true);
        decimal heures = 0;
        if (string.IsNullOrWhiteSpace(corps.Heures)
            || !decimal.TryParse(corps.Heures.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out heures))
        {
            erreurs["heures"] = ["Indiquez le nombre d'heures de la journée, par exemple 3,5."];
        }

        var nature = LireEnum<NatureHeures>(corps.Nature, "nature", "La nature est Action ou Stage.", erreurs) ?? NatureHeures.Action;
        return erreurs.Count > 0
            ? TypedResults.ValidationProblem(erreurs)
            : await EcrireAsync(id, () => service.EnregistrerHeuresAsync(id, version, date!.Value, heures, nature, cancellationToken), operateur: true,
                MessageRoleOperateur, db, utilisateur, temps, cancellationToken);
    }

    private static async Task<Results<Ok<PrescriptionDto>, ValidationProblem, ProblemHttpResult>> BilanAsync(
        Guid id, CorpsBilan corps, ServicePrescriptions service, PasserelleDbContext db, ClaimsPrincipal utilisateur, TimeProvider temps,
        CancellationToken cancellationToken)
    {
        if (!utilisateur.EstDans(Role.Operateur))
        {
            return Interdit(MessageRoleOperateur);
        }

        var erreurs = new Dictionary<string, string[]>();
        var version = LireVersion(corps, erreurs);
        var type = Obligatoire(LireEnum<TypeBilan>(corps.Type, "type", "Le type est Intermediaire ou Final.", erreurs), "type", "Le type de bilan est obligatoire : Intermediaire ou Final.", erreurs);
        var date = LireDate(corps.Date, "date", "La date du bilan", erreurs) ?? temps.Aujourdhui(utilisateur.Fuseau());
        var atteinte = Obligatoire(LireEnum<AtteinteObjectifs>(corps.Atteinte, "atteinte", "L'atteinte est Atteints, Partiellement ou NonAtteints.", erreurs),
            "atteinte", "L'atteinte des objectifs est obligatoire : Atteints, Partiellement ou NonAtteints.", erreurs);
        var assiduite = Obligatoire(LireEnum<Assiduite>(corps.Assiduite, "assiduite", "L'assiduité est Reguliere, Irreguliere ou Insuffisante.", erreurs),
            "assiduite", "L'assiduité est obligatoire : Reguliere, Irreguliere ou Insuffisante.", erreurs);
        if (erreurs.Count > 0)
        {
            return TypedResults.ValidationProblem(erreurs);
        }

        var saisie = new SaisieBilan(type!.Value, date, atteinte!.Value, assiduite!.Value, Nettoyer(corps.FreinsLeves), corps.Preconisations, corps.Commentaire);
        return await EcrireAsync(id, () => service.AjouterBilanAsync(id, version, saisie, cancellationToken), operateur: true, MessageRoleOperateur,
            db, utilisateur, temps, cancellationToken);
    }

    private static async Task<Results<Ok<PrescriptionDto>, ValidationProblem, ProblemHttpResult>> SortirAsync(
        Guid id, CorpsSortie corps, ServicePrescriptions service, PasserelleDbContext db, ClaimsPrincipal utilisateur, TimeProvider temps,
        CancellationToken cancellationToken)
    {
        if (!utilisateur.EstDans(Role.Operateur))
        {
            return Interdit(MessageRoleOperateur);
        }

        var erreurs = new Dictionary<string, string[]>();
        var version = LireVersion(corps, erreurs);
        var date = LireDate(corps.Date, "date", "La date de sortie", erreurs) ?? temps.Aujourdhui(utilisateur.Fuseau());
        var issue = Obligatoire(
            LireEnum<IssueSortie>(corps.Issue, "issue", "L'issue est EmploiDurable, EmploiTransition, FormationQualifiante, AutreAction, AutreSortie ou Abandon.", erreurs),
            "issue", "L'issue de la sortie est obligatoire.", erreurs);
        return erreurs.Count > 0
            ? TypedResults.ValidationProblem(erreurs)
            : await EcrireAsync(id, () => service.SortirAsync(id, version, date, issue!.Value, corps.Commentaire, cancellationToken), operateur: true,
                MessageRoleOperateur, db, utilisateur, temps, cancellationToken);
    }

    private static async Task<Results<Ok<PrescriptionDto>, ValidationProblem, ProblemHttpResult>> SuivreAsync(
        Guid id, CorpsSuivi corps, ServicePrescriptions service, PasserelleDbContext db, ClaimsPrincipal utilisateur, TimeProvider temps,
        CancellationToken cancellationToken)
    {
        if (!utilisateur.EstDans(Role.Operateur))
        {
            return Interdit(MessageRoleOperateur);
        }

        var erreurs = new Dictionary<string, string[]>();
        var version = LireVersion(corps, erreurs);
        var date = LireDate(corps.Date, "date", "La date du suivi", erreurs) ?? temps.Aujourdhui(utilisateur.Fuseau());
        var situation = Obligatoire(
            LireEnum<SituationSuivi>(corps.Situation, "situation", "La situation est EmploiDurable, EmploiTransition, Formation, RechercheEmploi, Autre ou SansNouvelles.", erreurs),
            "situation", "La situation six mois après la sortie est obligatoire.", erreurs);
        return erreurs.Count > 0
            ? TypedResults.ValidationProblem(erreurs)
            : await EcrireAsync(id, () => service.SuivreAsync(id, version, date, situation!.Value, corps.Commentaire, cancellationToken), operateur: true,
                MessageRoleOperateur, db, utilisateur, temps, cancellationToken);
    }

    /// <summary>One write and its refusals: 400 for a rule, 403 for a role, 404 out of reach, 409 for a stale version.</summary>
    private static async Task<Results<Ok<PrescriptionDto>, ValidationProblem, ProblemHttpResult>> EcrireAsync(
        Guid id, Func<Task> ecrire, bool operateur, string messageRole, PasserelleDbContext db, ClaimsPrincipal utilisateur, TimeProvider temps,
        CancellationToken cancellationToken)
    {
        try
        {
            await ecrire();
        }
        catch (Exception erreur) when (erreur is ConflitDeVersionException or DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var message = await Concurrence.MessageAsync(db, id, utilisateur.Fuseau(), cancellationToken);
            var version = await db.Prescriptions.Where(p => p.Id == id).Select(p => p.Version).SingleAsync(cancellationToken);
            return TypedResults.Problem(
                message, statusCode: StatusCodes.Status409Conflict, title: ReponsesErreur.Titre(StatusCodes.Status409Conflict),
                extensions: new Dictionary<string, object?> { ["versionActuelle"] = version });
        }
        catch (RegleMetierException erreur)
        {
            return Refus(erreur.Message);
        }
        catch (AccesPrescriptionRefuseException erreur)
        {
            return Refuse(erreur, messageRole);
        }

        // The write has just proved the access: the answer is read without the scope, which a refusal may have closed.
        db.ChangeTracker.Clear();
        var prescription = await db.Prescriptions.AsNoTracking().Include(p => p.Heures).Include(p => p.Bilans).SingleAsync(p => p.Id == id, cancellationToken);
        var visible = !operateur || prescription.VisiblePourOperateur(temps.Aujourdhui(utilisateur.Fuseau()));
        return TypedResults.Ok(await VuesPrescription.LireAsync(db, prescription, operateur, visible, cancellationToken));
    }

    /// <summary>The operator's side when the agent is an operator and nothing gives him the whole dossiers.</summary>
    private static bool CoteOperateur(ClaimsPrincipal utilisateur) =>
        utilisateur.EstDans(Role.Operateur) && !utilisateur.EstDans(Role.Referent) && !utilisateur.EstDans(Role.Responsable)
        && !utilisateur.EstDans(Role.AgentOrientation);

    private static int LireVersion(CorpsEtape corps, Dictionary<string, string[]> erreurs)
    {
        if (corps.Version is null)
        {
            erreurs["version"] = [MessageVersion];
        }

        return corps.Version ?? 0;
    }

    private static T? Obligatoire<T>(T? valeur, string champ, string message, Dictionary<string, string[]> erreurs) where T : struct
    {
        if (valeur is null && !erreurs.ContainsKey(champ))
        {
            erreurs[champ] = [message];
        }

        return valeur;
    }

    private static int? LireEntier(string? valeur, string champ, string message, int minimum, int maximum, Dictionary<string, string[]> erreurs)
    {
        if (string.IsNullOrWhiteSpace(valeur))
        {
            return null;
        }

        if (int.TryParse(valeur, NumberStyles.None, CultureInfo.InvariantCulture, out var nombre) && nombre >= minimum && nombre <= maximum)
        {
            return nombre;
        }

        erreurs[champ] = [message];
        return null;
    }

    private static List<string> Nettoyer(List<string>? codes) =>
        (codes ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct(StringComparer.Ordinal).ToList();

    private static ProblemHttpResult Refuse(AccesPrescriptionRefuseException erreur, string messageRole) =>
        erreur.Introuvable ? Introuvable(MessageIntrouvable) : Interdit(messageRole);

    private static ProblemHttpResult Interdit(string message) =>
        TypedResults.Problem(message, statusCode: StatusCodes.Status403Forbidden, title: ReponsesErreur.Titre(StatusCodes.Status403Forbidden));
}
