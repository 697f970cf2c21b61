using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;

namespace Passerelle.Features.Administration.Structures;

/// <summary>The fields shared by the creation and the edition of a structure.</summary>
public class SaisieStructure
{
    [Required(ErrorMessage = "Saisissez le nom de la structure.")]
    [StringLength(200, ErrorMessage = "Le nom ne dépasse pas 200 caractères.")]
    public string Nom { get; set; } = "";

    [Required(ErrorMessage = "Choisissez le type de structure.")]
    public TypeStructure? Type { get; set; }

    // Spaces, dots and dashes are allowed as typed; the domain normalises and checks the key.
    [StringLength(20, ErrorMessage = "Le SIRET compte 14 chiffres.")]
    public string? Siret { get; set; }

    [StringLength(300, ErrorMessage = "L'adresse ne dépasse pas 300 caractères.")]
    public string? Adresse { get; set; }

    // Trimmed as it is bound: a code pasted with a space around it is still the 5 characters the length check expects.
    [StringLength(5, MinimumLength = 5, ErrorMessage = "Le code de la commune compte 5 caractères (par exemple 15014).")]
    public string? CommuneCode
    {
        get => _communeCode;
        set => _communeCode = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private string? _communeCode;

    public List<Guid> TerritoireIds { get; set; } = [];
}

public sealed record TerritoireProposable(Guid Id, string Nom, TypeTerritoire Type);

/// <summary>
/// The model of _ChampsStructure. A record rather than a tuple: field names are built from member
/// names, and a tuple's members are Item1, Item2… whatever the names written in the view.
/// </summary>
public sealed record ChampsStructure(SaisieStructure Saisie, List<SelectListItem> Types, List<TerritoireProposable> Territoires, string? NomCommune);

public static class ListesStructures
{
    public static List<SelectListItem> Types() =>
        ServiceStructures.TypesProposes.Select(t => new SelectListItem(t.Libelle(), t.ToString())).ToList();

    /// <summary>The territories of the current département (tenant filter), by type label then name.</summary>
    public static async Task<List<TerritoireProposable>> TerritoiresAsync(PasserelleDbContext db, CancellationToken cancellationToken)
    {
        var territoires = await db.Territoires.AsNoTracking()
            .Select(t => new TerritoireProposable(t.Id, t.Nom, t.Type))
            .ToListAsync(cancellationToken);
        return territoires.OrderBy(t => t.Type.Libelle(), StringComparer.CurrentCulture).ThenBy(t => t.Nom, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>
    /// Puts the SIRET and commune errors next to their fields before the service is called, with the
    /// domain's and the service's own messages; the service and the entity check again for any caller.
    /// </summary>
    public static async Task VerifierAsync(ServiceStructures service, SaisieStructure saisie, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var cleSiret = $"Saisie.{nameof(SaisieStructure.Siret)}";
        if (modelState.GetFieldValidationState(cleSiret) != ModelValidationState.Invalid
            && !string.IsNullOrWhiteSpace(saisie.Siret) && !Domain.Siret.EstValide(Domain.Siret.Normaliser(saisie.Siret)))
        {
            modelState.AddModelError(cleSiret, Domain.Siret.MessageInvalide);
        }

        var cleCommune = $"Saisie.{nameof(SaisieStructure.CommuneCode)}";
        if (modelState.GetFieldValidationState(cleCommune) != ModelValidationState.Invalid
            && await service.ErreurCommuneAsync(saisie.CommuneCode, cancellationToken) is { } erreur)
        {
            modelState.AddModelError(cleCommune, erreur);
        }
    }
}
