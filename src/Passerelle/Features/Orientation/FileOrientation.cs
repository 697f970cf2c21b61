using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Beneficiaires;
using Passerelle.Features.Beneficiaires.Diagnostic;
using Passerelle.Features.Shared;

namespace Passerelle.Features.Orientation;

/// <summary>The state filter of the queue.</summary>
public enum EtatDelai
{
    Tous,
    DansLeDelai,
    HorsDelai,
}

/// <summary>A person waiting for an orientation, as the queue shows her.</summary>
public sealed record LigneFile(
    Guid Id, string Nom, string Prenoms, string? NomNaissance, DateOnly DateNaissance, string? Commune, string? Referent,
    DateOnly Reception, SituationDelai? Situation, SuggestionOrientation? Suggestion);

/// <summary>A person whose social track is due for its joint review.</summary>
public sealed record LigneExamen(
    Guid Id, string Nom, string Prenoms, string? Commune, string? Referent, string LibelleOrganisme, DateOnly DateDecision,
    DateOnly RevisionDue, int JoursRestants, bool Vulnerable);

/// <param name="SansDelai">People received on a day no period of the setting covers: their delay cannot be judged.</param>
public sealed record FileAOrienter(PageDe<LigneFile> Lignes, int HorsDelai, int SansDelai);

/// <summary>
/// The orientation queue: the people of the agent's scope soumis aux droits et devoirs on the latest state
/// of their right, dossier open, without an orientation in force. Sorted, filtered and counted by deadline
/// in the database; the page's lines are then judged by <see cref="DelaiOrientation.Juger"/>.
/// </summary>
public sealed class FileOrientation(PasserelleDbContext db, PerimetreDossiers perimetre, ServiceDiagnostic diagnostic)
{
    /// <summary>What SQL reads of a candidate: the projection the deadline is composed onto.</summary>
    public sealed class Candidat
    {
        public Guid Id { get; init; }
        public string? CommuneCode { get; init; }
        public DateOnly? Reception { get; init; }
    }

    public sealed class CandidatJuge
    {
        public Guid Id { get; init; }
        public DateOnly Reception { get; init; }
        /// <summary>Null when no period of the setting covers the day of receipt.</summary>
        public DateOnly? Echeance { get; init; }
    }

    public async Task<FileAOrienter> AOrienterAsync(
        DateOnly aujourdhui, Guid? territoireId, EtatDelai etat, int page, CancellationToken cancellationToken = default)
    {
        var visibles = await perimetre.VisiblesAsync(cancellationToken);
        // The waiting state is stored on the person (SuiviCourant): the queue reads its index, not everyone's rights.
        var candidats = visibles
            .Where(b => b.AttenteOrientationDepuis != null)
            .Select(b => new Candidat { Id = b.Id, CommuneCode = b.CommuneCode, Reception = b.AttenteOrientationDepuis });
        if (territoireId is { } territoire)
        {
            var communes = Communes(territoire);
            candidats = candidats.Where(c => communes.Contains(c.CommuneCode!));
        }

        var periodes = await PeriodesDelai.LireAsync(db, cancellationToken);
        var juges = candidats.Select(Juger(periodes));
        // The queue's figures in one aggregate: each count would otherwise judge the whole queue again.
        var comptes = await juges.GroupBy(_ => 1)
            .Select(g => new
            {
                Total = g.Count(),
                HorsDelai = g.Count(c => c.Echeance < aujourdhui),
                DansLeDelai = g.Count(c => c.Echeance >= aujourdhui),
                SansDelai = g.Count(c => c.Echeance == null),
            })
            .SingleOrDefaultAsync(cancellationToken);
        var (horsDelai, sansDelai) = (comptes?.HorsDelai ?? 0, comptes?.SansDelai ?? 0);
        var (filtrees, total) = etat switch
        {
            EtatDelai.HorsDelai => (juges.Where(c => c.Echeance < aujourdhui), horsDelai),
            EtatDelai.DansLeDelai => (juges.Where(c => c.Echeance >= aujourdhui), comptes?.DansLeDelai ?? 0),
            _ => (juges, comptes?.Total ?? 0),
        };

        // Most urgent first; a receipt no setting covers sorts by its own date, before any later deadline.
        var resultat = await filtrees.OrderBy(c => c.Echeance ?? c.Reception).ThenBy(c => c.Reception).ThenBy(c => c.Id)
            .PaginerAsync(page, total, Pagination.TailleParDefaut, cancellationToken);
        var ids = resultat.Elements.Select(c => c.Id).ToList();
        var personnes = await ListeBeneficiaires.Projeter(db, db.Beneficiaires.Where(b => ids.Contains(b.Id)))
            .ToDictionaryAsync(l => l.Id, cancellationToken);
        var suggestions = await SuggestionsOrientation.PourAsync(db, ids, await diagnostic.ThemesAsync(cancellationToken), cancellationToken);
        var lignes = resultat.Elements.Select(c =>
        {
            var p = personnes[c.Id];
            return new LigneFile(
                c.Id, p.Nom, p.Prenoms, p.NomUsage is null ? null : p.NomNaissance, p.DateNaissance, p.Commune, p.Referent,
                c.Reception, periodes.Juger(c.Reception, aujourdhui), suggestions[c.Id]);
        }).ToList();
        return new FileAOrienter(new PageDe<LigneFile>(lignes, resultat.Page, resultat.TaillePage, resultat.Total), horsDelai, sansDelai);
    }

    /// <summary>Social tracks in force whose joint review falls due within <see cref="VueOrientation.JoursAvantExamen"/> days, or is past.</summary>
    public async Task<PageDe<LigneExamen>> ExamensAsync(DateOnly aujourdhui, Guid? territoireId, int page, CancellationToken cancellationToken = default)
    {
        var limite = aujourdhui.AddDays(VueOrientation.JoursAvantExamen);
        var visibles = (await perimetre.VisiblesAsync(cancellationToken)).Where(b => !b.Clos);
        if (territoireId is { } territoire)
        {
            var communes = Communes(territoire);
            visibles = visibles.Where(b => communes.Contains(b.CommuneCode!));
        }

        var requete = visibles.Join(
                db.DecisionsOrientation.Where(o => o.Fin == null && o.Parcours == TypeParcours.Social && o.RevisionDue != null && o.RevisionDue <= limite),
                b => b.Id, o => o.BeneficiaireId,
                (b, o) => new { o.BeneficiaireId, RevisionDue = o.RevisionDue!.Value, o.DateDecision, o.LibelleOrganisme, Vulnerable = o.MotifVulnerabilite != null })
            .OrderBy(x => x.RevisionDue).ThenBy(x => x.BeneficiaireId);
        var resultat = await requete.PaginerAsync(page, cancellationToken: cancellationToken);
        var ids = resultat.Elements.Select(x => x.BeneficiaireId).ToList();
        var personnes = await ListeBeneficiaires.Projeter(db, db.Beneficiaires.Where(b => ids.Contains(b.Id)))
            .ToDictionaryAsync(l => l.Id, cancellationToken);
        var lignes = resultat.Elements.Select(x =>
        {
            var p = personnes[x.BeneficiaireId];
            return new LigneExamen(x.BeneficiaireId, p.Nom, p.Prenoms, p.Commune, p.Referent, x.LibelleOrganisme, x.DateDecision, x.RevisionDue,
                x.RevisionDue.DayNumber - aujourdhui.DayNumber, x.Vulnerable);
        }).ToList();
        return new PageDe<LigneExamen>(lignes, resultat.Page, resultat.TaillePage, resultat.Total);
    }

    private IQueryable<string> Communes(Guid territoireId) =>
        db.Territoires.Where(t => t.Id == territoireId).SelectMany(t => t.Communes).Select(c => c.CommuneCode);

    /// <summary>c => new CandidatJuge { Id, Reception, Echeance = the CASE over the setting's periods }.</summary>
    private static Expression<Func<Candidat, CandidatJuge>> Juger(PeriodesDelai periodes)
    {
        var candidat = Expression.Parameter(typeof(Candidat), "c");
        var reception = Expression.Property(Expression.Property(candidat, nameof(Candidat.Reception)), "Value");
        var corps = Expression.MemberInit(
            Expression.New(typeof(CandidatJuge)),
            Expression.Bind(typeof(CandidatJuge).GetProperty(nameof(CandidatJuge.Id))!, Expression.Property(candidat, nameof(Candidat.Id))),
            Expression.Bind(typeof(CandidatJuge).GetProperty(nameof(CandidatJuge.Reception))!, reception),
            Expression.Bind(typeof(CandidatJuge).GetProperty(nameof(CandidatJuge.Echeance))!, periodes.Echeance(reception)));
        return Expression.Lambda<Func<Candidat, CandidatJuge>>(corps, candidat);
    }
}
