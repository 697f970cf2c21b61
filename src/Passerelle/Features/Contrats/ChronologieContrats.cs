using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Features.Beneficiaires;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.Contrats;

/// <summary>The dated events of a person's contracts, for the dossier's chronologie.</summary>
public static class ChronologieContrats
{
    private const string Type = "Contrat";

    public static async Task<List<EvenementDossier>> LireAsync(PasserelleDbContext db, Guid beneficiaireId, TimeZoneInfo fuseau, CancellationToken cancellationToken)
    {
        var contrats = await db.ContratsEngagement.AsNoTracking().Where(c => c.BeneficiaireId == beneficiaireId)
            .OrderByDescending(c => c.Debut).Take(ChronologieDossier.Maximum)
            .Select(c => new
            {
                c.Id, c.Externe, c.OrganismeExterne, c.Debut, c.Fin, c.DateSoumission, c.DateValidation, c.DateSignature, c.DateCloture,
                Validateur = db.Users.Where(a => a.Id == c.ValidePar).Select(a => a.Prenom + " " + a.Nom).FirstOrDefault(),
                // The draft's day is not a field of the contract: the change trail dates its creation.
                Redige = db.HistoriqueModifications
                    .Where(h => h.EntiteId == c.Id && h.Champ == null)
                    .OrderBy(h => h.Instant)
                    .Select(h => (DateTime?)h.Instant)
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var evenements = new List<EvenementDossier>();
        foreach (var c in contrats)
        {
            var periode = $"Du {c.Debut:dd/MM/yyyy} au {c.Fin:dd/MM/yyyy}.";
            if (c.Externe)
            {
                if (c.DateSignature is { } signatureExterne)
                {
                    evenements.Add(new(signatureExterne, null, Type, $"Contrat extérieur enregistré : signé auprès de {c.OrganismeExterne}", periode));
                }
            }
            else
            {
                if (c.Redige is { } instant)
                {
                    var local = instant.EnHeureLocale(fuseau);
                    evenements.Add(new(DateOnly.FromDateTime(local), instant, Type, "Contrat d'engagement rédigé (brouillon)", periode));
                }

                if (c.DateSoumission is { } soumission)
                {
                    evenements.Add(new(soumission, null, Type, "Contrat soumis à validation", periode));
                }

                if (c.DateValidation is { } validation)
                {
                    evenements.Add(new(validation, null, Type, "Contrat validé" + (c.Validateur is null ? "" : $" par {c.Validateur}"), periode));
                }

                if (c.DateSignature is { } signature)
                {
                    evenements.Add(new(signature, null, Type, "Contrat signé par la personne", periode));
                }
            }

            if (c.DateCloture is { } cloture)
            {
                evenements.Add(new(cloture, null, Type, "Contrat clos avec son bilan", periode));
            }
        }

        return evenements;
    }
}
