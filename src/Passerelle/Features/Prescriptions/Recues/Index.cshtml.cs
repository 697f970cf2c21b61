using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Shared;
using Passerelle.Infrastructure.Audit;

namespace Passerelle.Features.Prescriptions.Recues;

/// <summary>
/// The operator's inbox: the prescriptions of his structure he sees today, one tab per state, filtered by action. The
/// names it shows are a read of each person's record: one journal line per person listed, as the collective session's
/// page and the portfolio export do.
/// </summary>
[Authorize(Roles = nameof(Role.Operateur))]
public sealed class IndexModel(PasserelleDbContext db, LecturePrescriptionsRecues lecture, ServicePrescriptions prescriptions, Journal journal) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Etat { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? ActionId { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int NumeroPage { get; set; } = 1;

    public OngletRecues Onglet { get; private set; } = LecturePrescriptionsRecues.Onglets[0];
    public Dictionary<EtatPrescription, int> Nombres { get; private set; } = [];
    public List<SelectListItem> Actions { get; private set; } = [];
    public PageDe<LignePrescriptionRecue> Resultats { get; private set; } = new([], 1, Pagination.TailleParDefaut, 0);
    public DateOnly Aujourdhui { get; private set; }
    public int DelaiReponseJours { get; private set; }

    public int Nombre(EtatPrescription etat) => Nombres.GetValueOrDefault(etat);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Onglet = LecturePrescriptionsRecues.Onglets.FirstOrDefault(o => o.Cle == Etat) ?? LecturePrescriptionsRecues.Onglets[0];
        Etat = Onglet.Cle;
        var visibles = await lecture.VisiblesAsync(cancellationToken);
        // The operator's action ids first, then their names: as an IN over the actions, PostgreSQL scanned every
        // prescription of each action of the département. Formatted here, not in SQL: SQLite would write the ids in capitals.
        Actions = (await visibles.Select(p => p.ActionId).Distinct()
                .Join(db.Actions, id => id, a => a.Id, (_, a) => new { a.Id, a.Nom })
                .OrderBy(a => a.Nom).ToListAsync(cancellationToken))
            .Select(a => new SelectListItem(a.Nom, a.Id.ToString(), a.Id == ActionId)).ToList();

        var requete = ActionId is { } actionId ? visibles.Where(p => p.ActionId == actionId) : visibles;
        Nombres = await LecturePrescriptionsRecues.CompterAsync(requete, cancellationToken);
        Resultats = await lecture.ListerAsync(requete, Onglet.Etat, NumeroPage, cancellationToken);
        Aujourdhui = await prescriptions.AujourdhuiAsync(cancellationToken);
        DelaiReponseJours = await prescriptions.DelaiReponseAsync(Aujourdhui, cancellationToken);

        foreach (var personne in Resultats.Elements.Select(l => l.BeneficiaireId).Distinct())
        {
            journal.Ajouter(ActionJournal.Consultation, nameof(Beneficiaire), personne);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>"dans 12 jours", "aujourd'hui", for the answer awaited.</summary>
    public string Echeance(LignePrescriptionRecue ligne)
    {
        var jours = ligne.EnvoyeeLe.AddDays(DelaiReponseJours).DayNumber - Aujourdhui.DayNumber;
        return jours switch
        {
            <= 0 => "Expire aujourd'hui",
            1 => "1 jour",
            _ => $"{jours} jours",
        };
    }
}
