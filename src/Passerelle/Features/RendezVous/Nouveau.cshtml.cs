using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Passerelle.Domain;
using Passerelle.Features.Beneficiaires;
using Passerelle.Features.Shared;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.SuiviRendezVous;

/// <summary>Plans a rendez-vous for a person, with its convocation letter and its email if the agent asks for them.</summary>
[Authorize(Policy = PerimetreDossiers.Politique, Roles = DroitsRendezVous.RolesEcriture)]
public sealed class NouveauModel(PerimetreDossiers perimetre, ServiceRendezVous service, TimeProvider temps) : PageModel
{
    /// <summary>A collective rendez-vous comes with its session, from the agenda.</summary>
    public static readonly IReadOnlyList<SelectListItem> Types = Enum.GetValues<TypeRendezVous>()
        .Where(t => t != TypeRendezVous.Collectif).Select(t => new SelectListItem(t.Libelle(), t.ToString())).ToList();

    [BindProperty] public SaisieFormulaire Saisie { get; set; } = new();

    public Guid BeneficiaireId { get; private set; }
    public string Nom { get; private set; } = "";
    public string? Courriel { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await ChargerAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Saisie = new SaisieFormulaire { Date = temps.Aujourdhui(User.Fuseau()).AddDays(7), Heure = new TimeOnly(9, 30), DureeMinutes = 45, Convoquer = true };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await ChargerAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await this.EnregistrerAsync(async () =>
        {
            var rendezVous = await service.PlanifierAsync(id, Saisie.Vers(), cancellationToken);
            TempData["Succes"] = $"Le rendez-vous du {DroitsRendezVous.DateEnLettres(rendezVous.Debut, User.Fuseau())} est prévu."
                + (Saisie.Convoquer ? " La convocation est rangée dans les documents du dossier." : "")
                + (Saisie.Notifier ? " Le courriel partira avec la prochaine tournée d'envoi." : "");
            return Redirect($"/beneficiaires/{id}/rendez-vous");
        });
    }

    private async Task<bool> ChargerAsync(Guid id, CancellationToken cancellationToken)
    {
        var personne = await (await perimetre.VisiblesAsync(cancellationToken)).Where(b => b.Id == id)
            .Select(b => new { b.Prenoms, Nom = b.NomUsage ?? b.NomNaissance, b.Courriel, b.Clos }).SingleOrDefaultAsync(cancellationToken);
        if (personne is null)
        {
            return false;
        }

        BeneficiaireId = id;
        Nom = $"{personne.Prenoms} {personne.Nom}";
        Courriel = personne.Courriel;
        if (personne.Clos)
        {
            ModelState.AddModelError(string.Empty, "Le dossier est clos : rouvrez-le avant de prévoir un rendez-vous.");
        }

        return true;
    }

    public sealed class SaisieFormulaire
    {
        [Required(ErrorMessage = "Choisissez le type de rendez-vous.")]
        public TypeRendezVous? Type { get; set; } = TypeRendezVous.Individuel;

        [Required(ErrorMessage = "Saisissez la date du rendez-vous.")]
        [Display(Name = "la date")]
        public DateOnly? Date { get; set; }

        [Required(ErrorMessage = "Saisissez l'heure du rendez-vous.")]
        [Display(Name = "l'heure")]
        public TimeOnly? Heure { get; set; }

        [Required(ErrorMessage = "Saisissez la durée prévue, en minutes.")]
        [Range(5, 480, ErrorMessage = "Un rendez-vous dure de 5 minutes à 8 heures (480 minutes).")]
        [Display(Name = "la durée")]
        public int? DureeMinutes { get; set; }

        [Required(ErrorMessage = "Indiquez l'objet du rendez-vous : il figure sur la convocation.")]
        [StringLength(Domain.RendezVous.LongueurCourte, ErrorMessage = "L'objet tient en {1} caractères.")]
        public string? Objet { get; set; }

        [StringLength(Domain.RendezVous.LongueurCourte, ErrorMessage = "Le lieu tient en {1} caractères.")]
        public string? Lieu { get; set; }

        public bool Convoquer { get; set; }

        public bool Notifier { get; set; }

        public SaisieRendezVous Vers() =>
            new(Type!.Value, Date!.Value, Heure!.Value, DureeMinutes!.Value, Objet, Lieu, Convoquer, Notifier);
    }
}
