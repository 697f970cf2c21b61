using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Tests.Support;

namespace Passerelle.Tests.Infrastructure;

/// <summary>The backup and restore of docs/exploitation.md, as written there: pg_dump in custom format, pg_restore into a new database.</summary>
public sealed class SauvegardeTests
{
    [Fact]
    public async Task Une_sauvegarde_restauree_dans_une_nouvelle_base_est_lue_par_l_application()
    {
        var serveur = await ServeurPostgres.ObtenirAsync();
        var origine = await BasesDeTest.CreerAsync(Fournisseur.Postgres, avecDemo: false);
        var departement = new Departement("15", "Cantal");
        var departementId = departement.Id;
        await using (var db = origine.Contexte(departementId))
        {
            db.Departements.Add(departement);
            db.Structures.Add(new Structure(departementId, "Structure sauvegardée", TypeStructure.Association));
            db.ExecutionsTaches.Add(new ExecutionTache("expiration-prescriptions", DateTime.UtcNow, DateTime.UtcNow, DateTime.UtcNow, "instance-1", null));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var fichier = Path.Combine(Path.GetTempPath(), $"passerelle-{Guid.NewGuid():N}.dump");
        var restauree = $"restauree_{Guid.NewGuid():N}";
        try
        {
            var nomOrigine = new NpgsqlConnectionStringBuilder(origine.ChaineConnexion).Database!;
            await OutilAsync(serveur, "pg_dump", ["--format=custom", "--file", fichier, nomOrigine]);
            await using (var connexion = new NpgsqlConnection(serveur.ChaineConnexion("postgres")))
            {
                await connexion.OpenAsync(TestContext.Current.CancellationToken);
                await using var commande = new NpgsqlCommand($"CREATE DATABASE \"{restauree}\"", connexion);
                await commande.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            }

            await OutilAsync(serveur, "pg_restore", ["--no-owner", "--exit-on-error", "--dbname", restauree, fichier]);

            var copie = new BaseDeTest(Fournisseur.Postgres, serveur.ChaineConnexion(restauree));
            await using var lue = copie.Contexte(departementId);
            (await lue.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
            (await lue.Structures.Select(s => s.Nom).ToListAsync(TestContext.Current.CancellationToken)).ShouldContain("Structure sauvegardée");
            (await lue.ExecutionsTaches.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(1);
            (await lue.Communes.CountAsync(TestContext.Current.CancellationToken)).ShouldBeGreaterThan(30000);
        }
        finally
        {
            File.Delete(fichier);
        }
    }

    /// <summary>Over TCP as the postgres role, which works whoever runs the tests.</summary>
    private static async Task OutilAsync(ServeurPostgres serveur, string outil, string[] arguments)
    {
        var info = new ProcessStartInfo(Path.Combine(serveur.Binaires, outil)) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["--host=127.0.0.1", $"--port={serveur.Port}", "--username=postgres", .. arguments])
        {
            info.ArgumentList.Add(argument);
        }

        using var processus = Process.Start(info)!;
        var sortie = processus.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var erreurs = processus.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await processus.WaitForExitAsync(TestContext.Current.CancellationToken);
        processus.ExitCode.ShouldBe(0, $"{outil} : {await sortie}\n{await erreurs}");
    }
}
