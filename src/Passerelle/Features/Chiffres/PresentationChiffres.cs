using System.Globalization;
using System.Text;

namespace Passerelle.Features.Chiffres;

/// <summary>How a value reads on the page and in the CSV export.</summary>
public static class PresentationChiffres
{
    public const string MarquePrimaire = "< 5";
    public const string MarqueSecondaire = "s";
    public const string MarquePrimaireCsv = "<5";

    private static readonly CultureInfo Francais = CultureInfo.GetCultureInfo("fr-FR");

    public static string Texte(decimal? valeur, ColonneChiffres colonne, Secret secret) => secret switch
    {
        Secret.Primaire => MarquePrimaire,
        Secret.Secondaire => MarqueSecondaire,
        _ when valeur is null => "—",
        _ => colonne.Genre switch
        {
            GenreColonne.Part => valeur.Value.ToString("0.#", Francais) + "\u00a0%",
            GenreColonne.Mediane => valeur.Value.ToString("0.#", Francais),
            GenreColonne.Heures => valeur.Value.ToString("#,##0.##", Francais),
            _ => valeur.Value.ToString("N0", Francais),
        },
    };

    /// <summary>
    /// The table as a spreadsheet opens it in France: UTF-8 with a byte order mark, ";" between fields, a decimal
    /// comma, no thousands separator, "&lt;5" and "s" for masked values, an empty field where nothing is computed.
    /// </summary>
    public static byte[] Csv(TableauMasque masque)
    {
        var tableau = masque.Tableau;
        var texte = new StringBuilder();
        void Ligne(IEnumerable<string> champs) => texte.Append(string.Join(';', champs)).Append("\r\n");

        Ligne(tableau.Colonnes.Select(c => Champ(c.Genre == GenreColonne.Part ? $"{c.Libelle} (%)" : c.Libelle)).Prepend(Champ(tableau.EnTeteLignes)));
        foreach (var (ligne, secrets) in tableau.Lignes.Zip(masque.Lignes))
        {
            Ligne(Cellules(ligne, secrets).Prepend(Champ(ligne.Code.Length > 0 ? ligne.Code : ligne.Libelle)));
        }

        if (tableau.Total is { } total && masque.Total is { } secretsTotal)
        {
            Ligne(Cellules(total, secretsTotal).Prepend(Champ(total.Libelle)));
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(texte.ToString())];
    }

    private static IEnumerable<string> Cellules(LigneChiffres ligne, IReadOnlyList<Secret> secrets) =>
        ligne.Valeurs.Zip(secrets, (valeur, secret) => secret switch
        {
            Secret.Primaire => MarquePrimaireCsv,
            Secret.Secondaire => MarqueSecondaire,
            // Two decimals at most: hours are rounded to the hundredth; shares and medians have one decimal at most.
            _ => valeur?.ToString("0.##", Francais) ?? "",
        });

    /// <summary>Quoted when needed; a label that a spreadsheet would run as a formula is defused with a leading apostrophe.</summary>
    private static string Champ(string texte)
    {
        if (texte.Length > 0 && texte[0] is '=' or '+' or '-' or '@')
        {
            texte = "'" + texte;
        }

        return texte.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? $"\"{texte.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : texte;
    }
}
