using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Data;
using Passerelle.Features.Beneficiaires;
using Passerelle.Features.Shared;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.SuiviRendezVous;

/// <summary>Moves a planned rendez-vous; a new convocation and a new invitation are offered.</summary>
[Authorize(Policy = PerimetreDossiers.Politique, Roles = DroitsRendezVous.RolesEcriture)]
public sealed class DeplacerModel(PasserelleDbContext db, PerimetreDossiers perimetre, ServiceRendezVous service) : PageModel
{
    [BindProperty] public SaisieFormulaire Saisie { get; set; } = new();

    public Guid BeneficiaireId { get; private set; }
    public LigneRendezVous RendezVous { get; private set; } = null!;
    public string? Courriel { get; private set; }
    public string Nom { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, Guid rendezVousId, CancellationToken cancellationToken)
    {
        if (!await ChargerAsync(id, rendezVousId, cancellationToken))
        {
            return NotFound();
        }

        Saisie = SaisieDe(RendezVous);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid rendezVousId, CancellationToken cancellationToken)
    {
        if (!await ChargerAsync(id, rendezVousId, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await this.EnregistrerAsync(
            async () =>
            {
                await service.DeplacerAsync(
                    id, rendezVousId, Saisie.Version, Saisie.Date!.Value, Saisie.Heure!.Value, Saisie.DureeMinutes!.Value, Saisie.Lieu,
                    Saisie.Convoquer, Saisie.Notifier, cancellationToken);
                TempData["Succes"] = "Le rendez-vous est déplacé.";
                return Redirect($"/beneficiaires/{id}/rendez-vous");
            },
            db,
            rendezVousId,
            async () =>
            {
                if (!await ChargerAsync(id, rendezVousId, cancellationToken))
                {
                    return NotFound();
                }

                Saisie = SaisieDe(RendezVous);
                return Page();
            },
            cancellationToken);
    }

    private async Task<bool> ChargerAsync(Guid id, Guid rendezVousId, CancellationToken cancellationToken)
    {
        if (await perimetre.PorteeAsync(id, cancellationToken) != Portee.Complete
            || await LectureRendezVous.LireAsync(db, id, rendezVousId, cancellationToken) is not { } rendezVous)
        {
            return false;
        }

        BeneficiaireId = id;
        RendezVous = rendezVous;
        var personne = await EnTete.LireAsync(db, id, cancellationToken);
        Nom = personne.Nom;
        Courriel = personne.Courriel;
        return true;
    }

    private SaisieFormulaire SaisieDe(LigneRendezVous rendezVous)
    {
        var local = rendezVous.Debut.EnHeureLocale(User.Fuseau());
        return new SaisieFormulaire
        {
            Date = DateOnly.FromDateTime(local), Heure = TimeOnly.FromDateTime(local), DureeMinutes = rendezVous.DureeMinutes,
            Lieu = rendezVous.Lieu, Version = rendezVous.Version, Convoquer = rendezVous.ConvocationId is not null,
        };
    }

    public sealed class SaisieFormulaire
    {
        [Required(ErrorMessage = "Saisissez la nouvelle date.")]
        public DateOnly? Date { get; set; }

        [Required(ErrorMessage = "Saisissez la nouvelle heure.")]
        public TimeOnly? Heure { get; set; }

        [Required(ErrorMessage = "Saisissez la durée prévue, en minutes.")]
        [Range(5, 480, ErrorMessage = "Un rendez-vous dure de 5 minutes à 8 heures (480 minutes).")]
        public int? DureeMinutes { get; set; }

        [StringLength(Domain.RendezVous.LongueurCourte, ErrorMessage = "Le lieu tient en {1} caractères.")]
        public string? Lieu { get; set; }

        public bool Convoquer { get; set; }

        public bool Notifier { get; set; }

        public int Version { get; set; }
    }
}
