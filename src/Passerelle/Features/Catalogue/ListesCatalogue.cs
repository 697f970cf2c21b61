using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;

namespace Passerelle.Features.Catalogue;

public sealed record StructureProposee(Guid Id, string Nom, bool Active);

/// <summary>A fiche-action as the lists offer it, with its axe and programme to group it by.</summary>
public sealed record FicheProposee(Guid Id, string Numero, string Intitule, string NumeroAxe, string IntituleAxe, string Programme)
{
    public string Libelle => $"{Numero} {Intitule}";

    public string Groupe => $"{Programme} — axe {NumeroAxe} : {IntituleAxe}";
}

public sealed record TerritoirePropose(Guid Id, string Nom, TypeTerritoire Type);

/// <summary>The choices the catalogue's forms and filters offer, all read through the département's filter.</summary>
public static class ListesCatalogue
{
    /// <summary>The platform's own structure runs no action.</summary>
    public static readonly IReadOnlyList<TypeStructure> TypesPrescripteurs = Enum.GetValues<TypeStructure>().Where(t => t != TypeStructure.Plateforme).ToList();

    public static readonly IReadOnlyList<Dispositifs> Dispositifs = Enum.GetValues<Dispositifs>().Where(d => d != Domain.Dispositifs.Aucun).ToList();

    /// <summary>The active structures of the département, and <paramref name="actuelle"/> even when deactivated since.</summary>
    public static Task<List<StructureProposee>> StructuresAsync(PasserelleDbContext db, Guid? actuelle, CancellationToken cancellationToken) =>
        db.Structures.AsNoTracking()
            .Where(s => s.Type != TypeStructure.Plateforme && (s.Active || s.Id == actuelle))
            .OrderBy(s => s.Nom)
            .Select(s => new StructureProposee(s.Id, s.Nom, s.Active))
            .ToListAsync(cancellationToken);

    /// <summary>The fiches-actions of every programme, the latest programme first, in the order of the document.</summary>
    public static Task<List<FicheProposee>> FichesAsync(PasserelleDbContext db, CancellationToken cancellationToken) =>
        (from f in db.FichesActions.AsNoTracking()
         join a in db.Axes on f.AxeId equals a.Id
         join p in db.Programmes on a.ProgrammeId equals p.Id
         orderby p.Debut descending, p.Intitule, a.Ordre, a.Numero, f.Ordre, f.Numero
         select new FicheProposee(f.Id, f.Numero, f.Intitule, a.Numero, a.Intitule, p.Intitule))
        .ToListAsync(cancellationToken);

    public static async Task<List<TerritoirePropose>> TerritoiresAsync(PasserelleDbContext db, CancellationToken cancellationToken)
    {
        var territoires = await db.Territoires.AsNoTracking().Select(t => new TerritoirePropose(t.Id, t.Nom, t.Type)).ToListAsync(cancellationToken);
        return territoires.OrderBy(t => t.Type.Libelle(), StringComparer.CurrentCulture).ThenBy(t => t.Nom, StringComparer.CurrentCulture).ToList();
    }
}
