using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

namespace Passerelle.Bench;

/// <summary>
/// The application as it runs in production: the Release build, started as its own process. Its configuration goes
/// through environment variables, so that no connection string or key shows in a process list or an error message.
/// </summary>
internal sealed class Application(string racine, string chaineConnexion, IReadOnlyDictionary<string, string> clesNir)
{
    private string Dossier => Path.Combine(racine, "src", "Passerelle");

    private string Dll => Path.Combine(Dossier, "bin", "Release", "net10.0", "Passerelle.dll");

    public static Task<string> CompilerAsync(string racine, CancellationToken arret) =>
        Processus.ExigerAsync(Processus.Preparer("dotnet", ["build", Path.Combine(racine, "src", "Passerelle", "Passerelle.csproj"), "-c", "Release", "-nologo", "-v", "q"], racine), arret);

    /// <summary>Keys of this run only: every process of the run shares them, nothing keeps them.</summary>
    public static Dictionary<string, string> NouvellesClesNir() => new()
    {
        ["Nir__CleActive"] = "banc",
        ["Nir__Cles__banc"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["Nir__CleRecherche"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    };

    /// <summary>
    /// A maintenance command (migrate, demo, generer). The demo refuses Production, so the commands run as Staging:
    /// the same configuration as production otherwise (no demo at start, keys required).
    /// </summary>
    public Task<Processus.Sortie> CommandeAsync(string[] arguments, CancellationToken arret) =>
        Processus.ExecuterAsync(Processus.Preparer("dotnet", [Dll, .. arguments], Dossier, Environnement("Staging")), arret);

    public async Task ExigerCommandeAsync(string[] arguments, CancellationToken arret)
    {
        var sortie = await CommandeAsync(arguments, arret);
        if (sortie.Code != 0)
        {
            throw new InvalidOperationException($"Passerelle {string.Join(' ', arguments)} : code {sortie.Code}\n{sortie.Texte}\n{sortie.Erreurs}");
        }
    }

    public async Task<ServeurApplication> DemarrerAsync(string journal, CancellationToken arret)
    {
        var port = ServeurPostgres.PortLibre();
        var adresse = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        // The content root is the project folder, where wwwroot is, as in a published folder.
        var info = Processus.Preparer("dotnet", [Dll, "--urls", adresse.ToString()], Dossier, Environnement("Production"));
        var processus = Process.Start(info) ?? throw new InvalidOperationException("L'application n'a pas démarré.");
        var serveur = new ServeurApplication(processus, adresse, journal);
        try
        {
            await serveur.AttendreAsync(arret);
            return serveur;
        }
        catch
        {
            await serveur.DisposeAsync();
            throw;
        }
    }

    private Dictionary<string, string> Environnement(string environnement) => new(clesNir)
    {
        ["ASPNETCORE_ENVIRONMENT"] = environnement,
        ["Database__Provider"] = "Postgres",
        ["ConnectionStrings__Passerelle"] = chaineConnexion,
    };
}

/// <summary>The running server: its address, its log, its peak working set.</summary>
internal sealed class ServeurApplication : IAsyncDisposable
{
    private readonly Process _processus;
    private readonly StreamWriter _journal;

    public ServeurApplication(Process processus, Uri adresse, string journal)
    {
        _processus = processus;
        Adresse = adresse;
        _journal = new StreamWriter(journal) { AutoFlush = true };
        processus.OutputDataReceived += (_, e) => Ecrire(e.Data);
        processus.ErrorDataReceived += (_, e) => Ecrire(e.Data);
        processus.BeginOutputReadLine();
        processus.BeginErrorReadLine();
    }

    public Uri Adresse { get; }

    public async Task AttendreAsync(CancellationToken arret)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var limite = Stopwatch.StartNew();
        while (limite.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (_processus.HasExited)
            {
                throw new InvalidOperationException($"L'application s'est arrêtée au démarrage (code {_processus.ExitCode}) : voir son journal.");
            }

            try
            {
                using var reponse = await http.GetAsync(new Uri(Adresse, "/health"), arret);
                if (reponse.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!arret.IsCancellationRequested)
            {
                // Listening but not answering yet.
            }

            await Task.Delay(250, arret);
        }

        throw new TimeoutException("L'application ne répond pas sur /health après deux minutes.");
    }

    /// <summary>The kernel's high-water mark of the resident set (VmHWM): the peak, whenever it happened.</summary>
    public long PicMemoireOctets()
    {
        var ligne = File.ReadLines($"/proc/{_processus.Id.ToString(CultureInfo.InvariantCulture)}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("VmHWM absent de /proc/<pid>/status.");
        var kilooctets = ligne["VmHWM:".Length..].Trim().Split(' ')[0];
        return long.Parse(kilooctets, CultureInfo.InvariantCulture) * 1024;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_processus.HasExited)
        {
            _processus.Kill(entireProcessTree: true);
            await _processus.WaitForExitAsync();
        }

        _processus.Dispose();
        await _journal.DisposeAsync();
    }

    private void Ecrire(string? ligne)
    {
        if (ligne is not null)
        {
            lock (_journal)
            {
                _journal.WriteLine(ligne);
            }
        }
    }
}
