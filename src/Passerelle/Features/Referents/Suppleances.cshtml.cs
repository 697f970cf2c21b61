using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Shared;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.Referents;

public sealed record LigneSuppleance(Guid Id, string Absent, string Remplacant, DateOnly Du, DateOnly Au);

/// <summary>
/// The absence covers of the Responsable's structure: a replacing référent sees and follows the absent one's
/// caseload from the first to the last day, and only then.
/// </summary>
[Authorize(Policy = nameof(Role.Responsable))]
public sealed class SuppleancesModel(PasserelleDbContext db, ServiceReferents service, TimeProvider temps) : PageModel
{
    /// <summary>Ended covers stay listed this long, then only the journal remembers them.</summary>
    public const int JoursHistorique = 90;

    [BindProperty] public Guid? AbsentId { get; set; }
    [BindProperty] public Guid? RemplacantId { get; set; }
    [BindProperty] public DateOnly? Du { get; set; }
    [BindProperty] public DateOnly? Au { get; set; }
    [BindProperty] public DateOnly? DernierJour { get; set; }

    public DateOnly Aujourdhui { get; private set; }
    public List<SelectListItem> Absents { get; private set; } = [];
    public List<SelectListItem> Remplacants { get; private set; } = [];
    public List<LigneSuppleance> Suppleances { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await ChargerAsync(cancellationToken);
        Du = Aujourdhui;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await ChargerAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await this.EnregistrerAsync(async () =>
        {
            var suppleance = await service.CreerSuppleanceAsync(AbsentId, RemplacantId, Du, Au, cancellationToken);
            TempData["Succes"] = $"La suppléance est enregistrée du {suppleance.Du:dd/MM/yyyy} au {suppleance.Au:dd/MM/yyyy}.";
            return RedirectToPage();
        });
    }

    public async Task<IActionResult> OnPostTerminerAsync(Guid id, CancellationToken cancellationToken)
    {
        await ChargerAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await this.EnregistrerAsync(async () =>
        {
            var retiree = await service.TerminerSuppleanceAsync(id, DernierJour, cancellationToken);
            TempData["Succes"] = retiree ? "La suppléance, qui n'avait pas commencé, est annulée." : "La suppléance est terminée.";
            return RedirectToPage();
        });
    }

    private async Task ChargerAsync(CancellationToken cancellationToken)
    {
        Aujourdhui = temps.Aujourdhui(User.Fuseau());
        var referents = await service.ReferentsDeMaStructureAsync(cancellationToken);
        Absents = referents.Where(a => a.Actif).Select(a => new SelectListItem(a.Nom, a.Id.ToString())).ToList();
        Remplacants = (await service.ReferentsDuDepartementAsync(cancellationToken))
            .Select(a => new SelectListItem(a.Structure is null ? a.Nom : $"{a.Nom} — {a.Structure}", a.Id.ToString())).ToList();
        var ids = referents.Select(a => a.Id).ToList();
        var depuis = Aujourdhui.AddDays(-JoursHistorique);
        Suppleances = await db.Suppleances.AsNoTracking()
            .Where(s => ids.Contains(s.ReferentAbsentId) && s.Au >= depuis)
            .OrderByDescending(s => s.Du).ThenBy(s => s.Id)
            .Select(s => new LigneSuppleance(
                s.Id,
                db.Users.Where(a => a.Id == s.ReferentAbsentId).Select(a => a.Prenom + " " + a.Nom).First(),
                db.Users.Where(a => a.Id == s.RemplacantId).Select(a => a.Prenom + " " + a.Nom).First(),
                s.Du, s.Au))
            .ToListAsync(cancellationToken);
    }
}
