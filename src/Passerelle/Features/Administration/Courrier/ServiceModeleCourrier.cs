using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Courriers;
using Passerelle.Infrastructure.Audit;
using Passerelle.Infrastructure.Pdf;
using Passerelle.Infrastructure.Web;

namespace Passerelle.Features.Administration.Courrier;

/// <summary>A letterhead as typed on the form.</summary>
public sealed record SaisieModele(string? Service, string? Adresse, string? Signataire, string? QualiteSignataire, string? PiedDePage);

/// <summary>
/// The letterhead of the current département (<see cref="ModeleCourrier"/>, one per département), written by its
/// Administrateur. Until then, letters use <see cref="ServiceCourriers.ModeleAsync"/>'s plain one.
/// </summary>
public sealed class ServiceModeleCourrier(PasserelleDbContext db, ServiceCourriers courriers, Journal journal)
{
    public static readonly DateOnly DateExemple = new(2026, 1, 15);

    public Task<ModeleCourrier> ActuelAsync(CancellationToken cancellationToken = default) => courriers.ModeleAsync(cancellationToken);

    public Task<bool> ExisteAsync(CancellationToken cancellationToken = default) => db.ModelesCourrier.AnyAsync(cancellationToken);

    /// <param name="logo">A new logo; null keeps the current one unless <paramref name="retirerLogo"/>.</param>
    public async Task EnregistrerAsync(int? version, SaisieModele saisie, byte[]? logo, bool retirerLogo, CancellationToken cancellationToken = default)
    {
        var modele = await db.ModelesCourrier.SingleOrDefaultAsync(cancellationToken);
        var creation = modele is null;
        if (modele is null)
        {
            modele = new ModeleCourrier(db.DepartementCourant.IdObligatoire, saisie.Service ?? "", saisie.Adresse ?? "", saisie.Signataire ?? "", saisie.QualiteSignataire ?? "");
            db.ModelesCourrier.Add(modele);
        }
        else if (version is { } lue)
        {
            Concurrence.VerifierVersion(modele, lue);
            db.Entry(modele).Property(m => m.Version).OriginalValue = lue;
        }

        modele.Modifier(saisie.Service ?? "", saisie.Adresse ?? "", saisie.Signataire ?? "", saisie.QualiteSignataire ?? "", saisie.PiedDePage);
        if (logo is not null)
        {
            modele.DefinirLogo(logo, TypeImage(logo));
            // An image PDFsharp cannot read would break every letter of the département: tried once here.
            try
            {
                _ = Apercu(modele);
            }
            catch (Exception erreur) when (erreur is not RegleMetierException)
            {
                throw new RegleMetierException("Le logo n'a pas pu être lu : enregistrez-le de nouveau en PNG ou en JPEG.");
            }
        }
        else if (retirerLogo)
        {
            modele.DefinirLogo(null, null);
        }

        journal.Ajouter(creation ? ActionJournal.Creation : ActionJournal.Modification, nameof(ModeleCourrier), modele.Id);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A sample letter on the letterhead, addressed to nobody real.</summary>
    public static byte[] Apercu(ModeleCourrier modele) => ServiceCourriers.Generer(
        modele, new DestinataireCourrier("Madame Camille Exemple", "1 rue de l'Exemple", "15000 Aurillac"), "Aperçu du modèle de courrier",
        DateExemple, CorpsExemple);

    private static void CorpsExemple(DocumentPdf pdf)
    {
        pdf.Paragraphe("Madame,");
        pdf.Paragraphe("Ce courrier montre l'en-tête, l'adresse du service, la signature et le pied de page tels qu'ils figurent sur les décisions d'orientation, les convocations et les contrats d'engagement.");
        pdf.Section("Exemple de rendez-vous");
        pdf.Ligne("Date et heure", "jeudi 15 janvier 2026 à 9 h 30");
        pdf.Ligne("Lieu", "Maison départementale des solidarités");
        pdf.Paragraphe("Nous vous prions d'agréer, Madame, l'expression de nos salutations distinguées.");
    }

    /// <summary>The type read from the first bytes, not from what the browser claims.</summary>
    private static string? TypeImage(byte[] contenu) => contenu switch
    {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        _ => null,
    };
}
