using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Passerelle.Bench;

/// <summary>
/// A throwaway PostgreSQL cluster for one bench run, as in tests/Passerelle.Tests/Support/ServeurPostgres.cs: initdb in a
/// temporary folder, a free port, run as the postgres user when the bench runs as root. Tuned like a small dedicated
/// server; fsync off since the data is thrown away (the results say so).
/// </summary>
internal sealed class ServeurPostgres : IAsyncDisposable
{
    /// <summary>The settings given to the server, written into the results.</summary>
    public static readonly IReadOnlyList<(string Cle, string Valeur)> Reglages =
    [
        ("shared_buffers", "256MB"),
        ("effective_cache_size", "1GB"),
        ("work_mem", "16MB"),
        ("maintenance_work_mem", "256MB"),
        ("random_page_cost", "1.1"),
        // As docs/exploitation.md advises: compiling the plan of a list's query cost more than running it.
        ("jit", "off"),
        ("max_connections", "200"),
        ("fsync", "off"),
        ("synchronous_commit", "off"),
        ("full_page_writes", "off"),
    ];

    private readonly string _dossier;
    private readonly string _binaires;
    private readonly bool _enTantQuePostgres;

    private ServeurPostgres(string dossier, string binaires, bool enTantQuePostgres, int port)
    {
        _dossier = dossier;
        _binaires = binaires;
        _enTantQuePostgres = enTantQuePostgres;
        Port = port;
    }

    public int Port { get; }

    private string Donnees => Path.Combine(_dossier, "donnees");

    public string ChaineConnexion => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1", Port = Port, Username = "postgres", Database = "postgres",
    }.ConnectionString;

    public static async Task<ServeurPostgres> DemarrerAsync(CancellationToken arret)
    {
        var binaires = TrouverBinaires()
            ?? throw new InvalidOperationException("PostgreSQL n'est pas installé (paquet Debian postgresql), ou donnez --connexion.");
        var enTantQuePostgres = Environment.UserName == "root";
        var dossier = Path.Combine(Path.GetTempPath(), $"passerelle-banc-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dossier);
        if (enTantQuePostgres)
        {
            await Processus.ExigerAsync(Processus.Preparer("chown", ["postgres:postgres", dossier]), arret);
        }

        var serveur = new ServeurPostgres(dossier, binaires, enTantQuePostgres, PortLibre());
        await serveur.OutilAsync("initdb", ["-D", serveur.Donnees, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], arret);
        var options = string.Join(' ', Reglages.Select(r => $"-c {r.Cle}={r.Valeur}"));
        await serveur.OutilAsync("pg_ctl", [
            "-D", serveur.Donnees, "-l", Path.Combine(dossier, "journal.log"), "-w", "-t", "60",
            "-o", $"-p {serveur.Port} -k {dossier} -c listen_addresses=127.0.0.1 {options}",
            "start",
        ], arret);
        return serveur;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await OutilAsync("pg_ctl", ["-D", Donnees, "-m", "fast", "-w", "stop"], CancellationToken.None);
            Directory.Delete(_dossier, recursive: true);
        }
        catch (Exception erreur) when (erreur is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"Arrêt de PostgreSQL : {erreur.Message}");
        }
    }

    private Task<string> OutilAsync(string outil, string[] arguments, CancellationToken arret)
    {
        var chemin = Path.Combine(_binaires, outil);
        return _enTantQuePostgres
            ? Processus.ExigerAsync(Processus.Preparer("runuser", ["-u", "postgres", "--", chemin, .. arguments]), arret)
            : Processus.ExigerAsync(Processus.Preparer(chemin, arguments), arret);
    }

    private static string? TrouverBinaires()
    {
        const string racine = "/usr/lib/postgresql";
        return !Directory.Exists(racine)
            ? null
            : Directory.GetDirectories(racine)
                .Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var version) ? version : 0)
                .FirstOrDefault();
    }

    public static int PortLibre()
    {
        using var ecoute = new TcpListener(IPAddress.Loopback, 0);
        ecoute.Start();
        return ((IPEndPoint)ecoute.LocalEndpoint).Port;
    }
}
