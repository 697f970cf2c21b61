using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Passerelle.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL cluster for the whole test run: initdb in a temporary folder, started on a
/// free port, stopped and deleted when the process exits. As root (CI), the server runs as the
/// postgres user, since initdb and postgres refuse to run as root.
/// </summary>
public sealed class ServeurPostgres
{
    private static readonly Lazy<Task<ServeurPostgres?>> Instance = new(DemarrerAsync);

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

    /// <summary>The folder of initdb, pg_dump, pg_restore…</summary>
    public string Binaires => _binaires;

    public string ChaineConnexion(string baseDeDonnees) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={baseDeDonnees};Pooling=true;Maximum Pool Size=20;Timeout=30;Command Timeout=60";

    /// <summary>The running server, or a skip (a failure under CI) when PostgreSQL is not installed.</summary>
    public static async Task<ServeurPostgres> ObtenirAsync()
    {
        var serveur = await Instance.Value;
        Environnement.IndisponibleSauf(serveur is not null, "PostgreSQL n'est pas installé (paquet Debian postgresql) : test ignoré.");
        return serveur!;
    }

    private static async Task<ServeurPostgres?> DemarrerAsync()
    {
        var binaires = TrouverBinaires();
        if (binaires is null)
        {
            return null;
        }

        var enTantQuePostgres = Environment.UserName == "root";
        var dossier = Path.Combine(Path.GetTempPath(), $"passerelle-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dossier);
        if (enTantQuePostgres)
        {
            await ExecuterAsync("chown", ["postgres:postgres", dossier], false);
        }

        var port = PortLibre();
        var serveur = new ServeurPostgres(dossier, binaires, enTantQuePostgres, port);
        var donnees = Path.Combine(dossier, "donnees");
        await serveur.OutilAsync("initdb", ["-D", donnees, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
        await serveur.OutilAsync("pg_ctl", [
            "-D", donnees, "-l", Path.Combine(dossier, "journal.log"), "-w", "-t", "60",
            "-o", $"-p {port} -k {dossier} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
            "start",
        ]);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => serveur.Arreter(donnees);
        return serveur;
    }

    private void Arreter(string donnees)
    {
        try
        {
            NpgsqlConnection.ClearAllPools();
            OutilAsync("pg_ctl", ["-D", donnees, "-m", "immediate", "-w", "stop"]).GetAwaiter().GetResult();
        }
        catch (InvalidOperationException exception)
        {
            Console.Error.WriteLine($"Arrêt de PostgreSQL de test : {exception.Message}");
        }

        SuppressionApresLeProcessus.Supprimer(_dossier);
    }

    private Task OutilAsync(string outil, string[] arguments)
    {
        var chemin = Path.Combine(_binaires, outil);
        return _enTantQuePostgres
            ? ExecuterAsync("runuser", ["-u", "postgres", "--", chemin, .. arguments], true)
            : ExecuterAsync(chemin, arguments, true);
    }

    private static async Task ExecuterAsync(string programme, string[] arguments, bool verifier)
    {
        var info = new ProcessStartInfo(programme) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var processus = Process.Start(info) ?? throw new InvalidOperationException($"{programme} n'a pas démarré.");
        var sortie = processus.StandardOutput.ReadToEndAsync();
        var erreurs = processus.StandardError.ReadToEndAsync();
        await processus.WaitForExitAsync();
        if (verifier && processus.ExitCode != 0)
        {
            throw new InvalidOperationException($"{programme} {string.Join(' ', arguments)} : code {processus.ExitCode}\n{await sortie}\n{await erreurs}");
        }
    }

    private static string? TrouverBinaires()
    {
        const string racine = "/usr/lib/postgresql";
        if (!Directory.Exists(racine))
        {
            return null;
        }

        return Directory.GetDirectories(racine)
            .Select(d => Path.Combine(d, "bin"))
            .Where(b => File.Exists(Path.Combine(b, "initdb")))
            .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var version) ? version : 0)
            .FirstOrDefault();
    }

    private static int PortLibre()
    {
        using var ecoute = new TcpListener(IPAddress.Loopback, 0);
        ecoute.Start();
        return ((IPEndPoint)ecoute.LocalEndpoint).Port;
    }
}
