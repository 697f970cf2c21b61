using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Beneficiaires;
using Passerelle.Features.Shared;

namespace Passerelle.Features.SuiviRendezVous;

/// <summary>Records what happened: held with a short report, missed, or excused with the reason given.</summary>
[Authorize(Policy = PerimetreDossiers.Politique, Roles = DroitsRendezVous.RolesEcriture)]
public sealed class IssueModel(PasserelleDbContext db, PerimetreDossiers perimetre, ServiceRendezVous service, TimeProvider temps) : PageModel
{
    [BindProperty] public IssueRendezVous? Issue { get; set; }
    [BindProperty] public string? CompteRendu { get; set; }
    [BindProperty] public string? Motif { get; set; }
    [BindProperty] public int Version { get; set; }

    public Guid BeneficiaireId { get; private set; }
    public string Nom { get; private set; } = "";
    public LigneRendezVous RendezVous { get; private set; } = null!;
    public bool Commence { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid rendezVousId, CancellationToken cancellationToken)
    {
        if (!await ChargerAsync(id, rendezVousId, cancellationToken))
        {
            return NotFound();
        }

        Version = RendezVous.Version;
        Issue = Commence && RendezVous.Statut == StatutRendezVous.Prevu ? IssueRendezVous.Honore : IssueRendezVous.Excuse;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid rendezVousId, CancellationToken cancellationToken)
    {
        if (!await ChargerAsync(id, rendezVousId, cancellationToken))
        {
            return NotFound();
        }

        if (Issue is not (IssueRendezVous.Honore or IssueRendezVous.Manque or IssueRendezVous.Excuse))
        {
            ModelState.AddModelError(nameof(Issue), "Choisissez ce qui s'est passé : honoré, non honoré ou excusé.");
        }
        else if (Issue == IssueRendezVous.Excuse && string.IsNullOrWhiteSpace(Motif))
        {
            ModelState.AddModelError(nameof(Motif), "Indiquez le motif de l'excuse.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await this.EnregistrerAsync(
            async () =>
            {
                await service.EnregistrerAsync(id, rendezVousId, Version, Issue!.Value, Issue == IssueRendezVous.Excuse ? Motif : CompteRendu, false, cancellationToken);
                TempData["Succes"] = Issue switch
                {
                    IssueRendezVous.Honore => "Le rendez-vous est enregistré comme honoré.",
                    IssueRendezVous.Manque => "Le rendez-vous est enregistré comme non honoré : il figure dans la liste des manquements possibles.",
                    _ => "L'excuse est enregistrée.",
                };
                return Redirect($"/beneficiaires/{id}/rendez-vous");
            },
            db,
            rendezVousId,
            async () =>
            {
                if (!await ChargerAsync(id, rendezVousId, cancellationToken))
                {
                    return NotFound();
                }

                Version = RendezVous.Version;
                return Page();
            },
            cancellationToken);
    }

    private async Task<bool> ChargerAsync(Guid id, Guid rendezVousId, CancellationToken cancellationToken)
    {
        if (await perimetre.PorteeAsync(id, cancellationToken) != Portee.Complete
            || await LectureRendezVous.LireAsync(db, id, rendezVousId, cancellationToken) is not { } rendezVous)
        {
            return false;
        }

        BeneficiaireId = id;
        RendezVous = rendezVous;
        Nom = (await EnTete.LireAsync(db, id, cancellationToken)).Nom;
        Commence = rendezVous.Debut <= temps.GetUtcNow().UtcDateTime;
        return true;
    }
}
