using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Features.Beneficiaires;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.ATraiter;

/// <summary>The agent's work queue: each registered section that concerns his roles, with its count and first elements.</summary>
[Authorize(Policy = PerimetreDossiers.Politique)]
public sealed class IndexModel(IEnumerable<ISectionATraiter> sections, AgentCourant agentCourant, TimeProvider temps) : PageModel
{
    public List<SectionATraiter> Sections { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var fuseau = User.Fuseau();
        var contexte = new ContexteATraiter(
            agentCourant.Id ?? throw new InvalidOperationException("Aucun agent connecté."), User, temps.Aujourdhui(fuseau), temps.GetUtcNow().UtcDateTime, fuseau);
        // One after the other: the sections share the request's DbContext.
        foreach (var section in sections.Where(s => s.Concerne(User)).OrderBy(s => s.Ordre))
        {
            Sections.Add(await section.ChargerAsync(contexte, cancellationToken));
        }
    }
}
