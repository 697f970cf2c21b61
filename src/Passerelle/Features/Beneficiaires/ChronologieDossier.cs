using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;

namespace Passerelle.Features.Beneficiaires;

public sealed record EvenementDossier(DateOnly Date, DateTime? Instant, string Type, string Libelle, string? Detail);

/// <summary>
/// Every dated event of a person, newest first, shown on its own page: it reads every table of the parcours, which
/// the dossier's summary does not need to. Each kind of row adds its own query here.
/// </summary>
public static class ChronologieDossier
{
    public const int Maximum = 200;

    /// <summary>The <see cref="Maximum"/> latest events of the dossier.</summary>
    public static async Task<List<EvenementDossier>> LireAsync(
        PasserelleDbContext db, Documents.ServiceDocuments documents, Guid beneficiaireId, TimeZoneInfo fuseau, CancellationToken cancellationToken)
    {
        var evenements = new List<EvenementDossier>();

        evenements.AddRange((await VueDossier.DroitsAsync(db, beneficiaireId, cancellationToken)).Select(d => new EvenementDossier(
            d.DateEffet, null, "Droit RSA",
            (d.Etat == EtatDroitRsa.Demande ? "Demande de RSA" : $"Droit RSA {d.Etat.Libelle().ToLowerInvariant()}") + $" ({d.OrganismePayeur.Libelle()})",
            (d.SoumisDroitsEtDevoirs ? "Soumis aux droits et devoirs." : "Non soumis aux droits et devoirs.")
            + (d.DateReceptionInformation is { } r ? $" Information reçue le {r:dd/MM/yyyy}." : ""))));

        foreach (var r in await VueDossier.ReferentsAsync(db, beneficiaireId, cancellationToken))
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
        evenements.AddRange((await documents.ListerAsync(beneficiaireId, cancellationToken)).Take(Maximum)
            .Select(d => Horodate(d.Instant, fuseau, "Document", "Document ajouté", d.NomFichier)));

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
