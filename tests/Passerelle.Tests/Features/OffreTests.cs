using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Json.Schema;
using Microsoft.EntityFrameworkCore;
using Passerelle.Domain;
using Passerelle.Infrastructure.Tenancy;
using Passerelle.Tests.Support;

namespace Passerelle.Tests.Features;

/// <summary>
/// The public portal and the data·inclusion feed, as an anonymous visitor and a harvester see them: every service
/// of the three demo départements valid against the project's copy of service.json, the search, what is not
/// published, and no trace of the people who follow the actions.
/// </summary>
public abstract class OffreTests(ApplicationDeTest app)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        using var flux = ReferentielDataInclusion.SchemaService();
        using var lecteur = new StreamReader(flux);
        return JsonSchema.FromText(lecteur.ReadToEnd());
    });

    private static readonly string[] NomsZorglub = ["Zorglub permis à Clermont", "Zorglub numérique à Riom", "Zorglub véhicule partout"];

    private static readonly EvaluationOptions OptionsValidation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private DateOnly Aujourdhui => app.Factory.Temps.Aujourdhui(Paris);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private ClientPasserelle Anonyme() => app.Factory.Client();

    private readonly OffreDeTest offre = new(app);

    /// <summary>An action with every field the feed carries: contact, place, zone, dates, rules.</summary>
    private Task<Guid> ActionCompleteAsync(string nom, string operateur, string departement, string commune, Guid? territoire = null, string[]? communes = null) =>
        offre.ActionAsync(nom, operateur, departement, a =>
        {
            a.Decrire(nom, $"Accompagnement {nom} : diagnostic, ateliers collectifs et suivi individuel vers l'emploi.", "accompagnement",
                ["mobilite--preparer-un-permis", "mobilite--etre-accompagne-dans-son-parcours-mobilite"], ["beneficiaires-des-minimas-sociaux", "jeunes"],
                ["en-presentiel", "a-distance"], "Être inscrit dans une démarche d'insertion.");
            a.DefinirLieuEtContact("12 rue des Tests", commune, "Camille Contact", "contact.offre@exemple.fr", "04 73 00 00 00", Aujourdhui.AddDays(-30), Aujourdhui.AddYears(1));
            a.DefinirZone(territoire is { } t ? [t] : [], communes ?? []);
            a.DefinirEligibilite(18, 25, Dispositifs.Rsa, true, true, [TypeParcours.SocioProfessionnel]);
            a.DefinirCapaciteEtRythme(ModeCapacite.ParcoursAnnuels, 10, 15, 12, 3);
            a.DefinirPlafonds(385, 70, 120);
            a.DefinirPrescripteurs([TypeStructure.FranceTravail, TypeStructure.MissionLocale]);
            a.MarquerMiseAJour(Aujourdhui.AddDays(-3));
        }, thematiques: ["mobilite--preparer-un-permis"]);

    /// <summary>An action with only what the constructor asks for: no contact, no place, the whole département.</summary>
    private Task<Guid> ActionMinimaleAsync(string nom, string operateur, string departement, string[] thematiques, string[]? publics = null, Action<ActionInsertion>? regler = null) =>
        offre.ActionAsync(nom, operateur, departement, a =>
        {
            a.Decrire(nom, $"Présentation de l'action {nom}.", "atelier", thematiques, publics ?? ["beneficiaires-des-minimas-sociaux"], [], null);
            regler?.Invoke(a);
        }, typeService: "atelier", thematiques: thematiques);

    private async Task<Guid> TerritoireAsync(string departement, string nom, params string[] communes)
    {
        var departementId = await app.Base.DepartementAsync(departement);
        await using var db = app.Base.Contexte(departementId);
        var territoire = new Territoire(departementId, nom, TypeTerritoire.BassinDeVie);
        territoire.DefinirCommunes(communes);
        db.Territoires.Add(territoire);
        await db.SaveChangesAsync();
        return territoire.Id;
    }

    /// <summary>Every item of a département's feed, page after page.</summary>
    private static async Task<List<JsonElement>> FluxCompletAsync(ClientPasserelle client, string code, int taille = 3)
    {
        var items = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var reponse = await client.Http.GetAsync($"/api/v1/offre/{code}/services?page={page}&taille={taille}");
            reponse.StatusCode.ShouldBe(HttpStatusCode.OK, await reponse.Content.ReadAsStringAsync());
            using var document = JsonDocument.Parse(await reponse.Content.ReadAsStringAsync());
            var racine = document.RootElement;
            racine.GetProperty("page").GetInt32().ShouldBe(page);
            racine.GetProperty("taille").GetInt32().ShouldBe(taille);
            var total = racine.GetProperty("total").GetInt32();
            var elements = racine.GetProperty("items").EnumerateArray().Select(e => e.Clone()).ToList();
            elements.Count.ShouldBeLessThanOrEqualTo(taille);
            items.AddRange(elements);
            if (page * taille >= total)
            {
                items.Count.ShouldBe(total);
                return items;
            }

            elements.Count.ShouldBe(taille);
        }
    }

    private static string Erreurs(EvaluationResults resultats) => string.Join(
        Environment.NewLine,
        (resultats.Details ?? []).Append(resultats).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}) : {e.Key} — {e.Value}")));

    private static List<string> ActionsAffichees(IHtmlDocument document) =>
        document.QuerySelectorAll("[data-action]").Select(e => e.GetAttribute("data-action")!).ToList();

    private static string Liste(JsonElement element) => string.Join(",", element.EnumerateArray().Select(e => e.GetString()));

    [Fact]
    public async Task Chaque_service_des_flux_du_cantal_du_puy_de_dome_et_du_calvados_est_valide_contre_le_schema()
    {
        var clermont = await ActionCompleteAsync("Flux complet Puy-de-Dôme", "operateur.mobilite", "63", "63113", communes: ["63113", "63300"]);
        await ActionMinimaleAsync("Flux minimal Puy-de-Dôme", "operateur.mobilite", "63", ["numerique--maitriser-les-fondamentaux-du-numerique"]);
        var territoire = await TerritoireAsync("15", "Bassin de test du flux", "15014", "15187");
        var aurillac = await ActionCompleteAsync("Flux complet Cantal", "operateur.cantal", "15", "15014", territoire);
        await ActionMinimaleAsync("Flux minimal Cantal", "operateur.cantal", "15", ["remobilisation--lien-social"]);
        await ActionCompleteAsync("Flux complet Calvados", "operateur.calvados", "14", "14118");
        await ActionMinimaleAsync("Flux minimal Calvados", "operateur.calvados", "14", ["trouver-un-emploi--repondre-a-des-offres-demploi"], ["tous-publics"]);
        using var client = Anonyme();

        foreach (var code in new[] { "15", "63", "14" })
        {
            var items = await FluxCompletAsync(client, code);

            items.Count.ShouldBeGreaterThanOrEqualTo(2);
            items.Select(i => i.GetProperty("id").GetString()).ShouldBeUnique();
            foreach (var item in items)
            {
                var resultats = Schema.Value.Evaluate(item, OptionsValidation);
                resultats.IsValid.ShouldBeTrue($"{item.GetProperty("id").GetString()} :{Environment.NewLine}{Erreurs(resultats)}");
                item.GetProperty("source").GetString().ShouldBe($"passerelle-cd{code}");
                item.GetProperty("id").GetString()!.ShouldStartWith($"passerelle-{code}--");
            }
        }

        var cantal = (await FluxCompletAsync(client, "15", taille: 200)).Single(i => i.GetProperty("id").GetString() == $"passerelle-15--{aurillac}");
        var puyDeDome = (await FluxCompletAsync(client, "63", taille: 200)).Single(i => i.GetProperty("id").GetString() == $"passerelle-63--{clermont}");
        var minimal = (await FluxCompletAsync(client, "14", taille: 200)).Single(i => i.GetProperty("nom").GetString() == "Flux minimal Calvados");
        string structureMobilite;
        await using (var db = app.Base.Contexte(await app.Base.DepartementAsync("63")))
        {
            structureMobilite = (await db.Actions.Where(a => a.Id == clermont).Select(a => a.StructureId).SingleAsync()).ToString();
        }

        puyDeDome.ShouldSatisfyAllConditions(
            s => s.GetProperty("structure_id").GetString().ShouldBe($"passerelle-63--{structureMobilite}"),
            s => s.GetProperty("nom").GetString().ShouldBe("Flux complet Puy-de-Dôme"),
            s => s.GetProperty("date_maj").GetString().ShouldBe(Iso(Aujourdhui.AddDays(-3))),
            s => s.GetProperty("type").GetString().ShouldBe("accompagnement"),
            s => Liste(s.GetProperty("thematiques")).ShouldBe("mobilite--preparer-un-permis,mobilite--etre-accompagne-dans-son-parcours-mobilite"),
            s => Liste(s.GetProperty("publics")).ShouldBe("beneficiaires-des-minimas-sociaux,jeunes"),
            s => Liste(s.GetProperty("modes_accueil")).ShouldBe("en-presentiel,a-distance"),
            s => s.GetProperty("frais").GetString().ShouldBe("gratuit"),
            s => Liste(s.GetProperty("mobilisable_par")).ShouldBe("professionnels"),
            s => Liste(s.GetProperty("modes_mobilisation")).ShouldBe("envoyer-un-courriel,telephoner"),
            s => Liste(s.GetProperty("zone_eligibilite")).ShouldBe("63113,63300"),
            s => s.GetProperty("code_insee").GetString().ShouldBe("63113"),
            s => s.GetProperty("commune").GetString().ShouldBe("Clermont-Ferrand"),
            s => s.GetProperty("code_postal").GetString().ShouldBe("63000"),
            s => s.GetProperty("adresse").GetString().ShouldBe("12 rue des Tests"),
            s => s.GetProperty("courriel").GetString().ShouldBe("contact.offre@exemple.fr"),
            s => s.GetProperty("telephone").GetString().ShouldBe("04 73 00 00 00"),
            s => s.GetProperty("contact_nom_prenom").GetString().ShouldBe("Camille Contact"),
            s => s.GetProperty("conditions_acces").GetString().ShouldBe("Être inscrit dans une démarche d'insertion."),
            s => s.GetProperty("nombre_semaines").GetInt32().ShouldBe(13),
            s => s.GetProperty("lien_source").GetString().ShouldBe($"http://localhost/offre/63/actions/{clermont}"),
            s => s.GetProperty("mobilisation_precisions").GetString().ShouldBe("Action accessible sur prescription d'un référent de : France Travail, Mission locale."));
        // The territory's communes make the zone, with the communes named besides.
        Liste(cantal.GetProperty("zone_eligibilite")).ShouldBe("15014,15187");
        minimal.ShouldSatisfyAllConditions(
            s => Liste(s.GetProperty("zone_eligibilite")).ShouldBe("14"),
            s => s.GetProperty("date_maj").GetString().ShouldBe(Iso(Aujourdhui)),
            s => s.GetProperty("modes_mobilisation").ValueKind.ShouldBe(JsonValueKind.Null),
            s => s.GetProperty("modes_accueil").ValueKind.ShouldBe(JsonValueKind.Null),
            s => s.GetProperty("code_insee").ValueKind.ShouldBe(JsonValueKind.Null),
            s => s.GetProperty("nombre_semaines").ValueKind.ShouldBe(JsonValueKind.Null));
        (await client.Http.GetAsync(puyDeDome.GetProperty("lien_source").GetString())).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Un_departement_inconnu_repond_404_au_flux_et_au_portail()
    {
        var action = await ActionMinimaleAsync("Action d'un code inconnu", "operateur.mobilite", "63", ["sante--acces-aux-soins"]);
        using var client = Anonyme();

        var flux = await client.Http.GetAsync("/api/v1/offre/99/services");
        var portail = await client.Http.GetAsync("/offre/99");
        var page = await client.Http.GetAsync($"/offre/99/actions/{action}");
        var tropGrande = await client.Http.GetAsync("/api/v1/offre/63/services?taille=201");
        var pageZero = await client.Http.GetAsync("/api/v1/offre/63/services?page=0");
        var auDela = await client.Http.GetAsync("/api/v1/offre/63/services?page=500&taille=200");

        flux.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        flux.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await flux.Content.ReadAsStringAsync()).ShouldContain("Aucun département de la plateforme n'a ce code.");
        portail.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ClientPasserelle.DocumentAsync(portail)).QuerySelector("h1")!.TextContent.ShouldBe("Page introuvable");
        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        tropGrande.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tropGrande.Content.ReadAsStringAsync()).ShouldContain("La taille d'une page va de 1 à 200 services.");
        pageZero.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        auDela.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var document = JsonDocument.Parse(await auDela.Content.ReadAsStringAsync());
        document.RootElement.GetProperty("items").GetArrayLength().ShouldBe(0);
        document.RootElement.GetProperty("total").GetInt32().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task La_recherche_par_thematique_commune_public_et_nom_trouve_les_bonnes_actions()
    {
        var riom = await TerritoireAsync("63", "Bassin de test de Riom", "63300");
        var permis = await offre.ActionAsync("Zorglub permis à Clermont", "operateur.mobilite", "63", a =>
        {
            a.Decrire(a.Nom, a.Presentation, "formation", ["mobilite--preparer-un-permis"], ["jeunes"], ["en-presentiel"], null);
            a.DefinirZone([], ["63113"]);
        }, thematiques: ["mobilite--preparer-un-permis"]);
        var numerique = await offre.ActionAsync("Zorglub numérique à Riom", "operateur.mobilite", "63", a =>
        {
            a.Decrire(a.Nom, a.Presentation, "atelier", ["numerique--maitriser-les-fondamentaux-du-numerique"], ["beneficiaires-des-minimas-sociaux"], [], null);
            a.DefinirZone([riom], []);
        }, thematiques: ["numerique--maitriser-les-fondamentaux-du-numerique"]);
        var vehicule = await offre.ActionAsync("Zorglub véhicule partout", "operateur.mobilite", "63", a =>
            a.Decrire(a.Nom, a.Presentation, "aide-materielle", ["mobilite--acceder-a-un-vehicule"], ["femmes"], [], null),
            thematiques: ["mobilite--acceder-a-un-vehicule"]);
        using var client = Anonyme();

        async Task<IReadOnlyList<string>> ChercherAsync(string criteres)
        {
            var (reponse, document) = await client.PageAsync($"/offre/63?texte=zorglub&{criteres}");
            reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
            return ActionsAffichees(document);
        }

        (await ChercherAsync("")).ShouldBe([permis.ToString(), vehicule.ToString(), numerique.ToString()], ignoreOrder: true);
        (await ChercherAsync("thematique=mobilite")).ShouldBe([permis.ToString(), vehicule.ToString()], ignoreOrder: true);
        (await ChercherAsync("thematique=mobilite--preparer-un-permis")).ShouldBe([permis.ToString()]);
        (await ChercherAsync("public=jeunes")).ShouldBe([permis.ToString()]);
        (await ChercherAsync("public=femmes&thematique=mobilite")).ShouldBe([vehicule.ToString()]);
        // Clermont: named by the first action; the whole-département action serves it too; Riom's territory does not.
        (await ChercherAsync("commune=63113")).ShouldBe([permis.ToString(), vehicule.ToString()], ignoreOrder: true);
        (await ChercherAsync("commune=63300")).ShouldBe([vehicule.ToString(), numerique.ToString()], ignoreOrder: true);
        (await ChercherAsync("thematique=sante")).ShouldBeEmpty();

        var (_, parNom) = await client.PageAsync("/offre/63?texte=ZORGLUB%20NUM");
        ActionsAffichees(parNom).ShouldBe([numerique.ToString()]);
        var (_, vide) = await client.PageAsync("/offre/63?texte=zorglub&thematique=famille");
        vide.QuerySelector(".vide")!.TextContent.ShouldContain("Aucune action publiée ne correspond à ces critères.");
        // Sorted by name: "permis à Clermont", "numérique à Riom"… compared as stored.
        var (_, tous) = await client.PageAsync("/offre/63?texte=zorglub");
        tous.QuerySelectorAll("[data-action] h3").Select(h => h.TextContent.Trim()).ShouldBe(
            NomsZorglub.Order(StringComparer.Ordinal));
        tous.QuerySelector<IHtmlSelectElement>("select#commune")!.Options.ShouldContain(o => o.Value == "63113" && o.Text == "Clermont-Ferrand (63113)");
        tous.QuerySelector<IHtmlSelectElement>("select#commune")!.Options.ShouldNotContain(o => o.Value == "15014");
    }

    [Fact]
    public async Task Le_portail_pagine_la_liste_des_actions()
    {
        for (var i = 1; i <= 27; i++)
        {
            await ActionMinimaleAsync($"Pagination {i:00}", "operateur.calvados", "14", ["famille--garde-denfants"]);
        }

        using var client = Anonyme();
        var (_, premiere) = await client.PageAsync("/offre/14?texte=pagination");
        var (_, seconde) = await client.PageAsync("/offre/14?texte=pagination&p=2");

        premiere.QuerySelector("#titre-actions")!.TextContent.Trim().ShouldBe("27 actions");
        ActionsAffichees(premiere).Count.ShouldBe(25);
        premiere.QuerySelector(".pagination a[rel=next]")!.GetAttribute("href")!.ShouldContain("p=2");
        seconde.QuerySelectorAll("[data-action] h3").Select(h => h.TextContent.Trim()).ShouldBe(["Pagination 26", "Pagination 27"]);
    }

    [Fact]
    public async Task Une_action_non_publiee_ou_d_un_autre_departement_n_apparait_nulle_part()
    {
        var retiree = await ActionMinimaleAsync("Retirée de l'offre", "operateur.mobilite", "63", ["mobilite--financer-ma-mobilite"], regler: a => a.Publier(false));
        var publiee = await ActionMinimaleAsync("Publiée dans l'offre", "operateur.mobilite", "63", ["mobilite--financer-ma-mobilite"]);
        int publiees;
        await using (var db = app.Base.Contexte(await app.Base.DepartementAsync("63")))
        {
            publiees = await db.Actions.CountAsync(a => a.Publiee);
        }

        using var client = Anonyme();
        var (_, liste) = await client.PageAsync("/offre/63?thematique=mobilite--financer-ma-mobilite");
        var page = await client.Http.GetAsync($"/offre/63/actions/{retiree}");
        var ailleurs = await client.Http.GetAsync($"/offre/15/actions/{publiee}");
        var flux = await FluxCompletAsync(client, "63", taille: 200);
        var (_, accueil) = await client.PageAsync("/offre");

        ActionsAffichees(liste).ShouldContain(publiee.ToString());
        ActionsAffichees(liste).ShouldNotContain(retiree.ToString());
        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        ailleurs.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.Http.GetAsync($"/offre/63/actions/{publiee}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        flux.Select(i => i.GetProperty("id").GetString()).ShouldContain($"passerelle-63--{publiee}");
        flux.Select(i => i.GetProperty("id").GetString()).ShouldNotContain($"passerelle-63--{retiree}");
        flux.Count.ShouldBe(publiees);
        accueil.QuerySelector("a[href='/offre/63']")!.TextContent.ShouldBe("Puy-de-Dôme (63)");
        accueil.QuerySelector("a[href='/offre/63']")!.Closest("li")!.QuerySelector("[data-nombre-actions]")!.GetAttribute("data-nombre-actions")
            .ShouldBe(publiees.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task La_page_d_une_action_dit_tout_ce_qu_un_referent_doit_savoir()
    {
        var territoire = await TerritoireAsync("63", "Bassin de test de la page", "63300");
        var action = await ActionCompleteAsync("Page complète", "operateur.mobilite", "63", "63113", territoire, ["63113"]);
        await offre.SessionAsync(action, 12, Aujourdhui.AddDays(10), Aujourdhui.AddDays(40));
        using var client = Anonyme();

        var (reponse, document) = await client.PageAsync($"/offre/63/actions/{action}");

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        var texte = document.QuerySelector("main")!.TextContent;
        document.QuerySelector("h1")!.TextContent.ShouldBe("Page complète");
        texte.ShouldContain("Plateforme mobilité du Puy-de-Dôme");
        texte.ShouldContain("9.1 Fiche-action de test");
        texte.ShouldContain("Accompagnement Page complète : diagnostic");
        texte.ShouldContain("Mobilité — Préparer un permis");
        texte.ShouldContain("Jeunes");
        texte.ShouldContain("En présentiel");
        texte.ShouldContain("Être inscrit dans une démarche d'insertion.");
        texte.ShouldContain("Personnes de 18 à 25 ans.");
        texte.ShouldContain("Personnes suivies au titre de : RSA.");
        texte.ShouldContain("Bénéficiaires du RSA soumis aux droits et devoirs.");
        texte.ShouldContain("Habitants d'un quartier prioritaire de la politique de la ville.");
        texte.ShouldContain("Personnes orientées en parcours socio-professionnel.");
        document.QuerySelector("[data-zone]")!.TextContent.ShouldContain("Bassin de test de la page");
        document.QuerySelector("[data-zone]")!.TextContent.ShouldContain("Clermont-Ferrand");
        document.QuerySelector("[data-prescripteurs]")!.TextContent.ShouldBe("Action accessible sur prescription d'un référent de : France Travail, Mission locale.");
        texte.ShouldContain($"Du {Aujourdhui.AddDays(-30):dd/MM/yyyy} au {Aujourdhui.AddYears(1):dd/MM/yyyy}.");
        texte.ShouldContain("Durée : 3 mois. 12 entretiens prévus. Un entretien tous les 15 jours.");
        texte.ShouldContain("385 heures au plus. Dont un stage de 70 à 120 heures.");
        texte.ShouldContain($"du {Aujourdhui.AddDays(10):dd/MM/yyyy} au {Aujourdhui.AddDays(40):dd/MM/yyyy}");
        texte.ShouldContain("12 rue des Tests, 63000 Clermont-Ferrand");
        texte.ShouldContain("Camille Contact");
        document.QuerySelector("a[href='mailto:contact.offre@exemple.fr']").ShouldNotBeNull();
        // Neither the capacity nor the places of a session: the portal counts no one.
        texte.ShouldNotContain("parcours par an");
        texte.ShouldNotContain("places");
    }

    [Fact]
    public async Task Le_portail_et_le_flux_ne_disent_rien_des_personnes_qui_suivent_une_action()
    {
        var action = await ActionCompleteAsync("Action suivie par une personne", "operateur.mobilite", "63", "63113");
        var personne = await new PersonnesDeTest(app).CreerAsync("Quetzalcoatl", "Ximena", new DateOnly(2003, 5, 17), "referent.puydedome", "63", communeCode: "63113");
        await offre.PrescriptionAsync(personne, action, Aujourdhui.AddDays(-5), suite: (p, a, operateur) => p.Accepter(Aujourdhui.AddDays(-2), operateur, null, null));
        using var client = Anonyme();

        var pages = new List<string>
        {
            await client.Http.GetStringAsync("/offre"),
            await client.Http.GetStringAsync("/offre/63"),
            await client.Http.GetStringAsync("/offre/63?texte=suivie"),
            await client.Http.GetStringAsync($"/offre/63/actions/{action}"),
        };
        pages.AddRange((await FluxCompletAsync(client, "63", taille: 200)).Select(i => i.GetRawText()));

        foreach (var contenu in pages)
        {
            contenu.ShouldNotContain("Quetzalcoatl", Case.Insensitive);
            contenu.ShouldNotContain("Ximena", Case.Insensitive);
            contenu.ShouldNotContain(personne.ToString());
        }
    }

    [Fact]
    public async Task Un_visiteur_sans_compte_parcourt_le_portail_depuis_la_page_de_connexion()
    {
        var action = await ActionMinimaleAsync("Visite anonyme", "operateur.cantal", "15", ["remobilisation--bien-etre-confiance-en-soi"]);
        using var client = Anonyme();

        var (connexion, pageConnexion) = await client.PageAsync("/connexion");
        var lien = pageConnexion.QuerySelector("a[href='/offre']");
        var (accueil, pageAccueil) = await client.PageAsync("/offre");
        var departement = await client.Http.GetAsync("/offre/15");
        var fiche = await client.Http.GetAsync($"/offre/15/actions/{action}");
        var flux = await client.Http.GetAsync("/api/v1/offre/15/services");
        var openApi = await client.Http.GetStringAsync("/openapi/v1.json");

        connexion.StatusCode.ShouldBe(HttpStatusCode.OK);
        lien.ShouldNotBeNull();
        lien.TextContent.ShouldBe("Offre d'insertion");
        accueil.StatusCode.ShouldBe(HttpStatusCode.OK);
        pageAccueil.QuerySelectorAll("a[href^='/offre/']").Select(a => a.GetAttribute("href")).ShouldContain("/offre/15");
        pageAccueil.QuerySelectorAll("a[href^='/offre/']").Select(a => a.GetAttribute("href")).ShouldContain("/offre/14");
        departement.StatusCode.ShouldBe(HttpStatusCode.OK);
        fiche.StatusCode.ShouldBe(HttpStatusCode.OK);
        flux.StatusCode.ShouldBe(HttpStatusCode.OK);
        flux.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        using var document = JsonDocument.Parse(openApi);
        var operation = document.RootElement.GetProperty("paths").GetProperty("/api/v1/offre/{code}/services").GetProperty("get");
        operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ShouldBe(["200", "400", "404"], ignoreOrder: true);
    }

    [Fact]
    public async Task Un_agent_connecte_d_un_autre_departement_voit_l_offre_sans_changer_de_departement()
    {
        var action = await ActionMinimaleAsync("Vue par un agent du Cantal", "operateur.mobilite", "63", ["sante--addictions"]);
        using var client = app.Factory.Client();
        await client.ConnecterAsync("referent.cantal");

        var fiche = await client.Http.GetAsync($"/offre/63/actions/{action}");
        var moi = JsonDocument.Parse(await client.Http.GetStringAsync("/api/v1/moi"));

        fiche.StatusCode.ShouldBe(HttpStatusCode.OK);
        moi.RootElement.GetProperty("departementCode").GetString().ShouldBe("15");
        (await client.Http.GetAsync("/beneficiaires")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

public sealed class OffreSqliteTests(ApplicationSqlite app) : OffreTests(app), IClassFixture<ApplicationSqlite>;

public sealed class OffrePostgresTests(ApplicationPostgres app) : OffreTests(app), IClassFixture<ApplicationPostgres>;
