using System.ComponentModel.DataAnnotations;

namespace Passerelle.Domain;

public enum OrganismePayeur
{
    [Display(Name = "CAF")] Caf,
    [Display(Name = "MSA")] Msa,
}

public enum CompositionFoyer
{
    [Display(Name = "Personne seule")] PersonneSeule,
    [Display(Name = "Personne seule avec enfant(s)")] PersonneSeuleAvecEnfants,
    [Display(Name = "Couple sans enfant")] CoupleSansEnfant,
    [Display(Name = "Couple avec enfant(s)")] CoupleAvecEnfants,
}

/// <summary>
/// A household, optional. The matricule is the household's number at its organisme payeur: a couple
/// shares it, which is why it lives here and not on the person.
/// </summary>
public sealed class Foyer : IAppartientAuDepartement, IVersionne
{
    public const int LongueurMatricule = 20;

    private Foyer()
    {
    }

    public Foyer(Guid departementId)
    {
        DepartementId = departementId;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid DepartementId { get; private set; }
    public string? Adresse { get; private set; }
    public string? CommuneCode { get; private set; }
    public Guid? QpvId { get; private set; }
    public CompositionFoyer? Composition { get; private set; }
    public int? NombreEnfants { get; private set; }
    public OrganismePayeur? OrganismePayeur { get; private set; }
    public string? Matricule { get; private set; }
    public int Version { get; set; }

    public void Modifier(
        string? adresse, string? communeCode, Guid? qpvId, CompositionFoyer? composition, int? nombreEnfants,
        OrganismePayeur? organismePayeur, string? matricule)
    {
        matricule = NormaliserMatricule(matricule);
        if (matricule is not null && (matricule.Length > LongueurMatricule || !matricule.All(char.IsAsciiLetterOrDigit)))
        {
            throw new RegleMetierException($"Le matricule ne contient que des chiffres et des lettres, {LongueurMatricule} au plus.");
        }

        if (matricule is not null && organismePayeur is null)
        {
            throw new RegleMetierException("Indiquez l'organisme payeur qui a attribué ce matricule.");
        }

        if (nombreEnfants is < 0 or > 20)
        {
            throw new RegleMetierException("Le nombre d'enfants est compris entre 0 et 20.");
        }

        Adresse = string.IsNullOrWhiteSpace(adresse) ? null : adresse.Trim();
        CommuneCode = string.IsNullOrWhiteSpace(communeCode) ? null : communeCode.Trim();
        QpvId = qpvId;
        Composition = composition;
        NombreEnfants = nombreEnfants;
        OrganismePayeur = organismePayeur;
        Matricule = matricule;
    }

    public static string? NormaliserMatricule(string? saisie)
    {
        var texte = new string((saisie ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
        return texte.Length == 0 ? null : texte;
    }
}
