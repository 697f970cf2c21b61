using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Passerelle.Domain;
using Passerelle.Infrastructure.Tenancy;
using Passerelle.Tests.Support;

namespace Passerelle.Tests.Browser;

/// <summary>
/// The parcours issue's journey on the demo: the agent of orientation orients a person from the queue and
/// designates her référent; the référent drafts the contract, the Responsable validates it, the référent records
/// the signature, and the "sans contrat" alert leaves the portfolio. Axe checks every page on the way.
/// </summary>
[Collection(CollectionNavigateur.Nom)]
public sealed class ParcoursNavigateurTests(Navigateur navigateur)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private string Aujourdhui => navigateur.Factory.Temps.Aujourdhui(Paris).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task AucuneViolationAsync(IPage page) =>
        (await Navigateur.ViolationsAsync(page)).ShouldBeEmpty(page.Url);

    [Fact]
    public async Task Orienter_depuis_la_file_designer_puis_un_contrat_redige_valide_et_signe_fait_disparaitre_l_alerte()
    {
        // The agent of orientation takes the first person of the queue: the most urgent deadline.
        var orientation = await navigateur.NouvellePageAsync(compte: "orientation.cantal");
        await orientation.GotoAsync("/orientation");
        await AucuneViolationAsync(orientation);
        await orientation.Locator("main table a[href$='/orientation']").First.ClickAsync();
        await orientation.WaitForURLAsync(url => url.EndsWith("/orientation", StringComparison.Ordinal) && url.Contains("/beneficiaires/", StringComparison.Ordinal));
        var dossier = orientation.Url[..orientation.Url.LastIndexOf("/orientation", StringComparison.Ordinal)];
        var id = dossier[(dossier.LastIndexOf('/') + 1)..];
        await AucuneViolationAsync(orientation);

        await orientation.Locator("select[name='Saisie.Parcours']").SelectOptionAsync(nameof(TypeParcours.SocioProfessionnel));
        await orientation.Locator("select[name='Saisie.Organisme']").SelectOptionAsync(nameof(OrganismeOrientation.ServiceDepartement));
        await orientation.Locator("select[name='Saisie.StructureId']")
            .SelectOptionAsync(new SelectOptionValue { Label = "Service du Département — Département du Cantal – Territoire d'action sociale d'Aurillac" });
        await orientation.Locator("input[name='Saisie.DateDecision']").FillAsync(Aujourdhui);
        await orientation.Locator("input[name='Saisie.DateNotification']").FillAsync(Aujourdhui);
        await orientation.Locator("textarea[name='Saisie.Motif']").FillAsync("Freins de mobilité et de garde d'enfants à lever avec un projet d'emploi.");
        await orientation.Locator("main form button[type=submit]").Last.ClickAsync();
        await orientation.Locator(".alerte-succes").WaitForAsync();
        (await orientation.Locator("main").TextContentAsync())!.ShouldContain("Socio-professionnel");
        await AucuneViolationAsync(orientation);

        // Oriented to the Département's service: the agent of orientation designates the référent.
        await orientation.GotoAsync($"/beneficiaires/{id}/referent");
        await orientation.Locator("input[name='Debut']").FillAsync(Aujourdhui);
        await orientation.Locator("select[name='AgentId']").SelectOptionAsync(new SelectOptionValue { Label = "Julien Couderc — Département du Cantal – Territoire d'action sociale d'Aurillac" });
        await AucuneViolationAsync(orientation);
        await orientation.GetByRole(AriaRole.Button, new() { Name = "Désigner" }).ClickAsync();
        await orientation.WaitForURLAsync(url => url.EndsWith($"/beneficiaires/{id}#referent", StringComparison.Ordinal));
        (await orientation.Locator("#referent").TextContentAsync())!.ShouldContain("Julien Couderc");
        await orientation.Context.CloseAsync();

        // The référent sees the person in his portfolio, without a contract.
        var referent = await navigateur.NouvellePageAsync(compte: "referent.cantal");
        await referent.GotoAsync("/portefeuille?Alerte=SansContrat");
        await AucuneViolationAsync(referent);
        var ligne = referent.Locator("main table tbody tr", new() { Has = referent.Locator($"a[href='/beneficiaires/{id}']") });
        (await ligne.TextContentAsync())!.ShouldContain("Sans contrat");

        await referent.GotoAsync($"/beneficiaires/{id}/contrats/nouveau");
        await AucuneViolationAsync(referent);
        await referent.Locator("input[name='Saisie.Debut']").FillAsync(Aujourdhui);
        var fin = navigateur.Factory.Temps.Aujourdhui(Paris).AddMonths(6).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await referent.Locator("input[name='Saisie.Fin']").FillAsync(fin);
        await referent.Locator("textarea[name='Saisie.Objectifs']").FillAsync("Obtenir le permis de conduire et trouver une solution de garde pour reprendre un emploi.");
        await referent.Locator("main form button[type=submit]").Last.ClickAsync();
        await referent.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, $"/beneficiaires/{id}/contrats/[0-9a-f-]{{36}}$"));
        var contrat = referent.Url;
        await referent.GetByRole(AriaRole.Button, new() { Name = "Soumettre à validation" }).ClickAsync();
        await referent.Locator(".alerte-succes").WaitForAsync();
        await AucuneViolationAsync(referent);

        // The Responsable validates.
        var responsable = await navigateur.NouvellePageAsync(compte: "responsable.cantal");
        await responsable.GotoAsync("/a-traiter");
        await AucuneViolationAsync(responsable);
        await responsable.GotoAsync(contrat);
        await responsable.GetByRole(AriaRole.Button, new() { Name = "Valider le contrat" }).ClickAsync();
        await responsable.Locator(".alerte-succes").WaitForAsync();
        await AucuneViolationAsync(responsable);
        await responsable.Context.CloseAsync();

        // The person signs; the alert leaves the portfolio.
        await referent.GotoAsync(contrat);
        await referent.Locator("input[name='Date']").FillAsync(Aujourdhui);
        await referent.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la signature" }).ClickAsync();
        await referent.Locator(".alerte-succes").WaitForAsync();
        await AucuneViolationAsync(referent);

        await referent.GotoAsync("/portefeuille?Alerte=SansContrat");
        (await referent.Locator($"main a[href='/beneficiaires/{id}']").CountAsync()).ShouldBe(0);
        await referent.GotoAsync("/portefeuille");
        (await referent.Locator($"main a[href='/beneficiaires/{id}']").CountAsync()).ShouldBeGreaterThan(0);
        await referent.Context.CloseAsync();
    }

    /// <summary>A person of referent.cantal's demo caseload with an orientation in force and a contract.</summary>
    private async Task<Guid> PersonneSuivieAsync()
    {
        var cantal = await navigateur.Factory.Base.DepartementAsync("15");
        await using var db = navigateur.Factory.Base.Contexte(cantal);
        var referent = await db.Users.Where(a => a.Email == ClientPasserelle.Email("referent.cantal")).Select(a => a.Id).SingleAsync();
        return await db.Beneficiaires
            .Where(b => !b.Clos && db.ReferentsUniques.Any(r => r.BeneficiaireId == b.Id && r.Fin == null && r.AgentId == referent)
                && db.DecisionsOrientation.Any(o => o.BeneficiaireId == b.Id && o.Fin == null)
                && db.ContratsEngagement.Any(c => c.BeneficiaireId == b.Id)
                && db.RendezVous.Any(r => r.BeneficiaireId == b.Id))
            .OrderBy(b => b.Id)
            .Select(b => b.Id)
            .FirstAsync();
    }

    public static TheoryData<string, int[]> Comptes => new()
    {
        { "orientation.cantal", [1280] },
        { "referent.cantal", [1280, 320] },
        { "responsable.cantal", [1280] },
        { "admin.cantal", [1280] },
        { "pilotage.cantal", [320] },
    };

    /// <summary>Every page of the parcours that account opens, at each of its widths.</summary>
    [Theory]
    [MemberData(nameof(Comptes))]
    public async Task Les_pages_du_parcours_n_ont_aucune_violation_axe(string compte, int[] largeurs)
    {
        var id = await PersonneSuivieAsync();
        string[] pages = compte switch
        {
            "orientation.cantal" => ["/orientation", "/orientation?Vue=examens", "/a-traiter", "/manquements", "/chiffres", "/agenda", $"/beneficiaires/{id}/orientation"],
            "referent.cantal" =>
            [
                "/portefeuille", "/a-traiter", "/agenda", "/agenda/seances/nouvelle", "/manquements", $"/beneficiaires/{id}/orientation",
                $"/beneficiaires/{id}/orientation/reorientation", $"/beneficiaires/{id}/contrats", $"/beneficiaires/{id}/contrats/nouveau",
                $"/beneficiaires/{id}/contrats/exterieur", $"/beneficiaires/{id}/rendez-vous", $"/beneficiaires/{id}/rendez-vous/nouveau",
            ],
            "responsable.cantal" => ["/portefeuille", "/a-traiter", "/orientation/reorientations", "/referents/transfert", "/referents/suppleances", "/chiffres"],
            "admin.cantal" => ["/administration/courrier", "/administration/courriels"],
            _ => ["/chiffres"],
        };

        var page = await navigateur.NouvellePageAsync(largeurs[0], compte);
        var problemes = new List<string>();
        foreach (var url in pages)
        {
            var reponse = await page.GotoAsync(url);
            if (reponse!.Status != 200)
            {
                problemes.Add($"{url} : statut {reponse.Status}");
                continue;
            }

            problemes.AddRange(await Navigateur.ProblemesAsync(page, largeurs));
        }

        // The contract of the person, as its référent and Responsable open it.
        if (compte is "referent.cantal" or "responsable.cantal")
        {
            await page.GotoAsync($"/beneficiaires/{id}/contrats");
            var lien = page.Locator($"main a[href^='/beneficiaires/{id}/contrats/']:not([href$='nouveau']):not([href$='exterieur'])").First;
            await lien.ClickAsync();
            await page.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/contrats/[0-9a-f-]{36}$"));
            foreach (var largeur in largeurs)
            {
                await page.SetViewportSizeAsync(largeur, 900);
                problemes.AddRange((await Navigateur.ViolationsAsync(page)).Select(v => $"{page.Url} à {largeur} px : {v}"));
            }
        }

        await page.Context.CloseAsync();
        problemes.ShouldBeEmpty(compte);
    }
}
