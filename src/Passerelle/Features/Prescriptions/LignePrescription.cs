using Passerelle.Data;
using Passerelle.Domain;

namespace Passerelle.Features.Prescriptions;

/// <summary>One prescription in the référent's lists: the dossier's section and /prescriptions.</summary>
public sealed class LignePrescription
{
    public Guid Id { get; init; }
    public Guid BeneficiaireId { get; init; }
    public string Personne { get; init; } = "";
    public string Action { get; init; } = "";
    public string Operateur { get; init; } = "";
    public string? Prescripteur { get; init; }
    public EtatPrescription Etat { get; init; }
    public DateOnly EnvoyeeLe { get; init; }
    public DateOnly? ReponduLe { get; init; }
    public DateOnly? EntreeLe { get; init; }
    public DateOnly? SortieLe { get; init; }
    public int MinutesRealisees { get; init; }
    public int? PlafondHeures { get; init; }

    public decimal Heures => MinutesRealisees / 60m;

    /// <summary>The prescriptions projected in SQL, names and hours included; the caller has filtered them by scope.</summary>
    public static IQueryable<LignePrescription> Projeter(PasserelleDbContext db, IQueryable<Prescription> prescriptions) =>
        prescriptions.Select(p => new LignePrescription
        {
            Id = p.Id,
            BeneficiaireId = p.BeneficiaireId,
            Personne = db.Beneficiaires.Where(b => b.Id == p.BeneficiaireId).Select(b => (b.NomUsage ?? b.NomNaissance) + " " + b.Prenoms).FirstOrDefault() ?? "",
            Action = db.Actions.Where(a => a.Id == p.ActionId).Select(a => a.Nom).FirstOrDefault() ?? "",
            Operateur = db.Structures.Where(s => s.Id == p.StructureOperateurId).Select(s => s.Nom).FirstOrDefault() ?? "",
            Prescripteur = db.Users.Where(a => a.Id == p.PrescripteurId).Select(a => a.Prenom + " " + a.Nom).FirstOrDefault(),
            Etat = p.Etat,
            EnvoyeeLe = p.EnvoyeeLe,
            ReponduLe = p.ReponduLe,
            EntreeLe = p.EntreeLe,
            SortieLe = p.SortieLe,
            MinutesRealisees = db.HeuresRealisees.Where(h => h.PrescriptionId == p.Id).Sum(h => (int?)h.Minutes) ?? 0,
            PlafondHeures = db.Actions.Where(a => a.Id == p.ActionId).Select(a => a.PlafondHeures).FirstOrDefault(),
        });

    /// <summary>Hours in the French way: "12,5".</summary>
    public static string FormaterHeures(decimal heures) => heures.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));
}
