using System.ComponentModel;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Passerelle.Data;
using Passerelle.Features.Api;
using Passerelle.Domain;
using Passerelle.Features.Shared;
using Passerelle.Infrastructure.Audit;
using Passerelle.Infrastructure.Auth;
using Passerelle.Infrastructure.Tenancy;
using Passerelle.Infrastructure.Web;
using static Passerelle.Features.Api.LectureApi;

namespace Passerelle.Features.Beneficiaires;

/// <summary>
/// <c>/api/v1/beneficiaires</c>: the same scope, validation and journal as the pages. Names, birth names and
/// NIR travel only in request bodies, never in a URL. Until partner clients exist the API is called with the
/// session cookie, and every write carries the antiforgery token in the <c>RequestVerificationToken</c> header.
/// </summary>
public static class ApiBeneficiaires
{
    public const int TailleMaximale = 100;
    public const string MessageJetonInvalide = ExtensionsPointsApi.MessageJetonInvalide;
    public const string MessageDoublons =
        "Une personne proche est déjà enregistrée : vérifiez qu'il ne s'agit pas d'elle, puis renvoyez la demande avec « confirmerDoublons » à true pour créer un nouveau dossier.";
    public const string MessageIntrouvable = "Ce dossier n'existe pas ou n'est pas dans votre périmètre.";

    public static RouteGroupBuilder MapApiBeneficiaires(this RouteGroupBuilder v1)
    {
        // Not specific to dossiers, but these are the first JSON writes of the API: their clients need it.
        v1.MapGet("/jeton", Jeton).WithName("JetonAntifalsification")
            .WithSummary("Le jeton antifalsification à renvoyer dans l'en-tête RequestVerificationToken de chaque POST et PUT (dépose aussi son cookie).");

        var beneficiaires = v1.MapGroup("/beneficiaires").RequireAuthorization(PerimetreDossiers.Politique);
        beneficiaires.MapGet("", ListerAsync).WithName("ListerBeneficiaires")
            .WithSummary("Les personnes de mon portefeuille (référent) ou de mon périmètre, paginées.")
            .WithDescription("Aucun nom dans l'adresse : pour chercher par nom, matricule ou NIR, utilisez POST /api/v1/beneficiaires/recherche.")
            .Erreurs();
        beneficiaires.MapPost("/recherche", RechercherAsync).WithName("RechercherBeneficiaires")
            .WithSummary("Recherche dans mon périmètre par nom (au moins 3 lettres, accents et tirets indifférents), date de naissance, matricule ou NIR.")
            .Erreurs().AvecJeton();
        beneficiaires.MapGet("/{id:guid}", LireAsync).WithName("LireBeneficiaire")
            .WithSummary("Le dossier d'une personne : identité (NIR masqué), foyer, droits RSA, référents. Chaque lecture est journalisée.")
            .Erreurs(StatusCodes.Status404NotFound);
        beneficiaires.MapPost("", CreerAsync).WithName("CreerBeneficiaire")
            .WithSummary("Enregistre une personne. Si des doublons probables existent, répond 409 avec la liste : renvoyez avec confirmerDoublons à true.")
            .WithDescription("La réponse 201 donne l'adresse du dossier, et le dossier lui-même s'il entre dans votre périmètre.")
            .Erreurs(StatusCodes.Status409Conflict).AvecJeton().RequireAuthorization(PerimetreDossiers.PolitiqueCreation);
        beneficiaires.MapPut("/{id:guid}", ModifierAsync).WithName("ModifierBeneficiaire")
            .WithSummary("Modifie l'identité et les coordonnées, avec la version lue. Une version dépassée répond 409 et rien n'est enregistré.")
            .Erreurs(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict).AvecJeton();
        return v1;
    }

    public sealed record JetonDto(string Jeton, string EnTete);

    public sealed record BeneficiaireResume(
        Guid Id, string NomNaissance, string? NomUsage, string Prenoms, DateOnly DateNaissance, string? Commune,
        IReadOnlyList<string> Dispositifs, bool Clos, string? Referent);

    public sealed record PageBeneficiaires(IReadOnlyList<BeneficiaireResume> Elements, int Page, int TaillePage, int Total, string? Vue = null);

    public sealed record FoyerDto(
        string? OrganismePayeur, string? Matricule, string? Composition, int? NombreEnfants, string? Adresse, string? Commune, string? Qpv, int Version);

    public sealed record MembreFoyerDto(Guid Id, string Nom);

    public sealed record DroitDto(DateOnly DateEffet, string Etat, string OrganismePayeur, bool SoumisDroitsEtDevoirs, DateOnly? DateReceptionInformation);

    public sealed record ReferentDto(DateOnly Debut, DateOnly? Fin, string? Nom, string? Structure, bool Externe);

    /// <summary>The dossier; the NIR only masked (the clear number is shown on the dossier page, on purpose and journaled).</summary>
    public sealed record DossierDto(
        Guid Id, string NomNaissance, string? NomUsage, string Prenoms, DateOnly DateNaissance, string Sexe, IReadOnlyList<string> Dispositifs,
        string? Telephone, string? Courriel, string? Adresse, string? CommuneCode, string? Commune, string? NirMasque, bool NirTemporaire,
        bool Clos, int Version, FoyerDto? Foyer, IReadOnlyList<MembreFoyerDto> AutresMembres, IReadOnlyList<DroitDto> Droits,
        IReadOnlyList<ReferentDto> Referents);

    /// <summary>A probable duplicate: outside the agent's scope, only the reason and who follows the person.</summary>
    public sealed record DoublonDto(bool HorsPerimetre, Guid? Id, string? Nom, DateOnly? DateNaissance, string? Commune, string Raison, string? SuiviPar);

    public sealed class CorpsRecherche
    {
        [Description("N'importe quelle partie du nom de naissance, du nom d'usage ou des prénoms, au moins 3 lettres.")]
        public string? Nom { get; set; }

        [Description("aaaa-mm-jj")]
        public string? DateNaissance { get; set; }

        public string? Matricule { get; set; }

        [Description("15 caractères, espaces acceptés.")]
        public string? Nir { get; set; }

        public int? Page { get; set; }

        [Description("De 1 à 100, 25 par défaut.")]
        public int? TaillePage { get; set; }
    }

    /// <summary>Identity and contact, as typed: enums and dates are read here so that a wrong value gets a French message.</summary>
    public abstract class CorpsIdentite
    {
        public string? NomNaissance { get; set; }
        public string? NomUsage { get; set; }
        public string? Prenoms { get; set; }

        [Description("aaaa-mm-jj")]
        public string? DateNaissance { get; set; }

        [Description("Femme ou Homme.")]
        public string? Sexe { get; set; }

        [Description("Au moins un parmi Rsa, Plie, MissionLocale, Autre.")]
        public List<string>? Dispositifs { get; set; }

        public string? Telephone { get; set; }
        public string? Courriel { get; set; }
        public string? Adresse { get; set; }

        [Description("Code INSEE d'une commune du département.")]
        public string? CommuneCode { get; set; }

        [Description("15 caractères, espaces acceptés. Jamais renvoyé en clair.")]
        public string? Nir { get; set; }

        /// <summary>The same checks as the creation and identity forms, keyed by JSON field.</summary>
        public SaisieBeneficiaire Lire(Dictionary<string, string[]> erreurs)
        {
            var date = LireDate(DateNaissance, "dateNaissance", "La date de naissance", erreurs);
            var sexe = LireEnum<Sexe>(Sexe, "sexe", "Le sexe est « Femme » ou « Homme ».", erreurs);

            var dispositifs = new List<Dispositifs>();
            foreach (var valeur in Dispositifs ?? [])
            {
                if (LireEnum<Dispositifs>(valeur, "dispositifs", $"« {valeur} » n'est pas un dispositif : Rsa, Plie, MissionLocale ou Autre.", erreurs) is { } dispositif)
                {
                    dispositifs.Add(dispositif);
                }
            }

            var saisie = new SaisieBeneficiaire
            {
                NomNaissance = NomNaissance ?? "", NomUsage = NomUsage, Prenoms = Prenoms ?? "", DateNaissance = date, Sexe = sexe,
                Dispositifs = dispositifs, Telephone = Telephone, Courriel = Courriel, Adresse = Adresse, CommuneCode = CommuneCode, Nir = Nir,
            };
            foreach (var (champ, message) in saisie.Erreurs())
            {
                // A value that could not be read already has its message.
                erreurs.TryAdd(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(champ), [message]);
            }

            return saisie;
        }
    }

    public sealed class CorpsCreation : CorpsIdentite
    {
        [Description("Matricule CAF ou MSA du foyer : rattache la personne au foyer qui le porte déjà.")]
        public string? Matricule { get; set; }

        [Description("Caf ou Msa ; obligatoire avec un matricule.")]
        public string? OrganismePayeur { get; set; }

        [Description("À true pour créer malgré les doublons probables signalés par une réponse 409.")]
        public bool ConfirmerDoublons { get; set; }
    }

    public sealed class CorpsModification : CorpsIdentite
    {
        [Description("La version du dossier lue avant la modification.")]
        public int? Version { get; set; }

        [Description("Sans NIR saisi, le NIR enregistré est conservé, sauf si ce champ est à true.")]
        public bool EffacerNir { get; set; }
    }

    private static Ok<JetonDto> Jeton(HttpContext contexte, IAntiforgery antiforgery, IOptions<AntiforgeryOptions> options) =>
        TypedResults.Ok(new JetonDto(antiforgery.GetAndStoreTokens(contexte).RequestToken!, options.Value.HeaderName!));

    private static async Task<Results<Ok<PageBeneficiaires>, ValidationProblem>> ListerAsync(
        [Description("portefeuille (par défaut pour un référent) ou perimetre.")] string? vue,
        [Description("actifs (par défaut), clos ou tous.")] string? statut,
        [Description("Rsa, Plie, MissionLocale ou Autre.")] string? dispositif,
        [Description("aaaa-mm-jj")] string? dateNaissance,
        [Description("À partir de 1.")] string? page,
        [Description("De 1 à 100, 25 par défaut.")] string? taillePage,
        PasserelleDbContext db, PerimetreDossiers perimetre, ClaimsPrincipal utilisateur, CancellationToken cancellationToken)
    {
        var erreurs = new Dictionary<string, string[]>();
        vue = string.IsNullOrWhiteSpace(vue) ? (utilisateur.EstDans(Role.Referent) ? "portefeuille" : "perimetre") : vue.Trim().ToLowerInvariant();
        if (vue is not ("portefeuille" or "perimetre"))
        {
            erreurs["vue"] = ["La vue est « portefeuille » ou « perimetre »."];
        }

        statut = string.IsNullOrWhiteSpace(statut) ? "actifs" : statut.Trim().ToLowerInvariant();
        if (statut is not ("actifs" or "clos" or "tous"))
        {
            erreurs["statut"] = ["Le statut est « actifs », « clos » ou « tous »."];
        }

        var filtreDispositif = LireEnum<Dispositifs>(dispositif, "dispositif", "Le dispositif est Rsa, Plie, MissionLocale ou Autre.", erreurs);
        var date = LireDate(dateNaissance, "dateNaissance", "La date de naissance", erreurs);
        var (numero, taille) = LirePagination(page, taillePage, erreurs);
        if (erreurs.Count > 0)
        {
            return TypedResults.ValidationProblem(erreurs);
        }

        var visibles = await perimetre.VisiblesAsync(cancellationToken);
        var requete = vue == "portefeuille" ? perimetre.Portefeuille(visibles) : visibles;
        requete = statut switch
        {
            "clos" => requete.Where(b => b.Clos),
            "tous" => requete,
            _ => requete.Where(b => !b.Clos),
        };
        if (filtreDispositif is { } d)
        {
            requete = requete.Where(b => (b.Dispositifs & d) != 0);
        }

        if (date is { } jour)
        {
            requete = requete.Where(b => b.DateNaissance == jour);
        }

        return TypedResults.Ok(await PaginerAsync(db, requete, numero, taille, vue, cancellationToken));
    }

    private static async Task<Results<Ok<PageBeneficiaires>, ValidationProblem>> RechercherAsync(
        CorpsRecherche corps, PasserelleDbContext db, PerimetreDossiers perimetre, RechercheDossiers recherche, CancellationToken cancellationToken)
    {
        var erreurs = new Dictionary<string, string[]>();
        var criteres = new CriteresRecherche
        {
            Nom = corps.Nom, Matricule = corps.Matricule, Nir = corps.Nir,
            DateNaissance = LireDate(corps.DateNaissance, "dateNaissance", "La date de naissance", erreurs),
        };
        if (criteres.EstVide && !erreurs.ContainsKey("dateNaissance"))
        {
            erreurs["criteres"] = [RechercheDossiers.Erreur(criteres)!];
        }
        else
        {
            // Each criterion judged alone by the page's rule, so that the message lands on its field.
            if (!string.IsNullOrWhiteSpace(criteres.Nom) && RechercheDossiers.Erreur(new CriteresRecherche { Nom = criteres.Nom }) is { } erreurNom)
            {
                erreurs["nom"] = [erreurNom];
            }

            if (!string.IsNullOrWhiteSpace(criteres.Nir) && RechercheDossiers.Erreur(new CriteresRecherche { Nir = criteres.Nir }) is { } erreurNir)
            {
                erreurs["nir"] = [erreurNir];
            }
        }

        var (numero, taille) = LirePagination(corps.Page, corps.TaillePage, erreurs);
        if (erreurs.Count > 0)
        {
            return TypedResults.ValidationProblem(erreurs);
        }

        var visibles = await perimetre.VisiblesAsync(cancellationToken);
        return TypedResults.Ok(await PaginerAsync(db, recherche.Filtrer(visibles, criteres), numero, taille, null, cancellationToken));
    }

    private static async Task<Results<Ok<DossierDto>, ProblemHttpResult>> LireAsync(
        Guid id, PasserelleDbContext db, PerimetreDossiers perimetre, Journal journal, CancellationToken cancellationToken)
    {
        // Merged dossiers are outside every scope: their old id answers 404 like any unknown one.
        if (await perimetre.PorteeAsync(id, cancellationToken) != Portee.Complete)
        {
            return Introuvable();
        }

        var dossier = await DossierAsync(db, perimetre, id, cancellationToken);
        await journal.EnregistrerAsync(ActionJournal.Consultation, nameof(Beneficiaire), id, cancellationToken: cancellationToken);
        return TypedResults.Ok(dossier);
    }

    private static async Task<Results<Created<DossierDto>, ValidationProblem, ProblemHttpResult>> CreerAsync(
        CorpsCreation corps, PasserelleDbContext db, PerimetreDossiers perimetre, RechercheDossiers recherche, ServiceDossiers service,
        CancellationToken cancellationToken)
    {
        var erreurs = new Dictionary<string, string[]>();
        var saisie = corps.Lire(erreurs);
        var organisme = LireEnum<OrganismePayeur>(corps.OrganismePayeur, "organismePayeur", "L'organisme payeur est « Caf » ou « Msa ».", erreurs);
        if (!string.IsNullOrWhiteSpace(corps.Matricule) && organisme is null && !erreurs.ContainsKey("organismePayeur"))
        {
            erreurs["organismePayeur"] = ["Indiquez l'organisme payeur qui a attribué ce matricule."];
        }

        if (erreurs.Count > 0)
        {
            return TypedResults.ValidationProblem(erreurs);
        }

        var visibles = await perimetre.VisiblesAsync(cancellationToken);
        var doublons = await recherche.DoublonsAsync(saisie, visibles, cancellationToken: cancellationToken);
        if (doublons.Count > 0 && !corps.ConfirmerDoublons)
        {
            return TypedResults.Problem(
                MessageDoublons, statusCode: StatusCodes.Status409Conflict, title: "Personne probablement déjà enregistrée",
                extensions: new Dictionary<string, object?>
                {
                    ["doublons"] = doublons.Select(x => new DoublonDto(x.Id is null, x.Id, x.Nom, x.DateNaissance, x.Commune, x.Raison, x.SuiviPar)).ToList(),
                });
        }

        Beneficiaire beneficiaire;
        try
        {
            beneficiaire = await service.CreerAsync(saisie, corps.Matricule, organisme, cancellationToken);
        }
        catch (RegleMetierException erreur)
        {
            return Refus(erreur.Message);
        }
        catch (DbUpdateException erreur) when (erreur is not DbUpdateConcurrencyException)
        {
            return ConflitEnregistrement();
        }

        // Recorded outside the agent's scope (a Responsable, a person living elsewhere): the address, not the
        // dossier, which may hold a household the agent does not follow.
        var adresse = $"/api/v1/beneficiaires/{beneficiaire.Id}";
        return TypedResults.Created(adresse, await perimetre.PorteeAsync(beneficiaire.Id, cancellationToken) == Portee.Complete
            ? await DossierAsync(db, perimetre, beneficiaire.Id, cancellationToken)
            : null);
    }

    private static async Task<Results<Ok<DossierDto>, ValidationProblem, ProblemHttpResult>> ModifierAsync(
        Guid id, CorpsModification corps, PasserelleDbContext db, PerimetreDossiers perimetre, ServiceDossiers service,
        ClaimsPrincipal utilisateur, CancellationToken cancellationToken)
    {
        if (await perimetre.PorteeAsync(id, cancellationToken) != Portee.Complete)
        {
            return Introuvable();
        }

        var erreurs = new Dictionary<string, string[]>();
        var saisie = corps.Lire(erreurs);
        if (corps.Version is null)
        {
            erreurs["version"] = ["La version lue est obligatoire : elle protège des modifications faites entre-temps."];
        }

        if (erreurs.Count > 0)
        {
            return TypedResults.ValidationProblem(erreurs);
        }

        try
        {
            await service.ModifierAsync(id, corps.Version!.Value, saisie, corps.EffacerNir, cancellationToken);
        }
        catch (Exception erreur) when (erreur is ConflitDeVersionException or DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var message = await Concurrence.MessageAsync(db, id, utilisateur.Fuseau(), cancellationToken);
            var version = await db.Beneficiaires.Where(b => b.Id == id).Select(b => b.Version).SingleAsync(cancellationToken);
            return TypedResults.Problem(
                message, statusCode: StatusCodes.Status409Conflict, title: ReponsesErreur.Titre(StatusCodes.Status409Conflict),
                extensions: new Dictionary<string, object?> { ["versionActuelle"] = version });
        }
        catch (RegleMetierException erreur)
        {
            return Refus(erreur.Message);
        }
        catch (DbUpdateException erreur) when (erreur is not DbUpdateConcurrencyException)
        {
            return ConflitEnregistrement();
        }

        return TypedResults.Ok(await DossierAsync(db, perimetre, id, cancellationToken));
    }

    private static async Task<PageBeneficiaires> PaginerAsync(
        PasserelleDbContext db, IQueryable<Beneficiaire> requete, int page, int taille, string? vue, CancellationToken cancellationToken)
    {
        var total = await requete.CountAsync(cancellationToken);
        // Past the last page a client gets an empty page, not the last one again: a loop "until empty" ends.
        var decalage = (long)(page - 1) * taille;
        var lignes = decalage >= total
            ? []
            : await ListeBeneficiaires.Projeter(db, requete.OrderBy(b => b.NomUsage ?? b.NomNaissance).ThenBy(b => b.Prenoms).ThenBy(b => b.Id))
                .Skip((int)decalage).Take(taille).ToListAsync(cancellationToken);
        var elements = lignes
            .Select(l => new BeneficiaireResume(l.Id, l.NomNaissance, l.NomUsage, l.Prenoms, l.DateNaissance, l.Commune, Noms(l.Dispositifs), l.Clos, l.Referent))
            .ToList();
        return new PageBeneficiaires(elements, page, taille, total, vue);
    }

    private static async Task<DossierDto> DossierAsync(PasserelleDbContext db, PerimetreDossiers perimetre, Guid id, CancellationToken cancellationToken)
    {
        var vue = await VueDossier.LireAsync(db, await perimetre.VisiblesAsync(cancellationToken), id, cancellationToken);
        var commune = await db.Beneficiaires.AsNoTracking().Where(b => b.Id == id)
            .Select(b => new { b.CommuneCode, Nom = db.Communes.Where(c => c.Code == b.CommuneCode).Select(c => c.Nom).FirstOrDefault() })
            .SingleAsync(cancellationToken);
        var foyer = vue.Foyer is { } f
            ? new FoyerDto(f.OrganismePayeur?.ToString(), f.Matricule, f.Composition?.ToString(), f.NombreEnfants, f.Adresse, f.Commune, f.Qpv, f.Version)
            : null;
        return new DossierDto(
            vue.Id, vue.NomNaissance, vue.NomUsage, vue.Prenoms, vue.DateNaissance, vue.Sexe.ToString(), Noms(vue.Dispositifs),
            vue.Telephone, vue.Courriel, vue.Adresse, commune.CommuneCode, commune.Nom, vue.NirMasque, vue.NirTemporaire, vue.Clos, vue.Version,
            foyer,
            vue.AutresMembres.Select(m => new MembreFoyerDto(m.Id, m.Nom)).ToList(),
            vue.Droits.Select(d => new DroitDto(d.DateEffet, d.Etat.ToString(), d.OrganismePayeur.ToString(), d.SoumisDroitsEtDevoirs, d.DateReceptionInformation)).ToList(),
            vue.Referents.Select(r => new ReferentDto(r.Debut, r.Fin, r.Nom, r.Structure, r.Externe)).ToList());
    }

    private static List<string> Noms(Dispositifs dispositifs) =>
        Enum.GetValues<Dispositifs>().Where(d => d != Dispositifs.Aucun && dispositifs.HasFlag(d)).Select(d => d.ToString()).ToList();

    /// <summary>A check passed, then a concurrent save took the same unique value.</summary>
    private static ProblemHttpResult ConflitEnregistrement() =>
        TypedResults.Problem(Enregistrement.MessageDoublon, statusCode: StatusCodes.Status409Conflict, title: ReponsesErreur.Titre(StatusCodes.Status409Conflict));

    private static (int Page, int Taille) LirePagination(string? page, string? taille, Dictionary<string, string[]> erreurs)
    {
        int? numero = null, nombre = null;
        if (!string.IsNullOrWhiteSpace(page))
        {
            numero = int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        }

        if (!string.IsNullOrWhiteSpace(taille))
        {
            nombre = int.TryParse(taille, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        }

        return LirePagination(numero, nombre, erreurs);
    }

    private static (int Page, int Taille) LirePagination(int? page, int? taille, Dictionary<string, string[]> erreurs)
    {
        if (page < 1)
        {
            erreurs["page"] = ["La page est un nombre entier à partir de 1."];
        }

        if (taille is < 1 or > TailleMaximale)
        {
            erreurs["taillePage"] = [$"La taille de page est un nombre entier de 1 à {TailleMaximale}."];
        }

        return (page ?? 1, taille ?? Pagination.TailleParDefaut);
    }
}
