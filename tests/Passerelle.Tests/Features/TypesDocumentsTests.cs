using System.IO.Compression;
using System.Text;
using Passerelle.Features.Beneficiaires.Documents;

namespace Passerelle.Tests.Features;

public sealed class TypesDocumentsTests
{
    private static MemoryStream Flux(params byte[] octets) => new([.. octets, .. new byte[64]]);

    private static MemoryStream Zip(params (string Nom, string Contenu)[] entrees)
    {
        var memoire = new MemoryStream();
        using (var archive = new ZipArchive(memoire, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (nom, contenu) in entrees)
            {
                using var flux = archive.CreateEntry(nom, nom == "mimetype" ? CompressionLevel.NoCompression : CompressionLevel.Optimal).Open();
                flux.Write(Encoding.UTF8.GetBytes(contenu));
            }
        }

        memoire.Position = 0;
        return memoire;
    }

    private static async Task<string?> DetecterAsync(Stream flux) => (await TypesDocuments.DetecterAsync(flux))?.Libelle;

    [Fact]
    public async Task Les_formats_acceptes_sont_reconnus_a_leurs_premiers_octets()
    {
        (await DetecterAsync(Flux("%PDF-1.7"u8.ToArray()))).ShouldBe("PDF");
        (await DetecterAsync(Flux(0xFF, 0xD8, 0xFF, 0xE1))).ShouldBe("JPEG");
        (await DetecterAsync(Flux(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A))).ShouldBe("PNG");
    }

    [Fact]
    public async Task Un_texte_odt_et_un_texte_docx_sont_reconnus_dans_leur_archive()
    {
        (await DetecterAsync(Zip(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<x/>")))).ShouldBe("ODT");
        (await DetecterAsync(Zip(("[Content_Types].xml", "<Types/>"), ("_rels/.rels", "<r/>"), ("word/document.xml", "<w/>")))).ShouldBe("DOCX");
    }

    [Theory]
    [InlineData("application/vnd.oasis.opendocument.spreadsheet")]
    [InlineData("application/vnd.oasis.opendocument.presentation")]
    [InlineData("application/vnd.oasis.opendocument.text-template")]
    public async Task Les_autres_documents_opendocument_sont_refuses(string mimetype) =>
        (await DetecterAsync(Zip(("mimetype", mimetype), ("content.xml", "<x/>")))).ShouldBeNull();

    [Fact]
    public async Task Le_type_opendocument_doit_etre_la_premiere_entree()
    {
        (await DetecterAsync(Zip(("content.xml", "<x/>"), ("mimetype", "application/vnd.oasis.opendocument.text")))).ShouldBeNull();
    }

    [Fact]
    public async Task Un_classeur_xlsx_une_archive_quelconque_et_une_archive_tronquee_sont_refuses()
    {
        (await DetecterAsync(Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<w/>")))).ShouldBeNull();
        (await DetecterAsync(Zip(("photos/vacances.jpg", "pas une photo")))).ShouldBeNull();
        var tronquee = Zip(("word/document.xml", "<w/>")).ToArray()[..30];
        (await DetecterAsync(new MemoryStream(tronquee))).ShouldBeNull();
        (await DetecterAsync(new MemoryStream([0x50, 0x4B, 0x03, 0x04]))).ShouldBeNull();
    }

    [Theory]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0x00 })]
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46 })]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46 })]
    [InlineData(new byte[] { 0xFF, 0xD8 })]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61 })]
    [InlineData(new byte[] { 0x20, 0x25, 0x50, 0x44, 0x46, 0x2D })]
    [InlineData(new byte[0])]
    public async Task Un_executable_un_gif_un_debut_incomplet_ou_un_fichier_vide_sont_refuses(byte[] octets) =>
        (await DetecterAsync(new MemoryStream(octets))).ShouldBeNull();

    [Fact]
    public async Task Le_flux_est_laisse_a_son_debut_pour_etre_enregistre()
    {
        var zip = Zip(("word/document.xml", "<w/>"));
        zip.Position = 5;
        var pdf = Flux("%PDF-1.4"u8.ToArray());

        await TypesDocuments.DetecterAsync(zip);
        await TypesDocuments.DetecterAsync(pdf);

        zip.Position.ShouldBe(0);
        pdf.Position.ShouldBe(0);
    }

    [Theory]
    [InlineData("Attestation été.pdf", "Attestation été.pdf")]
    [InlineData("SCAN.PDF", "SCAN.PDF")]
    [InlineData(@"C:\Users\agent\Documents\avis.pdf", "avis.pdf")]
    [InlineData("../../etc/avis.pdf", "avis.pdf")]
    [InlineData("facture.exe", "facture.exe.pdf")]
    [InlineData("sans extension", "sans extension.pdf")]
    [InlineData("", "document.pdf")]
    [InlineData(".pdf", "document.pdf")]
    [InlineData("retour\r\nà la ligne.pdf", "retourà la ligne.pdf")]
    public void Le_nom_garde_est_celui_donne_sans_dossier_et_avec_l_extension_du_format_reconnu(string donne, string garde) =>
        TypesDocuments.NomFichier(donne, TypesDocuments.Pdf, 200).ShouldBe(garde);

    [Fact]
    public void Un_nom_trop_long_est_raccourci_en_gardant_son_extension()
    {
        var nom = TypesDocuments.NomFichier(new string('a', 300) + ".jpeg", TypesDocuments.Jpeg, 200);

        nom.Length.ShouldBe(200);
        nom.ShouldEndWith("a.jpeg");
    }

    [Theory]
    [InlineData(0, "0 octet")]
    [InlineData(1, "1 octet")]
    [InlineData(512, "512 octets")]
    [InlineData(1024, "1 Ko")]
    [InlineData(36_045, "35,2 Ko")]
    [InlineData(1_258_291, "1,2 Mo")]
    [InlineData(10 * 1024 * 1024, "10 Mo")]
    public void La_taille_se_lit_a_la_francaise(long octets, string texte) =>
        TypesDocuments.TailleLisible(octets).ShouldBe(texte);
}
