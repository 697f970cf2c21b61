using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Domain;
using Passerelle.Features.Beneficiaires;
using Passerelle.Features.Shared;
using Passerelle.Infrastructure.Audit;
using Passerelle.Infrastructure.Auth;

namespace Passerelle.Features.Orientation;

/// <summary>
/// A person's orientation: the one in force and its history for every agent in scope; the decision form,
/// the notification and the joint review for the agents of orientation (a Responsable records reviews too).
/// </summary>
[Authorize(Policy = PerimetreDossiers.Politique)]
public sealed class DecisionModel(PerimetreDossiers perimetre, ServiceOrientation service, Journal journal) : PageModel
{
    [BindProperty] public SaisieDecision Saisie { get; set; } = new();
    [BindProperty] public Guid? DecisionId { get; set; }
    [BindProperty] public DateOnly? DateNotification { get; set; }
    [BindProperty] public DateOnly? DateExamen { get; set; }

    public VueOrientation Vue { get; private set; } = null!;
    public FormulaireDecision? Formulaire { get; private set; }

    public bool PeutDecider => User.EstDans(Role.AgentOrientation);
    public bool PeutReviser => User.EstDans(Role.AgentOrientation) || User.EstDans(Role.Responsable);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await perimetre.PorteeAsync(id, cancellationToken) != Portee.Complete)
        {
            return NotFound();
        }

        Saisie.DateDecision = service.Aujourdhui();
        DateNotification = service.Aujourdhui();
        DateExamen = service.Aujourdhui();
        await ChargerAsync(id, cancellationToken);
        await journal.EnregistrerAsync(ActionJournal.Consultation, nameof(Beneficiaire), id, cancellationToken: cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeciderAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!PeutDecider)
        {
            return Forbid();
        }

        if (await perimetre.PorteeAsync(id, cancellationToken) != Portee.Complete)
        {
            return NotFound();
        }

        await ChargerAsync(id, cancellationToken);
        FormulaireDecision.AjouterErreurs(ModelState, await service.VerifierAsync(id, Saisie, reorientation: false, cancellationToken));

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await this.EnregistrerAsync(async () =>
        {
            var decision = await service.DeciderAsync(id, Saisie, cancellationToken);
            TempData["Succes"] = $"L'orientation vers le parcours {decision.Parcours.Libelle().ToLowerInvariant()} est décidée ; son courrier est ajouté aux documents du dossier.";
            return Redirect($"/beneficiaires/{id}/orientation");
        });
    }

    public async Task<IActionResult> OnPostNotificationAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!PeutDecider)
        {
            return Forbid();
        }

        if (await perimetre.PorteeAsync(id, cancellationToken) != Portee.Complete)
        {
            return NotFound();
        }

        await ChargerAsync(id, cancellationToken);
        return await this.EnregistrerAsync(async () =>
        {
            await service.NotifierAsync(id, DecisionId ?? Guid.Empty, DateNotification, cancellationToken);
            TempData["Succes"] = $"La notification du {DateNotification:dd/MM/yyyy} est enregistrée.";
            return Redirect($"/beneficiaires/{id}/orientation");
        });
    }

    public async Task<IActionResult> OnPostExamenAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!PeutReviser)
        {
            return Forbid();
        }

        if (await perimetre.PorteeAsync(id, cancellationToken) != Portee.Complete)
        {
            return NotFound();
        }

        await ChargerAsync(id, cancellationToken);
        return await this.EnregistrerAsync(async () =>
        {
            var prochain = await service.ReviserAsync(id, DecisionId ?? Guid.Empty, DateExamen, cancellationToken);
            TempData["Succes"] = $"L'examen conjoint du {DateExamen:dd/MM/yyyy} est enregistré ; le prochain est prévu au plus tard le {prochain:dd/MM/yyyy}.";
            return Redirect($"/beneficiaires/{id}/orientation");
        });
    }

    private async Task ChargerAsync(Guid id, CancellationToken cancellationToken)
    {
        Vue = await service.LireAsync(id, cancellationToken: cancellationToken);
        if (PeutDecider && Vue.EnVigueur is null && !Vue.Clos)
        {
            Formulaire = await FormulaireDecision.ChargerAsync(service, Saisie, "Décider et émettre le courrier", "Decider", cancellationToken);
        }
    }
}
