using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Infrastructure.Audit;
using Passerelle.Infrastructure.Web;

namespace Passerelle.Features.Administration.Territoires;

/// <summary>The territories of the current département and the communes they cover.</summary>
public sealed class ServiceTerritoires(PasserelleDbContext db, Journal journal)
{
    public const string MessageNomPris = "Un territoire de ce type porte déjà ce nom.";

    private static readonly char[] Separateurs = [' ', ',', ';', '\t', '\r', '\n'];

    /// <summary>The COG codes typed in a text area, separated by spaces, commas or new lines; each once.</summary>
    public static List<string> LireCodes(string? saisie) =>
        (saisie ?? "").Split(Separateurs, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(CommunesDuDepartement.Normaliser)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>The French message listing the codes that are no commune of the département, or null when all are.</summary>
    public async Task<string?> ErreurCommunesAsync(IEnumerable<string> codesCommunes, CancellationToken cancellationToken = default)
    {
        var inconnues = await CommunesDuDepartement.InconnuesAsync(db, codesCommunes, cancellationToken);
        return inconnues.Count switch
        {
            0 => null,
            1 => $"Le code {inconnues[0]} ne correspond à aucune commune du département.",
            _ => $"Ces codes ne correspondent à aucune commune du département : {string.Join(", ", inconnues)}.",
        };
    }

    /// <summary>True when another territory of the same type already has this name (the unique index would refuse it).</summary>
    public Task<bool> NomPrisAsync(string nom, TypeTerritoire type, Guid? saufId = null, CancellationToken cancellationToken = default)
    {
        var nomNormalise = nom.Trim();
        return db.Territoires.AnyAsync(t => t.Type == type && t.Nom == nomNormalise && t.Id != saufId, cancellationToken);
    }

    public async Task<Territoire> CreerAsync(
        string nom, TypeTerritoire type, IEnumerable<string> codesCommunes, CancellationToken cancellationToken = default)
    {
        var departementId = db.DepartementCourant.IdObligatoire;
        var codes = await VerifierCommunesAsync(codesCommunes, cancellationToken);
        var territoire = new Territoire(departementId, nom, type);
        await VerifierNomLibreAsync(territoire, cancellationToken);

        territoire.DefinirCommunes(codes);
        db.Territoires.Add(territoire);
        journal.Ajouter(ActionJournal.Creation, nameof(Territoire), territoire.Id);
        await EnregistrerAsync(territoire, cancellationToken);
        return territoire;
    }

    public async Task ModifierAsync(
        Guid territoireId, int version, string nom, TypeTerritoire type, IEnumerable<string> codesCommunes,
        CancellationToken cancellationToken = default)
    {
        var territoire = await db.Territoires.Include(t => t.Communes).SingleOrDefaultAsync(t => t.Id == territoireId, cancellationToken)
            ?? throw new RegleMetierException("Ce territoire n'existe pas dans votre département.");
        Concurrence.VerifierVersion(territoire, version);
        var codes = await VerifierCommunesAsync(codesCommunes, cancellationToken);

        db.Entry(territoire).Property(t => t.Version).OriginalValue = version;
        territoire.Modifier(nom, type);
        await VerifierNomLibreAsync(territoire, cancellationToken);
        territoire.DefinirCommunes(codes);

        journal.Ajouter(ActionJournal.Modification, nameof(Territoire), territoire.Id);
        await EnregistrerAsync(territoire, cancellationToken);
    }

    private async Task<List<string>> VerifierCommunesAsync(IEnumerable<string> codesCommunes, CancellationToken cancellationToken)
    {
        var codes = codesCommunes.Select(CommunesDuDepartement.Normaliser).Distinct(StringComparer.Ordinal).ToList();
        if (await ErreurCommunesAsync(codes, cancellationToken) is { } erreur)
        {
            throw new RegleMetierException(erreur);
        }

        return codes;
    }

    private async Task VerifierNomLibreAsync(Territoire territoire, CancellationToken cancellationToken)
    {
        if (await NomPrisAsync(territoire.Nom, territoire.Type, territoire.Id, cancellationToken))
        {
            throw new RegleMetierException(MessageNomPris);
        }
    }

    private async Task EnregistrerAsync(Territoire territoire, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException erreur) when (erreur is not DbUpdateConcurrencyException)
        {
            // Another administrator took the name between the check and the save: the unique index
            // refused it, and the user gets the same message as when the check catches it.
            if (await NomPrisAsync(territoire.Nom, territoire.Type, territoire.Id, cancellationToken))
            {
                throw new RegleMetierException(MessageNomPris);
            }

            throw;
        }
    }
}
