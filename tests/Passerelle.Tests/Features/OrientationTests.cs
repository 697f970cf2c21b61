using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Passerelle.Domain;
using Passerelle.Infrastructure.Tenancy;
using Passerelle.Tests.Support;

namespace Passerelle.Tests.Features;

/// <summary>
/// The orientation queue, the decision with its letter, réorientation and the joint review of a social track.
/// The class shares one database (with the demo's people): each test lives in its own commune (15001…),
/// filters the queue by a territory of that commune and asserts on its own people. Receipt dates stay at
/// least eight days back: one test moves the delay setting to eight weeks from five days ago.
/// </summary>
public abstract partial class OrientationTests(ApplicationDeTest app)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private DateOnly Aujourdhui => app.Factory.Temps.Aujourdhui(Paris);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<ClientPasserelle> ConnecteAsync(string identifiant = "orientation.cantal")
    {
        var client = app.Factory.Client();
        await client.ConnecterAsync(identifiant);
        return client;
    }

    /// <summary>A person with, when <paramref name="reception"/> is given, an RSA right opened on that day and received the same day.</summary>
    private async Task<Guid> PersonneAsync(
        string nom, DateOnly? reception, string commune = "15014", string? referent = "referent.cantal", string departement = "15",
        bool soumis = true, params (string Theme, NiveauFrein Niveau)[] freins)
    {
        var id = await new PersonnesDeTest(app).CreerAsync(nom, "Camille", new DateOnly(1985, 3, 14), referent, departement, communeCode: commune);
        var departementId = await app.Base.DepartementAsync(departement);
        await using var db = app.Base.Contexte(departementId);
        if (reception is { } jour)
        {
            db.DroitsRsa.Add(new DroitRsa(departementId, id, jour, EtatDroitRsa.Ouvert, OrganismePayeur.Caf, soumis, jour, null, DateTime.UtcNow));
        }

        foreach (var (theme, niveau) in freins)
        {
            db.EvaluationsFreins.Add(new EvaluationFrein(departementId, id, Aujourdhui.AddDays(-3), theme, niveau, null, null, DateTime.UtcNow));
        }

        await db.SaveChangesAsync();
        return id;
    }

    /// <summary>A territory of the Cantal made of one commune, so that the queue can be narrowed to a test's people.</summary>
    private async Task<Guid> TerritoireAsync(string commune)
    {
        var cantal = await app.Base.DepartementAsync("15");
        await using var db = app.Base.Contexte(cantal);
        var territoire = new Territoire(cantal, $"Territoire de test {commune} {Guid.NewGuid():N}", TypeTerritoire.BassinDeVie);
        territoire.DefinirCommunes([commune]);
        db.Territoires.Add(territoire);
        await db.SaveChangesAsync();
        return territoire.Id;
    }

    private async Task<Guid> StructureAsync(string nom)
    {
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        return await db.Structures.Where(s => s.Nom == nom).Select(s => s.Id).SingleAsync();
    }

    private async Task<List<KeyValuePair<string, string>>> DecisionAsync(
        DateOnly date, TypeParcours parcours = TypeParcours.Social, OrganismeOrientation organisme = OrganismeOrientation.ServiceDepartement,
        string? structure = "Département du Cantal – Territoire d'action sociale d'Aurillac", string motif = "Difficultés de logement à traiter d'abord.",
        string vulnerabilite = "", string? notification = null) =>
    [
        new("Saisie.Parcours", parcours.ToString()),
        new("Saisie.Organisme", organisme.ToString()),
        new("Saisie.StructureId", structure is null ? "" : (await StructureAsync(structure)).ToString()),
        new("Saisie.LibelleOrganisme", ""),
        new("Saisie.DateDecision", Iso(date)),
        new("Saisie.DateNotification", notification ?? ""),
        new("Saisie.Motif", motif),
        new("Saisie.MotifVulnerabilite", vulnerabilite),
    ];

    private static async Task<HttpResponseMessage> DeciderAsync(ClientPasserelle client, Guid personne, List<KeyValuePair<string, string>> champs)
    {
        var url = $"/beneficiaires/{personne}/orientation";
        return await client.PosterAsync(url, champs, $"{url}?handler=Decider");
    }

    private static List<Guid> Personnes(IHtmlDocument document) =>
        document.QuerySelectorAll("table tbody tr")
            .Select(ligne => Guid.Parse(ligne.QuerySelector("td a")!.GetAttribute("href")!.Split('/')[2]))
            .ToList();

    private static string Ligne(IHtmlDocument document, Guid personne) =>
        Espaces(document.QuerySelectorAll("table tbody tr").Single(l => l.QuerySelector($"a[href='/beneficiaires/{personne}']") is not null).TextContent);

    private static string Espaces(string texte) => Blancs().Replace(texte, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Blancs();

    private async Task<DecisionOrientation> DecisionEnVigueurAsync(Guid personne)
    {
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        return await db.DecisionsOrientation.SingleAsync(o => o.BeneficiaireId == personne && o.Fin == null);
    }

    [Fact]
    public async Task La_file_liste_les_personnes_soumises_sans_orientation_la_plus_urgente_d_abord()
    {
        var territoire = await TerritoireAsync("15001");
        var horsDelai = await PersonneAsync("Aubert", Aujourdhui.AddDays(-50), "15001", freins: ("logement", NiveauFrein.Bloquant));
        var recente = await PersonneAsync("Bessière", Aujourdhui.AddDays(-10), "15001");
        var moyenne = await PersonneAsync("Chanut", Aujourdhui.AddDays(-30), "15001", freins: ("mobilite", NiveauFrein.Important));
        var nonSoumise = await PersonneAsync("Delmas", Aujourdhui.AddDays(-20), "15001", soumis: false);
        var sansDroit = await PersonneAsync("Estival", null, "15001");
        var suspendue = await PersonneAsync("Fau", Aujourdhui.AddDays(-40), "15001");
        var orientee = await PersonneAsync("Gineste", Aujourdhui.AddDays(-45), "15001");
        // Received before the first period of the setting (1 January 2025): listed by its receipt, not judged.
        var avantParametre = await PersonneAsync("Arnal", new DateOnly(2024, 12, 2), "15001");
        var cantal = await app.Base.DepartementAsync("15");
        await using (var db = app.Base.Contexte(cantal))
        {
            db.DroitsRsa.Add(new DroitRsa(cantal, suspendue, Aujourdhui.AddDays(-15), EtatDroitRsa.Suspendu, OrganismePayeur.Caf, true, null, null, DateTime.UtcNow));
            await db.SaveChangesAsync();
        }

        using var client = await ConnecteAsync();
        (await DeciderAsync(client, orientee, await DecisionAsync(Aujourdhui))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var (reponse, file) = await client.PageAsync($"/orientation?Territoire={territoire}");
        var (_, seulementHors) = await client.PageAsync($"/orientation?Territoire={territoire}&Etat=HorsDelai");
        var (_, dansLeDelai) = await client.PageAsync($"/orientation?Territoire={territoire}&Etat=DansLeDelai");

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        Personnes(file).ShouldBe([avantParametre, horsDelai, moyenne, recente]);
        Ligne(file, avantParametre).ShouldContain("Délai non paramétré à cette date");
        Espaces(file.QuerySelector(".alerte-info")!.TextContent).ShouldStartWith("1 personne a reçu l'information avant la première période du délai d'orientation paramétré");
        Personnes(file).ShouldNotContain(nonSoumise);
        Personnes(file).ShouldNotContain(sansDroit);
        Personnes(file).ShouldNotContain(suspendue);
        Personnes(file).ShouldNotContain(orientee);
        Espaces(file.QuerySelector("#hors-delai")!.TextContent).ShouldBe("1 personne hors délai sur ce territoire.");
        var ligne = Ligne(file, horsDelai);
        ligne.ShouldContain("Hors délai dépassé de 8 jours");
        ligne.ShouldContain("Social Frein bloquant en logement");
        Ligne(file, moyenne).ShouldContain("12 jours restants");
        Ligne(file, moyenne).ShouldContain("Socio-professionnel");
        Ligne(file, recente).ShouldContain("32 jours restants");
        Ligne(file, recente).ShouldContain("Diagnostic à faire");
        file.QuerySelector($"a[href='/beneficiaires/{recente}/diagnostic']").ShouldNotBeNull();
        file.QuerySelector($"a[href='/beneficiaires/{recente}/orientation']")!.TextContent.ShouldStartWith("Orienter");
        Personnes(seulementHors).ShouldBe([horsDelai]);
        Personnes(dansLeDelai).ShouldBe([moyenne, recente]);
    }

    [Fact]
    public async Task Le_42e_jour_est_dans_le_delai_le_43e_hors_delai_et_la_decision_garde_son_delai()
    {
        var territoire = await TerritoireAsync("15002");
        var reception = Aujourdhui.AddDays(-42);
        var aTemps = await PersonneAsync("Hugon", reception, "15002");
        var enRetard = await PersonneAsync("Issartel", reception, "15002");
        using var client = await ConnecteAsync();

        var (_, jour42) = await client.PageAsync($"/orientation?Territoire={territoire}");
        (await DeciderAsync(client, aTemps, await DecisionAsync(Aujourdhui, TypeParcours.Emploi, OrganismeOrientation.FranceTravail, "France Travail – Agence d'Aurillac")))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        app.Factory.Temps.Advance(TimeSpan.FromDays(1));
        // A day later the session has expired: sign in again.
        using var lendemain = await ConnecteAsync();
        var (_, jour43) = await lendemain.PageAsync($"/orientation?Territoire={territoire}");
        (await DeciderAsync(lendemain, enRetard, await DecisionAsync(Aujourdhui, TypeParcours.Emploi, OrganismeOrientation.FranceTravail, "France Travail – Agence d'Aurillac")))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        Ligne(jour42, aTemps).ShouldContain("0 jour restant");
        Ligne(jour42, aTemps).ShouldNotContain("Hors délai");
        Ligne(jour42, aTemps).ShouldContain(reception.AddDays(42).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        Ligne(jour43, enRetard).ShouldContain("Hors délai dépassé de 1 jour");
        Personnes(jour43).ShouldBe([enRetard]);
        var premiere = await DecisionEnVigueurAsync(aTemps);
        var seconde = await DecisionEnVigueurAsync(enRetard);
        (premiere.DelaiJours, premiere.SemainesDelai, premiere.HorsDelai, premiere.ReceptionInformation).ShouldBe((42, 6, false, reception));
        (seconde.DelaiJours, seconde.SemainesDelai, seconde.HorsDelai).ShouldBe((43, 6, true));
        premiere.LibelleOrganisme.ShouldBe("France Travail – Agence d'Aurillac");
        premiere.RevisionDue.ShouldBeNull();
    }

    [Fact]
    public async Task Un_delai_change_en_cours_de_route_ne_deplace_pas_l_echeance_d_une_personne_deja_recue()
    {
        var territoire = await TerritoireAsync("15003");
        var changement = Aujourdhui.AddDays(-5);
        var avant = await PersonneAsync("Jarrige", Aujourdhui.AddDays(-45), "15003");
        var apres = await PersonneAsync("Lacombe", Aujourdhui.AddDays(-3), "15003");
        var cantal = await app.Base.DepartementAsync("15");
        await using (var db = app.Base.Contexte(cantal))
        {
            var ouverte = await db.ParametresDates.SingleAsync(p => p.Cle == ClesParametres.DelaiOrientation && p.Portee == ParametreDate.PorteeDepartement && p.ValideAu == null);
            ouverte.Clore(changement.AddDays(-1));
            db.ParametresDates.Add(new ParametreDate(cantal, ClesParametres.DelaiOrientation, ParametreDate.PorteeDepartement, TypeValeur.Semaines, "8", changement, null,
                "Délibération de test portant le délai à huit semaines."));
            await db.SaveChangesAsync();
        }

        using var client = await ConnecteAsync();
        var (_, file) = await client.PageAsync($"/orientation?Territoire={territoire}");
        (await DeciderAsync(client, avant, await DecisionAsync(Aujourdhui))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await DeciderAsync(client, apres, await DecisionAsync(Aujourdhui))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        Personnes(file).ShouldBe([avant, apres]);
        Ligne(file, avant).ShouldContain("Hors délai dépassé de 3 jours");
        Ligne(file, avant).ShouldContain(Aujourdhui.AddDays(-3).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        Ligne(file, apres).ShouldContain("53 jours restants");
        var decisionAvant = await DecisionEnVigueurAsync(avant);
        var decisionApres = await DecisionEnVigueurAsync(apres);
        (decisionAvant.DelaiJours, decisionAvant.SemainesDelai, decisionAvant.HorsDelai).ShouldBe((45, 6, true));
        (decisionApres.DelaiJours, decisionApres.SemainesDelai, decisionApres.HorsDelai).ShouldBe((3, 8, false));
    }

    [Fact]
    public async Task La_decision_emet_son_courrier_avec_les_voies_de_recours_et_paraît_au_dossier()
    {
        var personne = await PersonneAsync("Mazières", Aujourdhui.AddDays(-50), "15004", freins: ("sante", NiveauFrein.Bloquant));
        using var client = await ConnecteAsync();
        var (_, formulaire) = await client.PageAsync($"/beneficiaires/{personne}/orientation");

        var reponse = await DeciderAsync(client, personne, await DecisionAsync(Aujourdhui, vulnerabilite: "violences", motif: "Santé à stabiliser avant toute recherche d'emploi."));

        Espaces(formulaire.QuerySelector("aside")!.TextContent).ShouldContain("Social Frein bloquant en santé");
        formulaire.QuerySelector<IHtmlInputElement>("#Saisie_DateDecision")!.Value.ShouldBe(Iso(Aujourdhui));
        reponse.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        reponse.Headers.Location!.OriginalString.ShouldBe($"/beneficiaires/{personne}/orientation");
        var decision = await DecisionEnVigueurAsync(personne);
        (decision.Parcours, decision.Organisme, decision.DelaiJours, decision.HorsDelai).ShouldBe((TypeParcours.Social, OrganismeOrientation.ServiceDepartement, 50, true));
        decision.LibelleOrganisme.ShouldBe("Département du Cantal – Territoire d'action sociale d'Aurillac");
        decision.MotifVulnerabilite.ShouldBe("violences");
        decision.RevisionDue.ShouldBe(Aujourdhui.AddMonths(12));
        decision.DateNotification.ShouldBeNull();

        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        var courrier = await db.CourriersEmis.SingleAsync(c => c.BeneficiaireId == personne);
        (courrier.Type, courrier.ObjetId, courrier.DateEnvoi).ShouldBe((TypeCourrier.DecisionOrientation, (Guid?)decision.Id, Aujourdhui));
        var pdf = await db.ContenusDocuments.Where(c => c.DocumentId == courrier.DocumentId).Select(c => c.Contenu).SingleAsync();
        var texte = Espaces(await TextePdf.ExtraireAsync(pdf));
        texte.ShouldContain("Décision d'orientation");
        texte.ShouldContain("Madame Camille Mazières");
        texte.ShouldContain("vous oriente vers un parcours social.");
        texte.ShouldContain("Département du Cantal – Territoire d'action sociale");
        texte.ShouldContain("Motif de la décision Santé à stabiliser avant toute recherche d'emploi.");
        texte.ShouldContain("recours administratif préalable, qui est obligatoire, auprès du président du conseil départemental, dans un délai de deux mois à compter de la notification");
        texte.ShouldContain("tribunal administratif dans un délai de deux mois à compter de la réponse");
        texte.ShouldContain("L'absence de réponse pendant deux mois vaut refus");
        texte.ShouldNotContain("Victime de violences");
        (await db.JournalAcces.CountAsync(j => j.EnregistrementId == decision.Id && j.Action == ActionJournal.Creation)).ShouldBe(1);

        var (page, courrierImprimable) = await client.PageAsync($"/beneficiaires/{personne}/orientation/{decision.Id}/courrier");
        var telechargement = await client.Http.GetAsync($"/beneficiaires/{personne}/orientation/{decision.Id}/courrier.pdf");
        var (_, dossier) = await client.PageAsync($"/beneficiaires/{personne}");
        var (_, file) = await client.PageAsync($"/orientation?Territoire={await TerritoireAsync("15004")}");

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var lettre = Espaces(courrierImprimable.QuerySelector("article")!.TextContent);
        lettre.ShouldContain("Organisme chargé de votre accompagnement Département du Cantal – Territoire d'action sociale d'Aurillac");
        lettre.ShouldContain("Motif de la décision Santé à stabiliser avant toute recherche d'emploi.");
        lettre.ShouldContain("recours administratif préalable, qui est obligatoire");
        lettre.ShouldNotContain("Victime de violences");
        telechargement.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        Espaces(await TextePdf.ExtraireAsync(await telechargement.Content.ReadAsByteArrayAsync())).ShouldContain("tribunal administratif");
        var section = Espaces(dossier.QuerySelector("#orientation")!.TextContent);
        dossier.QuerySelector("#orientation dd")!.TextContent.Trim().ShouldBe("Social");
        section.ShouldContain("50 jours après la réception de l'information Hors délai");
        section.ShouldContain($"au plus tard le {Aujourdhui.AddMonths(12).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}");
        Espaces((await client.PageAsync($"/beneficiaires/{personne}/chronologie")).Document.QuerySelector("#chronologie")!.TextContent)
            .ShouldContain("Orientation vers le parcours social");
        Personnes(file).ShouldNotContain(personne);
    }

    [Fact]
    public async Task La_notification_s_enregistre_plus_tard_et_pas_dans_le_futur()
    {
        var personne = await PersonneAsync("Nozières", Aujourdhui.AddDays(-20), "15005");
        using var client = await ConnecteAsync();
        (await DeciderAsync(client, personne, await DecisionAsync(Aujourdhui.AddDays(-2), TypeParcours.Emploi, OrganismeOrientation.FranceTravail, "France Travail – Agence d'Aurillac")))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var decision = await DecisionEnVigueurAsync(personne);
        var url = $"/beneficiaires/{personne}/orientation";

        var futur = await client.PosterAsync(url, [new("DecisionId", decision.Id.ToString()), new("DateNotification", Iso(Aujourdhui.AddDays(1)))], $"{url}?handler=Notification");
        var valide = await client.PosterAsync(url, [new("DecisionId", decision.Id.ToString()), new("DateNotification", Iso(Aujourdhui.AddDays(-1)))], $"{url}?handler=Notification");

        futur.StatusCode.ShouldBe(HttpStatusCode.OK);
        Espaces((await ClientPasserelle.DocumentAsync(futur)).QuerySelector(".resume-erreurs")!.TextContent).ShouldContain("La date de notification ne peut pas être dans le futur.");
        valide.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await DecisionEnVigueurAsync(personne)).DateNotification.ShouldBe(Aujourdhui.AddDays(-1));
    }

    [Fact]
    public async Task Une_saisie_invalide_est_refusee_en_francais_et_rien_n_est_ecrit()
    {
        var personne = await PersonneAsync("Orcel", Aujourdhui.AddDays(-20), "15006");
        using var client = await ConnecteAsync();
        var champs = await DecisionAsync(Aujourdhui.AddDays(1), TypeParcours.Emploi, OrganismeOrientation.FranceTravail, motif: "  ", vulnerabilite: "violences");

        var reponse = await DeciderAsync(client, personne, champs);

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        var erreurs = Espaces((await ClientPasserelle.DocumentAsync(reponse)).QuerySelector(".resume-erreurs")!.TextContent);
        erreurs.ShouldContain("La structure « Département du Cantal – Territoire d'action sociale d'Aurillac » (Service du Département) ne correspond pas à l'organisme choisi (France Travail).");
        erreurs.ShouldContain("La date de la décision ne peut pas être dans le futur.");
        erreurs.ShouldContain("Le motif de la décision est obligatoire : il figure sur le courrier.");
        erreurs.ShouldContain("Le motif de vulnérabilité ne concerne que le parcours social.");
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        (await db.DecisionsOrientation.CountAsync(o => o.BeneficiaireId == personne)).ShouldBe(0);
        (await db.CourriersEmis.CountAsync(c => c.BeneficiaireId == personne)).ShouldBe(0);
        (await db.Documents.CountAsync(d => d.BeneficiaireId == personne)).ShouldBe(0);
    }

    [Fact]
    public async Task Un_referent_n_ouvre_pas_la_file_et_ne_decide_pas_mais_lit_l_orientation()
    {
        var personne = await PersonneAsync("Pagès", Aujourdhui.AddDays(-20), "15007");
        using var client = await ConnecteAsync("referent.cantal");

        var (file, _) = await client.PageAsync("/orientation");
        var (lecture, page) = await client.PageAsync($"/beneficiaires/{personne}/orientation");
        var ecriture = await client.PosterDirectementAsync($"/beneficiaires/{personne}/orientation?handler=Decider", await DecisionAsync(Aujourdhui));
        var (reponses, _) = await client.PageAsync("/orientation/reorientations");

        file.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        reponses.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        lecture.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("select[name='Saisie.Parcours']").ShouldBeNull();
        Espaces(page.QuerySelector("main")?.TextContent ?? page.Body!.TextContent).ShouldContain("En attente d'orientation");
        ecriture.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PageAsync("/")).Document.QuerySelectorAll("a[href='/orientation']").ShouldBeEmpty();
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        (await db.DecisionsOrientation.CountAsync(o => o.BeneficiaireId == personne)).ShouldBe(0);
    }

    [Fact]
    public async Task Un_compte_du_Puy_de_Dome_ne_voit_ni_les_pages_ni_dans_la_file_une_personne_du_Cantal()
    {
        var personne = await PersonneAsync("Quintin", Aujourdhui.AddDays(-60), "15008");
        using (var cantal = await ConnecteAsync())
        {
            (await DeciderAsync(cantal, personne, await DecisionAsync(Aujourdhui))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var enAttente = await PersonneAsync("Roumégoux", Aujourdhui.AddDays(-60), "15008");
        var voisine = await PersonneAsync("Sarliève", Aujourdhui.AddDays(-60), "63113", referent: "referent.puydedome", departement: "63");
        var decision = await DecisionEnVigueurAsync(personne);
        using var client = await ConnecteAsync("orientation.puydedome");
        using var referent = await ConnecteAsync("referent.puydedome");

        foreach (var url in new[]
        {
            $"/beneficiaires/{personne}/orientation", $"/beneficiaires/{enAttente}/orientation",
            $"/beneficiaires/{personne}/orientation/{decision.Id}/courrier", $"/beneficiaires/{personne}/orientation/{decision.Id}/courrier.pdf",
        })
        {
            (await client.Http.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        }

        (await client.PosterDirectementAsync($"/beneficiaires/{enAttente}/orientation?handler=Decider", await DecisionAsync(Aujourdhui)))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await referent.Http.GetAsync($"/beneficiaires/{personne}/orientation/reorientation")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await referent.PosterDirectementAsync($"/beneficiaires/{personne}/orientation/reorientation",
            [new("ParcoursSouhaite", "Emploi"), new("Motif", "Essai")])).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Every page of the Puy-de-Dôme queue: no Cantal person, the demo's or this test's.
        var vus = new List<Guid>();
        var suivante = "/orientation";
        while (suivante is not null)
        {
            var (reponse, page) = await client.PageAsync(suivante);
            reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
            vus.AddRange(Personnes(page));
            suivante = page.QuerySelector("nav.pagination a[rel=next]")?.GetAttribute("href");
        }

        vus.ShouldContain(voisine);
        var puyDeDome = await app.Base.DepartementAsync("63");
        await using var db = app.Base.Contexte();
        (await db.Beneficiaires.IgnoreQueryFilters().Where(b => vus.Contains(b.Id)).Select(b => b.DepartementId).Distinct().ToListAsync())
            .ShouldBe([puyDeDome]);
        await using var cantalDb = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        (await cantalDb.DecisionsOrientation.CountAsync(o => o.BeneficiaireId == enAttente)).ShouldBe(0);
        (await cantalDb.DemandesReorientation.CountAsync(d => d.BeneficiaireId == personne)).ShouldBe(0);
    }

    [Fact]
    public async Task Un_responsable_voit_la_file_de_son_perimetre_seulement()
    {
        var chezLui = await PersonneAsync("Veyrières", Aujourdhui.AddDays(-25), "15014", referent: null);
        var ailleurs = await PersonneAsync("Ytrac", Aujourdhui.AddDays(-25), "15120", referent: "referent.mauriac");
        using var client = await ConnecteAsync("responsable.cantal");

        var vus = new List<Guid>();
        var suivante = "/orientation";
        while (suivante is not null)
        {
            var (reponse, page) = await client.PageAsync(suivante);
            reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
            vus.AddRange(Personnes(page));
            suivante = page.QuerySelector("nav.pagination a[rel=next]")?.GetAttribute("href");
        }

        vus.ShouldContain(chezLui);
        vus.ShouldNotContain(ailleurs);
        var (_, lecture) = await client.PageAsync($"/beneficiaires/{chezLui}/orientation");
        lecture.QuerySelector("select[name='Saisie.Parcours']").ShouldBeNull();
        (await client.Http.GetAsync($"/beneficiaires/{ailleurs}/orientation")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Une_reorientation_acceptee_remplace_l_orientation_et_garde_l_ancienne()
    {
        var personne = await PersonneAsync("Sabatier", Aujourdhui.AddDays(-60), "15014");
        using var agent = await ConnecteAsync();
        (await DeciderAsync(agent, personne, await DecisionAsync(Aujourdhui.AddDays(-10)))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var ancienne = await DecisionEnVigueurAsync(personne);
        using var referent = await ConnecteAsync("referent.cantal");
        var url = $"/beneficiaires/{personne}/orientation/reorientation";

        var vide = await referent.PosterAsync(url, [new("ParcoursSouhaite", ""), new("Motif", "")]);
        var demandee = await referent.PosterAsync(url, [new("ParcoursSouhaite", "Emploi"), new("Motif", "Logement trouvé, projet de reprise d'emploi.")]);
        var doublon = await referent.PosterDirectementAsync(url, [new("ParcoursSouhaite", "Emploi"), new("Motif", "Encore")]);

        Espaces((await ClientPasserelle.DocumentAsync(vide)).QuerySelector(".resume-erreurs")!.TextContent)
            .ShouldContain("Choisissez le parcours souhaité.");
        demandee.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Espaces((await ClientPasserelle.DocumentAsync(doublon)).Body!.TextContent).ShouldContain("Une demande de réorientation attend déjà la réponse d'un responsable.");
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        var demande = await db.DemandesReorientation.SingleAsync(d => d.BeneficiaireId == personne);

        using var responsable = await ConnecteAsync("responsable.cantal");
        var (_, liste) = await responsable.PageAsync("/orientation/reorientations");
        var reponseUrl = $"/orientation/reorientations/{demande.Id}";
        var (_, formulaire) = await responsable.PageAsync(reponseUrl);
        var champs = await DecisionAsync(Aujourdhui, TypeParcours.Emploi, OrganismeOrientation.FranceTravail, "France Travail – Agence d'Aurillac",
            "Projet de reprise d'emploi, logement stabilisé.");
        champs.Add(new("Version", demande.Version.ToString(CultureInfo.InvariantCulture)));
        var acceptee = await responsable.PosterAsync(reponseUrl, champs, $"{reponseUrl}?handler=Accepter");

        liste.QuerySelector($"a[href='{reponseUrl}']").ShouldNotBeNull();
        formulaire.QuerySelector<IHtmlSelectElement>("#Saisie_Parcours")!.Value.ShouldBe("Emploi");
        acceptee.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        db.ChangeTracker.Clear();
        var decisions = await db.DecisionsOrientation.Where(o => o.BeneficiaireId == personne).OrderBy(o => o.Instant).ToListAsync();
        decisions.Count.ShouldBe(2);
        decisions[0].Id.ShouldBe(ancienne.Id);
        decisions[0].Fin.ShouldBe(Aujourdhui);
        decisions[0].Parcours.ShouldBe(TypeParcours.Social);
        (decisions[1].Parcours, decisions[1].PrecedenteId, decisions[1].Fin, decisions[1].DelaiJours, decisions[1].RevisionDue)
            .ShouldBe((TypeParcours.Emploi, (Guid?)ancienne.Id, (DateOnly?)null, (int?)null, (DateOnly?)null));
        var reponse = await db.DemandesReorientation.SingleAsync(d => d.Id == demande.Id);
        (reponse.Statut, reponse.NouvelleOrientationId, reponse.DateReponse).ShouldBe((StatutDemandeReorientation.Acceptee, (Guid?)decisions[1].Id, (DateOnly?)Aujourdhui));
        (await db.CourriersEmis.CountAsync(c => c.BeneficiaireId == personne && c.Type == TypeCourrier.DecisionOrientation)).ShouldBe(2);
        var (_, apres) = await responsable.PageAsync("/orientation/reorientations");
        apres.QuerySelector($"a[href='{reponseUrl}']").ShouldBeNull();
        var chronologie = Espaces((await referent.PageAsync($"/beneficiaires/{personne}/chronologie")).Document.QuerySelector("#chronologie")!.TextContent);
        chronologie.ShouldContain("Demande de réorientation acceptée");
        chronologie.ShouldContain("Réorientation vers le parcours emploi");
    }

    [Fact]
    public async Task Une_reorientation_refusee_demande_un_motif_et_laisse_l_orientation()
    {
        var personne = await PersonneAsync("Teulière", Aujourdhui.AddDays(-60), "15014");
        using var agent = await ConnecteAsync();
        (await DeciderAsync(agent, personne, await DecisionAsync(Aujourdhui.AddDays(-10)))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var referent = await ConnecteAsync("referent.cantal");
        (await referent.PosterAsync($"/beneficiaires/{personne}/orientation/reorientation", [new("ParcoursSouhaite", "SocioProfessionnel"), new("Motif", "Projet de formation.")]))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        var demande = await db.DemandesReorientation.SingleAsync(d => d.BeneficiaireId == personne);
        using var responsable = await ConnecteAsync("responsable.cantal");
        var url = $"/orientation/reorientations/{demande.Id}";
        var version = demande.Version.ToString(CultureInfo.InvariantCulture);

        var perimee = await responsable.PosterAsync(url, [new("Version", (demande.Version + 1).ToString(CultureInfo.InvariantCulture)), new("MotifRefus", "Trop tard.")], $"{url}?handler=Refuser");
        var sansMotif = await responsable.PosterAsync(url, [new("Version", version), new("MotifRefus", " ")], $"{url}?handler=Refuser");
        var refusee = await responsable.PosterAsync(url, [new("Version", version), new("MotifRefus", "Attendre la fin de l'action logement.")], $"{url}?handler=Refuser");

        Espaces((await ClientPasserelle.DocumentAsync(sansMotif)).QuerySelector(".resume-erreurs")?.TextContent
            ?? (await ClientPasserelle.DocumentAsync(sansMotif)).Body!.TextContent).ShouldContain("Le motif du refus est obligatoire");
        Espaces((await ClientPasserelle.DocumentAsync(perimee)).QuerySelector(".resume-erreurs")!.TextContent).ShouldContain("modifiée entre-temps");
        refusee.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        db.ChangeTracker.Clear();
        var reponse = await db.DemandesReorientation.SingleAsync(d => d.Id == demande.Id);
        (reponse.Statut, reponse.MotifRefus, reponse.NouvelleOrientationId).ShouldBe((StatutDemandeReorientation.Refusee, "Attendre la fin de l'action logement.", (Guid?)null));
        (await db.DecisionsOrientation.CountAsync(o => o.BeneficiaireId == personne)).ShouldBe(1);
        (await DecisionEnVigueurAsync(personne)).Parcours.ShouldBe(TypeParcours.Social);
        var (_, orientation) = await referent.PageAsync($"/beneficiaires/{personne}/orientation");
        Espaces(orientation.Body!.TextContent).ShouldContain("Refusée le");
        Espaces(orientation.Body!.TextContent).ShouldContain("Attendre la fin de l'action logement.");
    }

    [Fact]
    public async Task Un_responsable_hors_perimetre_ne_repond_pas_a_une_demande()
    {
        // Mauriac, oriented to the Mauriac TAS: outside responsable.cantal's territories and structure.
        var personne = await PersonneAsync("Vermenouze", Aujourdhui.AddDays(-60), "15120", referent: "referent.mauriac");
        using var agent = await ConnecteAsync();
        var decision = await DecisionAsync(Aujourdhui.AddDays(-10), structure: "Département du Cantal – Territoire d'action sociale de Mauriac");
        (await DeciderAsync(agent, personne, decision)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var referent = await ConnecteAsync("referent.mauriac");
        (await referent.PosterAsync($"/beneficiaires/{personne}/orientation/reorientation", [new("ParcoursSouhaite", "Emploi"), new("Motif", "Reprise.")]))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        var demande = await db.DemandesReorientation.SingleAsync(d => d.BeneficiaireId == personne);
        using var responsable = await ConnecteAsync("responsable.cantal");

        var (_, liste) = await responsable.PageAsync("/orientation/reorientations");
        var (page, _) = await responsable.PageAsync($"/orientation/reorientations/{demande.Id}");
        var refus = await responsable.PosterDirectementAsync($"/orientation/reorientations/{demande.Id}?handler=Refuser",
            [new("Version", demande.Version.ToString(CultureInfo.InvariantCulture)), new("MotifRefus", "Non")]);

        liste.QuerySelector($"a[href='/orientation/reorientations/{demande.Id}']").ShouldBeNull();
        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        refus.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        db.ChangeTracker.Clear();
        (await db.DemandesReorientation.SingleAsync(d => d.Id == demande.Id)).Statut.ShouldBe(StatutDemandeReorientation.EnAttente);
    }

    [Fact]
    public async Task Un_parcours_social_proche_de_son_examen_est_signale_et_l_examen_le_repousse()
    {
        var territoire = await TerritoireAsync("15009");
        var personne = await PersonneAsync("Wagner", Aujourdhui.AddMonths(-7), "15009");
        using var client = await ConnecteAsync();
        var decidee = Aujourdhui.AddMonths(-6).AddDays(10);
        (await DeciderAsync(client, personne, await DecisionAsync(decidee))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var decision = await DecisionEnVigueurAsync(personne);

        var (_, examens) = await client.PageAsync($"/orientation?Vue=examens&Territoire={territoire}");
        var (_, dossier) = await client.PageAsync($"/beneficiaires/{personne}");
        var url = $"/beneficiaires/{personne}/orientation";
        var examen = await client.PosterAsync(url, [new("DecisionId", decision.Id.ToString()), new("DateExamen", Iso(Aujourdhui))], $"{url}?handler=Examen");
        var (_, apres) = await client.PageAsync($"/orientation?Vue=examens&Territoire={territoire}");

        decision.RevisionDue.ShouldBe(decidee.AddMonths(6));
        Personnes(examens).ShouldBe([personne]);
        var jours = decidee.AddMonths(6).DayNumber - Aujourdhui.DayNumber;
        Ligne(examens, personne).ShouldContain($"dans {jours} jour");
        Espaces(dossier.QuerySelector("#orientation")!.TextContent).ShouldContain("Examen à prévoir");
        examen.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await DecisionEnVigueurAsync(personne)).RevisionDue.ShouldBe(Aujourdhui.AddMonths(6));
        Personnes(apres).ShouldBeEmpty();
    }
}

public sealed class OrientationSqliteTests(ApplicationSqlite app) : OrientationTests(app), IClassFixture<ApplicationSqlite>;

public sealed class OrientationPostgresTests(ApplicationPostgres app) : OrientationTests(app), IClassFixture<ApplicationPostgres>;
