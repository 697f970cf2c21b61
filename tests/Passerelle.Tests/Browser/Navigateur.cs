using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Passerelle.Tests.Support;

namespace Passerelle.Tests.Browser;

/// <summary>
/// One application on a real port and one Chromium for all browser tests, so that they stay quick as
/// journeys are added. Debian's Chromium is driven directly: Playwright never downloads a browser.
/// </summary>
public sealed class Navigateur : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public PasserelleFactory Factory { get; private set; } = null!;
    public string Adresse { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        Environnement.IndisponibleSauf(File.Exists(Chromium), "Chromium n'est pas installé (paquet Debian chromium) : test ignoré.");
        Factory = new PasserelleFactory(await BasesDeTest.CreerAsync(Passerelle.Data.Fournisseur.Sqlite));
        Factory.UseKestrel(0);
        Factory.StartServer();
        Adresse = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task<IPage> NouvellePageAsync(int largeur = 1280)
    {
        var contexte = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Adresse,
            ViewportSize = new ViewportSize { Width = largeur, Height = 900 },
            Locale = "fr-FR",
        });
        // Two cores run the whole suite at once: allow a slow page rather than fail on time.
        contexte.SetDefaultTimeout(60_000);
        contexte.SetDefaultNavigationTimeout(60_000);
        return await contexte.NewPageAsync();
    }

    public static async Task ConnecterAsync(IPage page, string identifiant)
    {
        await page.GotoAsync("/connexion");
        await page.GetByLabel("Adresse électronique").FillAsync(ClientPasserelle.Email(identifiant));
        await page.GetByLabel("Mot de passe").FillAsync(Passerelle.Demo.ChargeurDemo.MotDePasse);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        try
        {
            // The redirect is what signing in means; the next navigation waits for its own page.
            await page.WaitForURLAsync(url => !url.Contains("/connexion", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"La connexion de {identifiant} n'a pas abouti ({page.Url}) : {await page.Locator("main").InnerTextAsync()}");
        }
    }

    /// <summary>axe-core over the whole page with the WCAG 2.1 A and AA rules; returns the violations, described.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        var resultat = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        return resultat.Violations
            .Select(v => $"{v.Id} ({v.Impact}) : {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ToList();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }
    }
}

[CollectionDefinition(Nom)]
public sealed class CollectionNavigateur : ICollectionFixture<Navigateur>
{
    public const string Nom = "Navigateur";
}
