using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Demo;

namespace Passerelle.Infrastructure.Hosting;

public static class Commandes
{
    public static async Task<int> ExecuterAsync(WebApplication app, LigneDeCommande ligne)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PasserelleDbContext>();
        switch (ligne.Commande)
        {
            case Commande.Migrer:
                await MigrerAsync(db);
                Console.WriteLine("Base de données à jour.");
                return 0;
            case Commande.Demo:
                return await DemoAsync(db, scope.ServiceProvider, ligne.Remplacer, app.Environment);
            case Commande.Generer:
                return await GenererAsync(db, scope.ServiceProvider, ligne.Generation!, app.Environment);
            default:
                return 2;
        }
    }

    public static async Task MigrerAsync(PasserelleDbContext db, CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        var communes = await ReferentielCommunes.ChargerAsync(db, cancellationToken);
        if (communes > 0)
        {
            Console.WriteLine($"{communes} communes chargées.");
        }
    }

    private static async Task<int> GenererAsync(PasserelleDbContext db, IServiceProvider services, OptionsGeneration options, IHostEnvironment environnement)
    {
        if (environnement.IsProduction())
        {
            await Console.Error.WriteLineAsync("La génération de données est interdite en production : elle ajoute des milliers de personnes fictives.");
            return 1;
        }

        if ((await db.Database.GetPendingMigrationsAsync()).Any())
        {
            await Console.Error.WriteLineAsync("La base n'est pas à jour : lancez d'abord la commande migrate.");
            return 1;
        }

        try
        {
            var resultat = await services.GetRequiredService<Generation.GenerateurDonnees>().GenererAsync(options, Console.Out);
            Console.WriteLine(string.Create(Composition.Culture,
                $"{resultat.Personnes:N0} personnes générées dans le département {resultat.Departement} ({resultat.Lignes:N0} lignes, dont {resultat.Referents:N0} référents) en {Generation.BarreProgression.Duree(resultat.Duree)}."));
            return 0;
        }
        catch (Domain.RegleMetierException erreur)
        {
            await Console.Error.WriteLineAsync(erreur.Message);
            return 1;
        }
    }

    private static async Task<int> DemoAsync(PasserelleDbContext db, IServiceProvider services, bool remplacer, IHostEnvironment environnement)
    {
        if (environnement.IsProduction())
        {
            await Console.Error.WriteLineAsync("La démonstration est interdite en production : elle crée des comptes au mot de passe connu et --remplacer efface la base.");
            return 1;
        }

        // Resolved only now: the loader needs the NIR keys, which production without configuration lacks.
        var chargeur = services.GetRequiredService<ChargeurDemo>();

        if (remplacer)
        {
            await db.Database.EnsureDeletedAsync();
            await MigrerAsync(db);
        }
        else if ((await db.Database.GetPendingMigrationsAsync()).Any())
        {
            await Console.Error.WriteLineAsync("La base n'est pas à jour : lancez d'abord la commande migrate.");
            return 1;
        }
        else if (await chargeur.BaseContientDesDonneesAsync())
        {
            await Console.Error.WriteLineAsync("La base contient déjà des données : la démonstration n'est chargée que dans une base vide (ou avec --remplacer).");
            return 1;
        }

        await ReferentielCommunes.ChargerAsync(db);
        await chargeur.ChargerAsync();
        Console.WriteLine("Démonstration chargée : comptes @passerelle.test, mot de passe " + ChargeurDemo.MotDePasse + ".");
        return 0;
    }
}
