using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Passerelle.Domain;

namespace Passerelle.Features.Administration.Territoires;

/// <summary>The fields shared by the creation and the edition of a territory.</summary>
public class SaisieTerritoire
{
    [Required(ErrorMessage = "Saisissez le nom du territoire.")]
    [StringLength(100, ErrorMessage = "Le nom ne dépasse pas 100 caractères.")]
    public string Nom { get; set; } = "";

    [Required(ErrorMessage = "Choisissez le type de territoire.")]
    public TypeTerritoire? Type { get; set; }

    /// <summary>COG codes as typed: separated by spaces, commas or new lines.</summary>
    public string? Communes { get; set; }
}

/// <summary>
/// The model of _ChampsTerritoire. A record rather than a tuple: field names are built from member
/// names, and a tuple's members are Item1, Item2… whatever the names written in the view.
/// </summary>
public sealed record ChampsTerritoire(SaisieTerritoire Saisie, List<SelectListItem> Types);

public static class ListesTerritoires
{
    public static List<SelectListItem> Types() =>
        Enum.GetValues<TypeTerritoire>().Select(t => new SelectListItem(t.Libelle(), t.ToString())).ToList();

    /// <summary>
    /// Puts the name and communes errors next to their fields before the service is called; the
    /// service checks again, as it must for any caller.
    /// </summary>
    public static async Task VerifierAsync(
        ServiceTerritoires service, SaisieTerritoire saisie, Guid? territoireId, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        if (await service.ErreurCommunesAsync(ServiceTerritoires.LireCodes(saisie.Communes), cancellationToken) is { } erreur)
        {
            modelState.AddModelError($"Saisie.{nameof(SaisieTerritoire.Communes)}", erreur);
        }

        if (!string.IsNullOrWhiteSpace(saisie.Nom) && saisie.Type is { } type
            && await service.NomPrisAsync(saisie.Nom, type, territoireId, cancellationToken))
        {
            modelState.AddModelError($"Saisie.{nameof(SaisieTerritoire.Nom)}", ServiceTerritoires.MessageNomPris);
        }
    }
}
