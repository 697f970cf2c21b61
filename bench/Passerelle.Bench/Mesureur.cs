using System.Diagnostics;

namespace Passerelle.Bench;

/// <summary>
/// Closed-loop clients: each sends its next request as soon as the previous answer is read, without pause. Every
/// client has its own sessions (one sign-in per account, as a person in his own browser).
/// </summary>
internal sealed class Mesureur(HttpClient http, Uri adresse, IReadOnlyList<PageCle> pages)
{
    private readonly Dictionary<(int Client, string Compte), Navigateur> _sessions = [];

    /// <summary>What went wrong first, for the console and the results: no personal data, only the page and the status.</summary>
    public List<string> Erreurs { get; } = [];

    public async Task<PageMesuree> MesurerPageAsync(PageCle page, IReadOnlyList<int> niveaux, int requetes, CancellationToken arret)
    {
        var premiere = await page.Demander(await SessionAsync(0, page, arret), 0, arret);
        if (!page.Servie(premiere))
        {
            throw new InvalidOperationException($"{page.Libelle} : la page n'est pas servie (HTTP {(int)premiere.Statut} {premiere.Redirection}).");
        }

        var (lignes, total) = Pages.Contenu(premiere.Corps);
        var mesures = new List<Latences>();
        foreach (var clients in niveaux)
        {
            var sessions = new List<Navigateur>();
            for (var c = 0; c < clients; c++)
            {
                sessions.Add(await SessionAsync(c, page, arret));
            }

            // Warm-up: each client's first requests (JIT, plans, pools) are not counted.
            await Task.WhenAll(sessions.Select((s, c) => SerieAsync(s, page, c * 1000, Math.Max(3, 20 / clients), arret)));
            var chrono = Stopwatch.StartNew();
            var series = await Task.WhenAll(sessions.Select((s, c) => SerieAsync(s, page, c * 1000, requetes / clients, arret)));
            mesures.Add(Latences.De(clients, [.. series.SelectMany(s => s)], chrono.Elapsed));
        }

        return new PageMesuree(page.Cle, page.Libelle, lignes, total, mesures);
    }

    /// <summary>Every client goes round the key pages, each starting at a different one, until the time is up.</summary>
    public async Task<Latences> MelangeAsync(int clients, TimeSpan duree, CancellationToken arret)
    {
        for (var c = 0; c < clients; c++)
        {
            foreach (var page in pages)
            {
                await SessionAsync(c, page, arret);
            }
        }

        var chrono = Stopwatch.StartNew();
        var series = await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            var resultats = new List<Resultat>();
            for (var i = c; chrono.Elapsed < duree; i++)
            {
                var page = pages[i % pages.Count];
                resultats.Add(await UneAsync(await SessionAsync(c, page, arret), page, i, arret));
            }

            return resultats;
        }));
        return Latences.De(clients, [.. series.SelectMany(s => s)], chrono.Elapsed);
    }

    private async Task<List<Resultat>> SerieAsync(Navigateur session, PageCle page, int debut, int nombre, CancellationToken arret)
    {
        var resultats = new List<Resultat>(nombre);
        for (var i = 0; i < nombre; i++)
        {
            resultats.Add(await UneAsync(session, page, debut + i, arret));
        }

        return resultats;
    }

    private async Task<Resultat> UneAsync(Navigateur session, PageCle page, int indice, CancellationToken arret)
    {
        var debut = Stopwatch.GetTimestamp();
        try
        {
            var reponse = await page.Demander(session, indice, arret);
            var duree = Stopwatch.GetElapsedTime(debut).TotalMilliseconds;
            if (page.Servie(reponse))
            {
                return new Resultat(duree, true);
            }

            var description = reponse.Redirection is { } vers ? $"HTTP {(int)reponse.Statut} vers {vers}" : $"HTTP {(int)reponse.Statut}, contenu attendu absent";
            return Echec(page, duree, description);
        }
        catch (Exception erreur) when (erreur is HttpRequestException or TaskCanceledException && !arret.IsCancellationRequested)
        {
            return Echec(page, Stopwatch.GetElapsedTime(debut).TotalMilliseconds, erreur.GetType().Name);
        }
    }

    private Resultat Echec(PageCle page, double duree, string description)
    {
        lock (Erreurs)
        {
            if (Erreurs.Count < 20)
            {
                Erreurs.Add($"{page.Cle} : {description}");
            }
        }

        return new Resultat(duree, false);
    }

    private async Task<Navigateur> SessionAsync(int client, PageCle page, CancellationToken arret)
    {
        var compte = page.Compte ?? "";
        if (!_sessions.TryGetValue((client, compte), out var session))
        {
            session = new Navigateur(http, adresse);
            if (page.Compte is not null)
            {
                await session.ConnecterAsync(page.Compte, arret);
            }

            _sessions[(client, compte)] = session;
        }

        if (page.Formulaire is { } formulaire && session.Jeton is null)
        {
            await session.LireFormulaireAsync(formulaire, arret);
        }

        return session;
    }
}

internal sealed record Resultat(double Millisecondes, bool Servie);

/// <summary>Latencies of one series, in milliseconds, by nearest rank.</summary>
internal sealed record Latences(int Clients, int Requetes, int Erreurs, double DureeSecondes, double RequetesParSeconde, double P50, double P95, double P99)
{
    public static Latences De(int clients, IReadOnlyList<Resultat> resultats, TimeSpan duree)
    {
        var tries = resultats.Select(r => r.Millisecondes).Order().ToArray();
        return new Latences(
            clients, resultats.Count, resultats.Count(r => !r.Servie), Math.Round(duree.TotalSeconds, 2),
            Math.Round(resultats.Count / duree.TotalSeconds, 1), Centile(tries, 50), Centile(tries, 95), Centile(tries, 99));
    }

    public static double Centile(double[] tries, int centile) =>
        tries.Length == 0 ? 0 : Math.Round(tries[Math.Max(0, (int)Math.Ceiling(centile / 100.0 * tries.Length) - 1)], 1);
}
