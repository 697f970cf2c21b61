namespace Passerelle.Tests.Browser;

/// <summary>Every page of the socle, at desktop width and at 320 px: no axe-core violation of WCAG 2.1 A/AA.</summary>
[Collection(CollectionNavigateur.Nom)]
public sealed class AccessibiliteTests(Navigateur navigateur)
{
    public static TheoryData<string?, string> Pages => new()
    {
        { null, "/connexion" },
        { null, "/mentions-legales" },
        { null, "/donnees-personnelles" },
        { null, "/accessibilite" },
        { null, "/une-page-inconnue" },
        { "referent.cantal", "/" },
        { "referent.cantal", "/compte" },
        { "referent.cantal", "/parametres" },
        { "referent.cantal", "/administration/agents" },
        { "admin.cantal", "/" },
        { "admin.cantal", "/administration/agents" },
        { "admin.cantal", "/administration/agents/nouveau" },
        { "admin.cantal", "/administration/structures" },
        { "admin.cantal", "/administration/structures/nouvelle" },
        { "admin.cantal", "/administration/territoires" },
        { "admin.cantal", "/administration/territoires/nouveau" },
        { "admin.cantal", "/administration/qpv" },
        { "admin.cantal", "/administration/listes" },
        { "admin.cantal", "/administration/listes/nouvelle?liste=themes-freins" },
        { "admin.cantal", "/parametres" },
        { "admin.cantal", "/parametres/historique?cle=orientation.delai" },
        { "admin.cantal", "/parametres/nouveau?cle=orientation.delai" },
        { "auditeur.cantal", "/journal" },
        { "admin", "/plateforme" },
        { "admin", "/plateforme/nouveau" },
        { "referent.cantal", "/deconnexion" },
        { "referent.cantal", "/journal" },
        { "referent.cantal", "/beneficiaires" },
        { "referent.cantal", "/beneficiaires/nouveau" },
        { "orientation.cantal", "/beneficiaires?Statut=tous" },
    };

    /// <summary>Edit pages, reached as a user reaches them: from the first line of their list.</summary>
    public static TheoryData<string, string> PagesDeModification => new()
    {
        { "admin.cantal", "/administration/agents" },
        { "admin.cantal", "/administration/structures" },
        { "admin.cantal", "/administration/territoires" },
        { "admin.cantal", "/administration/listes" },
    };

    [Theory]
    [MemberData(nameof(PagesDeModification))]
    public async Task La_page_de_modification_n_a_aucune_violation_axe(string compte, string liste)
    {
        var page = await navigateur.NouvellePageAsync(1280, compte);
        await page.GotoAsync(liste);
        await page.Locator("table.tableau tbody a").First.ClickAsync();
        await page.WaitForURLAsync(url => !url.EndsWith(liste, StringComparison.Ordinal));
        var url = page.Url;
        var formulaire = await page.Locator("main form[method=post]").CountAsync();
        var problemes = await Navigateur.ProblemesAsync(page, 1280, 320);
        await page.Context.CloseAsync();

        formulaire.ShouldBeGreaterThan(0, $"{url} devrait être un formulaire de modification");
        problemes.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task La_page_n_a_aucune_violation_axe_a_1280_et_320_pixels(string? compte, string url)
    {
        var page = await navigateur.NouvellePageAsync(1280, compte);
        await page.GotoAsync(url);
        var problemes = await Navigateur.ProblemesAsync(page, 1280, 320);
        await page.Context.CloseAsync();

        problemes.ShouldBeEmpty();
    }
}
