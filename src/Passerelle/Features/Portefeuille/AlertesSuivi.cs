using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Parametres;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.Portefeuille;

public enum TypeAlerte
{
    [Display(Name = "Orientation hors délai")] OrientationHorsDelai,
    [Display(Name = "Sans contrat")] SansContrat,
    [Display(Name = "Contrat à renouveler ou échu")] FinContrat,
    [Display(Name = "Rendez-vous en retard")] RendezVousEnRetard,
    [Display(Name = "Examen du parcours dû")] RevisionDue,
}

/// <summary>The settings an alert is judged against, read once for the whole list.</summary>
public sealed record SeuilsAlertes(
    DateOnly Aujourdhui, TimeZoneInfo Fuseau, IReadOnlyList<PeriodeValeur> DelaisOrientation, int JoursAlerteFinContrat,
    IReadOnlyDictionary<TypeParcours, int> CadencesJours);

/// <summary>The caseload's size, its lines with each alert, and those with at least one.</summary>
public sealed record ComptesSuivi(
    int Total, int OrientationHorsDelai, int SansContrat, int FinContrat, int RendezVousEnRetard, int RevisionDue, int AvecAlerte)
{
    public int this[TypeAlerte alerte] => alerte switch
    {
        TypeAlerte.OrientationHorsDelai => OrientationHorsDelai,
        TypeAlerte.SansContrat => SansContrat,
        TypeAlerte.FinContrat => FinContrat,
        TypeAlerte.RendezVousEnRetard => RendezVousEnRetard,
        TypeAlerte.RevisionDue => RevisionDue,
        _ => throw new ArgumentOutOfRangeException(nameof(alerte), alerte, null),
    };
}

/// <summary>What the database knows of one person's parcours, before any judgement.</summary>
public sealed class FaitsSuivi
{
    public Guid Id { get; init; }
    public string NomNaissance { get; init; } = "";
    public string? NomUsage { get; init; }
    public string Prenoms { get; init; } = "";
    public DateOnly DateNaissance { get; init; }
    public Dispositifs Dispositifs { get; init; }
    public Guid? ReferentId { get; init; }
    public string? Referent { get; init; }
    public DateOnly? DebutDesignation { get; init; }
    /// <summary>While the person waits for an orientation: the day the information was received.</summary>
    public DateOnly? AttenteDepuis { get; init; }
    public bool Oriente { get; init; }
    public TypeParcours? Parcours { get; init; }
    public DateOnly? RevisionDue { get; init; }
    /// <summary>The end of the latest signed contract (signed here or elsewhere); closed ones do not count.</summary>
    public DateOnly? FinContrat { get; init; }
    public DateTime? DernierRendezVous { get; init; }
}

/// <summary>One line of a caseload with its alerts, computed by the database.</summary>
public sealed class LigneSuivi
{
    public Guid Id { get; init; }
    public string NomNaissance { get; init; } = "";
    public string? NomUsage { get; init; }
    public string Prenoms { get; init; } = "";
    public DateOnly DateNaissance { get; init; }
    public Dispositifs Dispositifs { get; init; }
    public Guid? ReferentId { get; init; }
    public string? Referent { get; init; }
    public TypeParcours? Parcours { get; init; }
    public DateOnly? EcheanceOrientation { get; init; }
    public DateOnly? FinContrat { get; init; }
    public DateOnly? RevisionDue { get; init; }
    public DateTime? DernierRendezVous { get; init; }
    public bool OrientationHorsDelai { get; init; }
    public bool SansContrat { get; init; }
    public bool FinContratProche { get; init; }
    public bool RendezVousEnRetard { get; init; }
    public bool RevisionEchue { get; init; }

    public string Nom => NomUsage ?? NomNaissance;

    public IReadOnlyList<TypeAlerte> Alertes =>
    [
        .. OrientationHorsDelai ? [TypeAlerte.OrientationHorsDelai] : Array.Empty<TypeAlerte>(),
        .. SansContrat ? [TypeAlerte.SansContrat] : Array.Empty<TypeAlerte>(),
        .. FinContratProche ? [TypeAlerte.FinContrat] : Array.Empty<TypeAlerte>(),
        .. RendezVousEnRetard ? [TypeAlerte.RendezVousEnRetard] : Array.Empty<TypeAlerte>(),
        .. RevisionEchue ? [TypeAlerte.RevisionDue] : Array.Empty<TypeAlerte>(),
    ];

    /// <summary>The nearest of the deadlines the list sorts on: orientation, end of contract, review.</summary>
    public DateOnly? ProchaineEcheance => new[] { EcheanceOrientation, FinContrat, RevisionDue }.Where(d => d is not null).Min();
}

/// <summary>
/// The alerts of a caseload (issue 5, "Portfolio"), each a condition the database evaluates, so that a list
/// of thousands of people is counted, filtered, sorted and paginated in SQL:
/// <list type="bullet">
/// <item><b>orientation hors délai</b>: waiting for an orientation (<see cref="Beneficiaire.AttenteOrientationDepuis"/>:
/// latest state of the right open and soumis, dossier open, no orientation in force), and the receipt of the
/// information + the weeks valid on the receipt is past;</item>
/// <item><b>sans contrat</b>: an orientation in force and no signed contract (here or external) at all — a
/// signed one that has ended raises the next alert instead;</item>
/// <item><b>contrat à renouveler ou échu</b>: the latest signed contract ends within the days of the setting
/// valid today, or has ended;</item>
/// <item><b>rendez-vous en retard</b>: with an orientation in force, neither a held rendez-vous nor the
/// designation of the current référent within the cadence of the track (setting valid today);</item>
/// <item><b>examen du parcours dû</b>: social track whose joint review date has come.</item>
/// </list>
/// </summary>
public sealed class AlertesSuivi(PasserelleDbContext db)
{
    /// <summary>The three settings' periods in one read: the page asks for them on every request.</summary>
    public async Task<SeuilsAlertes> SeuilsAsync(DateOnly aujourdhui, TimeZoneInfo fuseau, CancellationToken cancellationToken = default)
    {
        string[] cles = [ClesParametres.DelaiOrientation, ClesParametres.AlerteFinContrat, ClesParametres.CadenceRendezVous];
        var periodes = await db.ParametresDates.AsNoTracking().Where(p => cles.Contains(p.Cle)).OrderBy(p => p.ValideDu).ToListAsync(cancellationToken);
        ParametreDate? ValeurAu(string cle, string portee) =>
            periodes.SingleOrDefault(p => p.Cle == cle && p.Portee == portee && p.ValideDu <= aujourdhui && (p.ValideAu == null || p.ValideAu >= aujourdhui));

        var delais = EcheancesDatees.Periodes(periodes.Where(p => p.Cle == ClesParametres.DelaiOrientation && p.Portee == ParametreDate.PorteeDepartement));
        var alerteFin = ValeurAu(ClesParametres.AlerteFinContrat, ParametreDate.PorteeDepartement);
        var cadences = new Dictionary<TypeParcours, int>();
        foreach (var parcours in Enum.GetValues<TypeParcours>())
        {
            if (ValeurAu(ClesParametres.CadenceRendezVous, ClesParametres.PorteeParcours(parcours)) is { } cadence)
            {
                cadences[parcours] = (int)cadence.ValeurNumerique;
            }
        }

        // Without the setting, only an ended contract raises the alert.
        return new SeuilsAlertes(aujourdhui, fuseau, delais, alerteFin is null ? 0 : (int)alerteFin.ValeurNumerique, cadences);
    }

    /// <summary>
    /// How many lines in all, with each alert, and with at least one: one aggregate over the caseload rather than a
    /// count per alert.
    /// </summary>
    public static async Task<ComptesSuivi> CompterAsync(IQueryable<LigneSuivi> lignes, CancellationToken cancellationToken = default) =>
        await lignes
            .Select(l => new { l.OrientationHorsDelai, l.SansContrat, l.FinContratProche, l.RendezVousEnRetard, l.RevisionEchue })
            .GroupBy(_ => 1)
            .Select(g => new ComptesSuivi(
                g.Count(),
                g.Count(l => l.OrientationHorsDelai),
                g.Count(l => l.SansContrat),
                g.Count(l => l.FinContratProche),
                g.Count(l => l.RendezVousEnRetard),
                g.Count(l => l.RevisionEchue),
                g.Count(l => l.OrientationHorsDelai || l.SansContrat || l.FinContratProche || l.RendezVousEnRetard || l.RevisionEchue)))
            .SingleOrDefaultAsync(cancellationToken)
        ?? new ComptesSuivi(0, 0, 0, 0, 0, 0, 0);

    /// <summary>
    /// The lines with their alerts, from the follow-up state stored on each person (<see cref="SuiviCourant"/>): counting
    /// the alerts of a structure's tens of thousands of people reads columns, not six lookups per person.
    /// </summary>
    public IQueryable<LigneSuivi> Lignes(IQueryable<Beneficiaire> personnes, SeuilsAlertes seuils)
    {
        var faits = personnes.Select(b => new FaitsSuivi
        {
            Id = b.Id,
            NomNaissance = b.NomNaissance,
            NomUsage = b.NomUsage,
            Prenoms = b.Prenoms,
            DateNaissance = b.DateNaissance,
            Dispositifs = b.Dispositifs,
            // Shown, never counted: read for the page's lines only.
            ReferentId = b.ReferentAgentId,
            Referent = db.ReferentsUniques.Where(r => r.BeneficiaireId == b.Id && r.Fin == null)
                .Select(r => r.AgentId != null ? db.Users.Where(a => a.Id == r.AgentId).Select(a => a.Prenom + " " + a.Nom).FirstOrDefault() : r.NomExterne)
                .FirstOrDefault(),
            DebutDesignation = b.DebutDesignation,
            AttenteDepuis = b.AttenteOrientationDepuis,
            Oriente = b.ParcoursEnVigueur != null,
            Parcours = b.ParcoursEnVigueur,
            RevisionDue = b.RevisionDue,
            FinContrat = b.FinDernierContratSigne,
            DernierRendezVous = b.DernierRendezVousHonore,
        });

        var aujourdhui = seuils.Aujourdhui;
        var limiteFin = aujourdhui.AddDays(seuils.JoursAlerteFinContrat);
        // A held rendez-vous counts when it began on or after the first day of the cadence window, in the département's zone.
        var (cadenceEmploi, jourEmploi, instantEmploi) = Cadence(seuils, TypeParcours.Emploi);
        var (cadenceSocioPro, jourSocioPro, instantSocioPro) = Cadence(seuils, TypeParcours.SocioProfessionnel);
        var (cadenceSocial, jourSocial, instantSocial) = Cadence(seuils, TypeParcours.Social);
        Expression<Func<FaitsSuivi, DateOnly?, LigneSuivi>> ligne = (f, echeanceOrientation) => new LigneSuivi
        {
            Id = f.Id,
            NomNaissance = f.NomNaissance,
            NomUsage = f.NomUsage,
            Prenoms = f.Prenoms,
            DateNaissance = f.DateNaissance,
            Dispositifs = f.Dispositifs,
            ReferentId = f.ReferentId,
            Referent = f.Referent,
            Parcours = f.Parcours,
            EcheanceOrientation = echeanceOrientation,
            FinContrat = f.FinContrat,
            RevisionDue = f.Oriente && f.Parcours == TypeParcours.Social ? f.RevisionDue : null,
            DernierRendezVous = f.DernierRendezVous,
            OrientationHorsDelai = echeanceOrientation != null && echeanceOrientation < aujourdhui,
            SansContrat = f.Oriente && f.FinContrat == null,
            FinContratProche = f.FinContrat != null && f.FinContrat <= limiteFin,
            RendezVousEnRetard = f.Oriente && f.DebutDesignation != null && (
                (cadenceEmploi && f.Parcours == TypeParcours.Emploi && f.DebutDesignation < jourEmploi
                    && (f.DernierRendezVous == null || f.DernierRendezVous < instantEmploi))
                || (cadenceSocioPro && f.Parcours == TypeParcours.SocioProfessionnel && f.DebutDesignation < jourSocioPro
                    && (f.DernierRendezVous == null || f.DernierRendezVous < instantSocioPro))
                || (cadenceSocial && f.Parcours == TypeParcours.Social && f.DebutDesignation < jourSocial
                    && (f.DernierRendezVous == null || f.DernierRendezVous < instantSocial))),
            RevisionEchue = f.Oriente && f.Parcours == TypeParcours.Social && f.RevisionDue != null && f.RevisionDue <= aujourdhui,
        };

        // The deadline of the wait (the setting's periods, a CASE in SQL) put in place of the line's second parameter.
        var echeance = EcheancesDatees.Echeance<FaitsSuivi>(f => f.AttenteDepuis, seuils.DelaisOrientation, TypeValeur.Semaines);
        return faits.Select(EcheancesDatees.AvecEcheance(ligne, echeance));
    }

    public static IQueryable<LigneSuivi> Filtrer(IQueryable<LigneSuivi> lignes, TypeAlerte? alerte, bool avecAlerte)
    {
        if (alerte is { } type)
        {
            return lignes.Where(Condition(type));
        }

        return avecAlerte
            ? lignes.Where(l => l.OrientationHorsDelai || l.SansContrat || l.FinContratProche || l.RendezVousEnRetard || l.RevisionEchue)
            : lignes;
    }

    public static Expression<Func<LigneSuivi, bool>> Condition(TypeAlerte alerte) => alerte switch
    {
        TypeAlerte.OrientationHorsDelai => l => l.OrientationHorsDelai,
        TypeAlerte.SansContrat => l => l.SansContrat,
        TypeAlerte.FinContrat => l => l.FinContratProche,
        TypeAlerte.RendezVousEnRetard => l => l.RendezVousEnRetard,
        TypeAlerte.RevisionDue => l => l.RevisionEchue,
        _ => throw new ArgumentOutOfRangeException(nameof(alerte), alerte, null),
    };

    public static IOrderedQueryable<LigneSuivi> Trier(IQueryable<LigneSuivi> lignes, string? tri, bool desc) => tri switch
    {
        "alertes" => (desc
                ? lignes.OrderBy(NombreAlertes)
                : lignes.OrderByDescending(NombreAlertes))
            .ThenBy(l => l.NomUsage ?? l.NomNaissance).ThenBy(l => l.Prenoms).ThenBy(l => l.Id),
        "echeance" => (desc
                ? lignes.OrderByDescending(ProchaineEcheance)
                : lignes.OrderBy(ProchaineEcheance))
            .ThenBy(l => l.NomUsage ?? l.NomNaissance).ThenBy(l => l.Prenoms).ThenBy(l => l.Id),
        _ => desc
            ? lignes.OrderByDescending(l => l.NomUsage ?? l.NomNaissance).ThenByDescending(l => l.Prenoms).ThenBy(l => l.Id)
            : lignes.OrderBy(l => l.NomUsage ?? l.NomNaissance).ThenBy(l => l.Prenoms).ThenBy(l => l.Id),
    };

    private static readonly Expression<Func<LigneSuivi, int>> NombreAlertes = l =>
        (l.OrientationHorsDelai ? 1 : 0) + (l.SansContrat ? 1 : 0) + (l.FinContratProche ? 1 : 0) + (l.RendezVousEnRetard ? 1 : 0) + (l.RevisionEchue ? 1 : 0);

    /// <summary>The nearest deadline in SQL; people without any come last.</summary>
    private static readonly Expression<Func<LigneSuivi, DateOnly>> ProchaineEcheance = l =>
        (l.EcheanceOrientation ?? DateOnly.MaxValue) < (l.FinContrat ?? DateOnly.MaxValue)
            ? ((l.EcheanceOrientation ?? DateOnly.MaxValue) < (l.RevisionDue ?? DateOnly.MaxValue) ? (l.EcheanceOrientation ?? DateOnly.MaxValue) : (l.RevisionDue ?? DateOnly.MaxValue))
            : ((l.FinContrat ?? DateOnly.MaxValue) < (l.RevisionDue ?? DateOnly.MaxValue) ? (l.FinContrat ?? DateOnly.MaxValue) : (l.RevisionDue ?? DateOnly.MaxValue));

    private static (bool Active, DateOnly Jour, DateTime Instant) Cadence(SeuilsAlertes seuils, TypeParcours parcours)
    {
        if (!seuils.CadencesJours.TryGetValue(parcours, out var jours))
        {
            return (false, DateOnly.MinValue, DateTime.SpecifyKind(DateTime.UnixEpoch, DateTimeKind.Utc));
        }

        var debutFenetre = seuils.Aujourdhui.AddDays(-jours);
        return (true, debutFenetre, debutFenetre.DebutDuJourUtc(seuils.Fuseau));
    }
}
