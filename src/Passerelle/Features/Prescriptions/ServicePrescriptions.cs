using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Beneficiaires;
using Passerelle.Features.Notifications;
using Passerelle.Infrastructure.Audit;
using Passerelle.Infrastructure.Auth;
using Passerelle.Infrastructure.Tenancy;
using Passerelle.Infrastructure.Web;

namespace Passerelle.Features.Prescriptions;

/// <summary>404 when the prescription or the person is not the agent's to see, 403 when his role does not allow the step.</summary>
public sealed class AccesPrescriptionRefuseException(bool introuvable)
    : Exception(introuvable ? "Cette prescription n'existe pas ou n'est pas dans votre périmètre." : "Votre rôle ne permet pas cette action sur la prescription.")
{
    public bool Introuvable { get; } = introuvable;
}

/// <summary>The fiche de prescription as typed by the référent.</summary>
public sealed record SaisiePrescription(
    Guid ActionId, Guid? SessionId, string? Objectifs, IReadOnlyList<string> Freins, InformationsPartagees Partage, DateOnly? ConsentementLe);

/// <summary>A bilan as typed by the operator.</summary>
public sealed record SaisieBilan(
    TypeBilan Type, DateOnly Date, AtteinteObjectifs Atteinte, Assiduite Assiduite, IReadOnlyList<string> FreinsLeves, string? Preconisations, string? Commentaire);

/// <summary>An action as offered to a référent for one person: whether he may prescribe it, and why not.</summary>
public sealed record ActionPrescriptible(
    Guid Id, string Nom, string Structure, string FicheAction, string TypeService, IReadOnlyList<string> MotifsIneligibilite, string? MotifNonHabilite,
    bool Complete, IReadOnlyList<SessionAction> Sessions)
{
    public bool Prescriptible => MotifsIneligibilite.Count == 0 && MotifNonHabilite is null;
}

/// <summary>
/// The writes of a prescription, for the référent who prescribes and the operator who answers. Every write checks
/// who may do it here (the person's scope for the référent, the operator's structure for the operator), applies the
/// entity's transition, notifies the other side, journals it under the prescription and the person, and saves once.
/// </summary>
public sealed class ServicePrescriptions(
    PasserelleDbContext db, PerimetreDossiers perimetre, AgentCourant agentCourant, Journal journal, ServiceNotifications notifications, TimeProvider temps)
{
    /// <summary>Without the setting (a département created before it existed), a prescription expires after this many days.</summary>
    public const int DelaiReponseParDefaut = 30;

    public static string UrlReferent(Guid prescriptionId) => $"/prescriptions/{prescriptionId}";

    public static string UrlOperateur(Guid prescriptionId) => $"/prescriptions/recues/{prescriptionId}";

    /// <summary>What the eligibility rules read of the person on <paramref name="date"/>.</summary>
    public async Task<ProfilEligibilite> ProfilAsync(Guid beneficiaireId, DateOnly date, CancellationToken cancellationToken = default)
    {
        var personne = await db.Beneficiaires.AsNoTracking().Where(b => b.Id == beneficiaireId)
            .Select(b => new
            {
                b.DateNaissance, b.Dispositifs, b.CommuneCode,
                EnQpv = b.FoyerId != null && db.Foyers.Any(f => f.Id == b.FoyerId && f.QpvId != null),
                Parcours = db.DecisionsOrientation.Where(o => o.BeneficiaireId == b.Id && o.Fin == null).Select(o => (TypeParcours?)o.Parcours).FirstOrDefault(),
                Droit = db.DroitsRsa.Where(d => d.BeneficiaireId == b.Id && d.DateEffet <= date)
                    .OrderByDescending(d => d.DateEffet).ThenByDescending(d => d.InstantSaisie)
                    .Select(d => new { d.Etat, d.SoumisDroitsEtDevoirs })
                    .FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new AccesPrescriptionRefuseException(introuvable: true);
        var soumis = personne.Droit is { Etat: EtatDroitRsa.Ouvert, SoumisDroitsEtDevoirs: true };
        return new ProfilEligibilite(date, personne.DateNaissance, personne.Dispositifs, soumis, personne.CommuneCode, personne.EnQpv, personne.Parcours);
    }

    /// <summary>The communes an action serves, its territories' included; empty when it serves the whole département.</summary>
    public async Task<IReadOnlyCollection<string>> ZoneAsync(ActionInsertion action, CancellationToken cancellationToken = default)
    {
        var territoires = action.Territoires.Select(t => t.TerritoireId).ToList();
        var communes = territoires.Count == 0
            ? []
            : await db.Territoires.Where(t => territoires.Contains(t.Id)).SelectMany(t => t.Communes).Select(c => c.CommuneCode).ToListAsync(cancellationToken);
        return communes.Concat(action.CodesCommunesDesservies).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Places taken on <paramref name="date"/>: for yearly parcours, the prescriptions accepted that calendar year; for a
    /// session, those holding one of its places (accepted, running or exited).
    /// </summary>
    public Task<int> PlacesOccupeesAsync(ActionInsertion action, Guid? sessionId, DateOnly date, CancellationToken cancellationToken = default)
    {
        var prises = db.Prescriptions.Where(p => p.ActionId == action.Id
            && (p.Etat == EtatPrescription.Acceptee || p.Etat == EtatPrescription.EnCours || p.Etat == EtatPrescription.Sortie));
        return action.ModeCapacite switch
        {
            ModeCapacite.ParcoursAnnuels => prises.CountAsync(
                p => p.AccepteeLe >= new DateOnly(date.Year, 1, 1) && p.AccepteeLe <= new DateOnly(date.Year, 12, 31), cancellationToken),
            ModeCapacite.Sessions when sessionId is not null => prises.CountAsync(p => p.SessionId == sessionId, cancellationToken),
            _ => Task.FromResult(0),
        };
    }

    /// <summary>Why the action has no free place (for the session when it has sessions); null when it has one.</summary>
    public async Task<string?> MotifCompletAsync(ActionInsertion action, Guid? sessionId, DateOnly date, CancellationToken cancellationToken = default)
    {
        SessionAction? session = null;
        if (action.ModeCapacite == ModeCapacite.Sessions && sessionId is not null)
        {
            session = await db.SessionsActions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId && s.ActionId == action.Id, cancellationToken)
                ?? throw new RegleMetierException("Cette session n'appartient pas à l'action.");
        }

        return action.MotifComplet(await PlacesOccupeesAsync(action, sessionId, date, cancellationToken), session);
    }

    /// <summary>The structure type of the current agent: what the habilitation rules read.</summary>
    public async Task<(Guid? StructureId, TypeStructure? Type)> StructureAgentAsync(CancellationToken cancellationToken = default)
    {
        var agentId = agentCourant.Id;
        var structure = await db.Users.Where(a => a.Id == agentId)
            .Select(a => new { a.StructureId, Type = db.Structures.Where(s => s.Id == a.StructureId).Select(s => (TypeStructure?)s.Type).FirstOrDefault() })
            .SingleOrDefaultAsync(cancellationToken);
        return (structure?.StructureId, structure?.Type);
    }

    /// <summary>Whether the current agent may prescribe for the person: a référent who sees the whole dossier of an open file.</summary>
    public async Task<bool> PeutPrescrireAsync(Guid beneficiaireId, CancellationToken cancellationToken = default) =>
        agentCourant.Utilisateur?.EstDans(Role.Referent) == true
        && await perimetre.PorteeAsync(beneficiaireId, cancellationToken) == Portee.Complete;

    /// <summary>The published actions of the département, each judged for this person and this prescriber.</summary>
    public async Task<List<ActionPrescriptible>> ActionsPourAsync(Guid beneficiaireId, CancellationToken cancellationToken = default)
    {
        await ExigerPrescripteurAsync(beneficiaireId, cancellationToken);
        var aujourdhui = await AujourdhuiAsync(cancellationToken);
        var profil = await ProfilAsync(beneficiaireId, aujourdhui, cancellationToken);
        var (_, type) = await StructureAgentAsync(cancellationToken);
        var actions = await db.Actions.AsNoTracking().Include(a => a.Territoires).Where(a => a.Publiee)
            .OrderBy(a => a.Nom).ToListAsync(cancellationToken);
        var structures = await db.Structures.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Nom, cancellationToken);
        var fiches = await db.FichesActions.AsNoTracking().ToDictionaryAsync(f => f.Id, f => $"{f.Numero} {f.Intitule}", cancellationToken);
        var sessions = await db.SessionsActions.AsNoTracking().Where(s => s.Fin >= aujourdhui).OrderBy(s => s.Debut).ToListAsync(cancellationToken);
        var resultat = new List<ActionPrescriptible>();
        foreach (var action in actions)
        {
            var motifs = action.MotifsIneligibilite(profil, await ZoneAsync(action, cancellationToken));
            var complete = action.ModeCapacite == ModeCapacite.ParcoursAnnuels
                && await MotifCompletAsync(action, null, aujourdhui, cancellationToken) is not null;
            resultat.Add(new ActionPrescriptible(
                action.Id, action.Nom, structures.GetValueOrDefault(action.StructureId, ""), fiches.GetValueOrDefault(action.FicheActionId, ""),
                ReferentielDataInclusion.Libelle(ReferentielDataInclusion.TypesService, action.TypeService),
                motifs, action.MotifNonHabilite(type), complete, sessions.Where(s => s.ActionId == action.Id).ToList()));
        }

        return resultat;
    }

    /// <summary>Sends the fiche de prescription to the operator: refused with the reason when the person is not eligible or the référent not habilitated.</summary>
    public async Task<Prescription> PrescrireAsync(Guid beneficiaireId, SaisiePrescription saisie, CancellationToken cancellationToken = default)
    {
        await ExigerPrescripteurAsync(beneficiaireId, cancellationToken);
        if (await db.Beneficiaires.Where(b => b.Id == beneficiaireId).Select(b => b.Clos).SingleAsync(cancellationToken))
        {
            throw new RegleMetierException("Le dossier est clos : rouvrez-le avant de prescrire une action.");
        }

        var action = await db.Actions.AsNoTracking().Include(a => a.Territoires).SingleOrDefaultAsync(a => a.Id == saisie.ActionId, cancellationToken)
            ?? throw new RegleMetierException("Choisissez une action du catalogue.");
        var aujourdhui = await AujourdhuiAsync(cancellationToken);
        var (structureId, type) = await StructureAgentAsync(cancellationToken);
        if (action.MotifNonHabilite(type) is { } nonHabilite)
        {
            throw new RegleMetierException(nonHabilite);
        }

        var motifs = action.MotifsIneligibilite(await ProfilAsync(beneficiaireId, aujourdhui, cancellationToken), await ZoneAsync(action, cancellationToken));
        if (motifs.Count > 0)
        {
            throw new RegleMetierException("La personne n'est pas éligible à cette action : " + string.Join(" ", motifs));
        }

        if (await db.Prescriptions.AnyAsync(p => p.BeneficiaireId == beneficiaireId && p.ActionId == action.Id
                && (p.Etat == EtatPrescription.Envoyee || p.Etat == EtatPrescription.EnAttente || p.Etat == EtatPrescription.Acceptee || p.Etat == EtatPrescription.EnCours),
                cancellationToken))
        {
            throw new RegleMetierException("Une prescription de cette action est déjà en cours pour la personne.");
        }

        if (saisie.SessionId is { } sessionId
            && !await db.SessionsActions.AnyAsync(s => s.Id == sessionId && s.ActionId == action.Id && s.Fin >= aujourdhui, cancellationToken))
        {
            throw new RegleMetierException("Choisissez une session à venir de cette action.");
        }

        await VerifierFreinsAsync(saisie.Freins, cancellationToken);
        var contratId = await db.ContratsEngagement
            .Where(c => c.BeneficiaireId == beneficiaireId && c.Debut <= aujourdhui && c.Fin >= aujourdhui
                && (c.Etat == EtatContrat.Signe || c.Etat == EtatContrat.EnCours))
            .OrderByDescending(c => c.Debut).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
        var prescription = Prescription.Prescrire(
            db.DepartementCourant.IdObligatoire, beneficiaireId, action, AgentId, structureId, aujourdhui, saisie.Objectifs ?? "", saisie.Freins,
            saisie.Partage, saisie.ConsentementLe, contratId, saisie.SessionId);
        db.Prescriptions.Add(prescription);
        await notifications.NotifierAsync(
            prescription.DepartementId, await notifications.AgentsAsync(action.StructureId, Role.Operateur, cancellationToken),
            $"Nouvelle prescription reçue pour l'action « {action.Nom} »", UrlOperateur(prescription.Id), cancellationToken);
        await EnregistrerAsync(prescription, ActionJournal.Creation, cancellationToken);
        return prescription;
    }

    /// <summary>The référent withdraws his prescription before the person enters the action.</summary>
    public async Task AnnulerAsync(Guid prescriptionId, int version, string? motif, CancellationToken cancellationToken = default)
    {
        var prescription = await ChargerCoteReferentAsync(prescriptionId, version, cancellationToken);
        prescription.Annuler(await AujourdhuiAsync(cancellationToken), motif ?? "");
        await NotifierOperateurAsync(prescription, "Prescription annulée par le référent", cancellationToken);
        await EnregistrerAsync(prescription, ActionJournal.Modification, cancellationToken);
    }

    public async Task AccepterAsync(Guid prescriptionId, int version, Guid? sessionId, CancellationToken cancellationToken = default)
    {
        var (prescription, action) = await ChargerCoteOperateurAsync(prescriptionId, version, cancellationToken);
        var aujourdhui = await AujourdhuiAsync(cancellationToken);
        var session = sessionId ?? prescription.SessionId;
        prescription.Accepter(aujourdhui, AgentId, session, await MotifCompletAsync(action, session, aujourdhui, cancellationToken));
        await NotifierPrescripteurAsync(prescription, $"Prescription acceptée pour l'action « {action.Nom} »", cancellationToken);
        await EnregistrerAsync(prescription, ActionJournal.Modification, cancellationToken);
    }

    public async Task RefuserAsync(Guid prescriptionId, int version, string? motif, CancellationToken cancellationToken = default)
    {
        var (prescription, action) = await ChargerCoteOperateurAsync(prescriptionId, version, cancellationToken);
        prescription.Refuser(await AujourdhuiAsync(cancellationToken), AgentId, motif ?? "");
        await NotifierPrescripteurAsync(prescription, $"Prescription refusée pour l'action « {action.Nom} »", cancellationToken);
        await EnregistrerAsync(prescription, ActionJournal.Modification, cancellationToken);
    }

    public async Task MettreEnAttenteAsync(Guid prescriptionId, int version, CancellationToken cancellationToken = default)
    {
        var (prescription, action) = await ChargerCoteOperateurAsync(prescriptionId, version, cancellationToken);
        prescription.MettreEnAttente(await AujourdhuiAsync(cancellationToken), AgentId);
        await NotifierPrescripteurAsync(prescription, $"Prescription en liste d'attente pour l'action « {action.Nom} »", cancellationToken);
        await EnregistrerAsync(prescription, ActionJournal.Modification, cancellationToken);
    }

    public async Task EntrerAsync(Guid prescriptionId, int version, DateOnly date, CancellationToken cancellationToken = default)
    {
        var (prescription, action) = await ChargerCoteOperateurAsync(prescriptionId, version, cancellationToken);
        prescription.Entrer(date, await AujourdhuiAsync(cancellationToken));
        await NotifierPrescripteurAsync(prescription, $"Entrée dans l'action « {action.Nom} » enregistrée", cancellationToken);
        await EnregistrerAsync(prescription, ActionJournal.Modification, cancellationToken);
    }

    public async Task EnregistrerHeuresAsync(Guid prescriptionId, int version, DateOnly date, decimal heures, NatureHeures nature, CancellationToken cancellationToken = default)
    {
        var (prescription, action) = await ChargerCoteOperateurAsync(prescriptionId, version, cancellationToken);
        var ligne = prescription.EnregistrerHeures(date, heures, nature, action, AgentId, await AujourdhuiAsync(cancellationToken));
        db.HeuresRealisees.Add(ligne);
        // The hours change the prescription's totals, not one of its columns: its version moves by hand so that a stale form sees it.
        prescription.Version++;
        await EnregistrerAsync(prescription, ActionJournal.Modification, cancellationToken);
    }

    public async Task AjouterBilanAsync(Guid prescriptionId, int version, SaisieBilan saisie, CancellationToken cancellationToken = default)
    {
        var (prescription, action) = await ChargerCoteOperateurAsync(prescriptionId, version, cancellationToken);
        await VerifierFreinsAsync(saisie.FreinsLeves, cancellationToken);
        var bilan = prescription.AjouterBilan(
            saisie.Type, saisie.Date, saisie.Atteinte, saisie.Assiduite, saisie.FreinsLeves, saisie.Preconisations, saisie.Commentaire, AgentId,
            await AujourdhuiAsync(cancellationToken));
        db.BilansPrescriptions.Add(bilan);
        prescription.Version++;
        await NotifierPrescripteurAsync(prescription, $"{saisie.Type.Libelle()} écrit pour l'action « {action.Nom} »", cancellationToken);
        await EnregistrerAsync(prescription, ActionJournal.Modification, cancellationToken);
    }

    public async Task SortirAsync(Guid prescriptionId, int version, DateOnly date, IssueSortie issue, string? commentaire, CancellationToken cancellationToken = default)
    {
        var (prescription, action) = await ChargerCoteOperateurAsync(prescriptionId, version, cancellationToken);
        prescription.Sortir(date, issue, commentaire, await AujourdhuiAsync(cancellationToken));
        await NotifierPrescripteurAsync(prescription, $"Sortie de l'action « {action.Nom} » : {issue.Libelle().ToLowerInvariant()}", cancellationToken);
        await EnregistrerAsync(prescription, ActionJournal.Modification, cancellationToken);
    }

    public async Task SuivreAsync(Guid prescriptionId, int version, DateOnly date, SituationSuivi situation, string? commentaire, CancellationToken cancellationToken = default)
    {
        var (prescription, action) = await ChargerCoteOperateurAsync(prescriptionId, version, cancellationToken);
        prescription.Suivre(date, situation, commentaire, await AujourdhuiAsync(cancellationToken));
        await NotifierPrescripteurAsync(prescription, $"Suivi à six mois renseigné pour l'action « {action.Nom} »", cancellationToken);
        await EnregistrerAsync(prescription, ActionJournal.Modification, cancellationToken);
    }

    /// <summary>The days an operator has to answer, by the setting valid on <paramref name="date"/>.</summary>
    public async Task<int> DelaiReponseAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        var delai = await db.ParametresDates.AsNoTracking()
            .Where(p => p.Cle == ClesParametres.DelaiReponsePrescription && p.Portee == ParametreDate.PorteeDepartement
                && p.ValideDu <= date && (p.ValideAu == null || p.ValideAu >= date))
            .Select(p => p.Valeur)
            .SingleOrDefaultAsync(cancellationToken);
        return int.TryParse(delai, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var lu) ? lu : DelaiReponseParDefaut;
    }

    /// <summary>
    /// Expires the current département's prescriptions left unanswered past the setting's delay, as of
    /// <paramref name="aujourdhui"/>, and tells each référent. Run by the daily job, département by département;
    /// idempotent: a second run on the same day finds nothing left.
    /// </summary>
    public async Task<int> ExpirerAsync(DateOnly aujourdhui, CancellationToken cancellationToken = default)
    {
        var jours = await DelaiReponseAsync(aujourdhui, cancellationToken);
        var limite = aujourdhui.AddDays(-jours);
        var echues = await db.Prescriptions.Where(p => p.Etat == EtatPrescription.Envoyee && p.EnvoyeeLe <= limite).ToListAsync(cancellationToken);
        if (echues.Count == 0)
        {
            return 0;
        }

        var ids = echues.Select(p => p.ActionId).Distinct().ToList();
        var noms = await db.Actions.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Nom, cancellationToken);
        foreach (var prescription in echues)
        {
            prescription.Expirer(aujourdhui, jours);
            await notifications.NotifierAsync(
                prescription.DepartementId, [prescription.PrescripteurId],
                $"Prescription expirée sans réponse après {jours} jours pour l'action « {noms.GetValueOrDefault(prescription.ActionId)} »",
                UrlReferent(prescription.Id), cancellationToken);
            journal.Ajouter(ActionJournal.Modification, nameof(Prescription), prescription.Id, prescription.DepartementId);
        }

        await db.SaveChangesAsync(cancellationToken);
        return echues.Count;
    }

    /// <summary>Today in the current département's time zone, as the prescription's dates are judged.</summary>
    public async Task<DateOnly> AujourdhuiAsync(CancellationToken cancellationToken = default)
    {
        var departementId = db.DepartementCourantId;
        var fuseau = await db.Departements.AsNoTracking().Where(d => d.Id == departementId).Select(d => d.FuseauHoraire).SingleAsync(cancellationToken);
        return temps.Aujourdhui(TimeZoneInfo.FindSystemTimeZoneById(fuseau));
    }

    /// <summary>
    /// The prescription as its operator sees it: of the agent's structure, while it runs and during its follow-up.
    /// Anything else is 404, as if it did not exist; another role is 403.
    /// </summary>
    public async Task<Prescription> ExigerOperateurAsync(Guid prescriptionId, CancellationToken cancellationToken = default)
    {
        if (agentCourant.Utilisateur?.EstDans(Role.Operateur) != true)
        {
            throw new AccesPrescriptionRefuseException(introuvable: false);
        }

        var visibles = await perimetre.PrescriptionsVisiblesOperateurAsync(cancellationToken) ?? throw new AccesPrescriptionRefuseException(introuvable: true);
        return await visibles.Include(p => p.Heures).Include(p => p.Bilans).SingleOrDefaultAsync(p => p.Id == prescriptionId, cancellationToken)
            ?? throw new AccesPrescriptionRefuseException(introuvable: true);
    }

    /// <summary>The prescription as the référent side sees it: the person must be in the agent's whole scope.</summary>
    public async Task<Prescription> ExigerReferentAsync(Guid prescriptionId, CancellationToken cancellationToken = default)
    {
        var prescription = await db.Prescriptions.Include(p => p.Heures).Include(p => p.Bilans)
            .SingleOrDefaultAsync(p => p.Id == prescriptionId, cancellationToken);
        if (prescription is null || await perimetre.PorteeAsync(prescription.BeneficiaireId, cancellationToken) != Portee.Complete)
        {
            throw new AccesPrescriptionRefuseException(introuvable: true);
        }

        return prescription;
    }

    private Guid AgentId => agentCourant.Id ?? throw new InvalidOperationException("Aucun agent connecté.");

    private async Task ExigerPrescripteurAsync(Guid beneficiaireId, CancellationToken cancellationToken)
    {
        if (await perimetre.PorteeAsync(beneficiaireId, cancellationToken) != Portee.Complete)
        {
            throw new AccesPrescriptionRefuseException(introuvable: true);
        }

        if (agentCourant.Utilisateur?.EstDans(Role.Referent) != true)
        {
            throw new AccesPrescriptionRefuseException(introuvable: false);
        }
    }

    private async Task<Prescription> ChargerCoteReferentAsync(Guid prescriptionId, int version, CancellationToken cancellationToken)
    {
        var prescription = await ExigerReferentAsync(prescriptionId, cancellationToken);
        if (agentCourant.Utilisateur?.EstDans(Role.Referent) != true)
        {
            throw new AccesPrescriptionRefuseException(introuvable: false);
        }

        Concurrence.VerifierVersion(prescription, version);
        db.Entry(prescription).Property(p => p.Version).OriginalValue = version;
        return prescription;
    }

    private async Task<(Prescription, ActionInsertion)> ChargerCoteOperateurAsync(Guid prescriptionId, int version, CancellationToken cancellationToken)
    {
        var prescription = await ExigerOperateurAsync(prescriptionId, cancellationToken);
        Concurrence.VerifierVersion(prescription, version);
        db.Entry(prescription).Property(p => p.Version).OriginalValue = version;
        var action = await db.Actions.AsNoTracking().SingleAsync(a => a.Id == prescription.ActionId, cancellationToken);
        return (prescription, action);
    }

    private async Task VerifierFreinsAsync(IReadOnlyList<string> freins, CancellationToken cancellationToken)
    {
        if (freins.Count == 0)
        {
            return;
        }

        var themes = await db.ValeursReference.AsNoTracking()
            .Where(v => v.Liste == Plateforme.ParametrageInitial.Listes.ThemesFreins)
            .Select(v => v.Code)
            .ToListAsync(cancellationToken);
        if (freins.Any(f => !themes.Contains(f)))
        {
            throw new RegleMetierException("Choisissez les freins dans la liste des thèmes de votre département.");
        }
    }

    private Task NotifierPrescripteurAsync(Prescription prescription, string titre, CancellationToken cancellationToken) =>
        notifications.NotifierAsync(prescription.DepartementId, [prescription.PrescripteurId], titre, UrlReferent(prescription.Id), cancellationToken);

    private async Task NotifierOperateurAsync(Prescription prescription, string titre, CancellationToken cancellationToken) =>
        await notifications.NotifierAsync(
            prescription.DepartementId, await notifications.AgentsAsync(prescription.StructureOperateurId, Role.Operateur, cancellationToken),
            titre, UrlOperateur(prescription.Id), cancellationToken);

    private async Task EnregistrerAsync(Prescription prescription, ActionJournal action, CancellationToken cancellationToken)
    {
        journal.Ajouter(action, nameof(Prescription), prescription.Id);
        journal.Ajouter(ActionJournal.Modification, nameof(Beneficiaire), prescription.BeneficiaireId);
        await db.SaveChangesAsync(cancellationToken);
    }
}
