using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Domain;
using Passerelle.Features.Shared;

namespace Passerelle.Features.Offre;

/// <summary>
/// The published actions of a département, for anyone: searched by thématique, commune served, public and name,
/// by name and by page. The criteria travel in the query string; none of them is personal.
/// </summary>
[AllowAnonymous]
public sealed class CatalogueModel(LectureOffre lecture) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "thematique")] public string? Thematique { get; set; }
    [BindProperty(SupportsGet = true, Name = "commune")] public string? Commune { get; set; }
    [BindProperty(SupportsGet = true, Name = "public")] public string? Public { get; set; }
    [BindProperty(SupportsGet = true, Name = "texte")] public string? Texte { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int NumeroPage { get; set; } = 1;

    public string Code { get; private set; } = "";
    public string Nom { get; private set; } = "";
    public IReadOnlyList<CommuneOffre> Communes { get; private set; } = [];
    public PageDe<LigneOffre> Lignes { get; private set; } = new([], 1, Pagination.TailleParDefaut, 0);
    public IReadOnlyDictionary<string, CommuneReferentiel> Lieux { get; private set; } = new Dictionary<string, CommuneReferentiel>();
    public bool Filtre => !string.IsNullOrWhiteSpace(Thematique) || !string.IsNullOrWhiteSpace(Commune) || !string.IsNullOrWhiteSpace(Public) || !string.IsNullOrWhiteSpace(Texte);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        await using var offre = await lecture.OuvrirAsync(code, cancellationToken);
        if (offre is null)
        {
            return NotFound();
        }

        Code = offre.Code;
        Nom = offre.Nom;
        Communes = await offre.CommunesAsync(cancellationToken);
        // A commune of another département serves nothing here: it is dropped rather than matched.
        if (Commune is not null && Communes.All(c => !string.Equals(c.Code, Commune.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            Commune = null;
        }

        Lignes = await offre.ListerAsync(new CriteresOffre(Thematique, Commune, Public, Texte), NumeroPage, cancellationToken);
        Lieux = await offre.CommunesParCodeAsync(Lignes.Elements.Select(l => l.CommuneCode), cancellationToken);
        return Page();
    }

    public string UrlAction(Guid id) => $"/offre/{Code.ToLowerInvariant()}/actions/{id}";

    public static string LibelleType(string code) => ReferentielDataInclusion.Libelle(ReferentielDataInclusion.TypesService, code);

    /// <summary>The first sentences of the presentation, cut on a word.</summary>
    public static string Extrait(string presentation, int longueur = 220)
    {
        if (presentation.Length <= longueur)
        {
            return presentation;
        }

        var coupe = presentation.LastIndexOf(' ', longueur);
        return string.Concat(presentation.AsSpan(0, coupe > 0 ? coupe : longueur), " …");
    }
}
