using System.Net;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Tests.Support;

namespace Passerelle.Tests.Features;

public abstract class PlateformeTests(ApplicationDeTest app)
{
    private const string MotDePasse = "Provisoire-du-departement";

    private async Task<ClientPasserelle> ConnecteAsync(string identifiant = "admin")
    {
        var client = app.Factory.Client();
        await client.ConnecterAsync(identifiant);
        return client;
    }

    private static List<KeyValuePair<string, string>> Departement(
        string code, string email, string nom = "", string fuseau = "", string motDePasse = MotDePasse) =>
    [
        new("Saisie.Code", code),
        new("Saisie.Nom", nom),
        new("Saisie.Fuseau", fuseau),
        new("Saisie.Email", email),
        new("Saisie.Prenom", "Agnès"),
        new("Saisie.NomAdministrateur", "Lafon"),
        new("Saisie.MotDePasse", motDePasse),
    ];

    private async Task<Departement?> HebergeAsync(string code)
    {
        await using var db = app.Base.Contexte();
        return await db.Departements.AsNoTracking().SingleOrDefaultAsync(d => d.Code == code);
    }

    private async Task<bool> CompteExisteAsync(string email)
    {
        await using var db = app.Base.Contexte();
        return await db.Users.IgnoreQueryFilters().AnyAsync(a => a.NormalizedEmail == email.ToUpperInvariant());
    }

    [Fact]
    public async Task L_administrateur_de_la_plateforme_heberge_un_departement_dont_l_administrateur_peut_se_connecter()
    {
        using var plateforme = await ConnecteAsync();

        var reponse = await plateforme.PosterAsync("/plateforme/nouveau", Departement("24", "agnes.lafon@dordogne.test"));

        reponse.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var liste = (await plateforme.PageAsync("/plateforme")).Document;
        liste.QuerySelector(".alerte-succes")!.TextContent.ShouldContain("Le département 24 – Dordogne est hébergé.");
        liste.QuerySelectorAll("tbody tr").Select(l => string.Join(" | ", l.Children.Select(c => c.TextContent.Trim())))
            .ShouldContain("24 | Dordogne | Europe/Paris | 1");

        var dordogne = (await HebergeAsync("24"))!;
        dordogne.FuseauHoraire.ShouldBe("Europe/Paris");
        await using (var db = app.Base.Contexte(dordogne.Id))
        {
            (await db.Structures.Select(s => new { s.Nom, s.Type }).SingleAsync()).ShouldBe(new { Nom = "Département – Dordogne", Type = TypeStructure.ServiceDepartement });
            (await db.ParametresDates.Select(p => p.Cle).Distinct().ToListAsync()).ShouldBe(
                [
                    ClesParametres.DelaiOrientation, ClesParametres.DelaiContrat, ClesParametres.HeuresActivite, ClesParametres.DateTransitoireContrat,
                    ClesParametres.AlerteFinContrat, ClesParametres.RevisionParcoursSocial, ClesParametres.RevisionParcoursSocialVulnerable,
                    ClesParametres.CadenceRendezVous, ClesParametres.DelaiReponsePrescription,
                ],
                ignoreOrder: true);
            (await db.ParametresDates.CountAsync(p => p.Cle == ClesParametres.CadenceRendezVous)).ShouldBe(3);
            (await db.ValeursReference.Select(v => v.Liste).Distinct().CountAsync()).ShouldBe(6);
            var administrateur = await db.Users.SingleAsync();
            (administrateur.Email, administrateur.Prenom, administrateur.Nom).ShouldBe(("agnes.lafon@dordogne.test", "Agnès", "Lafon"));
            var roles = await db.UserRoles.Where(r => r.UserId == administrateur.Id).Select(r => r.RoleId).ToListAsync();
            roles.ShouldBe([RolesIdentite.IdPour(Role.Administrateur)]);
        }

        await using (var db = app.Base.Contexte())
        {
            var admin = await db.Users.IgnoreQueryFilters().Where(a => a.Email == ClientPasserelle.Email("admin")).Select(a => a.Id).SingleAsync();
            var journal = await db.JournalAcces.IgnoreQueryFilters().SingleAsync(j => j.EnregistrementId == dordogne.Id);
            (journal.Action, journal.TypeEnregistrement, journal.AgentId).ShouldBe((ActionJournal.Creation, nameof(Passerelle.Domain.Departement), (Guid?)admin));
            // The line belongs to the new département, so that its own Auditeur sees who created it.
            journal.DepartementId.ShouldBe(dordogne.Id);
        }

        using var nouveau = app.Factory.Client();
        var connexion = await nouveau.ConnecterAsync("agnes.lafon@dordogne.test", MotDePasse);
        connexion.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        connexion.Headers.Location!.OriginalString.ShouldBe("/");
        var accueil = (await nouveau.PageAsync("/")).Document;
        accueil.QuerySelector("h1")!.TextContent.ShouldBe("Bonjour Agnès Lafon");
        accueil.QuerySelector("main")!.TextContent.ShouldContain("Vous paramétrez le département");
        accueil.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ShouldContain("/administration/agents");
        var structures = (await nouveau.PageAsync("/administration/structures")).Document;
        structures.QuerySelectorAll("tbody tr").Select(l => l.Children[0].TextContent.Trim()).ShouldBe(["Département – Dordogne"]);
    }

    [Fact]
    public async Task Un_departement_d_outre_mer_prend_son_fuseau_par_defaut()
    {
        using var plateforme = await ConnecteAsync();

        var reponse = await plateforme.PosterAsync("/plateforme/nouveau", Departement("974", "admin@reunion.test"));

        reponse.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var reunion = (await HebergeAsync("974"))!;
        (reunion.Nom, reunion.FuseauHoraire).ShouldBe(("La Réunion", "Indian/Reunion"));
    }

    [Fact]
    public async Task Un_departement_deja_heberge_est_refuse_et_aucun_compte_n_est_cree()
    {
        using var plateforme = await ConnecteAsync();

        var reponse = await plateforme.PosterAsync("/plateforme/nouveau", Departement("15", "second.admin@cantal.test", nom: "Cantal bis"));

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ClientPasserelle.DocumentAsync(reponse)).QuerySelector(".resume-erreurs")!.TextContent.ShouldContain("Le département 15 est déjà hébergé.");
        (await CompteExisteAsync("second.admin@cantal.test")).ShouldBeFalse();
        (await HebergeAsync("15"))!.Nom.ShouldBe("Cantal");
    }

    [Fact]
    public async Task Une_adresse_deja_prise_annule_toute_la_creation_du_departement()
    {
        using var plateforme = await ConnecteAsync();

        var reponse = await plateforme.PosterAsync("/plateforme/nouveau", Departement("19", ClientPasserelle.Email("admin.cantal")));

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        var resume = (await ClientPasserelle.DocumentAsync(reponse)).QuerySelector(".resume-erreurs")!;
        resume.QuerySelectorAll("li").Select(l => l.TextContent.Trim()).ShouldBe(["Un compte existe déjà avec cette adresse électronique."]);
        (await HebergeAsync("19")).ShouldBeNull();
        await using var db = app.Base.Contexte();
        (await db.Structures.IgnoreQueryFilters().AnyAsync(s => s.Nom == "Département – Corrèze")).ShouldBeFalse();
        (await db.ParametresDates.IgnoreQueryFilters().Select(p => p.DepartementId).Distinct().CountAsync())
            .ShouldBe(await db.Departements.CountAsync());
    }

    [Theory]
    [InlineData("99", "", MotDePasse, "#Saisie_Code-erreur", "Choisissez un département de la liste.")]
    [InlineData("975", "", MotDePasse, "#Saisie_Code-erreur", "Choisissez un département de la liste.")]
    [InlineData("23", "Mars/Olympus", MotDePasse, "#Saisie_Fuseau-erreur", "Choisissez un fuseau horaire de la liste.")]
    [InlineData("23", "", "court", "#Saisie_MotDePasse-erreur", "Le mot de passe doit contenir au moins 12 caractères.")]
    [InlineData("", "", MotDePasse, "#Saisie_Code-erreur", "Choisissez le département.")]
    public async Task Une_saisie_invalide_est_signalee_pres_du_champ_et_rien_n_est_cree(string code, string fuseau, string motDePasse, string champ, string message)
    {
        using var plateforme = await ConnecteAsync();

        var reponse = await plateforme.PosterAsync("/plateforme/nouveau", Departement(code, "refuse@plateforme.test", fuseau: fuseau, motDePasse: motDePasse));

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ClientPasserelle.DocumentAsync(reponse)).QuerySelector(champ)!.TextContent.ShouldBe(message);
        (await CompteExisteAsync("refuse@plateforme.test")).ShouldBeFalse();
        if (code.Length > 0)
        {
            (await HebergeAsync(code)).ShouldBeNull();
        }
    }

    [Fact]
    public async Task La_liste_compte_les_agents_de_chaque_departement()
    {
        using var plateforme = await ConnecteAsync();

        var document = (await plateforme.PageAsync("/plateforme")).Document;

        var lignes = document.QuerySelectorAll("tbody tr").Select(l => string.Join(" | ", l.Children.Select(c => c.TextContent.Trim()))).ToList();
        // The named accounts of the README, and one generated operator for each other structure that runs an action.
        lignes.ShouldContain("14 | Calvados | Europe/Paris | 27");
        lignes.ShouldContain("15 | Cantal | Europe/Paris | 19");
        lignes.ShouldContain("63 | Puy-de-Dôme | Europe/Paris | 10");
    }

    [Fact]
    public async Task Un_administrateur_de_departement_recoit_403_et_ne_peut_rien_heberger()
    {
        using var client = await ConnecteAsync("admin.cantal");

        var (liste, document) = await client.PageAsync("/plateforme");
        var (creation, _) = await client.PageAsync("/plateforme/nouveau");
        var ecriture = await client.PosterDirectementAsync("/plateforme/nouveau", Departement("23", "intrus@creuse.test"));

        liste.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        document.QuerySelector("h1")!.TextContent.ShouldBe("Accès refusé");
        creation.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        ecriture.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await HebergeAsync("23")).ShouldBeNull();
        (await CompteExisteAsync("intrus@creuse.test")).ShouldBeFalse();
    }
}

public sealed class PlateformeSqliteTests(ApplicationSqlite app) : PlateformeTests(app), IClassFixture<ApplicationSqlite>;

public sealed class PlateformePostgresTests(ApplicationPostgres app) : PlateformeTests(app), IClassFixture<ApplicationPostgres>;
