using System.Globalization;
using System.Security.Claims;
using Passerelle.Domain;
using Passerelle.Infrastructure.Auth;

namespace Passerelle.Features.SuiviRendezVous;

/// <summary>
/// Who writes rendez-vous: the référent and the agents of his structure (their scope is the dossiers of their
/// structure), and the agents of orientation. A Responsable reads them; the other roles never see a dossier.
/// The scope itself is <see cref="Beneficiaires.PerimetreDossiers"/>'s.
/// </summary>
public static class DroitsRendezVous
{
    /// <summary>For <c>[Authorize(Roles = …)]</c>: checked before any record is loaded, so another role gets 403.</summary>
    public const string RolesEcriture = nameof(Role.Referent) + "," + nameof(Role.AgentOrientation);

    /// <summary>The roles that hold rendez-vous and sessions, and so have an agenda; a Responsable looks at his structure's.</summary>
    public const string RolesAgenda = RolesEcriture + "," + nameof(Role.Responsable);

    public static bool PeutEcrire(ClaimsPrincipal utilisateur) => utilisateur.EstDans(Role.Referent) || utilisateur.EstDans(Role.AgentOrientation);

    /// <summary>A local date and time of the département as a UTC instant; a time skipped by the change to summer time is refused.</summary>
    public static DateTime VersUtc(DateOnly date, TimeOnly heure, TimeZoneInfo fuseau)
    {
        var local = date.ToDateTime(heure, DateTimeKind.Unspecified);
        if (fuseau.IsInvalidTime(local))
        {
            throw new RegleMetierException("Cette heure n'existe pas ce jour-là (passage à l'heure d'été) : choisissez une autre heure.");
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, fuseau);
    }

    private static readonly CultureInfo Francais = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>"mardi 24 novembre 2026 à 14 h 30", in the département's time.</summary>
    public static string DateEnLettres(DateTime debutUtc, TimeZoneInfo fuseau)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(debutUtc, DateTimeKind.Utc), fuseau);
        return $"{local.ToString("dddd d MMMM yyyy", Francais)} à {local.ToString("H' h 'mm", Francais)}";
    }
}
