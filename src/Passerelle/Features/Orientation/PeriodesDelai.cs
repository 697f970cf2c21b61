using System.Linq.Expressions;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Parametres;

namespace Passerelle.Features.Orientation;

/// <summary>One period of the orientation delay setting: the weeks that apply to a right received within it.</summary>
public sealed record PeriodeDelai(DateOnly Du, DateOnly? Au, int Semaines)
{
    public bool Contient(DateOnly date) => Du <= date && (Au is null || date <= Au);
}

/// <summary>
/// The history of <see cref="ClesParametres.DelaiOrientation"/> in the current département. Each person's
/// deadline takes the weeks of the period that contains the day the information was received, so that a
/// later change never moves a running deadline. The history is a handful of rows: it is read once and
/// joined into the queue's SQL as a CASE over its periods, so that the queue sorts, filters and counts by
/// deadline in the database.
/// </summary>
public sealed class PeriodesDelai
{
    private PeriodesDelai(IReadOnlyList<PeriodeDelai> periodes) => Periodes = periodes;

    public IReadOnlyList<PeriodeDelai> Periodes { get; }

    private IReadOnlyList<PeriodeValeur> _valeurs = [];

    public static async Task<PeriodesDelai> LireAsync(PasserelleDbContext db, CancellationToken cancellationToken)
    {
        var valeurs = (await EcheancesDatees.PeriodesAsync(db, ClesParametres.DelaiOrientation, cancellationToken: cancellationToken))
            .Where(p => p.Valeur > 0)
            .ToList();
        return new PeriodesDelai(valeurs.Select(p => new PeriodeDelai(p.Du, p.Au, (int)p.Valeur)).OrderBy(p => p.Du).ToList()) { _valeurs = valeurs };
    }

    /// <summary>The weeks valid on the day of receipt; null when no period covers it (the delay cannot be judged).</summary>
    public int? SemainesA(DateOnly reception) => Periodes.FirstOrDefault(p => p.Contient(reception))?.Semaines;

    /// <summary>Where the person stands today, by the domain rule; null when no period covers the day of receipt.</summary>
    public SituationDelai? Juger(DateOnly reception, DateOnly aujourdhui) =>
        SemainesA(reception) is { } semaines ? DelaiOrientation.Juger(reception, semaines, aujourdhui) : null;

    /// <summary>
    /// The deadline as SQL can compute it from the day of receipt: receipt + 7 × the weeks of the period that
    /// contains it, the same sum as <see cref="DelaiOrientation.Juger"/>; null outside every period.
    /// </summary>
    public Expression Echeance(Expression reception) => EcheancesDatees.Echeance(reception, _valeurs, TypeValeur.Semaines);
}
