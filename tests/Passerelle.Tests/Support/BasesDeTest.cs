using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Passerelle.Data;
using Passerelle.Demo;
using Passerelle.Domain;
using Passerelle.Infrastructure.Audit;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Tests.Support;

/// <summary>One database of its own for a test class, copied from a template migrated once per run.</summary>
public sealed record BaseDeTest(Fournisseur Fournisseur, string ChaineConnexion)
{
    /// <summary>A context outside any request: the département is set explicitly, as a command would.</summary>
    public PasserelleDbContext Contexte(Guid? departementId = null, TimeProvider? temps = null)
    {
        var departement = new DepartementCourant(new HttpContextAccessor());
        if (departementId is not null)
        {
            departement.Definir(departementId);
        }

        var intercepteur = new SuiviModificationsInterceptor(new AgentCourant(new HttpContextAccessor()), temps ?? TimeProvider.System);
        return Fournisseur == Fournisseur.Postgres
            ? new PostgresPasserelleDbContext(new DbContextOptionsBuilder<PostgresPasserelleDbContext>().UseNpgsql(ChaineConnexion).AddInterceptors(intercepteur).Options, departement)
            : new SqlitePasserelleDbContext(new DbContextOptionsBuilder<SqlitePasserelleDbContext>().UseSqlite(ChaineConnexion).AddInterceptors(intercepteur).Options, departement);
    }

    public async Task<Guid> DepartementAsync(string code)
    {
        await using var db = Contexte();
        return await db.Departements.Where(d => d.Code == code).Select(d => d.Id).SingleAsync();
    }
}

public static class BasesDeTest
{
    private static readonly string Dossier = Path.Combine(Path.GetTempPath(), $"passerelle-tests-{Environment.ProcessId}");
    private static readonly Lazy<Task<string>> ModeleSqliteVide = new(() => CreerModeleSqliteAsync(avecDemo: false));
    private static readonly Lazy<Task<string>> ModeleSqliteDemo = new(() => CreerModeleSqliteAsync(avecDemo: true));
    private static readonly Lazy<Task<string>> ModelePostgresVide = new(() => CreerModelePostgresAsync(avecDemo: false));
    private static readonly Lazy<Task<string>> ModelePostgresDemo = new(() => CreerModelePostgresAsync(avecDemo: true));

    static BasesDeTest()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            SqliteConnection.ClearAllPools();
            SuppressionApresLeProcessus.Supprimer(Dossier);
        };
    }

    /// <summary>A migrated database with the communes, and the demo unless <paramref name="avecDemo"/> is false.</summary>
    public static async Task<BaseDeTest> CreerAsync(Fournisseur fournisseur, bool avecDemo = true)
    {
        if (fournisseur == Fournisseur.Sqlite)
        {
            var modele = await (avecDemo ? ModeleSqliteDemo : ModeleSqliteVide).Value;
            var chemin = Path.Combine(Dossier, $"{Guid.NewGuid():N}.db");
            File.Copy(modele, chemin);
            return new BaseDeTest(Fournisseur.Sqlite, $"Data Source={chemin}");
        }

        var serveur = await ServeurPostgres.ObtenirAsync();
        var modelePg = await (avecDemo ? ModelePostgresDemo : ModelePostgresVide).Value;
        var nom = $"t_{Guid.NewGuid():N}";
        await using (var connexion = new NpgsqlConnection(serveur.ChaineConnexion("postgres")))
        {
            await connexion.OpenAsync();
            await using var commande = new NpgsqlCommand($"CREATE DATABASE \"{nom}\" TEMPLATE \"{modelePg}\"", connexion);
            await commande.ExecuteNonQueryAsync();
        }

        return new BaseDeTest(Fournisseur.Postgres, serveur.ChaineConnexion(nom));
    }

    private static async Task<string> CreerModeleSqliteAsync(bool avecDemo)
    {
        Directory.CreateDirectory(Dossier);
        var chemin = Path.Combine(Dossier, avecDemo ? "modele-demo.db" : "modele.db");
        var modele = new BaseDeTest(Fournisseur.Sqlite, $"Data Source={chemin};Pooling=false");
        await PreparerAsync(modele, avecDemo);
        return chemin;
    }

    private static async Task<string> CreerModelePostgresAsync(bool avecDemo)
    {
        var serveur = await ServeurPostgres.ObtenirAsync();
        var nom = avecDemo ? "modele_demo" : "modele";
        var modele = new BaseDeTest(Fournisseur.Postgres, serveur.ChaineConnexion(nom) + ";Pooling=false");
        await PreparerAsync(modele, avecDemo);
        return nom;
    }

    private static async Task PreparerAsync(BaseDeTest modele, bool avecDemo)
    {
        await using var db = modele.Contexte();
        await db.Database.MigrateAsync();
        await ReferentielCommunes.ChargerAsync(db);
        if (avecDemo)
        {
            await new ChargeurDemo(db, new PasswordHasher<Agent>(), ClesNirDeTest.Protection, TimeProvider.System, NullLogger<ChargeurDemo>.Instance).ChargerAsync();
        }
    }
}
