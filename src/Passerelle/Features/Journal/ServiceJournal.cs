using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Shared;
using Passerelle.Infrastructure.Audit;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.JournalDesAcces;

/// <summary>What the auditor filters the access journal on. Dates are days of the département, both inclusive.</summary>
public sealed record CriteresJournal(
    Guid? AgentId = null, ActionJournal? Action = null, string? TypeEnregistrement = null, Guid? EnregistrementId = null,
    DateOnly? Du = null, DateOnly? Au = null);

/// <summary>One line as the auditor sees it: who, what kind of record, when, from where; never the record's content.</summary>
public sealed record LigneJournal(
    Guid Id, DateTime Instant, Guid? AgentId, string? Agent, ActionJournal Action, string? TypeEnregistrement, Guid? EnregistrementId, string? Ip);

/// <summary>Reads the access journal of the current département, and journals that reading.</summary>
public sealed class ServiceJournal(PasserelleDbContext db, Journal journal)
{
    public const int TaillePage = 50;

    /// <summary>The record type under which reading the journal is itself journaled.</summary>
    public const string TypeJournal = "JournalAcces";

    /// <summary>One page of the journal, newest first. Records the consultation first, so that it is kept even if the reading fails.</summary>
    public async Task<PageDe<LigneJournal>> ConsulterAsync(CriteresJournal criteres, TimeZoneInfo fuseau, int page = 1, CancellationToken cancellationToken = default)
    {
        await EnregistrerConsultationAsync(cancellationToken);
        return await RechercherAsync(criteres, fuseau, page, cancellationToken);
    }

    /// <summary>Who reads the journal is journaled too: auditors are audited.</summary>
    public Task EnregistrerConsultationAsync(CancellationToken cancellationToken = default) =>
        journal.EnregistrerAsync(ActionJournal.Consultation, TypeJournal, cancellationToken: cancellationToken);

    /// <summary>The search alone, without journaling it: callers journal the page view that shows it.</summary>
    public Task<PageDe<LigneJournal>> RechercherAsync(CriteresJournal criteres, TimeZoneInfo fuseau, int page = 1, CancellationToken cancellationToken = default) =>
        Filtrer(db.JournalAcces.AsNoTracking(), criteres, fuseau)
            .OrderByDescending(j => j.Instant)
            .ThenByDescending(j => j.Id)
            .Select(j => new LigneJournal(
                j.Id, j.Instant, j.AgentId,
                db.Users.Where(a => a.Id == j.AgentId).Select(a => a.Prenom + " " + a.Nom).FirstOrDefault(),
                j.Action, j.TypeEnregistrement, j.EnregistrementId, j.Ip))
            .PaginerAsync(page, TaillePage, cancellationToken);

    /// <summary>The journal is tenant-filtered: only lines of the current département are found.</summary>
    public static IQueryable<JournalAcces> Filtrer(IQueryable<JournalAcces> requete, CriteresJournal criteres, TimeZoneInfo fuseau)
    {
        if (criteres.AgentId is { } agentId)
        {
            requete = requete.Where(j => j.AgentId == agentId);
        }

        if (criteres.Action is { } action)
        {
            requete = requete.Where(j => j.Action == action);
        }

        if (!string.IsNullOrWhiteSpace(criteres.TypeEnregistrement))
        {
            var type = criteres.TypeEnregistrement.Trim();
            requete = requete.Where(j => j.TypeEnregistrement == type);
        }

        if (criteres.EnregistrementId is { } enregistrementId)
        {
            requete = requete.Where(j => j.EnregistrementId == enregistrementId);
        }

        if (criteres.Du is { } du)
        {
            var debut = du.DebutDuJourUtc(fuseau);
            requete = requete.Where(j => j.Instant >= debut);
        }

        // The last day is included: the bound is the start of the next local day, excluded.
        if (criteres.Au is { } au && au < DateOnly.MaxValue)
        {
            var fin = au.AddDays(1).DebutDuJourUtc(fuseau);
            requete = requete.Where(j => j.Instant < fin);
        }

        return requete;
    }
}
