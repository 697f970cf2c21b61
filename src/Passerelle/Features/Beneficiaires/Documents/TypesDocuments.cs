using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Passerelle.Features.Beneficiaires.Documents;

/// <summary>A format of document Passerelle keeps: what it is called and what it is served as.</summary>
public sealed record TypeDocument(string Libelle, string TypeContenu, string Extension, IReadOnlyList<string> Extensions);

/// <summary>
/// Recognises a document by its content, never by its name or by what the browser says: an executable
/// renamed ".pdf" is not a PDF, and what is stored and served is what was recognised.
/// </summary>
public static class TypesDocuments
{
    public static readonly TypeDocument Pdf = new("PDF", "application/pdf", ".pdf", [".pdf"]);
    public static readonly TypeDocument Jpeg = new("JPEG", "image/jpeg", ".jpg", [".jpg", ".jpeg"]);
    public static readonly TypeDocument Png = new("PNG", "image/png", ".png", [".png"]);
    public static readonly TypeDocument Odt = new("ODT", "application/vnd.oasis.opendocument.text", ".odt", [".odt"]);
    public static readonly TypeDocument Docx = new("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx", [".docx"]);

    public static readonly IReadOnlyList<TypeDocument> Acceptes = [Pdf, Jpeg, Png, Odt, Docx];

    /// <summary>The accept attribute of the file field: extensions and content types, for the browser's file picker only.</summary>
    public static readonly string Accept = string.Join(',', Acceptes.SelectMany(t => t.Extensions).Concat(Acceptes.Select(t => t.TypeContenu)));

    public const string FormatsAcceptes = "PDF, JPEG, PNG, ODT ou DOCX";

    public const string MessageFormatRefuse =
        "Ce fichier n'est pas dans un format accepté : seuls les documents " + FormatsAcceptes +
        " sont acceptés. Le format est reconnu d'après le contenu du fichier, pas d'après son nom.";

    private static readonly byte[] SignaturePdf = "%PDF-"u8.ToArray();
    private static readonly byte[] SignatureJpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] SignaturePng = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] SignatureZip = [0x50, 0x4B, 0x03, 0x04];
    private const string MimetypeOdt = "application/vnd.oasis.opendocument.text";

    /// <summary>
    /// The format of the content of <paramref name="flux"/>, or null when it is none of the accepted ones.
    /// The stream must be seekable (an uploaded file is); it is left at its beginning.
    /// </summary>
    public static async Task<TypeDocument?> DetecterAsync(Stream flux, CancellationToken cancellationToken = default)
    {
        if (!flux.CanSeek)
        {
            throw new ArgumentException("Le flux doit permettre de revenir au début.", nameof(flux));
        }

        try
        {
            flux.Position = 0;
            var entete = new byte[SignaturePng.Length];
            var lus = await flux.ReadAtLeastAsync(entete, entete.Length, throwOnEndOfStream: false, cancellationToken);
            var debut = entete.AsSpan(0, lus);
            if (debut.StartsWith(SignaturePdf))
            {
                return Pdf;
            }

            if (debut.StartsWith(SignatureJpeg))
            {
                return Jpeg;
            }

            if (debut.StartsWith(SignaturePng))
            {
                return Png;
            }

            return debut.StartsWith(SignatureZip) ? await DetecterZipAsync(flux, cancellationToken) : null;
        }
        finally
        {
            flux.Position = 0;
        }
    }

    /// <summary>
    /// ODT and DOCX are zip archives, like spreadsheets, presentations and any zip: only a text
    /// document's marks count. Only names and one small entry are read, so a zip bomb costs nothing.
    /// </summary>
    private static async Task<TypeDocument?> DetecterZipAsync(Stream flux, CancellationToken cancellationToken)
    {
        flux.Position = 0;
        try
        {
            await using var archive = await ZipArchive.CreateAsync(flux, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: null, cancellationToken);
            if (archive.Entries.Count == 0)
            {
                return null;
            }

            // OpenDocument requires "mimetype" as the first entry, stored, holding the document's media type.
            var premiere = archive.Entries[0];
            if (premiere.FullName == "mimetype")
            {
                // A spreadsheet, a presentation or a template says so here: only a text document passes.
                if (premiere.Length != MimetypeOdt.Length)
                {
                    return null;
                }

                await using var contenu = await premiere.OpenAsync(cancellationToken);
                var octets = new byte[MimetypeOdt.Length];
                var lus = await contenu.ReadAtLeastAsync(octets, octets.Length, throwOnEndOfStream: false, cancellationToken);
                return Encoding.ASCII.GetString(octets, 0, lus) == MimetypeOdt ? Odt : null;
            }

            return archive.GetEntry("word/document.xml") is not null ? Docx : null;
        }
        catch (InvalidDataException)
        {
            // Begins like a zip but is not one: not a document we keep.
            return null;
        }
    }

    /// <summary>The format recorded for a stored content type, for display.</summary>
    public static TypeDocument? Pour(string typeContenu) =>
        Acceptes.FirstOrDefault(t => string.Equals(t.TypeContenu, typeContenu, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The name the document is kept and downloaded under: the name given, without any folder, control
    /// characters or path separators, ending with an extension of the recognised format so that the
    /// agent's computer opens it with the right application (a PDF named "scan.exe" becomes "scan.exe.pdf").
    /// </summary>
    public static string NomFichier(string? nomDonne, TypeDocument type, int longueurMaximale)
    {
        var nom = Path.GetFileName((nomDonne ?? "").Replace('\\', '/'));
        nom = new string(nom.Where(c => !char.IsControl(c) && c != '/' && c != '\\').ToArray()).Trim().TrimEnd('.');
        var extension = Path.GetExtension(nom);
        var radical = type.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase) ? nom[..^extension.Length] : nom;
        if (!type.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            extension = type.Extension;
        }

        if (radical.Length == 0)
        {
            radical = "document";
        }

        if (radical.Length + extension.Length > longueurMaximale)
        {
            radical = radical[..(longueurMaximale - extension.Length)];
        }

        return radical + extension;
    }

    /// <summary>A size as agents read it: "512 octets", "35,2 Ko", "1,2 Mo".</summary>
    public static string TailleLisible(long octets)
    {
        const double kilo = 1024;
        var culture = CultureInfo.GetCultureInfo("fr-FR");
        return octets switch
        {
            < 2 => $"{octets} octet",
            < 1024 => $"{octets} octets",
            < 1024 * 1024 => string.Create(culture, $"{octets / kilo:0.#} Ko"),
            _ => string.Create(culture, $"{octets / (kilo * kilo):0.#} Mo"),
        };
    }
}
