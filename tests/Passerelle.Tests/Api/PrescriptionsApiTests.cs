using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Domain;
using Passerelle.Infrastructure.Tenancy;
using Passerelle.Tests.Support;

namespace Passerelle.Tests.Api;

public abstract class PrescriptionsApiTests(ApplicationDeTest app)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private DateOnly Aujourdhui => app.Factory.Temps.Aujourdhui(Paris);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Url(Guid prescription, string etape = "") => $"/api/v1/prescriptions/{prescription}{etape}";

    private async Task<ClientPasserelle> ConnecteAsync(string identifiant)
    {
        var client = app.Factory.Client();
        await client.ConnecterAsync(identifiant);
        var jeton = await Json(await client.Http.GetAsync("/api/v1/jeton"));
        client.Http.DefaultRequestHeaders.Add(jeton.GetProperty("enTete").GetString()!, jeton.GetProperty("jeton").GetString());
        return client;
    }

    private static async Task<JsonElement> Json(HttpResponseMessage reponse) =>
        JsonDocument.Parse(await reponse.Content.ReadAsStringAsync()).RootElement;

    /// <summary>A Puy-de-Dôme person followed by referent.puydedome, with her contact details and a diagnostic.</summary>
    private async Task<Guid> PersonneAsync(string nom)
    {
        var id = await new PersonnesDeTest(app).CreerAsync(nom, "Camille", new DateOnly(1986, 9, 14), referent: "referent.puydedome", departement: "63");
        var departement = await app.Base.DepartementAsync("63");
        await using var db = app.Base.Contexte(departement);
        var personne = await db.Beneficiaires.SingleAsync(b => b.Id == id);
        personne.ModifierCoordonnees("04 73 11 22 33", "camille@example.org", "3 rue des Gras", "63113", null);
        db.EvaluationsFreins.Add(new EvaluationFrein(departement, id, Aujourdhui.AddDays(-30), "mobilite", NiveauFrein.Important, "Pas de permis.", null, DateTime.UtcNow));
        await db.SaveChangesAsync();
        return id;
    }

    private async Task<(int Prescriptions, int Heures)> EcrituresAsync(Guid personne)
    {
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("63"));
        return (await db.Prescriptions.CountAsync(p => p.BeneficiaireId == personne),
            await db.HeuresRealisees.CountAsync(h => db.Prescriptions.Any(p => p.Id == h.PrescriptionId && p.BeneficiaireId == personne)));
    }

    private async Task<int> LecturesAsync(Guid personne)
    {
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("63"));
        return await db.JournalAcces.CountAsync(j => j.EnregistrementId == personne && j.Action == ActionJournal.Consultation);
    }

    private object Fiche(Guid action) => new
    {
        actionId = action,
        objectifs = "Obtenir le permis B pour accéder aux offres d'aide à domicile.",
        freins = new[] { "mobilite" },
        partage = new[] { "Coordonnees" },
        consentementLe = Iso(Aujourdhui),
    };

    [Fact]
    public async Task Le_referent_prescrit_l_operateur_accepte_enregistre_l_entree_et_les_heures_et_chacun_lit_sa_vue()
    {
        var personne = await PersonneAsync("Prescrite");
        var action = await new OffreDeTest(app).ActionAsync("Atelier mobilité API");
        using var referent = await ConnecteAsync("referent.puydedome");
        using var operateur = await ConnecteAsync("operateur.mobilite");

        var creee = await referent.Http.PostAsJsonAsync($"/api/v1/beneficiaires/{personne}/prescriptions", Fiche(action));
        var corps = await Json(creee);
        var id = corps.GetProperty("id").GetGuid();
        var lecturesAvant = await LecturesAsync(personne);
        var recue = await Json(await operateur.Http.GetAsync(Url(id)));
        var lecturesApres = await LecturesAsync(personne);
        var liste = await Json(await operateur.Http.GetAsync("/api/v1/prescriptions?etat=Envoyee"));
        var acceptee = await Json(await operateur.Http.PostAsJsonAsync(Url(id, "/reponse"), new { decision = "accepter", version = recue.GetProperty("version").GetInt32() }));
        var perimee = await operateur.Http.PostAsJsonAsync(Url(id, "/entree"), new { version = recue.GetProperty("version").GetInt32(), date = Iso(Aujourdhui) });
        var entree = await Json(await operateur.Http.PostAsJsonAsync(Url(id, "/entree"), new { version = acceptee.GetProperty("version").GetInt32(), date = Iso(Aujourdhui) }));
        var heures = await operateur.Http.PostAsJsonAsync(Url(id, "/heures"), new { version = entree.GetProperty("version").GetInt32(), date = Iso(Aujourdhui), heures = "3,5" });
        var apresHeures = await Json(heures);
        var vueReferent = await Json(await referent.Http.GetAsync(Url(id)));

        creee.StatusCode.ShouldBe(HttpStatusCode.Created);
        creee.Headers.Location!.OriginalString.ShouldBe(Url(id));
        corps.GetProperty("cote").GetString().ShouldBe("referent");
        corps.GetProperty("etat").GetString().ShouldBe("Envoyee");
        corps.GetProperty("expireLe").GetString().ShouldBe(Iso(Aujourdhui.AddDays(30)));
        corps.GetProperty("personne").GetProperty("id").GetGuid().ShouldBe(personne);
        corps.GetProperty("partage").EnumerateArray().Select(p => p.GetString()).ShouldBe(["Coordonnees"]);
        corps.GetProperty("freinsVises")[0].GetProperty("libelle").GetString().ShouldBe("Mobilité");

        // The operator sees the name, the birth date and the shared contact details; not the dossier's id nor the diagnostic.
        recue.GetProperty("cote").GetString().ShouldBe("operateur");
        var personneVue = recue.GetProperty("personne");
        personneVue.GetProperty("id").ValueKind.ShouldBe(JsonValueKind.Null);
        personneVue.GetProperty("nom").GetString().ShouldBe("Prescrite");
        personneVue.GetProperty("dateNaissance").GetString().ShouldBe("1986-09-14");
        personneVue.GetProperty("coordonnees").GetProperty("telephone").GetString().ShouldBe("04 73 11 22 33");
        personneVue.GetProperty("diagnostic").ValueKind.ShouldBe(JsonValueKind.Null);
        personneVue.GetProperty("orientation").ValueKind.ShouldBe(JsonValueKind.Null);
        lecturesApres.ShouldBe(lecturesAvant + 1);
        liste.GetProperty("cote").GetString().ShouldBe("operateur");
        liste.GetProperty("elements").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ShouldContain(id);
        liste.GetProperty("elements").EnumerateArray().ShouldAllBe(e => e.GetProperty("beneficiaireId").ValueKind == JsonValueKind.Null);

        acceptee.GetProperty("etat").GetString().ShouldBe("Acceptee");
        acceptee.GetProperty("accepteeLe").GetString().ShouldBe(Iso(Aujourdhui));
        entree.GetProperty("etat").GetString().ShouldBe("EnCours");
        entree.GetProperty("entreeLe").GetString().ShouldBe(Iso(Aujourdhui));
        heures.StatusCode.ShouldBe(HttpStatusCode.OK);
        apresHeures.GetProperty("heuresRealisees").GetDecimal().ShouldBe(3.5m);
        perimee.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Json(perimee)).GetProperty("versionActuelle").GetInt32().ShouldBe(acceptee.GetProperty("version").GetInt32());
        vueReferent.GetProperty("etat").GetString().ShouldBe("EnCours");
        vueReferent.GetProperty("heures")[0].GetProperty("heures").GetDecimal().ShouldBe(3.5m);
        (await EcrituresAsync(personne)).ShouldBe((1, 1));

        // Each step told the other side, under the bell.
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("63"));
        (await db.Notifications.CountAsync(n => n.Url == $"/prescriptions/recues/{id}")).ShouldBeGreaterThanOrEqualTo(1);
        (await db.Notifications.CountAsync(n => n.Url == $"/prescriptions/{id}")).ShouldBe(2);
    }

    [Fact]
    public async Task Des_heures_au_dela_du_plafond_repondent_400_avec_le_depassement_et_rien_n_est_ecrit()
    {
        var personne = await PersonneAsync("Plafonnee");
        var aujourdhui = Aujourdhui;
        var action = await new OffreDeTest(app).ActionAsync("Atelier de remobilisation API", regler: a => a.DefinirPlafonds(210, null, null));
        var prescription = await new OffreDeTest(app).PrescriptionAsync(personne, action, aujourdhui.AddDays(-40), suite: (p, a, operateur) =>
        {
            p.Accepter(aujourdhui.AddDays(-39), operateur, null, null);
            p.Entrer(aujourdhui.AddDays(-38), aujourdhui);
            for (var jour = 0; jour < 9; jour++)
            {
                p.EnregistrerHeures(aujourdhui.AddDays(-37 + jour), 22, NatureHeures.Action, a, operateur, aujourdhui);
            }
        });
        using var operateur = await ConnecteAsync("operateur.mobilite");
        var version = (await Json(await operateur.Http.GetAsync(Url(prescription)))).GetProperty("version").GetInt32();
        var avant = await EcrituresAsync(personne);

        var reponse = await operateur.Http.PostAsJsonAsync(Url(prescription, "/heures"), new { version, date = Iso(aujourdhui), heures = "13" });
        var invalide = await operateur.Http.PostAsJsonAsync(Url(prescription, "/heures"), new { version, date = "hier", heures = "beaucoup", nature = "Repos" });

        reponse.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        reponse.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await Json(reponse)).GetProperty("detail").GetString()
            .ShouldBe("L'action est plafonnée à 210 h : 198 h sont déjà enregistrées, 13 h de plus dépasseraient le plafond de 1 h.");
        invalide.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var erreurs = (await Json(invalide)).GetProperty("errors");
        erreurs.GetProperty("date")[0].GetString().ShouldBe("La date des heures doit être au format aaaa-mm-jj.");
        erreurs.GetProperty("heures")[0].GetString().ShouldBe("Indiquez le nombre d'heures de la journée, par exemple 3,5.");
        erreurs.GetProperty("nature")[0].GetString().ShouldBe("La nature est Action ou Stage.");
        (await EcrituresAsync(personne)).ShouldBe(avant);
    }

    [Fact]
    public async Task Une_personne_ineligible_est_refusee_avec_la_raison()
    {
        var personne = await PersonneAsync("Tropagee");
        var action = await new OffreDeTest(app).ActionAsync("Accompagnement jeunes API", regler: a => a.DefinirEligibilite(18, 25, Dispositifs.Aucun, false, false, []));
        using var referent = await ConnecteAsync("referent.puydedome");

        var reponse = await referent.Http.PostAsJsonAsync($"/api/v1/beneficiaires/{personne}/prescriptions", Fiche(action));
        var ouverte = await new OffreDeTest(app).ActionAsync("Accueil et orientation API");
        var sansConsentement = await referent.Http.PostAsJsonAsync($"/api/v1/beneficiaires/{personne}/prescriptions", new { actionId = ouverte, objectifs = "Objectif." });

        reponse.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(reponse)).GetProperty("detail").GetString()!.ShouldStartWith("La personne n'est pas éligible à cette action : L'action est réservée aux personnes de 25 ans au plus");
        sansConsentement.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(sansConsentement)).GetProperty("detail").GetString()
            .ShouldBe("Recueillez le consentement de la personne au partage de la fiche de prescription avec l'opérateur.");
        (await EcrituresAsync(personne)).ShouldBe((0, 0));
    }

    [Fact]
    public async Task L_operateur_d_une_autre_structure_et_le_referent_d_un_autre_departement_recoivent_404()
    {
        var personne = await PersonneAsync("Gardee");
        var action = await new OffreDeTest(app).ActionAsync("Diagnostic mobilité API");
        var prescription = await new OffreDeTest(app).PrescriptionAsync(personne, action, Aujourdhui.AddDays(-3));
        using var autreStructure = await ConnecteAsync("operateur.aisp");
        using var autreDepartement = await ConnecteAsync("referent.cantal");

        var lecture = await autreStructure.Http.GetAsync(Url(prescription));
        var reponse = await autreStructure.Http.PostAsJsonAsync(Url(prescription, "/reponse"), new { decision = "accepter", version = 0 });
        var dossier = await autreStructure.Http.GetAsync($"/api/v1/beneficiaires/{personne}");
        var liste = await Json(await autreStructure.Http.GetAsync("/api/v1/prescriptions?taillePage=100"));
        var lectureCantal = await autreDepartement.Http.GetAsync(Url(prescription));
        var annulation = await autreDepartement.Http.PostAsJsonAsync(Url(prescription, "/annulation"), new { version = 0, motif = "Erreur." });
        var prescrire = await autreDepartement.Http.PostAsJsonAsync($"/api/v1/beneficiaires/{personne}/prescriptions", Fiche(action));

        lecture.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        lecture.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        reponse.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        dossier.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        liste.GetProperty("elements").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ShouldNotContain(prescription);
        lectureCantal.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        annulation.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        prescrire.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await EcrituresAsync(personne)).ShouldBe((1, 0));
    }

    [Fact]
    public async Task Un_role_qui_ne_fait_pas_l_etape_recoit_403_et_rien_n_est_ecrit()
    {
        var personne = await PersonneAsync("Protegee");
        var action = await new OffreDeTest(app).ActionAsync("Location de véhicules API");
        var prescription = await new OffreDeTest(app).PrescriptionAsync(personne, action, Aujourdhui.AddDays(-3));
        using var referent = await ConnecteAsync("referent.puydedome");
        using var operateur = await ConnecteAsync("operateur.mobilite");
        using var pilotage = await ConnecteAsync("pilotage.puydedome");

        var repondre = await referent.Http.PostAsJsonAsync(Url(prescription, "/reponse"), new { decision = "accepter", version = 0 });
        var prescrire = await operateur.Http.PostAsJsonAsync($"/api/v1/beneficiaires/{personne}/prescriptions", Fiche(action));
        var annuler = await operateur.Http.PostAsJsonAsync(Url(prescription, "/annulation"), new { version = 0, motif = "Pas pour nous." });
        var lister = await pilotage.Http.GetAsync("/api/v1/prescriptions");
        var lire = await pilotage.Http.GetAsync(Url(prescription));

        repondre.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Json(repondre)).GetProperty("detail").GetString()!.ShouldStartWith("Seuls les opérateurs de la structure");
        prescrire.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        annuler.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        lister.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        lire.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await EcrituresAsync(personne)).ShouldBe((1, 0));
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("63"));
        (await db.Prescriptions.SingleAsync(p => p.Id == prescription)).Etat.ShouldBe(EtatPrescription.Envoyee);
    }

    [Fact]
    public async Task L_operateur_refuse_avec_un_motif_puis_ne_voit_plus_la_personne()
    {
        var personne = await PersonneAsync("Refusee");
        var action = await new OffreDeTest(app).ActionAsync("Aide au permis API");
        var prescription = await new OffreDeTest(app).PrescriptionAsync(personne, action, Aujourdhui.AddDays(-2));
        using var operateur = await ConnecteAsync("operateur.mobilite");
        using var referent = await ConnecteAsync("referent.puydedome");

        var sansMotif = await operateur.Http.PostAsJsonAsync(Url(prescription, "/reponse"), new { decision = "refuser", version = 0 });
        var refus = await operateur.Http.PostAsJsonAsync(Url(prescription, "/reponse"), new { decision = "refuser", version = 0, motif = "Action complète." });
        var corps = await Json(refus);
        var relecture = await operateur.Http.GetAsync(Url(prescription));
        var vueReferent = await Json(await referent.Http.GetAsync(Url(prescription)));

        sansMotif.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        refus.StatusCode.ShouldBe(HttpStatusCode.OK);
        corps.GetProperty("etat").GetString().ShouldBe("Refusee");
        corps.GetProperty("personne").ValueKind.ShouldBe(JsonValueKind.Null);
        relecture.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        vueReferent.GetProperty("motifRefus").GetString().ShouldBe("Action complète.");
    }

    [Fact]
    public async Task L_api_est_decrite_dans_openapi()
    {
        using var client = await ConnecteAsync("referent.puydedome");
        using var document = JsonDocument.Parse(await client.Http.GetStringAsync("/openapi/v1.json"));
        var chemins = document.RootElement.GetProperty("paths");

        var heures = chemins.GetProperty("/api/v1/prescriptions/{id}/heures").GetProperty("post");
        heures.GetProperty("summary").GetString()!.ShouldContain("plafond");
        heures.GetProperty("responses").EnumerateObject().Select(r => r.Name).ShouldBe(["200", "400", "401", "403", "404", "409"], ignoreOrder: true);
        heures.GetProperty("parameters").EnumerateArray().ShouldContain(p => p.GetProperty("name").GetString() == "RequestVerificationToken");
        chemins.GetProperty("/api/v1/beneficiaires/{id}/prescriptions").GetProperty("post").GetProperty("summary").GetString()!.ShouldContain("consentement");
        chemins.GetProperty("/api/v1/prescriptions").GetProperty("get").GetProperty("summary").GetString()!.ShouldStartWith("Les prescriptions");
        foreach (var etape in new[] { "annulation", "reponse", "entree", "bilans", "sortie", "suivi" })
        {
            chemins.GetProperty($"/api/v1/prescriptions/{{id}}/{etape}").GetProperty("post").GetProperty("summary").GetString().ShouldNotBeNullOrWhiteSpace();
        }
    }
}

public sealed class PrescriptionsApiSqliteTests(ApplicationSqlite app) : PrescriptionsApiTests(app), IClassFixture<ApplicationSqlite>;

public sealed class PrescriptionsApiPostgresTests(ApplicationPostgres app) : PrescriptionsApiTests(app), IClassFixture<ApplicationPostgres>;
