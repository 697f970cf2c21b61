using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Passerelle.Features.Beneficiaires;

namespace Passerelle.Features.Contrats;

/// <summary>The fields of a contract as the draft, edit and renewal forms post them.</summary>
public sealed class FormulaireContrat
{
    [Required(ErrorMessage = "La date de début du contrat est obligatoire.")]
    [Display(Name = "la date de début")]
    public DateOnly? Debut { get; set; }

    [Required(ErrorMessage = "La date de fin du contrat est obligatoire.")]
    [Display(Name = "la date de fin")]
    public DateOnly? Fin { get; set; }

    [Display(Name = "les heures d'activité")]
    public int? Heures { get; set; }

    public string? MotifReduction { get; set; }

    [Display(Name = "le début de la réduction")]
    public DateOnly? ReductionDu { get; set; }

    [Display(Name = "la fin de la réduction")]
    public DateOnly? ReductionAu { get; set; }

    public string? Objectifs { get; set; }

    /// <summary>Theme codes of the ticked boxes.</summary>
    public List<string> Freins { get; set; } = [];

    public string? Actions { get; set; }

    public int Version { get; set; }

    public SaisieContrat Saisie() =>
        new(Debut!.Value, Fin!.Value, Heures, MotifReduction, ReductionDu, ReductionAu, Objectifs, Freins.Where(f => !string.IsNullOrWhiteSpace(f)).ToList(), Actions);
}

/// <summary>
/// What the draft, edit and renewal pages share: the person, the lists offered, the checks of the role. Only the
/// référent unique and the agents of his structure write a contract (403 for the other roles, 404 out of scope).
/// </summary>
[Authorize(Policy = PerimetreDossiers.Politique)]
public abstract class PageFormulaireContrat(ServiceContrats service) : PageModel
{
    [BindProperty]
    public FormulaireContrat Saisie { get; set; } = new();

    public VueContrats Vue { get; private set; } = null!;

    /// <summary>The active themes, and those already on the contract even if no longer offered.</summary>
    public List<ValeurListe> Themes { get; private set; } = [];

    public List<SelectListItem> Motifs { get; private set; } = [];

    public DateOnly Aujourdhui { get; private set; }

    public abstract string Titre { get; }

    public abstract string Bouton { get; }

    protected ServiceContrats Service => service;

    /// <summary>Null when the page may be shown; otherwise the 404 or 403 to return.</summary>
    protected async Task<IActionResult?> ChargerAsync(Guid id, IReadOnlyCollection<string>? freinsDuContrat, string? motifDuContrat, CancellationToken cancellationToken)
    {
        var acces = await service.AccesAsync(id, cancellationToken);
        if (acces is null)
        {
            return NotFound();
        }

        if (!acces.PeutRediger)
        {
            return Forbid();
        }

        Aujourdhui = await service.AujourdhuiAsync(cancellationToken);
        Vue = await service.LireAsync(id, Aujourdhui, cancellationToken: cancellationToken);
        Themes = (await service.ThemesAsync(cancellationToken)).Where(t => t.Actif || freinsDuContrat?.Contains(t.Code) == true).ToList();
        Motifs = (await service.MotifsReductionAsync(cancellationToken))
            .Where(m => m.Actif || m.Code == motifDuContrat)
            .Select(m => new SelectListItem(m.Libelle, m.Code))
            .ToList();
        return null;
    }

    /// <summary>The defaults of a new contract: from today for twelve months, the hours of the setting valid at its start.</summary>
    protected async Task ValeursParDefautAsync(DateOnly debut, CancellationToken cancellationToken)
    {
        Saisie.Debut = debut;
        Saisie.Fin = debut.AddMonths(Domain.ContratEngagement.DureeMaximaleMois).AddDays(-1);
        try
        {
            Saisie.Heures = await service.HeuresParDefautAsync(debut, cancellationToken);
        }
        catch (Domain.RegleMetierException)
        {
            // No setting on that day: the field stays empty and the refusal comes, explained, when the form is posted.
            Saisie.Heures = null;
        }
    }
}
