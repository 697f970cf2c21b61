using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Passerelle.Domain;
using Passerelle.Tests.Support;

namespace Passerelle.Tests.Features;

public abstract class TerritoiresTests(ApplicationDeTest app)
{
    private async Task<ClientPasserelle> ConnecteAsync(string identifiant = "admin.cantal")
    {
        var client = app.Factory.Client();
        await client.ConnecterAsync(identifiant);
        return client;
    }

    private async Task<Territoire> TerritoireAsync(string departement, string nom, TypeTerritoire? type = null)
    {
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync(departement));
        return await db.Territoires.AsNoTracking().Include(t => t.Communes)
            .SingleAsync(t => t.Nom == nom && (type == null || t.Type == type));
    }

    private async Task<int> NombreAsync(string nom)
    {
        await using var db = app.Base.Contexte();
        return await db.Territoires.IgnoreQueryFilters().CountAsync(t => t.Nom == nom);
    }

    private static List<KeyValuePair<string, string>> Saisie(string nom, TypeTerritoire? type, string communes) =>
    [
        new("Saisie.Nom", nom),
        new("Saisie.Type", type?.ToString() ?? ""),
        new("Saisie.Communes", communes),
    ];

    private static List<KeyValuePair<string, string>> Modification(Territoire territoire, string? nom = null, string? communes = null) =>
    [
        new("Saisie.Version", territoire.Version.ToString(CultureInfo.InvariantCulture)),
        .. Saisie(nom ?? territoire.Nom, territoire.Type, communes ?? string.Join(" ", territoire.Communes.Select(c => c.CommuneCode))),
    ];

    private static async Task<string> ErreurAsync(HttpResponseMessage reponse, string selecteur)
    {
        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await ClientPasserelle.DocumentAsync(reponse)).QuerySelector(selecteur)?.TextContent
            ?? throw new ShouldAssertException($"Aucun élément {selecteur} dans la réponse.");
    }

    [Fact]
    public async Task L_administrateur_cree_un_territoire_avec_les_codes_saisis_en_vrac()
    {
        using var client = await ConnecteAsync();
        var cantal = await app.Base.DepartementAsync("15");

        var reponse = await client.PosterAsync("/administration/territoires/nouveau",
            Saisie("Bassin de Murat", TypeTerritoire.BassinDeVie, "15138, 15187\n15045;15138  "));

        reponse.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var territoire = await TerritoireAsync("15", "Bassin de Murat");
        territoire.DepartementId.ShouldBe(cantal);
        territoire.Type.ShouldBe(TypeTerritoire.BassinDeVie);
        territoire.Communes.Select(c => c.CommuneCode).ShouldBe(["15045", "15138", "15187"], ignoreOrder: true);
        var liste = (await client.PageAsync("/administration/territoires?TypeFiltre=BassinDeVie")).Document;
        liste.QuerySelector(".alerte-succes")!.TextContent.ShouldContain("est créé avec 3 communes");
        liste.QuerySelectorAll("tbody tr").Single(l => l.TextContent.Contains("Bassin de Murat", StringComparison.Ordinal))
            .QuerySelectorAll("td")[1].TextContent.ShouldBe("3");
        var fiche = (await client.PageAsync($"/administration/territoires/{territoire.Id}")).Document;
        fiche.QuerySelector("#titre-communes")!.ParentElement!.TextContent.ShouldContain("Chaudes-Aigues");

        await using var db = app.Base.Contexte(cantal);
        var journal = await db.JournalAcces.SingleAsync(j => j.EnregistrementId == territoire.Id);
        journal.Action.ShouldBe(ActionJournal.Creation);
        journal.TypeEnregistrement.ShouldBe(nameof(Territoire));
        journal.AgentId.ShouldNotBeNull();
    }

    [Fact]
    public async Task Les_codes_inconnus_ou_d_un_autre_departement_sont_tous_listes_et_rien_n_est_ecrit()
    {
        using var client = await ConnecteAsync();

        var reponse = await client.PosterAsync("/administration/territoires/nouveau",
            Saisie("Bassin mal saisi", TypeTerritoire.BassinDeVie, "15014 63113 99999 15000 14118"));

        (await ErreurAsync(reponse, "#Saisie_Communes-erreur"))
            .ShouldBe("Ces codes ne correspondent à aucune commune du département : 14118, 15000, 63113, 99999.");
        (await NombreAsync("Bassin mal saisi")).ShouldBe(0);
    }

    [Fact]
    public async Task Un_seul_code_etranger_est_nomme_au_singulier()
    {
        using var client = await ConnecteAsync();

        var reponse = await client.PosterAsync("/administration/territoires/nouveau",
            Saisie("Bassin clermontois", TypeTerritoire.BassinDeVie, "15014 63113"));

        (await ErreurAsync(reponse, "#Saisie_Communes-erreur")).ShouldBe("Le code 63113 ne correspond à aucune commune du département.");
        (await NombreAsync("Bassin clermontois")).ShouldBe(0);
    }

    [Fact]
    public async Task Un_nom_deja_pris_pour_ce_type_est_refuse_pres_du_champ_mais_libre_pour_un_autre_type()
    {
        using var client = await ConnecteAsync();

        var doublon = await client.PosterAsync("/administration/territoires/nouveau", Saisie(" Aurillac ", TypeTerritoire.BassinDeVie, "15014"));
        var autreType = await client.PosterAsync("/administration/territoires/nouveau", Saisie("Aurillac", TypeTerritoire.Circonscription, "15014"));

        (await ErreurAsync(doublon, "#Saisie_Nom-erreur")).ShouldContain("Un territoire de ce type porte déjà ce nom.");
        autreType.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        (await db.Territoires.Where(t => t.Nom == "Aurillac").Select(t => t.Type).ToListAsync())
            .ShouldBe([TypeTerritoire.BassinDeVie, TypeTerritoire.Circonscription], ignoreOrder: true);
    }

    [Fact]
    public async Task Le_meme_nom_dans_un_autre_departement_n_empeche_pas_la_creation()
    {
        using var client = await ConnecteAsync();

        var reponse = await client.PosterAsync("/administration/territoires/nouveau",
            Saisie("Circonscription de Riom", TypeTerritoire.Circonscription, "15187"));

        reponse.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await NombreAsync("Circonscription de Riom")).ShouldBe(2);
    }

    [Fact]
    public async Task Le_type_et_le_nom_manquants_sont_signales_en_francais()
    {
        using var client = await ConnecteAsync();

        var reponse = await client.PosterAsync("/administration/territoires/nouveau", Saisie("", null, "15014"));

        var document = await ClientPasserelle.DocumentAsync(reponse);
        document.QuerySelector("#Saisie_Nom-erreur")!.TextContent.ShouldContain("Saisissez le nom du territoire.");
        document.QuerySelector("#Saisie_Type-erreur")!.TextContent.ShouldContain("Choisissez le type de territoire.");
        document.QuerySelector(".resume-erreurs h2")!.TextContent.ShouldBe("Le formulaire contient 2 erreurs");
    }

    [Fact]
    public async Task La_modification_remplace_les_communes_et_la_fiche_les_affiche()
    {
        using var client = await ConnecteAsync();
        var clai = await TerritoireAsync("15", "CLAI de Saint-Flour");

        var reponse = await client.PosterAsync($"/administration/territoires/{clai.Id}", Modification(clai, communes: "15187\n15138"));

        reponse.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var apres = await TerritoireAsync("15", "CLAI de Saint-Flour");
        apres.Communes.Select(c => c.CommuneCode).ShouldBe(["15138", "15187"], ignoreOrder: true);
        apres.Version.ShouldBe(clai.Version + 1);
        var fiche = (await client.PageAsync($"/administration/territoires/{clai.Id}")).Document;
        fiche.QuerySelector<IHtmlTextAreaElement>("#Saisie_Communes")!.Value.ShouldBe("15138, 15187");
        fiche.QuerySelectorAll("table tbody tr").Select(l => l.QuerySelector("td")!.TextContent).ShouldBe(["Murat", "Saint-Flour"]);
        await using var db = app.Base.Contexte(clai.DepartementId);
        (await db.JournalAcces.CountAsync(j => j.EnregistrementId == clai.Id && j.Action == ActionJournal.Modification)).ShouldBe(1);
    }

    [Fact]
    public async Task Renommer_vers_un_nom_pris_est_refuse_et_rien_ne_change()
    {
        using var client = await ConnecteAsync();
        var clai = await TerritoireAsync("15", "CLAI de Mauriac");

        var reponse = await client.PosterAsync($"/administration/territoires/{clai.Id}", Modification(clai, nom: "CLAI d'Aurillac", communes: "15120"));

        (await ErreurAsync(reponse, "#Saisie_Nom-erreur")).ShouldContain("Un territoire de ce type porte déjà ce nom.");
        var apres = await TerritoireAsync("15", "CLAI de Mauriac");
        apres.Version.ShouldBe(clai.Version);
        apres.Communes.Count.ShouldBe(4);
    }

    [Fact]
    public async Task Un_code_etranger_a_la_modification_laisse_le_territoire_intact()
    {
        using var client = await ConnecteAsync();
        var mauriac = await TerritoireAsync("15", "Mauriac");

        var reponse = await client.PosterAsync($"/administration/territoires/{mauriac.Id}", Modification(mauriac, communes: "15120 14118"));

        (await ErreurAsync(reponse, "#Saisie_Communes-erreur")).ShouldContain("14118");
        (await TerritoireAsync("15", "Mauriac")).Communes.Select(c => c.CommuneCode).ShouldBe(mauriac.Communes.Select(c => c.CommuneCode), ignoreOrder: true);
    }

    [Fact]
    public async Task Changer_seulement_les_communes_rend_perime_un_autre_formulaire_ouvert()
    {
        using var client = await ConnecteAsync();
        var clai = await TerritoireAsync("15", "CLAI d'Aurillac");

        var premier = await client.PosterAsync($"/administration/territoires/{clai.Id}", Modification(clai, communes: "15014 15012"));
        var second = await client.PosterAsync($"/administration/territoires/{clai.Id}", Modification(clai, communes: "15014 15267"));

        premier.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ErreurAsync(second, ".resume-erreurs")).ShouldContain("Cette fiche a été modifiée entre-temps par Hélène Vidalenc");
        (await TerritoireAsync("15", "CLAI d'Aurillac")).Communes.Select(c => c.CommuneCode).ShouldBe(["15012", "15014"], ignoreOrder: true);
    }

    [Fact]
    public async Task Un_territoire_d_un_autre_departement_repond_404_et_n_est_pas_modifie()
    {
        using var client = await ConnecteAsync();
        var bessin = await TerritoireAsync("14", "Circonscription d'action sociale du Bessin");

        var (lecture, _) = await client.PageAsync($"/administration/territoires/{bessin.Id}");
        var ecriture = await client.PosterDirectementAsync($"/administration/territoires/{bessin.Id}", Modification(bessin, nom: "Bessin annexé", communes: ""));

        lecture.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        ecriture.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var apres = await TerritoireAsync("14", "Circonscription d'action sociale du Bessin");
        apres.Version.ShouldBe(bessin.Version);
        apres.Communes.Select(c => c.CommuneCode).ShouldBe(["14047"]);
    }

    [Fact]
    public async Task Un_auditeur_recoit_403_et_ne_peut_rien_creer()
    {
        using var client = await ConnecteAsync("auditeur.cantal");

        var (liste, document) = await client.PageAsync("/administration/territoires");
        var ecriture = await client.PosterDirectementAsync("/administration/territoires/nouveau", Saisie("Territoire de l'auditeur", TypeTerritoire.BassinDeVie, "15014"));

        liste.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        document.QuerySelector("h1")!.TextContent.ShouldBe("Accès refusé");
        ecriture.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await NombreAsync("Territoire de l'auditeur")).ShouldBe(0);
    }
}

public sealed class TerritoiresSqliteTests(ApplicationSqlite app) : TerritoiresTests(app), IClassFixture<ApplicationSqlite>;

public sealed class TerritoiresPostgresTests(ApplicationPostgres app) : TerritoiresTests(app), IClassFixture<ApplicationPostgres>;
