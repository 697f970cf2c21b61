using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Beneficiaires;
using Passerelle.Features.Beneficiaires.Diagnostic;
using Passerelle.Features.Courriers;
using Passerelle.Features.Parametres;
using Passerelle.Features.Plateforme;
using Passerelle.Infrastructure.Audit;
using Passerelle.Infrastructure.Tenancy;
using Passerelle.Infrastructure.Web;

namespace Passerelle.Features.Orientation;

/// <summary>A structure offered in the decision form, with the organism it stands for.</summary>
public sealed record StructureOrientation(Guid Id, string Nom, TypeStructure Type)
{
    public OrganismeOrientation Organisme => TypesOrganisme.Pour(Type);
}

/// <summary>
/// Reads a person's orientation and performs its writes: the decision with its letter, the notification,
/// the joint review of a social track, the réorientation request and its answer. Every write resolves the
/// person through <see cref="PerimetreDossiers"/> first, reads the settings valid on the date of the fact,
/// and saves with its journal lines in one SaveChanges.
/// </summary>
public sealed class ServiceOrientation(
    PasserelleDbContext db, PerimetreDossiers perimetre, ServiceParametres parametres, ServiceCourriers courriers,
    ServiceDiagnostic diagnostic, AgentCourant agentCourant, Journal journal, TimeProvider temps)
{
    public const string MessageIntrouvable = "Ce dossier n'existe pas ou ne fait pas partie de vos dossiers.";

    /// <summary>Today in the département's time zone: deadlines are judged there.</summary>
    public DateOnly Aujourdhui() =>
        temps.Aujourdhui(agentCourant.Utilisateur?.Fuseau() ?? TimeZoneInfo.FindSystemTimeZoneById(Departement.FuseauParDefaut));

    /// <summary>The person's orientation, decisions and requests; the caller has checked the scope.</summary>
    /// <param name="dossier">What the dossier page has already read of the person (name, closure, rights), not read again.</param>
    public async Task<VueOrientation> LireAsync(Guid beneficiaireId, VueDossier? dossier = null, CancellationToken cancellationToken = default)
    {
        var aujourdhui = Aujourdhui();
        var personne = dossier is not null
            ? new { Nom = dossier.Prenoms + " " + dossier.Nom, dossier.Clos }
            : await db.Beneficiaires.AsNoTracking().Where(b => b.Id == beneficiaireId)
                .Select(b => new { Nom = b.Prenoms + " " + (b.NomUsage ?? b.NomNaissance), b.Clos })
                .SingleAsync(cancellationToken);
        var decisions = await db.DecisionsOrientation.AsNoTracking().Where(o => o.BeneficiaireId == beneficiaireId)
            .OrderByDescending(o => o.DateDecision).ThenByDescending(o => o.Instant)
            .Select(o => new LigneDecision(
                o.Id, o.Parcours, o.Organisme, o.LibelleOrganisme, o.ReceptionInformation, o.DateDecision, o.DateNotification, o.Motif,
                o.DelaiJours, o.SemainesDelai, o.HorsDelai, o.RevisionDue, o.MotifVulnerabilite, o.PrecedenteId, o.Fin,
                db.Users.Where(a => a.Id == o.AgentId).Select(a => a.Prenom + " " + a.Nom).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        var demandes = await Demandes(db.DemandesReorientation.Where(d => d.BeneficiaireId == beneficiaireId)
                .OrderByDescending(d => d.DateDemande).ThenByDescending(d => d.Id))
            .ToListAsync(cancellationToken);
        // A person has a handful of rights: the latest one and the latest receipt (as ReceptionAsync) come from one read.
        var droits = dossier?.Droits ?? await VueDossier.DroitsAsync(db, beneficiaireId, cancellationToken);
        var dernierDroit = droits.FirstOrDefault();
        var reception = droits.FirstOrDefault(d => d.Etat == EtatDroitRsa.Ouvert && d.DateReceptionInformation != null)?.DateReceptionInformation;

        var aOrienter = !personne.Clos && decisions.TrueForAll(d => !d.EnVigueur)
            && dernierDroit is { Etat: EtatDroitRsa.Ouvert, SoumisDroitsEtDevoirs: true, DateReceptionInformation: not null };
        int? semaines = null;
        SituationDelai? delai = null;
        if (aOrienter)
        {
            var receptionQueue = dernierDroit!.DateReceptionInformation!.Value;
            semaines = await SemainesAsync(receptionQueue, cancellationToken);
            delai = semaines is { } s ? DelaiOrientation.Juger(receptionQueue, s, aujourdhui) : null;
        }

        var themes = await diagnostic.ThemesAsync(cancellationToken);
        var suggestion = (await SuggestionsOrientation.PourAsync(db, [beneficiaireId], themes, cancellationToken))[beneficiaireId];
        return new VueOrientation
        {
            BeneficiaireId = beneficiaireId,
            Nom = personne.Nom,
            Clos = personne.Clos,
            Aujourdhui = aujourdhui,
            Decisions = decisions,
            Demandes = demandes,
            Reception = aOrienter ? dernierDroit!.DateReceptionInformation : reception,
            AOrienter = aOrienter,
            Delai = delai,
            SemainesDelai = semaines,
            Suggestion = suggestion,
            MotifsVulnerabilite = await db.ValeursReference.AsNoTracking()
                .Where(v => v.Liste == ParametrageInitial.Listes.MotifsVulnerabilite)
                .ToDictionaryAsync(v => v.Code, v => v.Libelle, StringComparer.Ordinal, cancellationToken),
        };
    }

    /// <summary>The requests as lists show them, with who asked and who answered; sort before projecting.</summary>
    public IQueryable<LigneDemande> Demandes(IQueryable<DemandeReorientation> requete) =>
        requete.AsNoTracking().Select(d => new LigneDemande(
            d.Id, d.BeneficiaireId, d.OrientationId, d.ParcoursSouhaite, d.Motif,
            db.Users.Where(a => a.Id == d.DemandeeParId).Select(a => a.Prenom + " " + a.Nom).FirstOrDefault(),
            d.DateDemande, d.Statut,
            db.Users.Where(a => a.Id == d.DecideeParId).Select(a => a.Prenom + " " + a.Nom).FirstOrDefault(),
            d.DateReponse, d.MotifRefus, d.Version));

    /// <summary>The active structures of the département that an orientation may name, by organism then name.</summary>
    public async Task<List<StructureOrientation>> StructuresAsync(CancellationToken cancellationToken = default) =>
        (await db.Structures.AsNoTracking().Where(s => s.Active && !TypesOrganisme.NonAccompagnants.Contains(s.Type))
            .Select(s => new StructureOrientation(s.Id, s.Nom, s.Type))
            .ToListAsync(cancellationToken))
        .OrderBy(s => s.Organisme).ThenBy(s => s.Nom, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true))
        .ToList();

    /// <summary>The active reasons of the list "motifs-vulnerabilite", for the form.</summary>
    public async Task<List<SelectListItem>> MotifsVulnerabiliteAsync(CancellationToken cancellationToken = default) =>
        await db.ValeursReference.AsNoTracking()
            .Where(v => v.Liste == ParametrageInitial.Listes.MotifsVulnerabilite && v.Actif)
            .OrderBy(v => v.Ordre).ThenBy(v => v.Code)
            .Select(v => new SelectListItem(v.Libelle, v.Code))
            .ToListAsync(cancellationToken);

    /// <summary>The day of receipt of the latest opened right, if any: the delay of a first orientation runs from it.</summary>
    public Task<DateOnly?> ReceptionAsync(Guid beneficiaireId, CancellationToken cancellationToken = default) =>
        db.DroitsRsa.AsNoTracking()
            .Where(d => d.BeneficiaireId == beneficiaireId && d.Etat == EtatDroitRsa.Ouvert && d.DateReceptionInformation != null)
            .OrderByDescending(d => d.DateEffet).ThenByDescending(d => d.InstantSaisie)
            .Select(d => d.DateReceptionInformation)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Everything wrong with a decision, each with its field; empty when it may be recorded.</summary>
    public async Task<List<ErreurSaisie>> VerifierAsync(Guid beneficiaireId, SaisieDecision saisie, bool reorientation, CancellationToken cancellationToken = default)
    {
        var erreurs = new List<ErreurSaisie>();
        var aujourdhui = Aujourdhui();
        if (saisie.Parcours is not { } parcours || !Enum.IsDefined(parcours))
        {
            erreurs.Add(new(nameof(SaisieDecision.Parcours), "Choisissez le parcours."));
        }

        if (saisie.Organisme is not { } organisme || !Enum.IsDefined(organisme))
        {
            erreurs.Add(new(nameof(SaisieDecision.Organisme), "Choisissez l'organisme vers lequel la personne est orientée."));
        }

        if (saisie.StructureId is { } structureId)
        {
            var structure = await db.Structures.AsNoTracking().Where(s => s.Id == structureId && s.Active && !TypesOrganisme.NonAccompagnants.Contains(s.Type))
                .Select(s => new { s.Nom, s.Type }).SingleOrDefaultAsync(cancellationToken);
            if (structure is null)
            {
                erreurs.Add(new(nameof(SaisieDecision.StructureId), "Choisissez une structure active de votre département."));
            }
            else if (saisie.Organisme is { } choisi && Enum.IsDefined(choisi) && !TypesOrganisme.Correspond(choisi, structure.Type))
            {
                erreurs.Add(new(nameof(SaisieDecision.StructureId),
                    $"La structure « {structure.Nom} » ({structure.Type.Libelle()}) ne correspond pas à l'organisme choisi ({choisi.Libelle()})."));
            }
        }
        else if (string.IsNullOrWhiteSpace(saisie.LibelleOrganisme))
        {
            erreurs.Add(new(nameof(SaisieDecision.LibelleOrganisme), "Choisissez la structure, ou indiquez le nom de l'organisme s'il n'est pas dans la liste."));
        }

        if (saisie.LibelleOrganisme?.Trim().Length > SaisieDecision.LongueurLibelleOrganisme)
        {
            erreurs.Add(new(nameof(SaisieDecision.LibelleOrganisme), $"Le nom de l'organisme tient en {SaisieDecision.LongueurLibelleOrganisme} caractères."));
        }

        if (saisie.DateDecision is not { } dateDecision)
        {
            erreurs.Add(new(nameof(SaisieDecision.DateDecision), "La date de la décision est obligatoire."));
        }
        else if (dateDecision > aujourdhui)
        {
            erreurs.Add(new(nameof(SaisieDecision.DateDecision), "La date de la décision ne peut pas être dans le futur."));
        }
        else if (!reorientation && await ReceptionAsync(beneficiaireId, cancellationToken) is { } reception && dateDecision < reception)
        {
            erreurs.Add(new(nameof(SaisieDecision.DateDecision),
                $"La décision ne peut pas précéder la réception de l'information sur le droit, le {reception:dd/MM/yyyy}."));
        }

        if (saisie.DateNotification is { } notification)
        {
            if (notification > aujourdhui)
            {
                erreurs.Add(new(nameof(SaisieDecision.DateNotification), "La date de notification ne peut pas être dans le futur."));
            }
            else if (saisie.DateDecision is { } decision && notification < decision)
            {
                erreurs.Add(new(nameof(SaisieDecision.DateNotification), "La notification ne peut pas précéder la décision."));
            }
        }

        if (string.IsNullOrWhiteSpace(saisie.Motif))
        {
            erreurs.Add(new(nameof(SaisieDecision.Motif), "Le motif de la décision est obligatoire : il figure sur le courrier."));
        }
        else if (saisie.Motif.Trim().Length > DecisionOrientation.LongueurMotif)
        {
            erreurs.Add(new(nameof(SaisieDecision.Motif), $"Le motif tient en {DecisionOrientation.LongueurMotif} caractères."));
        }

        if (!string.IsNullOrWhiteSpace(saisie.MotifVulnerabilite))
        {
            if (saisie.Parcours is { } choix && choix != TypeParcours.Social)
            {
                erreurs.Add(new(nameof(SaisieDecision.MotifVulnerabilite), "Le motif de vulnérabilité ne concerne que le parcours social."));
            }
            else if (!await db.ValeursReference.AnyAsync(v => v.Liste == ParametrageInitial.Listes.MotifsVulnerabilite && v.Actif
                && v.Code == saisie.MotifVulnerabilite.Trim(), cancellationToken))
            {
                erreurs.Add(new(nameof(SaisieDecision.MotifVulnerabilite), "Choisissez un motif de vulnérabilité de la liste de votre département."));
            }
        }

        if (saisie.Parcours == TypeParcours.Social && saisie.DateDecision is { } jour && erreurs.TrueForAll(e => e.Champ != nameof(SaisieDecision.MotifVulnerabilite))
            && await MoisRevisionAsync(!string.IsNullOrWhiteSpace(saisie.MotifVulnerabilite), jour, cancellationToken) is null)
        {
            erreurs.Add(new(string.Empty,
                $"Aucune durée d'examen du parcours social n'est en vigueur au {jour:dd/MM/yyyy} : l'administrateur doit la renseigner dans les paramètres datés."));
        }

        return erreurs;
    }

    /// <summary>The first orientation of a person: the decision, its letter in the dossier, the journal, saved together.</summary>
    public async Task<DecisionOrientation> DeciderAsync(Guid beneficiaireId, SaisieDecision saisie, CancellationToken cancellationToken = default)
    {
        await PersonneOuverteAsync(beneficiaireId, cancellationToken);
        var enVigueur = await db.DecisionsOrientation.AsNoTracking()
            .Where(o => o.BeneficiaireId == beneficiaireId && o.Fin == null)
            .Select(o => (DateOnly?)o.DateDecision)
            .FirstOrDefaultAsync(cancellationToken);
        if (enVigueur is { } depuis)
        {
            throw new RegleMetierException(
                $"Une orientation est en vigueur depuis le {depuis:dd/MM/yyyy} : un changement de parcours passe par une demande de réorientation du référent, acceptée par un responsable.");
        }

        var decision = await ConstruireAsync(beneficiaireId, null, saisie, cancellationToken);
        await EnregistrerDecisionAsync(decision, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return decision;
    }

    /// <summary>The letter was sent on <paramref name="date"/>: the contract delay starts then.</summary>
    public async Task NotifierAsync(Guid beneficiaireId, Guid decisionId, DateOnly? date, CancellationToken cancellationToken = default)
    {
        await PersonneAsync(beneficiaireId, cancellationToken);
        var jour = date ?? throw new RegleMetierException("La date de notification est obligatoire.");
        if (jour > Aujourdhui())
        {
            throw new RegleMetierException("La date de notification ne peut pas être dans le futur.");
        }

        var decision = await db.DecisionsOrientation.SingleOrDefaultAsync(o => o.Id == decisionId && o.BeneficiaireId == beneficiaireId, cancellationToken)
            ?? throw new RegleMetierException("Cette décision d'orientation n'existe pas.");
        decision.Notifier(jour);
        journal.Ajouter(ActionJournal.Modification, nameof(Beneficiaire), beneficiaireId);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Records the joint review of a social track; the next one falls due after the months valid on the review day.</summary>
    public async Task<DateOnly> ReviserAsync(Guid beneficiaireId, Guid decisionId, DateOnly? date, CancellationToken cancellationToken = default)
    {
        await PersonneAsync(beneficiaireId, cancellationToken);
        var jour = date ?? throw new RegleMetierException("La date de l'examen est obligatoire.");
        if (jour > Aujourdhui())
        {
            throw new RegleMetierException("La date de l'examen ne peut pas être dans le futur.");
        }

        var decision = await db.DecisionsOrientation.SingleOrDefaultAsync(o => o.Id == decisionId && o.BeneficiaireId == beneficiaireId, cancellationToken)
            ?? throw new RegleMetierException("Cette décision d'orientation n'existe pas.");
        var mois = await MoisRevisionAsync(decision.MotifVulnerabilite is not null, jour, cancellationToken)
            ?? throw new RegleMetierException($"Aucune durée d'examen du parcours social n'est en vigueur au {jour:dd/MM/yyyy} : l'administrateur doit la renseigner dans les paramètres datés.");
        decision.Reviser(jour, mois);
        journal.Ajouter(ActionJournal.Modification, nameof(Beneficiaire), beneficiaireId);
        await db.SaveChangesAsync(cancellationToken);
        return decision.RevisionDue!.Value;
    }

    /// <summary>A référent asks for another track; a Responsable answers.</summary>
    public async Task<DemandeReorientation> DemanderReorientationAsync(
        Guid beneficiaireId, TypeParcours? parcours, string? motif, CancellationToken cancellationToken = default)
    {
        await PersonneOuverteAsync(beneficiaireId, cancellationToken);
        if (parcours is not { } souhaite || !Enum.IsDefined(souhaite))
        {
            throw new RegleMetierException("Choisissez le parcours souhaité.");
        }

        var enVigueur = await db.DecisionsOrientation.SingleOrDefaultAsync(o => o.BeneficiaireId == beneficiaireId && o.Fin == null, cancellationToken)
            ?? throw new RegleMetierException("La personne n'a pas d'orientation en vigueur : il n'y a rien à réorienter.");
        var demandes = await db.DemandesReorientation.Where(d => d.BeneficiaireId == beneficiaireId).ToListAsync(cancellationToken);
        var demande = DemandeReorientation.Demander(
            enVigueur, souhaite, motif ?? "", agentCourant.Id ?? throw new InvalidOperationException("Aucun agent connecté."), Aujourdhui(), demandes);
        db.DemandesReorientation.Add(demande);
        journal.Ajouter(ActionJournal.Creation, nameof(DemandeReorientation), demande.Id);
        journal.Ajouter(ActionJournal.Modification, nameof(Beneficiaire), beneficiaireId);
        await db.SaveChangesAsync(cancellationToken);
        return demande;
    }

    /// <summary>A pending request of a person in the agent's scope, tracked; null otherwise (the page answers 404).</summary>
    public async Task<DemandeReorientation?> DemandeAsync(Guid demandeId, CancellationToken cancellationToken = default)
    {
        var visibles = await perimetre.VisiblesAsync(cancellationToken);
        return await db.DemandesReorientation
            .Where(d => d.Id == demandeId && visibles.Any(b => b.Id == d.BeneficiaireId))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The Responsable accepts: a new orientation replaces the one in force (which keeps its dates), with its letter.</summary>
    public async Task<DecisionOrientation> AccepterReorientationAsync(Guid demandeId, int version, SaisieDecision saisie, CancellationToken cancellationToken = default)
    {
        var demande = await DemandeAsync(demandeId, cancellationToken) ?? throw new RegleMetierException(MessageIntrouvable);
        Concurrence.VerifierVersion(demande, version);
        await PersonneOuverteAsync(demande.BeneficiaireId, cancellationToken);
        var enVigueur = await db.DecisionsOrientation.SingleOrDefaultAsync(o => o.BeneficiaireId == demande.BeneficiaireId && o.Fin == null, cancellationToken);
        if (enVigueur is null || enVigueur.Id != demande.OrientationId)
        {
            throw new RegleMetierException("L'orientation visée par la demande n'est plus en vigueur : refusez la demande, le référent en fera une nouvelle si besoin.");
        }

        if (demande.Statut != StatutDemandeReorientation.EnAttente)
        {
            throw new RegleMetierException("Cette demande a déjà reçu une réponse.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var decision = await ConstruireAsync(demande.BeneficiaireId, enVigueur, saisie, cancellationToken);
        // One orientation in force per person (a unique index): the old one's end is written before the new one exists.
        await db.SaveChangesAsync(cancellationToken);
        await EnregistrerDecisionAsync(decision, cancellationToken);
        demande.Accepter(decision, agentCourant.Id ?? throw new InvalidOperationException("Aucun agent connecté."));
        journal.Ajouter(ActionJournal.Modification, nameof(DemandeReorientation), demande.Id);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return decision;
    }

    public async Task RefuserReorientationAsync(Guid demandeId, int version, string? motif, CancellationToken cancellationToken = default)
    {
        var demande = await DemandeAsync(demandeId, cancellationToken) ?? throw new RegleMetierException(MessageIntrouvable);
        Concurrence.VerifierVersion(demande, version);
        if (motif?.Trim().Length > DemandeReorientation.LongueurMotif)
        {
            throw new RegleMetierException($"Le motif du refus tient en {DemandeReorientation.LongueurMotif} caractères.");
        }

        demande.Refuser(motif ?? "", agentCourant.Id ?? throw new InvalidOperationException("Aucun agent connecté."), Aujourdhui());
        journal.Ajouter(ActionJournal.Modification, nameof(DemandeReorientation), demande.Id);
        journal.Ajouter(ActionJournal.Modification, nameof(Beneficiaire), demande.BeneficiaireId);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<DecisionOrientation> ConstruireAsync(Guid beneficiaireId, DecisionOrientation? enVigueur, SaisieDecision saisie, CancellationToken cancellationToken)
    {
        if ((await VerifierAsync(beneficiaireId, saisie, enVigueur is not null, cancellationToken)).FirstOrDefault() is { } erreur)
        {
            throw new RegleMetierException(erreur.Message);
        }

        var parcours = saisie.Parcours!.Value;
        var dateDecision = saisie.DateDecision!.Value;
        var vulnerable = parcours == TypeParcours.Social && !string.IsNullOrWhiteSpace(saisie.MotifVulnerabilite);
        var libelle = saisie.StructureId is { } structureId
            ? await db.Structures.Where(s => s.Id == structureId).Select(s => s.Nom).SingleAsync(cancellationToken)
            : saisie.LibelleOrganisme!;
        // The delay is judged once, for the first orientation, with the weeks valid on the day of receipt.
        var reception = enVigueur is null ? await ReceptionAsync(beneficiaireId, cancellationToken) : null;
        var semaines = reception is { } r ? await SemainesAsync(r, cancellationToken) : null;
        var mois = parcours == TypeParcours.Social ? await MoisRevisionAsync(vulnerable, dateDecision, cancellationToken) ?? 0 : 0;
        return DecisionOrientation.Decider(
            db.DepartementCourant.IdObligatoire, beneficiaireId, enVigueur, parcours, saisie.Organisme!.Value, saisie.StructureId, libelle,
            reception, semaines, dateDecision, saisie.DateNotification, saisie.Motif!, vulnerable ? saisie.MotifVulnerabilite : null, mois,
            agentCourant.Id, temps.GetUtcNow().UtcDateTime);
    }

    /// <summary>Adds the decision, its letter (PDF in the dossier, issued letter) and the journal lines to the unit of work.</summary>
    private async Task EnregistrerDecisionAsync(DecisionOrientation decision, CancellationToken cancellationToken)
    {
        db.DecisionsOrientation.Add(decision);
        var modele = await courriers.ModeleAsync(cancellationToken);
        var contenu = CourrierOrientation.Contenu(decision, modele);
        await courriers.EmettreAsync(
            decision.BeneficiaireId, TypeCourrier.DecisionOrientation, decision.Id, CourrierOrientation.Objet, CourrierOrientation.DateEnvoi(decision),
            pdf => CourrierOrientation.Ecrire(pdf, contenu), cancellationToken);
        journal.Ajouter(ActionJournal.Creation, nameof(DecisionOrientation), decision.Id);
        journal.Ajouter(ActionJournal.Modification, nameof(Beneficiaire), decision.BeneficiaireId);
    }

    /// <summary>The weeks of the delay valid on the day of receipt; null when none is (or a value that could not be a delay).</summary>
    public async Task<int?> SemainesAsync(DateOnly reception, CancellationToken cancellationToken) =>
        (int?)(await parametres.ValeurAuAsync(ClesParametres.DelaiOrientation, reception, cancellationToken: cancellationToken))?.ValeurNumerique is > 0 and var semaines
            ? semaines
            : null;

    private async Task<int?> MoisRevisionAsync(bool vulnerable, DateOnly date, CancellationToken cancellationToken) =>
        (int?)(await parametres.ValeurAuAsync(
            vulnerable ? ClesParametres.RevisionParcoursSocialVulnerable : ClesParametres.RevisionParcoursSocial, date, cancellationToken: cancellationToken))?.ValeurNumerique;

    private async Task<bool> PersonneAsync(Guid beneficiaireId, CancellationToken cancellationToken)
    {
        var visibles = await perimetre.VisiblesAsync(cancellationToken);
        var clos = await visibles.Where(b => b.Id == beneficiaireId).Select(b => (bool?)b.Clos).SingleOrDefaultAsync(cancellationToken);
        return clos ?? throw new RegleMetierException(MessageIntrouvable);
    }

    private async Task PersonneOuverteAsync(Guid beneficiaireId, CancellationToken cancellationToken)
    {
        if (await PersonneAsync(beneficiaireId, cancellationToken))
        {
            throw new RegleMetierException("Le dossier est clos : rouvrez-le avant de décider de son orientation.");
        }
    }
}
