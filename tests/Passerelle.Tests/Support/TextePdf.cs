using System.Diagnostics;

namespace Passerelle.Tests.Support;

/// <summary>The text of a PDF as a reader would copy it, through poppler's pdftotext (installed by CI).</summary>
public static class TextePdf
{
    public static async Task<string> ExtraireAsync(byte[] pdf)
    {
        var chemin = Path.Combine(Path.GetTempPath(), $"passerelle-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(chemin, pdf);
        try
        {
            Process? processus = null;
            try
            {
                processus = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", chemin, "-"])
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                });
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not installed: the caller skips, or fails under CI.
            }

            Environnement.IndisponibleSauf(processus is not null, "pdftotext (poppler-utils) n'est pas installé.");
            using (processus)
            {
                var texte = await processus!.StandardOutput.ReadToEndAsync();
                var erreurs = await processus.StandardError.ReadToEndAsync();
                await processus.WaitForExitAsync();
                processus.ExitCode.ShouldBe(0, erreurs);
                return texte;
            }
        }
        finally
        {
            File.Delete(chemin);
        }
    }
}
