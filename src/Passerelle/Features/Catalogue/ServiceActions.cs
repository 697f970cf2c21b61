using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Administration;
using Passerelle.Features.Prescriptions;
using Passerelle.Infrastructure.Audit;
using Passerelle.Infrastructure.Tenancy;
using Passerelle.Infrastructure.Web;

namespace Passerelle.Features.Catalogue;

/// <summary>One refused part of an action's form: the field it concerns (a property of <see cref="SaisieAction"/>), or none.</summary>
public sealed record ErreurSaisie(string? Champ, string Message);

/// <summary>The action's form was refused: every reason found, so that the agent corrects them all at once.</summary>
public sealed class SaisieActionRefuseeException(IReadOnlyList<ErreurSaisie> erreurs) : Exception(string.Join(" ", erreurs.Select(e => e.Message)))
{
    public IReadOnlyList<ErreurSaisie> Erreurs { get; } = erreurs;
}

/// <summary>404 when the action or the session is not of the agent's département, 403 when his role may not describe actions.</summary>
public sealed class AccesCatalogueRefuseException(bool introuvable)
    : Exception(introuvable ? "Cette action n'existe pas dans votre département." : "Votre rôle ne permet pas de modifier le catalogue.")
{
    public bool Introuvable { get; } = introuvable;
}

/// <summary>
/// The writes of the catalogue: actions, their sessions and their publication. Every id received from a form is
/// resolved through a query filtered on the current département before it is referenced; the entity's methods judge
/// the rules (French messages); the action is dated of today, journaled and saved once. A refused form writes nothing.
/// </summary>
public sealed class ServiceActions(PasserelleDbContext db, AgentCourant agentCourant, Journal journal, ServicePrescriptions prescriptions)
{
    /// <summary>Valid values only stand in for a description refused by the constructor, so that the other parts are still judged.</summary>
    private const string DescriptionProvisoire = "Action en cours de saisie";

    public async Task<ActionInsertion> CreerAsync(SaisieAction saisie, CancellationToken cancellationToken = default)
    {
        ExigerRedacteur();
        var erreurs = new List<ErreurSaisie>();
        var references = await ResoudreAsync(saisie, null, erreurs, cancellationToken);
        var departementId = db.DepartementCourant.IdObligatoire;
        ActionInsertion action;
        var decrite = true;
        try
        {
            action = new ActionInsertion(
                departementId, references.StructureId ?? Guid.Empty, references.FicheActionId ?? Guid.Empty, saisie.Nom ?? "", saisie.Presentation ?? "",
                saisie.TypeService ?? "");
        }
        catch (RegleMetierException erreur)
        {
            erreurs.Add(new ErreurSaisie(null, erreur.Message));
            action = new ActionInsertion(departementId, Guid.Empty, Guid.Empty, DescriptionProvisoire, DescriptionProvisoire, ReferentielDataInclusion.TypesService[0].Valeur);
            decrite = false;
        }

        Appliquer(action, saisie, references, decrite, erreurs);
        Refuser(erreurs);
        action.MarquerMiseAJour(await prescriptions.AujourdhuiAsync(cancellationToken));
        db.Actions.Add(action);
        journal.Ajouter(ActionJournal.Creation, nameof(ActionInsertion), action.Id);
        await db.SaveChangesAsync(cancellationToken);
        return action;
    }

    public async Task ModifierAsync(Guid actionId, int version, SaisieAction saisie, CancellationToken cancellationToken = default)
    {
        var action = await ChargerAsync(actionId, version, cancellationToken);
        var erreurs = new List<ErreurSaisie>();
        var references = await ResoudreAsync(saisie, action, erreurs, cancellationToken);
        Appliquer(action, saisie, references, decrire: true, erreurs);
        Refuser(erreurs);
        action.MarquerMiseAJour(await prescriptions.AujourdhuiAsync(cancellationToken));
        journal.Ajouter(ActionJournal.Modification, nameof(ActionInsertion), action.Id);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Opens the action to prescriptions and shows it on the public portal and in the feed, or withdraws it.</summary>
    public async Task PublierAsync(Guid actionId, int version, bool publier, CancellationToken cancellationToken = default)
    {
        var action = await ChargerAsync(actionId, version, cancellationToken);
        action.Publier(publier);
        action.MarquerMiseAJour(await prescriptions.AujourdhuiAsync(cancellationToken));
        journal.Ajouter(ActionJournal.Modification, nameof(ActionInsertion), action.Id);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<SessionAction> AjouterSessionAsync(Guid actionId, SaisieSession saisie, CancellationToken cancellationToken = default)
    {
        ExigerRedacteur();
        var action = await db.Actions.SingleOrDefaultAsync(a => a.Id == actionId, cancellationToken) ?? throw new AccesCatalogueRefuseException(introuvable: true);
        VerifierParSessions(action);
        var (libelle, debut, fin, places) = Lire(saisie);
        var session = new SessionAction(action.DepartementId, action.Id, libelle, debut, fin, places);
        action.MarquerMiseAJour(await prescriptions.AujourdhuiAsync(cancellationToken));
        db.SessionsActions.Add(session);
        journal.Ajouter(ActionJournal.Creation, nameof(SessionAction), session.Id);
        await db.SaveChangesAsync(cancellationToken);
        return session;
    }

    public async Task ModifierSessionAsync(Guid actionId, Guid sessionId, int version, SaisieSession saisie, CancellationToken cancellationToken = default)
    {
        ExigerRedacteur();
        var action = await db.Actions.SingleOrDefaultAsync(a => a.Id == actionId, cancellationToken) ?? throw new AccesCatalogueRefuseException(introuvable: true);
        var session = await db.SessionsActions.SingleOrDefaultAsync(s => s.Id == sessionId && s.ActionId == actionId, cancellationToken)
            ?? throw new AccesCatalogueRefuseException(introuvable: true);
        Concurrence.VerifierVersion(session, version);
        db.Entry(session).Property(s => s.Version).OriginalValue = version;
        var (libelle, debut, fin, places) = Lire(saisie);
        var aujourdhui = await prescriptions.AujourdhuiAsync(cancellationToken);
        var prises = action.ModeCapacite == ModeCapacite.Sessions ? await prescriptions.PlacesOccupeesAsync(action, sessionId, aujourdhui, cancellationToken) : 0;
        if (places < prises)
        {
            throw new RegleMetierException(
                $"{prises} personne{(prises > 1 ? "s ont" : " a")} déjà une place dans cette session : elle ne peut pas compter moins de {prises} places.");
        }

        session.Modifier(libelle, debut, fin, places);
        action.MarquerMiseAJour(aujourdhui);
        journal.Ajouter(ActionJournal.Modification, nameof(SessionAction), session.Id);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The ids and codes of the form, each found in the current département; what is not found is an error.</summary>
    private async Task<References> ResoudreAsync(SaisieAction saisie, ActionInsertion? actuelle, List<ErreurSaisie> erreurs, CancellationToken cancellationToken)
    {
        Guid? structureId = null;
        if (saisie.StructureId is { } idStructure)
        {
            // Filtered on the département; an inactive structure stays accepted on the action it already runs.
            var structure = await db.Structures.AsNoTracking()
                .Where(s => s.Id == idStructure && s.Type != TypeStructure.Plateforme)
                .Select(s => new { s.Id, s.Active })
                .SingleOrDefaultAsync(cancellationToken);
            if (structure is not null && (structure.Active || structure.Id == actuelle?.StructureId))
            {
                structureId = structure.Id;
            }
            else
            {
                erreurs.Add(new ErreurSaisie(nameof(SaisieAction.StructureId), "Choisissez une structure active de votre département."));
            }
        }
        else
        {
            erreurs.Add(new ErreurSaisie(nameof(SaisieAction.StructureId), "Choisissez la structure qui porte l'action."));
        }

        Guid? ficheId = null;
        if (saisie.FicheActionId is { } idFiche && await db.FichesActions.AnyAsync(f => f.Id == idFiche, cancellationToken))
        {
            ficheId = idFiche;
        }
        else
        {
            erreurs.Add(new ErreurSaisie(nameof(SaisieAction.FicheActionId), "Choisissez une fiche-action d'un programme de votre département."));
        }

        var territoires = saisie.TerritoireIds.Distinct().ToList();
        if (territoires.Count > 0 && await db.Territoires.CountAsync(t => territoires.Contains(t.Id), cancellationToken) != territoires.Count)
        {
            erreurs.Add(new ErreurSaisie(nameof(SaisieAction.TerritoireIds), "Choisissez des territoires de votre département."));
        }

        string? commune = null;
        if (!string.IsNullOrWhiteSpace(saisie.CommuneCode))
        {
            commune = CommunesDuDepartement.Normaliser(saisie.CommuneCode);
            if (!(await CommunesDuDepartement.TrouverAsync(db, [commune], cancellationToken)).ContainsKey(commune))
            {
                erreurs.Add(new ErreurSaisie(nameof(SaisieAction.CommuneCode), $"Le code {commune} ne correspond à aucune commune de votre département."));
            }
        }

        var desservies = saisie.CodesCommunesDesservies;
        var inconnues = await CommunesDuDepartement.InconnuesAsync(db, desservies, cancellationToken);
        if (inconnues.Count > 0)
        {
            erreurs.Add(new ErreurSaisie(
                nameof(SaisieAction.CommunesDesservies),
                $"{(inconnues.Count == 1 ? "Ce code ne correspond" : "Ces codes ne correspondent")} à aucune commune de votre département : {string.Join(", ", inconnues)}."));
        }

        if (saisie.TypesPrescripteurs.Contains(TypeStructure.Plateforme))
        {
            erreurs.Add(new ErreurSaisie(nameof(SaisieAction.TypesPrescripteurs), "Choisissez les types de structures habilitées parmi ceux du département."));
        }

        return new References(structureId, ficheId, territoires, commune, desservies);
    }

    /// <summary>Every part of the form through the entity's own method; each refusal is kept and the next part judged.</summary>
    private static void Appliquer(ActionInsertion action, SaisieAction s, References references, bool decrire, List<ErreurSaisie> erreurs)
    {
        void Essayer(string? champ, Action etape)
        {
            try
            {
                etape();
            }
            catch (RegleMetierException erreur)
            {
                erreurs.Add(new ErreurSaisie(champ, erreur.Message));
            }
        }

        if (references.StructureId is { } structureId && references.FicheActionId is { } ficheId)
        {
            action.Rattacher(structureId, ficheId);
        }

        if (decrire)
        {
            Essayer(null, () => action.Decrire(s.Nom ?? "", s.Presentation ?? "", s.TypeService ?? "", s.Thematiques, s.Publics, s.ModesAccueil, s.ConditionsAcces));
        }

        Essayer(null, () => action.DefinirLieuEtContact(s.Adresse, references.CommuneCode, s.ContactNom, s.Courriel, s.Telephone, s.Debut, s.Fin));
        Essayer(nameof(SaisieAction.CommunesDesservies), () => action.DefinirZone(references.TerritoireIds, references.CommunesDesservies));
        Essayer(nameof(SaisieAction.AgeMinimum), () => action.DefinirEligibilite(
            s.AgeMinimum, s.AgeMaximum, s.DispositifsCombines, s.ReserveeSoumisDroitsEtDevoirs, s.ReserveeQpv, s.Parcours));
        Essayer(
            s.ModeCapacite == ModeCapacite.ParcoursAnnuels && s.ParcoursParAn is null ? nameof(SaisieAction.ParcoursParAn) : null,
            () => action.DefinirCapaciteEtRythme(s.ModeCapacite, s.ParcoursParAn, s.CadenceEntretiensJours, s.EntretiensPrevus, s.DureeMois));
        Essayer(nameof(SaisieAction.PlafondHeures), () => action.DefinirPlafonds(s.PlafondHeures, s.StageMinimumHeures, s.StageMaximumHeures));
        action.DefinirPrescripteurs(s.TypesPrescripteurs);
        action.Publier(s.Publiee);
    }

    private static void Refuser(List<ErreurSaisie> erreurs)
    {
        if (erreurs.Count > 0)
        {
            throw new SaisieActionRefuseeException(erreurs);
        }
    }

    private static void VerifierParSessions(ActionInsertion action)
    {
        if (action.ModeCapacite != ModeCapacite.Sessions)
        {
            throw new RegleMetierException("Cette action ne compte pas ses places par sessions : choisissez ce mode de capacité dans sa fiche avant d'ajouter une session.");
        }
    }

    private static (string Libelle, DateOnly Debut, DateOnly Fin, int Places) Lire(SaisieSession saisie) => (
        saisie.Libelle ?? "",
        saisie.Debut ?? throw new RegleMetierException("La date de début de la session est obligatoire."),
        saisie.Fin ?? throw new RegleMetierException("La date de fin de la session est obligatoire."),
        saisie.Places ?? throw new RegleMetierException("Le nombre de places de la session est obligatoire."));

    private async Task<ActionInsertion> ChargerAsync(Guid actionId, int version, CancellationToken cancellationToken)
    {
        ExigerRedacteur();
        var action = await db.Actions.Include(a => a.Territoires).SingleOrDefaultAsync(a => a.Id == actionId, cancellationToken)
            ?? throw new AccesCatalogueRefuseException(introuvable: true);
        Concurrence.VerifierVersion(action, version);
        db.Entry(action).Property(a => a.Version).OriginalValue = version;
        return action;
    }

    private void ExigerRedacteur()
    {
        if (agentCourant.Utilisateur is not { } utilisateur || !AccesCatalogue.PeutModifier(utilisateur))
        {
            throw new AccesCatalogueRefuseException(introuvable: false);
        }
    }

    private sealed record References(
        Guid? StructureId, Guid? FicheActionId, IReadOnlyList<Guid> TerritoireIds, string? CommuneCode, IReadOnlyList<string> CommunesDesservies);
}
