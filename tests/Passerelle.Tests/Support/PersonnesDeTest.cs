using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Passerelle.Domain;
using Passerelle.Domain.Identite;
using Passerelle.Infrastructure.Securite;

namespace Passerelle.Tests.Support;

/// <summary>Builds people in a test database, followed by a demo référent, as the pages would have recorded them.</summary>
public sealed class PersonnesDeTest(ApplicationDeTest app)
{
    public async Task<Guid> CreerAsync(
        string nomNaissance, string prenoms, DateOnly dateNaissance, string? referent = "referent.cantal", string departement = "15",
        string? nomUsage = null, string? nir = null, string? communeCode = null, Sexe sexe = Sexe.Femme, string? matricule = null,
        Dispositifs dispositifs = Dispositifs.Rsa)
    {
        var departementId = await app.Base.DepartementAsync(departement);
        await using var db = app.Base.Contexte(departementId);
        var personne = new Beneficiaire(departementId, nomNaissance, nomUsage, prenoms, dateNaissance, sexe, dispositifs);
        Guid? foyerId = null;
        if (matricule is not null)
        {
            var foyer = new Foyer(departementId);
            foyer.Modifier(null, null, null, null, null, OrganismePayeur.Caf, matricule);
            db.Foyers.Add(foyer);
            foyerId = foyer.Id;
        }

        personne.ModifierCoordonnees(null, null, null, communeCode, foyerId);
        if (nir is not null)
        {
            personne.DefinirNir(app.Factory.Services.GetRequiredService<ProtectionNir>().Proteger(Nir.Lire(nir)));
        }

        db.Beneficiaires.Add(personne);
        if (referent is not null)
        {
            var agent = await db.Users.SingleAsync(a => a.Email == ClientPasserelle.Email(referent));
            db.ReferentsUniques.Add(ReferentUnique.Designer(departementId, personne.Id, [], new DateOnly(2025, 1, 6), agent.Id, agent.StructureId, null, null));
        }

        await db.SaveChangesAsync();
        return personne.Id;
    }

    /// <summary>A valid NIR for a woman born in <paramref name="annee"/>, unique per <paramref name="ordre"/>.</summary>
    public static string NirValide(int annee, int ordre)
    {
        var numero = $"2{annee % 100:00}0315014{ordre % 1000:000}";
        return numero + Nir.CalculerCle(numero).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
    }
}
