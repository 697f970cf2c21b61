using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Passerelle.Domain;
using Passerelle.Features.Shared;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.Beneficiaires.Diagnostic;

[Authorize(Policy = PerimetreDossiers.Politique)]
public sealed class NouveauModel(PerimetreDossiers perimetre, ServiceDiagnostic service, TimeProvider temps) : PageModel
{
    public static readonly IReadOnlyList<SelectListItem> Niveaux =
        Enum.GetValues<NiveauFrein>().Select(n => new SelectListItem(n.Libelle(), n.ToString())).ToList();

    [BindProperty]
    public SaisieDiagnostic Saisie { get; set; } = new();

    public Guid BeneficiaireId { get; private set; }

    /// <summary>The active themes only: an inactive one is no longer offered, its old evaluations stay in the history.</summary>
    public List<ThemeFrein> Themes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await perimetre.PorteeAsync(id, cancellationToken) != Portee.Complete)
        {
            return NotFound();
        }

        await ChargerAsync(id, cancellationToken);
        Saisie.Date = temps.Aujourdhui(User.Fuseau());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await perimetre.PorteeAsync(id, cancellationToken) != Portee.Complete)
        {
            return NotFound();
        }

        await ChargerAsync(id, cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var date = Saisie.Date!.Value;
        var saisies = Saisie.Evaluations();
        foreach (var erreur in await service.VerifierAsync(id, date, saisies, cancellationToken))
        {
            ModelState.AddModelError(Cle(erreur), erreur.Message);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await this.EnregistrerAsync(async () =>
        {
            var nombre = await service.AjouterAsync(id, date, saisies, cancellationToken);
            TempData["Succes"] = nombre == 1
                ? $"L'évaluation du {date:dd/MM/yyyy} est enregistrée (1 thème évalué)."
                : $"L'évaluation du {date:dd/MM/yyyy} est enregistrée ({nombre} thèmes évalués).";
            return RedirectToPage("Index", new { id });
        });
    }

    private async Task ChargerAsync(Guid id, CancellationToken cancellationToken)
    {
        BeneficiaireId = id;
        Themes = (await service.ThemesAsync(cancellationToken)).Where(t => t.Actif).ToList();
        // Every offered theme has its entry, so that the form's fields always find a value to show.
        foreach (var theme in Themes)
        {
            Saisie.Niveaux.TryAdd(theme.Code, null);
            Saisie.Commentaires.TryAdd(theme.Code, null);
        }
    }

    private static string Cle(ErreurDiagnostic erreur) => erreur.Champ switch
    {
        ChampDiagnostic.Date => $"{nameof(Saisie)}.{nameof(SaisieDiagnostic.Date)}",
        ChampDiagnostic.Niveau => $"{nameof(Saisie)}.{nameof(SaisieDiagnostic.Niveaux)}[{erreur.Theme}]",
        ChampDiagnostic.Commentaire => $"{nameof(Saisie)}.{nameof(SaisieDiagnostic.Commentaires)}[{erreur.Theme}]",
        _ => string.Empty,
    };

    /// <summary>Fields named by theme code (Saisie.Niveaux[mobilite]): a value always reaches its theme, whatever the order of the list.</summary>
    public sealed class SaisieDiagnostic
    {
        [Required(ErrorMessage = "Saisissez la date de l'évaluation.")]
        [Display(Name = "la date de l'évaluation")]
        public DateOnly? Date { get; set; }

        public Dictionary<string, NiveauFrein?> Niveaux { get; set; } = new(StringComparer.Ordinal);

        public Dictionary<string, string?> Commentaires { get; set; } = new(StringComparer.Ordinal);

        public List<EvaluationSaisie> Evaluations() =>
            Niveaux.Keys.Union(Commentaires.Keys, StringComparer.Ordinal)
                .Select(code => new EvaluationSaisie(code, Niveaux.GetValueOrDefault(code), Commentaires.GetValueOrDefault(code)))
                .ToList();
    }
}
