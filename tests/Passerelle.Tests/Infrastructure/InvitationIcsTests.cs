using System.Text;
using Passerelle.Infrastructure.Courriel;

namespace Passerelle.Tests.Infrastructure;

public sealed class InvitationIcsTests
{
    private static readonly DateTime Debut = new(2026, 11, 24, 13, 30, 0, DateTimeKind.Utc);

    private static EvenementIcs Evenement(string resume = "Rendez-vous : point", string? lieu = "Maison des solidarités", string? description = null, bool annule = false) =>
        new("0193a0b1c2d3@passerelle", new DateTime(2026, 11, 20, 8, 5, 9, DateTimeKind.Utc), Debut, Debut.AddMinutes(45), resume, lieu, description, 2, annule);

    private static List<string> Lignes(string ics) => ics.Split("\r\n").ToList();

    /// <summary>RFC 5545, 3.1: a CRLF followed by one space is removed to rebuild the logical line.</summary>
    private static string Deplier(string ics) => ics.Replace("\r\n ", "", StringComparison.Ordinal);

    [Fact]
    public void Les_instants_sont_en_UTC_avec_Z_et_le_calendrier_est_complet()
    {
        var ics = InvitationIcs.Ecrire(Evenement());
        var lignes = Lignes(Deplier(ics));

        lignes[0].ShouldBe("BEGIN:VCALENDAR");
        lignes.ShouldContain("VERSION:2.0");
        lignes.ShouldContain(l => l.StartsWith("PRODID:", StringComparison.Ordinal));
        lignes.ShouldContain("METHOD:PUBLISH");
        lignes.ShouldContain("BEGIN:VEVENT");
        lignes.ShouldContain("UID:0193a0b1c2d3@passerelle");
        lignes.ShouldContain("DTSTAMP:20261120T080509Z");
        lignes.ShouldContain("DTSTART:20261124T133000Z");
        lignes.ShouldContain("DTEND:20261124T141500Z");
        lignes.ShouldContain("SEQUENCE:2");
        lignes.ShouldContain("LOCATION:Maison des solidarités");
        lignes.ShouldContain("STATUS:CONFIRMED");
        lignes.ShouldContain("END:VEVENT");
        ics.ShouldEndWith("END:VCALENDAR\r\n");
    }

    [Fact]
    public void Virgule_point_virgule_barre_oblique_inverse_et_retours_a_la_ligne_sont_echappes()
    {
        var ics = InvitationIcs.Ecrire(Evenement("Bilan, contrat; suite\\fin", "Salle 2\r\nBâtiment B\nRez-de-chaussée\rAccueil"));
        var lignes = Lignes(Deplier(ics));

        lignes.ShouldContain("SUMMARY:Bilan\\, contrat\\; suite\\\\fin");
        lignes.ShouldContain("LOCATION:Salle 2\\nBâtiment B\\nRez-de-chaussée\\nAccueil");
        ics.Replace("\r\n", "", StringComparison.Ordinal).ShouldNotContain('\n');
        ics.Replace("\r\n", "", StringComparison.Ordinal).ShouldNotContain('\r');
    }

    [Fact]
    public void Les_lignes_longues_sont_pliees_a_75_octets_sans_couper_un_caractere()
    {
        // 2-octet letters and a 4-octet emoji, so that a cut by characters instead of octets would show.
        var description = string.Concat(Enumerable.Repeat("Réunion d'équipe à l'Hôtel du Département 😀 ", 6));
        var ics = InvitationIcs.Ecrire(Evenement(description: description));
        var physiques = Lignes(ics).Where(l => l.Length > 0).ToList();

        physiques.ShouldAllBe(l => Encoding.UTF8.GetByteCount(l) <= 75);
        physiques.Count(l => l.StartsWith(' ')).ShouldBeGreaterThan(3);
        // Every physical line is whole UTF-8: no character split between two of them.
        foreach (var ligne in physiques)
        {
            char.IsHighSurrogate(ligne[^1]).ShouldBeFalse(ligne);
            char.IsLowSurrogate(ligne[0]).ShouldBeFalse(ligne);
        }

        Lignes(Deplier(ics)).ShouldContain($"DESCRIPTION:{InvitationIcs.Echapper(description)}");
        // Lines of exactly 75 octets are not folded for nothing.
        var juste = InvitationIcs.Ecrire(Evenement(resume: new string('a', 75 - "SUMMARY:".Length)));
        Lignes(juste).ShouldContain($"SUMMARY:{new string('a', 67)}");
    }

    [Fact]
    public void Une_annulation_porte_le_statut_annule()
    {
        var ics = InvitationIcs.Ecrire(Evenement(annule: true));

        Lignes(ics).ShouldContain("STATUS:CANCELLED");
        Lignes(ics).ShouldNotContain("STATUS:CONFIRMED");
    }
}
