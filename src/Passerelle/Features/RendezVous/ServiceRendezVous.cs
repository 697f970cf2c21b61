using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Beneficiaires;
using Passerelle.Features.Courriers;
using Passerelle.Infrastructure.Audit;
using Passerelle.Infrastructure.Tenancy;
using Passerelle.Infrastructure.Web;

namespace Passerelle.Features.SuiviRendezVous;

/// <summary>A rendez-vous as typed: a local date and time of the département.</summary>
public sealed record SaisieRendezVous(
    TypeRendezVous Type, DateOnly Date, TimeOnly Heure, int DureeMinutes, string? Objet, string? Lieu, bool Convoquer, bool Notifier);

/// <summary>What the agent records after (or, for an excuse or a cancellation, before) the meeting.</summary>
public enum IssueRendezVous
{
    Honore,
    Manque,
    Excuse,
    Annule,
}

/// <summary>
/// The writes of a person's rendez-vous, each in one unit of work with what it announces: the convocation
/// letter kept in the dossier, the email of the outbox, the journal line under the person. Callers check the
/// role (<see cref="DroitsRendezVous"/>); the scope is checked here again, so that no id reaches a write unseen.
/// </summary>
public sealed class ServiceRendezVous(
    PasserelleDbContext db, PerimetreDossiers perimetre, AgentCourant agentCourant, ServiceCourriers courriers, Journal journal, TimeProvider temps)
{
    public const string MessageIntrouvable = "Ce rendez-vous n'existe pas ou ne fait pas partie de vos dossiers.";

    public async Task<RendezVous> PlanifierAsync(Guid beneficiaireId, SaisieRendezVous saisie, CancellationToken cancellationToken = default)
    {
        var personne = await PersonneAsync(beneficiaireId, cancellationToken);
        if (saisie.Type == TypeRendezVous.Collectif)
        {
            throw new RegleMetierException("Un rendez-vous collectif se prévoit depuis l'agenda, avec la séance d'information collective qui réunit le groupe.");
        }

        var fuseau = await FuseauAsync(cancellationToken);
        var agentId = agentCourant.Id ?? throw new InvalidOperationException("Aucun agent connecté.");
        var structureId = await db.Users.Where(a => a.Id == agentId).Select(a => a.StructureId).SingleAsync(cancellationToken);
        var rendezVous = RendezVous.Planifier(
            db.DepartementCourant.IdObligatoire, beneficiaireId, agentId, structureId, saisie.Type,
            DroitsRendezVous.VersUtc(saisie.Date, saisie.Heure, fuseau), saisie.DureeMinutes, saisie.Objet ?? "", saisie.Lieu);
        db.RendezVous.Add(rendezVous);
        await AnnoncerAsync(rendezVous, personne, Annonce.Planification, saisie.Convoquer, saisie.Notifier, fuseau, 0, cancellationToken);
        journal.Ajouter(ActionJournal.Modification, nameof(Beneficiaire), beneficiaireId);
        await db.SaveChangesAsync(cancellationToken);
        return rendezVous;
    }

    public async Task DeplacerAsync(
        Guid beneficiaireId, Guid rendezVousId, int? version, DateOnly date, TimeOnly heure, int dureeMinutes, string? lieu,
        bool convoquer, bool notifier, CancellationToken cancellationToken = default)
    {
        var personne = await PersonneAsync(beneficiaireId, cancellationToken);
        var rendezVous = await RendezVousAsync(beneficiaireId, rendezVousId, version, cancellationToken);
        if (rendezVous.SeanceCollectiveId is not null)
        {
            throw new RegleMetierException("Ce rendez-vous est une place d'une séance collective : il ne se déplace pas seul.");
        }

        var fuseau = await FuseauAsync(cancellationToken);
        rendezVous.Deplacer(DroitsRendezVous.VersUtc(date, heure, fuseau), dureeMinutes, lieu);
        // The save raises the version by one: the invitation carries the version the row will have.
        await AnnoncerAsync(rendezVous, personne, Annonce.Deplacement, convoquer, notifier, fuseau, rendezVous.Version + 1, cancellationToken);
        journal.Ajouter(ActionJournal.Modification, nameof(Beneficiaire), beneficiaireId);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Held (with its short report), missed, excused (with the reason) or cancelled; only a cancellation is announced.</summary>
    public async Task EnregistrerAsync(
        Guid beneficiaireId, Guid rendezVousId, int? version, IssueRendezVous issue, string? texte, bool notifier,
        CancellationToken cancellationToken = default)
    {
        var personne = await PersonneAsync(beneficiaireId, cancellationToken, ouvertSeulement: false);
        var rendezVous = await RendezVousAsync(beneficiaireId, rendezVousId, version, cancellationToken);
        var maintenant = temps.GetUtcNow().UtcDateTime;
        switch (issue)
        {
            case IssueRendezVous.Honore:
                rendezVous.Enregistrer(StatutRendezVous.Honore, texte, maintenant);
                break;
            case IssueRendezVous.Manque:
                rendezVous.Enregistrer(StatutRendezVous.Manque, texte, maintenant);
                break;
            case IssueRendezVous.Excuse:
                rendezVous.Enregistrer(StatutRendezVous.Excuse, texte, maintenant);
                break;
            case IssueRendezVous.Annule:
                rendezVous.Annuler(maintenant);
                if (notifier && rendezVous.Debut > maintenant)
                {
                    await AnnoncerAsync(rendezVous, personne, Annonce.Annulation, false, true, await FuseauAsync(cancellationToken), rendezVous.Version + 1, cancellationToken);
                }

                break;
            default:
                throw new RegleMetierException("Choisissez ce qui s'est passé : honoré, non honoré, excusé ou annulé.");
        }

        journal.Ajouter(ActionJournal.Modification, nameof(Beneficiaire), beneficiaireId);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A new convocation for a planned rendez-vous: after a move, or when none was sent at planning.</summary>
    public async Task ConvoquerAsync(Guid beneficiaireId, Guid rendezVousId, CancellationToken cancellationToken = default)
    {
        var personne = await PersonneAsync(beneficiaireId, cancellationToken);
        var rendezVous = await RendezVousAsync(beneficiaireId, rendezVousId, null, cancellationToken);
        if (rendezVous.Statut != StatutRendezVous.Prevu)
        {
            throw new RegleMetierException("Ce rendez-vous n'est plus prévu : aucune convocation ne s'envoie.");
        }

        await AnnoncerAsync(rendezVous, personne, Annonce.Planification, true, false, await FuseauAsync(cancellationToken), 0, cancellationToken);
        journal.Ajouter(ActionJournal.Modification, nameof(Beneficiaire), beneficiaireId);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Adds the convocation letter and the email to the unit of work. Both announce a meeting to come: a
    /// rendez-vous already started gets neither. Used by the collective sessions too, one seat at a time.
    /// </summary>
    internal async Task AnnoncerAsync(
        RendezVous rendezVous, PersonneConvoquee personne, Annonce annonce, bool convoquer, bool notifier, TimeZoneInfo fuseau, int sequence,
        CancellationToken cancellationToken)
    {
        if (!convoquer && !notifier)
        {
            return;
        }

        var maintenant = temps.GetUtcNow().UtcDateTime;
        if (rendezVous.Debut <= maintenant)
        {
            throw new RegleMetierException("Ce rendez-vous est déjà commencé ou passé : ni convocation ni courriel ne peuvent l'annoncer.");
        }

        if (convoquer)
        {
            var agent = await db.Users.Where(a => a.Id == rendezVous.AgentId).Select(a => a.Prenom + " " + a.Nom).SingleOrDefaultAsync(cancellationToken);
            await courriers.EmettreAsync(
                rendezVous.BeneficiaireId, TypeCourrier.Convocation, rendezVous.Id, AnnoncesRendezVous.ObjetConvocation(rendezVous.Type),
                temps.Aujourdhui(fuseau), AnnoncesRendezVous.CorpsConvocation(rendezVous, agent, personne.Rsa, fuseau), cancellationToken);
        }

        if (notifier)
        {
            if (string.IsNullOrWhiteSpace(personne.Courriel))
            {
                throw new RegleMetierException("La personne n'a pas d'adresse électronique : le rendez-vous ne peut pas lui être envoyé par courriel.");
            }

            var modele = await courriers.ModeleAsync(cancellationToken);
            db.MessagesSortants.Add(AnnoncesRendezVous.Courriel(rendezVous, annonce, personne.Courriel, modele.Service, fuseau, sequence, maintenant));
        }
    }

    internal async Task<PersonneConvoquee> PersonneAsync(Guid beneficiaireId, CancellationToken cancellationToken, bool ouvertSeulement = true)
    {
        var personne = await (await perimetre.VisiblesAsync(cancellationToken))
            .Where(b => b.Id == beneficiaireId)
            .Select(b => new PersonneConvoquee(b.Id, b.Courriel, (b.Dispositifs & Dispositifs.Rsa) != 0, b.Clos))
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new RegleMetierException("Ce dossier n'existe pas ou ne fait pas partie de vos dossiers.");
        if (ouvertSeulement && personne.Clos)
        {
            throw new RegleMetierException("Le dossier est clos : rouvrez-le avant de prévoir ou de déplacer un rendez-vous.");
        }

        return personne;
    }

    internal async Task<TimeZoneInfo> FuseauAsync(CancellationToken cancellationToken)
    {
        var departementId = db.DepartementCourant.IdObligatoire;
        var fuseau = await db.Departements.AsNoTracking().Where(d => d.Id == departementId).Select(d => d.FuseauHoraire).SingleAsync(cancellationToken);
        return TimeZoneInfo.FindSystemTimeZoneById(fuseau);
    }

    private async Task<RendezVous> RendezVousAsync(Guid beneficiaireId, Guid rendezVousId, int? version, CancellationToken cancellationToken)
    {
        var rendezVous = await db.RendezVous.SingleOrDefaultAsync(r => r.Id == rendezVousId && r.BeneficiaireId == beneficiaireId, cancellationToken)
            ?? throw new RegleMetierException(MessageIntrouvable);
        if (version is { } lue)
        {
            Concurrence.VerifierVersion(rendezVous, lue);
            db.Entry(rendezVous).Property(r => r.Version).OriginalValue = lue;
        }

        return rendezVous;
    }
}

/// <summary>What an announcement needs of the person: the address for the email, whether the RSA paragraph applies.</summary>
public sealed record PersonneConvoquee(Guid Id, string? Courriel, bool Rsa, bool Clos);
