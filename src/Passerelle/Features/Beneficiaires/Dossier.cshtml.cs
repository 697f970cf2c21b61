using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Shared;
using Passerelle.Infrastructure.Audit;
using Passerelle.Infrastructure.Auth;

namespace Passerelle.Features.Beneficiaires;

/// <summary>The dossier of one person: every opening is journaled.</summary>
[Authorize(Policy = PerimetreDossiers.Politique)]
public sealed class DossierModel(
    PasserelleDbContext db, PerimetreDossiers perimetre, ServiceDossiers service, Diagnostic.ServiceDiagnostic diagnostic,
    Documents.ServiceDocuments documents, Journal journal) : PageModel
{
    public VueDossier Dossier { get; private set; } = null!;
    public Diagnostic.VueDiagnostic Diagnostic { get; private set; } = null!;
    public List<Documents.LigneDocument> Documents { get; private set; } = [];
    public List<NoteAffichee> Notes { get; private set; } = [];
    public string? NirEnClair { get; private set; }
    public bool NoticeAImprimer { get; private set; }

    private const int NotesAffichees = 50;

    [BindProperty] public string? Note { get; set; }

    public bool EstResponsable => User.EstDans(Role.Responsable);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        // A merged dossier is never among the visible ones: it is looked for only when the dossier is not shown.
        if (!await ChargerAsync(id, cancellationToken))
        {
            if (await DossierConserveAsync(id, cancellationToken) is { } conserve)
            {
                return await perimetre.PorteeAsync(conserve, cancellationToken) == Portee.Complete
                    ? Redirect($"/beneficiaires/{conserve}")
                    : NotFound();
            }

            return await perimetre.PorteeAsync(id, cancellationToken) == Portee.Partielle ? Redirect(Prescriptions.Recues.PersonneModel.Adresse(id)) : NotFound();
        }

        NoticeAImprimer = TempData["NoticeAImprimer"] is true;
        await journal.EnregistrerAsync(ActionJournal.Consultation, nameof(Beneficiaire), id, cancellationToken: cancellationToken);
        return Page();
    }

    /// <summary>Shows the NIR in clear on this response only: it is journaled, and never put in a URL.</summary>
    public async Task<IActionResult> OnPostNirAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await ChargerAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return await this.EnregistrerAsync(async () =>
        {
            NirEnClair = (await service.DemasquerNirAsync(id, cancellationToken)).Groupe;
            return Page();
        });
    }

    /// <summary>A saved note goes straight back to the dossier: the page is read only to show a refusal.</summary>
    public async Task<IActionResult> OnPostNoteAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await perimetre.PorteeAsync(id, cancellationToken) != Portee.Complete)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(Note))
        {
            ModelState.AddModelError(nameof(Note), "La note est vide.");
        }
        else
        {
            try
            {
                await service.AjouterNoteAsync(id, Note, cancellationToken);
                TempData["Succes"] = "La note de suivi est enregistrée.";
                return Redirect($"/beneficiaires/{id}#notes");
            }
            catch (RegleMetierException erreur)
            {
                ModelState.AddModelError(nameof(Note), erreur.Message);
            }
        }

        await LireAsync(id, cancellationToken);
        return Page();
    }

    private async Task<Guid?> DossierConserveAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Beneficiaires.AsNoTracking().Where(b => b.Id == id && b.FusionneDansId != null).Select(b => b.FusionneDansId).SingleOrDefaultAsync(cancellationToken);

    private async Task<bool> ChargerAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await perimetre.PorteeAsync(id, cancellationToken) != Portee.Complete)
        {
            return false;
        }

        await LireAsync(id, cancellationToken);
        return true;
    }

    /// <summary>Everything the page shows; the scope has been checked.</summary>
    private async Task LireAsync(Guid id, CancellationToken cancellationToken)
    {
        Dossier = await VueDossier.LireAsync(db, perimetre.Visibles, id, cancellationToken);
        Diagnostic = await diagnostic.LireAsync(id, cancellationToken);
        Documents = await documents.ListerAsync(id, cancellationToken);
        Notes = await db.NotesSuivi.AsNoTracking().Where(n => n.BeneficiaireId == id)
            .OrderByDescending(n => n.Instant).Take(NotesAffichees)
            .Select(n => new NoteAffichee(n.Instant, n.Texte, db.Users.Where(a => a.Id == n.AgentId).Select(a => a.Prenom + " " + a.Nom).FirstOrDefault()))
            .ToListAsync(cancellationToken);
    }
}

public sealed record NoteAffichee(DateTime Instant, string Texte, string? Auteur);
