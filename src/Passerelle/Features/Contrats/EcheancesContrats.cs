using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;

namespace Passerelle.Features.Contrats;

/// <summary>
/// Where one person stands against the contract deadline, judged on <see cref="Aujourdhui"/>: the orientation in
/// force, the due date computed from its notification, and whether a signed contract already answers it.
/// </summary>
public sealed record SituationContrat(
    DateOnly Aujourdhui, Guid? OrientationId, TypeParcours? Parcours, OrganismeOrientation? Organisme, string? LibelleOrganisme,
    DateOnly? DateDecision, DateOnly? Notification, DateOnly? Echeance, bool Couvert)
{
    public static SituationContrat SansOrientation(DateOnly aujourdhui) => new(aujourdhui, null, null, null, null, null, null, null, false);

    public bool AUneOrientation => OrientationId is not null;

    /// <summary>The decision is taken but its letter is not sent: the delay has not started.</summary>
    public bool NonNotifiee => AUneOrientation && Notification is null;

    /// <summary>Notified, but no setting of the delay was valid on the notification day: no due date can be given.</summary>
    public bool DelaiInconnu => Notification is not null && Echeance is null;

    /// <summary>Notified before the law came into force: the transitional date applies.</summary>
    public bool Transitoire => Notification < DelaiContrat.EntreeEnVigueur;

    /// <summary>Past the due date without a signed contract; the due date itself is still within the delay.</summary>
    public bool EnRetard => !Couvert && Echeance is { } echeance && Aujourdhui > echeance;

    /// <summary>Days left before the due date (negative once past it).</summary>
    public int? JoursRestants => Echeance is { } echeance ? echeance.DayNumber - Aujourdhui.DayNumber : null;

    /// <summary>France Travail, Cap emploi and the Missions locales sign the contract themselves: it is recorded as external.</summary>
    public bool SigneAilleurs => Organisme is { } organisme && organisme.SigneLeContratAilleurs();
}

/// <summary>A person who owes a contract: see <see cref="EcheancesContrats.ListerAsync"/>.</summary>
public sealed record EcheanceContrat(
    Guid BeneficiaireId, Guid OrientationId, OrganismeOrientation Organisme, DateOnly Notification, DateOnly? Echeance, bool EnRetard)
{
    /// <summary>Days left before the due date (negative once past it); null when no delay setting applies.</summary>
    public int? JoursRestants(DateOnly aujourdhui) => Echeance is { } echeance ? echeance.DayNumber - aujourdhui.DayNumber : null;
}

/// <summary>
/// Who owes a contrat d'engagement, and by when: the one rule the contract pages, the portfolio alerts and the
/// list of possible manquements share.
/// <para>
/// <b>The due date</b> (<see cref="DelaiContrat.Echeance"/>) runs from the notification of the orientation
/// <i>in force</i> (a réorientation starts it again), for the months of the setting
/// <see cref="ClesParametres.DelaiContrat"/> valid <i>on the notification day</i>: a later change of the setting
/// never moves a running deadline. People notified before 1 January 2025 (already accompanied when the law came
/// into force) have the transitional date <see cref="ClesParametres.DateTransitoireContrat"/> instead, read as valid
/// on the day of judgement: it is one deadline set by law for that whole group, and when the law moves it, every
/// deadline of the group moves with it.
/// </para>
/// <para>
/// <b>A person owes nothing</b> ("couvert") when a contract signed by the person — <see cref="EtatContrat.Signe"/>
/// or <see cref="EtatContrat.Clos"/>, external contracts included (they are recorded signed) — either
/// <list type="bullet">
/// <item>was signed for the orientation in force (linked to it, or signed on or after its decision day), or</item>
/// <item>covers the day of judgement (from its start to its end, and not closed before that day), so that a person
/// re-oriented in the middle of a running contract is not reported until it ends.</item>
/// </list>
/// Drafts, submitted and validated contracts do not count: only the person's signature does.
/// </para>
/// <para>
/// <b>Who is listed</b>: open dossiers with an orientation in force that has been notified (without notification
/// the delay has not started, so nothing is due yet) and that owe a contract. People without an orientation belong
/// to the orientation queue, not here.
/// </para>
/// <para>
/// <b>Scope</b>: the caller passes the people it may see, already scoped (<c>PerimetreDossiers.VisiblesAsync()</c>,
/// or <c>Portefeuille(...)</c>). The query composes on it, so the tenant filter of the caller's query applies to the
/// whole query: a job running outside a request passes <c>db.Beneficiaires.IgnoreQueryFilters([FiltreDepartement])
/// .Where(b =&gt; b.DepartementId == ...)</c> and gets the same answer. The dated settings are read for the
/// départements of the people found, whatever the current département.
/// </para>
/// </summary>
public static class EcheancesContrats
{
    /// <summary>
    /// The people of <paramref name="personnes"/> who owe a contract on <paramref name="aujourdhui"/>, whether or
    /// not the due date is past. Composable in SQL (counts, pagination, joins with other alerts); the due dates
    /// themselves come from <see cref="ListerAsync"/>.
    /// </summary>
    public static IQueryable<Beneficiaire> SansContrat(PasserelleDbContext db, IQueryable<Beneficiaire> personnes, DateOnly aujourdhui)
    {
        var dus = Lignes(db, personnes, aujourdhui).Where(l => l.Notification != null && !l.Clos && !l.Couvert).Select(l => l.BeneficiaireId);
        return personnes.Where(b => dus.Contains(b.Id));
    }

    /// <summary>
    /// The people of <paramref name="personnes"/> who owe a contract on <paramref name="aujourdhui"/>, each with the
    /// due date and whether it is past, the most urgent first. <see cref="EcheanceContrat.Echeance"/> is null (and the
    /// person not late) only when no delay setting was valid on the notification day.
    /// </summary>
    public static async Task<List<EcheanceContrat>> ListerAsync(
        PasserelleDbContext db, IQueryable<Beneficiaire> personnes, DateOnly aujourdhui, CancellationToken cancellationToken = default)
    {
        var lignes = await Lignes(db, personnes, aujourdhui)
            .Where(l => l.Notification != null && !l.Clos && !l.Couvert)
            .ToListAsync(cancellationToken);
        if (lignes.Count == 0)
        {
            return [];
        }

        var parametres = await ParametresAsync(db, lignes.Select(l => l.DepartementId).Distinct().ToList(), cancellationToken);
        return lignes
            .Select(l =>
            {
                var echeance = Echeance(parametres, l.DepartementId, l.Notification!.Value, aujourdhui);
                return new EcheanceContrat(l.BeneficiaireId, l.OrientationId, l.Organisme, l.Notification.Value, echeance, echeance < aujourdhui);
            })
            .OrderBy(e => e.Echeance ?? DateOnly.MaxValue).ThenBy(e => e.BeneficiaireId)
            .ToList();
    }

    /// <summary>One person's situation, whatever it is (no orientation, not notified, covered, due, late).</summary>
    public static async Task<SituationContrat> SituationAsync(
        PasserelleDbContext db, Guid beneficiaireId, DateOnly aujourdhui, CancellationToken cancellationToken = default)
    {
        var ligne = await Lignes(db, db.Beneficiaires.Where(b => b.Id == beneficiaireId), aujourdhui).SingleOrDefaultAsync(cancellationToken);
        if (ligne is null)
        {
            return SituationContrat.SansOrientation(aujourdhui);
        }

        DateOnly? echeance = null;
        if (ligne.Notification is { } notification)
        {
            var parametres = await ParametresAsync(db, [ligne.DepartementId], cancellationToken);
            echeance = Echeance(parametres, ligne.DepartementId, notification, aujourdhui);
        }

        return new SituationContrat(
            aujourdhui, ligne.OrientationId, ligne.Parcours, ligne.Organisme, ligne.LibelleOrganisme, ligne.DateDecision, ligne.Notification,
            echeance, ligne.Couvert);
    }

    /// <summary>The due date from the settings history of the person's département; null when no delay applies.</summary>
    public static DateOnly? Echeance(IReadOnlyCollection<ParametreDate> parametres, Guid departementId, DateOnly notification, DateOnly aujourdhui)
    {
        ParametreDate? Valeur(string cle, DateOnly date) =>
            parametres.FirstOrDefault(p => p.DepartementId == departementId && p.Cle == cle && p.EstValideLe(date));

        var transitoire = (Valeur(ClesParametres.DateTransitoireContrat, aujourdhui) ?? Valeur(ClesParametres.DateTransitoireContrat, DelaiContrat.EntreeEnVigueur))?.ValeurDate;
        var mois = Valeur(ClesParametres.DelaiContrat, notification) is { } delai ? (int)delai.ValeurNumerique : (int?)null;
        if (notification < DelaiContrat.EntreeEnVigueur ? transitoire is null : mois is null)
        {
            return null;
        }

        return DelaiContrat.Echeance(notification, mois ?? 0, transitoire ?? DateOnly.MaxValue);
    }

    /// <summary>The two settings of the due date, all periods, for the given départements (a small table).</summary>
    private static Task<List<ParametreDate>> ParametresAsync(PasserelleDbContext db, List<Guid> departements, CancellationToken cancellationToken) =>
        db.ParametresDates.IgnoreQueryFilters([PasserelleDbContext.FiltreDepartement]).AsNoTracking()
            .Where(p => departements.Contains(p.DepartementId) && p.Portee == ParametreDate.PorteeDepartement
                && (p.Cle == ClesParametres.DelaiContrat || p.Cle == ClesParametres.DateTransitoireContrat))
            .ToListAsync(cancellationToken);

    /// <summary>Each person of <paramref name="personnes"/> with an orientation in force, and whether a signed contract covers it.</summary>
    private static IQueryable<Ligne> Lignes(PasserelleDbContext db, IQueryable<Beneficiaire> personnes, DateOnly aujourdhui) =>
        from b in personnes
        join o in db.DecisionsOrientation on b.Id equals o.BeneficiaireId
        where o.Fin == null
        select new Ligne
        {
            BeneficiaireId = b.Id,
            DepartementId = b.DepartementId,
            Clos = b.Clos,
            OrientationId = o.Id,
            Parcours = o.Parcours,
            Organisme = o.Organisme,
            LibelleOrganisme = o.LibelleOrganisme,
            DateDecision = o.DateDecision,
            Notification = o.DateNotification,
            Couvert = db.ContratsEngagement.Any(c => c.BeneficiaireId == b.Id
                && (c.Etat == EtatContrat.Signe || c.Etat == EtatContrat.Clos)
                && (c.OrientationId == o.Id
                    || c.DateSignature >= o.DateDecision
                    || (c.Debut <= aujourdhui && aujourdhui <= c.Fin && (c.Etat == EtatContrat.Signe || c.DateCloture >= aujourdhui)))),
        };

    /// <summary>A class with settable members, not a record: EF Core filters on its members after the projection.</summary>
    private sealed class Ligne
    {
        public Guid BeneficiaireId { get; init; }
        public Guid DepartementId { get; init; }
        public bool Clos { get; init; }
        public Guid OrientationId { get; init; }
        public TypeParcours Parcours { get; init; }
        public OrganismeOrientation Organisme { get; init; }
        public string LibelleOrganisme { get; init; } = "";
        public DateOnly DateDecision { get; init; }
        public DateOnly? Notification { get; init; }
        public bool Couvert { get; init; }
    }
}
