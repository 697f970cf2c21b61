using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Beneficiaires;
using Passerelle.Infrastructure.Audit;

namespace Passerelle.Features.Prescriptions.Recues;

/// <summary>One prescription to the operator's structure, as the person's page lists it.</summary>
public sealed record PrescriptionDeLaPersonne(Guid Id, string Action, EtatPrescription Etat, DateOnly EnvoyeeLe, InformationsPartagees Partage);

/// <summary>
/// A person as an operator sees her (the partial scope): her prescriptions to his structure that he sees today, and what
/// they share together. The dossier sends an operator here; anyone else without the partial scope gets 404.
/// </summary>
[Authorize(Roles = nameof(Role.Operateur))]
public sealed class PersonneModel(
    PasserelleDbContext db, PerimetreDossiers perimetre, LecturePrescriptionsRecues lecture, ServicePrescriptions service, Journal journal) : PageModel
{
    public static string Adresse(Guid beneficiaireId) => $"/prescriptions/recues/personnes/{beneficiaireId}";

    public PersonnePartagee Personne { get; private set; } = null!;
    public List<PrescriptionDeLaPersonne> Prescriptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid beneficiaireId, CancellationToken cancellationToken)
    {
        if (await perimetre.PorteeAsync(beneficiaireId, cancellationToken) != Portee.Partielle)
        {
            return NotFound();
        }

        var visibles = (await lecture.VisiblesAsync(cancellationToken)).Where(p => p.BeneficiaireId == beneficiaireId);
        var lignes = await visibles.OrderByDescending(p => p.EnvoyeeLe).ThenBy(p => p.Id)
            .Select(p => new
            {
                Ligne = new PrescriptionDeLaPersonne(
                    p.Id, db.Actions.Where(a => a.Id == p.ActionId).Select(a => a.Nom).FirstOrDefault() ?? "", p.Etat, p.EnvoyeeLe, p.Partage),
                p.ContratId,
            })
            .ToListAsync(cancellationToken);
        Prescriptions = lignes.Select(l => l.Ligne).ToList();
        // What one of them shares is shared: the union of their flags.
        var partage = Prescriptions.Aggregate(InformationsPartagees.Aucune, (tous, p) => tous | p.Partage);
        var contratId = lignes.Where(l => l.Ligne.Partage.HasFlag(InformationsPartagees.Contrat) && l.ContratId is not null)
            .Select(l => l.ContratId).FirstOrDefault();
        Personne = await lecture.PersonneAsync(beneficiaireId, partage, contratId, await service.AujourdhuiAsync(cancellationToken), cancellationToken);
        await journal.EnregistrerAsync(ActionJournal.Consultation, nameof(Beneficiaire), beneficiaireId, cancellationToken: cancellationToken);
        return Page();
    }
}
