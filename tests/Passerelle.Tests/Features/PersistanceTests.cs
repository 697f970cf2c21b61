using System.Net;
using Microsoft.EntityFrameworkCore;
using Passerelle.Domain;
using Passerelle.Tests.Support;

namespace Passerelle.Tests.Features;

public sealed class PersistanceTests(ApplicationSqlite app) : IClassFixture<ApplicationSqlite>
{
    [Fact]
    public async Task Une_session_ouverte_reste_valide_apres_un_redemarrage_car_les_cles_sont_en_base()
    {
        string cookie;
        await using (var premiereInstance = new PasserelleFactory(app.Base))
        {
            using var client = premiereInstance.Client();
            var connexion = await client.ConnecterAsync("auditeur.cantal");
            cookie = connexion.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("passerelle=", StringComparison.Ordinal)).Split(';')[0];
        }

        await using var secondeInstance = new PasserelleFactory(app.Base);
        using var http = secondeInstance.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var requete = new HttpRequestMessage(HttpMethod.Get, "/");
        requete.Headers.Add("Cookie", cookie);

        var reponse = await http.SendAsync(requete);

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reponse.Content.ReadAsStringAsync()).ShouldContain("Odile Chastel");
        await using var db = app.Base.Contexte();
        (await db.DataProtectionKeys.CountAsync()).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Un_changement_de_mot_de_passe_est_trace_sans_sa_valeur()
    {
        using var client = app.Factory.Client();
        await client.ConnecterAsync("referent.mauriac");

        var reponse = await client.PosterAsync("/compte", new Dictionary<string, string>
        {
            ["Saisie.MotDePasseActuel"] = Passerelle.Demo.ChargeurDemo.MotDePasse,
            ["Saisie.NouveauMotDePasse"] = "Une phrase de passe assez longue",
            ["Saisie.Confirmation"] = "Une phrase de passe assez longue",
        });

        reponse.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        var agent = await db.Users.SingleAsync(a => a.Email == ClientPasserelle.Email("referent.mauriac"));
        var trace = await db.HistoriqueModifications.SingleAsync(h => h.EntiteId == agent.Id && h.Champ == "PasswordHash");
        trace.AgentId.ShouldBe(agent.Id);
        trace.AncienneValeur.ShouldBeNull();
        trace.NouvelleValeur.ShouldBe(HistoriqueModification.ValeurMasquee);
        using var nouveau = app.Factory.Client();
        (await nouveau.ConnecterAsync("referent.mauriac", "Une phrase de passe assez longue")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }
}
