using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Prescriptions.Expiration;
using Passerelle.Infrastructure.Hosting;
using Passerelle.Tests.Support;

namespace Passerelle.Tests.Infrastructure;

/// <summary>
/// Two application processes, started from the built assembly as an operator would, on one PostgreSQL database
/// behind a reverse proxy (played by the test: X-Forwarded-Proto from loopback). Whatever instance a request lands
/// on, the session and the forms hold, and a scheduled job runs once in all, not once per instance.
/// </summary>
public sealed class DeuxInstancesTests
{
    private const string MotDePasse = "deux instances, une base";
    private const string Email = "admin.instances@passerelle.test";

    [Fact]
    public async Task Deux_instances_partagent_la_session_les_formulaires_et_les_taches()
    {
        var serveur = await ServeurPostgres.ObtenirAsync();
        var nom = $"instances_{Guid.NewGuid():N}";
        await using (var postgres = new NpgsqlConnection(serveur.ChaineConnexion("postgres")))
        {
            await postgres.OpenAsync(TestContext.Current.CancellationToken);
            await using var commande = new NpgsqlCommand($"CREATE DATABASE \"{nom}\"", postgres);
            await commande.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var baseDeTest = new BaseDeTest(Fournisseur.Postgres, serveur.ChaineConnexion(nom));
        string[] configuration =
        [
            "--environment", "Production",
            "--Database:Provider=Postgres",
            $"--ConnectionStrings:Passerelle={baseDeTest.ChaineConnexion}",
            .. ClesNirDeTest.Configuration.Select(c => $"--{c.Key}={c.Value}"),
            "--Logging:LogLevel:Default=Warning",
        ];

        var migration = await ProcessusPasserelle.ExecuterAsync(["migrate", .. configuration]);
        migration.Code.ShouldBe(0, migration.Sortie);
        await AjouterAdministrateurAsync(baseDeTest);

        string[] serveurs =
        [
            .. configuration,
            // Every two seconds, and the instances check in as often: the test sees several runs in a few seconds.
            $"--{PlanificationExpiration.CleHoraire}=0/2 * * * * ?",
            $"--{PlanificationTaches.CleIntervalleVerification}=00:00:02",
        ];
        await using var premiere = ProcessusPasserelle.Demarrer(serveurs);
        await using var seconde = ProcessusPasserelle.Demarrer(serveurs);
        using var navigateur = new Navigateur();
        await Task.WhenAll(premiere.AttendreAsync(navigateur), seconde.AttendreAsync(navigateur));
        var demarrees = DateTime.UtcNow;

        // The sign-in form of one instance posted to the other: its antiforgery token is read there.
        var (_, formulaire) = await navigateur.PageAsync(premiere.Url("/connexion"));
        var connexion = await navigateur.PosterAsync(seconde.Url("/connexion"), formulaire, new()
        {
            ["Saisie.Email"] = Email,
            ["Saisie.MotDePasse"] = MotDePasse,
        });
        connexion.StatusCode.ShouldBe(HttpStatusCode.Redirect, await connexion.Content.ReadAsStringAsync());
        // Accepted only because X-Forwarded-Proto is believed from loopback: outside Development the antiforgery
        // check refuses a request that is not HTTPS.
        connexion.Headers.Location!.OriginalString.ShouldBe("/");

        // The session cookie written by the second instance opens a protected page on the first.
        var (accueil, pageAccueil) = await navigateur.PageAsync(premiere.Url("/"));
        accueil.StatusCode.ShouldBe(HttpStatusCode.OK);
        pageAccueil.QuerySelector(".entete-agent")!.TextContent.ShouldContain("Se déconnecter");

        // A signed-in form (the header's sign-out) rendered by the first instance is accepted by the second.
        var deconnexion = await navigateur.PosterAsync(seconde.Url("/deconnexion"), pageAccueil, []);
        deconnexion.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (apres, _) = await navigateur.PageAsync(premiere.Url("/"));
        apres.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // The expiry job, due every two seconds: each due instant is run by one instance only.
        var executions = await AttendreExecutionsAsync(baseDeTest, demarrees);
        executions.Count.ShouldBeGreaterThanOrEqualTo(3);
        executions.GroupBy(e => e.Prevue).ShouldAllBe(g => g.Count() == 1);
        executions.ShouldAllBe(e => e.Reussie);
    }

    private static async Task AjouterAdministrateurAsync(BaseDeTest baseDeTest)
    {
        await using var db = baseDeTest.Contexte();
        var agent = new Agent(null, null, Email, "Ada", "Instances") { EmailConfirmed = true, LockoutEnabled = true };
        agent.NormalizedEmail = Email.ToUpperInvariant();
        agent.NormalizedUserName = agent.NormalizedEmail;
        agent.PasswordHash = new PasswordHasher<Agent>().HashPassword(agent, MotDePasse);
        db.Users.Add(agent);
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = agent.Id, RoleId = RolesIdentite.IdPour(Role.AdministrateurPlateforme) });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The runs of the expiry job due after both instances were up, once there are three due instants.</summary>
    private static async Task<List<ExecutionTache>> AttendreExecutionsAsync(BaseDeTest baseDeTest, DateTime depuis)
    {
        var limite = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await using var db = baseDeTest.Contexte();
            var executions = await db.ExecutionsTaches.AsNoTracking()
                .Where(e => e.Tache == PlanificationExpiration.Cle.Name && e.Prevue > depuis)
                .ToListAsync(TestContext.Current.CancellationToken);
            if (executions.Select(e => e.Prevue).Distinct().Count() >= 3 || DateTime.UtcNow > limite)
            {
                // A due instant whose run is still being written by the other instance would hide a double run.
                await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
                if (executions.Count == 0)
                {
                    return executions;
                }

                var derniere = executions.Max(e => e.Prevue);
                return await db.ExecutionsTaches.AsNoTracking()
                    .Where(e => e.Tache == PlanificationExpiration.Cle.Name && e.Prevue > depuis && e.Prevue <= derniere)
                    .ToListAsync(TestContext.Current.CancellationToken);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
        }
    }

    /// <summary>
    /// A browser behind the proxy: the cookies are kept by hand (they are Secure, and the test speaks plain HTTP
    /// to the instances) and every request says it came in over HTTPS, as the proxy would.
    /// </summary>
    private sealed class Navigateur : IDisposable
    {
        private static readonly HtmlParser Analyseur = new();
        private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);
        private readonly HttpClient _http = new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(20) };

        public async Task<HttpResponseMessage> EnvoyerAsync(HttpRequestMessage requete)
        {
            requete.Headers.Add("X-Forwarded-Proto", "https");
            requete.Headers.Add("X-Forwarded-For", "203.0.113.7");
            if (_cookies.Count > 0)
            {
                requete.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            }

            var reponse = await _http.SendAsync(requete);
            foreach (var cookie in reponse.Headers.TryGetValues("Set-Cookie", out var valeurs) ? valeurs : [])
            {
                var paire = cookie.Split(';', 2)[0].Split('=', 2);
                if (paire[1].Length == 0 || cookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                {
                    _cookies.Remove(paire[0]);
                }
                else
                {
                    _cookies[paire[0]] = paire[1];
                }
            }

            return reponse;
        }

        public async Task<(HttpResponseMessage Reponse, IHtmlDocument Document)> PageAsync(string url)
        {
            var reponse = await EnvoyerAsync(new HttpRequestMessage(HttpMethod.Get, url));
            return (reponse, Analyseur.ParseDocument(await reponse.Content.ReadAsStringAsync()));
        }

        /// <summary>Posts the fields with the antiforgery token of a page rendered elsewhere.</summary>
        public Task<HttpResponseMessage> PosterAsync(string url, IHtmlDocument page, Dictionary<string, string> champs)
        {
            var jeton = page.QuerySelector<IHtmlInputElement>("form[method=post] input[name=__RequestVerificationToken]")?.Value
                ?? throw new InvalidOperationException("Pas de jeton antiforgery sur la page.");
            champs["__RequestVerificationToken"] = jeton;
            return EnvoyerAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(champs) });
        }

        public void Dispose() => _http.Dispose();
    }

    /// <summary><c>dotnet Passerelle.dll</c> from the test's folder, where the referenced web project is built.</summary>
    private sealed class ProcessusPasserelle : IAsyncDisposable
    {
        private readonly Process _processus;
        private readonly StringBuilder _sortie = new();

        private ProcessusPasserelle(string[] arguments, int? port)
        {
            Port = port;
            var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Passerelle.dll"));
            foreach (var argument in arguments)
            {
                info.ArgumentList.Add(argument);
            }

            if (port is not null)
            {
                info.ArgumentList.Add("--urls");
                info.ArgumentList.Add($"http://127.0.0.1:{port}");
            }

            // The test runner's own environment must not choose for the instances.
            info.Environment.Remove("ASPNETCORE_ENVIRONMENT");
            info.Environment.Remove("DOTNET_ENVIRONMENT");
            _processus = new Process { StartInfo = info };
            _processus.OutputDataReceived += (_, e) => Noter(e.Data);
            _processus.ErrorDataReceived += (_, e) => Noter(e.Data);
            _processus.Start();
            _processus.BeginOutputReadLine();
            _processus.BeginErrorReadLine();
        }

        public int? Port { get; }

        public string Sortie
        {
            get
            {
                lock (_sortie)
                {
                    return _sortie.ToString();
                }
            }
        }

        public static ProcessusPasserelle Demarrer(string[] arguments) => new(arguments, PortLibre());

        public static async Task<(int Code, string Sortie)> ExecuterAsync(string[] arguments)
        {
            await using var commande = new ProcessusPasserelle(arguments, null);
            using var delai = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            delai.CancelAfter(TimeSpan.FromSeconds(60));
            await commande._processus.WaitForExitAsync(delai.Token);
            return (commande._processus.ExitCode, commande.Sortie);
        }

        public string Url(string chemin) => $"http://127.0.0.1:{Port}{chemin}";

        /// <summary>Until /health answers: the database is reachable and the instance listens.</summary>
        public async Task AttendreAsync(Navigateur navigateur)
        {
            var limite = DateTime.UtcNow.AddSeconds(30);
            while (true)
            {
                _processus.HasExited.ShouldBeFalse($"L'instance s'est arrêtée :\n{Sortie}");
                try
                {
                    using var reponse = await navigateur.EnvoyerAsync(new HttpRequestMessage(HttpMethod.Get, Url("/health")));
                    if (reponse.StatusCode == HttpStatusCode.OK)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                (DateTime.UtcNow < limite).ShouldBeTrue($"L'instance ne répond pas :\n{Sortie}");
                await Task.Delay(200, TestContext.Current.CancellationToken);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!_processus.HasExited)
            {
                _processus.Kill(entireProcessTree: true);
                await _processus.WaitForExitAsync();
            }

            _processus.Dispose();
        }

        private void Noter(string? ligne)
        {
            if (ligne is null)
            {
                return;
            }

            lock (_sortie)
            {
                _sortie.AppendLine(ligne);
            }
        }

        private static int PortLibre()
        {
            using var ecoute = new TcpListener(IPAddress.Loopback, 0);
            ecoute.Start();
            return ((IPEndPoint)ecoute.LocalEndpoint).Port;
        }
    }
}
