namespace Passerelle.Domain;

/// <summary>A tenant: a département identified by its COG code as a string ("15", "2A", "971").</summary>
public sealed class Departement : IVersionne
{
    public const string FuseauParDefaut = "Europe/Paris";

    private static readonly Dictionary<string, string> FuseauxOutreMer = new()
    {
        ["971"] = "America/Guadeloupe",
        ["972"] = "America/Martinique",
        ["973"] = "America/Cayenne",
        ["974"] = "Indian/Reunion",
        ["976"] = "Indian/Mayotte",
    };

    private Departement()
    {
    }

    public Departement(string code, string nom, string? fuseauHoraire = null)
    {
        Code = NormaliserCode(code);
        Nom = nom.Trim();
        FuseauHoraire = fuseauHoraire ?? FuseauPour(Code);
        _ = TimeZoneInfo.FindSystemTimeZoneById(FuseauHoraire);
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public string Code { get; private set; } = "";
    public string Nom { get; private set; } = "";
    public string FuseauHoraire { get; private set; } = FuseauParDefaut;
    public int Version { get; set; }

    public TimeZoneInfo Fuseau => TimeZoneInfo.FindSystemTimeZoneById(FuseauHoraire);

    public static string FuseauPour(string code) =>
        FuseauxOutreMer.TryGetValue(code, out var fuseau) ? fuseau : FuseauParDefaut;

    public static string NormaliserCode(string code) => code.Trim().ToUpperInvariant();
}
