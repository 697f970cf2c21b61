using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Parametres;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.SuiviRendezVous;

public sealed record VueSuiviRendezVous(
    Guid BeneficiaireId, LigneRendezVous? Prochain, LigneRendezVous? DernierHonore, int AEnregistrer, RetardSuivi? Retard, bool PeutEcrire, bool Clos);

/// <summary>
/// The rendez-vous section of the dossier page: the next one, the last held, those waiting to be recorded and
/// the follow-up alert. Invoked by the dossier page, whose model has checked the scope and journaled the reading.
/// </summary>
public sealed class SectionRendezVousViewComponent(PasserelleDbContext db, ServiceParametres parametres, TimeProvider temps) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid beneficiaireId, bool clos)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var fuseau = UserClaimsPrincipal.Fuseau();
        var maintenant = temps.GetUtcNow().UtcDateTime;
        // A person has a few dozen rendez-vous at most: one read gives the next, the last held and those to record.
        var rendezVous = await LectureRendezVous.Projeter(db, db.RendezVous.AsNoTracking()
                .Where(r => r.BeneficiaireId == beneficiaireId && (r.Statut == StatutRendezVous.Prevu || r.Statut == StatutRendezVous.Honore)))
            .ToListAsync(cancellationToken);
        var prochain = rendezVous.Where(r => r.Statut == StatutRendezVous.Prevu && r.Debut > maintenant).MinBy(r => r.Debut);
        var dernier = rendezVous.Where(r => r.Statut == StatutRendezVous.Honore).MaxBy(r => r.Debut);
        var aEnregistrer = rendezVous.Count(r => r.AEnregistrer(maintenant));
        var retard = clos ? null : await CadenceSuivi.JugerAsync(db, parametres, beneficiaireId, dernier?.Debut, temps.Aujourdhui(fuseau), fuseau, cancellationToken);
        return View("~/Features/RendezVous/_SectionRendezVous.cshtml",
            new VueSuiviRendezVous(beneficiaireId, prochain, dernier, aEnregistrer, retard, DroitsRendezVous.PeutEcrire(UserClaimsPrincipal), clos));
    }
}
