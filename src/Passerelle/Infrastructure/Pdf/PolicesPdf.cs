using PdfSharp.Fonts;

namespace Passerelle.Infrastructure.Pdf;

/// <summary>
/// The fonts of every PDF: DejaVu Sans, embedded in the assembly, so that a document renders the same on
/// any server whatever fonts it has installed. Any family asked for gets DejaVu Sans; there is no italic
/// face, an italic request gets the upright one.
/// </summary>
public sealed class PolicesPdf : IFontResolver
{
    public const string Famille = "DejaVu Sans";

    private const string Normale = "DejaVuSans";
    private const string Grasse = "DejaVuSans-Bold";

    private static readonly PolicesPdf Instance = new();
    private static readonly Lock Verrou = new();

    private static readonly Lazy<byte[]> OctetsNormale = new(() => Lire(Normale));
    private static readonly Lazy<byte[]> OctetsGrasse = new(() => Lire(Grasse));

    private PolicesPdf()
    {
    }

    /// <summary>
    /// Declares the resolver to PDFsharp. PDFsharp accepts it once per process, before any font is used,
    /// and then only the same instance again: every caller goes through here, as often as it likes.
    /// </summary>
    public static void Installer()
    {
        if (GlobalFontSettings.FontResolver == Instance)
        {
            return;
        }

        lock (Verrou)
        {
            if (GlobalFontSettings.FontResolver != Instance)
            {
                GlobalFontSettings.FontResolver = Instance;
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => new(bold ? Grasse : Normale);

    public byte[]? GetFont(string faceName) => faceName switch
    {
        Normale => OctetsNormale.Value,
        Grasse => OctetsGrasse.Value,
        _ => null,
    };

    private static byte[] Lire(string face)
    {
        var ressource = $"Passerelle.Polices.{face}.ttf";
        using var flux = typeof(PolicesPdf).Assembly.GetManifestResourceStream(ressource)
            ?? throw new InvalidOperationException($"La police {ressource} n'est pas incorporée à l'application.");
        using var copie = new MemoryStream();
        flux.CopyTo(copie);
        return copie.ToArray();
    }
}
