using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Passerelle.Bench;

/// <summary>
/// The whole run: a PostgreSQL server, then for each size a fresh database (migrate, demo, generer), the application
/// in Release as its own process, the measures, the bare SQL floor; then the results file and the document's table.
/// </summary>
internal sealed class Banc(OptionsBanc options, string racine)
{
    private static readonly int[] Niveaux = [1, 8];
    private const int ClientsMelange = 16;
    private static readonly string[] ReglagesDurabilite = ["fsync", "synchronous_commit", "full_page_writes"];

    public static string Racine()
    {
        foreach (var depart in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dossier = new DirectoryInfo(depart); dossier is not null; dossier = dossier.Parent)
            {
                if (File.Exists(Path.Combine(dossier.FullName, "Passerelle.slnx")))
                {
                    return dossier.FullName;
                }
            }
        }

        throw new InvalidOperationException("Lancez le banc depuis le dépôt Passerelle (Passerelle.slnx introuvable).");
    }

    public async Task<int> ExecuterAsync(CancellationToken arret)
    {
        var machine = Machine.Decrire();
        var commit = (await Processus.ExigerAsync(Processus.Preparer("git", ["rev-parse", "HEAD"], racine), arret)).Trim();
        var modifie = (await Processus.ExigerAsync(Processus.Preparer("git", ["status", "--porcelain", "--untracked-files=no"], racine), arret)).Length > 0;
        var journaux = Directory.CreateTempSubdirectory("passerelle-banc-").FullName;
        Console.WriteLine($"Journaux de l'application : {journaux}");

        Etape("Compilation de l'application (Release)");
        await Application.CompilerAsync(racine, arret);

        await using var cluster = options.Connexion is null ? await DemarrerClusterAsync(arret) : null;
        var serveur = options.Connexion ?? cluster!.ChaineConnexion;
        var clesNir = Application.NouvellesClesNir();
        var tailles = new List<ResultatTaille>();
        foreach (var taille in options.Tailles)
        {
            tailles.Add(await MesurerTailleAsync(serveur, taille, clesNir, journaux, arret));
        }

        var resultats = new ResultatsBanc(
            commit, modifie, DateTime.UtcNow, machine, await InfosPostgresAsync(serveur, cluster is not null, arret),
            new Conditions(
                "Générateur de charge sur la même machine que l'application et PostgreSQL : il leur prend du processeur.",
                $"clients en boucle fermée, sans pause : {string.Join(" et ", Niveaux)} par page, {ClientsMelange} en charge mixte",
                options.Requetes, options.DureeSecondes,
                "Sessions comme un navigateur derrière un mandataire TLS : formulaire de connexion, cookies gardés par le banc, en-tête X-Forwarded-Proto: https sur HTTP local.",
                "Application compilée en Release, processus à part, environnement Production."),
            tailles, Cibles.Evaluer(tailles));
        var fichier = resultats.Ecrire(racine);
        Console.WriteLine($"Résultats : {Path.GetRelativePath(racine, fichier)}");
        Console.WriteLine($"Tableau régénéré : {Path.GetRelativePath(racine, Rapport.Regenerer(racine))}");
        foreach (var verdict in resultats.Cibles)
        {
            Console.WriteLine($"  [{verdict.Atteinte switch { true => "ok", false => "NON", null => "—" }}] {verdict.Cible} : {verdict.Mesure}{(verdict.Ecart is null ? "" : $" ({verdict.Ecart})")}");
        }

        return 0;
    }

    private async Task<ResultatTaille> MesurerTailleAsync(string serveur, int taille, IReadOnlyDictionary<string, string> clesNir, string journaux, CancellationToken arret)
    {
        var nomBase = $"passerelle_banc_{taille.ToString(CultureInfo.InvariantCulture)}";
        Etape(taille > 0 ? $"{taille:N0} personnes : base neuve {nomBase}" : $"Démonstration seule : base neuve {nomBase}");
        await RecreerBaseAsync(serveur, nomBase, arret);
        var chaine = new NpgsqlConnectionStringBuilder(serveur) { Database = nomBase }.ConnectionString;
        var application = new Application(racine, chaine, clesNir);
        try
        {
            await application.ExigerCommandeAsync(["migrate"], arret);
            await application.ExigerCommandeAsync(["demo"], arret);
            var (generation, dureeGeneration) = await GenererAsync(application, taille, arret);
            var donnees = await JeuDeDonnees.ChoisirAsync(chaine, arret);
            Console.WriteLine($"  {donnees.Personnes:N0} personnes dans le Calvados ; recherche « {donnees.NomRecherche} », {donnees.Dossiers.Count} dossiers du portefeuille.");

            Etape("Recherche en SQL nu (plancher)");
            var plancher = await PlancherSql.MesurerAsync(chaine, donnees, options.Requetes, arret);

            Etape("Démarrage de l'application (Production)");
            await using var app = await application.DemarrerAsync(Path.Combine(journaux, $"application-{nomBase}.log"), arret);
            using var http = new HttpClient(new SocketsHttpHandler
            {
                UseCookies = false,
                AllowAutoRedirect = false,
                MaxConnectionsPerServer = 64,
            }) { Timeout = TimeSpan.FromSeconds(30) };
            var pages = Pages.Cles(donnees);
            var mesureur = new Mesureur(http, app.Adresse, pages);

            Etape("Chauffe : chaque page vingt fois");
            foreach (var page in pages)
            {
                await mesureur.MesurerPageAsync(page, [1], 20, arret);
            }

            var mesures = new List<PageMesuree>();
            foreach (var page in pages)
            {
                var mesure = await mesureur.MesurerPageAsync(page, Niveaux, options.Requetes, arret);
                Console.WriteLine($"  {page.Libelle} : {string.Join(" ; ", mesure.Mesures.Select(x => $"{x.Clients} client(s) p50 {x.P50} p95 {x.P95} p99 {x.P99} ms, {x.Erreurs} erreur(s)"))}");
                mesures.Add(mesure);
            }

            Etape($"Charge mixte : {ClientsMelange} clients pendant {options.DureeSecondes} s");
            var melange = await mesureur.MelangeAsync(ClientsMelange, TimeSpan.FromSeconds(options.DureeSecondes), arret);
            Console.WriteLine($"  {melange.RequetesParSeconde} requêtes/s, {melange.Erreurs} erreur(s), p95 {melange.P95} ms");
            var memoire = Math.Round(app.PicMemoireOctets() / (1024.0 * 1024.0), 1);
            Console.WriteLine($"  Pic de mémoire : {memoire} Mo");
            foreach (var e in mesureur.Erreurs)
            {
                Console.WriteLine($"  erreur : {e}");
            }

            var recherche = mesures.Single(m => m.Cle == "recherche").A(1)!;
            return new ResultatTaille(
                taille, generation, dureeGeneration, donnees.Personnes, donnees.NomRecherche, mesures, melange,
                plancher with
                {
                    AppP50 = recherche.P50,
                    AppP95 = recherche.P95,
                    RapportP50 = Math.Round(recherche.P50 / plancher.P50, 2),
                    RapportP95 = Math.Round(recherche.P95 / plancher.P95, 2),
                },
                memoire, mesureur.Erreurs);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await SupprimerBaseAsync(serveur, nomBase);
        }
    }

    /// <summary>Adds the generated people to the demo's Calvados.</summary>
    private static async Task<(string Generation, double? Duree)> GenererAsync(Application application, int taille, CancellationToken arret)
    {
        if (taille == 0)
        {
            return ("non demandée (--sans-generation)", null);
        }

        Etape($"Génération de {taille:N0} personnes dans le Calvados");
        var chrono = Stopwatch.StartNew();
        var sortie = await application.CommandeAsync(
            ["generer", "--departement", JeuDeDonnees.Departement, "--personnes", taille.ToString(CultureInfo.InvariantCulture), "--graine", "1"], arret);
        if (sortie.Code != 0)
        {
            throw new InvalidOperationException($"Passerelle generer : code {sortie.Code}\n{sortie.Texte}\n{sortie.Erreurs}");
        }

        return ("faite", Math.Round(chrono.Elapsed.TotalSeconds, 1));
    }

    private static async Task<ServeurPostgres> DemarrerClusterAsync(CancellationToken arret)
    {
        Etape("Cluster PostgreSQL jetable");
        return await ServeurPostgres.DemarrerAsync(arret);
    }

    private static async Task RecreerBaseAsync(string serveur, string nomBase, CancellationToken arret)
    {
        await using var connexion = new NpgsqlConnection(serveur);
        await connexion.OpenAsync(arret);
        await using var suppression = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{nomBase}\" WITH (FORCE)", connexion);
        await suppression.ExecuteNonQueryAsync(arret);
        await using var creation = new NpgsqlCommand($"CREATE DATABASE \"{nomBase}\"", connexion);
        await creation.ExecuteNonQueryAsync(arret);
    }

    private static async Task SupprimerBaseAsync(string serveur, string nomBase)
    {
        try
        {
            await using var connexion = new NpgsqlConnection(serveur);
            await connexion.OpenAsync();
            await using var suppression = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{nomBase}\" WITH (FORCE)", connexion);
            await suppression.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException erreur)
        {
            await Console.Error.WriteLineAsync($"La base {nomBase} n'a pas été supprimée : {erreur.Message}");
        }
    }

    private static async Task<InfosPostgres> InfosPostgresAsync(string serveur, bool clusterDuBanc, CancellationToken arret)
    {
        await using var connexion = new NpgsqlConnection(serveur);
        await connexion.OpenAsync(arret);
        var noms = ServeurPostgres.Reglages.Select(r => r.Cle).Append("jit").Append("server_version").ToArray();
        await using var commande = new NpgsqlCommand("SELECT name, current_setting(name) FROM pg_settings WHERE name = ANY($1) ORDER BY name", connexion);
        commande.Parameters.Add(new NpgsqlParameter { Value = noms });
        var reglages = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await using (var lecteur = await commande.ExecuteReaderAsync(arret))
        {
            while (await lecteur.ReadAsync(arret))
            {
                reglages[lecteur.GetString(0)] = lecteur.GetString(1);
            }
        }

        reglages.Remove("server_version", out var version);
        var nonDurables = ReglagesDurabilite.Where(r => reglages.GetValueOrDefault(r) == "off").ToList();
        var remarque = nonDurables.Count > 0
            ? $"{string.Join(", ", nonDurables)} à off : les écritures (journal des consultations, connexions) coûtent moins qu'en production."
            : "Écritures durables.";
        return new InfosPostgres(version ?? "?", clusterDuBanc, reglages, remarque);
    }

    private static void Etape(string libelle) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {libelle}");
}
