using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Passerelle.Features.Chiffres;

/// <summary>What the rows of a table are.</summary>
public enum Ventilation
{
    [Display(Name = "Par mois")] Mois,
    [Display(Name = "Par territoire")] Territoire,
    [Display(Name = "Par action")] Action,
    [Display(Name = "Par fiche-action")] FicheAction,
}

/// <summary>
/// Whole months, from <see cref="PremierMois"/> to <see cref="DernierMois"/> included. A month is observed on its
/// last day, or on <see cref="ArreteAu"/> when that comes first: the current month is counted as it stands today,
/// not with what is already planned for its last days.
/// </summary>
public sealed record PeriodeChiffres
{
    public PeriodeChiffres(DateOnly premierMois, DateOnly dernierMois, DateOnly? arreteAu = null)
    {
        PremierMois = new DateOnly(premierMois.Year, premierMois.Month, 1);
        DernierMois = new DateOnly(dernierMois.Year, dernierMois.Month, 1);
        if (DernierMois < PremierMois)
        {
            throw new ArgumentException("Le dernier mois précède le premier.", nameof(dernierMois));
        }

        if (arreteAu is { } arrete && arrete < DernierMois)
        {
            throw new ArgumentException("La date d'arrêté précède le dernier mois.", nameof(arreteAu));
        }

        ArreteAu = arreteAu;
    }

    private static readonly CultureInfo Francais = CultureInfo.GetCultureInfo("fr-FR");

    public DateOnly PremierMois { get; }
    public DateOnly DernierMois { get; }
    public DateOnly? ArreteAu { get; }

    public IReadOnlyList<DateOnly> Mois
    {
        get
        {
            var mois = new List<DateOnly>();
            for (var m = PremierMois; m <= DernierMois; m = m.AddMonths(1))
            {
                mois.Add(m);
            }

            return mois;
        }
    }

    /// <summary>The day of the period's last observation: stocks broken down by territory are counted on it.</summary>
    public DateOnly Fin => Observation(DernierMois);

    /// <summary>The last day of the month, or the date of the figures when it comes first.</summary>
    public DateOnly Observation(DateOnly mois)
    {
        var dernierJour = new DateOnly(mois.Year, mois.Month, 1).AddMonths(1).AddDays(-1);
        return ArreteAu is { } arrete && arrete < dernierJour ? arrete : dernierJour;
    }

    public static string Libelle(DateOnly mois) => mois.ToString("MMMM yyyy", Francais);

    public static string Code(DateOnly mois) => mois.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public string Libelle() =>
        PremierMois == DernierMois ? Libelle(PremierMois) : $"de {Libelle(PremierMois)} à {Libelle(DernierMois)}";
}

/// <summary>
/// The kind of a column decides how it is shown and protected: counts are masked when small, a total is the
/// sum of its row's counts, a share or a median is masked with the counts it is computed from.
/// </summary>
public enum GenreColonne
{
    /// <summary>A number of people or of decisions, one part of the row's total when the table has a total column.</summary>
    Effectif,
    /// <summary>The sum of the row's <see cref="Effectif"/> columns.</summary>
    Total,
    /// <summary>A percentage.</summary>
    Part,
    /// <summary>A median, in days.</summary>
    Mediane,
    /// <summary>
    /// Hours done: not a count of people, so not masked for itself, but hidden with the count of people of its row
    /// given as its base, since the hours of one or two people tell about them.
    /// </summary>
    Heures,
}

/// <param name="Bases">For a share or a median: the columns it is computed from. Hidden with any of them.</param>
public sealed record ColonneChiffres(string Libelle, GenreColonne Genre, IReadOnlyList<int>? Bases = null)
{
    public bool EstEffectif => Genre is GenreColonne.Effectif or GenreColonne.Total;
}

/// <param name="Code">What identifies the row in an export: the month as yyyy-MM, or the territory's name.</param>
/// <param name="Valeurs">One value per column; null when there is nothing to compute (no decision, no median).</param>
public sealed record LigneChiffres(string Code, string Libelle, IReadOnlyList<decimal?> Valeurs);

/// <summary>
/// A figure computed for one département: rows are months or territories, columns are values. The total row,
/// when there is one, is computed for the whole département or the whole period, never added up in memory, so
/// that a person living in two territories counts once.
/// </summary>
/// <param name="Observation">For stocks broken down by territory: the day they are counted on.</param>
public sealed record TableauChiffres(
    Figure Figure, Ventilation Ventilation, PeriodeChiffres Periode, DateOnly? Observation, string EnTeteLignes,
    IReadOnlyList<ColonneChiffres> Colonnes, IReadOnlyList<LigneChiffres> Lignes, LigneChiffres? Total)
{
    public int? ColonneTotal
    {
        get
        {
            var index = Colonnes.ToList().FindIndex(c => c.Genre == GenreColonne.Total);
            return index < 0 ? null : index;
        }
    }
}
