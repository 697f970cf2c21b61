using System.Diagnostics;

namespace Passerelle.Bench;

/// <summary>Runs an external program to its end.</summary>
internal static class Processus
{
    public sealed record Sortie(int Code, string Texte, string Erreurs);

    public static ProcessStartInfo Preparer(string programme, IEnumerable<string> arguments, string? dossier = null, IReadOnlyDictionary<string, string>? environnement = null)
    {
        var info = new ProcessStartInfo(programme)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = dossier ?? Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (cle, valeur) in environnement ?? new Dictionary<string, string>())
        {
            info.Environment[cle] = valeur;
        }

        return info;
    }

    public static async Task<Sortie> ExecuterAsync(ProcessStartInfo info, CancellationToken arret)
    {
        using var processus = Process.Start(info) ?? throw new InvalidOperationException($"{info.FileName} n'a pas démarré.");
        var texte = processus.StandardOutput.ReadToEndAsync(arret);
        var erreurs = processus.StandardError.ReadToEndAsync(arret);
        try
        {
            await processus.WaitForExitAsync(arret);
        }
        catch (OperationCanceledException)
        {
            processus.Kill(entireProcessTree: true);
            throw;
        }

        return new Sortie(processus.ExitCode, await texte, await erreurs);
    }

    public static async Task<string> ExigerAsync(ProcessStartInfo info, CancellationToken arret)
    {
        var sortie = await ExecuterAsync(info, arret);
        if (sortie.Code != 0)
        {
            throw new InvalidOperationException(
                $"{info.FileName} {string.Join(' ', info.ArgumentList)} : code {sortie.Code}\n{sortie.Texte}\n{sortie.Erreurs}");
        }

        return sortie.Texte;
    }
}
