using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;

namespace Passerelle.Features.Plateforme;

[Authorize(Policy = nameof(Role.AdministrateurPlateforme))]
public sealed class IndexModel(PasserelleDbContext db) : PageModel
{
    public IReadOnlyList<LigneDepartement> Departements { get; private set; } = [];

    public sealed record LigneDepartement(string Code, string Nom, string FuseauHoraire, int NombreAgents);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var departements = await db.Departements.AsNoTracking().OrderBy(d => d.Code).ToListAsync(cancellationToken);
        // IgnoreQueryFilters: the platform counts accounts per département without reading them
        var nombres = await db.Users.IgnoreQueryFilters([PasserelleDbContext.FiltreDepartement])
            .Where(a => a.DepartementId != null)
            .GroupBy(a => a.DepartementId!.Value)
            .Select(g => new { DepartementId = g.Key, Nombre = g.Count() })
            .ToDictionaryAsync(n => n.DepartementId, n => n.Nombre, cancellationToken);
        Departements = departements
            .Select(d => new LigneDepartement(d.Code, d.Nom, d.FuseauHoraire, nombres.GetValueOrDefault(d.Id)))
            .ToList();
    }
}
