using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.ATraiter;
using Passerelle.Features.Beneficiaires;
using Passerelle.Features.Shared;
using Passerelle.Infrastructure.Auth;

namespace Passerelle.Features.Prescriptions.ATraiter;

/// <summary>The sections of <c>/a-traiter</c> that prescriptions give: the operator's answers, bilans and follow-ups due, the référent's unanswered prescriptions.</summary>
public static class ServicesSuiviPrescriptions
{
    public static void AddSuiviPrescriptions(IServiceCollection services)
    {
        services.AddScoped<ISectionATraiter, PrescriptionsARepondre>();
        services.AddScoped<ISectionATraiter, BilansAEcrire>();
        services.AddScoped<ISectionATraiter, SuivisASixMois>();
        services.AddScoped<ISectionATraiter, PrescriptionsSansReponse>();
        Expiration.PlanificationExpiration.AddExpirationPrescriptions(services);
    }

    /// <summary>The operator's entry to the work queue, in the navigation.</summary>
    public static readonly (Role Role, LienNavigation Lien)[] LiensNavigation =
    [
        (Role.Operateur, new("/a-traiter", "À traiter", "Les prescriptions reçues à accepter ou refuser, les bilans à écrire et les suivis à six mois.")),
    ];

    internal static string Jour(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    internal static SectionATraiter Vide(string cle, string titre, string description, string vide) => new(cle, titre, description, 0, [], vide);
}

/// <summary>The prescriptions received by the operator's structure and not answered yet, oldest first: they expire at the end of the delay.</summary>
public sealed class PrescriptionsARepondre(PasserelleDbContext db, PerimetreDossiers perimetre) : ISectionATraiter
{
    private const string Cle = "prescriptions-recues";
    private const string Titre = "Prescriptions à traiter";
    private const string Description = "Les prescriptions reçues par votre structure, à accepter, refuser ou mettre en liste d'attente avant leur expiration.";
    private const string MessageVide = "Aucune prescription n'attend votre réponse.";

    public int Ordre => 600;

    public bool Concerne(ClaimsPrincipal utilisateur) => utilisateur.EstDans(Role.Operateur);

    public async Task<SectionATraiter> ChargerAsync(ContexteATraiter contexte, CancellationToken cancellationToken)
    {
        if (await perimetre.PrescriptionsVisiblesOperateurAsync(cancellationToken) is not { } visibles)
        {
            return ServicesSuiviPrescriptions.Vide(Cle, Titre, Description, MessageVide);
        }

        var delai = await DelaiReponse.JoursAsync(db, contexte.Aujourdhui, cancellationToken);
        var envoyees = visibles.Where(p => p.Etat == EtatPrescription.Envoyee);
        var nombre = await envoyees.CountAsync(cancellationToken);
        var elements = await envoyees
            .OrderBy(p => p.EnvoyeeLe).ThenBy(p => p.Id)
            .Take(SectionsATraiter.ElementsAffiches)
            .Select(p => new
            {
                p.Id, p.EnvoyeeLe,
                Personne = db.Beneficiaires.Where(b => b.Id == p.BeneficiaireId).Select(b => b.Prenoms + " " + (b.NomUsage ?? b.NomNaissance)).First(),
                Action = db.Actions.Where(a => a.Id == p.ActionId).Select(a => a.Nom).First(),
            })
            .ToListAsync(cancellationToken);
        return new SectionATraiter(
            Cle, Titre, Description, nombre,
            elements.Select(e =>
            {
                var echeance = DelaiReponse.Expiration(e.EnvoyeeLe, delai);
                return new ElementATraiter(
                    e.Personne, ServicePrescriptions.UrlOperateur(e.Id),
                    $"« {e.Action} », reçue le {ServicesSuiviPrescriptions.Jour(e.EnvoyeeLe)} : sans réponse, elle expire le {ServicesSuiviPrescriptions.Jour(echeance)}",
                    echeance);
            }).ToList(),
            MessageVide);
    }
}

/// <summary>
/// The running prescriptions whose bilan falls due within the week or is late: the intermediate one at half the action's
/// duration, the final one at its end. An action without a duration sets no date, so it asks for none here.
/// </summary>
public sealed class BilansAEcrire(PasserelleDbContext db, PerimetreDossiers perimetre) : ISectionATraiter
{
    private const string Cle = "bilans";
    private const string Titre = "Bilans à écrire";
    private const string Description = "Les bilans intermédiaires (à mi-parcours) et finaux (à la fin de la durée prévue) attendus dans les 7 jours ou en retard.";
    private const string MessageVide = "Aucun bilan n'est attendu cette semaine.";

    public int Ordre => 610;

    public bool Concerne(ClaimsPrincipal utilisateur) => utilisateur.EstDans(Role.Operateur);

    public async Task<SectionATraiter> ChargerAsync(ContexteATraiter contexte, CancellationToken cancellationToken)
    {
        if (await perimetre.PrescriptionsVisiblesOperateurAsync(cancellationToken) is not { } visibles)
        {
            return ServicesSuiviPrescriptions.Vide(Cle, Titre, Description, MessageVide);
        }

        // The running prescriptions of one structure are a few hundred at most: their dates are computed here, with
        // the calendar's months, rather than in two SQL dialects.
        var enCours = await visibles.Where(p => p.Etat == EtatPrescription.EnCours && p.EntreeLe != null)
            .Join(db.Actions.Where(a => a.DureeMois != null), p => p.ActionId, a => a.Id, (p, a) => new
            {
                p.Id, p.BeneficiaireId, Entree = p.EntreeLe!.Value, Duree = a.DureeMois!.Value, Action = a.Nom,
                Intermediaire = db.BilansPrescriptions.Any(b => b.PrescriptionId == p.Id && b.Type == TypeBilan.Intermediaire),
                Final = db.BilansPrescriptions.Any(b => b.PrescriptionId == p.Id && b.Type == TypeBilan.Final),
            })
            .ToListAsync(cancellationToken);
        var limite = contexte.Aujourdhui.AddDays(SectionsATraiter.JoursEcheanceProche);
        var dus = enCours
            .Select(p =>
            {
                var fin = p.Entree.AddMonths(p.Duree);
                var milieu = p.Entree.AddDays((fin.DayNumber - p.Entree.DayNumber) / 2);
                TypeBilan? type = !p.Final && fin <= limite ? TypeBilan.Final
                    : !p.Final && !p.Intermediaire && milieu <= limite ? TypeBilan.Intermediaire
                    : null;
                return new { p.Id, p.BeneficiaireId, p.Action, p.Entree, Type = type, Echeance = type == TypeBilan.Final ? fin : milieu };
            })
            .Where(p => p.Type is not null)
            .OrderBy(p => p.Echeance).ThenBy(p => p.Id)
            .ToList();
        var affiches = dus.Take(SectionsATraiter.ElementsAffiches).ToList();
        var ids = affiches.Select(p => p.BeneficiaireId).Distinct().ToList();
        var personnes = await db.Beneficiaires.Where(b => ids.Contains(b.Id))
            .ToDictionaryAsync(b => b.Id, b => b.Prenoms + " " + (b.NomUsage ?? b.NomNaissance), cancellationToken);
        return new SectionATraiter(
            Cle, Titre, Description, dus.Count,
            affiches.Select(e => new ElementATraiter(
                personnes.GetValueOrDefault(e.BeneficiaireId, ""), ServicePrescriptions.UrlOperateur(e.Id),
                $"{e.Type!.Value.Libelle()} de « {e.Action} » {(e.Echeance < contexte.Aujourdhui ? "attendu depuis le" : "attendu le")} {ServicesSuiviPrescriptions.Jour(e.Echeance)} (entrée le {ServicesSuiviPrescriptions.Jour(e.Entree)})",
                e.Echeance)).ToList(),
            MessageVide);
    }
}

/// <summary>The exits whose six-month follow-up is due within the week or late, while the operator still sees the person.</summary>
public sealed class SuivisASixMois(PasserelleDbContext db, PerimetreDossiers perimetre) : ISectionATraiter
{
    private const string Cle = "suivis";
    private const string Titre = "Suivis à six mois";
    private const string Description = "La situation des personnes six mois après leur sortie, à renseigner dans les 7 jours ou en retard.";
    private const string MessageVide = "Aucun suivi à six mois n'est attendu cette semaine.";

    public int Ordre => 620;

    public bool Concerne(ClaimsPrincipal utilisateur) => utilisateur.EstDans(Role.Operateur);

    public async Task<SectionATraiter> ChargerAsync(ContexteATraiter contexte, CancellationToken cancellationToken)
    {
        if (await perimetre.PrescriptionsVisiblesOperateurAsync(cancellationToken) is not { } visibles)
        {
            return ServicesSuiviPrescriptions.Vide(Cle, Titre, Description, MessageVide);
        }

        // Visible exits without a follow-up are those of the last seven months: few, and judged with the entity's own date.
        var sorties = await visibles.Where(p => p.Etat == EtatPrescription.Sortie && p.SuiviLe == null && p.SortieLe != null)
            .Select(p => new { p.Id, p.BeneficiaireId, Sortie = p.SortieLe!.Value, p.Issue, Action = db.Actions.Where(a => a.Id == p.ActionId).Select(a => a.Nom).First() })
            .ToListAsync(cancellationToken);
        var limite = contexte.Aujourdhui.AddDays(SectionsATraiter.JoursEcheanceProche);
        var dus = sorties
            .Select(p => new { p.Id, p.BeneficiaireId, p.Sortie, p.Issue, p.Action, Du = p.Sortie.AddMonths(Prescription.MoisSuivi) })
            .Where(p => p.Du <= limite)
            .OrderBy(p => p.Du).ThenBy(p => p.Id)
            .ToList();
        var affiches = dus.Take(SectionsATraiter.ElementsAffiches).ToList();
        var ids = affiches.Select(p => p.BeneficiaireId).Distinct().ToList();
        var personnes = await db.Beneficiaires.Where(b => ids.Contains(b.Id))
            .ToDictionaryAsync(b => b.Id, b => b.Prenoms + " " + (b.NomUsage ?? b.NomNaissance), cancellationToken);
        return new SectionATraiter(
            Cle, Titre, Description, dus.Count,
            affiches.Select(e => new ElementATraiter(
                personnes.GetValueOrDefault(e.BeneficiaireId, ""), ServicePrescriptions.UrlOperateur(e.Id),
                $"Sortie de « {e.Action} » le {ServicesSuiviPrescriptions.Jour(e.Sortie)}{(e.Issue is { } issue ? $" ({issue.Libelle().ToLower(CultureInfo.CurrentCulture)})" : "")} : suivi à renseigner à partir du {ServicesSuiviPrescriptions.Jour(e.Du)}",
                e.Du)).ToList(),
            MessageVide);
    }
}

/// <summary>
/// The référent's own prescriptions that need him: sent and still unanswered past half the delay, or expired or refused
/// in the last 30 days (another action may be prescribed). Only for the people he still sees.
/// </summary>
public sealed class PrescriptionsSansReponse(PasserelleDbContext db, PerimetreDossiers perimetre) : ISectionATraiter
{
    /// <summary>An expired or refused prescription stays in the queue this many days.</summary>
    public const int JoursRecents = 30;

    public int Ordre => 650;

    public bool Concerne(ClaimsPrincipal utilisateur) => utilisateur.EstDans(Role.Referent);

    public async Task<SectionATraiter> ChargerAsync(ContexteATraiter contexte, CancellationToken cancellationToken)
    {
        var visibles = await perimetre.VisiblesAsync(cancellationToken);
        var agentId = contexte.AgentId;
        var aujourdhui = contexte.Aujourdhui;
        var delai = await DelaiReponse.JoursAsync(db, aujourdhui, cancellationToken);
        var envoyeeAuPlusTard = aujourdhui.AddDays(-(delai / 2));
        var depuis = aujourdhui.AddDays(-JoursRecents);
        var prescriptions = db.Prescriptions.Where(p => p.PrescripteurId == agentId && visibles.Any(b => b.Id == p.BeneficiaireId)
            && ((p.Etat == EtatPrescription.Envoyee && p.EnvoyeeLe <= envoyeeAuPlusTard)
                || (p.Etat == EtatPrescription.Expiree && p.ExpireeLe >= depuis)
                || (p.Etat == EtatPrescription.Refusee && p.RefuseeLe >= depuis)));
        var nombre = await prescriptions.CountAsync(cancellationToken);
        var elements = await prescriptions
            .OrderBy(p => p.EnvoyeeLe).ThenBy(p => p.Id)
            .Take(SectionsATraiter.ElementsAffiches)
            .Select(p => new
            {
                p.Id, p.Etat, p.EnvoyeeLe, p.ExpireeLe, p.RefuseeLe, p.MotifRefus,
                Personne = db.Beneficiaires.Where(b => b.Id == p.BeneficiaireId).Select(b => b.Prenoms + " " + (b.NomUsage ?? b.NomNaissance)).First(),
                Action = db.Actions.Where(a => a.Id == p.ActionId).Select(a => a.Nom).First(),
            })
            .ToListAsync(cancellationToken);
        return new SectionATraiter(
            "prescriptions-sans-reponse", "Prescriptions sans réponse ou expirées",
            $"Vos prescriptions sans réponse depuis plus de {delai / 2} jours, et celles expirées ou refusées ces {JoursRecents} derniers jours : relancez l'opérateur ou prescrivez une autre action.",
            nombre,
            elements.Select(e => e.Etat switch
            {
                EtatPrescription.Expiree => new ElementATraiter(
                    e.Personne, ServicePrescriptions.UrlReferent(e.Id),
                    $"« {e.Action} », envoyée le {ServicesSuiviPrescriptions.Jour(e.EnvoyeeLe)} : expirée sans réponse le {ServicesSuiviPrescriptions.Jour(e.ExpireeLe!.Value)}"),
                EtatPrescription.Refusee => new ElementATraiter(
                    e.Personne, ServicePrescriptions.UrlReferent(e.Id),
                    $"« {e.Action} », envoyée le {ServicesSuiviPrescriptions.Jour(e.EnvoyeeLe)} : refusée le {ServicesSuiviPrescriptions.Jour(e.RefuseeLe!.Value)} ({e.MotifRefus})"),
                _ => new ElementATraiter(
                    e.Personne, ServicePrescriptions.UrlReferent(e.Id),
                    $"« {e.Action} », envoyée le {ServicesSuiviPrescriptions.Jour(e.EnvoyeeLe)} : toujours sans réponse, elle expire le {ServicesSuiviPrescriptions.Jour(DelaiReponse.Expiration(e.EnvoyeeLe, delai))}",
                    DelaiReponse.Expiration(e.EnvoyeeLe, delai)),
            }).ToList(),
            "Toutes vos prescriptions ont reçu une réponse.");
    }
}
