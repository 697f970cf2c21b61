using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Beneficiaires;
using Passerelle.Features.Parametres;
using Passerelle.Features.Shared;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.Manquements;

public enum NatureManquement
{
    RendezVousNonHonore,
    ContratEnRetard,
}

/// <summary>One possible manquement; <see cref="Date"/> is the day of the missed rendez-vous or the contract's deadline.</summary>
public sealed record LigneManquement(NatureManquement Nature, Guid BeneficiaireId, string Nom, string Prenoms, DateOnly Date, string Detail, string? Referent);

/// <summary>
/// The possible manquements of the people the agent sees (<see cref="PerimetreDossiers"/>), open dossiers only:
/// <list type="bullet">
/// <item>a rendez-vous recorded as missed, without excuse (an excuse, even late, takes it off the list);</item>
/// <item>a person soumis aux droits et devoirs (latest right) whose orientation in force is notified, whose
/// contract deadline (<see cref="DelaiContrat.Echeance"/>: the months of the setting valid on the notification
/// day, the transitional date for a notification before the law) has passed, and who has signed no contract
/// since that orientation.</item>
/// </list>
/// Only a list: the procedure comes later. Counted and cut in the database, the missed rendez-vous first.
/// </summary>
public sealed class ManquementsPossibles(PasserelleDbContext db, PerimetreDossiers perimetre, ServiceParametres parametres)
{
    public async Task<PageDe<LigneManquement>> ListerAsync(
        NatureManquement? nature, int page, DateOnly aujourdhui, TimeZoneInfo fuseau, CancellationToken cancellationToken = default)
    {
        var visibles = (await perimetre.VisiblesAsync(cancellationToken)).Where(b => !b.Clos);
        var rendezVous = RendezVousManques(visibles);
        var (contrats, reglesContrat) = await ContratsEnRetardAsync(visibles, aujourdhui, cancellationToken);
        var nombreRendezVous = nature is null or NatureManquement.RendezVousNonHonore ? await rendezVous.CountAsync(cancellationToken) : 0;
        var nombreContrats = nature is null or NatureManquement.ContratEnRetard ? await contrats.CountAsync(cancellationToken) : 0;
        var total = nombreRendezVous + nombreContrats;
        var taille = Pagination.TailleParDefaut;
        var numero = Math.Clamp(page, 1, Math.Max(1, (int)Math.Ceiling(total / (double)taille)));
        var decalage = (numero - 1) * taille;

        var lignes = new List<LigneManquement>();
        if (decalage < nombreRendezVous)
        {
            var manques = await rendezVous.Skip(decalage).Take(taille).ToListAsync(cancellationToken);
            lignes.AddRange(manques.Select(r => new LigneManquement(
                NatureManquement.RendezVousNonHonore, r.BeneficiaireId, r.Nom, r.Prenoms, DateOnly.FromDateTime(r.Debut.EnHeureLocale(fuseau)),
                $"{r.Type.Libelle()} du {r.Debut.EnHeureLocale(fuseau):dd/MM/yyyy à HH:mm} non honoré : {r.Objet}", r.Referent)));
        }

        if (lignes.Count < taille && nombreContrats > 0)
        {
            var decalageContrats = Math.Max(0, decalage - nombreRendezVous);
            var retards = await contrats.Skip(decalageContrats).Take(taille - lignes.Count).ToListAsync(cancellationToken);
            lignes.AddRange(retards.Select(c =>
            {
                var echeance = reglesContrat.Echeance(c.DateNotification);
                return new LigneManquement(
                    NatureManquement.ContratEnRetard, c.BeneficiaireId, c.Nom, c.Prenoms, echeance,
                    $"Orientation vers {c.Organisme} notifiée le {c.DateNotification:dd/MM/yyyy} : contrat d'engagement attendu au plus tard le {echeance:dd/MM/yyyy}, aucun signé depuis.",
                    c.Referent);
            }));
        }

        return new PageDe<LigneManquement>(lignes, numero, taille, total);
    }

    private sealed record RendezVousManque(Guid BeneficiaireId, string Nom, string Prenoms, DateTime Debut, TypeRendezVous Type, string Objet, string? Referent);

    private sealed record ContratManquant(Guid BeneficiaireId, string Nom, string Prenoms, DateOnly DateNotification, string Organisme, string? Referent);

    /// <summary>The deadline rule with the settings it reads, loaded once for the whole list.</summary>
    private sealed record ReglesContrat(IReadOnlyList<ParametreDate> Delais, DateOnly? DateTransitoire)
    {
        public DateOnly Echeance(DateOnly notification)
        {
            var mois = Delais.FirstOrDefault(p => p.EstValideLe(notification)) is { } delai ? (int)delai.ValeurNumerique : 0;
            return DelaiContrat.Echeance(notification, mois, DateTransitoire ?? DateOnly.MaxValue);
        }
    }

    private IQueryable<RendezVousManque> RendezVousManques(IQueryable<Beneficiaire> visibles) =>
        from r in db.RendezVous.AsNoTracking()
        where r.Statut == StatutRendezVous.Manque
        join b in visibles on r.BeneficiaireId equals b.Id
        orderby r.Debut descending, r.Id
        select new RendezVousManque(r.BeneficiaireId, b.NomUsage ?? b.NomNaissance, b.Prenoms, r.Debut, r.Type, r.Objet,
            db.ReferentsUniques.Where(x => x.BeneficiaireId == b.Id && x.Fin == null)
            .Select(x => x.AgentId != null ? db.Users.Where(a => a.Id == x.AgentId).Select(a => a.Prenom + " " + a.Nom).FirstOrDefault() : x.NomExterne)
            .FirstOrDefault());

    private async Task<(IQueryable<ContratManquant> Requete, ReglesContrat Regles)> ContratsEnRetardAsync(
        IQueryable<Beneficiaire> visibles, DateOnly aujourdhui, CancellationToken cancellationToken)
    {
        var delais = await db.ParametresDates.AsNoTracking()
            .Where(p => p.Cle == ClesParametres.DelaiContrat && p.Portee == ParametreDate.PorteeDepartement)
            .ToListAsync(cancellationToken);
        // The transitional date is a date, not a delay run from a fact: the one in force today applies, so
        // that a postponement decided later reaches everyone it concerns.
        var transitoire = (await parametres.ValeurAuAsync(ClesParametres.DateTransitoireContrat, aujourdhui, cancellationToken: cancellationToken))?.ValeurDate;
        var regles = new ReglesContrat(delais, transitoire);

        // Past due when the deadline is before today. For each period of the setting, the deadline
        // (notification + months, end of month kept) passes on the notifications before a threshold day.
        var conditions = new List<Expression<Func<DecisionOrientation, bool>>>();
        foreach (var delai in delais)
        {
            var mois = (int)delai.ValeurNumerique;
            DateOnly? du = delai.ValideDu < DelaiContrat.EntreeEnVigueur ? DelaiContrat.EntreeEnVigueur : delai.ValideDu;
            DateOnly? au = delai.ValideAu;
            DateOnly? seuil = Seuil(aujourdhui, mois);
            conditions.Add(au is null
                ? o => o.DateNotification >= du && o.DateNotification < seuil
                : o => o.DateNotification >= du && o.DateNotification <= au && o.DateNotification < seuil);
        }

        if (transitoire is { } date && date < aujourdhui)
        {
            DateOnly? loi = DelaiContrat.EntreeEnVigueur;
            conditions.Add(o => o.DateNotification < loi);
        }

        var enRetard = Ou(conditions);
        var soumis = visibles.Where(b => db.DroitsRsa.Where(d => d.BeneficiaireId == b.Id)
            .OrderByDescending(d => d.DateEffet).ThenByDescending(d => d.InstantSaisie)
            .Select(d => d.SoumisDroitsEtDevoirs && d.Etat != EtatDroitRsa.Clos)
            .FirstOrDefault());
        var requete =
            from o in db.DecisionsOrientation.AsNoTracking().Where(o => o.Fin == null && o.DateNotification != null).Where(enRetard)
            join b in soumis on o.BeneficiaireId equals b.Id
            where !db.ContratsEngagement.Any(c => c.BeneficiaireId == o.BeneficiaireId && c.DateSignature != null
                && (c.OrientationId == o.Id || c.DateSignature >= o.DateDecision))
            orderby o.DateNotification, o.Id
            select new ContratManquant(o.BeneficiaireId, b.NomUsage ?? b.NomNaissance, b.Prenoms, o.DateNotification!.Value, o.LibelleOrganisme,
                db.ReferentsUniques.Where(x => x.BeneficiaireId == b.Id && x.Fin == null)
                    .Select(x => x.AgentId != null ? db.Users.Where(a => a.Id == x.AgentId).Select(a => a.Prenom + " " + a.Nom).FirstOrDefault() : x.NomExterne)
                    .FirstOrDefault());
        return (requete, regles);
    }

    /// <summary>The first notification day whose deadline (+ <paramref name="mois"/> months) is not before <paramref name="aujourdhui"/>.</summary>
    public static DateOnly Seuil(DateOnly aujourdhui, int mois)
    {
        var jour = aujourdhui.AddMonths(-mois);
        while (jour.AddMonths(mois) < aujourdhui)
        {
            jour = jour.AddDays(1);
        }

        while (jour.AddDays(-1).AddMonths(mois) >= aujourdhui)
        {
            jour = jour.AddDays(-1);
        }

        return jour;
    }

    private static Expression<Func<T, bool>> Ou<T>(List<Expression<Func<T, bool>>> conditions)
    {
        if (conditions.Count == 0)
        {
            return _ => false;
        }

        var parametre = conditions[0].Parameters[0];
        var corps = conditions.Skip(1).Aggregate(conditions[0].Body, (gauche, condition) =>
            Expression.OrElse(gauche, new Remplacement(condition.Parameters[0], parametre).Visit(condition.Body)));
        return Expression.Lambda<Func<T, bool>>(corps, parametre);
    }

    private sealed class Remplacement(ParameterExpression ancien, ParameterExpression nouveau) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == ancien ? nouveau : base.VisitParameter(node);
    }
}
