using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Shared;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.Offre;

/// <summary>A département of the platform and how many actions it publishes.</summary>
public sealed record DepartementOffre(string Code, string Nom, int NombreActions);

/// <summary>What a visitor searches the offer of a département by; every criterion is optional.</summary>
public sealed record CriteresOffre(string? Thematique, string? Commune, string? Public, string? Texte);

/// <summary>One action in the public list.</summary>
public sealed record LigneOffre(
    Guid Id, string Nom, string Structure, string TypeService, string? Thematiques, string? CommuneCode, string Presentation);

/// <summary>A commune of the département, for the search form and the zone served.</summary>
public sealed record CommuneOffre(string Code, string Nom);

/// <summary>
/// The public offer, read by anonymous visitors. Such a request has no current département, so the tenant filter
/// would return nothing: each département is read in a scope of its own whose <see cref="DepartementCourant"/> is set
/// to it explicitly, once its code has been resolved from <c>Departements</c> (which no département owns). The
/// request's own tenant, when an agent is signed in, is left as it is, and no filter is ever lifted.
/// </summary>
public sealed class LectureOffre(PasserelleDbContext db, IServiceScopeFactory fabrique, TimeProvider temps)
{
    /// <summary>Every département of the platform with its number of published actions, by code.</summary>
    public async Task<List<DepartementOffre>> DepartementsAsync(CancellationToken cancellationToken = default)
    {
        var departements = await db.Departements.AsNoTracking().OrderBy(d => d.Code).Select(d => new { d.Id, d.Code, d.Nom }).ToListAsync(cancellationToken);
        await using var portee = fabrique.CreateAsyncScope();
        var courant = portee.ServiceProvider.GetRequiredService<DepartementCourant>();
        var contexte = portee.ServiceProvider.GetRequiredService<PasserelleDbContext>();
        var resultat = new List<DepartementOffre>(departements.Count);
        foreach (var departement in departements)
        {
            // The filter reads the current département at each query: one scope serves them all in turn.
            courant.Definir(departement.Id);
            resultat.Add(new DepartementOffre(departement.Code, departement.Nom, await contexte.Actions.CountAsync(a => a.Publiee, cancellationToken)));
        }

        return resultat;
    }

    /// <summary>The offer of the département of <paramref name="code"/>; null when no département has this code.</summary>
    public async Task<OffreDepartement?> OuvrirAsync(string? code, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 3)
        {
            return null;
        }

        var normalise = Departement.NormaliserCode(code);
        var departement = await db.Departements.AsNoTracking().SingleOrDefaultAsync(d => d.Code == normalise, cancellationToken);
        if (departement is null)
        {
            return null;
        }

        var portee = fabrique.CreateAsyncScope();
        portee.ServiceProvider.GetRequiredService<DepartementCourant>().Definir(departement.Id);
        return new OffreDepartement(portee, portee.ServiceProvider.GetRequiredService<PasserelleDbContext>(), departement, temps.Aujourdhui(departement.Fuseau));
    }
}

/// <summary>The published actions of one département, read through a context whose current département is that one.</summary>
public sealed class OffreDepartement(AsyncServiceScope portee, PasserelleDbContext db, Departement departement, DateOnly aujourdhui) : IAsyncDisposable
{
    public string Code => departement.Code;
    public string Nom => departement.Nom;
    public DateOnly Aujourdhui => aujourdhui;

    /// <summary>Only what the département publishes: an action withdrawn from the offer does not exist for the public.</summary>
    private IQueryable<ActionInsertion> Publiees => db.Actions.AsNoTracking().Where(a => a.Publiee);

    public ValueTask DisposeAsync() => portee.DisposeAsync();

    /// <summary>The communes of the département, by name.</summary>
    public Task<List<CommuneOffre>> CommunesAsync(CancellationToken cancellationToken = default) =>
        db.Communes.AsNoTracking().Where(c => c.CodeDepartement == departement.Code)
            .OrderBy(c => c.Nom).ThenBy(c => c.Code).Select(c => new CommuneOffre(c.Code, c.Nom)).ToListAsync(cancellationToken);

    /// <summary>
    /// The published actions that meet every criterion given. Codes are stored joined by "|": a code matches between
    /// two separators, and a thématique's group ("mobilite") matches each of its sub-thématiques ("mobilite--…").
    /// An action serves a commune when its zone is empty (the whole département), names the commune, or holds a
    /// territory that contains it.
    /// </summary>
    public IQueryable<ActionInsertion> Rechercher(CriteresOffre criteres)
    {
        var requete = Publiees;
        if (Nettoyer(criteres.Thematique) is { } thematique)
        {
            var exacte = "|" + thematique + "|";
            var groupe = "|" + thematique + ReferentielDataInclusion.SeparateurFamille;
            requete = requete.Where(a => ("|" + a.Thematiques + "|").Contains(exacte) || ("|" + a.Thematiques).Contains(groupe));
        }

        if (Nettoyer(criteres.Public) is { } publicVise)
        {
            var code = "|" + publicVise + "|";
            requete = requete.Where(a => ("|" + a.Publics + "|").Contains(code));
        }

        if (Nettoyer(criteres.Commune) is { } commune)
        {
            var code = "|" + commune.ToUpperInvariant() + "|";
            var codeCommune = commune.ToUpperInvariant();
            var territoires = db.Territoires.Where(t => t.Communes.Any(c => c.CommuneCode == codeCommune)).Select(t => t.Id);
            requete = requete.Where(a => (a.CommunesDesservies == null && !a.Territoires.Any())
                || ("|" + a.CommunesDesservies + "|").Contains(code)
                || a.Territoires.Any(t => territoires.Contains(t.TerritoireId)));
        }

        if (Nettoyer(criteres.Texte) is { } texte)
        {
            var cherche = texte.ToUpperInvariant();
            requete = requete.Where(a => a.Nom.ToUpper().Contains(cherche));
        }

        return requete;
    }

    /// <summary>One page of the actions that meet the criteria, by name, with their operator.</summary>
    public Task<PageDe<LigneOffre>> ListerAsync(CriteresOffre criteres, int page, CancellationToken cancellationToken = default) =>
        (from a in Rechercher(criteres)
         join s in db.Structures on a.StructureId equals s.Id
         orderby a.Nom, a.Id
         select new LigneOffre(a.Id, a.Nom, s.Nom, a.TypeService, a.Thematiques, a.CommuneCode, a.Presentation))
            .PaginerAsync(page, cancellationToken: cancellationToken);

    /// <summary>The names of the communes among <paramref name="codes"/>, code → name.</summary>
    public async Task<Dictionary<string, CommuneReferentiel>> CommunesParCodeAsync(IEnumerable<string?> codes, CancellationToken cancellationToken = default)
    {
        var cherches = codes.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (cherches.Count == 0)
        {
            return new Dictionary<string, CommuneReferentiel>(StringComparer.Ordinal);
        }

        return await db.Communes.AsNoTracking().Where(c => cherches.Contains(c.Code))
            .ToDictionaryAsync(c => c.Code, c => new CommuneReferentiel(c.Code, c.Nom, c.CodesPostaux), StringComparer.Ordinal, cancellationToken);
    }

    /// <summary>A published action of this département with all it tells the public; null otherwise.</summary>
    public async Task<FicheOffre?> FicheAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var action = await Publiees.Include(a => a.Territoires).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (action is null)
        {
            return null;
        }

        var structure = await db.Structures.AsNoTracking().Where(s => s.Id == action.StructureId).Select(s => s.Nom).SingleAsync(cancellationToken);
        var fiche = await db.FichesActions.AsNoTracking().Where(f => f.Id == action.FicheActionId)
            .Select(f => new { f.Numero, f.Intitule }).SingleAsync(cancellationToken);
        var territoireIds = action.Territoires.Select(t => t.TerritoireId).ToList();
        var territoires = await db.Territoires.AsNoTracking().Where(t => territoireIds.Contains(t.Id)).OrderBy(t => t.Nom).Select(t => t.Nom).ToListAsync(cancellationToken);
        var communes = await CommunesParCodeAsync([.. action.CodesCommunesDesservies, action.CommuneCode], cancellationToken);
        var sessions = await db.SessionsActions.AsNoTracking().Where(s => s.ActionId == action.Id && s.Fin >= aujourdhui)
            .OrderBy(s => s.Debut).Select(s => new SessionOffre(s.Libelle, s.Debut, s.Fin)).ToListAsync(cancellationToken);
        return new FicheOffre(
            action, structure, $"{fiche.Numero} {fiche.Intitule}", territoires,
            action.CodesCommunesDesservies.Select(c => communes.TryGetValue(c, out var commune) ? commune.Nom : c).Order(StringComparer.CurrentCulture).ToList(),
            action.CommuneCode is { } lieu && communes.TryGetValue(lieu, out var communeLieu) ? communeLieu : null,
            sessions);
    }

    /// <summary>
    /// One page of the published actions as data·inclusion services, by name. Past the last page the items are
    /// empty: a harvester stops there.
    /// </summary>
    public async Task<(List<ServiceDataInclusion> Services, int Total)> ServicesAsync(int page, int taille, string urlSite, CancellationToken cancellationToken = default)
    {
        var total = await Publiees.CountAsync(cancellationToken);
        var actions = await Publiees.Include(a => a.Territoires).OrderBy(a => a.Nom).ThenBy(a => a.Id)
            .Skip((page - 1) * taille).Take(taille).ToListAsync(cancellationToken);
        var territoireIds = actions.SelectMany(a => a.Territoires).Select(t => t.TerritoireId).Distinct().ToList();
        var communesDesTerritoires = territoireIds.Count == 0
            ? []
            : await db.Territoires.AsNoTracking().Where(t => territoireIds.Contains(t.Id))
                .SelectMany(t => t.Communes).Select(c => new { c.TerritoireId, c.CommuneCode }).ToListAsync(cancellationToken);
        var parTerritoire = communesDesTerritoires.ToLookup(c => c.TerritoireId, c => c.CommuneCode);
        var lieux = await CommunesParCodeAsync(actions.Select(a => a.CommuneCode), cancellationToken);
        var services = actions.Select(a =>
        {
            var zone = a.Territoires.SelectMany(t => parTerritoire[t.TerritoireId]).Concat(a.CodesCommunesDesservies)
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var lieu = a.CommuneCode is { } code ? lieux.GetValueOrDefault(code) : null;
            return FluxDataInclusion.Service(a, Code, zone, lieu, aujourdhui, $"{urlSite}/offre/{Uri.EscapeDataString(Code.ToLowerInvariant())}/actions/{a.Id}");
        }).ToList();
        return (services, total);
    }

    private static string? Nettoyer(string? valeur) => string.IsNullOrWhiteSpace(valeur) ? null : valeur.Trim();
}

/// <summary>A commune of the national referential, with its postal codes separated by spaces.</summary>
public sealed record CommuneReferentiel(string Code, string Nom, string CodesPostaux)
{
    public string? CodePostal => CodesPostaux.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
}

/// <summary>A session to come, without its places: the portal tells no count of people.</summary>
public sealed record SessionOffre(string Libelle, DateOnly Debut, DateOnly Fin);

/// <summary>An action as the public sees it.</summary>
public sealed record FicheOffre(
    ActionInsertion Action, string Structure, string FicheAction, IReadOnlyList<string> Territoires, IReadOnlyList<string> Communes,
    CommuneReferentiel? Lieu, IReadOnlyList<SessionOffre> Sessions);
