using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Shared;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.JournalDesAcces;

[Authorize(Policy = nameof(Role.Auditeur))]
public sealed class IndexModel(PasserelleDbContext db, ServiceJournal service) : PageModel
{
    public static readonly IReadOnlyList<SelectListItem> Actions =
        Enum.GetValues<ActionJournal>().Select(a => new SelectListItem(a.Libelle(), a.ToString())).ToList();

    [BindProperty(SupportsGet = true)]
    [Display(Name = "l'agent")]
    public Guid? AgentId { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "l'action")]
    public ActionJournal? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    /// <summary>Text, not Guid: a mistyped identifier gets a French message rather than the binder's.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Enregistrement { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "la date de début")]
    public DateOnly? Du { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "la date de fin")]
    public DateOnly? Au { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int NumeroPage { get; set; } = 1;

    public List<SelectListItem> Agents { get; private set; } = [];

    public PageDe<LigneJournal> Lignes { get; private set; } = new([], 1, ServiceJournal.TaillePage, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Through the tenant filter: only the département's own agents, deactivated ones included, since they appear in the journal.
        Agents = await db.Users.AsNoTracking().OrderBy(a => a.Nom).ThenBy(a => a.Prenom)
            .Select(a => new SelectListItem(a.Nom + " " + a.Prenom, a.Id.ToString()))
            .ToListAsync(cancellationToken);

        Guid? enregistrementId = null;
        if (!string.IsNullOrWhiteSpace(Enregistrement))
        {
            if (Guid.TryParse(Enregistrement.Trim(), out var id))
            {
                enregistrementId = id;
            }
            else
            {
                ModelState.AddModelError(nameof(Enregistrement), "L'identifiant d'enregistrement n'est pas valide : saisissez-le en entier, par exemple 0193a5b2-7c1e-7d3f-9a4b-5c6d7e8f9a0b.");
            }
        }

        if (Du is { } du && Au is { } au && au < du)
        {
            ModelState.AddModelError(nameof(Au), "La date de fin ne peut pas précéder la date de début.");
        }

        if (!ModelState.IsValid)
        {
            // A refused search is still a view of the journal page.
            await service.EnregistrerConsultationAsync(cancellationToken);
            return;
        }

        var criteres = new CriteresJournal(AgentId, Action, Type, enregistrementId, Du, Au);
        Lignes = await service.ConsulterAsync(criteres, User.Fuseau(), NumeroPage, cancellationToken);
    }
}
