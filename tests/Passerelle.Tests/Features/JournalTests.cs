using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Passerelle.Domain;
using Passerelle.Features.JournalDesAcces;
using Passerelle.Tests.Support;

namespace Passerelle.Tests.Features;

public abstract class JournalTests(ApplicationDeTest app)
{
    private async Task<ClientPasserelle> ConnecteAsync(string identifiant = "auditeur.cantal")
    {
        var client = app.Factory.Client();
        await client.ConnecterAsync(identifiant);
        return client;
    }

    private async Task<Guid> AgentAsync(string identifiant, string departement = "15")
    {
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync(departement));
        return await db.Users.Where(a => a.Email == ClientPasserelle.Email(identifiant)).Select(a => a.Id).SingleAsync();
    }

    private async Task EcrireAsync(string departement, params (DateTime Instant, Guid? Agent, ActionJournal Action, string Type, Guid Enregistrement, string Ip)[] lignes)
    {
        var id = await app.Base.DepartementAsync(departement);
        await using var db = app.Base.Contexte(id);
        db.JournalAcces.AddRange(lignes.Select(l => new JournalAcces(l.Instant, l.Agent, id, l.Action, l.Type, l.Enregistrement, l.Ip, "test")));
        await db.SaveChangesAsync();
    }

    /// <summary>The journal rows of the page, each as its cells' text.</summary>
    private static List<string[]> Lignes(IHtmlDocument document) =>
        document.QuerySelectorAll("tbody tr").Select(l => l.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();

    [Fact]
    public async Task L_auditeur_voit_qui_a_cree_quoi_mais_jamais_le_contenu_de_l_enregistrement()
    {
        using var administrateur = app.Factory.Client();
        await administrateur.ConnecterAsync("admin.cantal");
        (await administrateur.PosterAsync("/administration/structures/nouvelle",
        [
            new("Saisie.Nom", "Atelier Zéphyr confidentiel"), new("Saisie.Type", nameof(TypeStructure.Association)),
            new("Saisie.Siret", "44306184100047"), new("Saisie.Adresse", "17 impasse des Secrets"),
        ])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Guid structure;
        await using (var db = app.Base.Contexte(await app.Base.DepartementAsync("15")))
        {
            structure = await db.Structures.Where(s => s.Nom == "Atelier Zéphyr confidentiel").Select(s => s.Id).SingleAsync();
        }

        using var auditeur = await ConnecteAsync();
        var (reponse, document) = await auditeur.PageAsync($"/journal?Type=Structure&Enregistrement={structure}");

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        var ligne = Lignes(document).ShouldHaveSingleItem();
        ligne[1..5].ShouldBe(["Hélène Vidalenc", "Création", "Structure", structure.ToString()]);
        var page = document.Body!.TextContent;
        page.ShouldNotContain("Zéphyr");
        page.ShouldNotContain("44306184100047");
        page.ShouldNotContain("Secrets");
    }

    [Fact]
    public async Task Les_lignes_et_les_agents_d_un_autre_departement_n_apparaissent_jamais()
    {
        var enregistrement = Guid.CreateVersion7();
        var referentCalvados = await AgentAsync("referent.calvados", "14");
        await EcrireAsync("14", (DateTime.UtcNow, referentCalvados, ActionJournal.Export, "Beneficiaire", enregistrement, "10.14.14.14"));
        using var client = await ConnecteAsync();

        var (tout, document) = await client.PageAsync("/journal");
        var parEnregistrement = (await client.PageAsync($"/journal?Enregistrement={enregistrement}")).Document;
        var parAgent = (await client.PageAsync($"/journal?AgentId={referentCalvados}")).Document;

        tout.StatusCode.ShouldBe(HttpStatusCode.OK);
        Lignes(document).ShouldNotBeEmpty();
        document.Body!.TextContent.ShouldNotContain("10.14.14.14");
        document.QuerySelectorAll("#AgentId option").Select(o => o.TextContent).ShouldNotContain("Hébert Yann");
        document.QuerySelectorAll("#AgentId option").Select(o => o.TextContent).ShouldContain("Vidalenc Hélène");
        parEnregistrement.QuerySelector(".vide")!.TextContent.ShouldBe("Aucune ligne du journal ne correspond à ces critères.");
        parAgent.QuerySelector(".vide")!.TextContent.ShouldBe("Aucune ligne du journal ne correspond à ces critères.");
    }

    [Fact]
    public async Task Les_filtres_par_agent_action_type_et_jours_du_departement_se_combinent()
    {
        var referent = await AgentAsync("referent.cantal");
        var responsable = await AgentAsync("responsable.cantal");
        var (a, b, c, d) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await EcrireAsync("15",
            (new DateTime(2024, 3, 10, 10, 0, 0, DateTimeKind.Utc), referent, ActionJournal.Consultation, "TestFiltre", a, "10.0.0.1"),
            (new DateTime(2024, 3, 11, 9, 0, 0, DateTimeKind.Utc), responsable, ActionJournal.Export, "TestFiltre", d, "10.0.0.4"),
            // 23:30 in Paris on 12 March, and 00:30 on the 13th: the days are the département's, not UTC's.
            (new DateTime(2024, 3, 12, 22, 30, 0, DateTimeKind.Utc), referent, ActionJournal.Export, "TestFiltre", b, "10.0.0.2"),
            (new DateTime(2024, 3, 12, 23, 30, 0, DateTimeKind.Utc), referent, ActionJournal.Export, "TestFiltre", c, "10.0.0.3"));
        using var client = await ConnecteAsync();

        var parDates = Lignes((await client.PageAsync("/journal?Type=TestFiltre&Du=2024-03-11&Au=2024-03-12")).Document);
        var parAgentEtAction = Lignes((await client.PageAsync($"/journal?Type=TestFiltre&Action=Export&AgentId={referent}")).Document);
        var depuisLe13 = Lignes((await client.PageAsync("/journal?Type=TestFiltre&Du=2024-03-13")).Document);
        var consultations = Lignes((await client.PageAsync("/journal?Type=TestFiltre&Action=Consultation")).Document);

        parDates.Select(l => l[4]).ShouldBe([b.ToString(), d.ToString()]);
        parDates[0][0].ShouldBe("12/03/2024 23:30:00");
        parDates[0][1].ShouldBe("Julien Couderc");
        parDates[0][5].ShouldBe("10.0.0.2");
        parAgentEtAction.Select(l => l[4]).ShouldBe([c.ToString(), b.ToString()]);
        depuisLe13.Select(l => l[4]).ShouldBe([c.ToString()]);
        consultations.Select(l => l[4]).ShouldBe([a.ToString()]);
    }

    [Fact]
    public async Task Des_criteres_invalides_sont_signales_en_francais_pres_des_champs()
    {
        using var client = await ConnecteAsync();

        var document = (await client.PageAsync("/journal?Enregistrement=abc&Du=2024-03-12&Au=2024-03-11")).Document;
        var dateImpossible = (await client.PageAsync("/journal?Du=31/02/2024")).Document;

        document.QuerySelector("#Enregistrement-erreur")!.TextContent.ShouldStartWith("L'identifiant d'enregistrement n'est pas valide");
        document.QuerySelector("#Au-erreur")!.TextContent.ShouldBe("La date de fin ne peut pas précéder la date de début.");
        document.QuerySelector(".vide")!.TextContent.ShouldBe("Corrigez les critères de recherche pour afficher le journal.");
        Lignes(document).ShouldBeEmpty();
        dateImpossible.QuerySelector("#Du-erreur")!.TextContent.ShouldBe("La valeur « 31/02/2024 » n'est pas valide pour la date de début.");
    }

    [Fact]
    public async Task Chaque_consultation_du_journal_est_elle_meme_journalisee()
    {
        var auditeur = await AgentAsync("auditeur.cantal");
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        var avant = await db.JournalAcces.CountAsync(j => j.AgentId == auditeur && j.TypeEnregistrement == ServiceJournal.TypeJournal);
        using var client = await ConnecteAsync();

        await client.PageAsync("/journal");
        await client.PageAsync("/journal?Enregistrement=pas-un-identifiant");

        var lignes = await db.JournalAcces.Where(j => j.AgentId == auditeur && j.TypeEnregistrement == ServiceJournal.TypeJournal).ToListAsync();
        lignes.Count.ShouldBe(avant + 2);
        lignes.ShouldAllBe(l => l.Action == ActionJournal.Consultation);
        var (_, document) = await client.PageAsync($"/journal?AgentId={auditeur}&Type={ServiceJournal.TypeJournal}");
        Lignes(document)[0][1..4].ShouldBe(["Odile Chastel", "Consultation", ServiceJournal.TypeJournal]);
    }

    [Theory]
    [InlineData("admin.cantal")]
    [InlineData("referent.cantal")]
    [InlineData("admin")]
    public async Task Seul_l_auditeur_ouvre_le_journal(string identifiant)
    {
        using var client = await ConnecteAsync(identifiant);

        var (reponse, document) = await client.PageAsync("/journal");

        reponse.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        document.QuerySelector("h1")!.TextContent.ShouldBe("Accès refusé");
    }
}

public sealed class JournalSqliteTests(ApplicationSqlite app) : JournalTests(app), IClassFixture<ApplicationSqlite>;

public sealed class JournalPostgresTests(ApplicationPostgres app) : JournalTests(app), IClassFixture<ApplicationPostgres>;
