using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Infrastructure.Audit;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.Beneficiaires;

/// <summary>
/// The whole dated history of one person, apart from the dossier: it reads every table of the parcours, which the
/// dossier's summary does not need. Every opening is journaled, as the dossier's.
/// </summary>
[Authorize(Policy = PerimetreDossiers.Politique)]
public sealed class ChronologieModel(PasserelleDbContext db, PerimetreDossiers perimetre, Documents.ServiceDocuments documents, Journal journal) : PageModel
{
    public Guid Id { get; private set; }
    public string Nom { get; private set; } = "";
    public bool Clos { get; private set; }
    public List<EvenementDossier> Evenements { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await perimetre.PorteeAsync(id, cancellationToken) != Portee.Complete)
        {
            return NotFound();
        }

        var personne = await db.Beneficiaires.AsNoTracking().Where(b => b.Id == id)
            .Select(b => new { b.Prenoms, Nom = b.NomUsage ?? b.NomNaissance, b.Clos })
            .SingleAsync(cancellationToken);
        Id = id;
        Nom = $"{personne.Prenoms} {personne.Nom}";
        Clos = personne.Clos;
        Evenements = await ChronologieDossier.LireAsync(db, documents, id, User.Fuseau(), cancellationToken);
        await journal.EnregistrerAsync(ActionJournal.Consultation, nameof(Beneficiaire), id, cancellationToken: cancellationToken);
        return Page();
    }
}
