using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Passerelle.Domain;
using Passerelle.Tests.Support;

namespace Passerelle.Tests.Browser;

/// <summary>The journey on the demo data: find a person typed without accents, open the dossier, evaluate the barriers.</summary>
[Collection(CollectionNavigateur.Nom)]
public sealed class DossierTests(Navigateur navigateur)
{
    /// <summary>A person of referent.cantal's demo caseload whose name carries an accent.</summary>
    private async Task<(Guid Id, string Nom, string Prenoms)> PersonneAccentueeAsync()
    {
        var cantal = await navigateur.Factory.Base.DepartementAsync("15");
        await using var db = navigateur.Factory.Base.Contexte(cantal);
        var referent = await db.Users.Where(a => a.Email == ClientPasserelle.Email("referent.cantal")).Select(a => a.Id).SingleAsync();
        var personnes = await db.Beneficiaires
            .Where(b => b.FusionneDansId == null && !b.Clos && db.ReferentsUniques.Any(r => r.BeneficiaireId == b.Id && r.Fin == null && r.AgentId == referent))
            .OrderBy(b => b.Id)
            .Select(b => new { b.Id, Nom = b.NomUsage ?? b.NomNaissance, b.Prenoms })
            .ToListAsync();
        var personne = personnes.First(p => (p.Nom + p.Prenoms).Any(c => c > 127));
        return (personne.Id, personne.Nom, personne.Prenoms);
    }

    private static string SansAccents(string texte) => string.Concat(texte.Normalize(System.Text.NormalizationForm.FormD)
        .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark));

    [Fact]
    public async Task Le_referent_trouve_une_personne_sans_accents_ouvre_son_dossier_et_evalue_ses_freins()
    {
        var (id, nom, prenoms) = await PersonneAccentueeAsync();
        var page = await navigateur.NouvellePageAsync(compte: "referent.cantal");
        await page.GotoAsync("/beneficiaires");

        await page.GetByLabel("Nom ou prénom").FillAsync(SansAccents($"{prenoms.Split(' ')[0]} {nom}").ToLowerInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        page.Url.ShouldEndWith("/beneficiaires");
        (await Navigateur.ViolationsAsync(page)).ShouldBeEmpty();
        await page.Locator($"a[href='/beneficiaires/{id}']").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith($"/beneficiaires/{id}", StringComparison.Ordinal));
        (await page.Locator("h1").TextContentAsync())!.ShouldContain(prenoms);
        await page.GetByRole(AriaRole.Link, new() { Name = "Chronologie complète" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith($"/beneficiaires/{id}/chronologie", StringComparison.Ordinal));
        (await page.Locator("#chronologie li").CountAsync()).ShouldBeGreaterThan(0);
        (await Navigateur.ViolationsAsync(page)).ShouldBeEmpty();
        await page.GetByRole(AriaRole.Link, new() { Name = "Retour au dossier" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith($"/beneficiaires/{id}", StringComparison.Ordinal));

        await page.Locator($"#diagnostic a[href='/beneficiaires/{id}/diagnostic/nouveau']").First.ClickAsync();
        await page.Locator("select[name='Saisie.Niveaux[mobilite]']").SelectOptionAsync(nameof(NiveauFrein.Bloquant));
        await page.Locator("select[name='Saisie.Niveaux[numerique]']").SelectOptionAsync(nameof(NiveauFrein.Leger));
        await page.Locator("textarea[name='Saisie.Commentaires[mobilite]']").FillAsync("Pas de permis, aucune ligne de bus vers la zone d'activité.");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith($"/beneficiaires/{id}/diagnostic", StringComparison.Ordinal));

        (await page.Locator("main").TextContentAsync())!.ShouldContain("Pas de permis");
        await page.Locator("canvas").First.WaitForAsync();
        (await page.EvaluateAsync<bool>("() => { const c = document.querySelector('canvas'); return !!c && c.width > 0 && c.height > 0; }")).ShouldBeTrue();
        var tableau = await page.Locator("table", new() { HasText = "Bloquant" }).Last.TextContentAsync();
        tableau!.ShouldContain("Bloquant");
        (await Navigateur.ViolationsAsync(page)).ShouldBeEmpty();

        await page.GotoAsync($"/beneficiaires/{id}");
        (await page.Locator("#diagnostic").TextContentAsync())!.ShouldContain("Bloquant");
        (await Navigateur.ViolationsAsync(page)).ShouldBeEmpty();
        await page.Context.CloseAsync();
    }

    private static readonly string[] PagesDuReferent =
        ["", "/identite", "/foyer", "/droits", "/referent", "/diagnostic", "/diagnostic/nouveau", "/documents", "/cloture", "/transfert", "/notice"];

    /// <summary>Every page of one dossier, at 1280 then 320 px: the same checks as the socle's pages.</summary>
    [Theory]
    [InlineData("referent.cantal")]
    [InlineData("responsable.cantal")]
    public async Task Les_pages_du_dossier_n_ont_aucune_violation_axe(string compte)
    {
        var (id, _, _) = await PersonneAccentueeAsync();
        var suffixes = compte == "responsable.cantal" ? new[] { "", "/fusion" } : PagesDuReferent;
        var page = await navigateur.NouvellePageAsync(1280, compte);
        var problemes = new List<string>();
        foreach (var suffixe in suffixes)
        {
            var reponse = await page.GotoAsync($"/beneficiaires/{id}{suffixe}");
            if (reponse!.Status != 200)
            {
                problemes.Add($"{suffixe} : statut {reponse.Status}");
                continue;
            }

            problemes.AddRange(await Navigateur.ProblemesAsync(page, 1280, 320));
        }

        await page.Context.CloseAsync();
        problemes.ShouldBeEmpty();
    }
}
