using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Infrastructure.Auth;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.Parametres;

[Authorize(Policy = Politiques.AgentDepartement)]
public sealed class HistoriqueModel(PasserelleDbContext db, TimeProvider temps) : PageModel
{
    public string Cle { get; private set; } = "";

    public DateOnly Aujourdhui { get; private set; }

    public IReadOnlyList<ParametreDate> Periodes { get; private set; } = [];

    // The key travels in the query string: it names a setting, never a person.
    public async Task<IActionResult> OnGetAsync(string? cle, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(cle))
        {
            return NotFound();
        }

        Cle = cle.Trim();
        Aujourdhui = temps.Aujourdhui(User.Fuseau());
        Periodes = await db.ParametresDates.AsNoTracking()
            .Where(p => p.Cle == Cle)
            .OrderByDescending(p => p.ValideDu)
            .ThenBy(p => p.Portee)
            .ToListAsync(cancellationToken);
        return Periodes.Count == 0 ? NotFound() : Page();
    }
}
