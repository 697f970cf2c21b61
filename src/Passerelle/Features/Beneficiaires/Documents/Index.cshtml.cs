using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Infrastructure.Audit;

namespace Passerelle.Features.Beneficiaires.Documents;

[Authorize(Policy = PerimetreDossiers.Politique)]
public sealed class IndexModel(PasserelleDbContext db, PerimetreDossiers perimetre, ServiceDocuments service, Journal journal) : PageModel
{
    public const string MessageAucunFichier = "Choisissez le document à ajouter.";

    [BindProperty]
    public IFormFile? Fichier { get; set; }

    public Guid Id { get; private set; }

    public string NomPersonne { get; private set; } = "";

    public IReadOnlyList<LigneDocument> Documents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await perimetre.PorteeAsync(id, cancellationToken) != Portee.Complete)
        {
            return NotFound();
        }

        await ChargerAsync(id, cancellationToken);
        await journal.EnregistrerAsync(ActionJournal.Consultation, nameof(Beneficiaire), id, cancellationToken: cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await perimetre.PorteeAsync(id, cancellationToken) != Portee.Complete)
        {
            return NotFound();
        }

        if (Fichier is null)
        {
            ModelState.AddModelError(nameof(Fichier), MessageAucunFichier);
        }
        else
        {
            try
            {
                await using var flux = Fichier.OpenReadStream();
                var document = await service.AjouterAsync(id, Fichier.FileName, flux, cancellationToken);
                TempData["Succes"] = $"Document ajouté : {document.NomFichier}.";
                return RedirectToPage(new { id });
            }
            catch (RegleMetierException erreur)
            {
                ModelState.AddModelError(nameof(Fichier), erreur.Message);
            }
        }

        await ChargerAsync(id, cancellationToken);
        return Page();
    }

    private async Task ChargerAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        NomPersonne = await db.Beneficiaires.Where(b => b.Id == id)
            .Select(b => (b.NomUsage ?? b.NomNaissance) + " " + b.Prenoms)
            .SingleAsync(cancellationToken);
        Documents = await service.ListerAsync(id, cancellationToken);
    }
}
