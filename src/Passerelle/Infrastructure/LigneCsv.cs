using System.Text;

namespace Passerelle.Infrastructure;

/// <summary>Reads CSV: the files the application ships, and those administrators load.</summary>
public static class LigneCsv
{
    /// <summary>One CSV line: fields may be quoted, with "" for a quote inside. Null when a quote is left open.</summary>
    public static List<string>? Decouper(string ligne, char separateur)
    {
        var champs = new List<string>();
        var courant = new StringBuilder();
        var entreGuillemets = false;
        var position = 0;
        while (position < ligne.Length)
        {
            var caractere = ligne[position];
            if (entreGuillemets && caractere == '"' && position + 1 < ligne.Length && ligne[position + 1] == '"')
            {
                courant.Append('"');
                position++;
            }
            else if (caractere == '"')
            {
                entreGuillemets = !entreGuillemets;
            }
            else if (caractere == separateur && !entreGuillemets)
            {
                champs.Add(courant.ToString());
                courant.Clear();
            }
            else
            {
                courant.Append(caractere);
            }

            position++;
        }

        if (entreGuillemets)
        {
            return null;
        }

        champs.Add(courant.ToString());
        return champs;
    }

    /// <summary>
    /// The data lines of a CSV file embedded in the application: comment lines (#), the header line
    /// (starting with <paramref name="enTete"/>) and blank lines are skipped.
    /// </summary>
    public static IEnumerable<List<string>> LignesDeRessource(string ressource, string enTete)
    {
        using var flux = typeof(LigneCsv).Assembly.GetManifestResourceStream(ressource)
            ?? throw new InvalidOperationException($"Ressource {ressource} absente.");
        using var lecteur = new StreamReader(flux);
        while (lecteur.ReadLine() is { } ligne)
        {
            if (ligne.Length == 0 || ligne.StartsWith('#') || ligne.StartsWith(enTete, StringComparison.Ordinal))
            {
                continue;
            }

            yield return Decouper(ligne, ';') ?? throw new InvalidOperationException($"Ligne mal formée dans {ressource} : {ligne}");
        }
    }
}
