using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Data;
using Passerelle.Features.Beneficiaires;
using Passerelle.Features.Shared;

namespace Passerelle.Features.SuiviRendezVous;

/// <summary>Cancels a planned rendez-vous after a confirmation; the person may be told by email.</summary>
[Authorize(Policy = PerimetreDossiers.Politique, Roles = DroitsRendezVous.RolesEcriture)]
public sealed class AnnulationModel(PasserelleDbContext db, PerimetreDossiers perimetre, ServiceRendezVous service) : PageModel
{
    [BindProperty] public bool Notifier { get; set; }
    [BindProperty] public int Version { get; set; }

    public Guid BeneficiaireId { get; private set; }
    public string Nom { get; private set; } = "";
    public string? Courriel { get; private set; }
    public LigneRendezVous RendezVous { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid rendezVousId, CancellationToken cancellationToken)
    {
        if (!await ChargerAsync(id, rendezVousId, cancellationToken))
        {
            return NotFound();
        }

        Version = RendezVous.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid rendezVousId, CancellationToken cancellationToken)
    {
        if (!await ChargerAsync(id, rendezVousId, cancellationToken))
        {
            return NotFound();
        }

        return await this.EnregistrerAsync(
            async () =>
            {
                await service.EnregistrerAsync(id, rendezVousId, Version, IssueRendezVous.Annule, null, Notifier, cancellationToken);
                TempData["Succes"] = "Le rendez-vous est annulé." + (Notifier ? " Le courriel d'annulation partira avec la prochaine tournée d'envoi." : "");
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
        var personne = await EnTete.LireAsync(db, id, cancellationToken);
        Nom = personne.Nom;
        Courriel = personne.Courriel;
        return true;
    }
}
