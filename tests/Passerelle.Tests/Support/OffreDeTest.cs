using Microsoft.EntityFrameworkCore;
using Passerelle.Domain;

namespace Passerelle.Tests.Support;

/// <summary>
/// Builds the offer and prescriptions in a test database, as the pages would have recorded them: a fiche-action of
/// its own, an action run by a demo structure with the rules a test sets, prescriptions brought to any state by the
/// entity's own transitions.
/// </summary>
public sealed class OffreDeTest(ApplicationDeTest app)
{
    /// <summary>The demo's operator structures, by the account that works there.</summary>
    public static readonly IReadOnlyDictionary<string, string> StructureDe = new Dictionary<string, string>
    {
        ["operateur.mobilite"] = "Plateforme mobilité du Puy-de-Dôme",
        ["operateur.aisp"] = "Association Parcours Auvergne (AISP)",
        ["operateur.cantal"] = "Chantier d'insertion Les Jardins de la Jordanne",
        ["operateur.calvados"] = "Association interprofessionnelle pour la formation continue du Calvados (APR)",
    };

    /// <summary>A programme, an axe and a fiche-action of their own in the département.</summary>
    public async Task<Guid> FicheAsync(string departement = "63", string numero = "9.1")
    {
        var departementId = await app.Base.DepartementAsync(departement);
        await using var db = app.Base.Contexte(departementId);
        var programme = new Programme(departementId, TypeProgramme.Pdi, $"Programme de test {Guid.NewGuid():N}", new DateOnly(2025, 1, 1), new DateOnly(2028, 12, 31));
        var axe = new Axe(departementId, programme.Id, "9", "Axe de test", 9);
        var fiche = new FicheAction(departementId, axe.Id, numero, "Fiche-action de test", 1);
        db.AddRange(programme, axe, fiche);
        await db.SaveChangesAsync();
        return fiche.Id;
    }

    /// <summary>
    /// A published action run by the structure of <paramref name="operateur"/>, open to any référent and any person
    /// unless <paramref name="regler"/> sets its rules.
    /// </summary>
    public async Task<Guid> ActionAsync(
        string nom, string operateur = "operateur.mobilite", string departement = "63", Action<ActionInsertion>? regler = null,
        string typeService = "accompagnement", string[]? thematiques = null)
    {
        var ficheId = await FicheAsync(departement);
        var departementId = await app.Base.DepartementAsync(departement);
        await using var db = app.Base.Contexte(departementId);
        var structureId = await db.Structures.Where(s => s.Nom == StructureDe[operateur]).Select(s => s.Id).SingleAsync();
        var action = new ActionInsertion(departementId, structureId, ficheId, nom, $"Présentation de l'action {nom} pour les tests.", typeService);
        action.Decrire(nom, $"Présentation de l'action {nom} pour les tests.", typeService, thematiques ?? ["mobilite--etre-accompagne-dans-son-parcours-mobilite"], ["beneficiaires-des-minimas-sociaux"], ["en-presentiel"], null);
        regler?.Invoke(action);
        db.Actions.Add(action);
        await db.SaveChangesAsync();
        return action.Id;
    }

    /// <summary>A session of an action counted by sessions.</summary>
    public async Task<Guid> SessionAsync(Guid actionId, int places, DateOnly debut, DateOnly fin, string departement = "63")
    {
        var departementId = await app.Base.DepartementAsync(departement);
        await using var db = app.Base.Contexte(departementId);
        var session = new SessionAction(departementId, actionId, $"Session du {debut:dd/MM/yyyy}", debut, fin, places);
        db.SessionsActions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    }

    /// <summary>
    /// A prescription sent on <paramref name="envoyeeLe"/> by <paramref name="prescripteur"/> with the person's consent,
    /// then brought further by <paramref name="suite"/> (accept, enter, record hours… with the entity's methods).
    /// </summary>
    public async Task<Guid> PrescriptionAsync(
        Guid beneficiaireId, Guid actionId, DateOnly envoyeeLe, string prescripteur = "referent.puydedome", string departement = "63",
        InformationsPartagees partage = InformationsPartagees.Coordonnees | InformationsPartagees.Diagnostic,
        Action<Prescription, ActionInsertion, Guid>? suite = null)
    {
        var departementId = await app.Base.DepartementAsync(departement);
        await using var db = app.Base.Contexte(departementId);
        var agent = await db.Users.SingleAsync(a => a.Email == ClientPasserelle.Email(prescripteur));
        var action = await db.Actions.SingleAsync(a => a.Id == actionId);
        var operateurId = await db.Users.Where(a => a.StructureId == action.StructureId).Select(a => a.Id).FirstAsync();
        var prescription = Prescription.Prescrire(
            departementId, beneficiaireId, action, agent.Id, agent.StructureId, envoyeeLe, "Lever les freins à la mobilité pour accéder à l'emploi.",
            ["mobilite"], partage, envoyeeLe);
        suite?.Invoke(prescription, action, operateurId);
        db.Prescriptions.Add(prescription);
        await db.SaveChangesAsync();
        return prescription.Id;
    }
}
