using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Plateforme;

namespace Passerelle.Features.Administration.Listes;

[Authorize(Policy = nameof(Role.Administrateur))]
public sealed class IndexModel(PasserelleDbContext db) : PageModel
{
    public IReadOnlyList<ListeDuDepartement> Listes { get; private set; } = [];

    public sealed record ListeDuDepartement(string Nom, string Libelle, IReadOnlyList<ValeurReference> Valeurs);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var valeurs = await db.ValeursReference.AsNoTracking().ToListAsync(cancellationToken);
        var parListe = valeurs.ToLookup(v => v.Liste, StringComparer.Ordinal);
        // Known lists show even when emptied; lists unknown to this version still show what they hold.
        Listes = ParametrageInitial.Listes.Libelles.Keys
            .Union(parListe.Select(g => g.Key), StringComparer.Ordinal)
            .Select(nom => new ListeDuDepartement(
                nom,
                ServiceListes.LibelleListe(nom),
                parListe[nom].OrderBy(v => v.Ordre).ThenBy(v => v.Libelle, StringComparer.CurrentCulture).ToList()))
            .OrderBy(l => l.Libelle, StringComparer.CurrentCulture)
            .ToList();
    }
}
