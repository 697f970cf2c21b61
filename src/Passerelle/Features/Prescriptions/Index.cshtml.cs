using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Beneficiaires;
using Passerelle.Features.Shared;
using Passerelle.Infrastructure.Auth;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.Prescriptions;

public sealed record ActionFiltre(Guid Id, string Nom);

/// <summary>
/// The prescriptions sent: a référent's own by default, or his structure's; a Responsable sees his structure's. Only
/// the people the agent sees completely are listed. Filters and sort travel in the query string (ids and codes, no name).
/// </summary>
[Authorize(Policy = PerimetreDossiers.Politique, Roles = nameof(Role.Referent) + "," + nameof(Role.Responsable))]
public sealed class IndexModel(PasserelleDbContext db, PerimetreDossiers perimetre, AgentCourant agentCourant) : PageModel
{
    public const string Miennes = "miennes";
    public const string DeMaStructure = "structure";

    [BindProperty(SupportsGet = true)] public string? Vue { get; set; }
    [BindProperty(SupportsGet = true)] public EtatPrescription? Etat { get; set; }
    [BindProperty(SupportsGet = true, Name = "actionId")] public Guid? ActionId { get; set; }
    /// <summary>Oldest sent first; the newest come first by default.</summary>
    [BindProperty(SupportsGet = true)] public bool Croissant { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int NumeroPage { get; set; } = 1;

    public bool PeutChoisirLaVue => User.EstDans(Role.Referent);
    public int Total { get; private set; }
    public int SansReponse { get; private set; }
    public List<ActionFiltre> Actions { get; private set; } = [];
    public PageDe<LignePrescription> Lignes { get; private set; } = new([], 1, Pagination.TailleParDefaut, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // A Responsable does not prescribe: his view is his structure's.
        if (Vue != DeMaStructure || !PeutChoisirLaVue)
        {
            Vue = PeutChoisirLaVue ? Miennes : DeMaStructure;
        }

        var visibles = await perimetre.VisiblesAsync(cancellationToken);
        var agentId = agentCourant.Id;
        var structureId = await db.Users.Where(a => a.Id == agentId).Select(a => a.StructureId).SingleOrDefaultAsync(cancellationToken);
        var envoyees = db.Prescriptions.AsNoTracking().Where(p => visibles.Any(b => b.Id == p.BeneficiaireId));
        envoyees = Vue == DeMaStructure
            ? envoyees.Where(p => structureId != null && p.StructurePrescripteurId == structureId)
            : envoyees.Where(p => p.PrescripteurId == agentId);

        Total = await envoyees.CountAsync(cancellationToken);
        SansReponse = await envoyees.CountAsync(p => p.Etat == EtatPrescription.Envoyee, cancellationToken);
        Actions = await db.Actions.AsNoTracking().Where(a => envoyees.Any(p => p.ActionId == a.Id))
            .OrderBy(a => a.Nom).Select(a => new ActionFiltre(a.Id, a.Nom)).ToListAsync(cancellationToken);
        if (Actions.TrueForAll(a => a.Id != ActionId))
        {
            ActionId = null;
        }

        var filtrees = envoyees;
        if (Etat is { } etat && Enum.IsDefined(etat))
        {
            filtrees = filtrees.Where(p => p.Etat == etat);
        }
        else
        {
            Etat = null;
        }

        if (ActionId is { } actionId)
        {
            filtrees = filtrees.Where(p => p.ActionId == actionId);
        }

        var triees = Croissant
            ? filtrees.OrderBy(p => p.EnvoyeeLe).ThenBy(p => p.Id)
            : filtrees.OrderByDescending(p => p.EnvoyeeLe).ThenByDescending(p => p.Id);
        Lignes = await LignePrescription.Projeter(db, triees).PaginerAsync(NumeroPage, cancellationToken: cancellationToken);
    }
}
