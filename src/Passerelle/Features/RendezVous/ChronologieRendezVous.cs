using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Beneficiaires;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.SuiviRendezVous;

/// <summary>The rendez-vous in the dossier's chronologie, on the day they were (or are) held, in the département's time.</summary>
public static class ChronologieRendezVous
{
    public static async Task AjouterAsync(
        PasserelleDbContext db, Guid beneficiaireId, TimeZoneInfo fuseau, List<EvenementDossier> evenements, CancellationToken cancellationToken)
    {
        var rendezVous = await db.RendezVous.AsNoTracking().Where(r => r.BeneficiaireId == beneficiaireId)
            .OrderByDescending(r => r.Debut).Take(ChronologieDossier.Maximum)
            .Select(r => new { r.Debut, r.Type, r.Statut, r.Objet, r.Lieu, r.MotifExcuse })
            .ToListAsync(cancellationToken);
        foreach (var r in rendezVous)
        {
            var local = r.Debut.EnHeureLocale(fuseau);
            var detail = r.Statut switch
            {
                StatutRendezVous.Excuse => $"Motif : {r.MotifExcuse}",
                _ => r.Lieu is null ? null : $"{local:HH:mm}, {r.Lieu}",
            };
            evenements.Add(new EvenementDossier(
                DateOnly.FromDateTime(local), r.Debut, "Rendez-vous",
                $"{r.Type.Libelle()} {r.Statut.Libelle().ToLowerInvariant()} : {r.Objet}", detail ?? $"{local:HH:mm}"));
        }
    }
}
