using System.Net;
using Microsoft.EntityFrameworkCore;
using Passerelle.Domain;
using Passerelle.Features.Comptes;
using Passerelle.Tests.Support;

namespace Passerelle.Tests.Features;

public sealed class ConnexionTests(ApplicationSqlite app) : IClassFixture<ApplicationSqlite>
{
    public static TheoryData<string, string> Comptes => new()
    {
        { "admin", "Départements" },
        { "admin.cantal", "Agents" },
        { "pilotage.cantal", "Chargé de mission PDI" },
        { "orientation.cantal", "Agent d'orientation" },
        { "referent.cantal", "Référent" },
        { "referent.mauriac", "Référent" },
        { "referent.plie", "Référent" },
        { "referent.association", "Référent" },
        { "responsable.cantal", "Responsable" },
        { "operateur.cantal", "Opérateur" },
        { "auditeur.cantal", "Journal des accès" },
        { "partenaire.cantal", "Partenaire" },
        { "pilotage.puydedome", "Chargé de mission PDI" },
        { "orientation.puydedome", "Agent d'orientation" },
        { "referent.puydedome", "Référent" },
        { "conventions.puydedome", "Gestionnaire des conventions" },
        { "operateur.mobilite", "Opérateur" },
        { "operateur.aisp", "Opérateur" },
        { "pilotage.calvados", "Chargé de mission PDI" },
        { "referent.calvados", "Référent" },
        { "operateur.calvados", "Opérateur" },
    };

    [Theory]
    [MemberData(nameof(Comptes))]
    public async Task Chaque_compte_de_demonstration_arrive_sur_son_accueil(string identifiant, string attendu)
    {
        using var client = app.Factory.Client();

        var connexion = await client.ConnecterAsync(identifiant);
        connexion.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        connexion.Headers.Location!.OriginalString.ShouldBe("/");
        var (reponse, accueil) = await client.PageAsync("/");

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        accueil.QuerySelector("main")!.TextContent.ShouldContain(attendu);
        accueil.QuerySelector(".entete-agent")!.TextContent.ShouldContain("Se déconnecter");
    }

    [Fact]
    public async Task Les_accueils_different_selon_le_role()
    {
        using var referent = app.Factory.Client();
        using var administrateur = app.Factory.Client();
        await referent.ConnecterAsync("referent.cantal");
        await administrateur.ConnecterAsync("admin.cantal");

        var liensReferent = (await referent.PageAsync("/")).Document.QuerySelectorAll("nav.navigation a").Select(a => a.GetAttribute("href")).ToList();
        var liensAdministrateur = (await administrateur.PageAsync("/")).Document.QuerySelectorAll("nav.navigation a").Select(a => a.GetAttribute("href")).ToList();

        liensReferent.ShouldNotContain("/administration/agents");
        liensAdministrateur.ShouldContain("/administration/agents");
        liensAdministrateur.ShouldContain("/parametres");
    }

    [Fact]
    public async Task Un_mot_de_passe_faux_et_un_compte_inconnu_recoivent_le_meme_message()
    {
        using var client = app.Factory.Client();

        var mauvais = await ClientPasserelle.DocumentAsync(await client.ConnecterAsync("referent.mauriac", "mauvais-mot-de-passe"));
        var inconnu = await ClientPasserelle.DocumentAsync(await client.ConnecterAsync("personne@passerelle.test", "mauvais-mot-de-passe"));

        mauvais.QuerySelector(".resume-erreurs")!.TextContent.ShouldContain(ConnexionModel.MessageRefus);
        inconnu.QuerySelector(".resume-erreurs")!.TextContent.ShouldContain(ConnexionModel.MessageRefus);
    }

    [Fact]
    public async Task Cinq_echecs_verrouillent_le_compte_quinze_minutes()
    {
        // An account of its own: the demo accounts are signed in by the other tests of this class.
        var cantal = await app.Base.DepartementAsync("15");
        await using (var creation = app.Base.Contexte(cantal))
        {
            var structure = await creation.Structures.Select(s => s.Id).FirstAsync();
            var agent = new Agent(cantal, structure, "verrouillage@passerelle.test", "Paul", "Verrou") { LockoutEnabled = true, EmailConfirmed = true };
            agent.NormalizedEmail = agent.NormalizedUserName = "VERROUILLAGE@PASSERELLE.TEST";
            agent.PasswordHash = new Microsoft.AspNetCore.Identity.PasswordHasher<Agent>().HashPassword(agent, Passerelle.Demo.ChargeurDemo.MotDePasse);
            creation.Users.Add(agent);
            await creation.SaveChangesAsync();
        }

        using var client = app.Factory.Client();
        for (var i = 0; i < 5; i++)
        {
            await client.ConnecterAsync("verrouillage@passerelle.test", "mauvais-mot-de-passe");
        }

        var verrouille = await client.ConnecterAsync("verrouillage@passerelle.test");

        verrouille.StatusCode.ShouldBe(HttpStatusCode.OK, "Même le bon mot de passe est refusé pendant le verrouillage.");
        (await ClientPasserelle.DocumentAsync(verrouille)).QuerySelector(".resume-erreurs")!.TextContent.ShouldContain("verrouillé");
        await using var db = app.Base.Contexte(cantal);
        var fin = await db.Users.Where(a => a.Email == "verrouillage@passerelle.test").Select(a => a.LockoutEnd).SingleAsync();
        fin.ShouldNotBeNull();
        (fin.Value - DateTimeOffset.UtcNow).TotalMinutes.ShouldBeInRange(14, 15.1);
    }

    [Fact]
    public async Task Connexions_et_echecs_sont_journalises()
    {
        using var client = app.Factory.Client();
        await client.ConnecterAsync("operateur.cantal", "mauvais-mot-de-passe");
        await client.ConnecterAsync("operateur.cantal");

        var cantal = await app.Base.DepartementAsync("15");
        await using var db = app.Base.Contexte(cantal);
        var agent = await db.Users.SingleAsync(a => a.Email == ClientPasserelle.Email("operateur.cantal"));
        var actions = await db.JournalAcces.Where(j => j.AgentId == agent.Id).Select(j => j.Action).ToListAsync();
        actions.ShouldContain(ActionJournal.EchecConnexion);
        actions.ShouldContain(ActionJournal.Connexion);
    }

    [Fact]
    public async Task La_deconnexion_ferme_la_session()
    {
        using var client = app.Factory.Client();
        await client.ConnecterAsync("pilotage.calvados");

        var deconnexion = await client.PosterAsync("/deconnexion", []);
        var apres = await client.Http.GetAsync("/");

        deconnexion.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        apres.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        apres.Headers.Location!.AbsolutePath.ShouldBe("/connexion");
    }

    [Fact]
    public async Task Un_mot_de_passe_de_moins_de_douze_caracteres_est_refuse()
    {
        using var client = app.Factory.Client();
        await client.ConnecterAsync("orientation.puydedome");

        var reponse = await client.PosterAsync("/compte", new Dictionary<string, string>
        {
            ["Saisie.MotDePasseActuel"] = Passerelle.Demo.ChargeurDemo.MotDePasse,
            ["Saisie.NouveauMotDePasse"] = "court",
            ["Saisie.Confirmation"] = "court",
        });

        (await ClientPasserelle.DocumentAsync(reponse)).QuerySelector("#Saisie_NouveauMotDePasse-erreur")!.TextContent.ShouldContain("12 caractères");
    }
}
