using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Shared;
using Passerelle.Infrastructure.Audit;

namespace Passerelle.Features.Administration.Courrier;

public sealed record LigneCourriel(Guid Id, DateTime Cree, string Destinataire, string Sujet, DateTime? Envoye, int Tentatives, string? DerniereErreur);

/// <summary>The département's outbox: waiting (none sent while no SMTP server is configured), sent, and given up after repeated failures.</summary>
[Authorize(Policy = nameof(Role.Administrateur))]
public sealed class CourrielsModel(PasserelleDbContext db, Journal journal, IConfiguration configuration) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Etat { get; set; } = "attente";
    [BindProperty(SupportsGet = true, Name = "p")] public int NumeroPage { get; set; } = 1;

    public PageDe<LigneCourriel> Resultats { get; private set; } = new([], 1, Pagination.TailleParDefaut, 0);
    public int EnAttente { get; private set; }
    public int Envoyes { get; private set; }
    public int EnEchec { get; private set; }
    public bool SmtpConfigure { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        SmtpConfigure = Infrastructure.Courriel.PlanificationCourriels.Actif(configuration);
        var messages = db.MessagesSortants.AsNoTracking();
        var attente = messages.Where(m => m.Envoye == null && m.Tentatives < MessageSortant.TentativesMaximales);
        var envoyes = messages.Where(m => m.Envoye != null);
        var echecs = messages.Where(m => m.Envoye == null && m.Tentatives >= MessageSortant.TentativesMaximales);
        EnAttente = await attente.CountAsync(cancellationToken);
        Envoyes = await envoyes.CountAsync(cancellationToken);
        EnEchec = await echecs.CountAsync(cancellationToken);
        Etat = Etat is "envoyes" or "echecs" ? Etat : "attente";
        var requete = Etat switch
        {
            "envoyes" => envoyes.OrderByDescending(m => m.Envoye).ThenBy(m => m.Id),
            "echecs" => echecs.OrderByDescending(m => m.Cree).ThenBy(m => m.Id),
            _ => attente.OrderBy(m => m.Cree).ThenBy(m => m.Id),
        };
        Resultats = await requete
            .Select(m => new LigneCourriel(m.Id, m.Cree, m.Destinataire, m.Sujet, m.Envoye, m.Tentatives, m.DerniereErreur))
            .PaginerAsync(NumeroPage, cancellationToken: cancellationToken);
        // Addresses of people are on the page: the reading is journaled.
        await journal.EnregistrerAsync(ActionJournal.Consultation, nameof(MessageSortant), cancellationToken: cancellationToken);
    }
}
