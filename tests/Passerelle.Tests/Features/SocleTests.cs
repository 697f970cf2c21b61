using System.Net;
using System.Text.Json;
using Passerelle.Tests.Support;

namespace Passerelle.Tests.Features;

public sealed class SocleTests(ApplicationSqlite app) : IClassFixture<ApplicationSqlite>
{
    [Fact]
    public async Task Health_repond_200_quand_la_base_repond()
    {
        using var client = app.Factory.Client();

        var reponse = await client.Http.GetAsync("/health");

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Health_repond_503_quand_la_base_ne_repond_pas()
    {
        var introuvable = new BaseDeTest(Passerelle.Data.Fournisseur.Postgres, "Host=127.0.0.1;Port=1;Database=aucune;Username=x;Timeout=2");
        await using var factory = new PasserelleFactory(introuvable);
        using var client = factory.Client();

        var reponse = await client.Http.GetAsync("/health");

        reponse.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
    }

    [Theory]
    [InlineData("/api/v1/beneficiaires")]
    [InlineData("/api/v1/moi")]
    [InlineData("/api/v2/nimporte/quoi")]
    public async Task Une_api_appelee_anonymement_repond_401_en_problem_json(string url)
    {
        using var client = app.Factory.Client();

        var reponse = await client.Http.GetAsync(url);

        reponse.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        reponse.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Une_api_interdite_a_ce_role_repond_403_en_problem_json()
    {
        using var client = app.Factory.Client();
        await client.ConnecterAsync("referent.cantal");

        var reponse = await client.Http.GetAsync("/api/v1/plateforme/departements");

        reponse.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        reponse.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task L_api_donne_le_parametre_en_vigueur_a_une_date()
    {
        using var client = app.Factory.Client();
        await client.ConnecterAsync("referent.cantal");

        var reponse = await client.Http.GetAsync("/api/v1/parametres/orientation.delai?date=2026-03-01");
        var json = JsonDocument.Parse(await reponse.Content.ReadAsStringAsync()).RootElement;
        var avant = await client.Http.GetAsync("/api/v1/parametres/orientation.delai?date=2020-01-01");
        var invalide = await client.Http.GetAsync("/api/v1/parametres/orientation.delai?date=01/03/2026");

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        json.GetProperty("valeur").GetString().ShouldBe("6");
        json.GetProperty("type").GetString().ShouldBe("Semaines");
        avant.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        invalide.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var probleme = JsonDocument.Parse(await invalide.Content.ReadAsStringAsync()).RootElement;
        probleme.GetProperty("title").GetString().ShouldBe("La requête contient des valeurs invalides.");
        probleme.GetProperty("errors").GetProperty("date")[0].GetString().ShouldBe("La date doit être au format aaaa-mm-jj.");
    }

    [Fact]
    public async Task L_openapi_decrit_l_api()
    {
        using var client = app.Factory.Client();

        var reponse = await client.Http.GetAsync("/openapi/v1.json");

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reponse.Content.ReadAsStringAsync()).ShouldContain("/api/v1/moi");
    }

    [Theory]
    [InlineData("/une-page-qui-n-existe-pas")]
    [InlineData("/fichier-absent.txt")]
    public async Task Une_page_inconnue_repond_un_404_en_francais(string url)
    {
        using var client = app.Factory.Client();

        var (reponse, document) = await client.PageAsync(url);

        reponse.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        document.QuerySelector("h1")!.TextContent.ShouldBe("Page introuvable");
        document.DocumentElement.GetAttribute("lang").ShouldBe("fr");
    }

    [Fact]
    public async Task Une_page_interdite_a_ce_role_repond_403_en_francais()
    {
        using var client = app.Factory.Client();
        await client.ConnecterAsync("referent.cantal");

        var (reponse, document) = await client.PageAsync("/administration/agents");

        reponse.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        document.QuerySelector("h1")!.TextContent.ShouldBe("Accès refusé");
    }

    [Fact]
    public async Task Un_formulaire_sans_jeton_antiforgery_repond_400()
    {
        using var client = app.Factory.Client();
        using var contenu = new FormUrlEncodedContent(new Dictionary<string, string> { ["Saisie.Email"] = "admin@passerelle.test", ["Saisie.MotDePasse"] = "x" });

        var reponse = await client.Http.PostAsync("/connexion", contenu);

        reponse.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ClientPasserelle.DocumentAsync(reponse)).QuerySelector("h1")!.TextContent.ShouldBe("Requête invalide");
    }

    [Fact]
    public async Task Les_en_tetes_de_securite_sont_poses()
    {
        using var client = app.Factory.Client();

        var reponse = await client.Http.GetAsync("/connexion");
        var csp = reponse.Headers.GetValues("Content-Security-Policy").Single();

        csp.ShouldContain("script-src 'self'");
        csp.ShouldNotContain("unsafe-inline");
        csp.ShouldContain("frame-ancestors 'none'");
        reponse.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        reponse.Headers.GetValues("Referrer-Policy").Single().ShouldBe("same-origin");
        var cookie = reponse.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("passerelle-af", StringComparison.Ordinal));
        cookie.ShouldContain("httponly", Case.Insensitive);
    }

    [Theory]
    [InlineData("/mentions-legales", "Mentions légales")]
    [InlineData("/donnees-personnelles", "Données personnelles")]
    [InlineData("/accessibilite", "Déclaration d'accessibilité")]
    public async Task Les_pages_publiques_sont_accessibles_sans_connexion(string url, string titre)
    {
        using var client = app.Factory.Client();

        var (reponse, document) = await client.PageAsync(url);

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.QuerySelector("h1")!.TextContent.ShouldContain(titre);
        document.QuerySelectorAll("footer a").Select(a => a.GetAttribute("href")).ShouldBe(["/offre", "/mentions-legales", "/donnees-personnelles", "/accessibilite"]);
    }

    [Fact]
    public async Task Les_ressources_statiques_sont_servies()
    {
        using var client = app.Factory.Client();

        var css = await client.Http.GetAsync("/css/site.css");
        var htmx = await client.Http.GetAsync("/lib/htmx/htmx.min.js");

        css.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await css.Content.ReadAsStringAsync()).Length.ShouldBeGreaterThan(1000);
        htmx.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
