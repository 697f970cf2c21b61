using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Domain;
using Passerelle.Domain.Identite;
using Passerelle.Features.Beneficiaires;
using Passerelle.Tests.Support;

namespace Passerelle.Tests.Api;

public abstract class BeneficiairesApiTests(ApplicationDeTest app)
{
    private const string Referent = "referent.cantal";
    private const string Url = "/api/v1/beneficiaires";
    private static readonly string[] Rsa = ["Rsa"];
    private static readonly string[] DispositifsInconnus = ["RSA", "Chômage"];

    // Each test owns its birth dates: the class shares one database and people accumulate.
    private static int _jour;

    private static DateOnly DateUnique() => new DateOnly(1950, 1, 1).AddDays(Interlocked.Increment(ref _jour) * 37);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A person of the Cantal with an open designation: of an agent (by identifiant), or of a structure with an external name.</summary>
    private async Task<Guid> PersonneAsync(
        string nomNaissance, string prenoms, DateOnly naissance, string? referent = Referent, string? structureDe = null, bool clos = false)
    {
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        var personne = new Beneficiaire(db.DepartementCourant.IdObligatoire, nomNaissance, null, prenoms, naissance, Sexe.Femme, Dispositifs.Rsa | Dispositifs.Plie);
        db.Beneficiaires.Add(personne);
        if (referent is not null)
        {
            var agent = await db.Users.SingleAsync(a => a.Email == ClientPasserelle.Email(referent));
            db.ReferentsUniques.Add(ReferentUnique.Designer(personne.DepartementId, personne.Id, [], new DateOnly(2025, 1, 6), agent.Id, agent.StructureId, null, null));
        }
        else if (structureDe is not null)
        {
            var structure = await db.Users.Where(a => a.Email == ClientPasserelle.Email(structureDe)).Select(a => a.StructureId).SingleAsync();
            db.ReferentsUniques.Add(ReferentUnique.Designer(personne.DepartementId, personne.Id, [], new DateOnly(2025, 1, 6), null, structure, "Référente partie", null));
        }

        if (clos)
        {
            personne.Cloturer(new DateOnly(2025, 6, 30), MotifCloture.FinDeDroit, null, null);
        }

        await db.SaveChangesAsync();
        return personne.Id;
    }

    private async Task<ClientPasserelle> ConnecteAsync(string identifiant = Referent, bool avecJeton = true)
    {
        var client = app.Factory.Client();
        await client.ConnecterAsync(identifiant);
        if (avecJeton)
        {
            var jeton = await Json(await client.Http.GetAsync("/api/v1/jeton"));
            client.Http.DefaultRequestHeaders.Add(jeton.GetProperty("enTete").GetString()!, jeton.GetProperty("jeton").GetString());
        }

        return client;
    }

    private static async Task<JsonElement> Json(HttpResponseMessage reponse) =>
        JsonDocument.Parse(await reponse.Content.ReadAsStringAsync()).RootElement;

    private static string NirValide(string numero) => $"{numero}{Nir.CalculerCle(numero):00}";

    private static object Creation(string nom, string prenoms, DateOnly naissance, string? nir = null, bool confirmer = false) => new
    {
        nomNaissance = nom, prenoms, dateNaissance = Iso(naissance), sexe = "Femme", dispositifs = Rsa,
        communeCode = "15014", nir, confirmerDoublons = confirmer,
    };

    private async Task<int> NombreAsync(string nomNaissance)
    {
        await using var db = app.Base.Contexte();
        return await db.Beneficiaires.IgnoreQueryFilters().CountAsync(b => b.NomNaissance == nomNaissance);
    }

    private static List<Guid> Ids(JsonElement page) => page.GetProperty("elements").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToList();

    [Fact]
    public async Task La_liste_donne_par_defaut_le_portefeuille_du_referent_et_pagine()
    {
        var naissance = DateUnique();
        var a = await PersonneAsync("Astruc", "Anne", naissance);
        var b = await PersonneAsync("Brunet", "Berthe", naissance);
        var c = await PersonneAsync("Cabrol", "Céline", naissance);
        var deSaStructure = await PersonneAsync("Delrieu", "Denise", naissance, referent: null, structureDe: Referent);
        var ailleurs = await PersonneAsync("Espinasse", "Eva", naissance, referent: "referent.mauriac");
        var close = await PersonneAsync("Fabre", "Flore", naissance, clos: true);
        using var client = await ConnecteAsync();

        var page1 = await Json(await client.Http.GetAsync($"{Url}?dateNaissance={Iso(naissance)}&taillePage=2"));
        var page2 = await Json(await client.Http.GetAsync($"{Url}?dateNaissance={Iso(naissance)}&taillePage=2&page=2"));
        var page3 = await Json(await client.Http.GetAsync($"{Url}?dateNaissance={Iso(naissance)}&taillePage=2&page=3"));
        var perimetre = await Json(await client.Http.GetAsync($"{Url}?vue=perimetre&statut=tous&dateNaissance={Iso(naissance)}"));
        var closes = await Json(await client.Http.GetAsync($"{Url}?statut=clos&dispositif=plie&dateNaissance={Iso(naissance)}"));

        page1.GetProperty("vue").GetString().ShouldBe("portefeuille");
        page1.GetProperty("total").GetInt32().ShouldBe(3);
        page1.GetProperty("taillePage").GetInt32().ShouldBe(2);
        Ids(page1).ShouldBe([a, b]);
        Ids(page2).ShouldBe([c]);
        page2.GetProperty("page").GetInt32().ShouldBe(2);
        Ids(page3).ShouldBeEmpty();
        var premier = page1.GetProperty("elements")[0];
        premier.GetProperty("nomNaissance").GetString().ShouldBe("Astruc");
        premier.GetProperty("dateNaissance").GetString().ShouldBe(Iso(naissance));
        premier.GetProperty("dispositifs").EnumerateArray().Select(d => d.GetString()).ShouldBe(["Rsa", "Plie"]);
        premier.GetProperty("referent").GetString().ShouldBe("Julien Couderc");
        premier.GetProperty("clos").GetBoolean().ShouldBeFalse();
        Ids(perimetre).ShouldBe([a, b, c, deSaStructure, close]);
        Ids(perimetre).ShouldNotContain(ailleurs);
        Ids(closes).ShouldBe([close]);
    }

    [Theory]
    [InlineData("taillePage=101", "taillePage", "La taille de page est un nombre entier de 1 à 100.")]
    [InlineData("page=0", "page", "La page est un nombre entier à partir de 1.")]
    [InlineData("vue=tout", "vue", "La vue est « portefeuille » ou « perimetre ».")]
    [InlineData("dispositif=Aucun", "dispositif", "Le dispositif est Rsa, Plie, MissionLocale ou Autre.")]
    [InlineData("dateNaissance=12/05/1980", "dateNaissance", "La date de naissance doit être au format aaaa-mm-jj.")]
    public async Task Une_valeur_invalide_de_la_liste_repond_400_avec_un_message_francais(string requete, string champ, string message)
    {
        using var client = await ConnecteAsync(avecJeton: false);

        var reponse = await client.Http.GetAsync($"{Url}?{requete}");

        reponse.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        reponse.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await Json(reponse)).GetProperty("errors").GetProperty(champ)[0].GetString().ShouldBe(message);
    }

    [Fact]
    public async Task La_recherche_trouve_un_nom_accentue_tape_sans_accents_ni_tirets()
    {
        var naissance = DateUnique();
        var elodie = await PersonneAsync("Martin-Dupré", "Élodie", naissance);
        await PersonneAsync("Martin", "Élodie", DateUnique(), referent: "referent.mauriac");
        using var client = await ConnecteAsync();

        var reponse = await client.Http.PostAsJsonAsync($"{Url}/recherche", new { nom = "elodie martin dupre" });
        var courte = await client.Http.PostAsJsonAsync($"{Url}/recherche", new { nom = "él" });
        var vide = await client.Http.PostAsJsonAsync($"{Url}/recherche", new { taillePage = 10 });

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        var resultats = await Json(reponse);
        Ids(resultats).ShouldBe([elodie]);
        resultats.GetProperty("elements")[0].GetProperty("nomNaissance").GetString().ShouldBe("Martin-Dupré");
        courte.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(courte)).GetProperty("errors").GetProperty("nom")[0].GetString().ShouldBe("Le nom recherché compte au moins 3 lettres.");
        vide.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(vide)).GetProperty("errors").GetProperty("criteres")[0].GetString()
            .ShouldBe("Indiquez au moins un critère : nom, date de naissance, matricule ou NIR.");
    }

    [Fact]
    public async Task Le_referent_lit_le_dossier_et_la_lecture_est_journalisee()
    {
        var personne = await PersonneAsync("Vidal", "Élise", DateUnique());
        using var client = await ConnecteAsync(avecJeton: false);

        var reponse = await client.Http.GetAsync($"{Url}/{personne}");

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        var dossier = await Json(reponse);
        dossier.GetProperty("id").GetGuid().ShouldBe(personne);
        dossier.GetProperty("prenoms").GetString().ShouldBe("Élise");
        dossier.GetProperty("sexe").GetString().ShouldBe("Femme");
        dossier.GetProperty("version").GetInt32().ShouldBe(0);
        dossier.GetProperty("referents")[0].GetProperty("nom").GetString().ShouldBe("Julien Couderc");
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        var agent = await db.Users.Where(a => a.Email == ClientPasserelle.Email(Referent)).Select(a => a.Id).SingleAsync();
        var lignes = await db.JournalAcces.Where(j => j.TypeEnregistrement == nameof(Beneficiaire) && j.EnregistrementId == personne).ToListAsync();
        var ligne = lignes.ShouldHaveSingleItem();
        ligne.Action.ShouldBe(ActionJournal.Consultation);
        ligne.AgentId.ShouldBe(agent);
    }

    [Fact]
    public async Task Un_referent_d_un_autre_departement_recoit_404_et_un_role_sans_dossiers_403_sans_rien_journaliser()
    {
        var personne = await PersonneAsync("Vidal", "Inès", DateUnique());
        using var puydedome = await ConnecteAsync("referent.puydedome");
        using var pilotage = await ConnecteAsync("pilotage.cantal");

        var horsDepartement = await puydedome.Http.GetAsync($"{Url}/{personne}");
        var modification = await puydedome.Http.PutAsJsonAsync($"{Url}/{personne}", new { nomNaissance = "Autre", prenoms = "Inès", dateNaissance = "1980-01-01", sexe = "Femme", dispositifs = Rsa, version = 0 });
        var interdit = await pilotage.Http.GetAsync($"{Url}/{personne}");
        var listeInterdite = await pilotage.Http.GetAsync(Url);

        horsDepartement.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        horsDepartement.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        modification.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        interdit.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        interdit.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        listeInterdite.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var db = app.Base.Contexte();
        (await db.JournalAcces.CountAsync(j => j.EnregistrementId == personne)).ShouldBe(0);
        (await db.Beneficiaires.IgnoreQueryFilters().SingleAsync(b => b.Id == personne)).NomNaissance.ShouldBe("Vidal");
    }

    [Fact]
    public async Task Une_creation_valide_repond_201_avec_le_dossier_et_le_nir_seulement_masque()
    {
        var naissance = DateUnique();
        var nir = NirValide("2" + naissance.ToString("yyMM", System.Globalization.CultureInfo.InvariantCulture) + "15014123");
        using var client = await ConnecteAsync();

        var reponse = await client.Http.PostAsJsonAsync(Url, Creation("Lacombe", "Nadège", naissance, nir));

        reponse.StatusCode.ShouldBe(HttpStatusCode.Created);
        var texte = await reponse.Content.ReadAsStringAsync();
        texte.ShouldNotContain(nir);
        texte.ShouldNotContain(nir[7..13]);
        var dossier = JsonDocument.Parse(texte).RootElement;
        var id = dossier.GetProperty("id").GetGuid();
        reponse.Headers.Location!.OriginalString.ShouldBe($"{Url}/{id}");
        dossier.GetProperty("nirMasque").GetString().ShouldBe($"2 •• •• •• ••• ••• {nir[13..]}");
        dossier.GetProperty("commune").GetString().ShouldBe("Aurillac");
        dossier.GetProperty("dispositifs").EnumerateArray().Select(d => d.GetString()).ShouldBe(["Rsa"]);
        var lu = await client.Http.GetAsync(reponse.Headers.Location.OriginalString);
        lu.StatusCode.ShouldBe(HttpStatusCode.OK);
        Ids(await Json(await client.Http.GetAsync($"{Url}?dateNaissance={Iso(naissance)}"))).ShouldBe([id]);
    }

    [Fact]
    public async Task Une_cle_de_nir_fausse_repond_400_sur_le_champ_nir_et_rien_n_est_cree()
    {
        var numero = "2850515014123";
        var fausse = $"{numero}{(Nir.CalculerCle(numero) + 1) % 97:00}";
        using var client = await ConnecteAsync();

        var reponse = await client.Http.PostAsJsonAsync(Url, Creation("Cle-Fausse", "Rose", DateUnique(), fausse));

        reponse.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        reponse.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var probleme = await Json(reponse);
        probleme.GetProperty("title").GetString().ShouldBe("La requête contient des valeurs invalides.");
        probleme.GetProperty("errors").GetProperty("nir")[0].GetString().ShouldBe("La clé du NIR ne correspond pas au numéro : vérifiez la saisie.");
        (await NombreAsync("Cle-Fausse")).ShouldBe(0);
    }

    [Fact]
    public async Task Une_creation_incomplete_repond_400_avec_un_message_par_champ()
    {
        using var client = await ConnecteAsync();

        var reponse = await client.Http.PostAsJsonAsync(Url, new { nomNaissance = " ", dateNaissance = "1980-13-01", sexe = "F", dispositifs = DispositifsInconnus });

        reponse.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var erreurs = (await Json(reponse)).GetProperty("errors");
        erreurs.GetProperty("nomNaissance")[0].GetString().ShouldBe("Le nom de naissance est obligatoire.");
        erreurs.GetProperty("prenoms")[0].GetString().ShouldBe("Le ou les prénoms sont obligatoires.");
        erreurs.GetProperty("dateNaissance")[0].GetString().ShouldBe("La date de naissance doit être au format aaaa-mm-jj.");
        erreurs.GetProperty("sexe")[0].GetString().ShouldBe("Le sexe est « Femme » ou « Homme ».");
        erreurs.GetProperty("dispositifs").EnumerateArray().Select(e => e.GetString())
            .ShouldBe(["« Chômage » n'est pas un dispositif : Rsa, Plie, MissionLocale ou Autre."]);
    }

    [Fact]
    public async Task Un_doublon_probable_repond_409_sans_rien_creer_puis_la_confirmation_cree_le_dossier()
    {
        var naissance = DateUnique();
        var existante = await PersonneAsync("Roques", "Lucie", naissance);
        await PersonneAsync("Roques", "Lucie", naissance, referent: "referent.mauriac");
        using var client = await ConnecteAsync();

        var refus = await client.Http.PostAsJsonAsync(Url, Creation("ROQUES", "lucie", naissance));

        refus.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        refus.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var probleme = await Json(refus);
        probleme.GetProperty("detail").GetString().ShouldBe(ApiBeneficiaires.MessageDoublons);
        var doublons = probleme.GetProperty("doublons").EnumerateArray().ToList();
        doublons.Count.ShouldBe(2);
        var visible = doublons.Single(d => !d.GetProperty("horsPerimetre").GetBoolean());
        visible.GetProperty("id").GetGuid().ShouldBe(existante);
        visible.GetProperty("nom").GetString().ShouldBe("Roques Lucie");
        visible.GetProperty("raison").GetString().ShouldBe("Même date de naissance, mêmes nom et prénoms.");
        var cachee = doublons.Single(d => d.GetProperty("horsPerimetre").GetBoolean());
        cachee.GetProperty("id").ValueKind.ShouldBe(JsonValueKind.Null);
        cachee.GetProperty("nom").ValueKind.ShouldBe(JsonValueKind.Null);
        cachee.GetProperty("dateNaissance").ValueKind.ShouldBe(JsonValueKind.Null);
        cachee.GetProperty("raison").GetString().ShouldBe("Même date de naissance, mêmes nom et prénoms.");
        (await NombreAsync("ROQUES")).ShouldBe(0);

        var confirme = await client.Http.PostAsJsonAsync(Url, Creation("ROQUES", "lucie", naissance, confirmer: true));

        confirme.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await NombreAsync("ROQUES")).ShouldBe(1);
    }

    [Fact]
    public async Task Une_modification_avec_une_version_depassee_repond_409_et_ne_change_rien()
    {
        var naissance = DateUnique();
        var personne = await PersonneAsync("Bastide", "Paule", naissance);
        using var client = await ConnecteAsync();
        var version = (await Json(await client.Http.GetAsync($"{Url}/{personne}"))).GetProperty("version").GetInt32();
        object Modification(string nom) => new
        {
            nomNaissance = nom, prenoms = "Paule", dateNaissance = Iso(naissance), sexe = "Femme", dispositifs = new[] { "Rsa", "MissionLocale" },
            telephone = "04 71 00 00 00", version,
        };

        var premiere = await client.Http.PutAsJsonAsync($"{Url}/{personne}", Modification("Bastide-Vergne"));
        var seconde = await client.Http.PutAsJsonAsync($"{Url}/{personne}", Modification("Autre-Nom"));

        premiere.StatusCode.ShouldBe(HttpStatusCode.OK);
        var apres = await Json(premiere);
        apres.GetProperty("nomNaissance").GetString().ShouldBe("Bastide-Vergne");
        apres.GetProperty("dispositifs").EnumerateArray().Select(d => d.GetString()).ShouldBe(["Rsa", "MissionLocale"]);
        apres.GetProperty("version").GetInt32().ShouldBe(version + 1);
        seconde.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        seconde.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var probleme = await Json(seconde);
        probleme.GetProperty("detail").GetString()!.ShouldStartWith("Cette fiche a été modifiée entre-temps par Julien Couderc");
        probleme.GetProperty("versionActuelle").GetInt32().ShouldBe(version + 1);
        await using var db = app.Base.Contexte();
        (await db.Beneficiaires.IgnoreQueryFilters().SingleAsync(b => b.Id == personne)).NomNaissance.ShouldBe("Bastide-Vergne");
    }

    [Fact]
    public async Task Une_ecriture_sans_jeton_antifalsification_repond_400_et_rien_n_est_cree()
    {
        using var client = await ConnecteAsync(avecJeton: false);

        var reponse = await client.Http.PostAsJsonAsync(Url, Creation("Sans-Jeton", "Alix", DateUnique()));
        var fauxJeton = new HttpRequestMessage(HttpMethod.Post, Url) { Content = JsonContent.Create(Creation("Sans-Jeton", "Alix", DateUnique())) };
        fauxJeton.Headers.Add("RequestVerificationToken", "inventé");
        var refuse = await client.Http.SendAsync(fauxJeton);

        reponse.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        reponse.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await Json(reponse)).GetProperty("detail").GetString().ShouldBe(ApiBeneficiaires.MessageJetonInvalide);
        refuse.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await NombreAsync("Sans-Jeton")).ShouldBe(0);
    }

    [Fact]
    public async Task Un_corps_qui_n_est_pas_du_json_repond_400_en_francais_et_rien_n_est_cree()
    {
        using var client = await ConnecteAsync();
        using var corps = new StringContent("{\"nomNaissance\": \"Mal-Forme\", ", System.Text.Encoding.UTF8, "application/json");

        var reponse = await client.Http.PostAsync(Url, corps);

        reponse.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        reponse.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await Json(reponse)).GetProperty("title").GetString().ShouldBe("Requête invalide");
        (await NombreAsync("Mal-Forme")).ShouldBe(0);
    }

    [Theory]
    [InlineData("GET", Url)]
    [InlineData("GET", Url + "/0193a2c4-6f1e-7d3a-9b2c-1a2b3c4d5e6f")]
    [InlineData("POST", Url)]
    [InlineData("POST", Url + "/recherche")]
    [InlineData("PUT", Url + "/0193a2c4-6f1e-7d3a-9b2c-1a2b3c4d5e6f")]
    [InlineData("GET", "/api/v1/jeton")]
    public async Task Un_appel_anonyme_repond_401(string methode, string url)
    {
        using var client = app.Factory.Client();
        using var requete = new HttpRequestMessage(new HttpMethod(methode), url);
        if (methode != "GET")
        {
            requete.Content = JsonContent.Create(new { nom = "Vidal" });
        }

        var reponse = await client.Http.SendAsync(requete);

        reponse.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        reponse.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task L_openapi_decrit_les_chemins_des_beneficiaires_et_leurs_reponses()
    {
        using var client = app.Factory.Client();

        var document = await Json(await client.Http.GetAsync("/openapi/v1.json"));

        var chemins = document.GetProperty("paths");
        string[] Methodes(string chemin) => chemins.GetProperty(chemin).EnumerateObject().Select(p => p.Name).Order().ToArray();
        Methodes("/api/v1/beneficiaires").ShouldBe(["get", "post"]);
        Methodes("/api/v1/beneficiaires/{id}").ShouldBe(["get", "put"]);
        Methodes("/api/v1/beneficiaires/recherche").ShouldBe(["post"]);
        var creation = chemins.GetProperty("/api/v1/beneficiaires").GetProperty("post");
        creation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ShouldBe(["201", "400", "401", "403", "409"], ignoreOrder: true);
        creation.GetProperty("parameters").EnumerateArray().ShouldContain(p => p.GetProperty("name").GetString() == "RequestVerificationToken");
        string Schema(JsonElement operation, string code, string type) =>
            operation.GetProperty("responses").GetProperty(code).GetProperty("content").GetProperty(type).GetProperty("schema").GetProperty("$ref").GetString()!;
        Schema(creation, "201", "application/json").ShouldEndWith("/DossierDto");
        Schema(creation, "400", "application/problem+json").ShouldEndWith("/HttpValidationProblemDetails");
        Schema(creation, "409", "application/problem+json").ShouldEndWith("/ProblemDetails");
        var schemas = document.GetProperty("components").GetProperty("schemas");
        schemas.GetProperty("DossierDto").GetProperty("properties").TryGetProperty("nirMasque", out _).ShouldBeTrue();
        schemas.GetProperty("CorpsModification").GetProperty("properties").TryGetProperty("version", out _).ShouldBeTrue();
        var liste = chemins.GetProperty("/api/v1/beneficiaires").GetProperty("get");
        liste.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString())
            .ShouldBe(["vue", "statut", "dispositif", "dateNaissance", "page", "taillePage"], ignoreOrder: true);
    }
}

public sealed class BeneficiairesApiSqliteTests(ApplicationSqlite app) : BeneficiairesApiTests(app), IClassFixture<ApplicationSqlite>;

public sealed class BeneficiairesApiPostgresTests(ApplicationPostgres app) : BeneficiairesApiTests(app), IClassFixture<ApplicationPostgres>;
