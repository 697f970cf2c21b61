using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Passerelle.Domain;

namespace Passerelle.Data;

/// <summary>
/// <see cref="Beneficiaire.AttenteOrientationDepuis"/>: its rule, and its recomputation in SQL for a set of people.
/// The context calls it when it saves a right, an orientation or a change of a dossier's state; a bulk write
/// (the generator, a merge) calls it for the people it touched.
/// </summary>
public static class AttenteOrientation
{
    /// <summary>The latest state of the right decides: a right suspended or closed since leaves the queue.</summary>
    public static Expression<Func<Beneficiaire, DateOnly?>> Valeur(PasserelleDbContext db) => b =>
        !b.Clos && b.FusionneDansId == null && !db.DecisionsOrientation.Any(o => o.BeneficiaireId == b.Id && o.Fin == null)
            ? db.DroitsRsa.Where(d => d.BeneficiaireId == b.Id)
                .OrderByDescending(d => d.DateEffet).ThenByDescending(d => d.InstantSaisie)
                .Select(d => d.Etat == EtatDroitRsa.Ouvert && d.SoumisDroitsEtDevoirs ? d.DateReceptionInformation : null)
                .FirstOrDefault()
            : null;

    /// <summary>Recomputes the stored state of these people, whatever the current département (a command has none).</summary>
    public static Task<int> RecalculerAsync(PasserelleDbContext db, Expression<Func<Beneficiaire, bool>> personnes, CancellationToken cancellationToken = default) =>
        db.Beneficiaires.IgnoreQueryFilters().Where(personnes)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.AttenteOrientationDepuis, Valeur(db)), cancellationToken);

    public static int Recalculer(PasserelleDbContext db, Expression<Func<Beneficiaire, bool>> personnes) =>
        db.Beneficiaires.IgnoreQueryFilters().Where(personnes)
            .ExecuteUpdate(s => s.SetProperty(b => b.AttenteOrientationDepuis, Valeur(db)));

    /// <summary>
    /// Marks, among these people, those waiting whose stored state is still empty: after a bulk write of new
    /// people, only the rows that change are rewritten.
    /// </summary>
    public static Task<int> RemplirAsync(PasserelleDbContext db, Expression<Func<Beneficiaire, bool>> personnes, CancellationToken cancellationToken = default)
    {
        var valeur = Valeur(db);
        var enAttente = Expression.Lambda<Func<Beneficiaire, bool>>(
            Expression.NotEqual(valeur.Body, Expression.Constant(null, typeof(DateOnly?))), valeur.Parameters);
        return db.Beneficiaires.IgnoreQueryFilters().Where(personnes).Where(b => b.AttenteOrientationDepuis == null).Where(enAttente)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.AttenteOrientationDepuis, valeur), cancellationToken);
    }

    /// <summary>The people whose state this save may change: their rights, their orientations, their dossier opened, closed or merged.</summary>
    internal static List<Guid> ATouchees(PasserelleDbContext db)
    {
        var ids = new HashSet<Guid>();
        foreach (var entree in db.ChangeTracker.Entries())
        {
            if (entree.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            switch (entree.Entity)
            {
                case DroitRsa droit:
                    ids.Add(droit.BeneficiaireId);
                    break;
                case DecisionOrientation decision:
                    ids.Add(decision.BeneficiaireId);
                    break;
                case Beneficiaire beneficiaire when entree.State == EntityState.Added
                    || (entree.State == EntityState.Modified
                        && (entree.Property(nameof(Beneficiaire.Clos)).IsModified || entree.Property(nameof(Beneficiaire.FusionneDansId)).IsModified)):
                    ids.Add(beneficiaire.Id);
                    break;
            }
        }

        return [.. ids];
    }
}
