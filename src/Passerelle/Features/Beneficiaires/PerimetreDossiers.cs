using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Infrastructure.Auth;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.Beneficiaires;

/// <summary>How much of a person's dossier an agent may see.</summary>
public enum Portee
{
    /// <summary>Nothing: the dossier answers 404, as if it did not exist.</summary>
    Aucune,
    /// <summary>
    /// An operator's view: what a prescription to its structure shares, while it runs and during its follow-up
    /// (<see cref="Prescription.VisiblesPourOperateurLe"/>). Pages that show the whole dossier answer 404 to it.
    /// </summary>
    Partielle,
    /// <summary>The whole dossier.</summary>
    Complete,
}

/// <summary>
/// The one place that decides who sees which dossier (DESIGN.md, "Tenancy and visibility"). Lists, pages,
/// API and exports all go through <see cref="Visibles"/> or <see cref="PorteeAsync"/>.
/// <list type="bullet">
/// <item>Roles that never see individual records get 403 before anything is loaded (<see cref="Politique"/>).</item>
/// <item>Complete scope: agents of orientation (the whole département); the person's référent unique and
/// the agents of his structure (open designation); a Responsable for the designations of his structure, for
/// the people oriented to his structure (he designates their référent) and for the people living in the
/// territories of his structure; a référent replacing an absent one, for the absent's caseload, only on the
/// days of the cover (<see cref="Suppleance"/>, judged in the département's time zone).</item>
/// <item>Partial scope: an operator, for the people of the prescriptions sent to his structure, while they run and during
/// their follow-up (<see cref="PrescriptionsVisiblesOperateurAsync"/>); he sees only what each prescription shares.</item>
/// <item>Everything else: 404.</item>
/// </list>
/// </summary>
public sealed class PerimetreDossiers(PasserelleDbContext db, AgentCourant agentCourant, TimeProvider temps)
{
    public const string Politique = "DossiersIndividuels";

    /// <summary>
    /// Recording a person, and the duplicate check that comes with it, is for the agents who follow people;
    /// an operator's view comes only from the prescriptions it receives.
    /// </summary>
    public const string PolitiqueCreation = "CreationDossiers";

    public static readonly IReadOnlyList<Role> RolesCreation = [Role.AgentOrientation, Role.Responsable, Role.Referent];

    /// <summary>The roles that may open individual records at all.</summary>
    public static readonly IReadOnlyList<Role> RolesAutorises = [Role.AgentOrientation, Role.Responsable, Role.Referent, Role.Operateur];

    public static bool PeutOuvrirDesDossiers(ClaimsPrincipal utilisateur) => RolesAutorises.Any(utilisateur.EstDans);

    private Expression<Func<Beneficiaire, bool>>? _filtre;
    private IReadOnlyList<SuppleanceEnCours>? _suppleances;
    private Guid? _structureId;
    private bool _structureLue;

    // The sections of one page each ask for the same person: decided once per request, until a write (a new
    // référent, a merge, a closed designation) may have changed who sees whom. A save that only journals a reading
    // changes nothing of it.
    private readonly Dictionary<Guid, Portee> _portees = [];
    private bool _ecouteEcritures;

    /// <summary>The dossiers of the current département the agent sees completely; merged dossiers excluded.</summary>
    public async Task<IQueryable<Beneficiaire>> VisiblesAsync(CancellationToken cancellationToken = default) =>
        db.Beneficiaires.Where(b => b.FusionneDansId == null).Where(await FiltreCompletAsync(cancellationToken));

    /// <summary>The same, as a synchronous property once <see cref="VisiblesAsync"/> has been awaited in the request.</summary>
    public IQueryable<Beneficiaire> Visibles =>
        db.Beneficiaires.Where(b => b.FusionneDansId == null).Where(_filtre ?? throw new InvalidOperationException("Appelez VisiblesAsync d'abord."));

    public async Task<Portee> PorteeAsync(Guid beneficiaireId, CancellationToken cancellationToken = default)
    {
        if (_portees.TryGetValue(beneficiaireId, out var connue))
        {
            return connue;
        }

        if (!_ecouteEcritures)
        {
            db.SavingChanges += (_, _) =>
            {
                if (db.ChangeTracker.Entries().Any(e => e.State != EntityState.Unchanged && e.Entity is not JournalAcces))
                {
                    _portees.Clear();
                }
            };
            _ecouteEcritures = true;
        }

        var visibles = await VisiblesAsync(cancellationToken);
        if (await visibles.AnyAsync(b => b.Id == beneficiaireId, cancellationToken))
        {
            return _portees[beneficiaireId] = Portee.Complete;
        }

        return _portees[beneficiaireId] = await PrescriptionsVisiblesOperateurAsync(cancellationToken) is { } prescriptions
            && await prescriptions.AnyAsync(p => p.BeneficiaireId == beneficiaireId, cancellationToken)
            ? Portee.Partielle
            : Portee.Aucune;
    }

    /// <summary>
    /// The agent's structure, read from the account and not the cookie so that a change of structure takes effect at
    /// once; read once per request.
    /// </summary>
    public async Task<Guid?> StructureAgentAsync(CancellationToken cancellationToken = default)
    {
        if (!_structureLue)
        {
            var agentId = agentCourant.Id;
            _structureId = await db.Users.Where(a => a.Id == agentId).Select(a => a.StructureId).SingleOrDefaultAsync(cancellationToken);
            _structureLue = true;
        }

        return _structureId;
    }

    /// <summary>
    /// For an operator, the prescriptions to his structure whose person he sees today; null for any other agent. The
    /// operator's lists, pages and API start from here.
    /// </summary>
    public async Task<IQueryable<Prescription>?> PrescriptionsVisiblesOperateurAsync(CancellationToken cancellationToken = default)
    {
        var utilisateur = agentCourant.Utilisateur;
        if (utilisateur is null || db.DepartementCourantId is null || !utilisateur.EstDans(Role.Operateur))
        {
            return null;
        }

        var structureId = await StructureAgentAsync(cancellationToken);
        if (structureId is null)
        {
            return null;
        }

        var aujourdhui = temps.Aujourdhui(utilisateur.Fuseau());
        return db.Prescriptions.Where(p => p.StructureOperateurId == structureId).Where(Prescription.VisiblesPourOperateurLe(aujourdhui));
    }

    /// <summary>The agent's own caseload: the people whose open designation names him.</summary>
    public IQueryable<Beneficiaire> Portefeuille(IQueryable<Beneficiaire> visibles)
    {
        var agentId = agentCourant.Id;
        return visibles.Where(b => agentId != null && b.ReferentAgentId == agentId);
    }

    /// <summary>The caseload the agent follows today: his own and those of the absent référents he replaces.</summary>
    public async Task<IQueryable<Beneficiaire>> SuivisAujourdhuiAsync(IQueryable<Beneficiaire> visibles, CancellationToken cancellationToken = default)
    {
        var agents = await AgentsSuivantAsync(cancellationToken);
        return visibles.Where(b => agents.Contains(b.ReferentAgentId!.Value));
    }

    /// <summary>The agent and the absent référents he replaces today. Not nullable: the SQL is then a plain "= ANY".</summary>
    private async Task<List<Guid>> AgentsSuivantAsync(CancellationToken cancellationToken)
    {
        var agents = (await SuppleancesEnCoursAsync(cancellationToken)).Select(s => s.ReferentAbsentId).ToList();
        if (agentCourant.Id is { } id)
        {
            agents.Add(id);
        }

        return agents;
    }

    /// <summary>
    /// The absent référents the current agent replaces today. Before the first day and after the last one,
    /// none: the cover gives nothing outside its period.
    /// </summary>
    public async Task<IReadOnlyList<SuppleanceEnCours>> SuppleancesEnCoursAsync(CancellationToken cancellationToken = default)
    {
        if (_suppleances is not null)
        {
            return _suppleances;
        }

        var agentId = agentCourant.Id;
        var utilisateur = agentCourant.Utilisateur;
        if (agentId is null || utilisateur is null || db.DepartementCourantId is null || !utilisateur.EstDans(Role.Referent))
        {
            return _suppleances = [];
        }

        var aujourdhui = temps.Aujourdhui(utilisateur.Fuseau());
        return _suppleances = await db.Suppleances.AsNoTracking()
            .Where(s => s.RemplacantId == agentId && s.Du <= aujourdhui && s.Au >= aujourdhui)
            .Join(db.Users, s => s.ReferentAbsentId, a => a.Id, (s, a) => new SuppleanceEnCours(s.ReferentAbsentId, a.Prenom + " " + a.Nom, s.Au))
            .ToListAsync(cancellationToken);
    }

    private async Task<Expression<Func<Beneficiaire, bool>>> FiltreCompletAsync(CancellationToken cancellationToken)
    {
        if (_filtre is not null)
        {
            return _filtre;
        }

        var utilisateur = agentCourant.Utilisateur;
        if (utilisateur is null || db.DepartementCourantId is null || !PeutOuvrirDesDossiers(utilisateur))
        {
            return _filtre = _ => false;
        }

        if (utilisateur.EstDans(Role.AgentOrientation))
        {
            return _filtre = _ => true;
        }

        var agentId = agentCourant.Id;
        var structureId = await StructureAgentAsync(cancellationToken);
        var referent = utilisateur.EstDans(Role.Referent);
        var responsable = utilisateur.EstDans(Role.Responsable);
        if (!referent && !responsable)
        {
            return _filtre = _ => false;
        }

        // A Responsable heads his structure's territories: the people who live there are his to see.
        var communes = responsable && structureId is not null
            ? await db.Structures.Where(x => x.Id == structureId)
                .SelectMany(x => x.Territoires)
                .Join(db.Territoires.SelectMany(t => t.Communes), st => st.TerritoireId, tc => tc.TerritoireId, (st, tc) => tc.CommuneCode)
                .Distinct()
                .ToListAsync(cancellationToken)
            : [];

        var agents = await AgentsSuivantAsync(cancellationToken);
        var structureOrientation = responsable ? structureId : null;
        // The open designation and the orientation in force are stored on the person (SuiviCourant, kept in the
        // transaction that changes them): a structure of 100 000 people is then read through indexes, not one lookup each.
        return _filtre = b =>
            agents.Contains(b.ReferentAgentId!.Value)
            || (structureId != null && b.ReferentStructureId == structureId)
            || (structureOrientation != null && b.OrientationStructureId == structureOrientation)
            || (b.CommuneCode != null && communes.Contains(b.CommuneCode));
    }
}

/// <summary>A cover running today: whose caseload the agent sees, and until when.</summary>
public sealed record SuppleanceEnCours(Guid ReferentAbsentId, string NomAbsent, DateOnly Au);
