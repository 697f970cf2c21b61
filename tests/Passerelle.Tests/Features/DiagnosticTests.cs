using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Passerelle.Domain;
using Passerelle.Features.Plateforme;
using Passerelle.Infrastructure.Tenancy;
using Passerelle.Tests.Support;

namespace Passerelle.Tests.Features;

public abstract class DiagnosticTests(ApplicationDeTest app)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private DateOnly Aujourdhui => app.Factory.Temps.Aujourdhui(Paris);

    private async Task<ClientPasserelle> ConnecteAsync(string identifiant = "referent.cantal")
    {
        var client = app.Factory.Client();
        await client.ConnecterAsync(identifiant);
        return client;
    }

    /// <summary>A Cantal person whose référent unique is referent.cantal, so that he sees the whole dossier.</summary>
    private async Task<Guid> PersonneAsync()
    {
        var cantal = await app.Base.DepartementAsync("15");
        await using var db = app.Base.Contexte(cantal);
        var referent = await db.Users.Where(a => a.Email == ClientPasserelle.Email("referent.cantal")).Select(a => new { a.Id, a.StructureId }).SingleAsync();
        var personne = new Beneficiaire(cantal, "Martin-Dupré", null, "Élodie", new DateOnly(1988, 4, 12), Sexe.Femme, Dispositifs.Rsa);
        db.Beneficiaires.Add(personne);
        db.ReferentsUniques.Add(ReferentUnique.Designer(cantal, personne.Id, [], new DateOnly(2025, 1, 6), referent.Id, referent.StructureId, null, null));
        await db.SaveChangesAsync();
        return personne.Id;
    }

    private static List<KeyValuePair<string, string>> Evaluation(DateOnly date, params (string Theme, string Niveau, string Commentaire)[] themes) =>
    [
        new("Saisie.Date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        .. themes.SelectMany(t => new KeyValuePair<string, string>[] { new($"Saisie.Niveaux[{t.Theme}]", t.Niveau), new($"Saisie.Commentaires[{t.Theme}]", t.Commentaire) }),
    ];

    private async Task<(int Evaluations, int Modifications)> EcrituresAsync(Guid personne)
    {
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        return (await db.EvaluationsFreins.CountAsync(e => e.BeneficiaireId == personne),
            await db.JournalAcces.CountAsync(j => j.EnregistrementId == personne && j.Action == ActionJournal.Modification));
    }

    private static List<string> Cellules(IElement ligne) => ligne.Children.Select(c => c.TextContent.Trim()).ToList();

    private static IElement Ligne(IElement tableau, string theme) =>
        tableau.QuerySelectorAll("tbody tr").Single(l => l.QuerySelector("th")!.TextContent.Trim() == theme);

    private static IElement Derniers(IDocument document) =>
        document.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")!.TextContent.Contains("Dernière évaluation", StringComparison.Ordinal));

    private static IElement Evolution(IDocument document) =>
        document.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")!.TextContent.Contains("Évolution des freins", StringComparison.Ordinal));

    private static string Jour(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Une_evaluation_ajoutee_apparait_comme_la_derniere_et_dans_le_tableau_d_evolution()
    {
        var personne = await PersonneAsync();
        using var client = await ConnecteAsync();
        var date = Aujourdhui.AddDays(-2);

        var formulaire = (await client.PageAsync($"/beneficiaires/{personne}/diagnostic/nouveau")).Document;
        var reponse = await client.PosterAsync($"/beneficiaires/{personne}/diagnostic/nouveau",
            Evaluation(date, ("mobilite", "Important", "Pas de permis, bus rare"), ("logement", "Leger", "")));

        formulaire.QuerySelector<IHtmlInputElement>("#Saisie_Date")!.Value.ShouldBe(Aujourdhui.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        formulaire.QuerySelectorAll("fieldset legend").Select(l => l.TextContent.Trim()).ShouldContain("Famille et garde d'enfants");
        formulaire.QuerySelectorAll("select[name='Saisie.Niveaux[mobilite]'] option").Select(o => o.TextContent.Trim())
            .ShouldBe(["Non évalué", "Aucun", "Léger", "Important", "Bloquant"]);
        reponse.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await ClientPasserelle.DocumentAsync(reponse)).QuerySelector(".resume-erreurs")?.TextContent);
        reponse.Headers.Location!.OriginalString.ShouldBe($"/beneficiaires/{personne}/diagnostic");

        var page = (await client.PageAsync($"/beneficiaires/{personne}/diagnostic")).Document;
        page.QuerySelector(".alerte-succes")!.TextContent.ShouldContain($"L'évaluation du {date:dd/MM/yyyy} est enregistrée (2 thèmes évalués).");
        Cellules(Ligne(Derniers(page), "Mobilité"))
            .ShouldBe(["Mobilité", "Important", Jour(date), "Pas de permis, bus rare", "Julien Couderc"]);
        Cellules(Ligne(Evolution(page), "Logement")).ShouldBe(["Logement", "Léger"]);
        Evolution(page).QuerySelectorAll("thead th").Select(t => t.TextContent.Trim())
            .ShouldBe(["Thème", Jour(date)]);
        // The chart draws the very numbers of the table.
        using var graphique = JsonDocument.Parse(page.QuerySelector("canvas[data-diagnostic]")!.GetAttribute("data-diagnostic")!);
        graphique.RootElement.GetProperty("series").EnumerateArray()
            .Select(s => (s.GetProperty("libelle").GetString(), s.GetProperty("valeurs")[0].GetInt32()))
            .ShouldBe([("Mobilité", 2), ("Logement", 1)]);
        page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ShouldContain(s => s.StartsWith("/js/diagnostic.js", StringComparison.Ordinal));
        page.QuerySelector("a[href='/beneficiaires/" + personne + "']").ShouldNotBeNull();

        (await EcrituresAsync(personne)).ShouldBe((2, 1));
    }

    [Fact]
    public async Task Une_evaluation_plus_recente_devient_la_derniere_et_l_historique_garde_les_deux_dates()
    {
        var personne = await PersonneAsync();
        using var client = await ConnecteAsync();
        var premiere = Aujourdhui.AddDays(-40);
        var seconde = Aujourdhui.AddDays(-3);

        (await client.PosterAsync($"/beneficiaires/{personne}/diagnostic/nouveau", Evaluation(premiere, ("mobilite", "Bloquant", ""))))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.PosterAsync($"/beneficiaires/{personne}/diagnostic/nouveau", Evaluation(seconde, ("mobilite", "Leger", "Permis obtenu"), ("sante", "Important", ""))))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = (await client.PageAsync($"/beneficiaires/{personne}/diagnostic")).Document;
        var derniers = Derniers(page);
        derniers.QuerySelectorAll("tbody tr").Select(l => Cellules(l)[0]).ShouldBe(["Mobilité", "Santé"]);
        Cellules(Ligne(derniers, "Mobilité")).ShouldBe(["Mobilité", "Léger", Jour(seconde), "Permis obtenu", "Julien Couderc"]);
        Evolution(page).QuerySelectorAll("thead th").Select(t => t.TextContent.Trim())
            .ShouldBe(["Thème", Jour(premiere), Jour(seconde)]);
        Cellules(Ligne(Evolution(page), "Mobilité")).ShouldBe(["Mobilité", "Bloquant", "Léger"]);
        Cellules(Ligne(Evolution(page), "Santé")).ShouldBe(["Santé", "Non évalué", "Important"]);
        (await EcrituresAsync(personne)).ShouldBe((3, 2));
    }

    [Fact]
    public async Task Un_theme_desactive_n_est_plus_propose_mais_reste_dans_l_historique()
    {
        var personne = await PersonneAsync();
        using var client = await ConnecteAsync();
        (await client.PosterAsync($"/beneficiaires/{personne}/diagnostic/nouveau", Evaluation(Aujourdhui, ("experience", "Important", ""))))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using (var db = app.Base.Contexte(await app.Base.DepartementAsync("15")))
        {
            var experience = await db.ValeursReference.SingleAsync(v => v.Liste == ParametrageInitial.Listes.ThemesFreins && v.Code == "experience");
            experience.Modifier(experience.Libelle, experience.Ordre, actif: false);
            await db.SaveChangesAsync();
        }

        var formulaire = (await client.PageAsync($"/beneficiaires/{personne}/diagnostic/nouveau")).Document;
        var refus = await client.PosterAsync($"/beneficiaires/{personne}/diagnostic/nouveau", Evaluation(Aujourdhui, ("experience", "Leger", "")));
        var page = (await client.PageAsync($"/beneficiaires/{personne}/diagnostic")).Document;

        formulaire.QuerySelectorAll("fieldset legend").Select(l => l.TextContent.Trim()).ShouldNotContain("Expérience professionnelle");
        (await ClientPasserelle.DocumentAsync(refus)).QuerySelector(".resume-erreurs")!.TextContent
            .ShouldContain("Le thème « Expérience professionnelle » n'est plus proposé par votre département.");
        Cellules(Ligne(Evolution(page), "Expérience professionnelle")).ShouldBe(["Expérience professionnelle", "Important"]);
        (await EcrituresAsync(personne)).ShouldBe((1, 1));
    }

    [Fact]
    public async Task Un_formulaire_sans_aucun_niveau_est_refuse_et_rien_n_est_ecrit()
    {
        var personne = await PersonneAsync();
        using var client = await ConnecteAsync();

        var vide = await client.PosterAsync($"/beneficiaires/{personne}/diagnostic/nouveau", Evaluation(Aujourdhui, ("mobilite", "", ""), ("sante", "", "")));
        var commentaireSeul = await client.PosterAsync($"/beneficiaires/{personne}/diagnostic/nouveau", Evaluation(Aujourdhui, ("budget", "", "Dettes en cours")));

        vide.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ClientPasserelle.DocumentAsync(vide)).QuerySelector(".resume-erreurs")!.TextContent.ShouldContain("Évaluez au moins un thème");
        var document = await ClientPasserelle.DocumentAsync(commentaireSeul);
        document.QuerySelector("#Saisie_Niveaux_budget_-erreur")!.TextContent.ShouldContain("Choisissez le niveau du thème « Budget », ou effacez son commentaire.");
        document.QuerySelector<IHtmlTextAreaElement>("#Saisie_Commentaires_budget_")!.Value.ShouldBe("Dettes en cours");
        (await EcrituresAsync(personne)).ShouldBe((0, 0));
    }

    [Fact]
    public async Task Un_theme_hors_de_la_liste_du_departement_est_refuse_et_rien_n_est_ecrit()
    {
        var personne = await PersonneAsync();
        using var client = await ConnecteAsync();

        var reponse = await client.PosterAsync($"/beneficiaires/{personne}/diagnostic/nouveau",
            Evaluation(Aujourdhui, ("mobilite", "Leger", ""), ("addictions", "Bloquant", "")));

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ClientPasserelle.DocumentAsync(reponse)).QuerySelector(".resume-erreurs")!.TextContent
            .ShouldContain("Choisissez des thèmes de la liste de votre département.");
        (await EcrituresAsync(personne)).ShouldBe((0, 0));
    }

    [Fact]
    public async Task Une_date_dans_le_futur_est_refusee_pres_du_champ()
    {
        var personne = await PersonneAsync();
        using var client = await ConnecteAsync();

        var reponse = await client.PosterAsync($"/beneficiaires/{personne}/diagnostic/nouveau", Evaluation(Aujourdhui.AddDays(1), ("mobilite", "Leger", "")));

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = await ClientPasserelle.DocumentAsync(reponse);
        document.QuerySelector("#Saisie_Date-erreur")!.TextContent.ShouldContain("La date de l'évaluation ne peut pas être dans le futur.");
        document.QuerySelector<IHtmlSelectElement>("#Saisie_Niveaux_mobilite_")!.Value.ShouldBe("Leger");
        (await EcrituresAsync(personne)).ShouldBe((0, 0));
    }

    [Fact]
    public async Task Ouvrir_le_diagnostic_ecrit_une_consultation_au_journal_et_montre_l_etat_vide()
    {
        var personne = await PersonneAsync();
        using var client = await ConnecteAsync();

        var (reponse, page) = await client.PageAsync($"/beneficiaires/{personne}/diagnostic");

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector(".vide")!.TextContent.ShouldContain("Aucune évaluation des freins");
        page.QuerySelector("canvas").ShouldBeNull();
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        var ligne = await db.JournalAcces.SingleAsync(j => j.EnregistrementId == personne);
        ligne.Action.ShouldBe(ActionJournal.Consultation);
        ligne.TypeEnregistrement.ShouldBe(nameof(Beneficiaire));
        ligne.AgentId.ShouldBe(await db.Users.Where(a => a.Email == ClientPasserelle.Email("referent.cantal")).Select(a => (Guid?)a.Id).SingleAsync());
    }

    [Theory]
    [InlineData("referent.puydedome", HttpStatusCode.NotFound)]
    [InlineData("pilotage.cantal", HttpStatusCode.Forbidden)]
    public async Task Hors_perimetre_le_diagnostic_ne_se_lit_ni_ne_s_ecrit(string identifiant, HttpStatusCode attendu)
    {
        var personne = await PersonneAsync();
        using var client = await ConnecteAsync(identifiant);

        var (lecture, _) = await client.PageAsync($"/beneficiaires/{personne}/diagnostic");
        var (formulaire, _) = await client.PageAsync($"/beneficiaires/{personne}/diagnostic/nouveau");
        var ecriture = await client.PosterDirectementAsync($"/beneficiaires/{personne}/diagnostic/nouveau", Evaluation(Aujourdhui, ("mobilite", "Bloquant", "")));

        lecture.StatusCode.ShouldBe(attendu);
        formulaire.StatusCode.ShouldBe(attendu);
        ecriture.StatusCode.ShouldBe(attendu);
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        (await db.EvaluationsFreins.CountAsync(e => e.BeneficiaireId == personne)).ShouldBe(0);
        (await db.JournalAcces.CountAsync(j => j.EnregistrementId == personne)).ShouldBe(0);
    }
}

public sealed class DiagnosticSqliteTests(ApplicationSqlite app) : DiagnosticTests(app), IClassFixture<ApplicationSqlite>;

public sealed class DiagnosticPostgresTests(ApplicationPostgres app) : DiagnosticTests(app), IClassFixture<ApplicationPostgres>;
