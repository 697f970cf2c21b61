using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Passerelle.Features.Offre;

/// <summary>
/// A published action as the public sees it: what it offers, for whom, where, when, and who may prescribe it.
/// An action withdrawn from the offer, or of another département, is unknown here (404). Nothing is said of the
/// people who follow it, not even how many.
/// </summary>
[AllowAnonymous]
public sealed class ActionModel(LectureOffre lecture) : PageModel
{
    public string Code { get; private set; } = "";
    public string NomDepartement { get; private set; } = "";
    public FicheOffre Fiche { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, Guid id, CancellationToken cancellationToken)
    {
        await using var offre = await lecture.OuvrirAsync(code, cancellationToken);
        if (offre is null || await offre.FicheAsync(id, cancellationToken) is not { } fiche)
        {
            return NotFound();
        }

        Code = offre.Code;
        NomDepartement = offre.Nom;
        Fiche = fiche;
        return Page();
    }
}
