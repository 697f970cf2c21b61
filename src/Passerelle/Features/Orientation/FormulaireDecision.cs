using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Passerelle.Domain;

namespace Passerelle.Features.Orientation;

/// <summary>What the decision form (_FormulaireDecision) offers: the same for a first orientation and for an accepted réorientation.</summary>
public sealed class FormulaireDecision
{
    public static readonly IReadOnlyList<SelectListItem> Parcours =
        Enum.GetValues<TypeParcours>().Select(p => new SelectListItem(p.Libelle(), p.ToString())).ToList();

    public static readonly IReadOnlyList<SelectListItem> Organismes =
        Enum.GetValues<OrganismeOrientation>().Select(o => new SelectListItem(o.Libelle(), o.ToString())).ToList();

    /// <summary>The page's bound input: the fields are named Saisie.* like the page's property.</summary>
    public SaisieDecision Saisie { get; set; } = new();
    public required IReadOnlyList<StructureOrientation> Structures { get; init; }
    public required IReadOnlyList<SelectListItem> MotifsVulnerabilite { get; init; }
    public required string Bouton { get; init; }
    public required string Handler { get; init; }
    /// <summary>The version of the réorientation request being answered, sent back with the form.</summary>
    public int? Version { get; set; }

    /// <summary>Each structure labelled with the organism it stands for, so that the choice reads without script.</summary>
    public IEnumerable<SelectListItem> OptionsStructures =>
        Structures.Select(s => new SelectListItem($"{s.Organisme.Libelle()} — {s.Nom}", s.Id.ToString()));

    public static async Task<FormulaireDecision> ChargerAsync(
        ServiceOrientation service, SaisieDecision saisie, string bouton, string handler, CancellationToken cancellationToken) =>
        new()
        {
            Saisie = saisie,
            Structures = await service.StructuresAsync(cancellationToken),
            MotifsVulnerabilite = await service.MotifsVulnerabiliteAsync(cancellationToken),
            Bouton = bouton,
            Handler = handler,
        };

    /// <summary>Each error on its field (Saisie.*); a field whose value could not even be read keeps only that message.</summary>
    public static void AjouterErreurs(ModelStateDictionary modelState, IEnumerable<ErreurSaisie> erreurs)
    {
        foreach (var erreur in erreurs)
        {
            var cle = erreur.Champ.Length == 0 ? string.Empty : $"Saisie.{erreur.Champ}";
            if (cle.Length == 0 || !modelState.TryGetValue(cle, out var etat) || etat.Errors.Count == 0)
            {
                modelState.AddModelError(cle, erreur.Message);
            }
        }
    }
}
