using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Infrastructure.Web;

/// <summary>A form was rendered from a version that has changed since.</summary>
public sealed class ConflitDeVersionException(Guid entiteId) : Exception("La fiche a été modifiée entre-temps.")
{
    public Guid EntiteId { get; } = entiteId;
}

public static class Concurrence
{
    public static void VerifierVersion(Domain.IVersionne entite, int versionDuFormulaire)
    {
        if (entite.Version != versionDuFormulaire)
        {
            throw new ConflitDeVersionException(entite.Id);
        }
    }

    /// <summary>"Modifié entre-temps par …": who made the change the form did not see, read from the change trail.</summary>
    public static async Task<string> MessageAsync(PasserelleDbContext db, Guid entiteId, TimeZoneInfo fuseau, CancellationToken cancellationToken = default)
    {
        var derniere = await db.HistoriqueModifications.AsNoTracking()
            .Where(h => h.EntiteId == entiteId && h.AgentId != null)
            .OrderByDescending(h => h.Instant)
            .Select(h => new { h.AgentId, h.Instant })
            .FirstOrDefaultAsync(cancellationToken);
        var auteur = derniere is null
            ? null
            : await db.Users.AsNoTracking().Where(a => a.Id == derniere.AgentId).Select(a => a.Prenom + " " + a.Nom).SingleOrDefaultAsync(cancellationToken);
        var qui = auteur ?? "un autre agent";
        var quand = derniere is null ? "" : $" le {derniere.Instant.EnHeureLocale(fuseau):dd/MM/yyyy à HH:mm}";
        return $"Cette fiche a été modifiée entre-temps par {qui}{quand}. Vos modifications n'ont pas été enregistrées : la version actuelle est affichée, reprenez vos changements.";
    }
}
