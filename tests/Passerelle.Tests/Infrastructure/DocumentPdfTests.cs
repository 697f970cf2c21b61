using System.Text;
using Passerelle.Infrastructure.Pdf;
using Passerelle.Tests.Support;

namespace Passerelle.Tests.Infrastructure;

public sealed class DocumentPdfTests
{
    [Fact]
    public async Task Un_long_document_passe_a_la_ligne_change_de_page_et_numerote_ses_pages()
    {
        var document = new DocumentPdf("Courrier d'essai") { PiedDePage = "Département du Cantal" }
            .Entete("Édité le 12/03/2026")
            .Section("Identité")
            .Ligne("Nom de naissance", "Martin-Dupré")
            .Ligne("Prénoms", "Élodie Françoise")
            .Ligne("Nom d'usage", null);
        for (var i = 1; i <= 60; i++)
        {
            document.Section($"Partie {i}").Paragraphe(string.Join(' ', Enumerable.Repeat($"phrase{i} assez longue pour remplir la ligne,", 12)));
        }

        var pdf = document.Generer();

        Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
        var texte = await TextePdf.ExtraireAsync(pdf);
        texte.ShouldContain("Courrier d'essai");
        texte.ShouldContain("Martin-Dupré");
        texte.ShouldContain("Élodie Françoise");
        var pages = texte.Split('\f', StringSplitOptions.RemoveEmptyEntries);
        pages.Length.ShouldBeGreaterThan(3);
        pages[0].ShouldContain($"Page 1 / {pages.Length}");
        pages[^1].ShouldContain($"Page {pages.Length} / {pages.Length}");
        pages[^1].ShouldContain("Département du Cantal");
        // Wrapped, not cut: every one of the twelve repetitions of the last paragraph is there.
        texte.Split("phrase60").Length.ShouldBe(13);
    }

    [Fact]
    public async Task Un_mot_plus_large_que_la_page_est_coupe_sans_rien_perdre()
    {
        var mot = string.Concat(Enumerable.Repeat("ABCDEFGHIJ", 20));

        var texte = await TextePdf.ExtraireAsync(new DocumentPdf("Essai").Paragraphe(mot).Generer());

        texte.Replace("\n", "", StringComparison.Ordinal).ShouldContain(mot);
    }
}
