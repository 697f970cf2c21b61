using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Shared;
using Passerelle.Infrastructure.Auth;

namespace Passerelle.Features.Catalogue;

/// <summary>
/// The catalogue of the département's actions, filtered and paginated in the database. The filters travel in the query
/// string: they hold ids and data·inclusion codes, never personal data.
/// </summary>
[Authorize(Policy = Politiques.AgentDepartement)]
public sealed class IndexModel(PasserelleDbContext db) : PageModel
{
    public const string Publiees = "publiees";
    public const string NonPubliees = "non-publiees";

    [BindProperty(SupportsGet = true)]
    public string? Recherche { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? StructureId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? FicheId { get; set; }

    /// <summary>A thématique's code, or a category's ("mobilite") for all its thématiques.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Thematique { get; set; }

    /// <summary><see cref="Publiees"/>, <see cref="NonPubliees"/>, or anything else for all.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Publication { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Desc { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int NumeroPage { get; set; } = 1;

    public PageDe<LigneAction> Actions { get; private set; } = null!;

    public List<StructureProposee> Structures { get; private set; } = [];

    public List<FicheProposee> Fiches { get; private set; } = [];

    public FicheProposee? FicheChoisie => Fiches.FirstOrDefault(f => f.Id == FicheId);

    public bool PeutModifier => AccesCatalogue.PeutModifier(User);

    public sealed record LigneAction(
        Guid Id, string Nom, string? Structure, string? NumeroFiche, string? IntituleFiche, string TypeService, string? Thematiques, bool Publiee)
    {
        public string LibelleType => ReferentielDataInclusion.Libelle(ReferentielDataInclusion.TypesService, TypeService);

        public IReadOnlyList<string> LibellesThematiques => Texte.Separer(Thematiques).Select(ReferentielDataInclusion.LibelleThematique).ToList();
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Structures = await ListesCatalogue.StructuresAsync(db, StructureId, cancellationToken);
        Fiches = await ListesCatalogue.FichesAsync(db, cancellationToken);

        var requete = db.Actions.AsNoTracking().AsQueryable();
        if (!string.IsNullOrWhiteSpace(Recherche))
        {
            var texte = Recherche.Trim().ToUpperInvariant();
            requete = requete.Where(a => a.Nom.ToUpper().Contains(texte) || a.Presentation.ToUpper().Contains(texte));
        }

        if (StructureId is { } structureId)
        {
            requete = requete.Where(a => a.StructureId == structureId);
        }

        if (FicheId is { } ficheId)
        {
            requete = requete.Where(a => a.FicheActionId == ficheId);
        }

        // The codes are stored joined by "|": framed by "|", a code matches whole, a category as the start of its codes.
        if (Thematique is { } code && ReferentielDataInclusion.EstThematique(code))
        {
            var motif = "|" + code + "|";
            requete = requete.Where(a => ("|" + a.Thematiques + "|").Contains(motif));
        }
        else if (Thematique is { } categorie && ReferentielDataInclusion.Familles.ContainsKey(categorie))
        {
            var motif = "|" + categorie + "--";
            requete = requete.Where(a => ("|" + a.Thematiques).Contains(motif));
        }

        requete = Publication switch
        {
            Publiees => requete.Where(a => a.Publiee),
            NonPubliees => requete.Where(a => !a.Publiee),
            _ => requete,
        };

        requete = Desc ? requete.OrderByDescending(a => a.Nom).ThenBy(a => a.Id) : requete.OrderBy(a => a.Nom).ThenBy(a => a.Id);
        Actions = await requete
            .Select(a => new LigneAction(
                a.Id, a.Nom,
                db.Structures.Where(s => s.Id == a.StructureId).Select(s => s.Nom).FirstOrDefault(),
                db.FichesActions.Where(f => f.Id == a.FicheActionId).Select(f => f.Numero).FirstOrDefault(),
                db.FichesActions.Where(f => f.Id == a.FicheActionId).Select(f => f.Intitule).FirstOrDefault(),
                a.TypeService, a.Thematiques, a.Publiee))
            .PaginerAsync(NumeroPage, cancellationToken: cancellationToken);
    }
}
