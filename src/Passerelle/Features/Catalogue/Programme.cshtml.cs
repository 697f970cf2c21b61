using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Infrastructure.Auth;

namespace Passerelle.Features.Catalogue;

/// <summary>
/// The skeleton of the département's programmes: each PDI or PTI with its axes and their fiches-actions in the order of
/// the document, and how many actions of the catalogue each fiche holds. No personal data: any agent of the département.
/// </summary>
[Authorize(Policy = Politiques.AgentDepartement)]
public sealed class ProgrammeModel(PasserelleDbContext db) : PageModel
{
    public sealed record LigneFiche(Guid Id, string Numero, string Intitule, int Actions);

    public sealed record LigneAxe(string Numero, string Intitule, IReadOnlyList<LigneFiche> Fiches);

    public sealed record LigneProgramme(Guid Id, TypeProgramme Type, string Intitule, DateOnly Debut, DateOnly Fin, IReadOnlyList<LigneAxe> Axes);

    public IReadOnlyList<LigneProgramme> Programmes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var programmes = await db.Programmes.AsNoTracking().OrderByDescending(p => p.Debut).ThenBy(p => p.Intitule).ToListAsync(cancellationToken);
        var axes = await db.Axes.AsNoTracking().OrderBy(a => a.Ordre).ThenBy(a => a.Numero).ToListAsync(cancellationToken);
        var fiches = await db.FichesActions.AsNoTracking().OrderBy(f => f.Ordre).ThenBy(f => f.Numero).ToListAsync(cancellationToken);
        var actions = await db.Actions.AsNoTracking().GroupBy(a => a.FicheActionId)
            .Select(g => new { FicheId = g.Key, Nombre = g.Count() })
            .ToDictionaryAsync(g => g.FicheId, g => g.Nombre, cancellationToken);
        Programmes = programmes
            .Select(p => new LigneProgramme(p.Id, p.Type, p.Intitule, p.Debut, p.Fin, axes
                .Where(a => a.ProgrammeId == p.Id)
                .Select(a => new LigneAxe(a.Numero, a.Intitule, fiches
                    .Where(f => f.AxeId == a.Id)
                    .Select(f => new LigneFiche(f.Id, f.Numero, f.Intitule, actions.GetValueOrDefault(f.Id)))
                    .ToList()))
                .ToList()))
            .ToList();
    }
}
