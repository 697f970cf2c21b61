using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Administration.Qpv;
using Passerelle.Infrastructure.Audit;
using Passerelle.Infrastructure.Tenancy;
using Passerelle.Tests.Support;

namespace Passerelle.Tests.Features;

public abstract class QpvTests(ApplicationDeTest app)
{
    /// <summary>The service over a context of one département, as a command would build it: no request, no agent.</summary>
    private sealed class Import(PasserelleDbContext db, ServiceQpv service) : IAsyncDisposable
    {
        public PasserelleDbContext Db => db;

        public Task<ResultatImportQpv> ImporterAsync(string csv, bool bom = false) =>
            ImporterAsync(bom ? [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)] : Encoding.UTF8.GetBytes(csv));

        public async Task<ResultatImportQpv> ImporterAsync(byte[] octets)
        {
            await using var flux = new MemoryStream(octets);
            return await service.ImporterAsync(flux);
        }

        public ValueTask DisposeAsync() => db.DisposeAsync();
    }

    private async Task<Import> ImportAsync(string departement)
    {
        var id = await app.Base.DepartementAsync(departement);
        var db = app.Base.Contexte(id);
        var departementCourant = new DepartementCourant(new HttpContextAccessor());
        departementCourant.Definir(id);
        var journal = new Journal(db, new AgentCourant(new HttpContextAccessor()), departementCourant, TimeProvider.System);
        return new Import(db, new ServiceQpv(db, journal));
    }

    private async Task<Dictionary<string, (string Nom, string Commune)>> QuartiersAsync(string departement)
    {
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync(departement));
        return await db.Qpvs.ToDictionaryAsync(q => q.Code, q => (q.Nom, q.CommuneCode));
    }

    private async Task<int> ImportsJournalisesAsync(string departement)
    {
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync(departement));
        return await db.JournalAcces.CountAsync(j => j.TypeEnregistrement == ServiceQpv.TypeJournal);
    }

    private static async Task<HttpResponseMessage> EnvoyerAsync(ClientPasserelle client, byte[]? fichier, string nomFichier = "qpv.csv")
    {
        var jeton = await client.JetonAsync("/administration/qpv");
        using var contenu = new MultipartFormDataContent { { new StringContent(jeton), "__RequestVerificationToken" } };
        if (fichier is not null)
        {
            var partie = new ByteArrayContent(fichier);
            partie.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            contenu.Add(partie, "Fichier", nomFichier);
        }

        return await client.Http.PostAsync("/administration/qpv", contenu);
    }

    private async Task<ClientPasserelle> ConnecteAsync(string identifiant = "admin.cantal")
    {
        var client = app.Factory.Client();
        await client.ConnecterAsync(identifiant);
        return client;
    }

    [Fact]
    public async Task Un_fichier_excel_au_point_virgule_avec_bom_et_colonnes_dans_le_desordre_est_importe()
    {
        var avant = await ImportsJournalisesAsync("15");
        await using var import = await ImportAsync("15");

        var resultat = await import.ImporterAsync(
            "Commune;NOM;Code\r\n15014;Marmiers;QN01501M\r\n 15014 ;\"Le Cap Blanc; Aurillac\";qn01502m\r\n",
            bom: true);

        resultat.Reussi.ShouldBeTrue(string.Join(" ", resultat.Erreurs));
        (resultat.Ajoutes, resultat.MisAJour, resultat.Inchanges).ShouldBe((2, 0, 0));
        var quartiers = await QuartiersAsync("15");
        quartiers["QN01501M"].ShouldBe(("Marmiers", "15014"));
        quartiers["QN01502M"].ShouldBe(("Le Cap Blanc; Aurillac", "15014"));
        (await ImportsJournalisesAsync("15")).ShouldBe(avant + 1);
    }

    [Fact]
    public async Task Un_fichier_a_la_virgule_avec_guillemets_doubles_est_importe()
    {
        await using var import = await ImportAsync("15");

        var resultat = await import.ImporterAsync("code,nom,commune\nQN01511M,\"Quartier \"\"Les Alouettes\"\", Aurillac\",15014\n");

        resultat.Reussi.ShouldBeTrue(string.Join(" ", resultat.Erreurs));
        resultat.Ajoutes.ShouldBe(1);
        (await QuartiersAsync("15"))["QN01511M"].Nom.ShouldBe("Quartier \"Les Alouettes\", Aurillac");
    }

    [Fact]
    public async Task Une_seule_ligne_invalide_et_rien_n_est_importe_avec_le_numero_de_chaque_ligne_fautive()
    {
        var avant = await ImportsJournalisesAsync("15");
        await using var import = await ImportAsync("15");

        var resultat = await import.ImporterAsync(string.Join('\n',
            "code;nom;commune",
            "QN01521M;Valide;15014",
            "",
            "QN01522M;Clermont;63113",
            "QN01523M;Inconnue;99999",
            "QN01524M;;15014",
            "qn01521m;Doublon;15014",
            "QN01525M;Incomplète",
            "QN01526M;\"Ouvert;15014"));

        resultat.Reussi.ShouldBeFalse();
        resultat.LignesInvalides.ShouldBe(6);
        resultat.Erreurs.ShouldBe(
        [
            "Ligne 4 : la commune 63113 n'est pas dans votre département.",
            "Ligne 5 : la commune 99999 n'existe pas (code officiel géographique à 5 caractères attendu).",
            "Ligne 6 : le nom est vide.",
            "Ligne 7 : le code QN01521M figure déjà ligne 2.",
            "Ligne 8 : 2 colonnes au lieu d'au moins 3.",
            "Ligne 9 : un guillemet n'est pas fermé.",
        ]);
        (resultat.Ajoutes, resultat.MisAJour).ShouldBe((0, 0));
        (await QuartiersAsync("15")).Keys.ShouldNotContain(k => k.StartsWith("QN0152", StringComparison.Ordinal));
        (await ImportsJournalisesAsync("15")).ShouldBe(avant);
    }

    [Fact]
    public async Task Au_dela_de_dix_lignes_invalides_seules_les_dix_premieres_sont_detaillees()
    {
        await using var import = await ImportAsync("15");
        var lignes = Enumerable.Range(1, 12).Select(i => $"QN0159{i:00};Quartier {i};63113");

        var resultat = await import.ImporterAsync("code;nom;commune\n" + string.Join('\n', lignes));

        resultat.LignesInvalides.ShouldBe(12);
        resultat.Erreurs.Count.ShouldBe(ServiceQpv.ErreursAffichees);
        resultat.Erreurs[^1].ShouldStartWith("Ligne 11 :");
        (await QuartiersAsync("15")).Keys.ShouldNotContain(k => k.StartsWith("QN0159", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Un_nouvel_import_met_a_jour_d_apres_le_code_et_garde_les_quartiers_absents_du_fichier()
    {
        await using var import = await ImportAsync("63");

        var resultat = await import.ImporterAsync(
            "code;nom;commune\nQN06302M;Les Vergnes – La Plaine;63113\nQN06301M;Croix de Neyrat;63113\nQN06399M;Quartier Nord de Riom;63300\n");

        resultat.Reussi.ShouldBeTrue(string.Join(" ", resultat.Erreurs));
        (resultat.Ajoutes, resultat.MisAJour, resultat.Inchanges).ShouldBe((1, 1, 1));
        var quartiers = await QuartiersAsync("63");
        quartiers["QN06302M"].ShouldBe(("Les Vergnes – La Plaine", "63113"));
        quartiers["QN06399M"].ShouldBe(("Quartier Nord de Riom", "63300"));
        quartiers["QN06303M"].ShouldBe(("Champratel", "63113"));
        quartiers["QN06306M"].ShouldBe(("Fontaine du Bac", "63113"));
    }

    [Fact]
    public async Task Un_code_connu_dans_un_autre_departement_cree_un_quartier_sans_toucher_a_l_autre()
    {
        await using var import = await ImportAsync("15");

        var resultat = await import.ImporterAsync("code;nom;commune\nQN06304M;Homonyme du Cantal;15014\n");

        resultat.Reussi.ShouldBeTrue(string.Join(" ", resultat.Erreurs));
        resultat.Ajoutes.ShouldBe(1);
        (await QuartiersAsync("15"))["QN06304M"].ShouldBe(("Homonyme du Cantal", "15014"));
        (await QuartiersAsync("63"))["QN06304M"].ShouldBe(("La Gauthière", "63113"));
    }

    [Theory]
    [InlineData("code;nom\nQN01541M;Sans commune\n", "La première ligne doit nommer les colonnes code, nom et commune, dans n'importe quel ordre (manquante : commune).")]
    [InlineData("quartier;libelle;insee\nQN01541M;Noms inconnus;15014\n", "(manquantes : code, nom, commune)")]
    [InlineData("code;nom;commune;code\nQN01541M;Deux codes;15014;QN01542M\n", "La ligne d'en-tête nomme plusieurs fois la colonne code.")]
    [InlineData("code;nom;commune\n\n", "Le fichier ne contient aucun quartier après la ligne d'en-tête.")]
    [InlineData("  \n", "Le fichier est vide")]
    public async Task Un_en_tete_incorrect_est_refuse_en_francais(string csv, string message)
    {
        await using var import = await ImportAsync("15");

        var resultat = await import.ImporterAsync(csv);

        resultat.Reussi.ShouldBeFalse();
        resultat.Erreurs.Single().ShouldContain(message);
        (await QuartiersAsync("15")).Keys.ShouldNotContain("QN01541M");
    }

    [Fact]
    public async Task Un_fichier_enregistre_en_windows_1252_est_refuse_plutot_qu_importe_avec_des_noms_abimes()
    {
        await using var import = await ImportAsync("15");
        byte[] latin1 = [.. Encoding.ASCII.GetBytes("code;nom;commune\nQN01551M;Quartier de la Gare "), 0xE9, .. Encoding.ASCII.GetBytes("e;15014\n")];

        var resultat = await import.ImporterAsync(latin1);

        resultat.Erreurs.Single().ShouldContain("n'est pas encodé en UTF-8");
        (await QuartiersAsync("15")).Keys.ShouldNotContain("QN01551M");
    }

    [Fact]
    public async Task Un_fichier_de_plus_d_un_mo_est_refuse()
    {
        await using var import = await ImportAsync("15");
        var gros = new StringBuilder("code;nom;commune\n");
        for (var i = 0; gros.Length <= ServiceQpv.TailleMaximale; i++)
        {
            gros.Append(System.Globalization.CultureInfo.InvariantCulture, $"QX{i:000000};Quartier fictif numéro {i} de la liste trop longue;15014\n");
        }

        var resultat = await import.ImporterAsync(gros.ToString());

        resultat.Erreurs.ShouldBe([ServiceQpv.MessageTropGros]);
        (await QuartiersAsync("15")).Keys.ShouldNotContain("QX000000");
    }

    [Fact]
    public async Task L_administrateur_importe_un_fichier_par_la_page_et_voit_le_bilan()
    {
        using var client = await ConnecteAsync();
        var cantal = await app.Base.DepartementAsync("15");

        var reponse = await EnvoyerAsync(client, Encoding.UTF8.GetBytes("code;nom;commune\nQN01531M;Quartier de la Page;15014\n"));

        reponse.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var document = (await client.PageAsync("/administration/qpv?Recherche=QN01531M")).Document;
        document.QuerySelector(".alerte-succes")!.TextContent.ShouldBe("Liste des quartiers prioritaires importée : 1 ajouté, 0 mis à jour.");
        var ligne = document.QuerySelectorAll("tbody tr").Single();
        ligne.TextContent.ShouldContain("Quartier de la Page");
        ligne.TextContent.ShouldContain("Aurillac");
        (await QuartiersAsync("15"))["QN01531M"].ShouldBe(("Quartier de la Page", "15014"));
        await using var db = app.Base.Contexte(cantal);
        var admin = await db.Users.Where(a => a.Email == ClientPasserelle.Email("admin.cantal")).Select(a => a.Id).SingleAsync();
        (await db.JournalAcces.CountAsync(j => j.TypeEnregistrement == ServiceQpv.TypeJournal && j.AgentId == admin && j.Action == ActionJournal.Creation))
            .ShouldBe(1);
    }

    [Fact]
    public async Task Un_fichier_refuse_par_la_page_liste_ses_erreurs_pres_du_champ_et_ne_change_rien()
    {
        using var client = await ConnecteAsync();
        var avant = await ImportsJournalisesAsync("15");

        var reponse = await EnvoyerAsync(client, Encoding.UTF8.GetBytes("code;nom;commune\nQN01561M;Refusé;15014\nQN01562M;Clermont;63113\n"));

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        var erreur = (await ClientPasserelle.DocumentAsync(reponse)).QuerySelector("#Fichier-erreur")!.TextContent;
        erreur.ShouldContain("Le fichier n'a pas été importé : une ligne est invalide. La liste des quartiers est inchangée");
        erreur.ShouldContain("Ligne 3 : la commune 63113 n'est pas dans votre département.");
        (await QuartiersAsync("15")).Keys.ShouldNotContain("QN01561M");
        (await ImportsJournalisesAsync("15")).ShouldBe(avant);
    }

    [Fact]
    public async Task Sans_fichier_la_page_demande_d_en_choisir_un()
    {
        using var client = await ConnecteAsync();

        var reponse = await EnvoyerAsync(client, null);

        (await ClientPasserelle.DocumentAsync(reponse)).QuerySelector("#Fichier-erreur")!.TextContent
            .ShouldContain("Choisissez le fichier CSV de la liste officielle des quartiers prioritaires.");
    }

    [Fact]
    public async Task La_page_ne_montre_pas_les_quartiers_d_un_autre_departement()
    {
        using var client = await ConnecteAsync();

        var document = (await client.PageAsync("/administration/qpv?Recherche=Neyrat")).Document;

        document.QuerySelector(".vide")!.TextContent.ShouldBe("Aucun quartier prioritaire ne correspond à cette recherche.");
    }

    [Fact]
    public async Task La_recherche_trouve_un_quartier_par_un_mot_accentue_en_minuscules()
    {
        await using (var import = await ImportAsync("15"))
        {
            (await import.ImporterAsync("code;nom;commune\nQN01581M;Quartier de l'Égalité;15014\n")).Reussi.ShouldBeTrue();
        }

        using var client = await ConnecteAsync();

        var document = (await client.PageAsync($"/administration/qpv?Recherche={Uri.EscapeDataString("égalité")}")).Document;

        document.QuerySelectorAll("tbody tr").Select(l => l.Children[0].TextContent).ShouldBe(["QN01581M"]);
    }

    [Fact]
    public async Task Un_referent_recoit_403_et_son_import_n_est_pas_applique()
    {
        using var client = await ConnecteAsync("referent.cantal");

        var (page, _) = await client.PageAsync("/administration/qpv");
        var jeton = await client.JetonAsync("/");
        using var contenu = new MultipartFormDataContent
        {
            { new StringContent(jeton), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("code;nom;commune\nQN01571M;Import du référent;15014\n")), "Fichier", "qpv.csv" },
        };
        var envoi = await client.Http.PostAsync("/administration/qpv", contenu);

        page.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        envoi.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await QuartiersAsync("15")).Keys.ShouldNotContain("QN01571M");
    }
}

public sealed class QpvSqliteTests(ApplicationSqlite app) : QpvTests(app), IClassFixture<ApplicationSqlite>;

public sealed class QpvPostgresTests(ApplicationPostgres app) : QpvTests(app), IClassFixture<ApplicationPostgres>;
