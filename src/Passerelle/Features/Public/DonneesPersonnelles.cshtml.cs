using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Passerelle.Features.Public;

[AllowAnonymous]
public sealed class DonneesPersonnellesModel : PageModel
{
    public void OnGet()
    {
    }
}
