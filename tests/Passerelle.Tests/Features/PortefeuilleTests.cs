using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Passerelle.Domain;
using Passerelle.Features.Portefeuille;
using Passerelle.Tests.Support;

namespace Passerelle.Tests.Features;

public abstract class PortefeuilleTests(ApplicationDeTest app)
{
    private readonly ParcoursDeTest _parcours = new(app);

    private DateOnly Aujourdhui => _parcours.Aujourdhui;

    /// <summary>A structure of its own with a référent and a Responsable: its caseload holds only the test's people.</summary>
    private async Task<(Guid Structure, string Referent, Guid ReferentId, string Responsable)> EquipeAsync()
    {
        var structure = await _parcours.StructureAsync("Territoire de test");
        var (referent, referentId) = await _parcours.AgentAsync(structure, Role.Referent, "Hugo");
        var (responsable, _) = await _parcours.AgentAsync(structure, Role.Responsable, "Maud");
        return (structure, referent, referentId, responsable);
    }

    private static IElement? Ligne(IDocument page, Guid personne) =>
        page.QuerySelectorAll("table.tableau tbody tr").FirstOrDefault(l => l.QuerySelector($"a[href='/beneficiaires/{personne}']") is not null);

    private static List<string> Alertes(IDocument page, Guid personne) =>
        Ligne(page, personne)!.QuerySelectorAll("[data-alerte]").Select(a => a.GetAttribute("data-alerte")!).ToList();

    private static int Compte(IDocument page, TypeAlerte alerte) =>
        int.Parse(page.QuerySelector($"#titre-alertes ~ ul strong[data-alerte='{alerte}']")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);

    private static List<Guid> Personnes(IDocument page) =>
        page.QuerySelectorAll("table.tableau tbody tr td:first-child a").Select(a => Guid.Parse(a.GetAttribute("href")!["/beneficiaires/".Length..])).ToList();

    /// <summary>Oriented to the employment track, with a contract covering today and a rendez-vous held yesterday: no alert.</summary>
    private async Task<Guid> SuiviSansAlerteAsync(string nom, Guid referentId)
    {
        var personne = await _parcours.PersonneAsync(ParcoursDeTest.Unique(nom), referentId);
        await _parcours.OrienterAsync(personne, Aujourdhui.AddDays(-60));
        await _parcours.ContratSigneAsync(personne, Aujourdhui.AddDays(-10), Aujourdhui.AddDays(200));
        await _parcours.RendezVousAsync(personne, referentId, Aujourdhui.AddDays(-1));
        return personne;
    }

    [Fact]
    public async Task Chaque_alerte_du_portefeuille_est_calculee_a_sa_limite_comptee_filtree_et_triee()
    {
        var (_, referent, r, _) = await EquipeAsync();
        var t = Aujourdhui;
        var horsDelai = await _parcours.PersonneAsync(ParcoursDeTest.Unique("Horsdelai"), r);
        await _parcours.DroitAsync(horsDelai, t.AddDays(-43));
        var dansLeDelai = await _parcours.PersonneAsync(ParcoursDeTest.Unique("Dansledelai"), r);
        await _parcours.DroitAsync(dansLeDelai, t.AddDays(-42));
        var sansContrat = await _parcours.PersonneAsync(ParcoursDeTest.Unique("Sanscontrat"), r);
        await _parcours.OrienterAsync(sansContrat, t.AddDays(-10));
        await _parcours.RendezVousAsync(sansContrat, r, t.AddDays(-1));
        var finProche = await _parcours.PersonneAsync(ParcoursDeTest.Unique("Finproche"), r);
        await _parcours.OrienterAsync(finProche, t.AddDays(-120));
        await _parcours.ContratSigneAsync(finProche, t.AddDays(-100), t.AddDays(10));
        await _parcours.RendezVousAsync(finProche, r, t.AddDays(-1));
        var echu = await _parcours.PersonneAsync(ParcoursDeTest.Unique("Echu"), r);
        await _parcours.OrienterAsync(echu, t.AddDays(-220));
        await _parcours.ContratSigneAsync(echu, t.AddDays(-200), t.AddDays(-5));
        await _parcours.RendezVousAsync(echu, r, t.AddDays(-1));
        var rdvEnRetard = await _parcours.PersonneAsync(ParcoursDeTest.Unique("Rdvretard"), r);
        await _parcours.OrienterAsync(rdvEnRetard, t.AddDays(-60));
        await _parcours.ContratSigneAsync(rdvEnRetard, t.AddDays(-10), t.AddDays(200));
        await _parcours.RendezVousAsync(rdvEnRetard, r, t.AddDays(-31));
        var rdvALHeure = await _parcours.PersonneAsync(ParcoursDeTest.Unique("Rdvalheure"), r);
        await _parcours.OrienterAsync(rdvALHeure, t.AddDays(-60));
        await _parcours.ContratSigneAsync(rdvALHeure, t.AddDays(-10), t.AddDays(200));
        await _parcours.RendezVousAsync(rdvALHeure, r, t.AddDays(-30));
        var examen = await _parcours.PersonneAsync(ParcoursDeTest.Unique("Examen"), r);
        await _parcours.OrienterAsync(examen, t.AddMonths(-7), TypeParcours.Social);
        await _parcours.ContratSigneAsync(examen, t.AddDays(-10), t.AddDays(200));
        await _parcours.RendezVousAsync(examen, r, t.AddDays(-1));
        // Designated five days ago, no rendez-vous yet: still within the cadence.
        var nouveau = await _parcours.PersonneAsync(ParcoursDeTest.Unique("Nouveau"), r, depuis: t.AddDays(-5));
        await _parcours.OrienterAsync(nouveau, t.AddDays(-6));
        await _parcours.ContratSigneAsync(nouveau, t.AddDays(-1), t.AddDays(200));
        using var client = await _parcours.ConnecteAsync(referent);

        var page = (await client.PageAsync("/portefeuille")).Document;
        var fins = (await client.PageAsync("/portefeuille?Alerte=FinContrat")).Document;
        var avecAlerte = (await client.PageAsync($"/portefeuille?Alerte={Passerelle.Features.Portefeuille.IndexModel.AvecAlerte}")).Document;
        var parEcheance = (await client.PageAsync("/portefeuille?Tri=echeance")).Document;
        var parAlertes = (await client.PageAsync("/portefeuille?Tri=alertes")).Document;

        Alertes(page, horsDelai).ShouldBe([nameof(TypeAlerte.OrientationHorsDelai)]);
        Alertes(page, dansLeDelai).ShouldBeEmpty();
        Alertes(page, sansContrat).ShouldBe([nameof(TypeAlerte.SansContrat)]);
        Alertes(page, finProche).ShouldBe([nameof(TypeAlerte.FinContrat)]);
        Alertes(page, echu).ShouldBe([nameof(TypeAlerte.FinContrat)]);
        Alertes(page, rdvEnRetard).ShouldBe([nameof(TypeAlerte.RendezVousEnRetard)]);
        Alertes(page, rdvALHeure).ShouldBeEmpty();
        Alertes(page, examen).ShouldBe([nameof(TypeAlerte.RevisionDue)]);
        Alertes(page, nouveau).ShouldBeEmpty();
        page.QuerySelector("caption")!.TextContent.ShouldContain("Mon portefeuille (9)");
        (Compte(page, TypeAlerte.OrientationHorsDelai), Compte(page, TypeAlerte.SansContrat), Compte(page, TypeAlerte.FinContrat),
            Compte(page, TypeAlerte.RendezVousEnRetard), Compte(page, TypeAlerte.RevisionDue)).ShouldBe((1, 1, 2, 1, 1));
        Personnes(fins).ShouldBe([echu, finProche], ignoreOrder: true);
        Personnes(avecAlerte).ShouldBe([horsDelai, sansContrat, finProche, echu, rdvEnRetard, examen], ignoreOrder: true);
        // Review due a month ago, contract ended 5 days ago, orientation due yesterday, then today, then the contract ending in 10 days.
        Personnes(parEcheance).Take(5).ShouldBe([examen, echu, horsDelai, dansLeDelai, finProche]);
        Personnes(parEcheance).Last().ShouldBe(sansContrat);
        Ligne(parEcheance, echu)!.QuerySelector("td:nth-child(3)")!.TextContent.Trim().ShouldBe(t.AddDays(-5).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        Personnes(parAlertes).Take(6).ShouldBe([horsDelai, sansContrat, finProche, echu, rdvEnRetard, examen], ignoreOrder: true);
    }

    [Fact]
    public async Task L_alerte_sans_contrat_disparait_quand_le_contrat_est_signe()
    {
        var (_, referent, r, _) = await EquipeAsync();
        var personne = await _parcours.PersonneAsync(ParcoursDeTest.Unique("Signature"), r);
        await _parcours.OrienterAsync(personne, Aujourdhui.AddDays(-20));
        await _parcours.RendezVousAsync(personne, r, Aujourdhui.AddDays(-2));
        using var client = await _parcours.ConnecteAsync(referent);

        var avant = (await client.PageAsync("/portefeuille")).Document;
        var contrat = await _parcours.ContratSoumisAsync(personne, Aujourdhui, Aujourdhui, r);
        var soumis = (await client.PageAsync("/portefeuille")).Document;
        await _parcours.ValiderEtSignerAsync(contrat, Aujourdhui, await _parcours.IdAsync("responsable.cantal"));
        var apres = (await client.PageAsync("/portefeuille")).Document;

        Alertes(avant, personne).ShouldBe([nameof(TypeAlerte.SansContrat)]);
        Compte(avant, TypeAlerte.SansContrat).ShouldBe(1);
        // Drafted and submitted is not signed.
        Alertes(soumis, personne).ShouldBe([nameof(TypeAlerte.SansContrat)]);
        Alertes(apres, personne).ShouldBeEmpty();
        Compte(apres, TypeAlerte.SansContrat).ShouldBe(0);
    }

    private static async Task<List<IDictionary<string, object>>> LireXlsxAsync(HttpResponseMessage reponse)
    {
        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        reponse.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var flux = new MemoryStream(await reponse.Content.ReadAsByteArrayAsync());
        return flux.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object>>().ToList();
    }

    [Fact]
    public async Task L_export_XLSX_reprend_la_liste_filtree_avec_ses_alertes_sans_NIR_et_chaque_personne_exportee_est_journalisee()
    {
        var (_, referent, r, _) = await EquipeAsync();
        var nir = PersonnesDeTest.NirValide(1985, 611);
        var alerte = await _parcours.PersonneAsync(ParcoursDeTest.Unique("Exportee"), r, "Camille", nir: nir);
        await _parcours.OrienterAsync(alerte, Aujourdhui.AddDays(-120));
        await _parcours.ContratSigneAsync(alerte, Aujourdhui.AddDays(-100), Aujourdhui.AddDays(3));
        await _parcours.RendezVousAsync(alerte, r, Aujourdhui.AddDays(-1));
        var calme = await SuiviSansAlerteAsync("Calme", r);
        using var client = await _parcours.ConnecteAsync(referent);

        var tout = await client.PosterAsync("/portefeuille", [new("Alerte", ""), new("Tri", "nom")], "/portefeuille?handler=Export");
        var journalApresTout = (await _parcours.JournalAsync(alerte), await _parcours.JournalAsync(calme));
        var filtre = await client.PosterAsync("/portefeuille", [new("Alerte", nameof(TypeAlerte.FinContrat))], "/portefeuille?handler=Export");

        tout.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var lignes = await LireXlsxAsync(tout);
        lignes.Count.ShouldBe(2);
        lignes[0].Keys.ShouldBe(
        [
            "Nom", "Prénoms", "Date de naissance", "Dispositifs", "Référent unique", "Parcours", "Orientation hors délai", "Sans contrat",
            "Contrat à renouveler ou échu", "Rendez-vous en retard", "Examen du parcours dû", "Échéance de l'orientation", "Fin du contrat",
            "Examen du parcours", "Dernier rendez-vous honoré",
        ]);
        var exportee = lignes.Single(l => (string)l["Prénoms"] == "Camille");
        exportee["Contrat à renouveler ou échu"].ShouldBe("Oui");
        exportee["Sans contrat"]?.ToString().ShouldBeNullOrEmpty();
        exportee["Parcours"].ShouldBe("Emploi");
        exportee["Référent unique"].ToString()!.ShouldStartWith("Hugo ");
        // A real date cell, not text: spreadsheets sort and filter on it.
        (exportee["Fin du contrat"] switch { DateTime d => d, double n => DateTime.FromOADate(n), var autre => throw new InvalidCastException($"{autre}") })
            .ShouldBe(Aujourdhui.AddDays(3).ToDateTime(TimeOnly.MinValue));
        var debutNir = nir[..13];
        var finNir = nir[^4..];
        lignes.SelectMany(l => l.Values).Select(v => v?.ToString() ?? "").ShouldAllBe(v => !v.Contains(debutNir) && !v.Contains(finNir));
        journalApresTout.Item1.Select(j => j.Action).ShouldBe([ActionJournal.Export]);
        journalApresTout.Item2.Select(j => j.Action).ShouldBe([ActionJournal.Export]);
        (await LireXlsxAsync(filtre)).Select(l => l["Prénoms"]).ShouldBe(["Camille"]);
        (await _parcours.JournalAsync(alerte)).Count.ShouldBe(2);
        (await _parcours.JournalAsync(calme)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Le_responsable_voit_les_portefeuilles_de_sa_structure_et_choisit_un_referent()
    {
        var (structure, _, r, responsable) = await EquipeAsync();
        var (_, autre) = await _parcours.AgentAsync(structure, Role.Referent, "Zoé");
        var premier = await SuiviSansAlerteAsync("Premier", r);
        var second = await _parcours.PersonneAsync(ParcoursDeTest.Unique("Second"), autre);
        await _parcours.OrienterAsync(second, Aujourdhui.AddDays(-30));
        var ailleurs = await _parcours.PersonneAsync(ParcoursDeTest.Unique("Ailleurs"), await _parcours.IdAsync("referent.cantal"));
        using var client = await _parcours.ConnecteAsync(responsable);

        var tous = (await client.PageAsync("/portefeuille")).Document;
        var deZoe = (await client.PageAsync($"/portefeuille?Referent={autre}")).Document;
        var horsStructure = (await client.PageAsync($"/portefeuille?Referent={await _parcours.IdAsync("referent.cantal")}")).Document;
        var export = await LireXlsxAsync(await client.PosterAsync("/portefeuille", [new("Referent", autre.ToString())], "/portefeuille?handler=Export"));

        Personnes(tous).ShouldBe([premier, second], ignoreOrder: true);
        tous.QuerySelectorAll("#Referent option").Select(o => o.TextContent).Count(o => o.StartsWith("Hugo ", StringComparison.Ordinal) || o.StartsWith("Zoé ", StringComparison.Ordinal)).ShouldBe(2);
        Personnes(deZoe).ShouldBe([second]);
        Alertes(deZoe, second).ShouldBe([nameof(TypeAlerte.SansContrat), nameof(TypeAlerte.RendezVousEnRetard)]);
        deZoe.QuerySelector("h1")!.TextContent.ShouldStartWith("Portefeuille de Zoé ");
        // Another structure's référent is not a choice: the list stays the structure's.
        Personnes(horsStructure).ShouldBe([premier, second], ignoreOrder: true);
        Personnes(horsStructure).ShouldNotContain(ailleurs);
        export.Count.ShouldBe(1);
        (await _parcours.JournalAsync(ailleurs)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_traiter_montre_a_l_agent_d_orientation_les_delais_qui_expirent_dans_la_semaine()
    {
        var (_, _, r, _) = await EquipeAsync();
        using var orientation = await _parcours.ConnecteAsync("orientation.cantal");
        var avant = Nombre((await orientation.PageAsync("/a-traiter")).Document);
        // Six weeks from the receipt: due in two days, in forty days, or two days ago (overdue is the queue's business).
        var proche = await _parcours.PersonneAsync(ParcoursDeTest.Unique("Prochedelai"), r);
        await _parcours.DroitAsync(proche, Aujourdhui.AddDays(-40));
        var lointaine = await _parcours.PersonneAsync(ParcoursDeTest.Unique("Lointaine"), r);
        await _parcours.DroitAsync(lointaine, Aujourdhui.AddDays(-2));
        var depassee = await _parcours.PersonneAsync(ParcoursDeTest.Unique("Depassee"), r);
        await _parcours.DroitAsync(depassee, Aujourdhui.AddDays(-44));

        var apres = (await orientation.PageAsync("/a-traiter")).Document;

        Nombre(apres).ShouldBe(avant + 1);
        var liens = apres.QuerySelectorAll("[data-section=orientations] a").Select(a => a.GetAttribute("href")).ToList();
        liens.ShouldContain($"/beneficiaires/{proche}/orientation");
        liens.ShouldNotContain($"/beneficiaires/{lointaine}/orientation");
        liens.ShouldNotContain($"/beneficiaires/{depassee}/orientation");
        apres.QuerySelector($"[data-section=orientations] a[href='/beneficiaires/{proche}/orientation']")!.ParentElement!.TextContent
            .ShouldContain($"À orienter au plus tard le {Aujourdhui.AddDays(2).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)}");

        static int Nombre(AngleSharp.Html.Dom.IHtmlDocument page) =>
            int.Parse(page.QuerySelector("[data-section=orientations] [data-nombre]")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Un_compte_du_Puy_de_Dome_ne_voit_aucune_personne_du_Cantal()
    {
        var (_, _, r, _) = await EquipeAsync();
        var cantal = await _parcours.PersonneAsync(ParcoursDeTest.Unique("Cantalou"), r);
        await _parcours.DroitAsync(cantal, Aujourdhui.AddDays(-60));
        var procheCantal = await _parcours.PersonneAsync(ParcoursDeTest.Unique("Procheech"), r);
        using var referent = await _parcours.ConnecteAsync("referent.puydedome");
        using var orientation = await _parcours.ConnecteAsync("orientation.puydedome");
        var file = (await orientation.PageAsync("/a-traiter")).Document;
        var avant = int.Parse(file.QuerySelector("[data-section=orientations] [data-nombre]")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);

        await _parcours.DroitAsync(procheCantal, Aujourdhui.AddDays(-40));
        var portefeuille = (await referent.PageAsync("/portefeuille")).Document;
        var tousLesPortefeuilles = new List<Guid>();
        var pages = 1 + (int.Parse(portefeuille.QuerySelector("caption")!.TextContent.Split('(', ')')[1], System.Globalization.CultureInfo.InvariantCulture) / 25);
        for (var numero = 1; numero <= pages; numero++)
        {
            tousLesPortefeuilles.AddRange(Personnes((await referent.PageAsync($"/portefeuille?p={numero}&Alerte=")).Document));
        }

        var export = await LireXlsxAsync(await referent.PosterAsync("/portefeuille", [], "/portefeuille?handler=Export"));
        var dossier = await referent.PageAsync($"/beneficiaires/{cantal}");
        var apres = (await orientation.PageAsync("/a-traiter")).Document;

        portefeuille.QuerySelector("caption")!.TextContent.ShouldContain("Mon portefeuille");
        tousLesPortefeuilles.ShouldNotBeEmpty();
        tousLesPortefeuilles.ShouldNotContain(cantal);
        tousLesPortefeuilles.ShouldNotContain(procheCantal);
        export.Select(l => (string)l["Nom"]).ShouldAllBe(n => !n.StartsWith("Cantalou", StringComparison.Ordinal) && !n.StartsWith("Procheech", StringComparison.Ordinal));
        dossier.Reponse.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        int.Parse(apres.QuerySelector("[data-section=orientations] [data-nombre]")!.TextContent, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(avant);
        apres.QuerySelectorAll("a").ShouldAllBe(a => a.GetAttribute("href") != $"/beneficiaires/{procheCantal}/orientation");
        (await _parcours.JournalAsync(cantal)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("orientation.cantal", "/portefeuille")]
    [InlineData("pilotage.cantal", "/portefeuille")]
    [InlineData("auditeur.cantal", "/portefeuille")]
    [InlineData("pilotage.cantal", "/a-traiter")]
    [InlineData("partenaire.cantal", "/a-traiter")]
    public async Task Un_role_sans_portefeuille_recoit_403(string identifiant, string url)
    {
        using var client = await _parcours.ConnecteAsync(identifiant);

        var (reponse, _) = await client.PageAsync(url);
        var export = await client.PosterDirectementAsync("/portefeuille?handler=Export", []);

        reponse.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        export.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_traiter_montre_au_referent_ses_rendez_vous_passes_et_les_contrats_dus_dans_la_semaine()
    {
        var (_, referent, r, _) = await EquipeAsync();
        var t = Aujourdhui;
        var rdvPasse = await _parcours.PersonneAsync(ParcoursDeTest.Unique("Rdvpasse"), r);
        var rendezVous = await _parcours.RendezVousAsync(rdvPasse, r, t.AddDays(-2), honore: false);
        await _parcours.RendezVousAsync(rdvPasse, r, t.AddDays(2), honore: false);
        await _parcours.RendezVousAsync(rdvPasse, r, t.AddDays(-3));
        var contratDu = await _parcours.PersonneAsync(ParcoursDeTest.Unique("Contratdu"), r);
        var notification = t.AddDays(3).AddMonths(-1);
        await _parcours.OrienterAsync(contratDu, notification);
        var plusTard = await _parcours.PersonneAsync(ParcoursDeTest.Unique("Plustard"), r);
        await _parcours.OrienterAsync(plusTard, t.AddDays(10).AddMonths(-1));
        var dejaSigne = await _parcours.PersonneAsync(ParcoursDeTest.Unique("Dejasigne"), r);
        await _parcours.OrienterAsync(dejaSigne, notification);
        await _parcours.ContratSigneAsync(dejaSigne, notification.AddDays(5), notification.AddMonths(6));
        using var client = await _parcours.ConnecteAsync(referent);

        var page = (await client.PageAsync("/a-traiter")).Document;

        page.QuerySelectorAll("[data-section]").Select(s => s.GetAttribute("data-section")).ShouldBe(["rendez-vous", "contrats-echeance", "prescriptions-sans-reponse"]);
        var rdv = page.QuerySelector("[data-section=rendez-vous]")!;
        rdv.QuerySelector("[data-nombre]")!.TextContent.ShouldBe("1");
        rdv.QuerySelector("li a")!.GetAttribute("href").ShouldBe($"/beneficiaires/{rdvPasse}/rendez-vous/{rendezVous}/issue");
        var contrats = page.QuerySelector("[data-section=contrats-echeance]")!;
        contrats.QuerySelector("[data-nombre]")!.TextContent.ShouldBe("1");
        contrats.QuerySelector("li a")!.GetAttribute("href").ShouldBe($"/beneficiaires/{contratDu}/contrats");
        contrats.QuerySelector("li")!.TextContent.ShouldContain(DelaiContrat.Echeance(notification, 1, new DateOnly(2027, 1, 1)).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        page.QuerySelector("nav.navigation a[href='/a-traiter']").ShouldNotBeNull();
        page.QuerySelector("nav.navigation a[href='/portefeuille']").ShouldNotBeNull();
        page.QuerySelector("nav.navigation a[href='/referents/transfert']").ShouldBeNull();
    }

    [Fact]
    public async Task A_traiter_montre_au_responsable_les_contrats_a_valider_et_les_reorientations_de_son_perimetre()
    {
        var (_, _, r, responsable) = await EquipeAsync();
        var soumis = await _parcours.PersonneAsync(ParcoursDeTest.Unique("Avalider"), r);
        await _parcours.OrienterAsync(soumis, Aujourdhui.AddDays(-20));
        var contrat = await _parcours.ContratSoumisAsync(soumis, Aujourdhui, Aujourdhui.AddDays(-1), r);
        var reorientee = await _parcours.PersonneAsync(ParcoursDeTest.Unique("Reorientee"), r);
        await _parcours.OrienterAsync(reorientee, Aujourdhui.AddDays(-90));
        Guid demande;
        await using (var db = app.Base.Contexte(await _parcours.DepartementAsync()))
        {
            var enVigueur = await db.DecisionsOrientation.SingleAsync(o => o.BeneficiaireId == reorientee && o.Fin == null);
            var reorientation = DemandeReorientation.Demander(enVigueur, TypeParcours.Social, "Santé à prendre en charge d'abord", r, Aujourdhui, []);
            db.DemandesReorientation.Add(reorientation);
            await db.SaveChangesAsync();
            demande = reorientation.Id;
        }

        using var client = await _parcours.ConnecteAsync(responsable);
        using var autreResponsable = await _parcours.ConnecteAsync("responsable.cantal");

        var page = (await client.PageAsync("/a-traiter")).Document;
        var autre = (await autreResponsable.PageAsync("/a-traiter")).Document;

        page.QuerySelectorAll("[data-section]").Select(s => s.GetAttribute("data-section")).ShouldBe(["contrats", "reorientations", "rendez-vous"]);
        var contrats = page.QuerySelector("[data-section=contrats]")!;
        contrats.QuerySelector("[data-nombre]")!.TextContent.ShouldBe("1");
        contrats.QuerySelector("li a")!.GetAttribute("href").ShouldBe($"/beneficiaires/{soumis}/contrats/{contrat}");
        contrats.QuerySelector("li")!.TextContent.ShouldContain("par Hugo ");
        var reorientations = page.QuerySelector("[data-section=reorientations]")!;
        reorientations.QuerySelector("[data-nombre]")!.TextContent.ShouldBe("1");
        reorientations.QuerySelector("li a")!.GetAttribute("href").ShouldBe($"/orientation/reorientations/{demande}");
        reorientations.QuerySelector("li")!.TextContent.ShouldContain("Parcours social demandé");
        page.QuerySelector("[data-section=rendez-vous] .vide").ShouldNotBeNull();
        // Another structure's Responsable does not see them.
        autre.QuerySelectorAll("a").ShouldAllBe(a => a.GetAttribute("href") != $"/beneficiaires/{soumis}/contrats/{contrat}");
        autre.QuerySelectorAll("a").ShouldAllBe(a => a.GetAttribute("href") != $"/orientation/reorientations/{demande}");
        page.QuerySelector("nav.navigation a[href='/referents/transfert']").ShouldNotBeNull();
        page.QuerySelector("nav.navigation a[href='/referents/suppleances']").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_traiter_compte_pour_l_agent_d_orientation_les_delais_qui_expirent_dans_la_semaine()
    {
        using var client = await _parcours.ConnecteAsync("orientation.cantal");
        async Task<int> NombreAsync() => int.Parse(
            (await client.PageAsync("/a-traiter")).Document.QuerySelector("[data-section=orientations] [data-nombre]")!.TextContent,
            System.Globalization.CultureInfo.InvariantCulture);
        var avant = await NombreAsync();

        var proche = await _parcours.PersonneAsync(ParcoursDeTest.Unique("Echeanceproche"), null);
        await _parcours.DroitAsync(proche, Aujourdhui.AddDays(-40));
        var lointaine = await _parcours.PersonneAsync(ParcoursDeTest.Unique("Echeancelointaine"), null);
        await _parcours.DroitAsync(lointaine, Aujourdhui.AddDays(-30));
        var depassee = await _parcours.PersonneAsync(ParcoursDeTest.Unique("Echeancedepassee"), null);
        await _parcours.DroitAsync(depassee, Aujourdhui.AddDays(-50));
        var orientee = await _parcours.PersonneAsync(ParcoursDeTest.Unique("Echeanceorientee"), null);
        await _parcours.DroitAsync(orientee, Aujourdhui.AddDays(-40));
        await _parcours.OrienterAsync(orientee, Aujourdhui.AddDays(-1));

        (await NombreAsync()).ShouldBe(avant + 1);
    }
}

public sealed class PortefeuilleSqliteTests(ApplicationSqlite app) : PortefeuilleTests(app), IClassFixture<ApplicationSqlite>;

public sealed class PortefeuillePostgresTests(ApplicationPostgres app) : PortefeuilleTests(app), IClassFixture<ApplicationPostgres>;
