using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Beneficiaires;
using Passerelle.Features.Shared;
using Passerelle.Features.SuiviRendezVous;
using Passerelle.Infrastructure.Auth;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.Agenda.Seances;

public sealed record Candidat(Guid Id, string Prenoms, string Nom, DateOnly DateNaissance, bool Courriel);

/// <summary>
/// An information collective: the session and the convocation of the group in one action. The people are
/// chosen by ticking them in the agent's caseload (or his whole scope), narrowed by filters in the query
/// string; nothing personal goes in the URL.
/// </summary>
[Authorize(Policy = PerimetreDossiers.Politique, Roles = DroitsRendezVous.RolesEcriture)]
public sealed class NouvelleModel(PasserelleDbContext db, PerimetreDossiers perimetre, ServiceSeances service, TimeProvider temps) : PageModel
{
    public const int MaximumAffiche = ServiceSeances.MaximumParSeance;

    [BindProperty(SupportsGet = true)] public string? Vue { get; set; }
    [BindProperty(SupportsGet = true)] public TypeParcours? Parcours { get; set; }
    [BindProperty(SupportsGet = true)] public bool SansRendezVous { get; set; }

    [BindProperty] public SaisieFormulaire Saisie { get; set; } = new();
    [BindProperty] public List<Guid> Personnes { get; set; } = [];

    public List<Candidat> Candidats { get; private set; } = [];
    public int TotalCandidats { get; private set; }
    public bool AUnPortefeuille => User.EstDans(Role.Referent);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Saisie = new SaisieFormulaire
        {
            Titre = "Information collective", Date = temps.Aujourdhui(User.Fuseau()).AddDays(14), Heure = new TimeOnly(9, 30),
            DureeMinutes = 120, Places = 12, Convoquer = true,
        };
        await ChargerAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await ChargerAsync(cancellationToken);
        if (Personnes.Count == 0)
        {
            ModelState.AddModelError(nameof(Personnes), "Cochez au moins une personne à convoquer.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await this.EnregistrerAsync(async () =>
        {
            var bilan = await service.CreerAsync(
                new SaisieSeance(Saisie.Titre, Saisie.Date!.Value, Saisie.Heure!.Value, Saisie.DureeMinutes!.Value, Saisie.Lieu, Saisie.Places!.Value,
                    Saisie.Convoquer, Saisie.Notifier),
                Personnes, cancellationToken);
            TempData["Succes"] = $"La séance est prévue : {bilan.Convoques} personne{(bilan.Convoques > 1 ? "s" : "")} convoquée{(bilan.Convoques > 1 ? "s" : "")}"
                + (bilan.Convocations > 0 ? $", {bilan.Convocations} convocation{(bilan.Convocations > 1 ? "s" : "")} à imprimer" : "")
                + (bilan.Courriels > 0 ? $", {bilan.Courriels} courriel{(bilan.Courriels > 1 ? "s" : "")} en file d'envoi" : "") + ".";
            return Redirect($"/agenda/seances/{bilan.Seance.Id}");
        });
    }

    private async Task ChargerAsync(CancellationToken cancellationToken)
    {
        Vue = Vue is "perimetre" || !AUnPortefeuille ? "perimetre" : "portefeuille";
        var visibles = await perimetre.VisiblesAsync(cancellationToken);
        var requete = (Vue == "portefeuille" ? perimetre.Portefeuille(visibles) : visibles).Where(b => !b.Clos);
        if (Parcours is { } parcours)
        {
            requete = requete.Where(b => db.DecisionsOrientation.Any(o => o.BeneficiaireId == b.Id && o.Fin == null && o.Parcours == parcours));
        }

        if (SansRendezVous)
        {
            var maintenant = temps.GetUtcNow().UtcDateTime;
            requete = requete.Where(b => !db.RendezVous.Any(r => r.BeneficiaireId == b.Id && r.Statut == StatutRendezVous.Prevu && r.Debut > maintenant));
        }

        TotalCandidats = await requete.CountAsync(cancellationToken);
        Candidats = await requete
            .OrderBy(b => b.NomUsage ?? b.NomNaissance).ThenBy(b => b.Prenoms).ThenBy(b => b.Id)
            .Take(MaximumAffiche)
            .Select(b => new Candidat(b.Id, b.Prenoms, b.NomUsage ?? b.NomNaissance, b.DateNaissance, b.Courriel != null))
            .ToListAsync(cancellationToken);
    }

    public sealed class SaisieFormulaire
    {
        [Required(ErrorMessage = "Saisissez le titre de la séance.")]
        [StringLength(RendezVous.LongueurCourte, ErrorMessage = "Le titre tient en {1} caractères.")]
        public string? Titre { get; set; }

        [Required(ErrorMessage = "Saisissez la date de la séance.")]
        public DateOnly? Date { get; set; }

        [Required(ErrorMessage = "Saisissez l'heure de la séance.")]
        public TimeOnly? Heure { get; set; }

        [Required(ErrorMessage = "Saisissez la durée prévue, en minutes.")]
        [Range(5, 480, ErrorMessage = "Une séance dure de 5 minutes à 8 heures (480 minutes).")]
        public int? DureeMinutes { get; set; }

        [Required(ErrorMessage = "Saisissez le lieu de la séance.")]
        [StringLength(RendezVous.LongueurCourte, ErrorMessage = "Le lieu tient en {1} caractères.")]
        public string? Lieu { get; set; }

        [Required(ErrorMessage = "Saisissez le nombre de places.")]
        [Range(1, 200, ErrorMessage = "Une séance compte de 1 à 200 places.")]
        public int? Places { get; set; }

        public bool Convoquer { get; set; }

        public bool Notifier { get; set; }
    }
}
