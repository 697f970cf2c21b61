using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Plateforme;
using Passerelle.Infrastructure.Audit;
using Passerelle.Infrastructure.Tenancy;
using Passerelle.Infrastructure.Web;

namespace Passerelle.Features.Administration.Listes;

/// <summary>The lists the current département adapts: new entries, labels, order, activation. Codes never change.</summary>
public sealed class ServiceListes(PasserelleDbContext db, DepartementCourant departementCourant, Journal journal)
{
    /// <summary>The French name of a list; a list unknown to this version keeps its technical name.</summary>
    public static string LibelleListe(string liste) =>
        ParametrageInitial.Listes.Libelles.TryGetValue(liste, out var libelle) ? libelle : liste;

    /// <summary>A list the rules know, or one the département already holds entries of.</summary>
    public async Task<bool> ListeExisteAsync(string liste, CancellationToken cancellationToken = default) =>
        ParametrageInitial.Listes.Libelles.ContainsKey(liste) || await db.ValeursReference.AnyAsync(v => v.Liste == liste, cancellationToken);

    /// <summary>The order proposed for a new entry: after the last one, leaving room to insert between.</summary>
    public async Task<int> OrdreSuivantAsync(string liste, CancellationToken cancellationToken = default) =>
        ((await db.ValeursReference.Where(v => v.Liste == liste).MaxAsync(v => (int?)v.Ordre, cancellationToken)) ?? 0) + 10;

    public async Task<ValeurReference> AjouterAsync(string liste, string code, string libelle, int ordre, CancellationToken cancellationToken = default)
    {
        var departementId = departementCourant.IdObligatoire;
        if (!await ListeExisteAsync(liste, cancellationToken))
        {
            throw new RegleMetierException("Cette liste n'existe pas dans votre département.");
        }

        var valeur = new ValeurReference(departementId, liste, code, libelle, ordre);
        // Through the tenant filter: a code is unique within one list of one département only.
        if (await db.ValeursReference.AnyAsync(v => v.Liste == liste && v.Code == valeur.Code, cancellationToken))
        {
            throw new RegleMetierException($"Le code « {valeur.Code} » existe déjà dans la liste « {LibelleListe(liste)} » : choisissez-en un autre.");
        }

        db.ValeursReference.Add(valeur);
        journal.Ajouter(ActionJournal.Creation, nameof(ValeurReference), valeur.Id);
        await db.SaveChangesAsync(cancellationToken);
        return valeur;
    }

    public async Task ModifierAsync(Guid valeurId, int version, string libelle, int ordre, bool actif, CancellationToken cancellationToken = default)
    {
        var valeur = await db.ValeursReference.SingleOrDefaultAsync(v => v.Id == valeurId, cancellationToken)
            ?? throw new RegleMetierException("Cette valeur n'existe pas dans les listes de votre département.");
        Concurrence.VerifierVersion(valeur, version);

        // The database compares the version the form saw, so that a concurrent save between read and write is caught too.
        db.Entry(valeur).Property(v => v.Version).OriginalValue = version;
        valeur.Modifier(libelle, ordre, actif);
        journal.Ajouter(ActionJournal.Modification, nameof(ValeurReference), valeur.Id);
        await db.SaveChangesAsync(cancellationToken);
    }
}
