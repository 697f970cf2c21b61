using System.Globalization;
using System.Text;

namespace Passerelle.Domain.Identite;

/// <summary>
/// Names as they are compared and searched: lower case, without accents, and without spaces,
/// hyphens or apostrophes, so that "Élodie Martin-Dupré" and "ELODIE MARTIN DUPRE" are one name.
/// </summary>
public static class NomsNormalises
{
    public static string Normaliser(string? nom)
    {
        if (string.IsNullOrWhiteSpace(nom))
        {
            return "";
        }

        var decompose = nom.Trim().ToLowerInvariant()
            .Replace("œ", "oe", StringComparison.Ordinal)
            .Replace("æ", "ae", StringComparison.Ordinal)
            .Replace("ß", "ss", StringComparison.Ordinal)
            .Normalize(NormalizationForm.FormD);
        var resultat = new StringBuilder(decompose.Length);
        foreach (var caractere in decompose)
        {
            if (char.IsLetterOrDigit(caractere) && CharUnicodeInfo.GetUnicodeCategory(caractere) != UnicodeCategory.NonSpacingMark)
            {
                resultat.Append(caractere);
            }
        }

        return resultat.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The words of a list of first names, each normalised: "Jean-Pierre Marie" gives jean, pierre, marie.</summary>
    public static IReadOnlyList<string> Mots(string? noms) =>
        (noms ?? "").Split([' ', '-', '\'', '’', ','], StringSplitOptions.RemoveEmptyEntries)
            .Select(Normaliser)
            .Where(m => m.Length > 0)
            .ToList();
}
