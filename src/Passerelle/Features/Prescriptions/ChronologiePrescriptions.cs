using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Beneficiaires;

namespace Passerelle.Features.Prescriptions;

/// <summary>Every dated step of a person's prescriptions and their bilans, for the dossier's chronologie.</summary>
public static class ChronologiePrescriptions
{
    public const string Type = "Prescription";

    public static async Task<List<EvenementDossier>> LireAsync(PasserelleDbContext db, Guid beneficiaireId, CancellationToken cancellationToken)
    {
        var prescriptions = await db.Prescriptions.AsNoTracking().Where(p => p.BeneficiaireId == beneficiaireId)
            .OrderByDescending(p => p.EnvoyeeLe).Take(ChronologieDossier.Maximum)
            .Select(p => new
            {
                p.Etat, p.EnvoyeeLe, p.MiseEnAttenteLe, p.AccepteeLe, p.ReponduLe, p.RefuseeLe, p.MotifRefus, p.ExpireeLe, p.AnnuleeLe, p.MotifAnnulation,
                p.EntreeLe, p.SortieLe, p.Issue, p.SuiviLe, p.Situation,
                Action = db.Actions.Where(a => a.Id == p.ActionId).Select(a => a.Nom).FirstOrDefault(),
                Operateur = db.Structures.Where(s => s.Id == p.StructureOperateurId).Select(s => s.Nom).FirstOrDefault(),
                Bilans = db.BilansPrescriptions.Where(b => b.PrescriptionId == p.Id).Select(b => new { b.Type, b.Date, b.Atteinte }).ToList(),
            })
            .ToListAsync(cancellationToken);

        var evenements = new List<EvenementDossier>();
        foreach (var p in prescriptions)
        {
            var action = $"« {p.Action} »";
            void Ajouter(DateOnly? date, string libelle, string? detail = null)
            {
                if (date is { } jour)
                {
                    evenements.Add(new EvenementDossier(jour, null, Type, libelle, detail));
                }
            }

            Ajouter(p.EnvoyeeLe, $"Prescription de l'action {action} envoyée", p.Operateur);
            Ajouter(p.MiseEnAttenteLe, $"Prescription de l'action {action} mise en liste d'attente", p.Operateur);
            Ajouter(p.AccepteeLe, $"Prescription de l'action {action} acceptée", p.Operateur);
            if (p.Etat == EtatPrescription.Refusee)
            {
                Ajouter(p.RefuseeLe, $"Prescription de l'action {action} refusée", p.MotifRefus is null ? null : $"Motif : {p.MotifRefus}");
            }

            Ajouter(p.ExpireeLe, $"Prescription de l'action {action} expirée sans réponse de l'opérateur");
            Ajouter(p.AnnuleeLe, $"Prescription de l'action {action} annulée", p.MotifAnnulation is null ? null : $"Motif : {p.MotifAnnulation}");
            Ajouter(p.EntreeLe, $"Entrée dans l'action {action}", p.Operateur);
            Ajouter(p.SortieLe, $"Sortie de l'action {action}", p.Issue?.Libelle());
            Ajouter(p.SuiviLe, $"Suivi à six mois de l'action {action}", p.Situation?.Libelle());
            foreach (var bilan in p.Bilans)
            {
                Ajouter(bilan.Date, $"{bilan.Type.Libelle()} de l'action {action}", bilan.Atteinte.Libelle());
            }
        }

        return evenements;
    }
}
