using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Beneficiaires;

namespace Passerelle.Features.Orientation;

/// <summary>The orientation's events in the dossier's chronologie: decisions, notifications, réorientation requests and answers.</summary>
public static class ChronologieOrientation
{
    public const string Type = "Orientation";

    public static async Task<List<EvenementDossier>> LireAsync(PasserelleDbContext db, Guid beneficiaireId, CancellationToken cancellationToken)
    {
        var evenements = new List<EvenementDossier>();
        var decisions = await db.DecisionsOrientation.AsNoTracking().Where(o => o.BeneficiaireId == beneficiaireId)
            .Select(o => new { o.DateDecision, o.DateNotification, o.Parcours, o.LibelleOrganisme, o.PrecedenteId, o.HorsDelai, o.DelaiJours, o.Instant })
            .ToListAsync(cancellationToken);
        foreach (var o in decisions)
        {
            var delai = o.DelaiJours is { } jours ? $" Décidée {jours} jour{(jours > 1 ? "s" : "")} après la réception de l'information{(o.HorsDelai ? ", hors délai" : "")}." : "";
            evenements.Add(new EvenementDossier(
                o.DateDecision, o.Instant, Type,
                $"{(o.PrecedenteId is null ? "Orientation" : "Réorientation")} vers le parcours {o.Parcours.Libelle().ToLowerInvariant()}",
                $"{o.LibelleOrganisme}.{delai}"));
            if (o.DateNotification is { } notification)
            {
                evenements.Add(new EvenementDossier(notification, null, Type, "Décision d'orientation notifiée", null));
            }
        }

        var demandes = await db.DemandesReorientation.AsNoTracking().Where(d => d.BeneficiaireId == beneficiaireId)
            .Select(d => new
            {
                d.DateDemande, d.ParcoursSouhaite, d.Statut, d.DateReponse, d.MotifRefus,
                Auteur = db.Users.Where(a => a.Id == d.DemandeeParId).Select(a => a.Prenom + " " + a.Nom).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        foreach (var d in demandes)
        {
            evenements.Add(new EvenementDossier(
                d.DateDemande, null, Type, $"Demande de réorientation vers le parcours {d.ParcoursSouhaite.Libelle().ToLowerInvariant()}",
                d.Auteur is null ? null : $"Demandée par {d.Auteur}."));
            if (d.DateReponse is { } reponse)
            {
                evenements.Add(d.Statut == StatutDemandeReorientation.Refusee
                    ? new EvenementDossier(reponse, null, Type, "Demande de réorientation refusée", d.MotifRefus)
                    : new EvenementDossier(reponse, null, Type, "Demande de réorientation acceptée", null));
            }
        }

        return evenements;
    }
}
