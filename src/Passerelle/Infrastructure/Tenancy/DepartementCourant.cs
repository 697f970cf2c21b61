using System.Security.Claims;

namespace Passerelle.Infrastructure.Tenancy;

/// <summary>
/// The département whose rows the current unit of work may see. In a request it comes from the
/// signed-in agent's claims; commands and jobs set it explicitly. Unset, it is null and the tenant
/// query filter returns nothing (fail closed).
/// </summary>
public sealed class DepartementCourant(IHttpContextAccessor httpContextAccessor)
{
    private Guid? _explicite;
    private bool _estExplicite;

    public Guid? Id => _estExplicite ? _explicite : LireClaim(httpContextAccessor.HttpContext?.User);

    /// <summary>The current département of a write that belongs to one: its absence is a programming error.</summary>
    public Guid IdObligatoire => Id ?? throw new InvalidOperationException("Aucun département courant.");

    public void Definir(Guid? departementId)
    {
        _explicite = departementId;
        _estExplicite = true;
    }

    private static Guid? LireClaim(ClaimsPrincipal? utilisateur) =>
        Guid.TryParse(utilisateur?.FindFirstValue(ClaimsPasserelle.DepartementId), out var id) ? id : null;
}

/// <summary>The agent behind the current request, as read from the authentication cookie.</summary>
public sealed class AgentCourant(IHttpContextAccessor httpContextAccessor)
{
    public ClaimsPrincipal? Utilisateur => httpContextAccessor.HttpContext?.User;

    public Guid? Id =>
        Guid.TryParse(Utilisateur?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string? Ip => httpContextAccessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public string? UserAgent => httpContextAccessor.HttpContext?.Request.Headers.UserAgent.ToString();
}

public static class ClaimsPasserelle
{
    public const string DepartementId = "passerelle:departement";
    public const string DepartementCode = "passerelle:departement_code";
    public const string DepartementNom = "passerelle:departement_nom";
    public const string NomComplet = "passerelle:nom";
    public const string Structure = "passerelle:structure";
    public const string FuseauHoraire = "passerelle:fuseau";

    /// <summary>The time zone of the agent's département, in which dates and times are shown and judged.</summary>
    public static TimeZoneInfo Fuseau(this ClaimsPrincipal utilisateur) =>
        utilisateur.FindFirstValue(FuseauHoraire) is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var fuseau)
            ? fuseau
            : TimeZoneInfo.FindSystemTimeZoneById(Domain.Departement.FuseauParDefaut);
}
