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

    /// <summary>
    /// Registers both provider contexts and resolves <see cref="PasserelleDbContext"/> to the configured one.
    /// Configuration is read when the first context is created, not at registration, so that a test host's
    /// settings apply.
    /// </summary>
    public static void AjouterDbContext(IServiceCollection services)
    {
        services.AddSingleton(sp =>
            Lire(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath));
        services.AddDbContext<SqlitePasserelleDbContext>((sp, o) =>
            Configurer(o.UseSqlite(sp.GetRequiredService<OptionsBaseDeDonnees>().ChaineConnexion).AddInterceptors(MajusculesUnicodeSqlite.Instance), sp));
        services.AddDbContext<PostgresPasserelleDbContext>((sp, o) =>
            Configurer(o.UseNpgsql(sp.GetRequiredService<OptionsBaseDeDonnees>().ChaineConnexion), sp));
        services.AddScoped<PasserelleDbContext>(sp => sp.GetRequiredService<OptionsBaseDeDonnees>().Fournisseur == Fournisseur.Postgres
            ? sp.GetRequiredService<PostgresPasserelleDbContext>()
            : sp.GetRequiredService<SqlitePasserelleDbContext>());
    }

    private static void Configurer(DbContextOptionsBuilder options, IServiceProvider services) =>
        options.AddInterceptors(services.GetRequiredService<SuiviModificationsInterceptor>());
}
