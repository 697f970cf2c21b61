using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Infrastructure.Audit;
using Passerelle.Infrastructure.Auth;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.Chiffres;

/// <summary>
/// One figure of the catalogue for the agent's département, over whole months, by month or by territory, with its
/// CSV export. The choice travels in the query string (figure codes, months, no personal data). Values are masked
/// for the roles without individual access; the export carries the same masks and is journaled.
/// </summary>
[Authorize(Policy = Politiques.AgentDepartement, Roles = AccesChiffres.Roles)]
public sealed class IndexModel(
    CatalogueChiffres catalogue, PasserelleDbContext db, DepartementCourant departementCourant, Journal journal, TimeProvider temps) : PageModel
{
    /// <summary>Bounds the number of grouped queries of a table by month.</summary>
    public const int MoisMaximum = 36;

    /// <summary>The record type of an export in the access journal.</summary>
    public const string TypeJournal = "Chiffres";

    [BindProperty(SupportsGet = true)]
    public string? Figure { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Du { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Au { get; set; }

    [BindProperty(SupportsGet = true)]
    [Display(Name = "les lignes")]
    public Ventilation Par { get; set; } = Ventilation.Mois;

    [BindProperty(SupportsGet = true)]
    [Display(Name = "les territoires")]
    public TypeTerritoire? Territoires { get; set; }

    /// <summary>For the figures of the actions: only the people who live in this territory.</summary>
    [BindProperty(SupportsGet = true)]
    [Display(Name = "le territoire des personnes")]
    public Guid? Territoire { get; set; }

    public IReadOnlyList<SelectListItem> OptionsFigures { get; } =
        RegistreChiffres.Figures.Select(f => new SelectListItem(f.Titre, f.Code)).ToList();

    public IReadOnlyList<SelectListItem> OptionsVentilation { get; } =
        Enum.GetValues<Ventilation>().Select(v => new SelectListItem(v.Libelle(), v.ToString())).ToList();

    public IReadOnlyList<SelectListItem> OptionsTerritoires { get; private set; } = [];

    public IReadOnlyList<SelectListItem> OptionsTerritoire { get; private set; } = [];

    /// <summary>The name of the chosen territory when it restricts the table shown.</summary>
    public string? TerritoireRetenu { get; private set; }

    public TableauMasque? Resultat { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Resultat = await CalculerAsync(cancellationToken);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        Resultat = await CalculerAsync(cancellationToken);
        if (Resultat is null)
        {
            return Page();
        }

        await journal.EnregistrerAsync(ActionJournal.Export, TypeJournal, cancellationToken: cancellationToken);
        var periode = Resultat.Tableau.Periode;
        return File(PresentationChiffres.Csv(Resultat), "text/csv; charset=utf-8",
            $"chiffres-{Resultat.Tableau.Figure.Code}-{PeriodeChiffres.Code(periode.PremierMois)}-{PeriodeChiffres.Code(periode.DernierMois)}.csv");
    }

    /// <summary>The same choice, as the export's address.</summary>
    public string? LienCsv => Resultat is null
        ? null
        : Url.Page("/Chiffres/Index", "Csv", new { figure = Figure, du = Du, au = Au, par = Par.ToString(), territoires = Territoires?.ToString(), territoire = Territoire });

    public string Legende
    {
        get
        {
            if (Resultat?.Tableau is not { } tableau)
            {
                return "";
            }

            var ventilation = tableau.Ventilation == Ventilation.Territoire && Territoires is { } type
                ? $"par territoire ({type.Libelle().ToLowerInvariant()})"
                : tableau.Ventilation.Libelle().ToLowerInvariant();
            var observation = tableau.Observation is { } jour ? $", personnes comptées au {jour:dd/MM/yyyy}" : "";
            var territoire = TerritoireRetenu is { } nom ? $", personnes habitant le territoire « {nom} »" : "";
            return $"{tableau.Figure.Titre}, {ventilation}, {tableau.Periode.Libelle()}{observation}{territoire}";
        }
    }

    private async Task<TableauMasque?> CalculerAsync(CancellationToken cancellationToken)
    {
        var aujourdhui = temps.Aujourdhui(User.Fuseau());
        var moisCourant = new DateOnly(aujourdhui.Year, aujourdhui.Month, 1);

        // The département's own territories (the tenant filter): an id from elsewhere is not one of them.
        var territoires = await db.Territoires.AsNoTracking()
            .OrderBy(t => t.Nom).ThenBy(t => t.Type).ThenBy(t => t.Id)
            .Select(t => new { t.Id, t.Nom, t.Type })
            .ToListAsync(cancellationToken);

        // The territory types the département uses; the first one is the default breakdown.
        var types = territoires.Select(t => t.Type).Distinct().ToList();
        types.Sort();
        OptionsTerritoires = types.Select(t => new SelectListItem(t.Libelle(), t.ToString())).ToList();
        Territoires ??= types.Count > 0 ? types[0] : TypeTerritoire.BassinDeVie;

        OptionsTerritoire = territoires.Select(t => new SelectListItem($"{t.Nom} ({t.Type.Libelle().ToLowerInvariant()})", t.Id.ToString())).ToList();
        var territoireChoisi = territoires.Find(t => t.Id == Territoire);
        if (Territoire is not null && territoireChoisi is null)
        {
            ModelState.AddModelError(nameof(Territoire), "Choisissez un territoire de la liste.");
        }

        Figure = string.IsNullOrWhiteSpace(Figure) ? RegistreChiffres.Figures[0].Code : Figure.Trim();
        var figure = RegistreChiffres.Trouver(Figure);
        if (figure is null)
        {
            ModelState.AddModelError(nameof(Figure), "Choisissez un chiffre de la liste.");
        }
        else if (!figure.Ventilations.Contains(Par))
        {
            // Lines the figure does not have (by month for an action's figure, say): its own first kind, shown in the form.
            Par = figure.Ventilations[0];
            ModelState.Remove(nameof(Par));
        }

        var au = LireMois(nameof(Au), Au, moisCourant, "de fin");
        var du = LireMois(nameof(Du), Du, au?.AddMonths(1 - 12) ?? moisCourant.AddMonths(1 - 12), "de début");
        if (au is { } fin && fin > moisCourant)
        {
            ModelState.AddModelError(nameof(Au), "Le mois de fin ne peut pas dépasser le mois en cours : les chiffres ne comptent que ce qui s'est passé.");
        }

        if (du is { } d && au is { } f)
        {
            if (f < d)
            {
                ModelState.AddModelError(nameof(Au), "Le mois de fin ne peut pas précéder le mois de début.");
            }
            else if (((f.Year - d.Year) * 12) + f.Month - d.Month + 1 > MoisMaximum)
            {
                ModelState.AddModelError(nameof(Du), $"Choisissez une période de {MoisMaximum} mois au plus.");
            }
        }

        if (!ModelState.IsValid || figure is null || du is not { } premier || au is not { } dernier)
        {
            return null;
        }

        var periode = new PeriodeChiffres(premier, dernier, aujourdhui);
        var restreint = figure.RestreignableAUnTerritoire && Par != Ventilation.Territoire ? territoireChoisi : null;
        TerritoireRetenu = restreint?.Nom;
        var tableau = await catalogue.CalculerAsync(
            figure.Code, departementCourant.IdObligatoire, periode, Par, Territoires.Value, restreint?.Id, cancellationToken);
        return Masquage.Appliquer(tableau, Masquage.EstRequis(User));
    }

    /// <summary>A month typed as yyyy-MM (what a month field sends); the default when nothing was typed.</summary>
    private DateOnly? LireMois(string champ, string? saisie, DateOnly parDefaut, string quel)
    {
        if (string.IsNullOrWhiteSpace(saisie))
        {
            SetValeur(champ, PeriodeChiffres.Code(parDefaut));
            return parDefaut;
        }

        if (DateOnly.TryParseExact(saisie.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var mois))
        {
            SetValeur(champ, PeriodeChiffres.Code(mois));
            return mois;
        }

        ModelState.AddModelError(champ, $"Le mois {quel} n'est pas valide : saisissez-le sous la forme année-mois, par exemple 2026-01.");
        return null;
    }

    private void SetValeur(string champ, string valeur)
    {
        if (champ == nameof(Du))
        {
            Du = valeur;
        }
        else
        {
            Au = valeur;
        }
    }
}
