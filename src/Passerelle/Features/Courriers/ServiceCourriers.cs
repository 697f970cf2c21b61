using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Infrastructure.Audit;
using Passerelle.Infrastructure.Pdf;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.Courriers;

/// <summary>The addressee of a letter, as printed in the address block.</summary>
public sealed record DestinataireCourrier(string Nom, string? Adresse, string? CodePostalEtCommune);

/// <summary>
/// Letters on the département's letterhead (its <see cref="ModeleCourrier"/>): decision letters, convocations,
/// contracts. <see cref="Generer"/> builds the PDF; <see cref="EmettreAsync"/> also keeps it in the dossier
/// as a document with its date of sending, in the caller's unit of work.
/// </summary>
public sealed class ServiceCourriers(PasserelleDbContext db, Journal journal, AgentCourant agentCourant, TimeProvider temps)
{
    private static readonly CultureInfo Francais = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>The letterhead of the current département; a plain one naming the département until its Administrateur writes it.</summary>
    public async Task<ModeleCourrier> ModeleAsync(CancellationToken cancellationToken = default)
    {
        var modele = await db.ModelesCourrier.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (modele is not null)
        {
            return modele;
        }

        var departement = await db.Departements.AsNoTracking().SingleAsync(d => d.Id == db.DepartementCourantId, cancellationToken);
        return new ModeleCourrier(departement.Id, $"Département {departement.Nom} – Direction de l'insertion", "Hôtel du Département", "Le président du conseil départemental", "Par délégation");
    }

    /// <summary>The letter's PDF: letterhead, addressee, place and date, subject, body, signature.</summary>
    public static byte[] Generer(ModeleCourrier modele, DestinataireCourrier destinataire, string objet, DateOnly date, Action<DocumentPdf> corps, bool avecSignature = true)
    {
        var pdf = new DocumentPdf(objet) { PiedDePage = modele.PiedDePage ?? modele.Service, Logo = modele.Logo };
        pdf.Entete(modele.Service);
        foreach (var ligne in modele.Adresse.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            pdf.Entete(ligne);
        }

        pdf.Entete("");
        pdf.Entete($"À l'attention de {destinataire.Nom}");
        if (!string.IsNullOrWhiteSpace(destinataire.Adresse))
        {
            pdf.Entete(destinataire.Adresse);
        }

        if (!string.IsNullOrWhiteSpace(destinataire.CodePostalEtCommune))
        {
            pdf.Entete(destinataire.CodePostalEtCommune);
        }

        pdf.Entete("");
        pdf.Entete($"Le {date.ToString("d MMMM yyyy", Francais)}");
        corps(pdf);
        if (avecSignature)
        {
            pdf.Paragraphe("");
            pdf.Paragraphe($"{modele.QualiteSignataire},");
            pdf.Paragraphe(modele.Signataire);
        }

        return pdf.Generer();
    }

    /// <summary>The addressee block of a person of the current département: usage name first, address of the dossier.</summary>
    public async Task<DestinataireCourrier> DestinataireAsync(Guid beneficiaireId, CancellationToken cancellationToken = default)
    {
        var personne = await db.Beneficiaires.AsNoTracking()
            .Where(b => b.Id == beneficiaireId)
            .Select(b => new
            {
                b.Sexe, b.Prenoms, Nom = b.NomUsage ?? b.NomNaissance, b.Adresse,
                Commune = db.Communes.Where(c => c.Code == b.CommuneCode).Select(c => new { c.CodesPostaux, c.Nom }).FirstOrDefault(),
            })
            .SingleAsync(cancellationToken);
        var commune = personne.Commune is null ? null : $"{personne.Commune.CodesPostaux.Split(' ', ',', ';')[0]} {personne.Commune.Nom}";
        var civilite = personne.Sexe == Sexe.Femme ? "Madame" : "Monsieur";
        return new DestinataireCourrier($"{civilite} {personne.Prenoms.Split(' ')[0]} {personne.Nom}", personne.Adresse, commune);
    }

    /// <summary>
    /// Builds the letter and adds it to the dossier: the PDF as a document, the issued letter with its date of
    /// sending, the journal lines. Nothing is saved here: the caller's SaveChanges commits the letter with the
    /// decision it announces, or neither.
    /// </summary>
    public async Task<CourrierEmis> EmettreAsync(
        Guid beneficiaireId, TypeCourrier type, Guid? objetId, string objet, DateOnly dateEnvoi, Action<DocumentPdf> corps,
        CancellationToken cancellationToken = default)
    {
        var modele = await ModeleAsync(cancellationToken);
        var destinataire = await DestinataireAsync(beneficiaireId, cancellationToken);
        var contenu = Generer(modele, destinataire, objet, dateEnvoi, corps);
        var nom = $"{type.Libelle()} du {dateEnvoi.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture)}.pdf";
        var instant = temps.GetUtcNow().UtcDateTime;
        var document = new Document(modele.DepartementId, beneficiaireId, nom, "application/pdf", contenu.Length, agentCourant.Id, instant);
        db.Documents.Add(document);
        db.ContenusDocuments.Add(new ContenuDocument(document.Id, contenu));
        var courrier = new CourrierEmis(modele.DepartementId, beneficiaireId, type, document.Id, objetId, dateEnvoi, agentCourant.Id, instant);
        db.CourriersEmis.Add(courrier);
        journal.Ajouter(ActionJournal.Creation, nameof(CourrierEmis), courrier.Id);
        return courrier;
    }
}
