using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Infrastructure.Audit;
using Passerelle.Infrastructure.Tenancy;
using Passerelle.Infrastructure.Web;

namespace Passerelle.Features.Beneficiaires.Cloture;

/// <summary>
/// Closing a dossier and reopening it. Closing ends the open designation of the référent unique on the
/// same day: the person leaves his caseload, queues and alerts. Reopening designates nobody again: the
/// next référent is chosen afresh.
/// </summary>
public sealed class ServiceCloture(PasserelleDbContext db, Journal journal, AgentCourant agentCourant)
{
    public const int LongueurCommentaire = 1000;

    public async Task CloturerAsync(
        Guid beneficiaireId, int version, DateOnly date, MotifCloture motif, string? commentaire, DateOnly aujourdhui,
        CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(motif))
        {
            throw new RegleMetierException("Choisissez le motif de la clôture.");
        }

        if (date > aujourdhui)
        {
            throw new RegleMetierException("La date de clôture ne peut pas être postérieure à aujourd'hui.");
        }

        if (commentaire?.Trim().Length > LongueurCommentaire)
        {
            throw new RegleMetierException($"Le commentaire ne dépasse pas {LongueurCommentaire} caractères.");
        }

        var beneficiaire = await ChargerAsync(beneficiaireId, version, cancellationToken);
        if (date < beneficiaire.DateNaissance)
        {
            throw new RegleMetierException("La date de clôture précède la date de naissance de la personne : vérifiez la saisie.");
        }

        // A closure dated before the last reopening would make the two periods overlap.
        if (!beneficiaire.Clos && beneficiaire.Clotures.Max(c => c.DateReouverture) is { } reouverture && date < reouverture)
        {
            throw new RegleMetierException(
                $"La clôture ne peut pas précéder la dernière réouverture du dossier, le {reouverture.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}.");
        }

        var cloture = beneficiaire.Cloturer(date, motif, commentaire, agentCourant.Id);
        // Added explicitly: found through the navigation only, a row whose key is already set would be taken for an existing one.
        db.ClotureDossiers.Add(cloture);
        var designation = await db.ReferentsUniques.SingleOrDefaultAsync(r => r.BeneficiaireId == beneficiaireId && r.Fin == null, cancellationToken);
        designation?.Terminer(date);
        journal.Ajouter(ActionJournal.Modification, nameof(Beneficiaire), beneficiaireId);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RouvrirAsync(Guid beneficiaireId, int version, DateOnly date, DateOnly aujourdhui, CancellationToken cancellationToken = default)
    {
        if (date > aujourdhui)
        {
            throw new RegleMetierException("La date de réouverture ne peut pas être postérieure à aujourd'hui.");
        }

        var beneficiaire = await ChargerAsync(beneficiaireId, version, cancellationToken);
        var derniere = DerniereCloture(beneficiaire) ?? throw new RegleMetierException("Ce dossier n'est pas clos.");
        beneficiaire.Rouvrir(date, derniere);
        journal.Ajouter(ActionJournal.Modification, nameof(Beneficiaire), beneficiaireId);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The closure in force: the latest one not reopened, when the dossier is closed.</summary>
    public static ClotureDossier? DerniereCloture(Beneficiaire beneficiaire) =>
        beneficiaire.Clos ? beneficiaire.Clotures.Where(c => c.DateReouverture is null).MaxBy(c => c.Date) : null;

    private async Task<Beneficiaire> ChargerAsync(Guid beneficiaireId, int version, CancellationToken cancellationToken)
    {
        var beneficiaire = await db.Beneficiaires.Include(b => b.Clotures)
            .SingleOrDefaultAsync(b => b.Id == beneficiaireId && b.FusionneDansId == null, cancellationToken)
            ?? throw new RegleMetierException("Ce dossier n'existe pas dans votre département.");
        Concurrence.VerifierVersion(beneficiaire, version);
        db.Entry(beneficiaire).Property(b => b.Version).OriginalValue = version;
        return beneficiaire;
    }
}
