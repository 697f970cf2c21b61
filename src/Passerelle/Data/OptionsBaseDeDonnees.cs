using Microsoft.EntityFrameworkCore;
using Passerelle.Infrastructure.Audit;

namespace Passerelle.Data;

public enum Fournisseur
{
    Sqlite,
    Postgres,
}

/// <summary>Which database Passerelle runs on: <c>Database:Provider</c> and <c>ConnectionStrings:Passerelle</c>.</summary>
public sealed record OptionsBaseDeDonnees(Fournisseur Fournisseur, string ChaineConnexion)
{
    public const string CheminSqliteParDefaut = "data/passerelle.db";

    public static OptionsBaseDeDonnees Lire(IConfiguration configuration, string racineContenu)
    {
        var texte = configuration["Database:Provider"];
        Fournisseur fournisseur;
        if (string.IsNullOrWhiteSpace(texte))
        {
            fournisseur = Fournisseur.Sqlite;
        }
        else if (!Enum.TryParse(texte, ignoreCase: true, out fournisseur))
        {
            throw new InvalidOperationException($"Database:Provider vaut « {texte} » : valeurs possibles Sqlite ou Postgres.");
        }

        var chaine = configuration.GetConnectionString("Passerelle");
        if (string.IsNullOrWhiteSpace(chaine))
        {
            if (fournisseur == Fournisseur.Postgres)
            {
                throw new InvalidOperationException("ConnectionStrings:Passerelle est obligatoire avec Database:Provider=Postgres.");
            }

            var chemin = Path.Combine(racineContenu, CheminSqliteParDefaut);
            Directory.CreateDirectory(Path.GetDirectoryName(chemin)!);
            chaine = $"Data Source={chemin}";
        }

        return new OptionsBaseDeDonnees(fournisseur, chaine);
    }

    public void AjouterDbContext(IServiceCollection services)
    {
        if (Fournisseur == Fournisseur.Postgres)
        {
            services.AddDbContext<PasserelleDbContext, PostgresPasserelleDbContext>((sp, o) =>
                Configurer(o.UseNpgsql(ChaineConnexion), sp));
        }
        else
        {
            services.AddDbContext<PasserelleDbContext, SqlitePasserelleDbContext>((sp, o) =>
                Configurer(o.UseSqlite(ChaineConnexion), sp));
        }
    }

    private static void Configurer(DbContextOptionsBuilder options, IServiceProvider services) =>
        options.AddInterceptors(services.GetRequiredService<SuiviModificationsInterceptor>());
}
