using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Passerelle.Domain;

namespace Passerelle.Data;

/// <summary>
/// The current state of a person's follow-up stored on <see cref="Beneficiaire"/> (waiting for an orientation, the
/// orientation in force, the latest signed contract, the latest held rendez-vous, the open designation and who it
/// names, the structure of the orientation): its rules,
/// and their recomputation in SQL for a set of people. Lists of tens of thousands of people (the orientation queue,
/// a structure's portfolio) then read columns instead of six lookups per person. The context recomputes it in the
/// transaction that saves what it derives from; a bulk write (the demo, the generator, a merge) calls it for the
/// people it touched.
/// </summary>
public static class SuiviCourant
{
    /// <summary>
    /// Waiting for an orientation: latest state of the right open and soumis aux droits et devoirs, dossier open, no
    /// orientation in force. The latest state of the right decides: a right suspended or closed since leaves the queue.
    /// </summary>
    public static Expression<Func<Beneficiaire, DateOnly?>> Attente(PasserelleDbContext db) => b =>
        !b.Clos && b.FusionneDansId == null && !db.DecisionsOrientation.Any(o => o.BeneficiaireId == b.Id && o.Fin == null)
            ? db.DroitsRsa.Where(d => d.BeneficiaireId == b.Id)
                .OrderByDescending(d => d.DateEffet).ThenByDescending(d => d.InstantSaisie)
                .Select(d => d.Etat == EtatDroitRsa.Ouvert && d.SoumisDroitsEtDevoirs ? d.DateReceptionInformation : null)
                .FirstOrDefault()
            : null;

    /// <summary>Recomputes the stored state of these people.</summary>
    public static Task<int> RecalculerAsync(PasserelleDbContext db, Expression<Func<Beneficiaire, bool>> personnes, CancellationToken cancellationToken = default) =>
        Designees(db, personnes).ExecuteUpdateAsync(s => Definir(s, db), cancellationToken);

    public static int Recalculer(PasserelleDbContext db, Expression<Func<Beneficiaire, bool>> personnes) =>
        Designees(db, personnes).ExecuteUpdate(s => Definir(s, db));

    /// <summary>The people the caller names, whatever the current département (a command has none).</summary>
    private static IQueryable<Beneficiaire> Designees(PasserelleDbContext db, Expression<Func<Beneficiaire, bool>> personnes) =>
        db.Beneficiaires.IgnoreQueryFilters().Where(personnes);

    private static void Definir(UpdateSettersBuilder<Beneficiaire> s, PasserelleDbContext db) => s
        .SetProperty(b => b.AttenteOrientationDepuis, Attente(db))
        .SetProperty(b => b.ParcoursEnVigueur, b => db.DecisionsOrientation.Where(o => o.BeneficiaireId == b.Id && o.Fin == null)
            .OrderByDescending(o => o.DateDecision).Select(o => (TypeParcours?)o.Parcours).FirstOrDefault())
        .SetProperty(b => b.RevisionDue, b => db.DecisionsOrientation.Where(o => o.BeneficiaireId == b.Id && o.Fin == null)
            .OrderByDescending(o => o.DateDecision).Select(o => o.RevisionDue).FirstOrDefault())
        .SetProperty(b => b.FinDernierContratSigne, b => db.ContratsEngagement.Where(c => c.BeneficiaireId == b.Id && c.Etat == EtatContrat.Signe)
            .Max(c => (DateOnly?)c.Fin))
        .SetProperty(b => b.DernierRendezVousHonore, b => db.RendezVous.Where(r => r.BeneficiaireId == b.Id && r.Statut == StatutRendezVous.Honore)
            .Max(r => (DateTime?)r.Debut))
        .SetProperty(b => b.DebutDesignation, b => db.ReferentsUniques.Where(r => r.BeneficiaireId == b.Id && r.Fin == null)
            .Select(r => (DateOnly?)r.Debut).FirstOrDefault())
        .SetProperty(b => b.ReferentAgentId, b => db.ReferentsUniques.Where(r => r.BeneficiaireId == b.Id && r.Fin == null)
            .Select(r => r.AgentId).FirstOrDefault())
        .SetProperty(b => b.ReferentStructureId, b => db.ReferentsUniques.Where(r => r.BeneficiaireId == b.Id && r.Fin == null)
            .Select(r => r.StructureId).FirstOrDefault())
        .SetProperty(b => b.OrientationStructureId, b => db.DecisionsOrientation.Where(o => o.BeneficiaireId == b.Id && o.Fin == null)
            .Select(o => o.StructureId).FirstOrDefault());

    /// <summary>The people whose state this save may change: what the state derives from, or their dossier opened, closed or merged.</summary>
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
                case ContratEngagement contrat:
                    ids.Add(contrat.BeneficiaireId);
                    break;
                case RendezVous rendezVous:
                    ids.Add(rendezVous.BeneficiaireId);
                    break;
                case ReferentUnique designation:
                    ids.Add(designation.BeneficiaireId);
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
