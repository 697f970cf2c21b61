using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Domain;
using Passerelle.Infrastructure.Tenancy;
using Passerelle.Tests.Support;

namespace Passerelle.Tests.Api;

public abstract class OrientationApiTests(ApplicationDeTest app)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private DateOnly Aujourdhui => app.Factory.Temps.Aujourdhui(Paris);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Url(Guid personne) => $"/api/v1/beneficiaires/{personne}/orientations";

    /// <summary>A Cantal person followed by referent.cantal, whose right was received <paramref name="jours"/> days ago.</summary>
    private async Task<Guid> PersonneAsync(string nom, int jours)
    {
        var id = await new PersonnesDeTest(app).CreerAsync(nom, "Dominique", new DateOnly(1979, 6, 2), communeCode: "15014");
        var cantal = await app.Base.DepartementAsync("15");
        await using var db = app.Base.Contexte(cantal);
        var reception = Aujourdhui.AddDays(-jours);
        db.DroitsRsa.Add(new DroitRsa(cantal, id, reception, EtatDroitRsa.Ouvert, OrganismePayeur.Caf, true, reception, null, DateTime.UtcNow));
        await db.SaveChangesAsync();
        return id;
    }

    private async Task<ClientPasserelle> ConnecteAsync(string identifiant = "orientation.cantal", bool avecJeton = true)
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

    private object Decision(string parcours = "Emploi", string organisme = "FranceTravail", string? dateDecision = null, string? motif = "Projet d'emploi clair.") => new
    {
        parcours, organisme, libelleOrganisme = "France Travail – Agence d'Aurillac", dateDecision = dateDecision ?? Iso(Aujourdhui), motif,
    };

    private async Task<(int Decisions, int Courriers)> EcrituresAsync(Guid personne)
    {
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        return (await db.DecisionsOrientation.CountAsync(o => o.BeneficiaireId == personne), await db.CourriersEmis.CountAsync(c => c.BeneficiaireId == personne));
    }

    [Fact]
    public async Task Un_agent_d_orientation_decide_puis_l_historique_la_donne_et_une_seconde_decision_est_refusee()
    {
        var personne = await PersonneAsync("Aldebert", 44);
        using var client = await ConnecteAsync();

        var creee = await client.Http.PostAsJsonAsync(Url(personne), Decision());
        var corps = await Json(creee);
        var seconde = await client.Http.PostAsJsonAsync(Url(personne), Decision("Social", "ServiceDepartement"));
        var refus = await Json(seconde);
        using var referent = await ConnecteAsync("referent.cantal");
        var historique = await Json(await referent.Http.GetAsync(Url(personne)));

        creee.StatusCode.ShouldBe(HttpStatusCode.Created);
        creee.Headers.Location!.OriginalString.ShouldBe(Url(personne));
        corps.GetProperty("parcours").GetString().ShouldBe("Emploi");
        corps.GetProperty("organisme").GetString().ShouldBe("FranceTravail");
        corps.GetProperty("libelleOrganisme").GetString().ShouldBe("France Travail – Agence d'Aurillac");
        corps.GetProperty("delaiJours").GetInt32().ShouldBe(44);
        corps.GetProperty("semainesDelai").GetInt32().ShouldBe(6);
        corps.GetProperty("horsDelai").GetBoolean().ShouldBeTrue();
        corps.GetProperty("enVigueur").GetBoolean().ShouldBeTrue();
        seconde.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        seconde.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        refus.GetProperty("detail").GetString()!.ShouldStartWith("Une orientation est en vigueur depuis le");
        historique.GetArrayLength().ShouldBe(1);
        historique[0].GetProperty("id").GetGuid().ShouldBe(corps.GetProperty("id").GetGuid());
        (await EcrituresAsync(personne)).ShouldBe((1, 1));
    }

    [Fact]
    public async Task Une_saisie_invalide_repond_400_en_francais_et_rien_n_est_ecrit()
    {
        var personne = await PersonneAsync("Bancarel", 20);
        using var client = await ConnecteAsync();

        var reponse = await client.Http.PostAsJsonAsync(Url(personne), Decision("Chômage", "FranceTravail", "31/12/2025", motif: null));
        var futur = await client.Http.PostAsJsonAsync(Url(personne), Decision(dateDecision: Iso(Aujourdhui.AddDays(3))));

        reponse.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var erreurs = (await Json(reponse)).GetProperty("errors");
        erreurs.GetProperty("parcours")[0].GetString().ShouldBe("Le parcours est Emploi, SocioProfessionnel ou Social.");
        erreurs.GetProperty("dateDecision")[0].GetString().ShouldBe("La date de la décision doit être au format aaaa-mm-jj.");
        erreurs.GetProperty("motif")[0].GetString().ShouldBe("Le motif de la décision est obligatoire : il figure sur le courrier.");
        futur.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(futur)).GetProperty("errors").GetProperty("dateDecision")[0].GetString().ShouldBe("La date de la décision ne peut pas être dans le futur.");
        (await EcrituresAsync(personne)).ShouldBe((0, 0));
    }

    [Theory]
    [InlineData("referent.cantal", "POST", HttpStatusCode.Forbidden)]
    [InlineData("pilotage.cantal", "GET", HttpStatusCode.Forbidden)]
    [InlineData("referent.puydedome", "GET", HttpStatusCode.NotFound)]
    [InlineData("orientation.puydedome", "GET", HttpStatusCode.NotFound)]
    [InlineData("orientation.puydedome", "POST", HttpStatusCode.NotFound)]
    public async Task Hors_perimetre_ou_sans_le_role_les_orientations_ne_se_lisent_ni_ne_s_ecrivent(string identifiant, string methode, HttpStatusCode attendu)
    {
        var personne = await PersonneAsync("Cabanes", 20);
        using var client = await ConnecteAsync(identifiant);

        var reponse = methode == "GET"
            ? await client.Http.GetAsync(Url(personne))
            : await client.Http.PostAsJsonAsync(Url(personne), Decision());

        reponse.StatusCode.ShouldBe(attendu);
        reponse.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await EcrituresAsync(personne)).ShouldBe((0, 0));
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        (await db.JournalAcces.CountAsync(j => j.EnregistrementId == personne)).ShouldBe(0);
    }

    [Fact]
    public async Task Sans_jeton_antifalsification_la_decision_repond_400_et_rien_n_est_ecrit()
    {
        var personne = await PersonneAsync("Delcros", 20);
        using var client = await ConnecteAsync(avecJeton: false);

        var reponse = await client.Http.PostAsJsonAsync(Url(personne), Decision());

        reponse.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(reponse)).GetProperty("detail").GetString().ShouldBe("Jeton antifalsification manquant ou invalide.");
        (await EcrituresAsync(personne)).ShouldBe((0, 0));
    }

    [Fact]
    public async Task L_openapi_decrit_les_orientations()
    {
        using var client = app.Factory.Client();

        var document = await Json(await client.Http.GetAsync("/openapi/v1.json"));

        var chemin = document.GetProperty("paths").GetProperty("/api/v1/beneficiaires/{id}/orientations");
        chemin.EnumerateObject().Select(p => p.Name).Order().ShouldBe(["get", "post"]);
        var decision = chemin.GetProperty("post");
        decision.GetProperty("responses").EnumerateObject().Select(r => r.Name).ShouldBe(["201", "400", "401", "403", "404", "409"], ignoreOrder: true);
        decision.GetProperty("parameters").EnumerateArray().ShouldContain(p => p.GetProperty("name").GetString() == "RequestVerificationToken");
        var schemas = document.GetProperty("components").GetProperty("schemas");
        schemas.GetProperty("OrientationDto").GetProperty("properties").TryGetProperty("horsDelai", out _).ShouldBeTrue();
        schemas.GetProperty("CorpsDecisionOrientation").GetProperty("properties").TryGetProperty("motifVulnerabilite", out _).ShouldBeTrue();
    }
}

public sealed class OrientationApiSqliteTests(ApplicationSqlite app) : OrientationApiTests(app), IClassFixture<ApplicationSqlite>;

public sealed class OrientationApiPostgresTests(ApplicationPostgres app) : OrientationApiTests(app), IClassFixture<ApplicationPostgres>;
