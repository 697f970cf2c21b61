using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Infrastructure.Auth;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.Parametres;

[Authorize(Policy = Politiques.AgentDepartement)]
public sealed class IndexModel(PasserelleDbContext db, TimeProvider temps) : PageModel
{
    public DateOnly Aujourdhui { get; private set; }

    public IReadOnlyList<LigneParametre> Parametres { get; private set; } = [];

    /// <summary>One key in one scope: the period in force today, or else the next one to come.</summary>
    public sealed record LigneParametre(string Cle, string Portee, ParametreDate? EnVigueur, ParametreDate? Prochaine);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Aujourdhui = temps.Aujourdhui(User.Fuseau());
        // A département holds a few dozen periods: they are judged in memory with the entity's own rule.
        var periodes = await db.ParametresDates.AsNoTracking().ToListAsync(cancellationToken);
        Parametres = periodes
            .GroupBy(p => (p.Cle, p.Portee))
            .Select(g => new LigneParametre(
                g.Key.Cle,
                g.Key.Portee,
                g.OrderByDescending(p => p.ValideDu).FirstOrDefault(p => p.EstValideLe(Aujourdhui)),
                g.Where(p => p.ValideDu > Aujourdhui).MinBy(p => p.ValideDu)))
            .OrderBy(l => l.Cle, StringComparer.Ordinal)
            .ThenBy(l => l.Portee != ParametreDate.PorteeDepartement)
            .ThenBy(l => l.Portee, StringComparer.Ordinal)
            .ToList();
    }
}
