using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Beneficiaires;
using Passerelle.Features.Contrats;
using Passerelle.Features.Shared;
using Passerelle.Infrastructure.Audit;

namespace Passerelle.Features.Prescriptions;

/// <summary>The fiche de prescription as the form posts it.</summary>
public sealed class FormulairePrescription
{
    public Guid? ActionId { get; set; }

    public Guid? SessionId { get; set; }

    [Required(ErrorMessage = "Les objectifs de la prescription sont obligatoires.")]
    public string? Objectifs { get; set; }

    /// <summary>Theme codes of the ticked boxes.</summary>
    public List<string> Freins { get; set; } = [];

    /// <summary>What is shared besides the name and the birth date, which always are.</summary>
    public List<InformationsPartagees> Partage { get; set; } = [];

    public bool Accord { get; set; }

    public DateOnly? ConsentementLe { get; set; }

    public SaisiePrescription Saisie() => new(
        ActionId ?? Guid.Empty, SessionId, Objectifs, Freins.Where(f => !string.IsNullOrWhiteSpace(f)).Distinct().ToList(),
        Partage.Aggregate(InformationsPartagees.Aucune, (tout, p) => tout | p), Accord ? ConsentementLe : null);
}

/// <summary>A session offered in the form, with whether a place is left.</summary>
public sealed record SessionProposee(Guid Id, string Libelle, DateOnly Debut, DateOnly Fin, int Places, string? MotifComplet);

/// <summary>
/// Prescribing an action, in two steps on one address: without a chosen action, the catalogue judged for the person
/// (what she may enter, and why not the rest); with one, the fiche de prescription and the person's consent. Only a
/// référent who sees the whole dossier prescribes: other roles get 403 before anything is read, other people 404.
/// </summary>
[Authorize(Policy = PerimetreDossiers.Politique, Roles = nameof(Role.Referent))]
public sealed class NouvelleModel(ServicePrescriptions service, ServiceContrats contrats, PasserelleDbContext db, Journal journal) : PageModel
{
    [BindProperty] public FormulairePrescription Saisie { get; set; } = new();

    /// <summary>The action chosen at step 1, in the query string: an action's id, nothing about the person.</summary>
    [BindProperty(SupportsGet = true, Name = "actionId")] public Guid? ActionDemandee { get; set; }

    public Guid BeneficiaireId { get; private set; }
    public string Nom { get; private set; } = "";
    public bool Clos { get; private set; }
    public List<ActionPrescriptible> Actions { get; private set; } = [];
    public ActionPrescriptible? Choisie { get; private set; }
    public ActionInsertion? Detail { get; private set; }
    public List<SessionProposee> Sessions { get; private set; } = [];
    public List<ValeurListe> Themes { get; private set; } = [];
    public DateOnly Aujourdhui { get; private set; }

    /// <summary>The choice asked for is not one the person may be prescribed: step 1 again, saying so.</summary>
    public bool ChoixRefuse { get; private set; }

    public IEnumerable<ActionPrescriptible> Accessibles => Actions.Where(a => a.Prescriptible);

    public IEnumerable<ActionPrescriptible> NonAccessibles => Actions.Where(a => !a.Prescriptible);

    public IEnumerable<SelectListItem> OptionsSessions => Sessions.Select(s => new SelectListItem(
        $"{s.Libelle} — du {s.Debut:dd/MM/yyyy} au {s.Fin:dd/MM/yyyy}, {s.Places} places{(s.MotifComplet is null ? "" : " (complète)")}", s.Id.ToString()));

    public static IEnumerable<InformationsPartagees> InformationsProposees =>
        Enum.GetValues<InformationsPartagees>().Where(i => i != InformationsPartagees.Aucune);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await ChargerAsync(id, cancellationToken) is { } refus)
        {
            return refus;
        }

        if (ActionDemandee is { } demandee)
        {
            var action = Actions.FirstOrDefault(a => a.Id == demandee && a.Prescriptible);
            if (action is null)
            {
                ChoixRefuse = true;
            }
            else
            {
                await ChoisirAsync(action, cancellationToken);
                Saisie.ActionId = action.Id;
                Saisie.ConsentementLe = Aujourdhui;
                Saisie.Freins = (await contrats.FreinsDuDiagnosticAsync(id, cancellationToken)).Where(f => Themes.Exists(t => t.Code == f)).ToList();
            }
        }

        await journal.EnregistrerAsync(ActionJournal.Consultation, nameof(Beneficiaire), id, cancellationToken: cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await ChargerAsync(id, cancellationToken) is { } refus)
        {
            return refus;
        }

        Saisie.ActionId ??= ActionDemandee;
        var action = Actions.FirstOrDefault(a => a.Id == Saisie.ActionId);
        if (action is null)
        {
            ModelState.AddModelError(string.Empty, "Choisissez une action du catalogue.");
            return Page();
        }

        // Even an action the person may not enter keeps its form: the refusal below says why, with nothing written.
        await ChoisirAsync(action, cancellationToken);
        if (!Saisie.Accord)
        {
            ModelState.AddModelError("Saisie.Accord", "Cochez la case : la fiche n'est transmise à l'opérateur qu'avec l'accord de la personne.");
        }
        else if (Saisie.ConsentementLe is null && !ModelState.ContainsKey("Saisie.ConsentementLe"))
        {
            ModelState.AddModelError("Saisie.ConsentementLe", "La date de l'accord de la personne est obligatoire.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await this.EnregistrerAsync(async () =>
        {
            var prescription = await service.PrescrireAsync(id, Saisie.Saisie(), cancellationToken);
            TempData["Succes"] = $"La prescription est envoyée à l'opérateur, {action.Structure} : ses agents en sont avertis."
                + (action.Complete ? " L'action est complète cette année : l'opérateur inscrira la personne en liste d'attente." : "");
            return Redirect(ServicePrescriptions.UrlReferent(prescription.Id));
        });
    }

    private async Task<IActionResult?> ChargerAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            Actions = await service.ActionsPourAsync(id, cancellationToken);
        }
        catch (AccesPrescriptionRefuseException refus)
        {
            return refus.Introuvable ? NotFound() : Forbid();
        }

        BeneficiaireId = id;
        var personne = await db.Beneficiaires.AsNoTracking().Where(b => b.Id == id)
            .Select(b => new { Nom = b.Prenoms + " " + (b.NomUsage ?? b.NomNaissance), b.Clos })
            .SingleAsync(cancellationToken);
        Nom = personne.Nom;
        Clos = personne.Clos;
        Aujourdhui = await service.AujourdhuiAsync(cancellationToken);
        return null;
    }

    /// <summary>Step 2: the chosen action, its sessions with their places, and the département's themes of barriers.</summary>
    private async Task ChoisirAsync(ActionPrescriptible action, CancellationToken cancellationToken)
    {
        Choisie = action;
        Detail = await db.Actions.AsNoTracking().SingleAsync(a => a.Id == action.Id, cancellationToken);
        foreach (var session in action.Sessions)
        {
            Sessions.Add(new SessionProposee(
                session.Id, session.Libelle, session.Debut, session.Fin, session.Places,
                await service.MotifCompletAsync(Detail, session.Id, Aujourdhui, cancellationToken)));
        }

        Themes = (await contrats.ThemesAsync(cancellationToken)).Where(t => t.Actif).ToList();
    }
}
