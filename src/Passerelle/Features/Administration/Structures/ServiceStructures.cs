using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Infrastructure.Audit;
using Passerelle.Infrastructure.Web;

namespace Passerelle.Features.Administration.Structures;

/// <summary>The structures of the current département: creation, edition, territories, deactivation.</summary>
public sealed class ServiceStructures(PasserelleDbContext db, Journal journal)
{
    /// <summary>The platform's own structure is created with the platform, never by a département.</summary>
    public static readonly IReadOnlyList<TypeStructure> TypesProposes =
        Enum.GetValues<TypeStructure>().Where(t => t != TypeStructure.Plateforme).ToList();

    public async Task<Structure> CreerAsync(
        string nom, TypeStructure type, string? siret, string? adresse, string? communeCode,
        IReadOnlyCollection<Guid> territoireIds, CancellationToken cancellationToken = default)
    {
        var departementId = db.DepartementCourant.IdObligatoire;
        VerifierType(type);
        var commune = await VerifierCommuneAsync(communeCode, cancellationToken);
        await VerifierTerritoiresAsync(territoireIds, cancellationToken);

        var structure = new Structure(departementId, nom, type);
        structure.Modifier(nom, type, siret, adresse, commune);
        structure.DefinirTerritoires(territoireIds);
        db.Structures.Add(structure);
        journal.Ajouter(ActionJournal.Creation, nameof(Structure), structure.Id);
        await db.SaveChangesAsync(cancellationToken);
        return structure;
    }

    public async Task ModifierAsync(
        Guid structureId, int version, string nom, TypeStructure type, string? siret, string? adresse, string? communeCode,
        IReadOnlyCollection<Guid> territoireIds, bool active, CancellationToken cancellationToken = default)
    {
        var structure = await db.Structures.Include(s => s.Territoires).SingleOrDefaultAsync(s => s.Id == structureId, cancellationToken)
            ?? throw new RegleMetierException("Cette structure n'existe pas dans votre département.");
        Concurrence.VerifierVersion(structure, version);
        VerifierType(type);
        var commune = await VerifierCommuneAsync(communeCode, cancellationToken);
        await VerifierTerritoiresAsync(territoireIds, cancellationToken);

        db.Entry(structure).Property(s => s.Version).OriginalValue = version;
        structure.Modifier(nom, type, siret, adresse, commune);
        structure.DefinirTerritoires(territoireIds);
        if (active)
        {
            structure.Reactiver();
        }
        else
        {
            structure.Desactiver();
        }

        journal.Ajouter(ActionJournal.Modification, nameof(Structure), structure.Id);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Null when <paramref name="communeCode"/> is empty or a commune of the current département;
    /// otherwise the French message to show on the field.
    /// </summary>
    public async Task<string?> ErreurCommuneAsync(string? communeCode, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(communeCode))
        {
            return null;
        }

        var code = CommunesDuDepartement.Normaliser(communeCode);
        var trouvees = await CommunesDuDepartement.TrouverAsync(db, [code], cancellationToken);
        return trouvees.ContainsKey(code)
            ? null
            : $"Le code {code} ne correspond à aucune commune de votre département.";
    }

    private async Task<string?> VerifierCommuneAsync(string? communeCode, CancellationToken cancellationToken)
    {
        if (await ErreurCommuneAsync(communeCode, cancellationToken) is { } erreur)
        {
            throw new RegleMetierException(erreur);
        }

        return string.IsNullOrWhiteSpace(communeCode) ? null : CommunesDuDepartement.Normaliser(communeCode);
    }

    private async Task VerifierTerritoiresAsync(IReadOnlyCollection<Guid> territoireIds, CancellationToken cancellationToken)
    {
        var voulus = territoireIds.Distinct().ToList();
        if (voulus.Count == 0)
        {
            return;
        }

        // Resolved through the tenant filter: a territory of another département is not found.
        var trouves = await db.Territoires.CountAsync(t => voulus.Contains(t.Id), cancellationToken);
        if (trouves != voulus.Count)
        {
            throw new RegleMetierException("Choisissez des territoires de votre département.");
        }
    }

    private static void VerifierType(TypeStructure type)
    {
        if (!TypesProposes.Contains(type))
        {
            throw new RegleMetierException("Ce type de structure est réservé à la plateforme.");
        }
    }
}
