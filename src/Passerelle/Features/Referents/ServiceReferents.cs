using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Beneficiaires;
using Passerelle.Infrastructure.Audit;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.Referents;

public sealed record AgentReferent(Guid Id, string Nom, string? Structure, bool Actif);

/// <summary>What a transfer will do, shown for confirmation, then done.</summary>
public sealed record BilanTransfert(AgentReferent Source, AgentReferent Cible, DateOnly Date, IReadOnlyList<Guid> Personnes);

/// <summary>
/// The Responsable's writes on his structure's caseloads: transfers from one référent to another, and
/// absence covers. The référents he acts for are those of his own structure, read from the account so
/// that a change of structure applies at once.
/// </summary>
public sealed class ServiceReferents(PasserelleDbContext db, PerimetreDossiers perimetre, Journal journal, AgentCourant agentCourant, TimeProvider temps)
{
    public const string TypeJournalTransfert = "TransfertPortefeuille";

    /// <summary>The référents of the Responsable's structure, deactivated accounts included: their caseload still has to move.</summary>
    public async Task<List<AgentReferent>> ReferentsDeMaStructureAsync(CancellationToken cancellationToken = default)
    {
        var structureId = await MaStructureAsync(cancellationToken);
        return await Referents(actifsSeulement: false).Where(a => structureId != null && a.StructureId == structureId)
            .OrderBy(a => a.Nom).ThenBy(a => a.Prenom)
            .Select(a => new AgentReferent(a.Id, a.Prenom + " " + a.Nom, db.Structures.Where(s => s.Id == a.StructureId).Select(s => s.Nom).FirstOrDefault(), a.Actif))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Every active référent of the département: a caseload may move to another structure.</summary>
    public Task<List<AgentReferent>> ReferentsDuDepartementAsync(CancellationToken cancellationToken = default) =>
        Referents(actifsSeulement: true)
            .OrderBy(a => a.Nom).ThenBy(a => a.Prenom)
            .Select(a => new AgentReferent(a.Id, a.Prenom + " " + a.Nom, db.Structures.Where(s => s.Id == a.StructureId).Select(s => s.Nom).FirstOrDefault(), a.Actif))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The people a référent follows that the Responsable sees (open designation, dossier open and not merged):
    /// a transfer moves only what its author can see.
    /// </summary>
    public async Task<IQueryable<Beneficiaire>> PortefeuilleAsync(Guid referentId, CancellationToken cancellationToken = default)
    {
        var visibles = await perimetre.VisiblesAsync(cancellationToken);
        return visibles.Where(b => !b.Clos && b.ReferentAgentId == referentId);
    }

    /// <summary>Checks a transfer and says what it will do, without writing anything.</summary>
    /// <param name="selection">The people chosen; null for the whole caseload.</param>
    public async Task<BilanTransfert> PreparerTransfertAsync(Guid? sourceId, Guid? cibleId, DateOnly? date, IReadOnlyCollection<Guid>? selection, CancellationToken cancellationToken = default)
    {
        var source = (await ReferentsDeMaStructureAsync(cancellationToken)).SingleOrDefault(a => a.Id == sourceId)
            ?? throw new RegleMetierException("Choisissez le référent dont le portefeuille est transféré parmi les référents de votre structure.");
        if (cibleId is null)
        {
            throw new RegleMetierException("Choisissez le référent qui reprend les personnes.");
        }

        if (cibleId == source.Id)
        {
            throw new RegleMetierException("Le référent qui reprend les personnes doit être un autre que celui qui les suit.");
        }

        // Resolved through the tenant filter: an agent of another département is not found.
        var cible = await db.Users.Where(a => a.Id == cibleId)
            .Select(a => new { a.Id, Nom = a.Prenom + " " + a.Nom, a.Actif, Structure = db.Structures.Where(s => s.Id == a.StructureId).Select(s => s.Nom).FirstOrDefault() })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new RegleMetierException("Choisissez un référent de votre département.");
        if (!cible.Actif || !await Referents(actifsSeulement: true).AnyAsync(a => a.Id == cible.Id, cancellationToken))
        {
            throw new RegleMetierException($"{cible.Nom} n'a pas le rôle de référent, ou son compte est désactivé : il ne peut pas reprendre de portefeuille.");
        }

        var jour = date ?? throw new RegleMetierException("La date du transfert est obligatoire.");
        if (jour > Aujourdhui())
        {
            throw new RegleMetierException("Le transfert prend effet au plus tard aujourd'hui : il ne se programme pas à l'avance.");
        }

        var portefeuille = await PortefeuilleAsync(source.Id, cancellationToken);
        List<Guid> personnes;
        if (selection is null)
        {
            personnes = await portefeuille.Select(b => b.Id).ToListAsync(cancellationToken);
        }
        else
        {
            var choisis = selection.Distinct().ToList();
            personnes = await portefeuille.Where(b => choisis.Contains(b.Id)).Select(b => b.Id).ToListAsync(cancellationToken);
            if (choisis.Count == 0)
            {
                throw new RegleMetierException("Cochez au moins une personne, ou choisissez de transférer tout le portefeuille.");
            }

            if (personnes.Count != choisis.Count)
            {
                throw new RegleMetierException($"Une partie des personnes cochées n'est plus dans le portefeuille de {source.Nom} : rechargez la liste.");
            }
        }

        if (personnes.Count == 0)
        {
            throw new RegleMetierException($"Le portefeuille de {source.Nom} est vide : il n'y a rien à transférer.");
        }

        return new BilanTransfert(source, new AgentReferent(cible.Id, cible.Nom, cible.Structure, cible.Actif), jour, personnes);
    }

    /// <summary>
    /// Moves the people to the new référent from <paramref name="date"/>: for each, the open designation ends
    /// the day before and a new one opens. One SaveChanges, hence one transaction: all move, or none.
    /// </summary>
    public async Task<BilanTransfert> TransfererAsync(Guid? sourceId, Guid? cibleId, DateOnly? date, IReadOnlyCollection<Guid>? selection, CancellationToken cancellationToken = default)
    {
        var bilan = await PreparerTransfertAsync(sourceId, cibleId, date, selection, cancellationToken);
        var structureCible = await db.Users.Where(a => a.Id == bilan.Cible.Id).Select(a => a.StructureId).SingleAsync(cancellationToken);
        var periodes = (await db.ReferentsUniques.Where(r => bilan.Personnes.Contains(r.BeneficiaireId)).ToListAsync(cancellationToken))
            .ToLookup(r => r.BeneficiaireId);
        var departementId = db.DepartementCourant.IdObligatoire;
        foreach (var personne in bilan.Personnes)
        {
            db.ReferentsUniques.Add(ReferentUnique.Designer(departementId, personne, periodes[personne].ToList(), bilan.Date, bilan.Cible.Id, structureCible, null, null));
            journal.Ajouter(ActionJournal.Modification, nameof(Beneficiaire), personne);
        }

        journal.Ajouter(ActionJournal.Modification, TypeJournalTransfert, bilan.Source.Id);
        await db.SaveChangesAsync(cancellationToken);
        return bilan;
    }

    public async Task<Suppleance> CreerSuppleanceAsync(Guid? absentId, Guid? remplacantId, DateOnly? du, DateOnly? au, CancellationToken cancellationToken = default)
    {
        var absent = (await ReferentsDeMaStructureAsync(cancellationToken)).SingleOrDefault(a => a.Id == absentId)
            ?? throw new RegleMetierException("Choisissez le référent absent parmi les référents de votre structure.");
        var remplacant = (await ReferentsDuDepartementAsync(cancellationToken)).SingleOrDefault(a => a.Id == remplacantId)
            ?? throw new RegleMetierException("Choisissez comme remplaçant un référent actif de votre département.");
        if (du is not { } debut || au is not { } fin)
        {
            throw new RegleMetierException("Indiquez le premier et le dernier jour de l'absence.");
        }

        if (fin < Aujourdhui())
        {
            throw new RegleMetierException("Cette absence est déjà terminée : une suppléance ne s'enregistre pas après coup.");
        }

        var chevauche = await db.Suppleances.AnyAsync(s => s.ReferentAbsentId == absent.Id && s.Du <= fin && s.Au >= debut, cancellationToken);
        if (chevauche)
        {
            throw new RegleMetierException($"Une suppléance de {absent.Nom} couvre déjà une partie de cette période : terminez-la d'abord.");
        }

        var suppleance = new Suppleance(db.DepartementCourant.IdObligatoire, absent.Id, remplacant.Id, debut, fin, agentCourant.Id, temps.GetUtcNow().UtcDateTime);
        db.Suppleances.Add(suppleance);
        journal.Ajouter(ActionJournal.Creation, nameof(Suppleance), suppleance.Id);
        await db.SaveChangesAsync(cancellationToken);
        return suppleance;
    }

    /// <summary>
    /// Ends a cover early, its last day being <paramref name="dernierJour"/>; a cover that has not begun is
    /// withdrawn altogether.
    /// </summary>
    /// <returns>True when the cover was withdrawn rather than ended.</returns>
    public async Task<bool> TerminerSuppleanceAsync(Guid id, DateOnly? dernierJour, CancellationToken cancellationToken = default)
    {
        var suppleance = await SuppleanceDeMaStructureAsync(id, cancellationToken);
        var aujourdhui = Aujourdhui();
        if (suppleance.Au < aujourdhui)
        {
            throw new RegleMetierException("Cette suppléance est déjà terminée.");
        }

        if (suppleance.Du > aujourdhui)
        {
            db.Suppleances.Remove(suppleance);
            journal.Ajouter(ActionJournal.Suppression, nameof(Suppleance), suppleance.Id);
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }

        var jour = dernierJour ?? aujourdhui;
        if (jour > suppleance.Au)
        {
            throw new RegleMetierException($"La suppléance finit déjà le {suppleance.Au:dd/MM/yyyy} : choisissez un jour antérieur.");
        }

        if (jour < aujourdhui.AddDays(-1))
        {
            throw new RegleMetierException("Le dernier jour de la suppléance est hier au plus tôt : le passé ne se réécrit pas.");
        }

        suppleance.Terminer(jour);
        journal.Ajouter(ActionJournal.Modification, nameof(Suppleance), suppleance.Id);
        await db.SaveChangesAsync(cancellationToken);
        return false;
    }

    private async Task<Suppleance> SuppleanceDeMaStructureAsync(Guid id, CancellationToken cancellationToken)
    {
        var absents = (await ReferentsDeMaStructureAsync(cancellationToken)).Select(a => a.Id).ToList();
        return await db.Suppleances.SingleOrDefaultAsync(s => s.Id == id && absents.Contains(s.ReferentAbsentId), cancellationToken)
            ?? throw new RegleMetierException("Cette suppléance n'existe pas dans votre structure.");
    }

    private IQueryable<Agent> Referents(bool actifsSeulement)
    {
        var roleReferent = RolesIdentite.IdPour(Role.Referent);
        return db.Users.Where(a => (!actifsSeulement || a.Actif) && db.UserRoles.Any(r => r.UserId == a.Id && r.RoleId == roleReferent));
    }

    private Task<Guid?> MaStructureAsync(CancellationToken cancellationToken)
    {
        var agentId = agentCourant.Id;
        return db.Users.Where(a => a.Id == agentId).Select(a => a.StructureId).SingleOrDefaultAsync(cancellationToken);
    }

    private DateOnly Aujourdhui() => temps.Aujourdhui(agentCourant.Utilisateur?.Fuseau() ?? TimeZoneInfo.FindSystemTimeZoneById(Departement.FuseauParDefaut));
}
