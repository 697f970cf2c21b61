using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.Agenda;

/// <summary>One line of a day: an individual rendez-vous, or a collective session with its seats.</summary>
public sealed record EntreeAgenda(
    DateTime Debut, DateTime Fin, TypeRendezVous Type, string Objet, string? Lieu, StatutRendezVous? Statut,
    Guid? BeneficiaireId, string? Personne, Guid? SeanceId, int Convoques, int Places, bool Convocation);

public sealed record JourAgenda(DateOnly Date, bool Aujourdhui, IReadOnlyList<EntreeAgenda> Entrees, int Convocations);

/// <summary>
/// The week of one agent, Monday to Sunday in the département's time: his individual rendez-vous (cancelled
/// ones left out) and his collective sessions. A person outside the reader's scope shows without a name.
/// </summary>
public static class SemaineAgenda
{
    /// <summary>"Lundi 30 novembre": a capital for the day only, as French writes it.</summary>
    public static string Majuscule(string texte) => texte.Length == 0 ? texte : string.Concat(char.ToUpperInvariant(texte[0]).ToString(), texte[1..]);

    public static DateOnly Lundi(DateOnly jour) => jour.AddDays(-(((int)jour.DayOfWeek + 6) % 7));

    public static async Task<List<JourAgenda>> LireAsync(
        PasserelleDbContext db, IQueryable<Beneficiaire> visibles, Guid agentId, DateOnly lundi, DateOnly aujourdhui, TimeZoneInfo fuseau,
        CancellationToken cancellationToken)
    {
        var debut = lundi.DebutDuJourUtc(fuseau);
        var fin = lundi.AddDays(7).DebutDuJourUtc(fuseau);
        var individuels = await db.RendezVous.AsNoTracking()
            .Where(r => r.AgentId == agentId && r.Debut >= debut && r.Debut < fin && r.SeanceCollectiveId == null && r.Statut != StatutRendezVous.Annule)
            .Select(r => new
            {
                r.Debut, r.DureeMinutes, r.Type, r.Objet, r.Lieu, r.Statut, r.BeneficiaireId,
                Personne = visibles.Where(b => b.Id == r.BeneficiaireId).Select(b => b.Prenoms + " " + (b.NomUsage ?? b.NomNaissance)).FirstOrDefault(),
                Convocation = db.CourriersEmis.Any(c => c.ObjetId == r.Id && c.Type == TypeCourrier.Convocation),
            })
            .ToListAsync(cancellationToken);
        var seances = await db.SeancesCollectives.AsNoTracking()
            .Where(s => s.AgentId == agentId && s.Debut >= debut && s.Debut < fin)
            .Select(s => new
            {
                s.Id, s.Debut, s.DureeMinutes, s.Titre, s.Lieu, s.Places,
                Convoques = db.RendezVous.Count(r => r.SeanceCollectiveId == s.Id && r.Statut != StatutRendezVous.Annule),
                Convocations = db.RendezVous.Count(r => r.SeanceCollectiveId == s.Id
                    && db.CourriersEmis.Any(c => c.ObjetId == r.Id && c.Type == TypeCourrier.Convocation)),
            })
            .ToListAsync(cancellationToken);

        var entrees = individuels
            .Select(r => (Jour: Jour(r.Debut, fuseau), Entree: new EntreeAgenda(
                r.Debut, r.Debut.AddMinutes(r.DureeMinutes), r.Type, r.Objet, r.Lieu, r.Statut,
                r.Personne is null ? null : r.BeneficiaireId, r.Personne, null, 0, 0, r.Convocation)))
            .Concat(seances.Select(s => (Jour: Jour(s.Debut, fuseau), Entree: new EntreeAgenda(
                s.Debut, s.Debut.AddMinutes(s.DureeMinutes), TypeRendezVous.Collectif, s.Titre, s.Lieu, null,
                null, null, s.Id, s.Convoques, s.Places, s.Convocations > 0))))
            .ToList();
        var convocationsIndividuelles = individuels.Where(r => r.Convocation).GroupBy(r => Jour(r.Debut, fuseau)).ToDictionary(g => g.Key, g => g.Count());
        var convocationsCollectives = seances.GroupBy(s => Jour(s.Debut, fuseau)).ToDictionary(g => g.Key, g => g.Sum(s => s.Convocations));
        return Enumerable.Range(0, 7).Select(i => lundi.AddDays(i)).Select(jour => new JourAgenda(
                jour, jour == aujourdhui,
                entrees.Where(e => e.Jour == jour).Select(e => e.Entree).OrderBy(e => e.Debut).ToList(),
                convocationsIndividuelles.GetValueOrDefault(jour) + convocationsCollectives.GetValueOrDefault(jour)))
            .ToList();
    }

    private static DateOnly Jour(DateTime instant, TimeZoneInfo fuseau) => DateOnly.FromDateTime(instant.EnHeureLocale(fuseau));
}
