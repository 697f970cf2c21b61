using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Infrastructure.Audit;

namespace Passerelle.Features.Parametres;

/// <summary>Reads and writes the dated settings of the current département.</summary>
public sealed class ServiceParametres(PasserelleDbContext db, Journal journal)
{
    /// <summary>The value in force on <paramref name="date"/>, or null when none is: rules decide what that means.</summary>
    public Task<ParametreDate?> ValeurAuAsync(string cle, DateOnly date, string portee = ParametreDate.PorteeDepartement, CancellationToken cancellationToken = default) =>
        db.ParametresDates.AsNoTracking()
            .Where(p => p.Cle == cle && p.Portee == portee && p.ValideDu <= date && (p.ValideAu == null || p.ValideAu >= date))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Adds a period. When the period in force has no end and starts before the new one, it may be
    /// closed the day before; any other overlap is refused.
    /// </summary>
    public async Task<ParametreDate> AjouterPeriodeAsync(
        Guid departementId, string cle, string portee, TypeValeur type, string valeur, DateOnly du, DateOnly? au,
        string source, bool cloreLaPeriodeOuverte, CancellationToken cancellationToken = default)
    {
        var nouvelle = new ParametreDate(departementId, cle, portee, type, valeur, du, au, source);
        var historique = await db.ParametresDates.Where(p => p.Cle == nouvelle.Cle && p.Portee == nouvelle.Portee).ToListAsync(cancellationToken);
        if (historique.Count > 0 && historique.Any(p => p.Type != type))
        {
            throw new RegleMetierException($"Ce paramètre s'exprime en {historique[0].Type.Libelle()} : gardez la même unité.");
        }

        var ouverte = historique.SingleOrDefault(p => p.ValideAu is null && p.ValideDu < du);
        if (cloreLaPeriodeOuverte && ouverte is not null)
        {
            ouverte.Clore(du.AddDays(-1));
        }

        ParametreDate.VerifierSansChevauchement(historique, nouvelle);
        db.ParametresDates.Add(nouvelle);
        journal.Ajouter(ActionJournal.Creation, nameof(ParametreDate), nouvelle.Id);
        await db.SaveChangesAsync(cancellationToken);
        return nouvelle;
    }
}
