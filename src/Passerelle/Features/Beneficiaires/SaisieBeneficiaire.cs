using Microsoft.AspNetCore.Mvc.ModelBinding;
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

    /// <summary>What the creation and identity forms and the API refuse before anything is written, by property.</summary>
    public IEnumerable<(string Champ, string Message)> Erreurs()
    {
        if (string.IsNullOrWhiteSpace(NomNaissance))
        {
            yield return (nameof(NomNaissance), "Le nom de naissance est obligatoire.");
        }

        if (string.IsNullOrWhiteSpace(Prenoms))
        {
            yield return (nameof(Prenoms), "Le ou les prénoms sont obligatoires.");
        }

        if (DateNaissance is null)
        {
            yield return (nameof(DateNaissance), "La date de naissance est obligatoire.");
        }

        if (Sexe is null)
        {
            yield return (nameof(Sexe), "Le sexe est obligatoire.");
        }

        if (Dispositifs.Count == 0)
        {
            yield return (nameof(Dispositifs), "Indiquez au moins un dispositif (RSA, PLIE, Mission locale ou autre).");
        }

        if (!string.IsNullOrWhiteSpace(Nir) && !Domain.Identite.Nir.TryLire(Nir, out _, out var erreur))
        {
            yield return (nameof(Nir), erreur!);
        }
    }

    /// <summary>Adds the errors to a form's state, except on a field that already has one (an unreadable date).</summary>
    public void Verifier(ModelStateDictionary etat, string prefixe = "Saisie")
    {
        foreach (var (champ, message) in Erreurs())
        {
            var cle = $"{prefixe}.{champ}";
            if (etat.GetFieldValidationState(cle) != ModelValidationState.Invalid)
            {
                etat.AddModelError(cle, message);
            }
        }
    }
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
