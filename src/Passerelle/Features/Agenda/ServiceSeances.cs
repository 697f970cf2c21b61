using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Beneficiaires;
using Passerelle.Features.SuiviRendezVous;
using Passerelle.Infrastructure.Audit;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.Agenda;

/// <summary>A collective session as typed: a local date and time of the département.</summary>
public sealed record SaisieSeance(string? Titre, DateOnly Date, TimeOnly Heure, int DureeMinutes, string? Lieu, int Places, bool Convoquer, bool Notifier);

/// <summary>The outcome typed for one seat of a session; a motif only for an excuse.</summary>
public sealed record PresenceSaisie(Guid RendezVousId, IssueRendezVous Issue, string? Motif);

/// <summary>What the creation of a session did, for the agent's message.</summary>
public sealed record BilanSeance(SeanceCollective Seance, int Convoques, int Convocations, int Courriels);

/// <summary>
/// Information collectives: one action creates the session and convokes the group (one collective
/// rendez-vous per person, with its letter and its email when asked), in one unit of work. The session's
/// agent records the attendance afterwards, seat by seat, through the rendez-vous' own transitions.
/// </summary>
public sealed class ServiceSeances(
    PasserelleDbContext db, PerimetreDossiers perimetre, AgentCourant agentCourant, ServiceRendezVous rendezVous, Journal journal, TimeProvider temps)
{
    public const int MaximumParSeance = 200;

    public async Task<BilanSeance> CreerAsync(SaisieSeance saisie, IReadOnlyCollection<Guid> personnes, CancellationToken cancellationToken = default)
    {
        var ids = personnes.Distinct().ToList();
        if (ids.Count == 0)
        {
            throw new RegleMetierException("Choisissez au moins une personne à convoquer.");
        }

        if (ids.Count > saisie.Places)
        {
            throw new RegleMetierException($"{ids.Count} personnes sont choisies pour {saisie.Places} place{(saisie.Places > 1 ? "s" : "")} : augmentez le nombre de places ou retirez des personnes.");
        }

        // Every id resolved through the agent's scope before it is referenced.
        var visibles = await perimetre.VisiblesAsync(cancellationToken);
        var convoques = await visibles.Where(b => ids.Contains(b.Id))
            .Select(b => new PersonneConvoquee(b.Id, b.Courriel, (b.Dispositifs & Dispositifs.Rsa) != 0, b.Clos))
            .ToListAsync(cancellationToken);
        if (convoques.Count != ids.Count)
        {
            throw new RegleMetierException("Une personne choisie ne fait pas ou plus partie de vos dossiers : rechargez la liste.");
        }

        if (convoques.FirstOrDefault(p => p.Clos) is not null)
        {
            throw new RegleMetierException("Une personne choisie a un dossier clos : retirez-la de la liste.");
        }

        var fuseau = await rendezVous.FuseauAsync(cancellationToken);
        var debut = DroitsRendezVous.VersUtc(saisie.Date, saisie.Heure, fuseau);
        var agentId = agentCourant.Id ?? throw new InvalidOperationException("Aucun agent connecté.");
        var structureId = await db.Users.Where(a => a.Id == agentId).Select(a => a.StructureId).SingleAsync(cancellationToken);
        var departementId = db.DepartementCourant.IdObligatoire;
        if (saisie.DureeMinutes is < 5 or > 480)
        {
            throw new RegleMetierException("Une séance dure de 5 minutes à 8 heures.");
        }

        var seance = new SeanceCollective(departementId, agentId, saisie.Titre ?? "", debut, saisie.DureeMinutes, saisie.Lieu ?? "", saisie.Places);
        db.SeancesCollectives.Add(seance);
        int convocations = 0, courriels = 0;
        foreach (var personne in convoques)
        {
            var place = RendezVous.Planifier(
                departementId, personne.Id, agentId, structureId, TypeRendezVous.Collectif, debut, saisie.DureeMinutes, seance.Titre, seance.Lieu, seance.Id);
            db.RendezVous.Add(place);
            // Only the people with an address get the email; the others rely on their letter.
            var courriel = saisie.Notifier && !string.IsNullOrWhiteSpace(personne.Courriel);
            await rendezVous.AnnoncerAsync(place, personne, Annonce.Planification, saisie.Convoquer, courriel, fuseau, 0, cancellationToken);
            convocations += saisie.Convoquer ? 1 : 0;
            courriels += courriel ? 1 : 0;
            journal.Ajouter(ActionJournal.Modification, nameof(Beneficiaire), personne.Id);
        }

        journal.Ajouter(ActionJournal.Creation, nameof(SeanceCollective), seance.Id);
        await db.SaveChangesAsync(cancellationToken);
        return new BilanSeance(seance, convoques.Count, convocations, courriels);
    }

    /// <summary>Records the attendance typed on the session's page, all or nothing.</summary>
    public async Task<int> EnregistrerPresencesAsync(Guid seanceId, IReadOnlyCollection<PresenceSaisie> presences, CancellationToken cancellationToken = default)
    {
        var agentId = agentCourant.Id;
        var seance = await db.SeancesCollectives.AsNoTracking().SingleOrDefaultAsync(s => s.Id == seanceId && s.AgentId == agentId, cancellationToken)
            ?? throw new RegleMetierException("Seul l'agent qui anime la séance enregistre les présences.");
        var visibles = await perimetre.VisiblesAsync(cancellationToken);
        var ids = presences.Select(p => p.RendezVousId).ToList();
        var places = await db.RendezVous
            .Where(r => r.SeanceCollectiveId == seance.Id && ids.Contains(r.Id) && visibles.Any(b => b.Id == r.BeneficiaireId))
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        var maintenant = temps.GetUtcNow().UtcDateTime;
        var nombre = 0;
        foreach (var presence in presences)
        {
            if (!places.TryGetValue(presence.RendezVousId, out var place))
            {
                throw new RegleMetierException("Une place de la séance ne fait pas partie de vos dossiers : rechargez la page.");
            }

            switch (presence.Issue)
            {
                case IssueRendezVous.Honore:
                    place.Honorer(null, maintenant);
                    break;
                case IssueRendezVous.Manque:
                    place.Manquer(maintenant);
                    break;
                case IssueRendezVous.Excuse:
                    if ((presence.Motif?.Trim().Length ?? 0) > RendezVous.LongueurCourte)
                    {
                        throw new RegleMetierException($"Le motif de l'excuse tient en {RendezVous.LongueurCourte} caractères.");
                    }

                    place.Excuser(presence.Motif ?? "", maintenant);
                    break;
                default:
                    throw new RegleMetierException("Choisissez présent, absent ou excusé.");
            }

            journal.Ajouter(ActionJournal.Modification, nameof(Beneficiaire), place.BeneficiaireId);
            nombre++;
        }

        if (nombre > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return nombre;
    }
}
