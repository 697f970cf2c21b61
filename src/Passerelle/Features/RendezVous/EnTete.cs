using Microsoft.EntityFrameworkCore;
using Passerelle.Data;

namespace Passerelle.Features.SuiviRendezVous;

/// <summary>What the rendez-vous pages show of the person above their form; the scope has been checked.</summary>
public sealed record EnTete(string Nom, string? Courriel, bool Clos)
{
    public static Task<EnTete> LireAsync(PasserelleDbContext db, Guid beneficiaireId, CancellationToken cancellationToken) =>
        db.Beneficiaires.AsNoTracking().Where(b => b.Id == beneficiaireId)
            .Select(b => new EnTete(b.Prenoms + " " + (b.NomUsage ?? b.NomNaissance), b.Courriel, b.Clos))
            .SingleAsync(cancellationToken);
}
