using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;

namespace Passerelle.Features.Prescriptions.ATraiter;

/// <summary>The operator's delay to answer a prescription, as the expiry job reads it: the département's setting in force on the day.</summary>
public static class DelaiReponse
{
    public static async Task<int> JoursAsync(PasserelleDbContext db, DateOnly date, CancellationToken cancellationToken = default)
    {
        var valeur = await db.ParametresDates.AsNoTracking()
            .Where(p => p.Cle == ClesParametres.DelaiReponsePrescription && p.Portee == ParametreDate.PorteeDepartement
                && p.ValideDu <= date && (p.ValideAu == null || p.ValideAu >= date))
            .Select(p => p.Valeur)
            .SingleOrDefaultAsync(cancellationToken);
        return int.TryParse(valeur, NumberStyles.Integer, CultureInfo.InvariantCulture, out var jours) ? jours : ServicePrescriptions.DelaiReponseParDefaut;
    }

    /// <summary>The day a prescription sent on <paramref name="envoyeeLe"/> expires if nobody answers it.</summary>
    public static DateOnly Expiration(DateOnly envoyeeLe, int jours) => envoyeeLe.AddDays(jours);
}
