using System.Globalization;
using System.Linq.Expressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Shared;

namespace Passerelle.Features.Administration.Structures;

[Authorize(Policy = nameof(Role.Administrateur))]
public sealed class IndexModel(PasserelleDbContext db) : PageModel
{
    // The type is stored under its code name but read under its label: sorting on the code would put
    // "Aci" before "Association" and "Etat" after "Caf" regardless of what the column shows.
    private static readonly Expression<Func<Structure, int>> RangDuType = RangSelonLibelle();

    [BindProperty(SupportsGet = true)]
    public string? Recherche { get; set; }

    [BindProperty(SupportsGet = true)]
    public TypeStructure? TypeFiltre { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Statut { get; set; } = "actives";

    [BindProperty(SupportsGet = true)]
    public string Tri { get; set; } = "nom";

    [BindProperty(SupportsGet = true)]
    public bool Desc { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int NumeroPage { get; set; } = 1;

    public PageDe<LigneStructure> Structures { get; private set; } = null!;

    public sealed record LigneStructure(Guid Id, string Nom, TypeStructure Type, string? Siret, string? Commune, bool Active);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var requete = db.Structures.AsNoTracking().AsQueryable();
        if (!string.IsNullOrWhiteSpace(Recherche))
        {
            var texte = Recherche.Trim().ToUpperInvariant();
            requete = requete.Where(s => s.Nom.ToUpper().Contains(texte));
        }

        if (TypeFiltre is { } type)
        {
            requete = requete.Where(s => s.Type == type);
        }

        requete = Statut switch
        {
            "inactives" => requete.Where(s => !s.Active),
            "toutes" => requete,
            _ => requete.Where(s => s.Active),
        };

        requete = (Tri, Desc) switch
        {
            ("type", false) => requete.OrderBy(RangDuType).ThenBy(s => s.Nom),
            ("type", true) => requete.OrderByDescending(RangDuType).ThenBy(s => s.Nom),
            (_, true) => requete.OrderByDescending(s => s.Nom),
            _ => requete.OrderBy(s => s.Nom),
        };

        Structures = await requete
            .Select(s => new LigneStructure(
                s.Id, s.Nom, s.Type, s.Siret,
                db.Communes.Where(c => c.Code == s.CommuneCode).Select(c => c.Nom).FirstOrDefault(),
                s.Active))
            .PaginerAsync(NumeroPage, cancellationToken: cancellationToken);
    }

    /// <summary>s => s.Type == A ? 0 : s.Type == B ? 1 : … — a CASE every provider translates.</summary>
    private static Expression<Func<Structure, int>> RangSelonLibelle()
    {
        var ordre = Enum.GetValues<TypeStructure>()
            .OrderBy(t => t.Libelle(), StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true))
            .ToList();
        var structure = Expression.Parameter(typeof(Structure), "s");
        var type = Expression.Property(structure, nameof(Structure.Type));
        Expression corps = Expression.Constant(ordre.Count);
        for (var rang = ordre.Count - 1; rang >= 0; rang--)
        {
            corps = Expression.Condition(Expression.Equal(type, Expression.Constant(ordre[rang])), Expression.Constant(rang), corps);
        }

        return Expression.Lambda<Func<Structure, int>>(corps, structure);
    }
}
