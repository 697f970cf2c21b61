namespace Passerelle.Domain.Identite;

/// <summary>What is compared to find the same person twice.</summary>
public sealed record IdentiteComparee(string NomNaissance, string? NomUsage, string Prenoms, DateOnly DateNaissance, string? Nir = null);

/// <summary>
/// Probable duplicates, shown to the agent before a person is created; the agent decides. Same NIR; or
/// the same date of birth with names that match once normalised — birth or usage name on either side
/// (a woman found by her birth name after marriage), first names in another order or written as one
/// compound name, one typing slip in a long name.
/// </summary>
public static class Doublons
{
    public static string? RaisonDoublon(IdentiteComparee nouvelle, IdentiteComparee existante)
    {
        if (nouvelle.Nir is not null && existante.Nir is not null && NirIdentique(nouvelle.Nir, existante.Nir))
        {
            return "Même NIR.";
        }

        if (nouvelle.DateNaissance != existante.DateNaissance)
        {
            return null;
        }

        var nomsNouvelle = Noms(nouvelle);
        var nomsExistante = Noms(existante);
        var nomsIdentiques = nomsNouvelle.Overlaps(nomsExistante);
        var nomsProches = nomsIdentiques || nomsNouvelle.Any(n => nomsExistante.Any(e => Proches(n, e)));
        if (nomsProches && PrenomsConcordent(nouvelle.Prenoms, existante.Prenoms))
        {
            return nomsIdentiques
                ? "Même date de naissance, mêmes nom et prénoms."
                : "Même date de naissance, nom très proche et mêmes prénoms.";
        }

        // The name typed in the first-name field, and the reverse.
        return nomsNouvelle.Contains(NomsNormalises.Normaliser(existante.Prenoms)) && nomsExistante.Contains(NomsNormalises.Normaliser(nouvelle.Prenoms))
            ? "Même date de naissance, nom et prénom inversés."
            : null;
    }

    private static bool NirIdentique(string a, string b) =>
        Nir.TryLire(a, out var nirA, out _) && Nir.TryLire(b, out var nirB, out _) && nirA!.Valeur == nirB!.Valeur;

    private static HashSet<string> Noms(IdentiteComparee identite) =>
        new[] { identite.NomNaissance, identite.NomUsage }.Select(NomsNormalises.Normaliser).Where(n => n.Length > 0).ToHashSet(StringComparer.Ordinal);

    /// <summary>Same first names in any order, or written as one compound name ("Jean-Pierre" and "Jean Pierre").</summary>
    private static bool PrenomsConcordent(string a, string b)
    {
        var motsA = NomsNormalises.Mots(a);
        var motsB = NomsNormalises.Mots(b);
        if (motsA.Count == 0 || motsB.Count == 0)
        {
            return false;
        }

        return NomsNormalises.Normaliser(a) == NomsNormalises.Normaliser(b)
            || motsA.Order(StringComparer.Ordinal).SequenceEqual(motsB.Order(StringComparer.Ordinal))
            || motsA[0] == motsB[0];
    }

    /// <summary>Equal, or one letter apart in names long enough for a slip not to make another name.</summary>
    private static bool Proches(string a, string b) =>
        a == b || (Math.Min(a.Length, b.Length) >= 5 && Distance(a, b) <= 1);

    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return 2;
        }

        var precedente = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var courante = new int[b.Length + 1];
            courante[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                courante[j] = Math.Min(Math.Min(courante[j - 1] + 1, precedente[j] + 1), precedente[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            precedente = courante;
        }

        return precedente[b.Length];
    }
}
