using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.SuiviRendezVous;
using Passerelle.Infrastructure.Audit;
using Passerelle.Infrastructure.Tenancy;
using Passerelle.Infrastructure.Web;

namespace Passerelle.Features.Prescriptions.Recues;

/// <summary>An entretien as the operator types it: a local date and time of the département.</summary>
public sealed record SaisieEntretien(TypeRendezVous Type, DateOnly Date, TimeOnly Heure, int DureeMinutes, string? Objet, string? Lieu);

/// <summary>
/// The operator's entretiens within a prescription: shared <see cref="RendezVous"/> rows carrying the prescription's id,
/// held by the agent for his structure. The référent's rendez-vous service is not used: it requires the whole dossier,
/// and it sends convocations, which are the référent's to send. The access is the prescription's
/// (<see cref="ServicePrescriptions.ExigerOperateurAsync"/>), checked again on every write.
/// </summary>
public sealed class ServiceEntretiens(
    PasserelleDbContext db, ServicePrescriptions prescriptions, AgentCourant agentCourant, Journal journal, TimeProvider temps)
{
    public async Task<RendezVous> PlanifierAsync(Guid prescriptionId, SaisieEntretien saisie, CancellationToken cancellationToken = default)
    {
        var prescription = await prescriptions.ExigerOperateurAsync(prescriptionId, cancellationToken);
        if (prescription.Etat is not (EtatPrescription.Acceptee or EtatPrescription.EnCours))
        {
            throw new RegleMetierException("Les entretiens se prévoient une fois la prescription acceptée, jusqu'à la sortie de l'action.");
        }

        if (saisie.Type == TypeRendezVous.Collectif)
        {
            throw new RegleMetierException("Un entretien est individuel : en présence, par téléphone ou en visioconférence.");
        }

        var (structureId, _) = await prescriptions.StructureAgentAsync(cancellationToken);
        var rendezVous = RendezVous.Planifier(
            prescription.DepartementId, prescription.BeneficiaireId, AgentId, structureId, saisie.Type,
            DroitsRendezVous.VersUtc(saisie.Date, saisie.Heure, await FuseauAsync(cancellationToken)), saisie.DureeMinutes, saisie.Objet ?? "", saisie.Lieu,
            prescriptionId: prescription.Id);
        db.RendezVous.Add(rendezVous);
        await EnregistrerAsync(prescription, cancellationToken);
        return rendezVous;
    }

    /// <summary>Held (with a short report), missed, or excused (with the reason given).</summary>
    public async Task EnregistrerIssueAsync(
        Guid prescriptionId, Guid rendezVousId, int version, IssueRendezVous issue, string? texte, CancellationToken cancellationToken = default)
    {
        var prescription = await prescriptions.ExigerOperateurAsync(prescriptionId, cancellationToken);
        var rendezVous = await db.RendezVous.SingleOrDefaultAsync(
                r => r.Id == rendezVousId && r.PrescriptionId == prescription.Id && r.BeneficiaireId == prescription.BeneficiaireId, cancellationToken)
            ?? throw new AccesPrescriptionRefuseException(introuvable: true);
        Concurrence.VerifierVersion(rendezVous, version);
        db.Entry(rendezVous).Property(r => r.Version).OriginalValue = version;
        var maintenant = temps.GetUtcNow().UtcDateTime;
        // An operator records what happened; cancelling belongs to the référent's rendez-vous, with its announcement.
        rendezVous.Enregistrer(issue switch
        {
            IssueRendezVous.Honore => StatutRendezVous.Honore,
            IssueRendezVous.Manque => StatutRendezVous.Manque,
            IssueRendezVous.Excuse => StatutRendezVous.Excuse,
            _ => StatutRendezVous.Prevu,
        }, texte, maintenant);

        await EnregistrerAsync(prescription, cancellationToken);
    }

    private Guid AgentId => agentCourant.Id ?? throw new InvalidOperationException("Aucun agent connecté.");

    private async Task<TimeZoneInfo> FuseauAsync(CancellationToken cancellationToken)
    {
        var departementId = db.DepartementCourantId;
        var fuseau = await db.Departements.AsNoTracking().Where(d => d.Id == departementId).Select(d => d.FuseauHoraire).SingleAsync(cancellationToken);
        return TimeZoneInfo.FindSystemTimeZoneById(fuseau);
    }

    /// <summary>As every write of a prescription: journaled under the prescription and the person, saved once.</summary>
    private async Task EnregistrerAsync(Prescription prescription, CancellationToken cancellationToken)
    {
        journal.Ajouter(ActionJournal.Modification, nameof(Prescription), prescription.Id);
        journal.Ajouter(ActionJournal.Modification, nameof(Beneficiaire), prescription.BeneficiaireId);
        await db.SaveChangesAsync(cancellationToken);
    }
}
