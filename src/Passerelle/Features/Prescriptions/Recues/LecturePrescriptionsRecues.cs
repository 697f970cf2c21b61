using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Beneficiaires;
using Passerelle.Features.Beneficiaires.Diagnostic;
using Passerelle.Features.Shared;

namespace Passerelle.Features.Prescriptions.Recues;

/// <summary>One tab of the operator's inbox: one state of the prescriptions he sees.</summary>
public sealed record OngletRecues(string Cle, string Libelle, EtatPrescription Etat);

/// <summary>A line of the inbox: the person's name is always shared, the rest is the prescription's.</summary>
public sealed record LignePrescriptionRecue(
    Guid Id, Guid BeneficiaireId, string Nom, string Prenoms, string Action, string? Prescripteur, string? StructurePrescripteur,
    DateOnly EnvoyeeLe, EtatPrescription Etat, DateOnly? SortieLe, DateOnly? SuiviLe)
{
    public DateOnly? SuiviDu => SortieLe?.AddMonths(Prescription.MoisSuivi);
}

/// <summary>The person as the operator sees her: identity always, each other block only when a prescription shares it (null otherwise).</summary>
public sealed record PersonnePartagee(
    Guid Id, string Nom, string Prenoms, DateOnly DateNaissance, InformationsPartagees Partage, CoordonneesPartagees? Coordonnees,
    IReadOnlyList<EtatTheme>? Freins, ContratPartage? Contrat, ParcoursPartage? Parcours)
{
    public string NomComplet => $"{Prenoms} {Nom}";
}

public sealed record CoordonneesPartagees(string? Telephone, string? Courriel, string? Adresse, string? Commune);

public sealed record ContratPartage(DateOnly Debut, DateOnly Fin, string? Objectifs);

public sealed record ParcoursPartage(TypeParcours Parcours, string Organisme, DateOnly DateDecision);

/// <summary>A session of the action with what is left of its places.</summary>
public sealed record SessionLibre(Guid Id, string Libelle, DateOnly Debut, DateOnly Fin, int Places, int Libres)
{
    public string Description => $"{Libelle}, du {Debut:dd/MM/yyyy} au {Fin:dd/MM/yyyy} ({Libres} place{(Libres > 1 ? "s" : "")} libre{(Libres > 1 ? "s" : "")} sur {Places})";
}

/// <summary>Everything the operator's page of one prescription shows.</summary>
public sealed class FichePrescriptionRecue
{
    public required Prescription Prescription { get; init; }
    public required ActionInsertion Action { get; init; }
    public required PersonnePartagee Personne { get; init; }
    public required string? Prescripteur { get; init; }
    public required string? StructurePrescripteur { get; init; }
    public required IReadOnlyDictionary<string, string> LibellesFreins { get; init; }
    /// <summary>The active themes of the département's list, offered as the barriers a bilan lifts.</summary>
    public required IReadOnlyList<ThemeFrein> Themes { get; init; }
    public required IReadOnlyList<SessionLibre> Sessions { get; init; }
    public required string? Session { get; init; }
    public required IReadOnlyList<RendezVous> Entretiens { get; init; }
    public required DateOnly Aujourdhui { get; init; }
    public required int DelaiReponseJours { get; init; }

    public DateOnly RepondreAvant => Prescription.EnvoyeeLe.AddDays(DelaiReponseJours);
    public int JoursRestants => RepondreAvant.DayNumber - Aujourdhui.DayNumber;
    public decimal TotalHeures => Prescription.Heures.Sum(h => h.Heures);
    public decimal HeuresStage => Prescription.Heures.Where(h => h.Nature == NatureHeures.Stage).Sum(h => h.Heures);

    public string Libelle(string codeFrein) => LibellesFreins.GetValueOrDefault(codeFrein, codeFrein);
}

/// <summary>
/// The reads of the operator's side, all from <see cref="PerimetreDossiers.PrescriptionsVisiblesOperateurAsync"/> and
/// <see cref="ServicePrescriptions.ExigerOperateurAsync"/>: the inbox, one prescription, one person. What a prescription
/// does not share is never loaded, so that no page can show it by mistake.
/// </summary>
public sealed class LecturePrescriptionsRecues(
    PasserelleDbContext db, PerimetreDossiers perimetre, ServicePrescriptions prescriptions, ServiceDiagnostic diagnostic)
{
    public static readonly IReadOnlyList<OngletRecues> Onglets =
    [
        new("a-repondre", "À répondre", EtatPrescription.Envoyee),
        new("attente", "Liste d'attente", EtatPrescription.EnAttente),
        new("acceptees", "Acceptées", EtatPrescription.Acceptee),
        new("en-cours", "En cours", EtatPrescription.EnCours),
        new("sorties", "Sorties — suivi à six mois", EtatPrescription.Sortie),
    ];

    /// <summary>The prescriptions the operator sees today; none for an operator without a structure.</summary>
    public async Task<IQueryable<Prescription>> VisiblesAsync(CancellationToken cancellationToken = default) =>
        await perimetre.PrescriptionsVisiblesOperateurAsync(cancellationToken) ?? db.Prescriptions.Where(_ => false);

    public static IQueryable<LignePrescriptionRecue> Projeter(PasserelleDbContext db, IQueryable<Prescription> requete) =>
        from p in requete
        join b in db.Beneficiaires on p.BeneficiaireId equals b.Id
        select new LignePrescriptionRecue(
            p.Id, p.BeneficiaireId, b.NomUsage ?? b.NomNaissance, b.Prenoms,
            db.Actions.Where(a => a.Id == p.ActionId).Select(a => a.Nom).FirstOrDefault() ?? "",
            db.Users.Where(a => a.Id == p.PrescripteurId).Select(a => a.Prenom + " " + a.Nom).FirstOrDefault(),
            db.Structures.Where(s => s.Id == p.StructurePrescripteurId).Select(s => s.Nom).FirstOrDefault(),
            p.EnvoyeeLe, p.Etat, p.SortieLe, p.SuiviLe);

    /// <summary>One page of a tab, the oldest first where an answer is awaited, the latest first elsewhere.</summary>
    public async Task<PageDe<LignePrescriptionRecue>> ListerAsync(
        IQueryable<Prescription> requete, EtatPrescription etat, int page, CancellationToken cancellationToken = default)
    {
        var onglet = requete.Where(p => p.Etat == etat);
        onglet = etat is EtatPrescription.Envoyee or EtatPrescription.EnAttente
            ? onglet.OrderBy(p => p.EnvoyeeLe).ThenBy(p => p.Id)
            : etat == EtatPrescription.Sortie
                ? onglet.OrderBy(p => p.SortieLe).ThenBy(p => p.Id)
                : onglet.OrderByDescending(p => p.EnvoyeeLe).ThenBy(p => p.Id);
        return await Projeter(db, onglet).PaginerAsync(page, cancellationToken: cancellationToken);
    }

    public static async Task<Dictionary<EtatPrescription, int>> CompterAsync(IQueryable<Prescription> requete, CancellationToken cancellationToken = default) =>
        await requete.GroupBy(p => p.Etat).Select(g => new { g.Key, Nombre = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Nombre, cancellationToken);

    /// <summary>The prescription and what it shares; throws <see cref="AccesPrescriptionRefuseException"/> outside the operator's view.</summary>
    public async Task<FichePrescriptionRecue> FicheAsync(Guid prescriptionId, CancellationToken cancellationToken = default)
    {
        var prescription = await prescriptions.ExigerOperateurAsync(prescriptionId, cancellationToken);
        var action = await db.Actions.AsNoTracking().SingleAsync(a => a.Id == prescription.ActionId, cancellationToken);
        var aujourdhui = await prescriptions.AujourdhuiAsync(cancellationToken);
        var themes = await diagnostic.ThemesAsync(cancellationToken);
        var prescripteur = await db.Users.AsNoTracking().Where(a => a.Id == prescription.PrescripteurId)
            .Select(a => a.Prenom + " " + a.Nom).SingleOrDefaultAsync(cancellationToken);
        var structure = await db.Structures.AsNoTracking().Where(s => s.Id == prescription.StructurePrescripteurId)
            .Select(s => s.Nom).SingleOrDefaultAsync(cancellationToken);

        var sessions = new List<SessionLibre>();
        if (action.ModeCapacite == ModeCapacite.Sessions)
        {
            var aVenir = await db.SessionsActions.AsNoTracking()
                .Where(s => s.ActionId == action.Id && (s.Fin >= aujourdhui || s.Id == prescription.SessionId))
                .OrderBy(s => s.Debut).ToListAsync(cancellationToken);
            foreach (var session in aVenir)
            {
                var prises = await prescriptions.PlacesOccupeesAsync(action, session.Id, aujourdhui, cancellationToken);
                sessions.Add(new SessionLibre(session.Id, session.Libelle, session.Debut, session.Fin, session.Places, Math.Max(0, session.Places - prises)));
            }
        }

        var sessionTenue = prescription.SessionId is { } sessionId
            ? await db.SessionsActions.AsNoTracking().Where(s => s.Id == sessionId)
                .Select(s => s.Libelle).SingleOrDefaultAsync(cancellationToken)
            : null;
        var entretiens = await db.RendezVous.AsNoTracking()
            .Where(r => r.PrescriptionId == prescription.Id && r.BeneficiaireId == prescription.BeneficiaireId)
            .OrderBy(r => r.Debut).ToListAsync(cancellationToken);

        return new FichePrescriptionRecue
        {
            Prescription = prescription,
            Action = action,
            Personne = await PersonneAsync(prescription.BeneficiaireId, prescription.Partage, prescription.ContratId, aujourdhui, cancellationToken),
            Prescripteur = prescripteur,
            StructurePrescripteur = structure,
            LibellesFreins = themes.ToDictionary(t => t.Code, t => t.Libelle, StringComparer.Ordinal),
            Themes = themes.Where(t => t.Actif).ToList(),
            Sessions = sessions,
            Session = sessionTenue,
            Entretiens = entretiens,
            Aujourdhui = aujourdhui,
            DelaiReponseJours = await prescriptions.DelaiReponseAsync(aujourdhui, cancellationToken),
        };
    }

    /// <summary>
    /// The person with only what <paramref name="partage"/> opens. The contract shared is the one the prescription
    /// was written under, or else the one in force today.
    /// </summary>
    public async Task<PersonnePartagee> PersonneAsync(
        Guid beneficiaireId, InformationsPartagees partage, Guid? contratId, DateOnly aujourdhui, CancellationToken cancellationToken = default)
    {
        var identite = await db.Beneficiaires.AsNoTracking().Where(b => b.Id == beneficiaireId)
            .Select(b => new { Nom = b.NomUsage ?? b.NomNaissance, b.Prenoms, b.DateNaissance })
            .SingleAsync(cancellationToken);

        CoordonneesPartagees? coordonnees = null;
        if (partage.HasFlag(InformationsPartagees.Coordonnees))
        {
            coordonnees = await db.Beneficiaires.AsNoTracking().Where(b => b.Id == beneficiaireId)
                .Select(b => new CoordonneesPartagees(
                    b.Telephone, b.Courriel, b.Adresse,
                    db.Communes.Where(c => c.Code == b.CommuneCode).Select(c => c.Nom + " (" + c.Code + ")").FirstOrDefault()))
                .SingleAsync(cancellationToken);
        }

        IReadOnlyList<EtatTheme>? freins = null;
        if (partage.HasFlag(InformationsPartagees.Diagnostic))
        {
            // The level and date of each theme; the référent's comments stay in the dossier.
            freins = (await diagnostic.LireAsync(beneficiaireId, cancellationToken)).Derniers
                .Select(e => e with { Commentaire = null, Auteur = null }).ToList();
        }

        ContratPartage? contrat = null;
        if (partage.HasFlag(InformationsPartagees.Contrat))
        {
            var contrats = db.ContratsEngagement.AsNoTracking().Where(c => c.BeneficiaireId == beneficiaireId);
            contrat = await contrats.Where(c => c.Id == contratId)
                .Select(c => new ContratPartage(c.Debut, c.Fin, c.Objectifs)).SingleOrDefaultAsync(cancellationToken)
                ?? await contrats.Where(c => c.Debut <= aujourdhui && c.Fin >= aujourdhui && (c.Etat == EtatContrat.Signe || c.Etat == EtatContrat.EnCours))
                    .OrderByDescending(c => c.Debut).Select(c => new ContratPartage(c.Debut, c.Fin, c.Objectifs)).FirstOrDefaultAsync(cancellationToken);
        }

        ParcoursPartage? parcours = null;
        if (partage.HasFlag(InformationsPartagees.Orientation))
        {
            parcours = await db.DecisionsOrientation.AsNoTracking().Where(o => o.BeneficiaireId == beneficiaireId && o.Fin == null)
                .OrderByDescending(o => o.DateDecision)
                .Select(o => new ParcoursPartage(o.Parcours, o.LibelleOrganisme, o.DateDecision)).FirstOrDefaultAsync(cancellationToken);
        }

        return new PersonnePartagee(beneficiaireId, identite.Nom, identite.Prenoms, identite.DateNaissance, partage, coordonnees, freins, contrat, parcours);
    }
}
