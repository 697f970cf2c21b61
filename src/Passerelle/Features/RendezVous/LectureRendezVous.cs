using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;

namespace Passerelle.Features.SuiviRendezVous;

/// <summary>One rendez-vous as the pages and the API show it; <see cref="Debut"/> in UTC.</summary>
public sealed record LigneRendezVous(
    Guid Id, TypeRendezVous Type, DateTime Debut, int DureeMinutes, string Objet, string? Lieu, StatutRendezVous Statut,
    string? MotifExcuse, string? CompteRendu, Guid AgentId, string? Agent, Guid? SeanceCollectiveId, Guid? ConvocationId, int Version)
{
    public DateTime Fin => Debut.AddMinutes(DureeMinutes);

    /// <summary>Planned and started: its outcome is waiting to be recorded.</summary>
    public bool AEnregistrer(DateTime maintenant) => Statut == StatutRendezVous.Prevu && Debut <= maintenant;
}

public static class LectureRendezVous
{
    /// <summary>The rendez-vous of a person, latest first, each with its last convocation letter (a document of the dossier).</summary>
    public static Task<List<LigneRendezVous>> ListerAsync(PasserelleDbContext db, Guid beneficiaireId, CancellationToken cancellationToken) =>
        Projeter(db, db.RendezVous.AsNoTracking().Where(r => r.BeneficiaireId == beneficiaireId).OrderByDescending(r => r.Debut).ThenByDescending(r => r.Id))
            .ToListAsync(cancellationToken);

    public static Task<LigneRendezVous?> LireAsync(PasserelleDbContext db, Guid beneficiaireId, Guid rendezVousId, CancellationToken cancellationToken) =>
        Projeter(db, db.RendezVous.AsNoTracking().Where(r => r.BeneficiaireId == beneficiaireId && r.Id == rendezVousId))
            .SingleOrDefaultAsync(cancellationToken);

    public static IQueryable<LigneRendezVous> Projeter(PasserelleDbContext db, IQueryable<RendezVous> rendezVous) =>
        rendezVous.Select(r => new LigneRendezVous(
            r.Id, r.Type, r.Debut, r.DureeMinutes, r.Objet, r.Lieu, r.Statut, r.MotifExcuse, r.CompteRendu, r.AgentId,
            db.Users.Where(a => a.Id == r.AgentId).Select(a => a.Prenom + " " + a.Nom).FirstOrDefault(),
            r.SeanceCollectiveId,
            db.CourriersEmis.Where(c => c.ObjetId == r.Id && c.Type == TypeCourrier.Convocation)
                .OrderByDescending(c => c.Instant).Select(c => (Guid?)c.DocumentId).FirstOrDefault(),
            r.Version));
}
