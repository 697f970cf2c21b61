using System.Globalization;

namespace Passerelle.Domain.Identite;

/// <summary>
/// A social security number (NIR): 13 characters and a 2-digit key, 97 − (number mod 97). Corsica's
/// départements 2A and 2B count as 19 and 18 in the computation. Numbers starting with 7 or 8 are
/// temporary ones, accepted and flagged. Sensitive: never shown whole unless unmasked on purpose.
/// </summary>
public sealed record Nir
{
    private Nir(string numero, string cle)
    {
        Numero = numero;
        Cle = cle;
    }

    /// <summary>The 13 characters before the key, digits except "2A" or "2B" for a birth in Corsica.</summary>
    public string Numero { get; }

    public string Cle { get; }

    /// <summary>The 15 characters without spaces, as stored (encrypted) and compared.</summary>
    public string Valeur => Numero + Cle;

    public bool EstTemporaire => Numero[0] is '7' or '8';

    /// <summary>What a page shows: the first digit and the key, nothing that identifies the person.</summary>
    public string Masque => $"{Numero[0]} •• •• •• ••• ••• {Cle}";

    /// <summary>The usual grouping: 1 85 05 78 006 084 91.</summary>
    public string Groupe => $"{Numero[0]} {Numero[1..3]} {Numero[3..5]} {Numero[5..7]} {Numero[7..10]} {Numero[10..13]} {Cle}";

    /// <summary>Reads a NIR as typed (spaces, dots and hyphens allowed), or throws a French message.</summary>
    public static Nir Lire(string saisie) =>
        TryLire(saisie, out var nir, out var erreur) ? nir! : throw new RegleMetierException(erreur!);

    public static bool TryLire(string? saisie, out Nir? nir, out string? erreur)
    {
        nir = null;
        var texte = new string((saisie ?? "").Where(c => !char.IsWhiteSpace(c) && c is not ('.' or '-')).ToArray()).ToUpperInvariant();
        if (texte.Length != 15)
        {
            erreur = "Le NIR compte 15 caractères : 13 pour le numéro et 2 pour la clé.";
            return false;
        }

        var numero = texte[..13];
        var cle = texte[13..];
        var departement = numero[5..7];
        var corse = departement is "2A" or "2B";
        if (!cle.All(char.IsAsciiDigit) || !numero.Where((c, i) => !(corse && i is 5 or 6)).All(char.IsAsciiDigit))
        {
            erreur = "Le NIR ne contient que des chiffres, et 2A ou 2B pour une naissance en Corse.";
            return false;
        }

        if (numero[0] is not ('1' or '2' or '3' or '4' or '7' or '8'))
        {
            erreur = "Le NIR commence par 1 ou 2 (7 ou 8 pour un numéro provisoire).";
            return false;
        }

        if (CalculerCle(numero) != int.Parse(cle, CultureInfo.InvariantCulture))
        {
            erreur = "La clé du NIR ne correspond pas au numéro : vérifiez la saisie.";
            return false;
        }

        nir = new Nir(numero, cle);
        erreur = null;
        return true;
    }

    /// <summary>97 − (number mod 97), with 2A read as 19 and 2B as 18.</summary>
    public static int CalculerCle(string numero)
    {
        var chiffres = numero[5..7] switch
        {
            "2A" => string.Concat(numero[..5], "19", numero[7..]),
            "2B" => string.Concat(numero[..5], "18", numero[7..]),
            _ => numero,
        };
        return 97 - (int)(long.Parse(chiffres, CultureInfo.InvariantCulture) % 97);
    }
}
