using System.Diagnostics;

namespace Passerelle.Tests.Support;

/// <summary>
/// Removes a run's temporary folder from a detached <c>rm</c>, so the test process exits at once.
/// Deleting the run's PostgreSQL cluster (some 1.4 GB in 24 000 files) took 10 s on a loaded machine,
/// and xUnit forces the exit with an error ("Foreground threads were left running") when the process
/// is still there about 10 s after the last test, even with every test green.
/// </summary>
internal static class SuppressionApresLeProcessus
{
    public static void Supprimer(string dossier)
    {
        // Redirected streams: the child holds none of the test host's pipes, which the runner waits on.
        var info = new ProcessStartInfo("rm")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        info.ArgumentList.Add("-rf");
        info.ArgumentList.Add("--");
        info.ArgumentList.Add(dossier);
        try
        {
            Process.Start(info)?.Dispose();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            Console.Error.WriteLine($"Dossier de test laissé en place ({dossier}) : {exception.Message}");
        }
    }
}
