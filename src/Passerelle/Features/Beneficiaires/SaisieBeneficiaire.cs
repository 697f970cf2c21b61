using Passerelle.Domain;

namespace Passerelle.Features.Beneficiaires;

/// <summary>What a form or an API client sends to create or change a person's identity and contact.</summary>
public class SaisieBeneficiaire
{
    public string NomNaissance { get; set; } = "";
    public string? NomUsage { get; set; }
    public string Prenoms { get; set; } = "";
    public DateOnly? DateNaissance { get; set; }
    public Sexe? Sexe { get; set; }
    public List<Dispositifs> Dispositifs { get; set; } = [];
    public string? Telephone { get; set; }
    public string? Courriel { get; set; }
    public string? Adresse { get; set; }
    public string? CommuneCode { get; set; }
    /// <summary>Typed with or without spaces; never echoed back in a page once saved.</summary>
    public string? Nir { get; set; }

    public Dispositifs DispositifsCombines() => Dispositifs.Aggregate(Domain.Dispositifs.Aucun, (a, d) => a | d);
}

/// <summary>The household's paying body and number, given at creation or edited on the household form.</summary>
public class SaisieFoyer
{
    public string? Adresse { get; set; }
    public string? CommuneCode { get; set; }
    public Guid? QpvId { get; set; }
    public CompositionFoyer? Composition { get; set; }
    public int? NombreEnfants { get; set; }
    public OrganismePayeur? OrganismePayeur { get; set; }
    public string? Matricule { get; set; }
}

/// <summary>The model of the identity fields partial, shared by creation and edition.</summary>
public sealed record ChampsIdentite(SaisieBeneficiaire Saisie, string? AideNir = null);
