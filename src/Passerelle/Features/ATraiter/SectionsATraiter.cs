using System.Security.Claims;

namespace Passerelle.Features.ATraiter;

/// <summary>Who asks, and when: every section judges "late" and "near" against the same instant.</summary>
public sealed record ContexteATraiter(Guid AgentId, ClaimsPrincipal Utilisateur, DateOnly Aujourdhui, DateTime MaintenantUtc, TimeZoneInfo Fuseau);

/// <summary>One thing to do: whom it concerns, where to do it, and its deadline when it has one.</summary>
public sealed record ElementATraiter(string Libelle, string Url, string Detail, DateOnly? Echeance = null);

/// <summary>A section of the work queue as shown: its count is whole, its elements the first few.</summary>
public sealed record SectionATraiter(string Cle, string Titre, string Description, int Nombre, IReadOnlyList<ElementATraiter> Elements, string Vide);

/// <summary>
/// A section of <c>/a-traiter</c>. Each capability that gives agents work adds its own: a class implementing
/// this, registered with <c>services.AddScoped&lt;ISectionATraiter, MaSection&gt;()</c> next to its other
/// services (prescriptions to answer, procedure stages due…). The page asks each section whether it
/// concerns the agent, then shows those that do, in <see cref="Ordre"/>.
/// </summary>
public interface ISectionATraiter
{
    /// <summary>The place of the section on the page: lower first. The parcours sections use 100 to 500.</summary>
    int Ordre { get; }

    /// <summary>Whether the agent's roles give him this kind of work; checked before anything is loaded.</summary>
    bool Concerne(ClaimsPrincipal utilisateur);

    Task<SectionATraiter> ChargerAsync(ContexteATraiter contexte, CancellationToken cancellationToken);
}

public static class SectionsATraiter
{
    /// <summary>Each section lists this many elements at most; its count says how many there are.</summary>
    public const int ElementsAffiches = 10;

    /// <summary>"Near" for a deadline: within this many days from today.</summary>
    public const int JoursEcheanceProche = 7;
}
