using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;

namespace Passerelle.Domain;

/// <summary>The roles of DESIGN.md. Their names are the Identity role names and the policy names.</summary>
public enum Role
{
    [Display(Name = "Administrateur de la plateforme")] AdministrateurPlateforme,
    [Display(Name = "Administrateur")] Administrateur,
    [Display(Name = "Chargé de mission PDI")] ChargeMissionPdi,
    [Display(Name = "Gestionnaire des conventions")] GestionnaireConventions,
    [Display(Name = "Agent d'orientation")] AgentOrientation,
    [Display(Name = "Responsable")] Responsable,
    [Display(Name = "Référent")] Referent,
    [Display(Name = "Opérateur")] Operateur,
    [Display(Name = "Auditeur")] Auditeur,
    [Display(Name = "Partenaire")] Partenaire,
}

/// <summary>
/// A user account. Agents of a département carry its id; platform administrators carry none and
/// therefore never see tenant data.
/// </summary>
public sealed class Agent : IdentityUser<Guid>, IVersionne
{
    private Agent()
    {
    }

    public Agent(Guid? departementId, Guid? structureId, string email, string prenom, string nom)
    {
        Id = Guid.CreateVersion7();
        DepartementId = departementId;
        StructureId = structureId;
        Email = email.Trim();
        UserName = Email;
        SecurityStamp = Guid.NewGuid().ToString();
        Modifier(prenom, nom, structureId);
    }

    public Guid? DepartementId { get; private set; }
    public Guid? StructureId { get; private set; }
    public string Prenom { get; private set; } = "";
    public string Nom { get; private set; } = "";
    public bool Actif { get; private set; } = true;
    public int Version { get; set; }

    public string NomComplet => $"{Prenom} {Nom}";

    public void Modifier(string prenom, string nom, Guid? structureId)
    {
        if (string.IsNullOrWhiteSpace(prenom) || string.IsNullOrWhiteSpace(nom))
        {
            throw new RegleMetierException("Le prénom et le nom de l'agent sont obligatoires.");
        }

        Prenom = prenom.Trim();
        Nom = nom.Trim();
        StructureId = structureId;
    }

    public void Desactiver() => Actif = false;

    public void Reactiver() => Actif = true;
}
