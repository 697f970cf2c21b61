using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Shared;
using Passerelle.Features.SuiviRendezVous;
using Passerelle.Infrastructure.Audit;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.Prescriptions.Recues;

/// <summary>
/// One received prescription, as its operator sees it: the person's identity, what the prescription shares and nothing
/// else, and the step its state allows — answer, entry, entretiens, hours, bilans, exit, follow-up. Every form carries
/// the version it was rendered from; a refused step shows its reason and writes nothing. Every opening is journaled
/// under the person and the prescription.
/// </summary>
[Authorize(Roles = nameof(Role.Operateur))]
public sealed class FicheModel(
    PasserelleDbContext db, LecturePrescriptionsRecues lecture, ServicePrescriptions service, ServiceEntretiens entretiens, Journal journal) : PageModel
{
    private static readonly CultureInfo Francais = CultureInfo.GetCultureInfo("fr-FR");

    [BindProperty] public int Version { get; set; }
    [BindProperty] public FormulaireAcceptation Acceptation { get; set; } = new();
    [BindProperty] public FormulaireRefus Refus { get; set; } = new();
    [BindProperty] public FormulaireEntree Entree { get; set; } = new();
    [BindProperty] public FormulaireHeures Heures { get; set; } = new();
    [BindProperty] public FormulaireEntretien Entretien { get; set; } = new();
    [BindProperty] public FormulaireIssueEntretien IssueEntretien { get; set; } = new();
    [BindProperty] public FormulaireBilan Bilan { get; set; } = new();
    [BindProperty] public FormulaireSortie Sortie { get; set; } = new();
    [BindProperty] public FormulaireSuivi Suivi { get; set; } = new();

    public FichePrescriptionRecue Fiche { get; private set; } = null!;

    public Prescription Prescription => Fiche.Prescription;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await ChargerAsync(id, cancellationToken) is { } refus)
        {
            return refus;
        }

        journal.Ajouter(ActionJournal.Consultation, nameof(Domain.Prescription), id);
        await journal.EnregistrerAsync(ActionJournal.Consultation, nameof(Beneficiaire), Prescription.BeneficiaireId, cancellationToken: cancellationToken);
        var aujourdhui = Fiche.Aujourdhui;
        Acceptation.SessionId = Prescription.SessionId;
        Entree.Date = aujourdhui;
        Heures.Date = aujourdhui;
        Entretien.Date = aujourdhui.AddDays(7);
        Bilan.Date = aujourdhui;
        Bilan.Type = Prescription.Etat == EtatPrescription.Sortie ? TypeBilan.Final : TypeBilan.Intermediaire;
        Sortie.Date = aujourdhui;
        Suivi.Date = Prescription.SuiviDu is { } du && du > aujourdhui ? du : aujourdhui;
        return Page();
    }

    public Task<IActionResult> OnPostAccepterAsync(Guid id, CancellationToken cancellationToken) =>
        ExecuterAsync(id, () => service.AccepterAsync(id, Version, Acceptation.SessionId, cancellationToken),
            "La prescription est acceptée ; le référent en est averti.", "suite", cancellationToken);

    public Task<IActionResult> OnPostAttenteAsync(Guid id, CancellationToken cancellationToken) =>
        ExecuterAsync(id, () => service.MettreEnAttenteAsync(id, Version, cancellationToken),
            "La personne est inscrite en liste d'attente ; le référent en est averti.", "suite", cancellationToken);

    public Task<IActionResult> OnPostRefuserAsync(Guid id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Refus.Motif))
        {
            ModelState.AddModelError("Refus.Motif", "Indiquez le motif du refus : il est transmis au référent.");
        }

        if (!Refus.Confirmation)
        {
            ModelState.AddModelError("Refus.Confirmation", "Cochez la case pour confirmer le refus de la prescription.");
        }

        return ExecuterAsync(id, () => service.RefuserAsync(id, Version, Refus.Motif, cancellationToken),
            "La prescription est refusée ; le référent en est averti.", "suite", cancellationToken);
    }

    public Task<IActionResult> OnPostEntreeAsync(Guid id, CancellationToken cancellationToken)
    {
        Exiger(Entree.Date, "Entree.Date", "Indiquez la date d'entrée dans l'action.");
        return ExecuterAsync(id, () => service.EntrerAsync(id, Version, Entree.Date!.Value, cancellationToken),
            "L'entrée dans l'action est enregistrée ; le référent en est averti.", "suite", cancellationToken);
    }

    public Task<IActionResult> OnPostHeuresAsync(Guid id, CancellationToken cancellationToken)
    {
        Exiger(Heures.Date, "Heures.Date", "Indiquez le jour où les heures ont été faites.");
        var nombre = Nombres.LireDecimal(Heures.Nombre);
        if (nombre is null)
        {
            ModelState.AddModelError("Heures.Nombre", "Indiquez le nombre d'heures, par exemple 3,5 pour trois heures et demie.");
        }

        Exiger(Heures.Nature, "Heures.Nature", "Indiquez s'il s'agit d'heures en centre ou en stage.");
        return ExecuterAsync(id, () => service.EnregistrerHeuresAsync(id, Version, Heures.Date!.Value, nombre!.Value, Heures.Nature!.Value, cancellationToken),
            $"{FormatHeures(nombre ?? 0)} h sont enregistrées.", "heures", cancellationToken);
    }

    public Task<IActionResult> OnPostEntretienAsync(Guid id, CancellationToken cancellationToken)
    {
        Exiger(Entretien.Type, "Entretien.Type", "Choisissez le type d'entretien.");
        Exiger(Entretien.Date, "Entretien.Date", "Indiquez la date de l'entretien.");
        Exiger(Entretien.Heure, "Entretien.Heure", "Indiquez l'heure de l'entretien.");
        Exiger(Entretien.DureeMinutes, "Entretien.DureeMinutes", "Indiquez la durée prévue, en minutes.");
        if (string.IsNullOrWhiteSpace(Entretien.Objet))
        {
            ModelState.AddModelError("Entretien.Objet", "Indiquez l'objet de l'entretien.");
        }

        return ExecuterAsync(id, async () =>
            {
                var rendezVous = await entretiens.PlanifierAsync(id, new SaisieEntretien(
                    Entretien.Type!.Value, Entretien.Date!.Value, Entretien.Heure!.Value, Entretien.DureeMinutes!.Value, Entretien.Objet, Entretien.Lieu), cancellationToken);
                TempData["Succes"] = $"L'entretien du {DroitsRendezVous.DateEnLettres(rendezVous.Debut, User.Fuseau())} est prévu.";
            },
            null, "entretiens", cancellationToken);
    }

    public Task<IActionResult> OnPostIssueEntretienAsync(Guid id, CancellationToken cancellationToken)
    {
        if (IssueEntretien.RendezVousId is null || IssueEntretien.Version is null)
        {
            ModelState.AddModelError(string.Empty, "Choisissez l'entretien à enregistrer.");
        }

        if (IssueEntretien.Issue is null)
        {
            ModelState.AddModelError(string.Empty, "Choisissez ce qui s'est passé : honoré, non honoré ou excusé.");
        }

        return ExecuterAsync(id, () => entretiens.EnregistrerIssueAsync(
                id, IssueEntretien.RendezVousId!.Value, IssueEntretien.Version!.Value, IssueEntretien.Issue!.Value, IssueEntretien.Texte, cancellationToken),
            "L'entretien est enregistré.", "entretiens", cancellationToken, IssueEntretien.RendezVousId);
    }

    public Task<IActionResult> OnPostBilanAsync(Guid id, CancellationToken cancellationToken)
    {
        Exiger(Bilan.Type, "Bilan.Type", "Choisissez le type de bilan.");
        Exiger(Bilan.Date, "Bilan.Date", "Indiquez la date du bilan.");
        Exiger(Bilan.Atteinte, "Bilan.Atteinte", "Indiquez l'atteinte des objectifs.");
        Exiger(Bilan.Assiduite, "Bilan.Assiduite", "Indiquez l'assiduité de la personne.");
        return ExecuterAsync(id, () => service.AjouterBilanAsync(id, Version, new SaisieBilan(
                Bilan.Type!.Value, Bilan.Date!.Value, Bilan.Atteinte!.Value, Bilan.Assiduite!.Value, Bilan.FreinsLeves, Bilan.Preconisations, Bilan.Commentaire),
                cancellationToken),
            "Le bilan est enregistré ; le référent en est averti.", "bilans", cancellationToken);
    }

    public Task<IActionResult> OnPostSortieAsync(Guid id, CancellationToken cancellationToken)
    {
        Exiger(Sortie.Date, "Sortie.Date", "Indiquez la date de sortie.");
        Exiger(Sortie.Issue, "Sortie.Issue", "Indiquez l'issue de la sortie.");
        if (!Sortie.Confirmation)
        {
            ModelState.AddModelError("Sortie.Confirmation", "Cochez la case pour confirmer la sortie de l'action.");
        }

        return ExecuterAsync(id, () => service.SortirAsync(id, Version, Sortie.Date!.Value, Sortie.Issue!.Value, Sortie.Commentaire, cancellationToken),
            "La sortie est enregistrée ; le référent en est averti. Le suivi à six mois vous sera demandé.", "sortie", cancellationToken);
    }

    public Task<IActionResult> OnPostSuiviAsync(Guid id, CancellationToken cancellationToken)
    {
        Exiger(Suivi.Date, "Suivi.Date", "Indiquez la date du suivi.");
        Exiger(Suivi.Situation, "Suivi.Situation", "Indiquez la situation de la personne.");
        return ExecuterAsync(id, () => service.SuivreAsync(id, Version, Suivi.Date!.Value, Suivi.Situation!.Value, Suivi.Commentaire, cancellationToken),
            "Le suivi à six mois est enregistré ; le référent en est averti.", "sortie", cancellationToken);
    }

    public static string FormatHeures(decimal heures) => heures.ToString("0.##", Francais);

    public static IEnumerable<SelectListItem> Options<TEnum>(Func<TEnum, bool>? garder = null)
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Where(v => garder?.Invoke(v) ?? true).Select(v => new SelectListItem(v.Libelle(), v.ToString()));

    private void Exiger<T>(T? valeur, string champ, string message)
        where T : struct
    {
        // A value typed but unreadable already carries its binding error.
        if (valeur is null && !(ModelState.TryGetValue(champ, out var etat) && etat.Errors.Count > 0))
        {
            ModelState.AddModelError(champ, message);
        }
    }

    /// <summary>
    /// Loads the page, runs the write and goes back to the page with its message; a refusal shows its reason on the page, a
    /// stale form says who changed the record (<paramref name="conflitId"/>: the row whose version the form carried).
    /// </summary>
    private async Task<IActionResult> ExecuterAsync(
        Guid id, Func<Task> ecrire, string? succes, string ancre, CancellationToken cancellationToken, Guid? conflitId = null)
    {
        if (await ChargerAsync(id, cancellationToken) is { } refus)
        {
            return refus;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            return await this.EnregistrerAsync(
                async () =>
                {
                    await ecrire();
                    if (succes is not null)
                    {
                        TempData["Succes"] = succes;
                    }

                    return Redirect($"{ServicePrescriptions.UrlOperateur(id)}#{ancre}");
                },
                db,
                conflitId ?? id,
                async () => await ChargerAsync(id, cancellationToken) ?? Page(),
                cancellationToken);
        }
        catch (AccesPrescriptionRefuseException erreur)
        {
            // The prescription left the operator's view between the page and the form.
            return erreur.Introuvable ? NotFound() : Forbid();
        }
    }

    private async Task<IActionResult?> ChargerAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            Fiche = await lecture.FicheAsync(id, cancellationToken);
            return null;
        }
        catch (AccesPrescriptionRefuseException erreur)
        {
            return erreur.Introuvable ? NotFound() : Forbid();
        }
    }

    public sealed class FormulaireAcceptation
    {
        public Guid? SessionId { get; set; }
    }

    public sealed class FormulaireRefus
    {
        public string? Motif { get; set; }
        public bool Confirmation { get; set; }
    }

    public sealed class FormulaireEntree
    {
        public DateOnly? Date { get; set; }
    }

    public sealed class FormulaireHeures
    {
        public DateOnly? Date { get; set; }
        /// <summary>Typed as text: "3,5" as the French write it.</summary>
        public string? Nombre { get; set; }
        public NatureHeures? Nature { get; set; } = NatureHeures.Action;
    }

    public sealed class FormulaireEntretien
    {
        public TypeRendezVous? Type { get; set; } = TypeRendezVous.Individuel;
        public DateOnly? Date { get; set; }
        public TimeOnly? Heure { get; set; } = new TimeOnly(9, 30);
        public int? DureeMinutes { get; set; } = 45;
        public string? Objet { get; set; }
        public string? Lieu { get; set; }
    }

    public sealed class FormulaireIssueEntretien
    {
        public Guid? RendezVousId { get; set; }
        public int? Version { get; set; }
        public IssueRendezVous? Issue { get; set; }
        public string? Texte { get; set; }
    }

    public sealed class FormulaireBilan
    {
        public TypeBilan? Type { get; set; }
        public DateOnly? Date { get; set; }
        public AtteinteObjectifs? Atteinte { get; set; }
        public Assiduite? Assiduite { get; set; }
        public List<string> FreinsLeves { get; set; } = [];
        public string? Preconisations { get; set; }
        public string? Commentaire { get; set; }
    }

    public sealed class FormulaireSortie
    {
        public DateOnly? Date { get; set; }
        public IssueSortie? Issue { get; set; }
        public string? Commentaire { get; set; }
        public bool Confirmation { get; set; }
    }

    public sealed class FormulaireSuivi
    {
        public DateOnly? Date { get; set; }
        public SituationSuivi? Situation { get; set; }
        public string? Commentaire { get; set; }
    }
}
