using Microsoft.EntityFrameworkCore;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Infrastructure.Audit;

namespace Passerelle.Features.Agenda;

/// <summary>
/// The convocations of a day or of a session in one PDF, to print at once: for each rendez-vous, the last
/// convocation issued (the letter kept in the dossier, as it was sent), in the order of the rendez-vous.
/// Only the people the reader sees are printed; each printing is journaled under the person.
/// </summary>
public static class ConvocationsGroupees
{
    public static async Task<byte[]?> ImprimerAsync(
        PasserelleDbContext db, Journal journal, IQueryable<RendezVous> rendezVous, IQueryable<Beneficiaire> visibles, CancellationToken cancellationToken)
    {
        var lettres = await rendezVous
            .Where(r => visibles.Any(b => b.Id == r.BeneficiaireId))
            .OrderBy(r => r.Debut).ThenBy(r => r.Id)
            .Select(r => new
            {
                r.BeneficiaireId,
                DocumentId = db.CourriersEmis.Where(c => c.ObjetId == r.Id && c.Type == TypeCourrier.Convocation)
                    .OrderByDescending(c => c.Instant).Select(c => (Guid?)c.DocumentId).FirstOrDefault(),
            })
            .Where(l => l.DocumentId != null)
            .ToListAsync(cancellationToken);
        if (lettres.Count == 0)
        {
            return null;
        }

        // The ids come from the letters of this département (tenant filter): the contents table has no filter of its own.
        var ids = lettres.Select(l => l.DocumentId!.Value).ToList();
        var contenus = await db.ContenusDocuments.AsNoTracking().Where(c => ids.Contains(c.DocumentId))
            .ToDictionaryAsync(c => c.DocumentId, c => c.Contenu, cancellationToken);
        foreach (var personne in lettres.Select(l => l.BeneficiaireId).Distinct())
        {
            journal.Ajouter(ActionJournal.Telechargement, nameof(Beneficiaire), personne);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Fusionner(ids.Where(contenus.ContainsKey).Select(id => contenus[id]));
    }

    /// <summary>The pages of every PDF, one after the other.</summary>
    public static byte[] Fusionner(IEnumerable<byte[]> documents)
    {
        using var sortie = new PdfDocument();
        sortie.Info.Title = "Convocations";
        sortie.Info.Creator = "Passerelle";
        foreach (var contenu in documents)
        {
            using var flux = new MemoryStream(contenu);
            using var source = PdfReader.Open(flux, PdfDocumentOpenMode.Import);
            foreach (var page in source.Pages)
            {
                sortie.AddPage(page);
            }
        }

        using var resultat = new MemoryStream();
        sortie.Save(resultat);
        return resultat.ToArray();
    }
}
