using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Passerelle.Domain;
using Passerelle.Infrastructure.Tenancy;
using Passerelle.Tests.Support;

namespace Passerelle.Tests.Browser;

/// <summary>
/// The offer issue's journey on the demo: referent.puydedome prescribes a mobility service from a dossier, with the
/// person's consent; operateur.mobilite accepts it in its inbox, records the entry, hours and a bilan; the référent
/// sees all of it on the prescription. Axe checks every page on the way, then sweeps the new pages for each account.
/// </summary>
[Collection(CollectionNavigateur.Nom)]
public sealed class PrescriptionsNavigateurTests(Navigateur navigateur)
{
    private const string ActionMobilite = "Mobilité : diagnostic";
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private string Aujourdhui => navigateur.Factory.Temps.Aujourdhui(Paris).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task AucuneViolationAsync(IPage page) =>
        (await Navigateur.ViolationsAsync(page)).ShouldBeEmpty(page.Url);

    /// <summary>A person of referent.puydedome's caseload on the RSA, with no open prescription of the mobility diagnostic.</summary>
    private async Task<(Guid Personne, Guid Action)> PersonneEtActionAsync()
    {
        await using var db = navigateur.Factory.Base.Contexte(await navigateur.Factory.Base.DepartementAsync("63"));
        var referent = await db.Users.Where(a => a.Email == ClientPasserelle.Email("referent.puydedome")).Select(a => a.Id).SingleAsync();
        var action = await db.Actions.Where(a => a.Nom == ActionMobilite).Select(a => a.Id).SingleAsync();
        var personnes = await db.Beneficiaires
            .Where(b => !b.Clos && b.FusionneDansId == null && db.ReferentsUniques.Any(r => r.BeneficiaireId == b.Id && r.Fin == null && r.AgentId == referent)
                && !db.Prescriptions.Any(p => p.BeneficiaireId == b.Id && p.ActionId == action))
            .OrderBy(b => b.Id)
            .Select(b => new { b.Id, b.Dispositifs })
            .ToListAsync();
        return (personnes.First(p => p.Dispositifs.HasFlag(Dispositifs.Rsa)).Id, action);
    }

    [Fact]
    public async Task Le_referent_prescrit_la_mobilite_l_operateur_accepte_et_suit_le_referent_voit_la_suite()
    {
        var (personne, action) = await PersonneEtActionAsync();

        var referent = await navigateur.NouvellePageAsync(compte: "referent.puydedome");
        await referent.GotoAsync($"/beneficiaires/{personne}");
        await referent.GetByRole(AriaRole.Link, new() { Name = "Prescrire une action" }).ClickAsync();
        await referent.WaitForURLAsync(url => url.EndsWith($"/beneficiaires/{personne}/prescriptions/nouvelle", StringComparison.Ordinal));
        await AucuneViolationAsync(referent);
        await referent.Locator($"input[name='actionId'][value='{action}']").CheckAsync();
        await referent.GetByRole(AriaRole.Button, new() { Name = "Continuer avec cette action" }).ClickAsync();
        await referent.Locator("textarea[name='Saisie.Objectifs']").WaitForAsync();
        await AucuneViolationAsync(referent);
        await referent.Locator("textarea[name='Saisie.Objectifs']").FillAsync("Trouver une solution pour se rendre aux entretiens d'embauche à Riom.");
        await referent.Locator("input[type=checkbox][name='Saisie.Accord']").CheckAsync();
        await referent.Locator("input[name='Saisie.ConsentementLe']").FillAsync(Aujourdhui);
        await referent.GetByRole(AriaRole.Button, new() { Name = "Envoyer la prescription" }).ClickAsync();
        await referent.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(url, "/prescriptions/[0-9a-f-]{36}$"));
        var prescription = referent.Url[(referent.Url.LastIndexOf('/') + 1)..];
        (await referent.Locator("main").TextContentAsync())!.ShouldContain("Envoyée");
        await AucuneViolationAsync(referent);
        await referent.Context.CloseAsync();

        // The operator finds it in the inbox, with its notification under the bell.
        var operateur = await navigateur.NouvellePageAsync(compte: "operateur.mobilite");
        await operateur.GotoAsync("/prescriptions/recues");
        await AucuneViolationAsync(operateur);
        await operateur.Locator($"main a[href='/prescriptions/recues/{prescription}']").ClickAsync();
        await operateur.WaitForURLAsync(url => url.EndsWith($"/prescriptions/recues/{prescription}", StringComparison.Ordinal));
        await AucuneViolationAsync(operateur);
        await operateur.GetByRole(AriaRole.Button, new() { Name = "Accepter" }).ClickAsync();
        await operateur.Locator("input[name='Entree.Date']").WaitForAsync();
        await operateur.Locator("input[name='Entree.Date']").FillAsync(Aujourdhui);
        await operateur.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'entrée" }).ClickAsync();
        await operateur.Locator("input[name='Heures.Nombre']").WaitForAsync();
        await AucuneViolationAsync(operateur);
        await operateur.Locator("input[name='Heures.Date']").FillAsync(Aujourdhui);
        await operateur.Locator("input[name='Heures.Nombre']").FillAsync("3,5");
        await operateur.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les heures" }).ClickAsync();
        await operateur.Locator("#titre-heures").WaitForAsync();
        (await operateur.Locator("main").TextContentAsync())!.ShouldContain("3,5");
        await operateur.Locator("select[name='Bilan.Type']").SelectOptionAsync(nameof(TypeBilan.Intermediaire));
        await operateur.Locator("input[name='Bilan.Date']").FillAsync(Aujourdhui);
        await operateur.Locator("select[name='Bilan.Atteinte']").SelectOptionAsync(nameof(AtteinteObjectifs.Partiellement));
        await operateur.Locator("select[name='Bilan.Assiduite']").SelectOptionAsync(nameof(Assiduite.Reguliere));
        await operateur.Locator("textarea[name='Bilan.Preconisations']").FillAsync("Diagnostic fait : la location d'un scooter règle les trajets vers Riom.");
        await operateur.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le bilan" }).ClickAsync();
        await operateur.GetByText("la location d'un scooter règle les trajets").First.WaitForAsync();
        await AucuneViolationAsync(operateur);
        await operateur.Context.CloseAsync();

        // The référent sees the answer, the entry, the hours and the bilan, and was told of each step.
        var retour = await navigateur.NouvellePageAsync(compte: "referent.puydedome");
        await retour.GotoAsync($"/prescriptions/{prescription}");
        var texte = (await retour.Locator("main").TextContentAsync())!;
        texte.ShouldContain("En cours");
        texte.ShouldContain("3,5");
        texte.ShouldContain("la location d'un scooter règle les trajets vers Riom");
        await AucuneViolationAsync(retour);
        await retour.GotoAsync("/notifications");
        (await retour.Locator("main").TextContentAsync())!.ShouldContain($"Entrée dans l'action « {ActionMobilite} » enregistrée");
        await AucuneViolationAsync(retour);
    }

    public static TheoryData<string, int[]> Comptes => new()
    {
        { "referent.puydedome", [1280] },
        { "operateur.mobilite", [1280, 320] },
        { "pilotage.puydedome", [1280] },
        { "", [1280, 320] },
    };

    [Theory]
    [MemberData(nameof(Comptes))]
    public async Task Les_pages_de_l_offre_et_des_prescriptions_n_ont_aucune_violation_axe(string compte, int[] largeurs)
    {
        await using var db = navigateur.Factory.Base.Contexte(await navigateur.Factory.Base.DepartementAsync("63"));
        var action = await db.Actions.Where(a => a.Nom == "Atelier de pré-qualification").Select(a => a.Id).SingleAsync();
        var mobilite = await db.Structures.Where(s => s.Nom == OffreDeTest.StructureDe["operateur.mobilite"]).Select(s => s.Id).SingleAsync();
        var recue = await db.Prescriptions.Where(p => p.StructureOperateurId == mobilite && p.Etat == EtatPrescription.EnCours).Select(p => p.Id).FirstAsync();
        var (personne, _) = await PersonneEtActionAsync();
        string[] pages = compte switch
        {
            "referent.puydedome" =>
            [
                "/prescriptions", $"/beneficiaires/{personne}/prescriptions/nouvelle", $"/prescriptions/{recue}", "/notifications", "/a-traiter", "/actions", $"/actions/{action}",
            ],
            "operateur.mobilite" => ["/prescriptions/recues", $"/prescriptions/recues/{recue}", "/notifications", "/a-traiter", "/actions"],
            "pilotage.puydedome" => ["/programme", "/actions", "/actions/nouvelle", $"/actions/{action}/modifier", "/chiffres?Code=activite-actions", "/chiffres?Code=agenda-21"],
            _ => ["/offre", "/offre/63", $"/offre/63/actions/{action}"],
        };

        var page = await navigateur.NouvellePageAsync(largeurs[0], compte.Length > 0 ? compte : null);
        foreach (var url in pages)
        {
            await page.SetViewportSizeAsync(largeurs[0], 900);
            var reponse = await page.GotoAsync(url);
            reponse!.Status.ShouldBe(200, url);
            foreach (var largeur in largeurs)
            {
                await page.SetViewportSizeAsync(largeur, 900);
                (await Navigateur.ViolationsAsync(page)).ShouldBeEmpty($"{url} à {largeur} px");
            }
        }

        await page.Context.CloseAsync();
    }
}
