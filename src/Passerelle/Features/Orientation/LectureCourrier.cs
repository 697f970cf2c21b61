using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Courriers;

namespace Passerelle.Features.Orientation;

/// <summary>A decision letter ready to print or to render as PDF: letterhead, addressee, date and text.</summary>
public sealed record CourrierDecision(
    Guid BeneficiaireId, Guid DecisionId, ModeleCourrier Modele, DestinataireCourrier Destinataire, DateOnly Date, IReadOnlyList<BlocCourrier> Blocs)
{
    public byte[] Pdf() => ServiceCourriers.Generer(Modele, Destinataire, CourrierOrientation.Objet, Date, pdf => CourrierOrientation.Ecrire(pdf, Blocs));
}

public static class LectureCourrier
{
    /// <summary>The letter of a decision of this person; null when the id names no decision of hers. The caller has checked the scope.</summary>
    public static async Task<CourrierDecision?> LireAsync(
        PasserelleDbContext db, ServiceCourriers courriers, Guid beneficiaireId, Guid decisionId, CancellationToken cancellationToken)
    {
        var decision = await db.DecisionsOrientation.AsNoTracking()
            .SingleOrDefaultAsync(o => o.Id == decisionId && o.BeneficiaireId == beneficiaireId, cancellationToken);
        if (decision is null)
        {
            return null;
        }

        // The date the issued letter bears; a decision recorded before letters existed takes its own.
        var envoi = await db.CourriersEmis.AsNoTracking()
            .Where(c => c.ObjetId == decisionId && c.BeneficiaireId == beneficiaireId && c.Type == TypeCourrier.DecisionOrientation)
            .OrderByDescending(c => c.Instant)
            .Select(c => (DateOnly?)c.DateEnvoi)
            .FirstOrDefaultAsync(cancellationToken);
        var modele = await courriers.ModeleAsync(cancellationToken);
        return new CourrierDecision(
            beneficiaireId, decisionId, modele, await courriers.DestinataireAsync(beneficiaireId, cancellationToken),
            envoi ?? CourrierOrientation.DateEnvoi(decision), CourrierOrientation.Contenu(decision, modele));
    }
}
