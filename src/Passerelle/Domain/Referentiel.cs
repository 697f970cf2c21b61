using System.ComponentModel.DataAnnotations;

namespace Passerelle.Domain;

/// <summary>A current commune of France, from INSEE's Code officiel géographique. National data.</summary>
public sealed class Commune
{
    private Commune()
    {
    }

    public Commune(string code, string nom, string codeDepartement, string codesPostaux)
    {
        Code = code;
        Nom = nom;
        CodeDepartement = codeDepartement;
        CodesPostaux = codesPostaux;
    }

    /// <summary>The COG code (5 characters, "2A004" in Corsica): the natural key.</summary>
    public string Code { get; private set; } = "";
    public string Nom { get; private set; } = "";
    public string CodeDepartement { get; private set; } = "";
    /// <summary>Space-separated postal codes.</summary>
    public string CodesPostaux { get; private set; } = "";
}

public enum TypeTerritoire
{
    [Display(Name = "Bassin de vie")] BassinDeVie,
    [Display(Name = "Territoire d'action sociale")] TerritoireActionSociale,
    [Display(Name = "Circonscription")] Circonscription,
    [Display(Name = "Territoire de CLAI")] TerritoireClai,
}

public sealed class Territoire : IAppartientAuDepartement, IVersionne
{
    private Territoire()
    {
    }

    public Territoire(Guid departementId, string nom, TypeTerritoire type)
    {
        DepartementId = departementId;
        Modifier(nom, type);
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid DepartementId { get; private set; }
    public string Nom { get; private set; } = "";
    public TypeTerritoire Type { get; private set; }
    public int Version { get; set; }
    public List<TerritoireCommune> Communes { get; private set; } = [];

    public void Modifier(string nom, TypeTerritoire type)
    {
        if (string.IsNullOrWhiteSpace(nom))
        {
            throw new RegleMetierException("Le nom du territoire est obligatoire.");
        }

        Nom = nom.Trim();
        Type = type;
    }

    public void DefinirCommunes(IEnumerable<string> codesCommunes)
    {
        var voulues = codesCommunes.Distinct(StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        Communes.RemoveAll(c => !voulues.Contains(c.CommuneCode));
        foreach (var code in voulues.Where(code => Communes.TrueForAll(c => c.CommuneCode != code)))
        {
            Communes.Add(new TerritoireCommune(Id, code));
        }
    }
}

public sealed class TerritoireCommune
{
    private TerritoireCommune()
    {
    }

    public TerritoireCommune(Guid territoireId, string communeCode)
    {
        TerritoireId = territoireId;
        CommuneCode = communeCode;
    }

    public Guid TerritoireId { get; private set; }
    public string CommuneCode { get; private set; } = "";
}

/// <summary>A quartier prioritaire de la politique de la ville, loaded from the official list.</summary>
public sealed class Qpv : IAppartientAuDepartement
{
    private Qpv()
    {
    }

    public Qpv(Guid departementId, string code, string nom, string communeCode)
    {
        DepartementId = departementId;
        Code = code.Trim().ToUpperInvariant();
        Nom = nom.Trim();
        CommuneCode = communeCode.Trim();
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid DepartementId { get; private set; }
    public string Code { get; private set; } = "";
    public string Nom { get; private set; } = "";
    public string CommuneCode { get; private set; } = "";

    public void Renommer(string nom, string communeCode)
    {
        Nom = nom.Trim();
        CommuneCode = communeCode.Trim();
    }
}
