using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Passerelle.Domain;
using Passerelle.Tests.Support;

namespace Passerelle.Tests.Features;

public abstract class AgentsTests(ApplicationDeTest app)
{
    private async Task<ClientPasserelle> AdministrateurAsync()
    {
        var client = app.Factory.Client();
        await client.ConnecterAsync("admin.cantal");
        return client;
    }

    private async Task<Guid> StructureAsync(string code, string nom)
    {
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync(code));
        return await db.Structures.Where(s => s.Nom.Contains(nom)).Select(s => s.Id).FirstAsync();
    }

    private static List<KeyValuePair<string, string>> Formulaire(string email, Guid structureId, params Role[] roles) =>
    [
        new("Saisie.Email", email),
        new("Saisie.Prenom", "Inès"),
        new("Saisie.Nom", "Falgoux"),
        new("Saisie.StructureId", structureId.ToString()),
        new("Saisie.MotDePasse", "Un-mot-de-passe-provisoire"),
        .. roles.Select(r => new KeyValuePair<string, string>("Saisie.Roles", r.ToString())),
    ];

    [Fact]
    public async Task L_administrateur_cree_un_agent_qui_peut_se_connecter()
    {
        using var client = await AdministrateurAsync();
        var structure = await StructureAsync("15", "Mauriac");

        var reponse = await client.PosterAsync("/administration/agents/nouveau", Formulaire("ines.falgoux@passerelle.test", structure, Role.Referent, Role.Responsable));

        reponse.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var nouveau = app.Factory.Client();
        (await nouveau.ConnecterAsync("ines.falgoux@passerelle.test", "Un-mot-de-passe-provisoire")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var accueil = (await nouveau.PageAsync("/")).Document.QuerySelector("main")!.TextContent;
        accueil.ShouldContain("Référent");
        accueil.ShouldContain("Responsable");
    }

    [Fact]
    public async Task Une_structure_d_un_autre_departement_est_refusee_et_rien_n_est_ecrit()
    {
        using var client = await AdministrateurAsync();
        var structureDuCalvados = await StructureAsync("14", "Calvados");

        var reponse = await client.PosterAsync("/administration/agents/nouveau", Formulaire("intrus@passerelle.test", structureDuCalvados, Role.Referent));

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ClientPasserelle.DocumentAsync(reponse)).QuerySelector(".resume-erreurs")!.TextContent.ShouldContain("structure active de votre département");
        await using var db = app.Base.Contexte();
        (await db.Users.IgnoreQueryFilters().AnyAsync(a => a.NormalizedEmail == "INTRUS@PASSERELLE.TEST")).ShouldBeFalse();
    }

    [Fact]
    public async Task Une_adresse_deja_prise_dans_un_autre_departement_est_refusee()
    {
        using var client = await AdministrateurAsync();
        var structure = await StructureAsync("15", "Aurillac");

        var reponse = await client.PosterAsync("/administration/agents/nouveau", Formulaire(ClientPasserelle.Email("referent.calvados"), structure, Role.Referent));

        (await ClientPasserelle.DocumentAsync(reponse)).QuerySelector(".resume-erreurs")!.TextContent.ShouldContain("Un compte existe déjà");
    }

    [Fact]
    public async Task Sans_role_le_formulaire_est_refuse_avec_un_message_pres_du_champ()
    {
        using var client = await AdministrateurAsync();
        var structure = await StructureAsync("15", "Aurillac");

        var reponse = await client.PosterAsync("/administration/agents/nouveau", Formulaire("sansrole@passerelle.test", structure));

        (await ClientPasserelle.DocumentAsync(reponse)).QuerySelector("#Saisie_Roles-erreur")!.TextContent.ShouldContain("au moins un rôle");
    }

    [Fact]
    public async Task Un_agent_d_un_autre_departement_repond_404()
    {
        using var client = await AdministrateurAsync();
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("14"));
        var agentDuCalvados = await db.Users.Select(a => a.Id).FirstAsync();

        var (reponse, _) = await client.PageAsync($"/administration/agents/{agentDuCalvados}");

        reponse.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Un_compte_desactive_ne_peut_plus_se_connecter()
    {
        using var client = await AdministrateurAsync();
        var cantal = await app.Base.DepartementAsync("15");
        await using var db = app.Base.Contexte(cantal);
        var agent = await db.Users.SingleAsync(a => a.Email == ClientPasserelle.Email("partenaire.cantal"));

        var reponse = await client.PosterAsync($"/administration/agents/{agent.Id}",
        [
            new("Saisie.Version", agent.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Saisie.Prenom", agent.Prenom), new("Saisie.Nom", agent.Nom),
            new("Saisie.StructureId", agent.StructureId!.Value.ToString()),
            new("Saisie.Roles", nameof(Role.Partenaire)),
            new("Saisie.Actif", "false"),
        ]);

        reponse.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var partenaire = app.Factory.Client();
        var refus = await partenaire.ConnecterAsync("partenaire.cantal");
        refus.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ClientPasserelle.DocumentAsync(refus)).QuerySelector(".resume-erreurs")!.TextContent.ShouldContain(Passerelle.Features.Comptes.ConnexionModel.MessageRefus);
    }

    [Fact]
    public async Task Desactiver_un_compte_ferme_sa_session_ouverte_dans_la_minute()
    {
        using var auditeur = app.Factory.Client();
        await auditeur.ConnecterAsync("auditeur.cantal");
        (await auditeur.Http.GetAsync("/journal")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var administrateur = await AdministrateurAsync();
        var cantal = await app.Base.DepartementAsync("15");
        await using var db = app.Base.Contexte(cantal);
        var agent = await db.Users.SingleAsync(a => a.Email == ClientPasserelle.Email("auditeur.cantal"));

        (await administrateur.PosterAsync($"/administration/agents/{agent.Id}",
        [
            new("Saisie.Version", agent.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Saisie.Prenom", agent.Prenom), new("Saisie.Nom", agent.Nom),
            new("Saisie.StructureId", agent.StructureId!.Value.ToString()),
            new("Saisie.Roles", nameof(Role.Auditeur)),
            new("Saisie.Actif", "false"),
        ])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        app.Factory.Temps.Advance(TimeSpan.FromMinutes(2));
        var apres = await auditeur.Http.GetAsync("/journal");

        apres.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        apres.Headers.Location!.AbsolutePath.ShouldBe("/connexion");
    }

    [Fact]
    public async Task La_page_de_modification_preselectionne_la_structure_de_l_agent()
    {
        using var client = await AdministrateurAsync();
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        var agent = await db.Users.SingleAsync(a => a.Email == ClientPasserelle.Email("referent.mauriac"));

        var (_, document) = await client.PageAsync($"/administration/agents/{agent.Id}");

        var choisie = document.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("#Saisie_StructureId")!.SelectedOptions.Single();
        Guid.Parse(choisie.Value).ShouldBe(agent.StructureId!.Value);
        choisie.Text.ShouldContain("Mauriac");
    }

    [Fact]
    public async Task Un_formulaire_refuse_garde_les_cases_cochees()
    {
        using var client = await AdministrateurAsync();
        var cantal = await app.Base.DepartementAsync("15");
        await using var db = app.Base.Contexte(cantal);
        var agent = await db.Users.SingleAsync(a => a.Email == ClientPasserelle.Email("orientation.cantal"));

        var reponse = await client.PosterAsync($"/administration/agents/{agent.Id}",
        [
            new("Saisie.Version", agent.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Saisie.Prenom", ""), new("Saisie.Nom", agent.Nom),
            new("Saisie.StructureId", agent.StructureId!.Value.ToString()),
            new("Saisie.Roles", nameof(Role.AgentOrientation)),
            new("Saisie.Actif", "true"), new("Saisie.Actif", "false"),
        ]);

        var document = await ClientPasserelle.DocumentAsync(reponse);
        document.QuerySelector("#Saisie_Prenom-erreur")!.TextContent.ShouldContain("prénom");
        document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Saisie_Actif")!.IsChecked.ShouldBeTrue("Enregistrer de nouveau ne doit pas désactiver le compte.");
        document.Title!.ShouldStartWith("Erreur : ");
    }

    [Fact]
    public async Task Un_formulaire_perime_affiche_qui_a_modifie_entre_temps_et_garde_la_version_recente()
    {
        using var premier = await AdministrateurAsync();
        var cantal = await app.Base.DepartementAsync("15");
        await using var db = app.Base.Contexte(cantal);
        var agent = await db.Users.AsNoTracking().SingleAsync(a => a.Email == ClientPasserelle.Email("pilotage.cantal"));
        List<KeyValuePair<string, string>> Champs(string nom) =>
        [
            new("Saisie.Version", agent.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Saisie.Prenom", agent.Prenom), new("Saisie.Nom", nom),
            new("Saisie.StructureId", agent.StructureId!.Value.ToString()),
            new("Saisie.Roles", nameof(Role.ChargeMissionPdi)),
            new("Saisie.Actif", "true"),
        ];

        (await premier.PosterAsync($"/administration/agents/{agent.Id}", Champs("Lavergne-Premier"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var perime = await premier.PosterAsync($"/administration/agents/{agent.Id}", Champs("Lavergne-Second"));

        perime.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = await ClientPasserelle.DocumentAsync(perime);
        document.QuerySelector(".resume-erreurs")!.TextContent.ShouldContain("modifiée entre-temps par Hélène Vidalenc");
        document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Saisie_Nom")!.Value.ShouldBe("Lavergne-Premier");
        await using var verification = app.Base.Contexte(cantal);
        (await verification.Users.SingleAsync(a => a.Id == agent.Id)).Nom.ShouldBe("Lavergne-Premier");
    }
}

public sealed class AgentsSqliteTests(ApplicationSqlite app) : AgentsTests(app), IClassFixture<ApplicationSqlite>;

public sealed class AgentsPostgresTests(ApplicationPostgres app) : AgentsTests(app), IClassFixture<ApplicationPostgres>;
