using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Domain;
using Passerelle.Features.Beneficiaires;
using Passerelle.Features.Shared;
using Passerelle.Infrastructure.Audit;

namespace Passerelle.Features.Orientation;

/// <summary>A référent asks for another track for a person of his scope; a Responsable answers.</summary>
[Authorize(Roles = nameof(Role.Referent))]
public sealed class ReorientationModel(PerimetreDossiers perimetre, ServiceOrientation service, Journal journal) : PageModel
{
    [BindProperty] public TypeParcours? ParcoursSouhaite { get; set; }
    [BindProperty] public string? Motif { get; set; }

    public VueOrientation Vue { get; private set; } = null!;

    /// <summary>Why no request can be made now, or null.</summary>
    public string? Empechement => Vue.Clos
        ? "Le dossier est clos."
        : Vue.EnVigueur is null
            ? "La personne n'a pas d'orientation en vigueur : il n'y a rien à réorienter."
            : Vue.DemandeEnAttente is not null
                ? "Une demande de réorientation attend déjà la réponse d'un responsable."
                : null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await perimetre.PorteeAsync(id, cancellationToken) != Portee.Complete)
        {
            return NotFound();
        }

        Vue = await service.LireAsync(id, cancellationToken: cancellationToken);
        await journal.EnregistrerAsync(ActionJournal.Consultation, nameof(Beneficiaire), id, cancellationToken: cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await perimetre.PorteeAsync(id, cancellationToken) != Portee.Complete)
        {
            return NotFound();
        }

        Vue = await service.LireAsync(id, cancellationToken: cancellationToken);
        // An unreadable value already has its message; an empty one has none yet.
        if (ParcoursSouhaite is null && ModelState.GetFieldValidationState(nameof(ParcoursSouhaite)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.AddModelError(nameof(ParcoursSouhaite), "Choisissez le parcours souhaité.");
        }

        if (string.IsNullOrWhiteSpace(Motif))
        {
            ModelState.AddModelError(nameof(Motif), "Expliquez pourquoi une réorientation est demandée.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await this.EnregistrerAsync(async () =>
        {
            await service.DemanderReorientationAsync(id, ParcoursSouhaite, Motif, cancellationToken);
            TempData["Succes"] = "La demande de réorientation est transmise aux responsables.";
            return Redirect($"/beneficiaires/{id}/orientation");
        });
    }
}
