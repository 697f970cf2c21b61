using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Infrastructure.Audit;

namespace Passerelle.Features.Plateforme;

/// <summary>Creates a hosted département with its Département service, its settings and its first administrator.</summary>
public sealed class ServicePlateforme(PasserelleDbContext db, UserManager<Agent> userManager, Journal journal)
{
    public async Task<Departement> CreerDepartementAsync(
        string code, string nom, string fuseau, string emailAdministrateur, string prenom, string nomAdministrateur,
        string motDePasse, CancellationToken cancellationToken = default)
    {
        var codeNormalise = Departement.NormaliserCode(code);
        if (await db.Departements.AnyAsync(d => d.Code == codeNormalise, cancellationToken))
        {
            throw new RegleMetierException($"Le département {codeNormalise} est déjà hébergé.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var departement = new Departement(codeNormalise, nom, fuseau);
        var service = new Structure(departement.Id, $"Département – {nom}", TypeStructure.ServiceDepartement);
        db.Departements.Add(departement);
        db.Structures.Add(service);
        db.ParametresDates.AddRange(ParametrageInitial.Parametres(departement.Id));
        db.ValeursReference.AddRange(ParametrageInitial.Valeurs(departement.Id));
        journal.Ajouter(ActionJournal.Creation, nameof(Departement), departement.Id, departement.Id);
        await db.SaveChangesAsync(cancellationToken);

        var administrateur = new Agent(departement.Id, service.Id, emailAdministrateur, prenom, nomAdministrateur);
        var resultat = await userManager.CreateAsync(administrateur, motDePasse);
        if (resultat.Succeeded)
        {
            resultat = await userManager.AddToRoleAsync(administrateur, Role.Administrateur.ToString());
        }

        if (!resultat.Succeeded)
        {
            // Identity reports a taken address twice (as user name and as email): say it once.
            throw new RegleMetierException(string.Join(" ", resultat.Errors.Select(e => e.Description).Distinct(StringComparer.Ordinal)));
        }

        await transaction.CommitAsync(cancellationToken);
        return departement;
    }
}
