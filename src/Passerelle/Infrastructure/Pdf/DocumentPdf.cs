using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Passerelle.Infrastructure.Pdf;

/// <summary>
/// A plain A4 document: a title, a few header lines, then sections of label/value lines and paragraphs.
/// Long text wraps, a line that does not fit goes to the next page, a heading is never left alone at the
/// bottom of a page, and every page is numbered "Page n / N". Usage:
/// <code>
/// var pdf = new DocumentPdf("Transfert de dossier") { PiedDePage = "Département du Cantal" }
///     .Entete("Édité le 12/03/2026")
///     .Section("Identité").Ligne("Nom de naissance", "Martin").Paragraphe("…")
///     .Generer();
/// </code>
/// </summary>
public sealed class DocumentPdf(string titre)
{
    private const double Marge = 56.7; // 2 cm
    private const double HauteurPied = 28;
    private const double Gouttiere = 10;
    private const double PartLibelles = 0.36;

    private static readonly XBrush Gris = new XSolidBrush(XColor.FromArgb(0x4A, 0x4A, 0x4A));

    private readonly List<Bloc> _blocs = [];
    private readonly List<string> _entete = [];

    /// <summary>Shown at the bottom left of every page, beside the page number. No personal data: it is on every page.</summary>
    public string? PiedDePage { get; init; }

    /// <summary>A PNG or JPEG printed at the top left of the first page, above the title (a letterhead's logo).</summary>
    public byte[]? Logo { get; init; }

    /// <summary>A line under the title: the sender, the date of issue, the addressee.</summary>
    public DocumentPdf Entete(string texte)
    {
        _entete.Add(texte);
        return this;
    }

    public DocumentPdf Section(string titreSection)
    {
        _blocs.Add(new Bloc(TypeBloc.Section, titreSection, null));
        return this;
    }

    public DocumentPdf SousSection(string titreSousSection)
    {
        _blocs.Add(new Bloc(TypeBloc.SousSection, titreSousSection, null));
        return this;
    }

    /// <summary>A label and its value side by side; an empty value shows as "—".</summary>
    public DocumentPdf Ligne(string libelle, string? valeur)
    {
        _blocs.Add(new Bloc(TypeBloc.Ligne, libelle, string.IsNullOrWhiteSpace(valeur) ? "—" : valeur));
        return this;
    }

    /// <summary>Running text over the full width; line breaks in <paramref name="texte"/> are kept.</summary>
    public DocumentPdf Paragraphe(string texte, bool discret = false)
    {
        _blocs.Add(new Bloc(discret ? TypeBloc.ParagrapheDiscret : TypeBloc.Paragraphe, texte, null));
        return this;
    }

    public byte[] Generer()
    {
        var polices = new Polices();
        using var document = new PdfDocument();
        document.Info.Title = titre;
        document.Info.Creator = "Passerelle";
        using (var redaction = new Redaction(document, polices))
        {
            if (Logo is not null)
            {
                redaction.Image(Logo, hauteurMaximale: 60);
            }

            redaction.Texte(titre, polices.Titre, XBrushes.Black, apres: 6);
            foreach (var ligne in _entete)
            {
                redaction.Texte(ligne, polices.Texte, Gris, apres: 0);
            }

            redaction.Espace(10);
            foreach (var bloc in _blocs)
            {
                redaction.Ecrire(bloc);
            }
        }

        Numeroter(document, polices.Discrete);
        using var flux = new MemoryStream();
        document.Save(flux, closeStream: false);
        return flux.ToArray();
    }

    private void Numeroter(PdfDocument document, XFont police)
    {
        var total = document.PageCount;
        for (var i = 0; i < total; i++)
        {
            var page = document.Pages[i];
            using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var y = page.Height.Point - Marge + (HauteurPied - police.GetHeight()) / 2;
            var numero = $"Page {i + 1} / {total}";
            var largeurNumero = gfx.MeasureString(numero, police).Width;
            var droite = page.Width.Point - Marge;
            gfx.DrawLine(new XPen(XColors.Gray, 0.5), Marge, y - 4, droite, y - 4);
            gfx.DrawString(numero, police, Gris, droite - largeurNumero, y, XStringFormats.TopLeft);
            if (PiedDePage is not null)
            {
                var place = droite - largeurNumero - Gouttiere - Marge;
                var pied = Couper(gfx, Nettoyer(PiedDePage), police, place).FirstOrDefault() ?? "";
                gfx.DrawString(pied, police, Gris, Marge, y, XStringFormats.TopLeft);
            }
        }
    }

    /// <summary>Created per document, after the resolver is installed: PDFsharp resolves a font when it is created.</summary>
    private sealed class Polices
    {
        public Polices()
        {
            PolicesPdf.Installer();
            Titre = Police(16, gras: true);
            Section = Police(12.5, gras: true);
            SousSection = Police(10.5, gras: true);
            Texte = Police(10, gras: false);
            Libelle = Police(10, gras: true);
            Discrete = Police(8.5, gras: false);
        }

        public XFont Titre { get; }
        public XFont Section { get; }
        public XFont SousSection { get; }
        public XFont Texte { get; }
        public XFont Libelle { get; }
        public XFont Discrete { get; }

        private static XFont Police(double taille, bool gras) =>
            new(PolicesPdf.Famille, taille, gras ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
    }

    /// <summary>Tabs become spaces, other control characters go: the fonts have no glyph for them.</summary>
    private static string Nettoyer(string texte)
    {
        var propre = new StringBuilder(texte.Length);
        foreach (var c in texte.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'))
        {
            if (c == '\t')
            {
                propre.Append(' ');
            }
            else if (c == '\n' || !char.IsControl(c))
            {
                propre.Append(c);
            }
        }

        return propre.ToString();
    }

    /// <summary>Greedy word wrap; a word wider than the column is cut where it overflows.</summary>
    private static List<string> Couper(XGraphics gfx, string texte, XFont police, double largeur)
    {
        var lignes = new List<string>();
        foreach (var paragraphe in texte.Split('\n'))
        {
            var courante = new StringBuilder();
            foreach (var mot in paragraphe.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var essai = courante.Length == 0 ? mot : $"{courante} {mot}";
                if (gfx.MeasureString(essai, police).Width <= largeur)
                {
                    courante.Clear().Append(essai);
                    continue;
                }

                if (courante.Length > 0)
                {
                    lignes.Add(courante.ToString());
                    courante.Clear();
                }

                var reste = mot;
                while (gfx.MeasureString(reste, police).Width > largeur && reste.Length > 1)
                {
                    var n = reste.Length - 1;
                    while (n > 1 && gfx.MeasureString(reste[..n], police).Width > largeur)
                    {
                        n--;
                    }

                    lignes.Add(reste[..n]);
                    reste = reste[n..];
                }

                courante.Append(reste);
            }

            lignes.Add(courante.ToString());
        }

        return lignes;
    }

    private enum TypeBloc
    {
        Section,
        SousSection,
        Ligne,
        Paragraphe,
        ParagrapheDiscret,
    }

    private sealed record Bloc(TypeBloc Type, string Texte, string? Valeur);

    /// <summary>The pen: where the next line goes, and a new page when it would not fit.</summary>
    private sealed class Redaction(PdfDocument document, Polices polices) : IDisposable
    {
        private XGraphics? _gfx;
        private PdfPage? _page;
        private double _y;

        private XGraphics Gfx => _gfx ?? NouvellePage();

        private double Largeur => _page!.Width.Point - 2 * Marge;

        private double Bas => _page!.Height.Point - Marge - HauteurPied;

        public void Ecrire(Bloc bloc)
        {
            _ = Gfx;
            switch (bloc.Type)
            {
                case TypeBloc.Section:
                    Espace(8);
                    // A heading keeps at least two lines of what follows with it.
                    Reserver(polices.Section.GetHeight() + 6 + 2 * polices.Texte.GetHeight());
                    Texte(bloc.Texte, polices.Section, XBrushes.Black, apres: 2);
                    Gfx.DrawLine(new XPen(XColors.Gray, 0.5), Marge, _y, Marge + Largeur, _y);
                    Espace(4);
                    break;
                case TypeBloc.SousSection:
                    Espace(4);
                    Reserver(polices.SousSection.GetHeight() + 2 * polices.Texte.GetHeight());
                    Texte(bloc.Texte, polices.SousSection, XBrushes.Black, apres: 2);
                    break;
                case TypeBloc.Ligne:
                    LigneLibelleValeur(bloc.Texte, bloc.Valeur!);
                    break;
                case TypeBloc.Paragraphe:
                    Texte(bloc.Texte, polices.Texte, XBrushes.Black, apres: 4);
                    break;
                case TypeBloc.ParagrapheDiscret:
                    Texte(bloc.Texte, polices.Discrete, Gris, apres: 4);
                    break;
            }
        }

        public void Texte(string texte, XFont police, XBrush pinceau, double apres)
        {
            var hauteur = police.GetHeight();
            foreach (var ligne in Couper(Gfx, Nettoyer(texte), police, Largeur))
            {
                Reserver(hauteur);
                Gfx.DrawString(ligne, police, pinceau, Marge, _y, XStringFormats.TopLeft);
                _y += hauteur;
            }

            _y += apres;
        }

        public void Image(byte[] contenu, double hauteurMaximale)
        {
            // The logo is the first thing drawn: the page must exist before its width is read.
            _ = Gfx;
            using var flux = new MemoryStream(contenu, writable: false);
            using var image = XImage.FromStream(flux);
            var echelle = Math.Min(hauteurMaximale / image.PointHeight, Largeur / 2 / image.PointWidth);
            var hauteur = image.PointHeight * echelle;
            Gfx.DrawImage(image, Marge, _y, image.PointWidth * echelle, hauteur);
            _y += hauteur + 8;
        }

        public void Espace(double hauteur)
        {
            _ = Gfx;
            _y = Math.Min(_y + hauteur, Bas);
        }

        private void LigneLibelleValeur(string libelle, string valeur)
        {
            var largeurLibelle = Largeur * PartLibelles;
            var xValeur = Marge + largeurLibelle + Gouttiere;
            var libelles = Couper(Gfx, Nettoyer(libelle), polices.Libelle, largeurLibelle);
            var valeurs = Couper(Gfx, Nettoyer(valeur), polices.Texte, Marge + Largeur - xValeur);
            var hauteur = Math.Max(polices.Libelle.GetHeight(), polices.Texte.GetHeight());
            // A short entry stays on one page; a long one flows on, line by line.
            Reserver(Math.Min(Math.Max(libelles.Count, valeurs.Count), 3) * hauteur);
            for (var i = 0; i < Math.Max(libelles.Count, valeurs.Count); i++)
            {
                Reserver(hauteur);
                if (i < libelles.Count)
                {
                    Gfx.DrawString(libelles[i], polices.Libelle, Gris, Marge, _y, XStringFormats.TopLeft);
                }

                if (i < valeurs.Count)
                {
                    Gfx.DrawString(valeurs[i], polices.Texte, XBrushes.Black, xValeur, _y, XStringFormats.TopLeft);
                }

                _y += hauteur;
            }

            _y += 2;
        }

        private void Reserver(double hauteur)
        {
            if (_y + hauteur > Bas && _y > Marge)
            {
                NouvellePage();
            }
        }

        private XGraphics NouvellePage()
        {
            _gfx?.Dispose();
            _page = document.AddPage();
            _page.Size = PdfSharp.PageSize.A4;
            _gfx = XGraphics.FromPdfPage(_page);
            _y = Marge;
            return _gfx;
        }

        public void Dispose() => _gfx?.Dispose();
    }
}
