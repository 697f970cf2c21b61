using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Passerelle.Data;
using Passerelle.Domain;

namespace Passerelle.Features.Parametres;

/// <summary>One period of a dated setting, its value read as a number.</summary>
public sealed record PeriodeValeur(DateOnly Du, DateOnly? Au, decimal Valeur);

/// <summary>
/// Deadlines computed in the database from a dated setting: the value applied to a date is the one valid on
/// that date (DESIGN.md: "SQL figures join the setting's periods rather than calling it row by row"). The
/// few periods of a key become a CASE over the date column, so that lists filter and sort on the deadline
/// in SQL, for thousands of people at once.
/// </summary>
public static class EcheancesDatees
{
    public static async Task<IReadOnlyList<PeriodeValeur>> PeriodesAsync(
        PasserelleDbContext db, string cle, string portee = ParametreDate.PorteeDepartement, CancellationToken cancellationToken = default)
    {
        var periodes = await db.ParametresDates.AsNoTracking()
            .Where(p => p.Cle == cle && p.Portee == portee)
            .OrderBy(p => p.ValideDu)
            .ToListAsync(cancellationToken);
        return Periodes(periodes);
    }

    /// <summary>The numeric periods among <paramref name="periodes"/> of one key and scope, read in order of their start.</summary>
    public static IReadOnlyList<PeriodeValeur> Periodes(IEnumerable<ParametreDate> periodes) =>
        periodes.Where(p => p.Type != TypeValeur.Liste && p.Type != TypeValeur.Date)
            .Select(p => new PeriodeValeur(p.ValideDu, p.ValideAu, p.ValeurNumerique)).ToList();

    /// <summary>
    /// <c>date + the value valid on date</c>, in <paramref name="unite"/>; null when the date is null or no
    /// period covers it (no setting, no deadline: nothing is judged against a value that did not exist).
    /// </summary>
    public static Expression<Func<T, DateOnly?>> Echeance<T>(Expression<Func<T, DateOnly?>> date, IReadOnlyList<PeriodeValeur> periodes, TypeValeur unite) =>
        Expression.Lambda<Func<T, DateOnly?>>(Echeance(date.Body, periodes, unite), date.Parameters);

    /// <summary>
    /// <paramref name="corps"/> with the deadline computed in place of its second parameter, as one expression over the
    /// row: a deadline (a CASE in SQL) used in a projection or a filter without reading the row back by its key.
    /// </summary>
    public static Expression<Func<T, TResultat>> AvecEcheance<T, TResultat>(Expression<Func<T, DateOnly?, TResultat>> corps, Expression<Func<T, DateOnly?>> echeance)
    {
        var ligne = corps.Parameters[0];
        var calculee = ReplacingExpressionVisitor.Replace(echeance.Parameters[0], ligne, echeance.Body);
        return Expression.Lambda<Func<T, TResultat>>(ReplacingExpressionVisitor.Replace(corps.Parameters[1], calculee, corps.Body), ligne);
    }

    /// <summary>The same over a date expression of type <see cref="DateOnly"/> or <see cref="Nullable{DateOnly}"/>, for queries built by hand.</summary>
    public static Expression Echeance(Expression date, IReadOnlyList<PeriodeValeur> periodes, TypeValeur unite)
    {
        var valeur = date.Type == typeof(DateOnly) ? Expression.Convert(date, typeof(DateOnly?)) : date;
        Expression resultat = Expression.Constant(null, typeof(DateOnly?));
        foreach (var periode in periodes.Reverse())
        {
            Expression condition = Expression.GreaterThanOrEqual(valeur, Expression.Constant((DateOnly?)periode.Du, typeof(DateOnly?)));
            if (periode.Au is { } au)
            {
                condition = Expression.AndAlso(condition, Expression.LessThanOrEqual(valeur, Expression.Constant((DateOnly?)au, typeof(DateOnly?))));
            }

            var (methode, nombre) = unite switch
            {
                TypeValeur.Semaines => (nameof(DateOnly.AddDays), (int)(periode.Valeur * 7)),
                TypeValeur.Jours => (nameof(DateOnly.AddDays), (int)periode.Valeur),
                TypeValeur.Mois => (nameof(DateOnly.AddMonths), (int)periode.Valeur),
                _ => throw new ArgumentOutOfRangeException(nameof(unite), unite, "Un délai s'exprime en jours, en semaines ou en mois."),
            };
            var echeance = Expression.Convert(
                Expression.Call(Expression.Property(valeur, "Value"), typeof(DateOnly).GetMethod(methode, [typeof(int)])!, Expression.Constant(nombre)),
                typeof(DateOnly?));
            resultat = Expression.Condition(condition, echeance, resultat);
        }

        return resultat;
    }

    /// <summary>
    /// The contract deadline of <see cref="DelaiContrat.Echeance"/> on a notification date: the transitional
    /// date for a notification before the law came into force, else the months valid on the notification.
    /// </summary>
    public static Expression<Func<T, DateOnly?>> EcheanceContrat<T>(
        Expression<Func<T, DateOnly?>> notification, IReadOnlyList<PeriodeValeur> periodesMois, DateOnly? dateTransitoire)
    {
        var selonDelai = Echeance(notification, periodesMois, TypeValeur.Mois);
        var avantLaLoi = Expression.LessThan(notification.Body, Expression.Constant((DateOnly?)DelaiContrat.EntreeEnVigueur, typeof(DateOnly?)));
        var corps = Expression.Condition(avantLaLoi, Expression.Constant(dateTransitoire, typeof(DateOnly?)), selonDelai.Body);
        return Expression.Lambda<Func<T, DateOnly?>>(corps, notification.Parameters);
    }
}
