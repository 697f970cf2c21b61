using System.Globalization;
using AngleSharp.Dom;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Passerelle.Domain;
using Passerelle.Tests.Support;

namespace Passerelle.Tests.Features;

public abstract class StructuresTests(ApplicationDeTest app)
{
    private async Task<ClientPasserelle> ConnecteAsync(string identifiant = "admin.cantal")
    {
        var client = app.Factory.Client();
        await client.ConnecterAsync(identifiant);
        return client;
    }

    private async Task<Guid> AgentAsync(string identifiant)
    {
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        return await db.Users.Where(a => a.Email == ClientPasserelle.Email(identifiant)).Select(a => a.Id).SingleAsync();
    }

    private async Task<Guid> TerritoireAsync(string departement, string nom)
    {
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync(departement));
        return await db.Territoires.Where(t => t.Nom == nom).Select(t => t.Id).SingleAsync();
    }

    private async Task<Structure> StructureAsync(string departement, string nom)
    {
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync(departement));
        return await db.Structures.AsNoTracking().Include(s => s.Territoires).SingleAsync(s => s.Nom == nom);
    }

    private async Task<bool> ExisteAsync(string nom)
    {
        await using var db = app.Base.Contexte();
        return await db.Structures.IgnoreQueryFilters().AnyAsync(s => s.Nom == nom);
    }

    private static List<KeyValuePair<string, string>> Creation(
        string nom, string type = nameof(TypeStructure.Association), string siret = "", string commune = "", params Guid[] territoires) =>
    [
        new("Saisie.Nom", nom),
        new("Saisie.Type", type),
        new("Saisie.Siret", siret),
        new("Saisie.Adresse", "3 rue des Carmes"),
        new("Saisie.CommuneCode", commune),
        .. territoires.Select(t => new KeyValuePair<string, string>("Saisie.TerritoireIds", t.ToString())),
    ];

    private static List<KeyValuePair<string, string>> Modification(Structure structure, string? nom = null, bool? active = null, IEnumerable<Guid>? territoires = null) =>
    [
        new("Saisie.Version", structure.Version.ToString(CultureInfo.InvariantCulture)),
        new("Saisie.Nom", nom ?? structure.Nom),
        new("Saisie.Type", structure.Type.ToString()),
        new("Saisie.Siret", structure.Siret ?? ""),
        new("Saisie.Adresse", structure.Adresse ?? ""),
        new("Saisie.CommuneCode", structure.CommuneCode ?? ""),
        .. (territoires ?? structure.Territoires.Select(t => t.TerritoireId)).Select(t => new KeyValuePair<string, string>("Saisie.TerritoireIds", t.ToString())),
        new("Saisie.Active", (active ?? structure.Active) ? "true" : "false"),
    ];

    [Fact]
    public async Task L_administrateur_cree_une_structure_avec_siret_commune_et_territoires()
    {
        using var client = await ConnecteAsync();
        var cantal = await app.Base.DepartementAsync("15");
        var aurillac = await TerritoireAsync("15", "Aurillac");
        var clai = await TerritoireAsync("15", "CLAI d'Aurillac");

        var reponse = await client.PosterAsync("/administration/structures/nouvelle",
            Creation("Épicerie solidaire du Cantal", siret: "732 829 320 00074", commune: " 15014 ", territoires: [aurillac, clai]));

        reponse.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await ClientPasserelle.DocumentAsync(reponse)).QuerySelector(".resume-erreurs")?.TextContent);
        reponse.Headers.Location!.OriginalString.ShouldBe("/administration/structures");
        var structure = await StructureAsync("15", "Épicerie solidaire du Cantal");
        structure.DepartementId.ShouldBe(cantal);
        structure.Type.ShouldBe(TypeStructure.Association);
        structure.Siret.ShouldBe("73282932000074");
        structure.CommuneCode.ShouldBe("15014");
        structure.Adresse.ShouldBe("3 rue des Carmes");
        structure.Active.ShouldBeTrue();
        structure.Territoires.Select(t => t.TerritoireId).ShouldBe([aurillac, clai], ignoreOrder: true);

        var liste = (await client.PageAsync("/administration/structures?Recherche=solidaire")).Document;
        var ligne = liste.QuerySelectorAll("tbody tr").Single();
        ligne.TextContent.ShouldContain("Épicerie solidaire du Cantal");
        ligne.TextContent.ShouldContain("Aurillac");
        liste.QuerySelector(".alerte-succes")!.TextContent.ShouldContain("La structure « Épicerie solidaire du Cantal » est créée.");

        await using var db = app.Base.Contexte(cantal);
        var journal = await db.JournalAcces.SingleAsync(j => j.EnregistrementId == structure.Id);
        journal.Action.ShouldBe(ActionJournal.Creation);
        journal.TypeEnregistrement.ShouldBe(nameof(Structure));
        journal.AgentId.ShouldBe(await AgentAsync("admin.cantal"));
    }

    [Fact]
    public async Task Un_siret_dont_la_cle_est_fausse_est_signale_pres_du_champ_et_rien_n_est_ecrit()
    {
        using var client = await ConnecteAsync();

        var reponse = await client.PosterAsync("/administration/structures/nouvelle", Creation("Structure au SIRET faux", siret: "732 829 320 00075"));

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = await ClientPasserelle.DocumentAsync(reponse);
        document.QuerySelector("#Saisie_Siret-erreur")!.TextContent.ShouldContain("clé de contrôle");
        document.QuerySelector("#Saisie_Siret")!.GetAttribute("aria-invalid").ShouldBe("true");
        (await ExisteAsync("Structure au SIRET faux")).ShouldBeFalse();
    }

    [Fact]
    public async Task Un_nom_manquant_est_signale_en_francais_pres_du_champ()
    {
        using var client = await ConnecteAsync();

        var reponse = await client.PosterAsync("/administration/structures/nouvelle", Creation("  "));

        var document = await ClientPasserelle.DocumentAsync(reponse);
        document.QuerySelector("#Saisie_Nom-erreur")!.TextContent.ShouldContain("Saisissez le nom de la structure.");
        document.QuerySelector(".resume-erreurs")!.TextContent.ShouldContain("Saisissez le nom de la structure.");
    }

    [Fact]
    public async Task Une_commune_d_un_autre_departement_est_refusee_pres_du_champ()
    {
        using var client = await ConnecteAsync();

        var reponse = await client.PosterAsync("/administration/structures/nouvelle", Creation("Antenne de Clermont", commune: "63113"));

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ClientPasserelle.DocumentAsync(reponse)).QuerySelector("#Saisie_CommuneCode-erreur")!.TextContent
            .ShouldContain("Le code 63113 ne correspond à aucune commune de votre département.");
        (await ExisteAsync("Antenne de Clermont")).ShouldBeFalse();
    }

    [Fact]
    public async Task Un_territoire_d_un_autre_departement_est_refuse_et_rien_n_est_ecrit()
    {
        using var client = await ConnecteAsync();
        var bessin = await TerritoireAsync("14", "Circonscription d'action sociale du Bessin");

        var reponse = await client.PosterAsync("/administration/structures/nouvelle", Creation("Antenne du Bessin", commune: "15014", territoires: bessin));

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ClientPasserelle.DocumentAsync(reponse)).QuerySelector(".resume-erreurs")!.TextContent.ShouldContain("Choisissez des territoires de votre département.");
        (await ExisteAsync("Antenne du Bessin")).ShouldBeFalse();
    }

    [Fact]
    public async Task Le_type_reserve_a_la_plateforme_est_refuse()
    {
        using var client = await ConnecteAsync();

        var formulaire = (await client.PageAsync("/administration/structures/nouvelle")).Document;
        var reponse = await client.PosterAsync("/administration/structures/nouvelle", Creation("Plateforme bis", type: nameof(TypeStructure.Plateforme)));

        formulaire.QuerySelectorAll("#Saisie_Type option").Select(o => o.GetAttribute("value")).ShouldNotContain(nameof(TypeStructure.Plateforme));
        (await ClientPasserelle.DocumentAsync(reponse)).QuerySelector(".resume-erreurs")!.TextContent.ShouldContain("réservé à la plateforme");
        (await ExisteAsync("Plateforme bis")).ShouldBeFalse();
    }

    [Fact]
    public async Task Une_structure_desactivee_quitte_la_liste_des_actives_et_n_est_plus_proposee_aux_nouveaux_comptes()
    {
        using var client = await ConnecteAsync();
        var msa = await StructureAsync("15", "MSA Auvergne – Cantal");

        var reponse = await client.PosterAsync($"/administration/structures/{msa.Id}", Modification(msa, active: false));

        reponse.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await StructureAsync("15", "MSA Auvergne – Cantal")).Active.ShouldBeFalse();
        var actives = (await client.PageAsync("/administration/structures?Recherche=MSA")).Document;
        var inactives = (await client.PageAsync("/administration/structures?Recherche=MSA&Statut=inactives")).Document;
        actives.QuerySelector(".vide")!.TextContent.ShouldContain("Aucune structure");
        inactives.QuerySelector("tbody")!.TextContent.ShouldContain("Désactivée");
        var nouvelAgent = (await client.PageAsync("/administration/agents/nouveau")).Document;
        nouvelAgent.QuerySelectorAll("#Saisie_StructureId option").Select(o => o.TextContent).ShouldNotContain(t => t.Contains("MSA"));

        await using var db = app.Base.Contexte(msa.DepartementId);
        (await db.JournalAcces.CountAsync(j => j.EnregistrementId == msa.Id && j.Action == ActionJournal.Modification)).ShouldBe(1);
        var historique = await db.HistoriqueModifications.SingleAsync(h => h.EntiteId == msa.Id);
        historique.Champ.ShouldBe(nameof(Structure.Active));
        historique.NouvelleValeur.ShouldBe("False");
    }

    [Fact]
    public async Task Un_formulaire_perime_affiche_qui_a_modifie_entre_temps_et_n_ecrase_rien()
    {
        using var client = await ConnecteAsync();
        var cap = await StructureAsync("15", "Cap emploi Cantal");

        (await client.PosterAsync($"/administration/structures/{cap.Id}", Modification(cap, nom: "Cap emploi 15"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var perime = await client.PosterAsync($"/administration/structures/{cap.Id}", Modification(cap, nom: "Cap emploi du Cantal"));

        perime.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = await ClientPasserelle.DocumentAsync(perime);
        document.QuerySelector(".resume-erreurs")!.TextContent.ShouldContain("modifiée entre-temps par Hélène Vidalenc");
        document.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Saisie_Nom")!.Value.ShouldBe("Cap emploi 15");
        await using var db = app.Base.Contexte(cap.DepartementId);
        (await db.Structures.SingleAsync(s => s.Id == cap.Id)).Nom.ShouldBe("Cap emploi 15");
    }

    [Fact]
    public async Task Changer_seulement_les_territoires_rend_perime_un_autre_formulaire_ouvert()
    {
        using var client = await ConnecteAsync();
        var mission = await StructureAsync("15", "Mission locale d'Aurillac");
        var clai = await TerritoireAsync("15", "CLAI d'Aurillac");
        var mauriac = await TerritoireAsync("15", "Mauriac");

        var premier = await client.PosterAsync($"/administration/structures/{mission.Id}",
            Modification(mission, territoires: [.. mission.Territoires.Select(t => t.TerritoireId), clai]));
        var second = await client.PosterAsync($"/administration/structures/{mission.Id}",
            Modification(mission, territoires: [mauriac]));

        premier.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ClientPasserelle.DocumentAsync(second)).QuerySelector(".resume-erreurs")!.TextContent.ShouldContain("modifiée entre-temps par Hélène Vidalenc");
        var apres = await StructureAsync("15", "Mission locale d'Aurillac");
        apres.Territoires.Select(t => t.TerritoireId).ShouldContain(clai);
        apres.Territoires.Select(t => t.TerritoireId).ShouldNotContain(mauriac);
    }

    [Fact]
    public async Task Une_structure_d_un_autre_departement_repond_404_et_n_est_pas_modifiee()
    {
        using var client = await ConnecteAsync();
        var recyclerie = await StructureAsync("14", "Chantier d'insertion Recyclerie de l'Orne");

        var (lecture, _) = await client.PageAsync($"/administration/structures/{recyclerie.Id}");
        var ecriture = await client.PosterDirectementAsync($"/administration/structures/{recyclerie.Id}", Modification(recyclerie, nom: "Recyclerie annexée", active: false));

        lecture.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        ecriture.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var apres = await StructureAsync("14", "Chantier d'insertion Recyclerie de l'Orne");
        apres.Active.ShouldBeTrue();
        apres.Version.ShouldBe(recyclerie.Version);
    }

    [Theory]
    [InlineData("métiers")]
    [InlineData("MÉTIERS")]
    [InlineData("chambre de métiers")]
    public async Task La_recherche_trouve_un_nom_accentue_quelle_que_soit_la_casse(string recherche)
    {
        using var client = await ConnecteAsync();

        var document = (await client.PageAsync($"/administration/structures?Recherche={Uri.EscapeDataString(recherche)}")).Document;

        document.QuerySelectorAll("tbody tr").Select(l => l.Children[0].TextContent.Trim())
            .ShouldBe(["Chambre de métiers et de l'artisanat du Cantal"]);
    }

    [Fact]
    public async Task Un_referent_recoit_403_et_ne_peut_rien_creer()
    {
        using var client = await ConnecteAsync("referent.cantal");

        var (liste, _) = await client.PageAsync("/administration/structures");
        var (creation, _) = await client.PageAsync("/administration/structures/nouvelle");
        var ecriture = await client.PosterDirectementAsync("/administration/structures/nouvelle", Creation("Structure du référent"));

        liste.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        creation.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        ecriture.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ExisteAsync("Structure du référent")).ShouldBeFalse();
    }
}

public sealed class StructuresSqliteTests(ApplicationSqlite app) : StructuresTests(app), IClassFixture<ApplicationSqlite>;

public sealed class StructuresPostgresTests(ApplicationPostgres app) : StructuresTests(app), IClassFixture<ApplicationPostgres>;
