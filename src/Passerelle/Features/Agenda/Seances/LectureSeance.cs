using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;

namespace Passerelle.Features.Agenda.Seances;

public sealed record PlaceSeance(Guid RendezVousId, Guid? BeneficiaireId, string? Personne, StatutRendezVous Statut, string? MotifExcuse, Guid? ConvocationId, int Version);

public sealed record VueSeance(Guid Id, Guid AgentId, string? Agent, string Titre, DateTime Debut, int DureeMinutes, string Lieu, int Places, IReadOnlyList<PlaceSeance> Sieges)
{
    public DateTime Fin => Debut.AddMinutes(DureeMinutes);

    /// <summary>Seats of people outside the reader's scope: counted, never named.</summary>
    public int HorsPerimetre => Sieges.Count(s => s.BeneficiaireId is null);
}

/// <summary>A session as its page shows it, to its agent or to a Responsable of his structure; anyone else gets null (404).</summary>
public static class LectureSeance
{
    public static async Task<VueSeance?> LireAsync(
        PasserelleDbContext db, IQueryable<Beneficiaire> visibles, ClaimsPrincipal utilisateur, Guid moi, Guid seanceId, CancellationToken cancellationToken)
    {
        var seance = await db.SeancesCollectives.AsNoTracking().Where(s => s.Id == seanceId)
            .Select(s => new { s.Id, s.AgentId, s.Titre, s.Debut, s.DureeMinutes, s.Lieu, s.Places, Agent = db.Users.Where(a => a.Id == s.AgentId).Select(a => a.Prenom + " " + a.Nom).FirstOrDefault() })
            .SingleOrDefaultAsync(cancellationToken);
        if (seance is null || (await AgentsAgenda.ResoudreAsync(db, utilisateur, moi, seance.AgentId, cancellationToken)) is null)
        {
            return null;
        }

        var sieges = await db.RendezVous.AsNoTracking().Where(r => r.SeanceCollectiveId == seanceId)
            .Select(r => new
            {
                r.Id, r.BeneficiaireId, r.Statut, r.MotifExcuse, r.Version,
                Personne = visibles.Where(b => b.Id == r.BeneficiaireId).Select(b => new { Nom = b.NomUsage ?? b.NomNaissance, b.Prenoms }).FirstOrDefault(),
                Convocation = db.CourriersEmis.Where(c => c.ObjetId == r.Id && c.Type == TypeCourrier.Convocation)
                    .OrderByDescending(c => c.Instant).Select(c => (Guid?)c.DocumentId).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var places = sieges
            .Select(s => new PlaceSeance(s.Id, s.Personne is null ? null : s.BeneficiaireId,
                s.Personne is null ? null : $"{s.Personne.Nom.ToUpper(CultureInfo.CurrentCulture)} {s.Personne.Prenoms}", s.Statut, s.MotifExcuse,
                s.Personne is null ? null : s.Convocation, s.Version))
            .OrderBy(s => s.Personne is null).ThenBy(s => s.Personne, StringComparer.CurrentCulture)
            .ToList();
        return new VueSeance(seance.Id, seance.AgentId, seance.Agent, seance.Titre, seance.Debut, seance.DureeMinutes, seance.Lieu, seance.Places, places);
    }
}
