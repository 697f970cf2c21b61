using System.Net;
using Passerelle.Tests.Support;

namespace Passerelle.Tests.Features;

/// <summary>What changes outside Development: HSTS, secure cookies, no technical detail on error pages.</summary>
public sealed class ProductionTests(ApplicationSqlite app) : IClassFixture<ApplicationSqlite>
{
    [Fact]
    public async Task Hsts_et_cookies_securises_hors_developpement()
    {
        await using var factory = new PasserelleFactory(app.Base, "Production");
        // HSTS is never sent to localhost: the test uses another host name.
        using var client = factory.Client("https://passerelle.example");

        var page = await client.Http.GetAsync("/connexion");
        var connexion = await client.ConnecterAsync("referent.cantal");

        page.Headers.GetValues("Strict-Transport-Security").Single().ShouldContain("max-age=31536000");
        var cookie = connexion.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("passerelle=", StringComparison.Ordinal));
        cookie.ShouldContain("secure", Case.Insensitive);
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=lax", Case.Insensitive);
    }

    [Fact]
    public async Task Une_erreur_serveur_affiche_une_reference_sans_detail_technique()
    {
        var introuvable = new BaseDeTest(Passerelle.Data.Fournisseur.Postgres, "Host=127.0.0.1;Port=1;Database=aucune;Username=x;Timeout=2");
        await using var factory = new PasserelleFactory(introuvable, "Production");
        using var client = factory.Client("https://localhost");

        var reponse = await client.ConnecterAsync("referent.cantal");
        var document = await ClientPasserelle.DocumentAsync(reponse);

        reponse.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        document.QuerySelector("h1")!.TextContent.ShouldBe("Erreur du serveur");
        document.QuerySelector(".erreur-reference")!.TextContent.Length.ShouldBeGreaterThan(10);
        document.QuerySelector("details").ShouldBeNull();
        document.Body!.TextContent.ShouldNotContain("Npgsql");
    }
}
