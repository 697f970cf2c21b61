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
