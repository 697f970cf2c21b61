using System.Collections.Concurrent;
using Deque.AxeCore.Commons;
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

    private static readonly string Axe = new BundledAxeScriptProvider().GetScript();

    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _sessions = new();
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

    /// <summary>
    /// A page in a context of its own; signed in as <paramref name="compte"/> with the cookies of that account's one
    /// sign-in through the form, so that each test does not pay for it again.
    /// </summary>
    public async Task<IPage> NouvellePageAsync(int largeur = 1280, string? compte = null)
    {
        var contexte = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Adresse,
            ViewportSize = new ViewportSize { Width = largeur, Height = 900 },
            Locale = "fr-FR",
            StorageState = compte is null ? null : await _sessions.GetOrAdd(compte, c => new(() => SessionAsync(c))).Value,
        });
        // Two cores run the whole suite at once: allow a slow page rather than fail on time.
        contexte.SetDefaultTimeout(60_000);
        contexte.SetDefaultNavigationTimeout(60_000);
        return await contexte.NewPageAsync();
    }

    private async Task<string> SessionAsync(string compte)
    {
        var page = await NouvellePageAsync();
        await ConnecterAsync(page, compte);
        var etat = await page.Context.StorageStateAsync();
        await page.Context.CloseAsync();
        return etat;
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
        catch (TimeoutException) when (!page.Url.Contains("/connexion", StringComparison.Ordinal))
        {
            // Past the wait but already redirected (seen on a loaded machine): the sign-in succeeded.
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"La connexion de {identifiant} n'a pas abouti ({page.Url}) : {await page.Locator("main").InnerTextAsync()}");
        }
    }

    /// <summary>axe-core over the whole page with the WCAG 2.1 A and AA rules; returns the violations, described.</summary>
    /// <remarks>
    /// axe runs in the page itself, injected once per document: the pages have no frame, so the package's
    /// frame-by-frame run, which injects axe twice and opens a blank page to merge the results, only cost time.
    /// Passes and inapplicable rules are not detailed, since only violations are read.
    /// </remarks>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync($"() => {{ {Axe} }}");
        }

        return await page.EvaluateAsync<string[]>("""
            async () => {
                const resultat = await axe.run(document, {
                    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
                    resultTypes: ['violations'],
                });
                return resultat.violations.map(v =>
                    `${v.id} (${v.impact}) : ${v.help} — ${v.nodes.slice(0, 3).map(n => n.html).join(' | ')}`);
            }
            """);
    }

    /// <summary>
    /// axe and reflow at each width on the page as loaded, narrowed in turn: the layout follows the viewport through CSS
    /// media queries, and the chart redraws itself on resize. Returns the problems, each with its width.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ProblemesAsync(IPage page, params int[] largeurs)
    {
        var url = new Uri(page.Url).PathAndQuery;
        var problemes = new List<string>();
        foreach (var largeur in largeurs)
        {
            if (page.ViewportSize?.Width != largeur)
            {
                await page.SetViewportSizeAsync(largeur, 900);
                // Resize observers and their redraws run on the next frames.
                await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(r))))");
            }

            problemes.AddRange((await ViolationsAsync(page)).Select(v => $"{url} à {largeur} px : {v}"));
            // At 320 px the page must not scroll sideways (WCAG 1.4.10, reflow).
            if (!await SansDebordementAsync(page))
            {
                problemes.Add($"{url} déborde horizontalement à {largeur} px");
            }
        }

        // The next page of a sweep loads at the first width, as a fresh one would.
        if (page.ViewportSize?.Width != largeurs[0])
        {
            await page.SetViewportSizeAsync(largeurs[0], 900);
        }

        return problemes;
    }

    /// <summary>
    /// The page fits its width, given two seconds to settle: a chart redrawn after a resize takes more than three frames on a
    /// loaded machine, and was then reported as an overflow it does not have.
    /// </summary>
    private static async Task<bool> SansDebordementAsync(IPage page)
    {
        try
        {
            await page.WaitForFunctionAsync("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1", null, new() { Timeout = 2_000 });
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
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
