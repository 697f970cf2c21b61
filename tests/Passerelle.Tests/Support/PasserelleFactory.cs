using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Passerelle.Tests.Support;

/// <summary>The application over a test database. Development environment so that static assets are served from the build.</summary>
public sealed class PasserelleFactory(BaseDeTest baseDeTest, string environnement = "Development") : WebApplicationFactory<Program>
{
    public BaseDeTest Base => baseDeTest;

    /// <summary>The application's clock: tests move it to judge delays and lockouts.</summary>
    public FakeTimeProvider Temps { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>Counts the SQL statements of the requests a test chooses.</summary>
    public CompteurRequetes Requetes { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environnement);
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = baseDeTest.Fournisseur.ToString(),
            ["ConnectionStrings:Passerelle"] = baseDeTest.ChaineConnexion,
            ["Demo:Enabled"] = "false",
            // Quartz reads the fake clock: moved past 02:00, it would expire prescriptions behind the test's back.
            ["Prescriptions:Expiration:Actif"] = "false",
            // One host per database: the schedule stays in memory, so no host inherits triggers an earlier one stored.
            ["Quartz:Cluster:Actif"] = "false",
        }.Concat(ClesNirDeTest.Configuration)));
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Temps);
            services.ConfigureDbContext<Passerelle.Data.SqlitePasserelleDbContext>(o => o.AddInterceptors(Requetes));
            services.ConfigureDbContext<Passerelle.Data.PostgresPasserelleDbContext>(o => o.AddInterceptors(Requetes));
        });
    }

    public ClientPasserelle Client(string adresse = "http://localhost") =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(adresse) }));
}

/// <summary>A database and an application for one test class.</summary>
public abstract class ApplicationDeTest(Passerelle.Data.Fournisseur fournisseur) : IAsyncLifetime
{
    public BaseDeTest Base { get; private set; } = null!;
    public PasserelleFactory Factory { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Base = await BasesDeTest.CreerAsync(fournisseur);
        Factory = new PasserelleFactory(Base);
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class ApplicationSqlite() : ApplicationDeTest(Passerelle.Data.Fournisseur.Sqlite);

public sealed class ApplicationPostgres() : ApplicationDeTest(Passerelle.Data.Fournisseur.Postgres);
