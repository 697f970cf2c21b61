using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Beneficiaires;
using Passerelle.Features.SuiviRendezVous;
using Passerelle.Infrastructure.Audit;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.Agenda;

/// <summary>All the convocations of a day of an agent's agenda in one PDF: <c>/agenda/convocations?jour=2026-11-24</c>.</summary>
[Authorize(Policy = PerimetreDossiers.Politique, Roles = DroitsRendezVous.RolesAgenda)]
public sealed class ConvocationsModel(PasserelleDbContext db, PerimetreDossiers perimetre, AgentCourant agentCourant, Journal journal) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? Jour { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Agent { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Jour is not { } jour || !ModelState.IsValid
            || await AgentsAgenda.ResoudreAsync(db, User, agentCourant.Id!.Value, Agent, cancellationToken) is not { } agent)
        {
            return NotFound();
        }

        var fuseau = User.Fuseau();
        var debut = jour.DebutDuJourUtc(fuseau);
        var fin = jour.AddDays(1).DebutDuJourUtc(fuseau);
        var pdf = await ConvocationsGroupees.ImprimerAsync(
            db, journal,
            db.RendezVous.Where(r => r.AgentId == agent.Id && r.Debut >= debut && r.Debut < fin && r.Statut == StatutRendezVous.Prevu),
            await perimetre.VisiblesAsync(cancellationToken), cancellationToken);
        if (pdf is null)
        {
            return Page();
        }

        Response.Headers.CacheControl = "no-store";
        return File(pdf, "application/pdf", $"Convocations du {jour:dd-MM-yyyy}.pdf");
    }
}
