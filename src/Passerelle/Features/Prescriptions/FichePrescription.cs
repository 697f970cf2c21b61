using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;

namespace Passerelle.Features.Prescriptions;

/// <summary>One dated step of a prescription, as the référent's page lists them.</summary>
public sealed record EtapePrescription(DateOnly Date, string Libelle, string? Detail);

public sealed record BilanAffiche(BilanPrescription Bilan, string? Auteur, IReadOnlyList<string> FreinsLeves);

public sealed record EntretienAffiche(DateTime Debut, TypeRendezVous Type, string Objet, StatutRendezVous Statut, string? Agent);

/// <summary>
/// A prescription as the référent side reads it: the fiche sent, every dated step, the hours against the action's
/// cap, the operator's bilans and entretiens. Built from a prescription whose person the agent sees completely.
/// </summary>
public sealed class FichePrescription
{
    public required Prescription Prescription { get; init; }
    public required ActionInsertion Action { get; init; }
    public required string Personne { get; init; }
    public required string Operateur { get; init; }
    public string? Prescripteur { get; init; }
    public string? StructurePrescripteur { get; init; }
    public string? Repondant { get; init; }
    public SessionAction? Session { get; init; }
    public required IReadOnlyList<string> Freins { get; init; }
    public required IReadOnlyList<EtapePrescription> Etapes { get; init; }
    public required IReadOnlyList<BilanAffiche> Bilans { get; init; }
    public required IReadOnlyList<EntretienAffiche> Entretiens { get; init; }
    /// <summary>When a prescription still unanswered lapses, by today's setting, as the daily job judges it.</summary>
    public DateOnly? ExpireLe { get; init; }

    public decimal HeuresTotal => Prescription.Heures.Sum(h => h.Heures);

    public decimal HeuresStage => Prescription.Heures.Where(h => h.Nature == NatureHeures.Stage).Sum(h => h.Heures);

    public IEnumerable<InformationsPartagees> Partage =>
        Enum.GetValues<InformationsPartagees>().Where(i => i != InformationsPartagees.Aucune && Prescription.Partage.HasFlag(i));

    public bool Annulable => Prescription.Etat is EtatPrescription.Envoyee or EtatPrescription.EnAttente or EtatPrescription.Acceptee;

    public static async Task<FichePrescription> LireAsync(PasserelleDbContext db, ServicePrescriptions service, Prescription p, CancellationToken cancellationToken)
    {
        var action = await db.Actions.AsNoTracking().SingleAsync(a => a.Id == p.ActionId, cancellationToken);
        var agents = new[] { p.PrescripteurId, p.ReponduPar ?? Guid.Empty }
            .Concat(p.Bilans.Select(b => b.AgentId)).Distinct().ToList();
        var noms = await db.Users.AsNoTracking().Where(a => agents.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.Prenom + " " + a.Nom, cancellationToken);
        var structures = new[] { p.StructureOperateurId, p.StructurePrescripteurId ?? Guid.Empty };
        var nomsStructures = await db.Structures.AsNoTracking().Where(s => structures.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.Nom, cancellationToken);
        var themes = await db.ValeursReference.AsNoTracking().Where(v => v.Liste == Plateforme.ParametrageInitial.Listes.ThemesFreins)
            .ToDictionaryAsync(v => v.Code, v => v.Libelle, StringComparer.Ordinal, cancellationToken);
        var personne = await db.Beneficiaires.AsNoTracking().Where(b => b.Id == p.BeneficiaireId)
            .Select(b => b.Prenoms + " " + (b.NomUsage ?? b.NomNaissance)).SingleAsync(cancellationToken);
        var session = p.SessionId is { } sessionId
            ? await db.SessionsActions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken)
            : null;
        var entretiens = await db.RendezVous.AsNoTracking().Where(r => r.PrescriptionId == p.Id).OrderBy(r => r.Debut)
            .Select(r => new EntretienAffiche(r.Debut, r.Type, r.Objet, r.Statut, db.Users.Where(a => a.Id == r.AgentId).Select(a => a.Prenom + " " + a.Nom).FirstOrDefault()))
            .ToListAsync(cancellationToken);

        return new FichePrescription
        {
            Prescription = p,
            Action = action,
            Personne = personne,
            Operateur = nomsStructures.GetValueOrDefault(p.StructureOperateurId, ""),
            Prescripteur = noms.GetValueOrDefault(p.PrescripteurId),
            StructurePrescripteur = p.StructurePrescripteurId is { } sp ? nomsStructures.GetValueOrDefault(sp) : null,
            Repondant = p.ReponduPar is { } r ? noms.GetValueOrDefault(r) : null,
            Session = session,
            Freins = p.CodesFreinsVises.Select(c => themes.GetValueOrDefault(c, c)).ToList(),
            Etapes = EtapesDe(p, noms.GetValueOrDefault(p.PrescripteurId)),
            Bilans = p.Bilans.OrderBy(b => b.Date).ThenBy(b => b.Type)
                .Select(b => new BilanAffiche(b, noms.GetValueOrDefault(b.AgentId), b.CodesFreinsLeves.Select(c => themes.GetValueOrDefault(c, c)).ToList()))
                .ToList(),
            Entretiens = entretiens,
            ExpireLe = p.Etat == EtatPrescription.Envoyee
                ? p.EnvoyeeLe.AddDays(await service.DelaiReponseAsync(await service.AujourdhuiAsync(cancellationToken), cancellationToken))
                : null,
        };
    }

    /// <summary>The steps in the order they happened; a step not reached is not listed.</summary>
    private static List<EtapePrescription> EtapesDe(Prescription p, string? prescripteur)
    {
        var etapes = new List<EtapePrescription> { new(p.EnvoyeeLe, "Prescription envoyée à l'opérateur", prescripteur is null ? null : $"Par {prescripteur}.") };
        void Ajouter(DateOnly? date, string libelle, string? detail = null)
        {
            if (date is { } jour)
            {
                etapes.Add(new EtapePrescription(jour, libelle, detail));
            }
        }

        Ajouter(p.MiseEnAttenteLe, "Mise en liste d'attente par l'opérateur");
        Ajouter(p.AccepteeLe, "Acceptée par l'opérateur");
        if (p.Etat == EtatPrescription.Refusee)
        {
            Ajouter(p.RefuseeLe, "Refusée par l'opérateur", $"Motif : {p.MotifRefus}");
        }

        Ajouter(p.ExpireeLe, "Expirée sans réponse de l'opérateur");
        Ajouter(p.AnnuleeLe, "Annulée par le référent", $"Motif : {p.MotifAnnulation}");
        Ajouter(p.EntreeLe, "Entrée dans l'action");
        Ajouter(p.SortieLe, $"Sortie de l'action : {p.Issue?.Libelle().ToLowerInvariant()}", p.CommentaireSortie);
        Ajouter(p.SuiviLe, $"Suivi à six mois : {p.Situation?.Libelle().ToLowerInvariant()}", p.CommentaireSuivi);
        // Stable: steps of one day keep the order of the process.
        return etapes.OrderBy(e => e.Date).ToList();
    }
}
