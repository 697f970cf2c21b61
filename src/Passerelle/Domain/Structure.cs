using System.ComponentModel.DataAnnotations;

namespace Passerelle.Domain;

public enum TypeStructure
{
    [Display(Name = "Service du Département")] ServiceDepartement,
    [Display(Name = "France Travail")] FranceTravail,
    [Display(Name = "Cap emploi")] CapEmploi,
    [Display(Name = "CAF")] Caf,
    [Display(Name = "MSA")] Msa,
    [Display(Name = "PLIE")] Plie,
    [Display(Name = "Mission locale")] MissionLocale,
    [Display(Name = "CCAS / CIAS")] Ccas,
    [Display(Name = "Commune / EPCI")] CommuneEpci,
    [Display(Name = "État / DDETS")] Etat,
    [Display(Name = "Région")] Region,
    [Display(Name = "Association")] Association,
    [Display(Name = "Atelier et chantier d'insertion (ACI)")] Aci,
    [Display(Name = "Entreprise d'insertion (EI)")] EntrepriseInsertion,
    [Display(Name = "Association intermédiaire (AI)")] AssociationIntermediaire,
    [Display(Name = "Entreprise de travail temporaire d'insertion (ETTI)")] Etti,
    [Display(Name = "Chambre de commerce et d'industrie (CCI)")] Cci,
    [Display(Name = "Chambre de métiers et de l'artisanat (CMA)")] Cma,
    [Display(Name = "Organisme de formation")] OrganismeFormation,
    /// <summary>The hosting platform itself: holds the platform administrators' accounts.</summary>
    [Display(Name = "Plateforme")] Plateforme,
}

public sealed class Structure : IAppartientAuDepartement, IVersionne
{
    private Structure()
    {
    }

    public Structure(Guid departementId, string nom, TypeStructure type)
    {
        DepartementId = departementId;
        Modifier(nom, type, siret: null, adresse: null, communeCode: null);
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid DepartementId { get; private set; }
    public string Nom { get; private set; } = "";
    public TypeStructure Type { get; private set; }
    public string? Siret { get; private set; }
    public string? Adresse { get; private set; }
    public string? CommuneCode { get; private set; }
    public bool Active { get; private set; } = true;
    public int Version { get; set; }
    public List<StructureTerritoire> Territoires { get; private set; } = [];

    public void Modifier(string nom, TypeStructure type, string? siret, string? adresse, string? communeCode)
    {
        if (string.IsNullOrWhiteSpace(nom))
        {
            throw new RegleMetierException("Le nom de la structure est obligatoire.");
        }

        var siretNormalise = string.IsNullOrWhiteSpace(siret) ? null : Domain.Siret.Normaliser(siret);
        if (siretNormalise is not null && !Domain.Siret.EstValide(siretNormalise))
        {
            throw new RegleMetierException(Domain.Siret.MessageInvalide);
        }

        Nom = nom.Trim();
        Type = type;
        Siret = siretNormalise;
        Adresse = string.IsNullOrWhiteSpace(adresse) ? null : adresse.Trim();
        CommuneCode = string.IsNullOrWhiteSpace(communeCode) ? null : communeCode.Trim();
    }

    public void DefinirTerritoires(IEnumerable<Guid> territoireIds)
    {
        var voulus = territoireIds.ToHashSet();
        Territoires.RemoveAll(t => !voulus.Contains(t.TerritoireId));
        foreach (var id in voulus.Where(id => Territoires.TrueForAll(t => t.TerritoireId != id)))
        {
            Territoires.Add(new StructureTerritoire(Id, id));
        }
    }

    public void Desactiver() => Active = false;

    public void Reactiver() => Active = true;
}

public sealed class StructureTerritoire
{
    private StructureTerritoire()
    {
    }

    public StructureTerritoire(Guid structureId, Guid territoireId)
    {
        StructureId = structureId;
        TerritoireId = territoireId;
    }

    public Guid StructureId { get; private set; }
    public Guid TerritoireId { get; private set; }
}

/// <summary>SIRET checks: 14 digits, Luhn key; La Poste's establishments use their own rule.</summary>
public static class Siret
{
    public const string MessageInvalide = "Le SIRET n'est pas valide : 14 chiffres dont le dernier est une clé de contrôle.";

    private const string SirenLaPoste = "356000000";

    public static string Normaliser(string saisie) =>
        new(saisie.Where(c => !char.IsWhiteSpace(c) && c != '.' && c != '-').ToArray());

    public static bool EstValide(string siret)
    {
        if (siret.Length != 14 || !siret.All(char.IsAsciiDigit))
        {
            return false;
        }

        if (Luhn(siret))
        {
            return true;
        }

        // La Poste registers all its establishments under one SIREN; their SIRET digits sum to a multiple of 5.
        return siret.StartsWith(SirenLaPoste, StringComparison.Ordinal) && siret.Sum(c => c - '0') % 5 == 0;
    }

    private static bool Luhn(string chiffres)
    {
        var somme = 0;
        for (var i = 0; i < chiffres.Length; i++)
        {
            var chiffre = chiffres[chiffres.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                chiffre *= 2;
                if (chiffre > 9)
                {
                    chiffre -= 9;
                }
            }

            somme += chiffre;
        }

        return somme % 10 == 0;
    }
}
