using System.Security.Claims;
using Passerelle.Features.Beneficiaires;

namespace Passerelle.Features.Chiffres;

/// <summary>Why a value is not shown.</summary>
public enum Secret
{
    Aucun,
    /// <summary>A count from 1 to 4, or a total under 5: shown as "&lt; 5".</summary>
    Primaire,
    /// <summary>
    /// A value hidden so that a small count cannot be recomputed from the totals, or a share or a median computed
    /// from a hidden count. Shown as "s": it is not necessarily under 5, and the table must not say it is.
    /// </summary>
    Secondaire,
}

/// <summary>
/// Counts as masking sees them: cells, and the totals that may be published with them. A row total is the sum of
/// its row's cells, a column total the sum of its column's, and the general total the sum of either margin.
/// </summary>
public sealed record GrilleEffectifs(
    IReadOnlyList<IReadOnlyList<int>> Cellules, IReadOnlyList<int>? TotauxLignes = null, IReadOnlyList<int>? TotauxColonnes = null, int? TotalGeneral = null);

public sealed record MasqueEffectifs(
    IReadOnlyList<IReadOnlyList<Secret>> Cellules, IReadOnlyList<Secret>? TotauxLignes, IReadOnlyList<Secret>? TotauxColonnes, Secret TotalGeneral);

/// <summary>
/// Statistical secrecy for the people who may not open individual records: a figure must not let them single
/// anybody out.
/// <list type="number">
/// <item>Primary secrecy: every count from 1 to 4, totals included, is masked. Zero stays shown: it tells that
/// nobody is in the group, which designates no one, and masking it would hide most of the sparse tables.</item>
/// <item>Secondary secrecy: a masked value that is the only masked one of a row or a column could be recomputed
/// as the total minus the others; the smallest non-zero value of that row or column is masked too (a cell, or
/// else the total). This is repeated until no row or column has a single masked value.</item>
/// <item>Then, because a combination of rows and columns can still isolate a value, each masked value is
/// checked against the whole system of totals (linear algebra over the masked values); one that remains
/// determined gets a further suppression in one of its rows or columns, and the whole is repeated.</item>
/// </list>
/// </summary>
public static class Masquage
{
    public const int Seuil = 5;

    /// <summary>Masking applies to every role without individual access (see <see cref="PerimetreDossiers.RolesAutorises"/>).</summary>
    public static bool EstRequis(ClaimsPrincipal utilisateur) => !PerimetreDossiers.PeutOuvrirDesDossiers(utilisateur);

    public static MasqueEffectifs Calculer(GrilleEffectifs grille)
    {
        var lignes = grille.Cellules.Count;
        var colonnes = lignes == 0 ? 0 : grille.Cellules[0].Count;
        if (grille.Cellules.Any(l => l.Count != colonnes)
            || (grille.TotauxLignes is not null && grille.TotauxLignes.Count != lignes)
            || (grille.TotauxColonnes is not null && grille.TotauxColonnes.Count != colonnes))
        {
            throw new ArgumentException("Les lignes, les colonnes et les totaux n'ont pas les mêmes dimensions.", nameof(grille));
        }

        // Every published value becomes a numbered "poste"; every total an equation between postes.
        var valeurs = new List<int>();
        int Ajouter(int valeur)
        {
            valeurs.Add(valeur);
            return valeurs.Count - 1;
        }

        var cellules = grille.Cellules.Select(l => l.Select(Ajouter).ToList()).ToList();
        var totauxLignes = grille.TotauxLignes?.Select(Ajouter).ToList();
        var totauxColonnes = grille.TotauxColonnes?.Select(Ajouter).ToList();
        int? totalGeneral = grille.TotalGeneral is { } g ? Ajouter(g) : null;

        var equations = new List<Equation>();
        if (totauxLignes is not null)
        {
            equations.AddRange(cellules.Select((l, i) => new Equation(l, totauxLignes[i])));
        }

        if (totauxColonnes is not null)
        {
            equations.AddRange(Enumerable.Range(0, colonnes).Select(j => new Equation(cellules.Select(l => l[j]).ToList(), totauxColonnes[j])));
        }

        if (totalGeneral is { } general)
        {
            if (totauxLignes is not null)
            {
                equations.Add(new Equation(totauxLignes, general));
            }

            if (totauxColonnes is not null)
            {
                equations.Add(new Equation(totauxColonnes, general));
            }
        }

        var secrets = valeurs.Select(v => v is > 0 and < Seuil ? Secret.Primaire : Secret.Aucun).ToList();
        bool Masque(int poste) => secrets[poste] != Secret.Aucun;

        bool Proteger(Equation equation)
        {
            var candidat = equation.Membres.Where(p => !Masque(p) && valeurs[p] > 0).OrderBy(p => valeurs[p]).ThenBy(p => p).Cast<int?>().FirstOrDefault()
                ?? (!Masque(equation.Total) && valeurs[equation.Total] > 0 ? equation.Total : null);
            if (candidat is not { } poste)
            {
                return false;
            }

            secrets[poste] = Secret.Secondaire;
            return true;
        }

        bool change;
        do
        {
            change = false;
            foreach (var equation in equations)
            {
                if (equation.Postes.Count(Masque) == 1 && Proteger(equation))
                {
                    change = true;
                }
            }

            if (!change)
            {
                var masques = Enumerable.Range(0, valeurs.Count).Where(Masque).ToList();
                foreach (var poste in masques.Where(p => EstDetermine(p, masques, equations)))
                {
                    if (equations.Where(e => e.Postes.Contains(poste)).Any(Proteger))
                    {
                        change = true;
                        break;
                    }
                }
            }
        }
        while (change);

        return new MasqueEffectifs(
            cellules.Select(l => (IReadOnlyList<Secret>)l.Select(p => secrets[p]).ToList()).ToList(),
            totauxLignes?.Select(p => secrets[p]).ToList(),
            totauxColonnes?.Select(p => secrets[p]).ToList(),
            totalGeneral is { } t ? secrets[t] : Secret.Aucun);
    }

    /// <summary>
    /// The masks of a table: nothing when <paramref name="masquer"/> is false. The counts go through
    /// <see cref="Calculer"/>; a share or a median follows the counts it is computed from.
    /// </summary>
    public static TableauMasque Appliquer(TableauChiffres tableau, bool masquer)
    {
        var largeur = tableau.Colonnes.Count;
        if (!masquer)
        {
            return new TableauMasque(tableau, false,
                tableau.Lignes.Select(_ => (IReadOnlyList<Secret>)Enumerable.Repeat(Secret.Aucun, largeur).ToList()).ToList(),
                tableau.Total is null ? null : Enumerable.Repeat(Secret.Aucun, largeur).ToList());
        }

        var effectifs = Enumerable.Range(0, largeur).Where(j => tableau.Colonnes[j].Genre == GenreColonne.Effectif).ToList();
        var colonneTotal = tableau.ColonneTotal;
        static int Nombre(decimal? valeur) => (int)(valeur ?? 0);

        var masque = Calculer(new GrilleEffectifs(
            tableau.Lignes.Select(l => (IReadOnlyList<int>)effectifs.Select(j => Nombre(l.Valeurs[j])).ToList()).ToList(),
            colonneTotal is { } t ? tableau.Lignes.Select(l => Nombre(l.Valeurs[t])).ToList() : null,
            tableau.Total is { } total ? effectifs.Select(j => Nombre(total.Valeurs[j])).ToList() : null,
            tableau.Total is { } totalGeneral && colonneTotal is { } tg ? Nombre(totalGeneral.Valeurs[tg]) : null));

        IReadOnlyList<Secret> Ligne(LigneChiffres ligne, IReadOnlyList<Secret> secretsEffectifs, Secret? secretTotal)
        {
            var secrets = Enumerable.Repeat(Secret.Aucun, largeur).ToArray();
            for (var k = 0; k < effectifs.Count; k++)
            {
                secrets[effectifs[k]] = secretsEffectifs[k];
            }

            if (colonneTotal is { } c && secretTotal is { } s)
            {
                secrets[c] = s;
            }

            for (var j = 0; j < largeur; j++)
            {
                if (tableau.Colonnes[j].Bases is { } bases && ligne.Valeurs[j] is not null && bases.Any(b => secrets[b] != Secret.Aucun))
                {
                    secrets[j] = Secret.Secondaire;
                }
            }

            return secrets;
        }

        var lignes = tableau.Lignes.Select((l, i) => Ligne(l, masque.Cellules[i], masque.TotauxLignes?[i])).ToList();
        var secretsTotal = tableau.Total is { } ligneTotal
            ? Ligne(ligneTotal, masque.TotauxColonnes!, colonneTotal is null ? null : masque.TotalGeneral)
            : null;
        return new TableauMasque(tableau, true, lignes, secretsTotal);
    }

    /// <summary>
    /// Whether the published totals fix the value of <paramref name="poste"/>: true when its unit vector lies in the
    /// span of the equations restricted to the masked values (the known values only move the right-hand side).
    /// </summary>
    private static bool EstDetermine(int poste, List<int> masques, IReadOnlyList<Equation> equations)
    {
        var index = masques.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i);
        var matrice = equations
            .Select(e =>
            {
                var ligne = new double[masques.Count];
                foreach (var membre in e.Membres.Where(index.ContainsKey))
                {
                    ligne[index[membre]] += 1;
                }

                if (index.TryGetValue(e.Total, out var total))
                {
                    ligne[total] -= 1;
                }

                return ligne;
            })
            .Where(l => l.Any(c => c != 0))
            .ToList();
        var rang = Rang(matrice);
        var unitaire = new double[masques.Count];
        unitaire[index[poste]] = 1;
        return Rang([.. matrice, unitaire]) == rang;
    }

    private static int Rang(List<double[]> lignes)
    {
        var m = lignes.Select(l => (double[])l.Clone()).ToList();
        var rang = 0;
        var largeur = m.Count == 0 ? 0 : m[0].Length;
        for (var colonne = 0; colonne < largeur && rang < m.Count; colonne++)
        {
            var pivot = Enumerable.Range(rang, m.Count - rang).OrderByDescending(i => Math.Abs(m[i][colonne])).First();
            if (Math.Abs(m[pivot][colonne]) < 1e-9)
            {
                continue;
            }

            (m[rang], m[pivot]) = (m[pivot], m[rang]);
            for (var i = 0; i < m.Count; i++)
            {
                if (i != rang && Math.Abs(m[i][colonne]) > 1e-12)
                {
                    var facteur = m[i][colonne] / m[rang][colonne];
                    for (var j = colonne; j < largeur; j++)
                    {
                        m[i][j] -= facteur * m[rang][j];
                    }
                }
            }

            rang++;
        }

        return rang;
    }

    private sealed record Equation(IReadOnlyList<int> Membres, int Total)
    {
        public IEnumerable<int> Postes => Membres.Append(Total);
    }
}

/// <summary>A table with the secret of each value: what a page or an export may show.</summary>
public sealed record TableauMasque(
    TableauChiffres Tableau, bool Masquage, IReadOnlyList<IReadOnlyList<Secret>> Lignes, IReadOnlyList<Secret>? Total)
{
    public bool ADesValeursMasquees => Lignes.Append(Total ?? []).Any(l => l.Any(s => s != Secret.Aucun));
}
