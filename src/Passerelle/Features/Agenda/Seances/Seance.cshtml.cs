using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Beneficiaires;
using Passerelle.Features.Shared;
using Passerelle.Features.SuiviRendezVous;
using Passerelle.Infrastructure.Audit;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.Agenda.Seances;

/// <summary>A session and its seats; once it has started, its agent records who came, who did not, who excused himself.</summary>
[Authorize(Policy = PerimetreDossiers.Politique, Roles = DroitsRendezVous.RolesAgenda)]
public sealed class SeanceModel(
    PasserelleDbContext db, PerimetreDossiers perimetre, AgentCourant agentCourant, ServiceSeances service, Journal journal, TimeProvider temps) : PageModel
{
    /// <summary>Per seat (rendez-vous id, as text): Honore, Manque or Excuse; empty leaves the seat as it is.</summary>
    /// <remarks>Nullable: a form where no seat is changed posts neither, which is not a missing field.</remarks>
    [BindProperty] public Dictionary<string, string?>? Presences { get; set; }
    [BindProperty] public Dictionary<string, string?>? Motifs { get; set; }

    public IssueRendezVous? Presence(Guid rendezVousId) =>
        Enum.TryParse<IssueRendezVous>(Valeur(Presences, rendezVousId), out var issue) ? issue : null;

    public string? Motif(Guid rendezVousId) => Valeur(Motifs, rendezVousId);

    /// <summary>By id whatever the case of its letters: SQLite writes Guids in capitals.</summary>
    private static string? Valeur(Dictionary<string, string?>? valeurs, Guid rendezVousId) =>
        valeurs?.FirstOrDefault(v => Guid.TryParse(v.Key, out var id) && id == rendezVousId).Value;

    public VueSeance Seance { get; private set; } = null!;
    public bool Commencee { get; private set; }
    public bool PeutEnregistrer { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await ChargerAsync(id, cancellationToken))
        {
            return NotFound();
        }

        foreach (var place in Seance.Sieges.Where(s => s.BeneficiaireId is not null))
        {
            journal.Ajouter(ActionJournal.Consultation, nameof(Beneficiaire), place.BeneficiaireId);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetConvocationsAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await ChargerAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var pdf = await ConvocationsGroupees.ImprimerAsync(
            db, journal, db.RendezVous.Where(r => r.SeanceCollectiveId == id && r.Statut == StatutRendezVous.Prevu),
            await perimetre.VisiblesAsync(cancellationToken), cancellationToken);
        if (pdf is null)
        {
            ModelState.AddModelError(string.Empty, "Aucune convocation n'a été émise pour les places encore prévues de cette séance.");
            return Page();
        }

        Response.Headers.CacheControl = "no-store";
        return File(pdf, "application/pdf", $"Convocations {Seance.Titre}.pdf");
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await ChargerAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!PeutEnregistrer)
        {
            return Forbid();
        }

        var saisies = new List<PresenceSaisie>();
        foreach (var (cle, valeur) in (Presences ?? []).Where(p => !string.IsNullOrEmpty(p.Value)))
        {
            if (!Guid.TryParse(cle, out var rendezVousId) || !Enum.TryParse<IssueRendezVous>(valeur, out var issue)
                || issue is not (IssueRendezVous.Honore or IssueRendezVous.Manque or IssueRendezVous.Excuse))
            {
                ModelState.AddModelError(string.Empty, "Choisissez présent, absent ou excusé dans la liste.");
                continue;
            }

            saisies.Add(new PresenceSaisie(rendezVousId, issue, Motif(rendezVousId)));
        }

        foreach (var saisie in saisies.Where(s => s.Issue == IssueRendezVous.Excuse && string.IsNullOrWhiteSpace(s.Motif)))
        {
            ModelState.AddModelError($"{nameof(Motifs)}[{saisie.RendezVousId}]", "Indiquez le motif de l'excuse.");
        }

        if (saisies.Count == 0 && ModelState.IsValid)
        {
            ModelState.AddModelError(string.Empty, "Choisissez au moins une présence, une absence ou une excuse.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await this.EnregistrerAsync(async () =>
        {
            var nombre = await service.EnregistrerPresencesAsync(id, saisies, cancellationToken);
            TempData["Succes"] = nombre == 1 ? "1 présence est enregistrée." : $"{nombre} présences sont enregistrées.";
            return Redirect($"/agenda/seances/{id}");
        });
    }

    private async Task<bool> ChargerAsync(Guid id, CancellationToken cancellationToken)
    {
        var moi = agentCourant.Id!.Value;
        if (await LectureSeance.LireAsync(db, await perimetre.VisiblesAsync(cancellationToken), User, moi, id, cancellationToken) is not { } seance)
        {
            return false;
        }

        Seance = seance;
        Commencee = seance.Debut <= temps.GetUtcNow().UtcDateTime;
        PeutEnregistrer = Commencee && seance.AgentId == moi && DroitsRendezVous.PeutEcrire(User);
        return true;
    }
}
