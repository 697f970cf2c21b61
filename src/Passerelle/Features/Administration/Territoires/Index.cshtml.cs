using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;

namespace Passerelle.Features.Administration.Territoires;

[Authorize(Policy = nameof(Role.Administrateur))]
public sealed class IndexModel(PasserelleDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public TypeTerritoire? TypeFiltre { get; set; }

    public int Total { get; private set; }

    /// <summary>The territories by type, in the order of the enumeration; types with none are left out.</summary>
    public List<(TypeTerritoire Type, List<LigneTerritoire> Territoires)> Groupes { get; private set; } = [];

    public sealed record LigneTerritoire(Guid Id, string Nom, TypeTerritoire Type, int NombreCommunes);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // A département has a few dozen territories at most: one page, grouped in memory.
        var requete = db.Territoires.AsNoTracking();
        if (TypeFiltre is { } type)
        {
            requete = requete.Where(t => t.Type == type);
        }

        var territoires = await requete
            .Select(t => new LigneTerritoire(t.Id, t.Nom, t.Type, t.Communes.Count))
            .ToListAsync(cancellationToken);
        Total = territoires.Count;
        Groupes = territoires
            .GroupBy(t => t.Type)
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, g.OrderBy(t => t.Nom, StringComparer.CurrentCulture).ToList()))
            .ToList();
    }
}
