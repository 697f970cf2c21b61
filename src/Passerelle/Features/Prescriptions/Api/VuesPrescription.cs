using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Plateforme;
using Passerelle.Features.Prescriptions.ATraiter;

namespace Passerelle.Features.Prescriptions.Api;

public sealed record LibelleDto(string Code, string Libelle);

public sealed record ActionPrescriteDto(Guid Id, string Nom, string Structure, int? DureeMois, int? PlafondHeures, int? StageMaximumHeures);

public sealed record CoordonneesDto(string? Telephone, string? Courriel, string? Adresse, string? CommuneCode, string? Commune);

public sealed record FreinEvalueDto(string Code, string Libelle, string Niveau, string LibelleNiveau, DateOnly Date);

public sealed record OrientationPartageeDto(string Parcours, string LibelleParcours, string Organisme);

/// <summary>
/// The person as the reader may see her. The référent gets her id (to open the dossier); the operator gets her name
/// and birth date, and only the blocks the prescription shares — null when not shared.
/// </summary>
public sealed record PersonnePrescriteDto(
    Guid? Id, string Prenoms, string Nom, DateOnly DateNaissance, CoordonneesDto? Coordonnees, IReadOnlyList<FreinEvalueDto>? Diagnostic,
    string? ObjectifsContrat, OrientationPartageeDto? Orientation);

public sealed record HeuresDto(DateOnly Date, decimal Heures, string Nature, string LibelleNature);

public sealed record BilanDto(
    Guid Id, string Type, string LibelleType, DateOnly Date, string Atteinte, string LibelleAtteinte, string Assiduite, string LibelleAssiduite,
    IReadOnlyList<LibelleDto> FreinsLeves, string? Preconisations, string? Commentaire);

/// <summary>
/// A prescription through the API: <c>cote</c> says whose view it is (<c>referent</c> or <c>operateur</c>). The fiche
/// (objectives, barriers aimed at, what is shared) and the operator's steps are the same on both sides; the person differs.
/// </summary>
public sealed record PrescriptionDto(
    Guid Id, string Cote, string Etat, string LibelleEtat, ActionPrescriteDto Action, PersonnePrescriteDto? Personne, string? Prescripteur,
    string? StructurePrescripteur, Guid? SessionId, string? Session, string Objectifs, IReadOnlyList<LibelleDto> FreinsVises, IReadOnlyList<string> Partage,
    DateOnly ConsentementLe, DateOnly EnvoyeeLe, DateOnly? ExpireLe, DateOnly? ReponduLe, string? MotifRefus, DateOnly? MiseEnAttenteLe,
    DateOnly? AccepteeLe, DateOnly? ExpireeLe, DateOnly? AnnuleeLe, string? MotifAnnulation, DateOnly? EntreeLe, decimal HeuresRealisees,
    decimal HeuresStage, IReadOnlyList<HeuresDto> Heures, IReadOnlyList<BilanDto> Bilans, DateOnly? SortieLe, string? Issue, string? LibelleIssue,
    string? CommentaireSortie, DateOnly? SuiviDu, DateOnly? SuiviLe, string? Situation, string? LibelleSituation, string? CommentaireSuivi, int Version);

public sealed record ResumePrescriptionDto(
    Guid Id, string Etat, string LibelleEtat, Guid ActionId, string Action, string StructureOperateur, Guid? BeneficiaireId, string Personne,
    DateOnly EnvoyeeLe, DateOnly? ExpireLe, DateOnly? EntreeLe, DateOnly? SortieLe, int Version);

public sealed record PagePrescriptionsDto(IReadOnlyList<ResumePrescriptionDto> Elements, int Page, int TaillePage, int Total, string Cote);

/// <summary>
/// Builds the API's views of a prescription the caller has already been allowed to see (<see cref="ServicePrescriptions.ExigerReferentAsync"/>
/// or <see cref="ServicePrescriptions.ExigerOperateurAsync"/>). The operator's view follows the référent's choice in
/// <see cref="Prescription.Partage"/>: contact details, the latest diagnostic, the contract's objectives, the orientation.
/// </summary>
public static class VuesPrescription
{
    public const string CoteReferent = "referent";
    public const string CoteOperateur = "operateur";

    /// <param name="personneVisible">
    /// False when the operator no longer sees the person (he has just refused it, for instance): the answer then says
    /// nothing of her.
    /// </param>
    public static async Task<PrescriptionDto> LireAsync(
        PasserelleDbContext db, Prescription p, bool operateur, bool personneVisible, CancellationToken cancellationToken)
    {
        var action = await db.Actions.AsNoTracking().Where(a => a.Id == p.ActionId)
            .Select(a => new ActionPrescriteDto(
                a.Id, a.Nom, db.Structures.Where(s => s.Id == a.StructureId).Select(s => s.Nom).First(), a.DureeMois, a.PlafondHeures, a.StageMaximumHeures))
            .SingleAsync(cancellationToken);
        var prescripteur = await db.Users.AsNoTracking().Where(a => a.Id == p.PrescripteurId).Select(a => a.Prenom + " " + a.Nom).SingleOrDefaultAsync(cancellationToken);
        var structurePrescripteur = p.StructurePrescripteurId is { } sp
            ? await db.Structures.AsNoTracking().Where(s => s.Id == sp).Select(s => s.Nom).SingleOrDefaultAsync(cancellationToken)
            : null;
        var session = p.SessionId is { } sid
            ? await db.SessionsActions.AsNoTracking().Where(s => s.Id == sid).Select(s => s.Libelle).SingleOrDefaultAsync(cancellationToken)
            : null;
        var themes = await db.ValeursReference.AsNoTracking().Where(v => v.Liste == ParametrageInitial.Listes.ThemesFreins)
            .ToDictionaryAsync(v => v.Code, v => v.Libelle, StringComparer.Ordinal, cancellationToken);
        var delai = await DelaiReponse.JoursAsync(db, p.EnvoyeeLe, cancellationToken);
        var personne = !personneVisible ? null : await PersonneAsync(db, p, operateur, themes, cancellationToken);
        LibelleDto Frein(string code) => new(code, themes.GetValueOrDefault(code, code));

        return new PrescriptionDto(
            p.Id, operateur ? CoteOperateur : CoteReferent, p.Etat.ToString(), p.Etat.Libelle(), action, personne, prescripteur, structurePrescripteur,
            p.SessionId, session, p.Objectifs, p.CodesFreinsVises.Select(Frein).ToList(), Partages(p.Partage), p.ConsentementLe, p.EnvoyeeLe,
            p.Etat == EtatPrescription.Envoyee ? DelaiReponse.Expiration(p.EnvoyeeLe, delai) : null,
            p.ReponduLe, p.MotifRefus, p.MiseEnAttenteLe, p.AccepteeLe, p.ExpireeLe, p.AnnuleeLe, p.MotifAnnulation, p.EntreeLe,
            p.Heures.Sum(h => h.Heures), p.Heures.Where(h => h.Nature == NatureHeures.Stage).Sum(h => h.Heures),
            p.Heures.OrderBy(h => h.Date).Select(h => new HeuresDto(h.Date, h.Heures, h.Nature.ToString(), h.Nature.Libelle())).ToList(),
            p.Bilans.OrderBy(b => b.Date).Select(b => new BilanDto(
                b.Id, b.Type.ToString(), b.Type.Libelle(), b.Date, b.Atteinte.ToString(), b.Atteinte.Libelle(), b.Assiduite.ToString(), b.Assiduite.Libelle(),
                b.CodesFreinsLeves.Select(Frein).ToList(), b.Preconisations, b.Commentaire)).ToList(),
            p.SortieLe, p.Issue?.ToString(), p.Issue?.Libelle(), p.CommentaireSortie, p.SuiviDu, p.SuiviLe, p.Situation?.ToString(), p.Situation?.Libelle(),
            p.CommentaireSuivi, p.Version);
    }

    /// <summary>The flags as names, never the combined number.</summary>
    public static IReadOnlyList<string> Partages(InformationsPartagees partage) =>
        Enum.GetValues<InformationsPartagees>().Where(f => f != InformationsPartagees.Aucune && partage.HasFlag(f)).Select(f => f.ToString()).ToList();

    /// <summary>One page of prescriptions, newest first.</summary>
    public static async Task<PagePrescriptionsDto> PaginerAsync(
        PasserelleDbContext db, IQueryable<Prescription> requete, bool operateur, int page, int taille, DateOnly aujourdhui, CancellationToken cancellationToken)
    {
        var total = await requete.CountAsync(cancellationToken);
        var nombrePages = Math.Max(1, (int)Math.Ceiling(total / (double)taille));
        var numero = Math.Clamp(page, 1, nombrePages);
        var lignes = await requete.OrderByDescending(p => p.EnvoyeeLe).ThenByDescending(p => p.Id)
            .Skip((numero - 1) * taille).Take(taille)
            .Select(p => new
            {
                p.Id, p.Etat, p.ActionId, p.BeneficiaireId, p.EnvoyeeLe, p.EntreeLe, p.SortieLe, p.Version,
                Action = db.Actions.Where(a => a.Id == p.ActionId).Select(a => a.Nom).First(),
                Structure = db.Structures.Where(s => s.Id == p.StructureOperateurId).Select(s => s.Nom).First(),
                Personne = db.Beneficiaires.Where(b => b.Id == p.BeneficiaireId).Select(b => b.Prenoms + " " + (b.NomUsage ?? b.NomNaissance)).First(),
            })
            .ToListAsync(cancellationToken);
        var delai = await DelaiReponse.JoursAsync(db, aujourdhui, cancellationToken);
        return new PagePrescriptionsDto(
            lignes.Select(l => new ResumePrescriptionDto(
                l.Id, l.Etat.ToString(), l.Etat.Libelle(), l.ActionId, l.Action, l.Structure, operateur ? null : l.BeneficiaireId, l.Personne, l.EnvoyeeLe,
                l.Etat == EtatPrescription.Envoyee ? DelaiReponse.Expiration(l.EnvoyeeLe, delai) : null, l.EntreeLe, l.SortieLe, l.Version)).ToList(),
            numero, taille, total, operateur ? CoteOperateur : CoteReferent);
    }

    private static async Task<PersonnePrescriteDto> PersonneAsync(
        PasserelleDbContext db, Prescription p, bool operateur, Dictionary<string, string> themes, CancellationToken cancellationToken)
    {
        var b = await db.Beneficiaires.AsNoTracking().Where(x => x.Id == p.BeneficiaireId)
            .Select(x => new { x.Prenoms, Nom = x.NomUsage ?? x.NomNaissance, x.DateNaissance, x.Telephone, x.Courriel, x.Adresse, x.CommuneCode })
            .SingleAsync(cancellationToken);
        if (!operateur)
        {
            // The référent sees the whole dossier at its own address: the id leads there.
            return new PersonnePrescriteDto(p.BeneficiaireId, b.Prenoms, b.Nom, b.DateNaissance, null, null, null, null);
        }

        CoordonneesDto? coordonnees = null;
        if (p.Partage.HasFlag(InformationsPartagees.Coordonnees))
        {
            var commune = b.CommuneCode is null ? null : await db.Communes.AsNoTracking().Where(c => c.Code == b.CommuneCode).Select(c => c.Nom).FirstOrDefaultAsync(cancellationToken);
            coordonnees = new CoordonneesDto(b.Telephone, b.Courriel, b.Adresse, b.CommuneCode, commune);
        }

        List<FreinEvalueDto>? diagnostic = null;
        if (p.Partage.HasFlag(InformationsPartagees.Diagnostic))
        {
            var evaluations = await db.EvaluationsFreins.AsNoTracking().Where(e => e.BeneficiaireId == p.BeneficiaireId)
                .Select(e => new { e.Theme, e.Niveau, e.Date, e.InstantSaisie })
                .ToListAsync(cancellationToken);
            // The diagnostic is the latest evaluation of each theme; the comments stay with the référent.
            diagnostic = evaluations.GroupBy(e => e.Theme, StringComparer.Ordinal)
                .Select(g => g.OrderByDescending(e => e.Date).ThenByDescending(e => e.InstantSaisie).First())
                .Where(e => e.Niveau != NiveauFrein.Aucun)
                .OrderByDescending(e => e.Niveau).ThenBy(e => e.Theme, StringComparer.Ordinal)
                .Select(e => new FreinEvalueDto(e.Theme, themes.GetValueOrDefault(e.Theme, e.Theme), e.Niveau.ToString(), e.Niveau.Libelle(), e.Date))
                .ToList();
        }

        string? objectifs = null;
        if (p.Partage.HasFlag(InformationsPartagees.Contrat) && p.ContratId is { } contratId)
        {
            objectifs = await db.ContratsEngagement.AsNoTracking().Where(c => c.Id == contratId).Select(c => c.Objectifs).SingleOrDefaultAsync(cancellationToken);
        }

        OrientationPartageeDto? orientation = null;
        if (p.Partage.HasFlag(InformationsPartagees.Orientation))
        {
            orientation = await db.DecisionsOrientation.AsNoTracking().Where(o => o.BeneficiaireId == p.BeneficiaireId && o.Fin == null)
                .OrderByDescending(o => o.DateDecision)
                .Select(o => new { o.Parcours, o.LibelleOrganisme })
                .FirstOrDefaultAsync(cancellationToken) is { } o
                ? new OrientationPartageeDto(o.Parcours.ToString(), o.Parcours.Libelle(), o.LibelleOrganisme)
                : null;
        }

        return new PersonnePrescriteDto(null, b.Prenoms, b.Nom, b.DateNaissance, coordonnees, diagnostic, objectifs, orientation);
    }
}
