using System.Globalization;

namespace Passerelle.Generation;

/// <summary>
/// The generator's progress on the console: people written, rate and time left, redrawn in place on a terminal; one line
/// per tenth when the output is redirected (a log or another program reading it).
/// </summary>
internal sealed class BarreProgression(TextWriter sortie, int total)
{
    private const int Largeur = 30;
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("fr-FR");
    private readonly long _debut = System.Diagnostics.Stopwatch.GetTimestamp();
    private readonly bool _terminal = ReferenceEquals(sortie, Console.Out) && !Console.IsOutputRedirected;
    private int _faits;
    private int _dixiemes;
    private long _dernierAffichage;

    public void Avancer(int personnes)
    {
        _faits += personnes;
        var maintenant = System.Diagnostics.Stopwatch.GetTimestamp();
        if (_terminal)
        {
            if (System.Diagnostics.Stopwatch.GetElapsedTime(_dernierAffichage, maintenant).TotalMilliseconds >= 200 || _faits >= total)
            {
                _dernierAffichage = maintenant;
                sortie.Write($"\r{Ligne()}   ");
            }
        }
        else if (_faits * 10L / total > _dixiemes)
        {
            _dixiemes = (int)(_faits * 10L / total);
            sortie.WriteLine(Ligne());
        }
    }

    public void Terminer()
    {
        if (_terminal)
        {
            sortie.WriteLine();
        }
    }

    private string Ligne()
    {
        var ecoule = System.Diagnostics.Stopwatch.GetElapsedTime(_debut);
        var debit = _faits / Math.Max(ecoule.TotalSeconds, 0.001);
        var reste = TimeSpan.FromSeconds((total - _faits) / Math.Max(debit, 0.001));
        var pleins = (int)(Largeur * (long)_faits / total);
        return string.Create(Culture, $"[{new string('#', pleins)}{new string('.', Largeur - pleins)}] {_faits:N0} / {total:N0} personnes · {debit:N0} par seconde · reste {Duree(reste)}");
    }

    internal static string Duree(TimeSpan duree) =>
        duree.TotalMinutes >= 1 ? $"{(int)duree.TotalMinutes} min {duree.Seconds:D2} s" : $"{duree.Seconds} s";
}
