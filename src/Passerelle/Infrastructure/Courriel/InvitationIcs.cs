using System.Globalization;
using System.Text;

namespace Passerelle.Infrastructure.Courriel;

/// <summary>One event of an invitation: instants in UTC, texts as typed.</summary>
public sealed record EvenementIcs(
    string Uid, DateTime Horodatage, DateTime DebutUtc, DateTime FinUtc, string Resume, string? Lieu, string? Description,
    int Sequence = 0, bool Annule = false);

/// <summary>
/// An iCalendar invitation (RFC 5545) with one event, written by hand: lines end with CRLF, are folded at
/// 75 octets (never inside a UTF-8 character), texts escape backslash, semicolon, comma and line breaks, and
/// every instant is in UTC with the "Z" suffix, so that no time zone definition is needed. METHOD:PUBLISH
/// needs no organizer or attendee; a later version of the same UID with a higher SEQUENCE replaces it in
/// the person's calendar, a cancelled one removes it.
/// </summary>
public static class InvitationIcs
{
    public const string TypeContenu = "text/calendar";
    private const int OctetsParLigne = 75;

    public static string Ecrire(EvenementIcs evenement)
    {
        var lignes = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Passerelle//Rendez-vous//FR",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "BEGIN:VEVENT",
            $"UID:{Echapper(evenement.Uid)}",
            $"DTSTAMP:{Instant(evenement.Horodatage)}",
            $"DTSTART:{Instant(evenement.DebutUtc)}",
            $"DTEND:{Instant(evenement.FinUtc)}",
            $"SEQUENCE:{evenement.Sequence.ToString(CultureInfo.InvariantCulture)}",
            $"SUMMARY:{Echapper(evenement.Resume)}",
        };
        if (!string.IsNullOrWhiteSpace(evenement.Lieu))
        {
            lignes.Add($"LOCATION:{Echapper(evenement.Lieu)}");
        }

        if (!string.IsNullOrWhiteSpace(evenement.Description))
        {
            lignes.Add($"DESCRIPTION:{Echapper(evenement.Description)}");
        }

        lignes.Add(evenement.Annule ? "STATUS:CANCELLED" : "STATUS:CONFIRMED");
        lignes.Add("TRANSP:OPAQUE");
        lignes.Add("END:VEVENT");
        lignes.Add("END:VCALENDAR");

        var texte = new StringBuilder();
        foreach (var ligne in lignes)
        {
            Plier(ligne, texte);
        }

        return texte.ToString();
    }

    /// <summary>A TEXT value (RFC 5545, 3.3.11): backslash first, then the separators, then every kind of line break.</summary>
    public static string Echapper(string texte) => texte
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);

    private static string Instant(DateTime instant) =>
        DateTime.SpecifyKind(instant, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// RFC 5545, 3.1: a content line longer than 75 octets continues on the next line after CRLF and one
    /// space; the space counts in the 75 octets of the continuation line.
    /// </summary>
    private static void Plier(string ligne, StringBuilder sortie)
    {
        var octets = 0;
        var limite = OctetsParLigne;
        var indice = 0;
        while (indice < ligne.Length)
        {
            // A surrogate pair is one character of four octets: never cut in two.
            var longueur = char.IsHighSurrogate(ligne[indice]) && indice + 1 < ligne.Length ? 2 : 1;
            var taille = Encoding.UTF8.GetByteCount(ligne.AsSpan(indice, longueur));
            if (octets + taille > limite)
            {
                sortie.Append("\r\n ");
                octets = 1;
            }

            sortie.Append(ligne, indice, longueur);
            octets += taille;
            indice += longueur;
        }

        sortie.Append("\r\n");
    }
}
