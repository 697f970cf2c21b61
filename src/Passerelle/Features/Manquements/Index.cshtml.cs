using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Features.Beneficiaires;
using Passerelle.Features.Shared;
using Passerelle.Features.SuiviRendezVous;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.Manquements;

/// <summary>The possible manquements of the agent's scope, filtered by kind and paginated; each line opens the dossier.</summary>
[Authorize(Policy = PerimetreDossiers.Politique, Roles = DroitsRendezVous.RolesAgenda)]
public sealed class IndexModel(ManquementsPossibles manquements, TimeProvider temps) : PageModel
{
    [BindProperty(SupportsGet = true)] public NatureManquement? Nature { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int NumeroPage { get; set; } = 1;

    public PageDe<LigneManquement> Resultats { get; private set; } = new([], 1, Pagination.TailleParDefaut, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var fuseau = User.Fuseau();
        Resultats = await manquements.ListerAsync(ModelState.IsValid ? Nature : null, NumeroPage, temps.Aujourdhui(fuseau), fuseau, cancellationToken);
    }

    public static string Libelle(NatureManquement nature) => nature switch
    {
        NatureManquement.RendezVousNonHonore => "Rendez-vous non honoré",
        _ => "Contrat d'engagement en retard",
    };
}
