using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;

namespace Passerelle.Features.Beneficiaires;

public sealed record EvenementDossier(DateOnly Date, DateTime? Instant, string Type, string Libelle, string? Detail);

/// <summary>
/// Every dated event of a person, newest first. Each kind of row adds its own query here; the later
/// parts of the parcours (orientation, contract, rendez-vous, prescriptions) add theirs the same way.
/// </summary>
public static class ChronologieDossier
{
    public const int Maximum = 200;

    public static async Task<List<EvenementDossier>> LireAsync(PasserelleDbContext db, Guid beneficiaireId, TimeZoneInfo fuseau, CancellationToken cancellationToken)
    {
        var evenements = new List<EvenementDossier>();

        var droits = await db.DroitsRsa.AsNoTracking().Where(d => d.BeneficiaireId == beneficiaireId)
            .Select(d => new { d.DateEffet, d.Etat, d.OrganismePayeur, d.SoumisDroitsEtDevoirs, d.DateReceptionInformation }).ToListAsync(cancellationToken);
        evenements.AddRange(droits.Select(d => new EvenementDossier(
            d.DateEffet, null, "Droit RSA",
            (d.Etat == EtatDroitRsa.Demande ? "Demande de RSA" : $"Droit RSA {d.Etat.Libelle().ToLowerInvariant()}") + $" ({d.OrganismePayeur.Libelle()})",
            (d.SoumisDroitsEtDevoirs ? "Soumis aux droits et devoirs." : "Non soumis aux droits et devoirs.")
            + (d.DateReceptionInformation is { } r ? $" Information reçue le {r:dd/MM/yyyy}." : ""))));

        var referents = await db.ReferentsUniques.AsNoTracking().Where(r => r.BeneficiaireId == beneficiaireId)
            .Select(r => new
            {
                r.Debut, r.Fin,
                Nom = r.AgentId != null ? db.Users.Where(a => a.Id == r.AgentId).Select(a => a.Prenom + " " + a.Nom).FirstOrDefault() : r.NomExterne,
                Structure = r.StructureId != null ? db.Structures.Where(s => s.Id == r.StructureId).Select(s => s.Nom).FirstOrDefault() : r.StructureExterne,
            }).ToListAsync(cancellationToken);
        foreach (var r in referents)
        {
            evenements.Add(new EvenementDossier(r.Debut, null, "Référent", $"Référent unique désigné : {r.Nom}", r.Structure));
            if (r.Fin is { } fin)
            {
                evenements.Add(new EvenementDossier(fin, null, "Référent", $"Fin de la désignation de {r.Nom}", r.Structure));
            }
        }

        evenements.AddRange(await Orientation.ChronologieOrientation.LireAsync(db, beneficiaireId, cancellationToken));

        var evaluations = await db.EvaluationsFreins.AsNoTracking().Where(e => e.BeneficiaireId == beneficiaireId)
            .GroupBy(e => e.Date)
            .Select(g => new { Date = g.Key, Nombre = g.Count(), Bloquants = g.Count(e => e.Niveau == NiveauFrein.Bloquant) })
            .ToListAsync(cancellationToken);
        evenements.AddRange(evaluations.Select(e => new EvenementDossier(
            e.Date, null, "Diagnostic", $"Diagnostic des freins : {e.Nombre} thème{(e.Nombre > 1 ? "s" : "")} évalué{(e.Nombre > 1 ? "s" : "")}",
            e.Bloquants > 0 ? $"{e.Bloquants} frein{(e.Bloquants > 1 ? "s" : "")} bloquant{(e.Bloquants > 1 ? "s" : "")}." : null)));

        evenements.AddRange(await Contrats.ChronologieContrats.LireAsync(db, beneficiaireId, fuseau, cancellationToken));
        evenements.AddRange(await Prescriptions.ChronologiePrescriptions.LireAsync(db, beneficiaireId, cancellationToken));

        var notes = await db.NotesSuivi.AsNoTracking().Where(n => n.BeneficiaireId == beneficiaireId)
            .OrderByDescending(n => n.Instant).Take(Maximum)
            .Select(n => new { n.Instant, Auteur = db.Users.Where(a => a.Id == n.AgentId).Select(a => a.Prenom + " " + a.Nom).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        evenements.AddRange(notes.Select(n => Horodate(n.Instant, fuseau, "Note", $"Note de suivi de {n.Auteur ?? "un agent"}", null)));

        var documents = await db.Documents.AsNoTracking().Where(d => d.BeneficiaireId == beneficiaireId)
            .OrderByDescending(d => d.Instant).Take(Maximum)
            .Select(d => new { d.Instant, d.NomFichier }).ToListAsync(cancellationToken);
        evenements.AddRange(documents.Select(d => Horodate(d.Instant, fuseau, "Document", "Document ajouté", d.NomFichier)));

        await SuiviRendezVous.ChronologieRendezVous.AjouterAsync(db, beneficiaireId, fuseau, evenements, cancellationToken);

        var clotures = await db.ClotureDossiers.AsNoTracking().Where(c => c.BeneficiaireId == beneficiaireId)
            .Select(c => new { c.Date, c.Motif, c.Commentaire, c.DateReouverture }).ToListAsync(cancellationToken);
        foreach (var c in clotures)
        {
            evenements.Add(new EvenementDossier(c.Date, null, "Dossier", $"Dossier clos : {c.Motif.Libelle().ToLowerInvariant()}", c.Commentaire));
            if (c.DateReouverture is { } reouverture)
            {
                evenements.Add(new EvenementDossier(reouverture, null, "Dossier", "Dossier rouvert", null));
            }
        }

        return evenements
            .OrderByDescending(e => e.Date)
            .ThenByDescending(e => e.Instant ?? DateTime.MinValue)
            .Take(Maximum)
            .ToList();
    }

    private static EvenementDossier Horodate(DateTime instant, TimeZoneInfo fuseau, string type, string libelle, string? detail)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(instant, DateTimeKind.Utc), fuseau);
        return new EvenementDossier(DateOnly.FromDateTime(local), instant, type, libelle, detail);
    }
}
