using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Passerelle.Features.Offre;

/// <summary>The public portal's entry: the départements of the platform and how many actions each publishes.</summary>
[AllowAnonymous]
public sealed class IndexModel(LectureOffre lecture) : PageModel
{
    public IReadOnlyList<DepartementOffre> Departements { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Departements = await lecture.DepartementsAsync(cancellationToken);
}
