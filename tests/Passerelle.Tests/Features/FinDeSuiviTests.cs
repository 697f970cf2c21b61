using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Domain;
using Passerelle.Domain.Identite;
using Passerelle.Infrastructure.Securite;
using Passerelle.Infrastructure.Tenancy;
using Passerelle.Tests.Support;

namespace Passerelle.Tests.Features;

/// <summary>Closing and reopening a dossier, its transfer export, and the information notice.</summary>
public abstract class FinDeSuiviTests(ApplicationDeTest app)
{
    private const string NirEnClair = "285057800608441";

    private DateOnly Aujourdhui => app.Factory.Temps.Aujourdhui(TimeZoneInfo.FindSystemTimeZoneById(Departement.FuseauParDefaut));

    private async Task<ClientPasserelle> ConnecteAsync(string identifiant)
    {
        var client = app.Factory.Client();
        (await client.ConnecterAsync(identifiant)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    /// <summary>A person of the Cantal followed by referent.cantal, with a full history.</summary>
    private async Task<Guid> DossierAsync()
    {
        var cantal = await app.Base.DepartementAsync("15");
        var protection = app.Factory.Services.GetRequiredService<ProtectionNir>();
        await using var db = app.Base.Contexte(cantal);
        var referent = await db.Users.Where(a => a.Email == ClientPasserelle.Email("referent.cantal")).Select(a => new { a.Id, a.StructureId }).SingleAsync();
        var instant = app.Factory.Temps.GetUtcNow().UtcDateTime;

        var foyer = new Foyer(cantal);
        foyer.Modifier("12 rue des Carmes", "15014", null, CompositionFoyer.PersonneSeuleAvecEnfants, 2, OrganismePayeur.Caf, "1234567");
        var personne = new Beneficiaire(cantal, "Martin-Dupré", null, "Élodie", new DateOnly(1985, 5, 14), Sexe.Femme, Dispositifs.Rsa | Dispositifs.Plie);
        personne.ModifierCoordonnees("04 71 00 00 00", null, "12 rue des Carmes", "15014", foyer.Id);
        personne.DefinirNir(protection.Proteger(Nir.Lire(NirEnClair)));
        db.Foyers.Add(foyer);
        db.Beneficiaires.Add(personne);
        db.DroitsRsa.Add(new DroitRsa(cantal, personne.Id, Aujourdhui.AddDays(-200), EtatDroitRsa.Ouvert, OrganismePayeur.Caf, true, Aujourdhui.AddDays(-190), referent.Id, instant));
        db.ReferentsUniques.Add(ReferentUnique.Designer(cantal, personne.Id, [], Aujourdhui.AddDays(-100), referent.Id, referent.StructureId, null, null));
        db.EvaluationsFreins.Add(new EvaluationFrein(cantal, personne.Id, Aujourdhui.AddDays(-90), "mobilite", NiveauFrein.Bloquant, "Pas de permis.", referent.Id, instant));
        db.EvaluationsFreins.Add(new EvaluationFrein(cantal, personne.Id, Aujourdhui.AddDays(-10), "mobilite", NiveauFrein.Leger, "Permis en cours.", referent.Id, instant));
        db.NotesSuivi.Add(new NoteSuivi(cantal, personne.Id, referent.Id, instant, "Premier entretien : projet d'aide-soignante."));
        var document = new Document(cantal, personne.Id, "attestation-caf.pdf", "application/pdf", 2048, referent.Id, instant);
        db.Documents.Add(document);
        db.ContenusDocuments.Add(new ContenuDocument(document.Id, Encoding.ASCII.GetBytes("%PDF-1.4 contenu secret")));
        await db.SaveChangesAsync();
        return personne.Id;
    }

    private async Task<(Beneficiaire Dossier, ReferentUnique Referent, List<ClotureDossier> Clotures)> EtatAsync(Guid id)
    {
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        var dossier = await db.Beneficiaires.AsNoTracking().SingleAsync(b => b.Id == id);
        var referent = await db.ReferentsUniques.AsNoTracking().SingleAsync(r => r.BeneficiaireId == id);
        var clotures = await db.ClotureDossiers.AsNoTracking().Where(c => c.BeneficiaireId == id).ToListAsync();
        return (dossier, referent, clotures);
    }

    private async Task<List<JournalAcces>> JournalAsync(Guid id)
    {
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        return await db.JournalAcces.AsNoTracking().Where(j => j.EnregistrementId == id).ToListAsync();
    }

    private static List<KeyValuePair<string, string>> Cloture(int version, DateOnly date, MotifCloture motif, string commentaire = "", bool confirmation = true) =>
    [
        new("Saisie.Version", version.ToString(CultureInfo.InvariantCulture)),
        new("Saisie.Date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        new("Saisie.Motif", motif.ToString()),
        new("Saisie.Commentaire", commentaire),
        new("Saisie.Confirmation", confirmation ? "true" : "false"),
    ];

    private static async Task<string> ErreursAsync(HttpResponseMessage reponse) =>
        (await ClientPasserelle.DocumentAsync(reponse)).QuerySelector(".resume-erreurs")?.TextContent ?? "";

    [Fact]
    public async Task La_cloture_termine_la_designation_du_referent_et_clot_le_dossier()
    {
        var id = await DossierAsync();
        var version = (await EtatAsync(id)).Dossier.Version;
        using var client = await ConnecteAsync("referent.cantal");
        var date = Aujourdhui.AddDays(-2);

        var reponse = await client.PosterAsync($"/beneficiaires/{id}/cloture", Cloture(version, date, MotifCloture.DepartDepartement));

        reponse.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErreursAsync(reponse));
        // His designation is over: the dossier is no longer his, the list of his dossiers says so.
        reponse.Headers.Location!.OriginalString.ShouldBe("/beneficiaires");
        var (dossier, referent, clotures) = await EtatAsync(id);
        dossier.Clos.ShouldBeTrue();
        dossier.Version.ShouldBeGreaterThan(version);
        referent.Fin.ShouldBe(date);
        var cloture = clotures.ShouldHaveSingleItem();
        cloture.Date.ShouldBe(date);
        cloture.Motif.ShouldBe(MotifCloture.DepartDepartement);
        cloture.DateReouverture.ShouldBeNull();
        (await JournalAsync(id)).ShouldContain(j => j.Action == ActionJournal.Modification && j.TypeEnregistrement == nameof(Beneficiaire));
        (await client.PageAsync($"/beneficiaires/{id}/cloture")).Reponse.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Une_cloture_pour_autre_motif_sans_commentaire_est_refusee_et_rien_ne_change()
    {
        var id = await DossierAsync();
        var version = (await EtatAsync(id)).Dossier.Version;
        using var client = await ConnecteAsync("referent.cantal");

        var reponse = await client.PosterAsync($"/beneficiaires/{id}/cloture", Cloture(version, Aujourdhui, MotifCloture.Autre, commentaire: "  "));

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = await ClientPasserelle.DocumentAsync(reponse);
        document.QuerySelector("#Saisie_Commentaire-erreur")!.TextContent.ShouldContain("Précisez le motif de la clôture.");
        var (dossier, referent, clotures) = await EtatAsync(id);
        dossier.Clos.ShouldBeFalse();
        dossier.Version.ShouldBe(version);
        referent.Fin.ShouldBeNull();
        clotures.ShouldBeEmpty();
        (await JournalAsync(id)).ShouldNotContain(j => j.Action == ActionJournal.Modification);
    }

    [Fact]
    public async Task Une_date_de_cloture_future_ou_une_cloture_non_confirmee_est_refusee()
    {
        var id = await DossierAsync();
        var version = (await EtatAsync(id)).Dossier.Version;
        using var client = await ConnecteAsync("referent.cantal");

        var future = await client.PosterAsync($"/beneficiaires/{id}/cloture", Cloture(version, Aujourdhui.AddDays(1), MotifCloture.FinDeDroit));
        var nonConfirmee = await client.PosterAsync($"/beneficiaires/{id}/cloture", Cloture(version, Aujourdhui, MotifCloture.FinDeDroit, confirmation: false));

        (await ClientPasserelle.DocumentAsync(future)).QuerySelector("#Saisie_Date-erreur")!.TextContent
            .ShouldContain("La date de clôture ne peut pas être postérieure à aujourd'hui.");
        (await ClientPasserelle.DocumentAsync(nonConfirmee)).QuerySelector("#Saisie_Confirmation-erreur")!.TextContent
            .ShouldContain("Cochez la case pour confirmer la clôture du dossier.");
        (await EtatAsync(id)).Dossier.Clos.ShouldBeFalse();
    }

    [Fact]
    public async Task Un_dossier_deja_clos_ne_peut_pas_etre_clos_une_seconde_fois()
    {
        var id = await DossierAsync();
        await using (var db = app.Base.Contexte(await app.Base.DepartementAsync("15")))
        {
            var personne = await db.Beneficiaires.SingleAsync(b => b.Id == id);
            db.ClotureDossiers.Add(personne.Cloturer(Aujourdhui.AddDays(-5), MotifCloture.FinDeDroit, null, null));
            await db.SaveChangesAsync();
        }

        var version = (await EtatAsync(id)).Dossier.Version;
        using var client = await ConnecteAsync("orientation.cantal");
        var page = (await client.PageAsync($"/beneficiaires/{id}/cloture")).Document;

        var reponse = await client.PosterAsync($"/beneficiaires/{id}/cloture", Cloture(version, Aujourdhui, MotifCloture.Deces));

        page.QuerySelector(".alerte-info")!.TextContent.ShouldContain("Ce dossier est clos depuis le");
        page.QuerySelector("form button.bouton-danger").ShouldBeNull();
        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ErreursAsync(reponse)).ShouldContain("Ce dossier est déjà clos.");
        var (dossier, _, clotures) = await EtatAsync(id);
        clotures.ShouldHaveSingleItem().Motif.ShouldBe(MotifCloture.FinDeDroit);
        dossier.Version.ShouldBe(version);
    }

    [Fact]
    public async Task La_reouverture_par_le_service_d_orientation_rouvre_le_dossier_mais_pas_avant_sa_cloture()
    {
        var id = await DossierAsync();
        using (var referent = await ConnecteAsync("referent.cantal"))
        {
            var cloture = await referent.PosterAsync($"/beneficiaires/{id}/cloture", Cloture((await EtatAsync(id)).Dossier.Version, Aujourdhui.AddDays(-3), MotifCloture.FinDeDroit));
            cloture.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErreursAsync(cloture));
        }

        using var client = await ConnecteAsync("orientation.cantal");
        var version = (await EtatAsync(id)).Dossier.Version;
        List<KeyValuePair<string, string>> Reouverture(DateOnly date) =>
            [new("Saisie.Version", version.ToString(CultureInfo.InvariantCulture)), new("Saisie.Date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))];

        var tropTot = await client.PosterAsync($"/beneficiaires/{id}/reouverture", Reouverture(Aujourdhui.AddDays(-4)));
        (await ClientPasserelle.DocumentAsync(tropTot)).QuerySelector("#Saisie_Date-erreur")!.TextContent.ShouldContain("La réouverture ne peut pas précéder la clôture");
        (await EtatAsync(id)).Dossier.Clos.ShouldBeTrue();

        var reponse = await client.PosterAsync($"/beneficiaires/{id}/reouverture", Reouverture(Aujourdhui));

        reponse.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErreursAsync(reponse));
        reponse.Headers.Location!.OriginalString.ShouldBe($"/beneficiaires/{id}");
        var (dossier, designation, clotures) = await EtatAsync(id);
        dossier.Clos.ShouldBeFalse();
        clotures.ShouldHaveSingleItem().DateReouverture.ShouldBe(Aujourdhui);
        // Nobody is designated again: the former référent still has no access.
        designation.Fin.ShouldBe(Aujourdhui.AddDays(-3));
        var page = (await client.PageAsync($"/beneficiaires/{id}/cloture")).Document;
        page.QuerySelector("form button.bouton-danger").ShouldNotBeNull();
        page.QuerySelector("table.tableau tbody")!.TextContent.ShouldContain(Aujourdhui.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Une_cloture_envoyee_depuis_une_version_perimee_est_refusee()
    {
        var id = await DossierAsync();
        var version = (await EtatAsync(id)).Dossier.Version;
        using var client = await ConnecteAsync("referent.cantal");
        await using (var db = app.Base.Contexte(await app.Base.DepartementAsync("15")))
        {
            var personne = await db.Beneficiaires.SingleAsync(b => b.Id == id);
            personne.ModifierCoordonnees("04 71 11 11 11", null, personne.Adresse, personne.CommuneCode, personne.FoyerId);
            await db.SaveChangesAsync();
        }

        var reponse = await client.PosterAsync($"/beneficiaires/{id}/cloture", Cloture(version, Aujourdhui, MotifCloture.FinDeDroit));

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ErreursAsync(reponse)).ShouldContain("modifiée entre-temps");
        var (dossier, referent, clotures) = await EtatAsync(id);
        dossier.Clos.ShouldBeFalse();
        referent.Fin.ShouldBeNull();
        clotures.ShouldBeEmpty();
        // The form now carries the current version: sent again, it goes through.
        var nouvelleVersion = (await ClientPasserelle.DocumentAsync(reponse)).QuerySelector("input[name='Saisie.Version']")!.GetAttribute("value");
        nouvelleVersion.ShouldBe(dossier.Version.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task L_export_de_transfert_json_contient_les_droits_les_evaluations_et_le_nir_et_il_est_journalise()
    {
        var id = await DossierAsync();
        using var client = await ConnecteAsync("referent.cantal");

        var reponse = await client.PosterAsync($"/beneficiaires/{id}/transfert", [], action: $"/beneficiaires/{id}/transfert?handler=Json");

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        reponse.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        reponse.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        reponse.Content.Headers.ContentDisposition.FileName!.Trim('"').ShouldBe($"transfert-dossier-{Aujourdhui:yyyy-MM-dd}.json");
        reponse.Headers.CacheControl!.NoStore.ShouldBeTrue();
        using var json = JsonDocument.Parse(await reponse.Content.ReadAsStringAsync());
        var racine = json.RootElement;
        racine.GetProperty("format").GetString().ShouldBe("passerelle-transfert-dossier");
        racine.GetProperty("version").GetInt32().ShouldBe(1);
        racine.GetProperty("departementOrigine").GetProperty("code").GetString().ShouldBe("15");
        var personne = racine.GetProperty("personne");
        personne.GetProperty("nomNaissance").GetString().ShouldBe("Martin-Dupré");
        personne.GetProperty("nir").GetString().ShouldBe(NirEnClair);
        personne.GetProperty("dateNaissance").GetString().ShouldBe("1985-05-14");
        personne.GetProperty("dispositifs").EnumerateArray().Select(d => d.GetString()).ShouldBe(["rsa", "plie"]);
        racine.GetProperty("foyer").GetProperty("matricule").GetString().ShouldBe("1234567");
        var droit = racine.GetProperty("droitsRsa").EnumerateArray().ShouldHaveSingleItem();
        droit.GetProperty("etat").GetString().ShouldBe("ouvert");
        droit.GetProperty("soumisDroitsEtDevoirs").GetBoolean().ShouldBeTrue();
        var evaluations = racine.GetProperty("evaluationsFreins").EnumerateArray().ToList();
        evaluations.Select(e => e.GetProperty("niveau").GetString()).ShouldBe(["bloquant", "leger"]);
        evaluations[0].GetProperty("themeLibelle").GetString().ShouldBe("Mobilité");
        racine.GetProperty("referents").EnumerateArray().ShouldHaveSingleItem().GetProperty("nom").GetString().ShouldBe("Julien Couderc");
        racine.GetProperty("notes").EnumerateArray().ShouldHaveSingleItem().GetProperty("auteur").GetString().ShouldBe("Julien Couderc");
        var document = racine.GetProperty("documents").EnumerateArray().ShouldHaveSingleItem();
        document.GetProperty("nom").GetString().ShouldBe("attestation-caf.pdf");
        document.GetProperty("taille").GetInt64().ShouldBe(2048);
        json.RootElement.GetRawText().ShouldNotContain("contenu secret");

        var journal = (await JournalAsync(id)).ShouldHaveSingleItem();
        journal.Action.ShouldBe(ActionJournal.Export);
        journal.TypeEnregistrement.ShouldBe(nameof(Beneficiaire));
    }

    [Fact]
    public async Task L_export_de_transfert_pdf_est_un_pdf_lisible_au_nom_de_la_personne_et_il_est_journalise()
    {
        var id = await DossierAsync();
        using var client = await ConnecteAsync("referent.cantal");
        var page = await client.PageAsync($"/beneficiaires/{id}/transfert");
        page.Reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelector("main")!.TextContent.ShouldContain("NIR en clair");

        var reponse = await client.PosterAsync($"/beneficiaires/{id}/transfert", [], action: $"/beneficiaires/{id}/transfert?handler=Pdf");

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        reponse.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        reponse.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe($"transfert-dossier-{Aujourdhui:yyyy-MM-dd}.pdf");
        var pdf = await reponse.Content.ReadAsByteArrayAsync();
        Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
        (await JournalAsync(id)).ShouldHaveSingleItem().Action.ShouldBe(ActionJournal.Export);
        var texte = await TextePdf.ExtraireAsync(pdf);
        texte.ShouldContain("Martin-Dupré");
        texte.ShouldContain("Élodie");
        texte.ShouldContain("2 85 05 78 006 084 41");
        texte.ShouldContain("Mobilité");
        texte.ShouldContain("attestation-caf.pdf");
    }

    [Fact]
    public async Task Le_transfert_est_introuvable_hors_perimetre_et_interdit_au_pilotage()
    {
        var id = await DossierAsync();
        using var puyDeDome = await ConnecteAsync("referent.puydedome");
        using var pilotage = await ConnecteAsync("pilotage.cantal");

        (await puyDeDome.PageAsync($"/beneficiaires/{id}/transfert")).Reponse.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await puyDeDome.PosterDirectementAsync($"/beneficiaires/{id}/transfert?handler=Json", [])).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await puyDeDome.PageAsync($"/beneficiaires/{id}/notice")).Reponse.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await puyDeDome.PageAsync($"/beneficiaires/{id}/cloture")).Reponse.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await pilotage.PageAsync($"/beneficiaires/{id}/transfert")).Reponse.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await pilotage.PosterDirectementAsync($"/beneficiaires/{id}/transfert?handler=Pdf", [])).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await JournalAsync(id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task La_notice_d_information_est_adressee_a_la_personne_et_son_ouverture_est_journalisee()
    {
        var id = await DossierAsync();
        using var client = await ConnecteAsync("referent.cantal");

        var (reponse, document) = await client.PageAsync($"/beneficiaires/{id}/notice");

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        var notice = document.QuerySelector("article.notice")!.TextContent;
        notice.ShouldContain("À l'attention de Madame Élodie Martin-Dupré");
        notice.ShouldContain("Cantal (15)");
        notice.ShouldContain("CNIL");
        notice.ShouldContain("L262-1");
        notice.ShouldContain($"Notice remise le {Aujourdhui:dd/MM/yyyy}");
        document.QuerySelector("button[data-imprimer]").ShouldNotBeNull();
        document.QuerySelector("script[src^='/js/impression.js']").ShouldNotBeNull();
        var journal = (await JournalAsync(id)).ShouldHaveSingleItem();
        journal.Action.ShouldBe(ActionJournal.Consultation);
        journal.TypeEnregistrement.ShouldBe(nameof(Beneficiaire));
    }
}

public sealed class FinDeSuiviSqliteTests(ApplicationSqlite app) : FinDeSuiviTests(app), IClassFixture<ApplicationSqlite>;

public sealed class FinDeSuiviPostgresTests(ApplicationPostgres app) : FinDeSuiviTests(app), IClassFixture<ApplicationPostgres>;
