using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Shared;

namespace Passerelle.Features.Administration.Agents;

[Authorize(Policy = nameof(Role.Administrateur))]
public sealed class IndexModel(PasserelleDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Recherche { get; set; }

    [BindProperty(SupportsGet = true)]
    public Role? RoleFiltre { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Statut { get; set; } = "actifs";

    [BindProperty(SupportsGet = true)]
    public string Tri { get; set; } = "nom";

    [BindProperty(SupportsGet = true)]
    public bool Desc { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int NumeroPage { get; set; } = 1;

    public PageDe<LigneAgent> Agents { get; private set; } = null!;

    public sealed record LigneAgent(Guid Id, string Nom, string Prenom, string? Email, string? Structure, bool Actif, DateTimeOffset? VerrouilleJusquau, List<string> Roles);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var requete = db.Users.AsNoTracking().AsQueryable();
        if (!string.IsNullOrWhiteSpace(Recherche))
        {
            var texte = Recherche.Trim().ToUpperInvariant();
            requete = requete.Where(a => a.Nom.ToUpper().Contains(texte) || a.Prenom.ToUpper().Contains(texte) || a.NormalizedEmail!.Contains(texte));
        }

        if (RoleFiltre is { } role)
        {
            var nomRole = role.ToString().ToUpperInvariant();
            requete = requete.Where(a => db.UserRoles.Any(ur => ur.UserId == a.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == nomRole)));
        }

        requete = Statut switch
        {
            "inactifs" => requete.Where(a => !a.Actif),
            "tous" => requete,
            _ => requete.Where(a => a.Actif),
        };

        requete = (Tri, Desc) switch
        {
            ("email", false) => requete.OrderBy(a => a.NormalizedEmail),
            ("email", true) => requete.OrderByDescending(a => a.NormalizedEmail),
            (_, true) => requete.OrderByDescending(a => a.Nom).ThenByDescending(a => a.Prenom),
            _ => requete.OrderBy(a => a.Nom).ThenBy(a => a.Prenom),
        };

        Agents = await requete
            .Select(a => new LigneAgent(
                a.Id, a.Nom, a.Prenom, a.Email,
                db.Structures.Where(s => s.Id == a.StructureId).Select(s => s.Nom).FirstOrDefault(),
                a.Actif, a.LockoutEnd,
                db.UserRoles.Where(ur => ur.UserId == a.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList()))
            .PaginerAsync(NumeroPage, cancellationToken: cancellationToken);
    }
}
