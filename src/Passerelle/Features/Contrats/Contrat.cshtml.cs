using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Beneficiaires;
using Passerelle.Features.Shared;
using Passerelle.Infrastructure.Audit;

namespace Passerelle.Features.Contrats;

/// <summary>
/// One contract and the transition its state allows: submit (référent), send back or validate (Responsable), record
/// the signature, close with a bilan (référent). Each form carries the version it was rendered from; a refused
/// transition shows its reason and writes nothing.
/// </summary>
[Authorize(Policy = PerimetreDossiers.Politique)]
public sealed class ContratModel(ServiceContrats service, PasserelleDbContext db, Journal journal) : PageModel
{
    [BindProperty] public int Version { get; set; }
    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public string? Bilan { get; set; }
    [BindProperty] public bool Confirmation { get; set; }

    public FicheContrat Fiche { get; private set; } = null!;
    public AccesContrats Acces { get; private set; } = null!;
    public DateOnly Aujourdhui { get; private set; }

    public EtatContrat Etat => Fiche.EtatAu(Aujourdhui);

    public async Task<IActionResult> OnGetAsync(Guid id, Guid contratId, CancellationToken cancellationToken)
    {
        if (await ChargerAsync(id, contratId, cancellationToken) is { } refus)
        {
            return refus;
        }

        await journal.EnregistrerAsync(ActionJournal.Consultation, nameof(Beneficiaire), id, cancellationToken: cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostSoumettreAsync(Guid id, Guid contratId, CancellationToken cancellationToken) =>
        ExecuterAsync(id, contratId, ActionContrat.Soumettre, "Le contrat est soumis à la validation du responsable.", cancellationToken);

    public Task<IActionResult> OnPostRenvoyerAsync(Guid id, Guid contratId, CancellationToken cancellationToken) =>
        ExecuterAsync(id, contratId, ActionContrat.Renvoyer, "Le contrat est renvoyé en brouillon à son auteur.", cancellationToken);

    public Task<IActionResult> OnPostValiderAsync(Guid id, Guid contratId, CancellationToken cancellationToken) =>
        ExecuterAsync(id, contratId, ActionContrat.Valider, "Le contrat est validé : il peut être signé par la personne.", cancellationToken);

    public Task<IActionResult> OnPostSignerAsync(Guid id, Guid contratId, CancellationToken cancellationToken)
    {
        if (Date is null && !ModelState.ContainsKey(nameof(Date)))
        {
            ModelState.AddModelError(nameof(Date), "La date de signature est obligatoire.");
        }

        return ExecuterAsync(id, contratId, ActionContrat.Signer, "La signature est enregistrée ; le contrat signé est conservé dans les documents du dossier.", cancellationToken);
    }

    public Task<IActionResult> OnPostCloturerAsync(Guid id, Guid contratId, CancellationToken cancellationToken)
    {
        if (Date is null && !ModelState.ContainsKey(nameof(Date)))
        {
            ModelState.AddModelError(nameof(Date), "La date de clôture est obligatoire.");
        }

        if (!Confirmation)
        {
            ModelState.AddModelError(nameof(Confirmation), "Cochez la case pour confirmer la clôture du contrat.");
        }

        return ExecuterAsync(id, contratId, ActionContrat.Cloturer, "Le contrat est clos avec son bilan.", cancellationToken);
    }

    private async Task<IActionResult> ExecuterAsync(Guid id, Guid contratId, ActionContrat action, string succes, CancellationToken cancellationToken)
    {
        if (await ChargerAsync(id, contratId, cancellationToken) is { } refus)
        {
            return refus;
        }

        if (!Acces.Autorise(action))
        {
            return Forbid();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await this.EnregistrerAsync(
            async () =>
            {
                await service.ExecuterAsync(id, contratId, Version, action, Date, Bilan, cancellationToken);
                TempData["Succes"] = succes;
                return Redirect($"/beneficiaires/{id}/contrats/{contratId}");
            },
            db,
            contratId,
            async () =>
            {
                await ChargerAsync(id, contratId, cancellationToken);
                return Page();
            },
            cancellationToken);
    }

    private async Task<IActionResult?> ChargerAsync(Guid id, Guid contratId, CancellationToken cancellationToken)
    {
        var acces = await service.AccesAsync(id, cancellationToken);
        var fiche = acces is null ? null : await service.FicheAsync(id, contratId, cancellationToken);
        if (acces is null || fiche is null)
        {
            return NotFound();
        }

        Acces = acces;
        Fiche = fiche;
        Aujourdhui = await service.AujourdhuiAsync(cancellationToken);
        return null;
    }
}
