using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Domain;
using Passerelle.Features.Prescriptions.Expiration;
using Passerelle.Infrastructure.Tenancy;
using Passerelle.Tests.Support;
using Quartz;

namespace Passerelle.Tests.Features;

public abstract partial class NotificationsTests(ApplicationDeTest app)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private DateOnly Aujourdhui => app.Factory.Temps.Aujourdhui(Paris);

    private static string Jour(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Espaces();

    private static string Texte(IElement? element) => Espaces().Replace(element?.TextContent ?? "", " ").Trim();

    private async Task<ClientPasserelle> ConnecteAsync(string identifiant)
    {
        var client = app.Factory.Client();
        await client.ConnecterAsync(identifiant);
        return client;
    }

    private async Task<(Guid Departement, Guid Agent)> AgentAsync(string identifiant, string departement = "63")
    {
        var departementId = await app.Base.DepartementAsync(departement);
        await using var db = app.Base.Contexte(departementId);
        return (departementId, await db.Users.Where(a => a.Email == ClientPasserelle.Email(identifiant)).Select(a => a.Id).SingleAsync());
    }

    /// <summary>Notifications of the agent (his earlier ones removed), the <paramref name="lues"/> oldest already read; the i-th one is i minutes old.</summary>
    private async Task<List<Guid>> NotificationsAsync(string identifiant, int nombre, int lues = 0, string departement = "63")
    {
        var (departementId, agentId) = await AgentAsync(identifiant, departement);
        await using var db = app.Base.Contexte(departementId);
        db.Notifications.RemoveRange(db.Notifications.Where(n => n.AgentId == agentId));
        var maintenant = app.Factory.Temps.GetUtcNow().UtcDateTime;
        var ids = new List<Guid>();
        for (var i = 0; i < nombre; i++)
        {
            var notification = new Notification(departementId, agentId, $"Prescription acceptée pour l'action « Atelier {i + 1} »", $"/prescriptions/{Guid.CreateVersion7()}", maintenant.AddMinutes(-i));
            if (i >= nombre - lues)
            {
                notification.MarquerLue(maintenant);
            }

            db.Notifications.Add(notification);
            ids.Add(notification.Id);
        }

        await db.SaveChangesAsync();
        return ids;
    }

    private async Task<Notification> NotificationAsync(Guid id, string departement = "63")
    {
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync(departement));
        return await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == id);
    }

    private static IEnumerable<KeyValuePair<string, string>> Id(Guid id) => [new("id", id.ToString())];

    [Fact]
    public async Task La_cloche_annonce_le_nombre_de_notifications_non_lues_et_le_perd_quand_elles_sont_lues()
    {
        var ids = await NotificationsAsync("pilotage.puydedome", 4, lues: 1);
        using var client = await ConnecteAsync("pilotage.puydedome");

        var avant = Texte((await client.PageAsync("/")).Document.QuerySelector("header a.cloche"));
        var lue = await client.PosterDirectementAsync("/notifications?handler=Lue", Id(ids[1]), "/notifications");
        var apres = Texte((await client.PageAsync("/")).Document.QuerySelector("header a.cloche"));
        var tout = await client.PosterDirectementAsync("/notifications?handler=ToutLire", [], "/notifications");
        var (_, page) = await client.PageAsync("/notifications");

        avant.ShouldBe("Notifications, 3 non lues");
        lue.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await NotificationAsync(ids[1])).LueLe.ShouldNotBeNull();
        apres.ShouldBe("Notifications, 2 non lues");
        tout.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Texte(page.QuerySelector("header a.cloche")).ShouldBe("Notifications, aucune non lue");
        page.QuerySelectorAll("[data-lue=non]").ShouldBeEmpty();
        page.QuerySelector("form[action*=ToutLire]").ShouldBeNull();
        Texte(page.QuerySelector(".alerte-succes")).ShouldBe("2 notifications sont marquées comme lues.");
    }

    [Fact]
    public async Task La_liste_montre_les_plus_recentes_d_abord_les_non_lues_en_evidence_et_se_pagine()
    {
        await NotificationsAsync("conventions.puydedome", 25, lues: 22);
        using var client = await ConnecteAsync("conventions.puydedome");

        var (reponse, premiere) = await client.PageAsync("/notifications");
        var (_, seconde) = await client.PageAsync("/notifications?p=2");

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        var elements = premiere.QuerySelectorAll("[data-notification]");
        elements.Length.ShouldBe(20);
        Texte(elements[0]).ShouldContain("Atelier 1 »");
        Texte(elements[1]).ShouldContain("Atelier 2 »");
        // The three newest are unread: marked in words, with their own button, and in bold.
        elements.Take(3).ShouldAllBe(e => e.GetAttribute("data-lue") == "non" && e.QuerySelector(".badge-alerte")!.TextContent == "Non lue"
            && e.QuerySelector("strong") != null && e.QuerySelector("form[action*=Lue] button") != null);
        elements.Skip(3).ShouldAllBe(e => e.GetAttribute("data-lue") == "oui" && e.QuerySelector("form[action*=Lue]") == null);
        Texte(premiere.QuerySelector("main p")).ShouldContain("3 notifications ne sont pas encore lues.");
        premiere.QuerySelector("nav.pagination a[rel=next]")!.GetAttribute("href").ShouldBe("/notifications?p=2");
        var suite = seconde.QuerySelectorAll("[data-notification]");
        suite.Length.ShouldBe(5);
        Texte(suite[^1]).ShouldContain("Atelier 25 »");
    }

    [Fact]
    public async Task Ouvrir_une_notification_la_marque_lue_et_mene_a_sa_page()
    {
        var ids = await NotificationsAsync("orientation.puydedome", 2);
        var attendue = await NotificationAsync(ids[0]);
        using var client = await ConnecteAsync("orientation.puydedome");

        var (_, page) = await client.PageAsync("/notifications");
        var reponse = await client.PosterDirectementAsync("/notifications?handler=Ouvrir", Id(ids[0]), "/notifications");

        page.QuerySelector($"[data-notification='{ids[0]}'] form[action*=Ouvrir] input[name=id]")!.GetAttribute("value").ShouldBe(ids[0].ToString());
        reponse.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        reponse.Headers.Location!.OriginalString.ShouldBe(attendue.Url);
        (await NotificationAsync(ids[0])).LueLe.ShouldNotBeNull();
        (await NotificationAsync(ids[1])).LueLe.ShouldBeNull();
    }

    [Theory]
    [InlineData("Lue")]
    [InlineData("Ouvrir")]
    public async Task La_notification_d_un_autre_agent_repond_404_et_reste_non_lue(string handler)
    {
        var dAutrui = (await NotificationsAsync("responsable.puydedome", 1))[0];
        var dAilleurs = (await NotificationsAsync("referent.cantal", 1, departement: "15"))[0];
        using var client = await ConnecteAsync("operateur.aisp");

        var voisin = await client.PosterDirectementAsync($"/notifications?handler={handler}", Id(dAutrui), "/notifications");
        var autreDepartement = await client.PosterDirectementAsync($"/notifications?handler={handler}", Id(dAilleurs), "/notifications");
        var inconnue = await client.PosterDirectementAsync($"/notifications?handler={handler}", Id(Guid.CreateVersion7()), "/notifications");

        voisin.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        autreDepartement.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        inconnue.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await NotificationAsync(dAutrui)).LueLe.ShouldBeNull();
        (await NotificationAsync(dAilleurs, "15")).LueLe.ShouldBeNull();
    }

    [Fact]
    public async Task Sans_notification_la_liste_le_dit()
    {
        await NotificationsAsync("responsable.calvados", 0, departement: "14");
        using var client = await ConnecteAsync("responsable.calvados");

        var (reponse, page) = await client.PageAsync("/notifications");

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        Texte(page.QuerySelector(".vide")).ShouldBe("Vous n'avez reçu aucune notification.");
        Texte(page.QuerySelector("header a.cloche")).ShouldBe("Notifications, aucune non lue");
    }

    private async Task<BilanExpiration> ExpirerAsync()
    {
        using var portee = app.Factory.Services.CreateScope();
        return await ActivatorUtilities.CreateInstance<ExpirationPrescriptions>(portee.ServiceProvider).ExpirerAsync();
    }

    private async Task<List<string>> CodesDepartementsAsync()
    {
        await using var db = app.Base.Contexte();
        return await db.Departements.Select(d => d.Code).ToListAsync();
    }

    private async Task<Prescription> PrescriptionAsync(Guid id, string departement = "63")
    {
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync(departement));
        return await db.Prescriptions.AsNoTracking().SingleAsync(p => p.Id == id);
    }

    private async Task<(int Notifications, int Courriels)> AvisAsync(string identifiant, string url, string departement = "63")
    {
        var (departementId, agentId) = await AgentAsync(identifiant, departement);
        await using var db = app.Base.Contexte(departementId);
        return (await db.Notifications.CountAsync(n => n.AgentId == agentId && n.Url == url),
            await db.MessagesSortants.CountAsync(m => m.Destinataire == ClientPasserelle.Email(identifiant) && m.Corps.Contains(url)));
    }

    [Fact]
    public async Task Une_prescription_sans_reponse_expire_au_trentieme_jour_son_referent_est_prevenu_et_une_seconde_passe_ne_fait_rien()
    {
        var offre = new OffreDeTest(app);
        var personne = await new PersonnesDeTest(app).CreerAsync("Expiree", "Agathe", new DateOnly(1990, 3, 4), referent: "referent.puydedome", departement: "63");
        var action = await offre.ActionAsync("Atelier d'expiration", operateur: "operateur.aisp");
        var prescription = await offre.PrescriptionAsync(personne, action, Aujourdhui.AddDays(-29));
        var cantalien = await new PersonnesDeTest(app).CreerAsync("Cantalou", "Rémi", new DateOnly(1985, 1, 2));
        var actionCantal = await offre.ActionAsync("Chantier d'expiration", operateur: "operateur.cantal", departement: "15");
        var ancienne = await offre.PrescriptionAsync(cantalien, actionCantal, Aujourdhui.AddDays(-29), prescripteur: "referent.cantal", departement: "15");
        var recente = await offre.PrescriptionAsync(
            await new PersonnesDeTest(app).CreerAsync("Recente", "Léa", new DateOnly(1992, 5, 6)), actionCantal, Aujourdhui.AddDays(-10),
            prescripteur: "referent.cantal", departement: "15");
        var url = $"/prescriptions/{prescription}";

        var veille = await ExpirerAsync();
        var etatVeille = (await PrescriptionAsync(prescription)).Etat;
        var avisVeille = await AvisAsync("referent.puydedome", url);
        app.Factory.Temps.Advance(TimeSpan.FromDays(1));
        var jour = await ExpirerAsync();
        var expiree = await PrescriptionAsync(prescription);
        var avis = await AvisAsync("referent.puydedome", url);
        var lendemain = await ExpirerAsync();

        etatVeille.ShouldBe(EtatPrescription.Envoyee);
        avisVeille.ShouldBe((0, 0));
        expiree.Etat.ShouldBe(EtatPrescription.Expiree);
        expiree.ExpireeLe.ShouldBe(Aujourdhui);
        avis.ShouldBe((1, 1));
        // Each département once, the Cantal one in its own tenant, its référent told there.
        jour.ParDepartement.Keys.ShouldBe(await CodesDepartementsAsync(), ignoreOrder: true);
        jour.Echecs.ShouldBeEmpty();
        jour.ParDepartement["63"].ShouldBeGreaterThanOrEqualTo(1);
        jour.ParDepartement["15"].ShouldBeGreaterThanOrEqualTo(1);
        (await PrescriptionAsync(ancienne, "15")).Etat.ShouldBe(EtatPrescription.Expiree);
        (await AvisAsync("referent.cantal", $"/prescriptions/{ancienne}", "15")).ShouldBe((1, 1));
        (await PrescriptionAsync(recente, "15")).Etat.ShouldBe(EtatPrescription.Envoyee);
        veille.Departements.ShouldBe(jour.Departements);
        lendemain.Expirees.ShouldBe(0);
        (await AvisAsync("referent.puydedome", url)).ShouldBe((1, 1));

        // The référent reads it on his page of notifications, in French, without the person's name.
        using var referent = await ConnecteAsync("referent.puydedome");
        var (_, page) = await referent.PageAsync("/notifications");
        // Other tests of the class leave prescriptions that expire the same day: their notices may come first.
        var avisAffiches = page.QuerySelectorAll("[data-notification]").Select(a => Texte(a)).ToList();
        avisAffiches.ShouldContain(t => t.Contains("Prescription expirée sans réponse après 30 jours pour l'action « Atelier d'expiration »", StringComparison.Ordinal));
        avisAffiches.ShouldAllBe(t => !t.Contains("Agathe", StringComparison.Ordinal));
    }

    [Fact]
    public async Task L_expiration_est_planifiee_chaque_nuit_a_deux_heures_a_Paris_sauf_si_la_configuration_l_eteint()
    {
        await using var active = app.Factory.WithWebHostBuilder(b => b.ConfigureAppConfiguration((_, configuration) =>
            configuration.AddInMemoryCollection([new(PlanificationExpiration.CleConfiguration, "true")])));
        var planifiee = await (await active.Services.GetRequiredService<ISchedulerFactory>().GetScheduler()).GetTrigger(Declencheur);
        var eteinte = await (await app.Factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler()).GetTrigger(Declencheur);

        var cron = planifiee.ShouldBeAssignableTo<ICronTrigger>()!;
        cron.CronExpressionString.ShouldBe("0 0 2 * * ?");
        cron.TimeZone.Id.ShouldBe("Europe/Paris");
        cron.JobKey.ShouldBe(PlanificationExpiration.Cle);
        eteinte.ShouldBeNull();
    }

    private static readonly TriggerKey Declencheur = new("expiration-prescriptions-chaque-nuit");

    private static IElement? Section(AngleSharp.Html.Dom.IHtmlDocument page, string cle) => page.QuerySelector($"[data-section={cle}]");

    private static IElement? Element(AngleSharp.Html.Dom.IHtmlDocument page, string cle, string personne) =>
        Section(page, cle)?.QuerySelectorAll("li").FirstOrDefault(li => li.TextContent.Contains(personne, StringComparison.Ordinal));

    [Fact]
    public async Task A_traiter_montre_a_l_operateur_les_prescriptions_a_repondre_les_bilans_et_les_suivis_dus()
    {
        var offre = new OffreDeTest(app);
        var personnes = new PersonnesDeTest(app);
        var aujourdhui = Aujourdhui;
        var sixMois = await offre.ActionAsync("Accompagnement de six mois", regler: a => a.DefinirCapaciteEtRythme(ModeCapacite.Libre, null, 15, 12, 6));
        var sansDuree = await offre.ActionAsync("Ateliers sans durée");
        async Task<Guid> PrescrireAsync(string nom, Guid action, DateOnly envoyee, Action<Prescription, ActionInsertion, Guid>? suite = null) =>
            await offre.PrescriptionAsync(
                await personnes.CreerAsync(nom, "Test", new DateOnly(1987, 2, 3), referent: "referent.puydedome", departement: "63"), action, envoyee, suite: suite);
        Action<Prescription, ActionInsertion, Guid> Entree(DateOnly entree, Action<Prescription, Guid>? puis = null) => (p, _, operateur) =>
        {
            p.Accepter(p.EnvoyeeLe, operateur, null, null);
            p.Entrer(entree, aujourdhui);
            puis?.Invoke(p, operateur);
        };
        await PrescrireAsync("Arepondre", sansDuree, aujourdhui.AddDays(-29));
        var intermediaire = await PrescrireAsync("Intermediaire", sixMois, aujourdhui.AddMonths(-4).AddDays(-5), Entree(aujourdhui.AddMonths(-4)));
        await PrescrireAsync("Final", sixMois, aujourdhui.AddMonths(-7).AddDays(-5), Entree(aujourdhui.AddMonths(-7), (p, o) =>
            p.AjouterBilan(TypeBilan.Intermediaire, aujourdhui.AddMonths(-4), AtteinteObjectifs.Partiellement, Assiduite.Reguliere, [], "Poursuivre.", null, o, aujourdhui)));
        await PrescrireAsync("Debutant", sixMois, aujourdhui.AddMonths(-1).AddDays(-5), Entree(aujourdhui.AddMonths(-1)));
        await PrescrireAsync("Sansduree", sansDuree, aujourdhui.AddMonths(-12).AddDays(-5), Entree(aujourdhui.AddMonths(-12)));
        var sortieLe = aujourdhui.AddMonths(-6).AddDays(3);
        await PrescrireAsync("Suivi", sansDuree, sortieLe.AddMonths(-2), Entree(sortieLe.AddMonths(-1), (p, _) => p.Sortir(sortieLe, IssueSortie.EmploiDurable, null, aujourdhui)));
        await PrescrireAsync("Sortierecente", sansDuree, aujourdhui.AddMonths(-4), Entree(aujourdhui.AddMonths(-3), (p, _) => p.Sortir(aujourdhui.AddMonths(-2), IssueSortie.Abandon, null, aujourdhui)));
        using var operateur = await ConnecteAsync("operateur.mobilite");
        using var autre = await ConnecteAsync("operateur.aisp");

        var (reponse, page) = await operateur.PageAsync("/a-traiter");
        var (_, pageAutre) = await autre.PageAsync("/a-traiter");

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelectorAll("nav.navigation a").Select(a => a.GetAttribute("href")).ShouldContain("/a-traiter");
        var aRepondre = Element(page, "prescriptions-recues", "Test Arepondre");
        aRepondre.ShouldNotBeNull();
        Texte(aRepondre).ShouldContain($"« Ateliers sans durée », reçue le {Jour(aujourdhui.AddDays(-29))} : sans réponse, elle expire le {Jour(aujourdhui.AddDays(1))}");
        aRepondre.QuerySelector("a")!.GetAttribute("href")!.ShouldStartWith("/prescriptions/recues/");
        Texte(Element(page, "bilans", "Test Intermediaire")).ShouldContain("Bilan intermédiaire de « Accompagnement de six mois »");
        Element(page, "bilans", "Test Intermediaire")!.QuerySelector("a")!.GetAttribute("href").ShouldBe($"/prescriptions/recues/{intermediaire}");
        Texte(Element(page, "bilans", "Test Final")).ShouldContain("Bilan final de « Accompagnement de six mois »");
        Element(page, "bilans", "Test Debutant").ShouldBeNull();
        Element(page, "bilans", "Test Sansduree").ShouldBeNull();
        Texte(Element(page, "suivis", "Test Suivi")).ShouldContain($"suivi à renseigner à partir du {Jour(sortieLe.AddMonths(6))}");
        Element(page, "suivis", "Test Sortierecente").ShouldBeNull();
        Element(page, "prescriptions-recues", "Test Suivi").ShouldBeNull();
        // Another structure sees none of them.
        Section(pageAutre, "prescriptions-recues").ShouldNotBeNull();
        pageAutre.QuerySelector("main")!.TextContent.ShouldNotContain("Test Arepondre");
        pageAutre.QuerySelector("main")!.TextContent.ShouldNotContain("Test Intermediaire");
        // A référent has no operator's section.
        using var referent = await ConnecteAsync("referent.puydedome");
        Section((await referent.PageAsync("/a-traiter")).Document, "prescriptions-recues").ShouldBeNull();
    }

    [Fact]
    public async Task A_traiter_montre_au_referent_ses_prescriptions_sans_reponse_expirees_ou_refusees()
    {
        var offre = new OffreDeTest(app);
        var personnes = new PersonnesDeTest(app);
        var aujourdhui = Aujourdhui;
        var action = await offre.ActionAsync("Plateforme de relance", operateur: "operateur.aisp");
        async Task<Guid> PrescrireAsync(string nom, DateOnly envoyee, Action<Prescription, ActionInsertion, Guid>? suite = null) =>
            await offre.PrescriptionAsync(
                await personnes.CreerAsync(nom, "Relance", new DateOnly(1983, 8, 9), referent: "referent.puydedome", departement: "63"), action, envoyee, suite: suite);
        await PrescrireAsync("Attente", aujourdhui.AddDays(-20));
        await PrescrireAsync("Fraiche", aujourdhui.AddDays(-5));
        var expiree = await PrescrireAsync("Perimee", aujourdhui.AddDays(-40), (p, _, _) => p.Expirer(aujourdhui.AddDays(-10), 30));
        await PrescrireAsync("Refusee", aujourdhui.AddDays(-12), (p, _, o) => p.Refuser(aujourdhui.AddDays(-5), o, "Action complète jusqu'en septembre."));
        await PrescrireAsync("Anciennerefusee", aujourdhui.AddDays(-60), (p, _, o) => p.Refuser(aujourdhui.AddDays(-40), o, "Hors zone."));
        using var referent = await ConnecteAsync("referent.puydedome");
        using var collegue = await ConnecteAsync("referent.cantal");

        var (_, page) = await referent.PageAsync("/a-traiter");
        var (_, pageCantal) = await collegue.PageAsync("/a-traiter");

        Texte(Element(page, "prescriptions-sans-reponse", "Relance Attente"))
            .ShouldContain($"« Plateforme de relance », envoyée le {Jour(aujourdhui.AddDays(-20))} : toujours sans réponse, elle expire le {Jour(aujourdhui.AddDays(10))}");
        Element(page, "prescriptions-sans-reponse", "Relance Fraiche").ShouldBeNull();
        Texte(Element(page, "prescriptions-sans-reponse", "Relance Perimee")).ShouldContain($"expirée sans réponse le {Jour(aujourdhui.AddDays(-10))}");
        Element(page, "prescriptions-sans-reponse", "Relance Perimee")!.QuerySelector("a")!.GetAttribute("href").ShouldBe($"/prescriptions/{expiree}");
        Texte(Element(page, "prescriptions-sans-reponse", "Relance Refusee"))
            .ShouldContain($"refusée le {Jour(aujourdhui.AddDays(-5))} (Action complète jusqu'en septembre.)");
        Element(page, "prescriptions-sans-reponse", "Relance Anciennerefusee").ShouldBeNull();
        Element(pageCantal, "prescriptions-sans-reponse", "Relance Attente").ShouldBeNull();
    }
}

public sealed class NotificationsSqliteTests(ApplicationSqlite app) : NotificationsTests(app), IClassFixture<ApplicationSqlite>;

public sealed class NotificationsPostgresTests(ApplicationPostgres app) : NotificationsTests(app), IClassFixture<ApplicationPostgres>;
