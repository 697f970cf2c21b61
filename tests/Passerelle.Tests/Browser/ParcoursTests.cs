using Microsoft.Playwright;

namespace Passerelle.Tests.Browser;

[Collection(CollectionNavigateur.Nom)]
public sealed class ParcoursTests(Navigateur navigateur)
{
    [Fact]
    public async Task Un_referent_se_connecte_voit_son_accueil_et_se_deconnecte()
    {
        var page = await navigateur.NouvellePageAsync();

        await page.GotoAsync("/");
        page.Url.ShouldContain("/connexion");
        await Navigateur.ConnecterAsync(page, "referent.cantal");

        (await page.Locator("h1").TextContentAsync()).ShouldBe("Bonjour Julien Couderc");
        (await page.Locator(".marque-departement").TextContentAsync()).ShouldBe("Cantal (15)");
        (await page.Locator("main").TextContentAsync() ?? "").ShouldContain("Référent");

        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/connexion", StringComparison.Ordinal));
        (await page.Locator(".alerte-succes").TextContentAsync()).ShouldBe("Vous êtes déconnecté.");

        await page.GotoAsync("/");
        page.Url.ShouldContain("/connexion");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Le_lien_d_evitement_mene_au_contenu_au_clavier()
    {
        var page = await navigateur.NouvellePageAsync();
        await page.GotoAsync("/connexion");

        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("document.activeElement.textContent")).ShouldBe("Aller au contenu");
        await page.Keyboard.PressAsync("Enter");

        (await page.EvaluateAsync<string>("document.activeElement.id")).ShouldBe("contenu");
        await page.Context.CloseAsync();
    }
}

[Collection(CollectionNavigateur.Nom)]
public sealed class LimitesTests(Navigateur navigateur)
{
    [Fact]
    public async Task Un_envoi_de_plus_de_dix_mega_octets_recoit_la_page_413_en_francais()
    {
        // Kestrel refuses on the announced length: the headers alone are sent, as a browser's upload would begin.
        var adresse = new Uri(navigateur.Adresse);
        using var socket = new System.Net.Sockets.TcpClient();
        await socket.ConnectAsync(adresse.Host, adresse.Port);
        await using var flux = socket.GetStream();
        var requete = $"POST /connexion HTTP/1.1\r\nHost: {adresse.Authority}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {12 * 1024 * 1024}\r\nConnection: close\r\n\r\n";
        await flux.WriteAsync(System.Text.Encoding.ASCII.GetBytes(requete));

        using var lecteur = new StreamReader(flux, System.Text.Encoding.UTF8);
        var reponse = await lecteur.ReadToEndAsync();

        reponse.ShouldStartWith("HTTP/1.1 413");
        reponse.ShouldContain("Fichier trop volumineux");
    }
}

/// <summary>The checks the sweeps rely on report what they are meant to: a page that breaks them is caught at its width.</summary>
[Collection(CollectionNavigateur.Nom)]
public sealed class VerificationsTests(Navigateur navigateur)
{
    [Fact]
    public async Task Une_image_sans_alternative_et_un_bloc_trop_large_sont_releves_a_chaque_largeur()
    {
        var page = await navigateur.NouvellePageAsync();
        await page.GotoAsync("/connexion");
        (await Navigateur.ProblemesAsync(page, 1280, 320)).ShouldBeEmpty();

        await page.EvaluateAsync("""
            () => {
                const image = document.createElement('img');
                image.src = '/favicon.ico';
                document.querySelector('main').append(image);
                const bloc = document.createElement('div');
                bloc.style.width = '50em';
                bloc.style.height = '1em';
                document.querySelector('main').append(bloc);
            }
            """);
        var problemes = await Navigateur.ProblemesAsync(page, 1280, 320);
        await page.Context.CloseAsync();

        problemes.ShouldContain(p => p.StartsWith("/connexion à 1280 px : image-alt", StringComparison.Ordinal));
        problemes.ShouldContain(p => p.StartsWith("/connexion à 320 px : image-alt", StringComparison.Ordinal));
        problemes.ShouldContain("/connexion déborde horizontalement à 320 px");
        problemes.ShouldNotContain("/connexion déborde horizontalement à 1280 px");
    }
}
