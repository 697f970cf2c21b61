using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
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

    [BindProperty] public CriteresRecherche Criteres { get; set; } = new();

    public bool EstRecherche { get; private set; }
    public bool PeutVoirPortefeuille => User.EstDans(Role.Referent);
    public bool PeutCreer => PerimetreDossiers.RolesCreation.Any(User.EstDans);
    public PageDe<LigneBeneficiaire> Resultats { get; private set; } = new([], 1, Pagination.TailleParDefaut, 0);

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

        Resultats = await ListeBeneficiaires.Projeter(db, Trier(requete)).PaginerAsync(NumeroPage, cancellationToken: cancellationToken);
    }

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
        Resultats = await ListeBeneficiaires.Projeter(db, Trier(recherche.Filtrer(visibles, Criteres)))
            .PaginerAsync(NumeroPage, cancellationToken: cancellationToken);
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
