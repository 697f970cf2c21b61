namespace Passerelle.Domain;

/// <summary>An entity owned by one département: the tenant query filter applies to it.</summary>
public interface IAppartientAuDepartement
{
    Guid DepartementId { get; }
}

/// <summary>
/// An entity edited through forms. <see cref="Version"/> is incremented on every save and compared
/// with the value the form was rendered from, so that a stale form cannot overwrite newer data.
/// </summary>
public interface IVersionne
{
    Guid Id { get; }
    int Version { get; set; }
}

/// <summary>A property whose values never go into the change trail: it records "modifié" only.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SensibleAttribute : Attribute;

/// <summary>A rule of the domain refused a change; the message is French and shown to the user.</summary>
public sealed class RegleMetierException(string message) : Exception(message);
