using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Passerelle.Domain;
using Passerelle.Features.Plateforme;
using Passerelle.Tests.Support;

namespace Passerelle.Tests.Features;

public abstract class ListesTests(ApplicationDeTest app)
{
    private const string Themes = ParametrageInitial.Listes.ThemesFreins;

    private async Task<ClientPasserelle> ConnecteAsync(string identifiant = "admin.cantal")
    {
        var client = app.Factory.Client();
        await client.ConnecterAsync(identifiant);
        return client;
    }

    private async Task<ValeurReference?> ValeurAsync(string liste, string code, string departement = "15")
    {
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync(departement));
        return await db.ValeursReference.AsNoTracking().SingleOrDefaultAsync(v => v.Liste == liste && v.Code == code);
    }

    private static List<KeyValuePair<string, string>> Modification(ValeurReference valeur, string libelle, int? ordre = null, bool? actif = null) =>
    [
        new("Saisie.Version", valeur.Version.ToString(CultureInfo.InvariantCulture)),
        new("Saisie.Libelle", libelle),
        new("Saisie.Ordre", (ordre ?? valeur.Ordre).ToString(CultureInfo.InvariantCulture)),
        new("Saisie.Actif", (actif ?? valeur.Actif) ? "true" : "false"),
    ];

    private static List<KeyValuePair<string, string>> Nouvelle(string code, string libelle, string ordre = "500") =>
    [
        new("Saisie.Code", code),
        new("Saisie.Libelle", libelle),
        new("Saisie.Ordre", ordre),
    ];

    [Fact]
    public async Task Modifier_le_libelle_garde_le_code_et_le_code_national_meme_si_le_formulaire_les_envoie()
    {
        using var client = await ConnecteAsync();
        var logement = (await ValeurAsync(Themes, "logement"))!;

        var reponse = await client.PosterAsync($"/administration/listes/{logement.Id}",
        [
            .. Modification(logement, "  Logement et hébergement ", ordre: 35),
            new("Saisie.Code", "habitat"), new("Saisie.CodeNational", "autre-chose"), new("Code", "habitat"), new("CodeNational", "autre-chose"),
        ]);

        reponse.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var apres = (await ValeurAsync(Themes, "logement"))!;
        apres.Id.ShouldBe(logement.Id);
        apres.Libelle.ShouldBe("Logement et hébergement");
        apres.Ordre.ShouldBe(35);
        apres.CodeNational.ShouldBe("logement-hebergement");
        (await ValeurAsync(Themes, "habitat")).ShouldBeNull();

        var document = (await client.PageAsync("/administration/listes")).Document;
        document.QuerySelector(".alerte-succes")!.TextContent.ShouldContain("« Logement et hébergement » de la liste « Thèmes du diagnostic des freins » est enregistrée");
        var ligne = document.QuerySelectorAll("tbody tr").Single(l => l.QuerySelector($"a[href='/administration/listes/{logement.Id}']") is not null);
        ligne.Children.Select(c => c.TextContent.Trim()).ShouldBe(["35", "logement", "Logement et hébergement", "Active", "logement-hebergement"]);

        await using var db = app.Base.Contexte(logement.DepartementId);
        (await db.JournalAcces.CountAsync(j => j.EnregistrementId == logement.Id && j.Action == ActionJournal.Modification && j.TypeEnregistrement == nameof(ValeurReference)))
            .ShouldBe(1);
        (await db.HistoriqueModifications.Where(h => h.EntiteId == logement.Id).Select(h => h.Champ).ToListAsync())
            .ShouldBe([nameof(ValeurReference.Libelle), nameof(ValeurReference.Ordre)], ignoreOrder: true);
    }

    [Fact]
    public async Task La_fiche_montre_le_code_et_le_code_national_sans_champ_pour_les_modifier()
    {
        using var client = await ConnecteAsync();
        var budget = (await ValeurAsync(Themes, "budget"))!;

        var document = (await client.PageAsync($"/administration/listes/{budget.Id}")).Document;

        document.QuerySelector("dl.fiche")!.TextContent.ShouldContain("difficultes-financieres");
        document.QuerySelectorAll("form[method=post] input, form[method=post] select").Select(c => c.GetAttribute("name"))
            .ShouldNotContain(n => n != null && n.Contains("Code", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Un_libelle_vide_est_signale_pres_du_champ_et_rien_n_est_ecrit()
    {
        using var client = await ConnecteAsync();
        var sante = (await ValeurAsync(Themes, "sante"))!;

        var reponse = await client.PosterAsync($"/administration/listes/{sante.Id}", Modification(sante, " "));

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ClientPasserelle.DocumentAsync(reponse)).QuerySelector("#Saisie_Libelle-erreur")!.TextContent.ShouldBe("Saisissez le libellé.");
        var apres = (await ValeurAsync(Themes, "sante"))!;
        (apres.Libelle, apres.Version).ShouldBe((sante.Libelle, sante.Version));
    }

    [Fact]
    public async Task Desactiver_une_valeur_la_marque_inactive_dans_la_liste()
    {
        using var client = await ConnecteAsync();
        var abandon = (await ValeurAsync(ParametrageInitial.Listes.IssuesSortie, "abandon"))!;

        var reponse = await client.PosterAsync($"/administration/listes/{abandon.Id}", Modification(abandon, abandon.Libelle, actif: false));

        reponse.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ValeurAsync(ParametrageInitial.Listes.IssuesSortie, "abandon"))!.Actif.ShouldBeFalse();
        var ligne = (await client.PageAsync("/administration/listes")).Document.QuerySelectorAll("tbody tr")
            .Single(l => l.QuerySelector($"a[href='/administration/listes/{abandon.Id}']") is not null);
        ligne.TextContent.ShouldContain("Inactive");
    }

    [Fact]
    public async Task Un_formulaire_perime_affiche_qui_a_modifie_entre_temps_et_n_ecrase_rien()
    {
        using var client = await ConnecteAsync();
        var numerique = (await ValeurAsync(Themes, "numerique"))!;

        (await client.PosterAsync($"/administration/listes/{numerique.Id}", Modification(numerique, "Numérique et équipement"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var perime = await client.PosterAsync($"/administration/listes/{numerique.Id}", Modification(numerique, "Inclusion numérique"));

        var document = await ClientPasserelle.DocumentAsync(perime);
        document.QuerySelector(".resume-erreurs")!.TextContent.ShouldContain("modifiée entre-temps par Hélène Vidalenc");
        document.QuerySelector<IHtmlInputElement>("#Saisie_Libelle")!.Value.ShouldBe("Numérique et équipement");
        (await ValeurAsync(Themes, "numerique"))!.Libelle.ShouldBe("Numérique et équipement");
    }

    [Fact]
    public async Task L_administrateur_ajoute_une_valeur_a_la_suite_de_la_liste()
    {
        using var client = await ConnecteAsync();
        var url = $"/administration/listes/nouvelle?liste={ParametrageInitial.Listes.TypesManquement}";

        var formulaire = (await client.PageAsync(url)).Document;
        var reponse = await client.PosterAsync(url, Nouvelle("absence-bilan", "Absence au bilan sans motif légitime", "50"));

        formulaire.QuerySelector("h1")!.TextContent.ShouldContain("Types de manquement");
        formulaire.QuerySelector<IHtmlInputElement>("#Saisie_Ordre")!.Value.ShouldBe("50");
        reponse.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var valeur = (await ValeurAsync(ParametrageInitial.Listes.TypesManquement, "absence-bilan"))!;
        (valeur.Libelle, valeur.Ordre, valeur.Actif, valeur.CodeNational).ShouldBe(("Absence au bilan sans motif légitime", 50, true, (string?)null));
        await using var db = app.Base.Contexte(valeur.DepartementId);
        var journal = await db.JournalAcces.SingleAsync(j => j.EnregistrementId == valeur.Id);
        (journal.Action, journal.TypeEnregistrement).ShouldBe((ActionJournal.Creation, nameof(ValeurReference)));
    }

    [Theory]
    [InlineData("Aide Mobilité")]
    [InlineData("aide_mobilite")]
    [InlineData("aide-mobilité")]
    public async Task Un_code_mal_forme_est_refuse_pres_du_champ(string code)
    {
        using var client = await ConnecteAsync();

        var reponse = await client.PosterAsync($"/administration/listes/nouvelle?liste={Themes}", Nouvelle(code, "Aide à la mobilité"));

        (await ClientPasserelle.DocumentAsync(reponse)).QuerySelector("#Saisie_Code-erreur")!.TextContent
            .ShouldContain("Le code ne contient que des lettres minuscules sans accent, des chiffres et des tirets");
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        (await db.ValeursReference.AnyAsync(v => v.Libelle == "Aide à la mobilité")).ShouldBeFalse();
    }

    [Fact]
    public async Task Un_code_deja_present_dans_la_liste_est_refuse_mais_libre_dans_une_autre_liste()
    {
        using var client = await ConnecteAsync();

        var doublon = await client.PosterAsync($"/administration/listes/nouvelle?liste={Themes}", Nouvelle("mobilite", "Mobilité bis"));
        var autreListe = await client.PosterAsync($"/administration/listes/nouvelle?liste={Themes}", Nouvelle("refus-controle", "Refus de contrôle (frein)"));

        (await ClientPasserelle.DocumentAsync(doublon)).QuerySelector(".resume-erreurs")!.TextContent
            .ShouldContain("Le code « mobilite » existe déjà dans la liste « Thèmes du diagnostic des freins » : choisissez-en un autre.");
        (await ValeurAsync(Themes, "mobilite"))!.Libelle.ShouldBe("Mobilité");
        autreListe.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ValeurAsync(Themes, "refus-controle"))!.Libelle.ShouldBe("Refus de contrôle (frein)");
    }

    [Fact]
    public async Task Une_liste_inconnue_repond_404()
    {
        using var client = await ConnecteAsync();

        var (reponse, _) = await client.PageAsync("/administration/listes/nouvelle?liste=liste-inventee");
        var ecriture = await client.PosterDirectementAsync("/administration/listes/nouvelle?liste=liste-inventee", Nouvelle("valeur", "Valeur d'une liste inventée"));

        reponse.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        ecriture.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ValeurAsync("liste-inventee", "valeur")).ShouldBeNull();
    }

    [Fact]
    public async Task Une_valeur_d_un_autre_departement_repond_404_et_n_est_pas_modifiee()
    {
        using var client = await ConnecteAsync();
        var mobiliteCalvados = (await ValeurAsync(Themes, "mobilite", "14"))!;

        var (lecture, _) = await client.PageAsync($"/administration/listes/{mobiliteCalvados.Id}");
        var ecriture = await client.PosterDirectementAsync($"/administration/listes/{mobiliteCalvados.Id}", Modification(mobiliteCalvados, "Mobilité annexée", actif: false));

        lecture.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        ecriture.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var apres = (await ValeurAsync(Themes, "mobilite", "14"))!;
        (apres.Libelle, apres.Actif, apres.Version).ShouldBe(("Mobilité", true, mobiliteCalvados.Version));
    }

    [Fact]
    public async Task Un_auditeur_recoit_403_et_ne_peut_rien_ajouter()
    {
        using var client = await ConnecteAsync("auditeur.cantal");

        var (liste, _) = await client.PageAsync("/administration/listes");
        var ecriture = await client.PosterDirectementAsync($"/administration/listes/nouvelle?liste={Themes}", Nouvelle("auditeur", "Valeur de l'auditeur"));

        liste.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        ecriture.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ValeurAsync(Themes, "auditeur")).ShouldBeNull();
    }
}

public sealed class ListesSqliteTests(ApplicationSqlite app) : ListesTests(app), IClassFixture<ApplicationSqlite>;

public sealed class ListesPostgresTests(ApplicationPostgres app) : ListesTests(app), IClassFixture<ApplicationPostgres>;
