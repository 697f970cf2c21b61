using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Shared;
using Passerelle.Infrastructure.Auth;

namespace Passerelle.Features.Beneficiaires;

/// <summary>
/// The agent's caseload (GET: filters and sort only, nothing personal in the URL) and the search by name,
/// birth date, matricule or NIR (POST: the criteria never reach a URL or a log).
/// </summary>
[Authorize(Policy = PerimetreDossiers.Politique)]
public sealed class IndexModel(PasserelleDbContext db, PerimetreDossiers perimetre, RechercheDossiers recherche) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Vue { get; set; }
    [BindProperty(SupportsGet = true)] public string Statut { get; set; } = "actifs";
    [BindProperty(SupportsGet = true)] public Dispositifs? Dispositif { get; set; }
    [BindProperty(SupportsGet = true)] public string Tri { get; set; } = "nom";
    [BindProperty(SupportsGet = true)] public bool Desc { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int NumeroPage { get; set; } = 1;

    /// <summary>
    /// The last person of the previous page, by id only (a name would put personal data in the URL): the next page
    /// starts after her sort keys, read back here, instead of skipping every earlier row.
    /// </summary>
    [BindProperty(SupportsGet = true)] public Guid? Apres { get; set; }

    [BindProperty] public CriteresRecherche Criteres { get; set; } = new();

    public bool EstRecherche { get; private set; }
    public bool PeutVoirPortefeuille => User.EstDans(Role.Referent);
    public bool PeutCreer => PerimetreDossiers.RolesCreation.Any(User.EstDans);
    public PageDe<LigneBeneficiaire> Resultats { get; private set; } = new([], 1, Pagination.TailleParDefaut, 0);

    /// <summary>
    /// A search lists at most this many people: past it, the agent narrows it (first name, birth date) rather than
    /// paging, and counting stops there instead of reading every match (3 000 "Lecomte" among 200 000 people).
    /// </summary>
    public const int MaximumRecherche = 200;

    /// <summary>More people than <see cref="MaximumRecherche"/> match the search: only the first ones are listed.</summary>
    public bool RechercheTronquee { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Vue = Vue is "perimetre" || !PeutVoirPortefeuille ? "perimetre" : "portefeuille";
        var visibles = await perimetre.VisiblesAsync(cancellationToken);
        var requete = Vue == "portefeuille" ? perimetre.Portefeuille(visibles) : visibles;
        requete = Statut switch
        {
            "clos" => requete.Where(b => b.Clos),
            "tous" => requete,
            _ => requete.Where(b => !b.Clos),
        };
        if (Dispositif is { } dispositif and not Dispositifs.Aucun)
        {
            requete = requete.Where(b => (b.Dispositifs & dispositif) != 0);
        }

        Resultats = await SuiteAsync(requete, cancellationToken)
            ?? await ListeBeneficiaires.Projeter(db, Trier(requete)).PaginerAsync(NumeroPage, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// The page after <see cref="Apres"/> in the default sort, walked along the index on the name in use (a deep page
    /// costs the same as the first); null when the link does not apply (other sort, person no longer in the list).
    /// </summary>
    private async Task<PageDe<LigneBeneficiaire>?> SuiteAsync(IQueryable<Beneficiaire> requete, CancellationToken cancellationToken)
    {
        if (Apres is not { } apres || Tri != "nom" || Desc)
        {
            return null;
        }

        var borne = await requete.Where(b => b.Id == apres)
            .Select(b => new { Nom = b.NomUsage ?? b.NomNaissance, b.Prenoms, b.Id })
            .SingleOrDefaultAsync(cancellationToken);
        if (borne is null)
        {
            return null;
        }

        var total = await requete.CountAsync(cancellationToken);
        // The leading ">=" on the name is redundant but lets the database start its index scan at the boundary. The
        // comparisons run in SQL under the column's collation, the same as the ORDER BY's, so no StringComparison applies.
#pragma warning disable CA1309
        var suite = requete.Where(b => string.Compare(b.NomUsage ?? b.NomNaissance, borne.Nom) >= 0
            && (string.Compare(b.NomUsage ?? b.NomNaissance, borne.Nom) > 0
                || ((b.NomUsage ?? b.NomNaissance) == borne.Nom
                    && (string.Compare(b.Prenoms, borne.Prenoms) > 0 || (b.Prenoms == borne.Prenoms && b.Id > borne.Id)))));
#pragma warning restore CA1309
        var elements = await ListeBeneficiaires.Projeter(db, Trier(suite)).Take(Pagination.TailleParDefaut).ToListAsync(cancellationToken);
        var nombrePages = Math.Max(1, (int)Math.Ceiling(total / (double)Pagination.TailleParDefaut));
        return new PageDe<LigneBeneficiaire>(elements, Math.Clamp(NumeroPage, 2, Math.Max(2, nombrePages)), Pagination.TailleParDefaut, total);
    }

    /// <summary>The "next page" link's boundary: only on GET and in the default sort, where the index serves it.</summary>
    public Guid? ApresPageSuivante => !EstRecherche && Tri == "nom" && !Desc && Resultats.Elements.Count > 0 ? Resultats.Elements[^1].Id : null;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        EstRecherche = true;
        // The criteria (a NIR, a name) come back in this page: no cache keeps it.
        Response.Headers.CacheControl = "no-store";
        Vue = "perimetre";
        if (RechercheDossiers.Erreur(Criteres) is { } erreur)
        {
            ModelState.AddModelError(string.Empty, erreur);
            return Page();
        }

        var visibles = await perimetre.VisiblesAsync(cancellationToken);
        var trouvees = recherche.Filtrer(visibles, Criteres);
        var total = await trouvees.Take(MaximumRecherche + 1).CountAsync(cancellationToken);
        RechercheTronquee = total > MaximumRecherche;
        Resultats = await ListeBeneficiaires.Projeter(db, Trier(trouvees))
            .PaginerAsync(NumeroPage, Math.Min(total, MaximumRecherche), Pagination.TailleParDefaut, cancellationToken);
        return Page();
    }

    private IQueryable<Beneficiaire> Trier(IQueryable<Beneficiaire> requete) => (Tri, Desc) switch
    {
        ("naissance", false) => requete.OrderBy(b => b.DateNaissance).ThenBy(b => b.Id),
        ("naissance", true) => requete.OrderByDescending(b => b.DateNaissance).ThenBy(b => b.Id),
        ("commune", false) => requete.OrderBy(b => b.CommuneCode).ThenBy(b => b.Recherche).ThenBy(b => b.Id),
        ("commune", true) => requete.OrderByDescending(b => b.CommuneCode).ThenBy(b => b.Recherche).ThenBy(b => b.Id),
        (_, true) => requete.OrderByDescending(b => b.NomUsage ?? b.NomNaissance).ThenByDescending(b => b.Prenoms).ThenBy(b => b.Id),
        _ => requete.OrderBy(b => b.NomUsage ?? b.NomNaissance).ThenBy(b => b.Prenoms).ThenBy(b => b.Id),
    };
}
