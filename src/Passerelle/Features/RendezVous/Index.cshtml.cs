using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Beneficiaires;
using Passerelle.Features.Shared;
using Passerelle.Infrastructure.Audit;

namespace Passerelle.Features.SuiviRendezVous;

/// <summary>The rendez-vous of one person, latest first; a writer also issues a convocation from here.</summary>
[Authorize(Policy = PerimetreDossiers.Politique)]
public sealed class IndexModel(PasserelleDbContext db, PerimetreDossiers perimetre, ServiceRendezVous service, Journal journal, TimeProvider temps) : PageModel
{
    public Guid BeneficiaireId { get; private set; }
    public string Nom { get; private set; } = "";
    public bool Clos { get; private set; }
    public List<LigneRendezVous> RendezVous { get; private set; } = [];
    public DateTime Maintenant { get; private set; }
    public bool PeutEcrire => DroitsRendezVous.PeutEcrire(User);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await ChargerAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await journal.EnregistrerAsync(ActionJournal.Consultation, nameof(Beneficiaire), id, cancellationToken: cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostConvocationAsync(Guid id, Guid rendezVousId, CancellationToken cancellationToken)
    {
        if (!PeutEcrire)
        {
            return Forbid();
        }

        if (!await ChargerAsync(id, cancellationToken))
        {
            return NotFound();
        }

        return await this.EnregistrerAsync(async () =>
        {
            await service.ConvoquerAsync(id, rendezVousId, cancellationToken);
            TempData["Succes"] = "La convocation est émise : elle est rangée dans les documents du dossier.";
            return Redirect($"/beneficiaires/{id}/rendez-vous");
        });
    }

    private async Task<bool> ChargerAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await perimetre.PorteeAsync(id, cancellationToken) != Portee.Complete)
        {
            return false;
        }

        BeneficiaireId = id;
        var personne = await db.Beneficiaires.AsNoTracking().Where(b => b.Id == id)
            .Select(b => new { b.Prenoms, Nom = b.NomUsage ?? b.NomNaissance, b.Clos }).SingleAsync(cancellationToken);
        Nom = $"{personne.Prenoms} {personne.Nom}";
        Clos = personne.Clos;
        RendezVous = await LectureRendezVous.ListerAsync(db, id, cancellationToken);
        Maintenant = temps.GetUtcNow().UtcDateTime;
        return true;
    }
}
