using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Data;
using Passerelle.Features.Beneficiaires;
using Passerelle.Features.SuiviRendezVous;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.Agenda;

/// <summary>The week of an agent: <c>/agenda?semaine=2026-11-23</c> (any day of the week), <c>&amp;agent=</c> for a Responsable.</summary>
[Authorize(Policy = PerimetreDossiers.Politique, Roles = DroitsRendezVous.RolesAgenda)]
public sealed class IndexModel(PasserelleDbContext db, PerimetreDossiers perimetre, AgentCourant agentCourant, TimeProvider temps) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? Semaine { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Agent { get; set; }

    public DateOnly Lundi { get; private set; }
    public DateOnly Aujourdhui { get; private set; }
    public AgentAgenda Choisi { get; private set; } = null!;
    public List<AgentAgenda> Agents { get; private set; } = [];
    public List<JourAgenda> Jours { get; private set; } = [];
    public bool EstLeMien { get; private set; }
    public bool PeutEcrire => DroitsRendezVous.PeutEcrire(User);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var moi = agentCourant.Id!.Value;
        Agents = await AgentsAgenda.ChoixAsync(db, User, moi, cancellationToken);
        if (Agents.SingleOrDefault(a => a.Id == (Agent ?? moi)) is not { } choisi)
        {
            return NotFound();
        }

        var fuseau = User.Fuseau();
        Choisi = choisi;
        EstLeMien = choisi.Id == moi;
        Aujourdhui = temps.Aujourdhui(fuseau);
        // An unreadable date falls back on this week rather than an error page.
        Lundi = SemaineAgenda.Lundi(ModelState.IsValid && Semaine is { } jour ? jour : Aujourdhui);
        Jours = await SemaineAgenda.LireAsync(db, await perimetre.VisiblesAsync(cancellationToken), choisi.Id, Lundi, Aujourdhui, fuseau, cancellationToken);
        return Page();
    }

    public string UrlSemaine(DateOnly lundi) =>
        $"/agenda?semaine={lundi:yyyy-MM-dd}" + (EstLeMien ? "" : $"&agent={Choisi.Id}");
}
