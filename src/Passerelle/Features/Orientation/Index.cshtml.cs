using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Shared;

namespace Passerelle.Features.Orientation;

/// <summary>
/// The orientation queue (GET: filters and page only, nothing personal in the URL): people to orient by
/// deadline, and the social tracks whose joint review is near. An agent of orientation sees the whole
/// département; a Responsable the people of his scope.
/// </summary>
[Authorize(Roles = nameof(Role.AgentOrientation) + "," + nameof(Role.Responsable))]
public sealed class IndexModel(PasserelleDbContext db, FileOrientation file, ServiceOrientation service) : PageModel
{
    public const string VueExamens = "examens";

    [BindProperty(SupportsGet = true)] public string? Vue { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Territoire { get; set; }
    [BindProperty(SupportsGet = true)] public EtatDelai Etat { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int NumeroPage { get; set; } = 1;

    public bool EstExamens => Vue == VueExamens;
    public DateOnly Aujourdhui { get; private set; }
    public List<(Guid Id, string Nom)> Territoires { get; private set; } = [];
    public FileAOrienter? AOrienter { get; private set; }
    public PageDe<LigneExamen>? Examens { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Aujourdhui = service.Aujourdhui();
        Territoires = (await db.Territoires.AsNoTracking().OrderBy(t => t.Nom).Select(t => new { t.Id, t.Nom }).ToListAsync(cancellationToken))
            .Select(t => (t.Id, t.Nom)).ToList();
        // An unknown territory (another département's, a stale link) filters nothing rather than everything.
        if (Territoire is { } territoire && Territoires.TrueForAll(t => t.Id != territoire))
        {
            Territoire = null;
        }

        if (!Enum.IsDefined(Etat))
        {
            Etat = EtatDelai.Tous;
        }

        if (EstExamens)
        {
            Examens = await file.ExamensAsync(Aujourdhui, Territoire, NumeroPage, cancellationToken);
        }
        else
        {
            Vue = null;
            AOrienter = await file.AOrienterAsync(Aujourdhui, Territoire, Etat, NumeroPage, cancellationToken);
        }
    }
}
