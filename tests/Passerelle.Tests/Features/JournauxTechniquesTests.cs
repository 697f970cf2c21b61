using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Passerelle.Tests.Support;

namespace Passerelle.Tests.Features;

/// <summary>The technical logs never receive what a request carries: request lines and SQL are kept at Warning.</summary>
public sealed class JournauxTechniquesTests(ApplicationSqlite app) : IClassFixture<ApplicationSqlite>
{
    private sealed class Capture : ILoggerProvider
    {
        public ConcurrentQueue<(string Categorie, LogLevel Niveau, string Message)> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Journal(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Journal(Capture capture, string categorie) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                capture.Messages.Enqueue((categorie, logLevel, formatter(state, exception)));
        }
    }

    [Fact]
    public async Task Ni_les_adresses_demandees_ni_le_sql_ne_sont_journalises()
    {
        var capture = new Capture();
        // Even a configuration that asks for request lines and SQL does not get them.
        await using var factory = app.Factory.WithWebHostBuilder(b => b
            .ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
                ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
            }))
            .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(capture)));
        using var client = factory.CreateClient();

        await client.GetAsync("/connexion?nom=Dupont-Secret");
        await client.GetAsync("/health");

        capture.Messages.ShouldNotBeEmpty();
        capture.Messages.ShouldNotContain(m => m.Message.Contains("Dupont-Secret", StringComparison.Ordinal));
        capture.Messages.ShouldNotContain(m => m.Categorie == "Microsoft.EntityFrameworkCore.Database.Command" && m.Niveau < LogLevel.Warning);
    }
}
