using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;

namespace Passerelle.Features.Beneficiaires;

public sealed record FoyerAffiche(
    OrganismePayeur? OrganismePayeur, string? Matricule, CompositionFoyer? Composition, int? NombreEnfants,
    string? Adresse, string? Commune, string? Qpv, int Version);

public sealed record DroitAffiche(DateOnly DateEffet, EtatDroitRsa Etat, OrganismePayeur OrganismePayeur, bool SoumisDroitsEtDevoirs, DateOnly? DateReceptionInformation);

public sealed record ReferentAffiche(DateOnly Debut, DateOnly? Fin, string? Nom, string? Structure, bool Externe);

public sealed record MembreFoyer(Guid Id, string Nom);

/// <summary>What the dossier page shows, read in a few projected queries (no entity tracking).</summary>
public sealed class VueDossier
{
    public required Guid Id { get; init; }
    public required string NomNaissance { get; init; }
    public string? NomUsage { get; init; }
    public required string Prenoms { get; init; }
    public DateOnly DateNaissance { get; init; }
    public Sexe Sexe { get; init; }
    public Dispositifs Dispositifs { get; init; }
    public string? Telephone { get; init; }
    public string? Courriel { get; init; }
    public string? Adresse { get; init; }
    public string? Commune { get; init; }
    public string? NirMasque { get; init; }
    public bool NirTemporaire { get; init; }
    public bool Clos { get; init; }
    public int Version { get; init; }
    public Guid? FoyerId { get; init; }
    public FoyerAffiche? Foyer { get; set; }
    public List<MembreFoyer> AutresMembres { get; set; } = [];
    /// <summary>Members of the household the agent may not see: counted, never named.</summary>
    public int AutresMembresHorsPerimetre { get; set; }
    public List<DroitAffiche> Droits { get; set; } = [];
    public List<ReferentAffiche> Referents { get; set; } = [];

    public string Nom => NomUsage ?? NomNaissance;
    public DroitAffiche? DroitActuel => Droits.FirstOrDefault();
    public ReferentAffiche? ReferentActuel => Referents.FirstOrDefault(r => r.Fin is null);

    public int Age(DateOnly aujourdhui) =>
        aujourdhui.Year - DateNaissance.Year - (aujourdhui < DateNaissance.AddYears(aujourdhui.Year - DateNaissance.Year) ? 1 : 0);

    /// <param name="visibles">The dossiers the agent sees (<see cref="PerimetreDossiers"/>): other members are named only among them.</param>
    public static async Task<VueDossier> LireAsync(PasserelleDbContext db, IQueryable<Beneficiaire> visibles, Guid id, CancellationToken cancellationToken)
    {
        var vue = await db.Beneficiaires.AsNoTracking().Where(b => b.Id == id)
            .Select(b => new VueDossier
            {
                Id = b.Id, NomNaissance = b.NomNaissance, NomUsage = b.NomUsage, Prenoms = b.Prenoms, DateNaissance = b.DateNaissance,
                Sexe = b.Sexe, Dispositifs = b.Dispositifs, Telephone = b.Telephone, Courriel = b.Courriel, Adresse = b.Adresse,
                Commune = db.Communes.Where(c => c.Code == b.CommuneCode).Select(c => c.Nom + " (" + c.Code + ")").FirstOrDefault(),
                NirMasque = b.NirMasque, NirTemporaire = b.NirTemporaire, Clos = b.Clos, Version = b.Version, FoyerId = b.FoyerId,
            })
            .SingleAsync(cancellationToken);

        if (vue.FoyerId is { } foyerId)
        {
            // Read apart, by its key: inside the person's projection, PostgreSQL numbered every household of the
            // département to pick this one (seconds at 200 000 people).
            vue.Foyer = await db.Foyers.AsNoTracking().Where(f => f.Id == foyerId).Select(f => new FoyerAffiche(
                    f.OrganismePayeur, f.Matricule, f.Composition, f.NombreEnfants, f.Adresse,
                    db.Communes.Where(c => c.Code == f.CommuneCode).Select(c => c.Nom).FirstOrDefault(),
                    db.Qpvs.Where(q => q.Id == f.QpvId).Select(q => q.Nom).FirstOrDefault(), f.Version))
                .FirstOrDefaultAsync(cancellationToken);
            vue.AutresMembres = await visibles.AsNoTracking()
                .Where(b => b.FoyerId == foyerId && b.Id != id)
                .Select(b => new MembreFoyer(b.Id, (b.NomUsage ?? b.NomNaissance) + " " + b.Prenoms))
                .ToListAsync(cancellationToken);
            vue.AutresMembresHorsPerimetre = await db.Beneficiaires
                .CountAsync(b => b.FoyerId == foyerId && b.Id != id && b.FusionneDansId == null, cancellationToken) - vue.AutresMembres.Count;
        }

        vue.Droits = await DroitsAsync(db, id, cancellationToken);
        vue.Referents = await ReferentsAsync(db, id, cancellationToken);
        return vue;
    }

    /// <summary>The person's rights, the latest first.</summary>
    public static Task<List<DroitAffiche>> DroitsAsync(PasserelleDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.DroitsRsa.AsNoTracking().Where(d => d.BeneficiaireId == id)
            .OrderByDescending(d => d.DateEffet).ThenByDescending(d => d.InstantSaisie)
            .Select(d => new DroitAffiche(d.DateEffet, d.Etat, d.OrganismePayeur, d.SoumisDroitsEtDevoirs, d.DateReceptionInformation))
            .ToListAsync(cancellationToken);

    /// <summary>The person's designations, the latest first.</summary>
    public static Task<List<ReferentAffiche>> ReferentsAsync(PasserelleDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.ReferentsUniques.AsNoTracking().Where(r => r.BeneficiaireId == id)
            .OrderByDescending(r => r.Debut)
            .Select(r => new ReferentAffiche(
                r.Debut, r.Fin,
                r.AgentId != null ? db.Users.Where(a => a.Id == r.AgentId).Select(a => a.Prenom + " " + a.Nom).FirstOrDefault() : r.NomExterne,
                r.StructureId != null ? db.Structures.Where(s => s.Id == r.StructureId).Select(s => s.Nom).FirstOrDefault() : r.StructureExterne,
                r.AgentId == null))
            .ToListAsync(cancellationToken);
}
