using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Passerelle.Domain;
using Passerelle.Tests.Support;

namespace Passerelle.Tests.Features;

public abstract class ParametresTests(ApplicationDeTest app)
{
    private async Task<ClientPasserelle> ConnecteAsync(string identifiant = "admin.cantal")
    {
        var client = app.Factory.Client();
        await client.ConnecterAsync(identifiant);
        return client;
    }

    private async Task<List<ParametreDate>> PeriodesAsync(string cle, string departement = "15")
    {
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync(departement));
        return await db.ParametresDates.AsNoTracking().Where(p => p.Cle == cle).OrderBy(p => p.ValideDu).ToListAsync();
    }

    private static List<KeyValuePair<string, string>> Periode(
        string cle, TypeValeur? type, string valeur, string du, string au = "", bool clore = true, string source = "Délibération du conseil départemental du 12 juin 2025") =>
    [
        new("Saisie.Cle", cle),
        new("Saisie.Portee", ParametreDate.PorteeDepartement),
        new("Saisie.Type", type?.ToString() ?? ""),
        new("Saisie.Valeur", valeur),
        new("Saisie.ValideDu", du),
        new("Saisie.ValideAu", au),
        new("Saisie.Source", source),
        new("Saisie.CloreLaPeriodeEnCours", clore ? "true" : "false"),
    ];

    /// <summary>The cells of the row whose first cell is <paramref name="premiereCellule"/>, or names that key in brackets after its label.</summary>
    private static List<string> Ligne(IHtmlDocument document, string premiereCellule) =>
        document.QuerySelectorAll("tbody tr")
            .Single(l => l.Children[0].TextContent.Trim() is var texte && (texte == premiereCellule || texte.EndsWith($"({premiereCellule})", StringComparison.Ordinal)))
            .Children.Select(c => c.TextContent.Trim()).ToList();

    [Fact]
    public async Task Tout_agent_voit_la_valeur_en_vigueur_et_sa_source_mais_seul_l_administrateur_peut_ajouter()
    {
        using var referent = await ConnecteAsync("referent.cantal");
        using var administrateur = await ConnecteAsync();

        var (reponse, document) = await referent.PageAsync("/parametres");
        var pageAdministrateur = (await administrateur.PageAsync("/parametres")).Document;

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        var ligne = Ligne(document, ClesParametres.DelaiOrientation);
        ligne[0].ShouldStartWith("Délai d'orientation");
        ligne[1].ShouldBe("Tout le département");
        ligne[2].ShouldBe("6 semaines");
        ligne[3].ShouldBe("depuis le 01/01/2025, sans date de fin");
        ligne[4].ShouldContain("Loi n° 2023-1196 du 18 décembre 2023 pour le plein emploi");
        document.QuerySelector("a[href='/parametres/nouveau']").ShouldBeNull();
        pageAdministrateur.QuerySelector("a[href='/parametres/nouveau']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Une_nouvelle_periode_clot_la_periode_en_cours_la_veille_de_son_debut()
    {
        using var client = await ConnecteAsync();
        var cantal = await app.Base.DepartementAsync("15");

        var reponse = await client.PosterAsync("/parametres/nouveau", Periode(ClesParametres.DelaiContrat, TypeValeur.Mois, "2", "2025-07-01"));

        reponse.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        reponse.Headers.Location!.OriginalString.ShouldBe("/parametres/historique?cle=contrat.delai");
        var periodes = await PeriodesAsync(ClesParametres.DelaiContrat);
        periodes.Select(p => (p.ValideDu, p.ValideAu, p.Valeur)).ShouldBe(
        [
            (new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30), "1"),
            (new DateOnly(2025, 7, 1), (DateOnly?)null, "2"),
        ]);

        var historique = (await client.PageAsync(reponse.Headers.Location.OriginalString)).Document;
        historique.QuerySelector(".alerte-succes")!.TextContent.ShouldBe("La période est enregistrée : contrat.delai vaut 2 mois depuis le 01/07/2025, sans date de fin.");
        historique.QuerySelectorAll("tbody tr").Select(l => string.Join(" | ", l.Children.Select(c => c.TextContent.Trim())))
            .ShouldBe(
            [
                "01/07/2025 | sans date de fin | Tout le département | 2 mois | Délibération du conseil départemental du 12 juin 2025 | En vigueur",
                $"01/01/2025 | 30/06/2025 | Tout le département | 1 mois | {periodes[0].SourceTexte} | Close",
            ]);
        Ligne((await client.PageAsync("/parametres")).Document, ClesParametres.DelaiContrat)[2].ShouldBe("2 mois");

        await using var db = app.Base.Contexte(cantal);
        var journal = await db.JournalAcces.SingleAsync(j => j.EnregistrementId == periodes[1].Id);
        journal.Action.ShouldBe(ActionJournal.Creation);
        journal.TypeEnregistrement.ShouldBe(nameof(ParametreDate));
        var cloture = await db.HistoriqueModifications.SingleAsync(h => h.EntiteId == periodes[0].Id);
        (cloture.Champ, cloture.AncienneValeur, cloture.NouvelleValeur).ShouldBe((nameof(ParametreDate.ValideAu), null, "2025-06-30"));
    }

    [Fact]
    public async Task Une_periode_qui_chevauche_est_refusee_en_francais_et_rien_n_est_ecrit()
    {
        using var client = await ConnecteAsync();

        // Starts before the open period: closing it the day before is impossible, so the overlap stands.
        var reponse = await client.PosterAsync("/parametres/nouveau",
            Periode(ClesParametres.HeuresActivite, TypeValeur.Heures, "12", "2024-06-01", "2025-03-31"));

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ClientPasserelle.DocumentAsync(reponse)).QuerySelector(".resume-erreurs")!.TextContent.ShouldContain(
            "Cette période chevauche celle du 01/01/2025 sans date de fin (15 heures). Les périodes d'un même paramètre ne peuvent pas se chevaucher.");
        var periodes = await PeriodesAsync(ClesParametres.HeuresActivite);
        periodes.Count.ShouldBe(1);
        periodes[0].ValideAu.ShouldBeNull();
    }

    [Fact]
    public async Task Sans_cloture_demandee_la_periode_ouverte_n_est_pas_close_et_la_nouvelle_est_refusee()
    {
        using var client = await ConnecteAsync();

        var reponse = await client.PosterAsync("/parametres/nouveau",
            Periode(ClesParametres.HeuresActivite, TypeValeur.Heures, "18", "2026-01-01", clore: false));

        (await ClientPasserelle.DocumentAsync(reponse)).QuerySelector(".resume-erreurs")!.TextContent.ShouldContain("chevauche celle du 01/01/2025");
        var periodes = await PeriodesAsync(ClesParametres.HeuresActivite);
        periodes.Count.ShouldBe(1);
        periodes[0].ValideAu.ShouldBeNull();
    }

    [Fact]
    public async Task Changer_l_unite_d_un_parametre_est_refuse()
    {
        using var client = await ConnecteAsync();

        var reponse = await client.PosterAsync("/parametres/nouveau",
            Periode(ClesParametres.HeuresActivite, TypeValeur.Jours, "2", "2024-01-01", "2024-06-30"));

        (await ClientPasserelle.DocumentAsync(reponse)).QuerySelector(".resume-erreurs")!.TextContent
            .ShouldContain("Ce paramètre s'exprime en heures : gardez la même unité.");
        (await PeriodesAsync(ClesParametres.HeuresActivite)).Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("six", "", "La valeur doit être un nombre (par exemple 6 ou 12,5).")]
    [InlineData("-3", "", "La valeur ne peut pas être négative.")]
    [InlineData("4", "2025-02-28", "La fin de validité ne peut pas précéder son début.")]
    public async Task Une_saisie_incoherente_est_refusee_en_francais_et_rien_n_est_ecrit(string valeur, string au, string message)
    {
        using var client = await ConnecteAsync();

        var reponse = await client.PosterAsync("/parametres/nouveau", Periode("test.incoherent", TypeValeur.Semaines, valeur, "2025-03-01", au));

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ClientPasserelle.DocumentAsync(reponse)).QuerySelector(".resume-erreurs")!.TextContent.ShouldContain(message);
        (await PeriodesAsync("test.incoherent")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Les_champs_obligatoires_manquants_sont_signales_pres_de_chaque_champ()
    {
        using var client = await ConnecteAsync();

        var reponse = await client.PosterAsync("/parametres/nouveau", Periode("test.incomplet", null, "3", "", source: ""));

        var document = await ClientPasserelle.DocumentAsync(reponse);
        document.QuerySelector("#Saisie_Type-erreur")!.TextContent.ShouldBe("Choisissez le type de la valeur.");
        document.QuerySelector("#Saisie_ValideDu-erreur")!.TextContent.ShouldBe("Saisissez la date de début de validité.");
        document.QuerySelector("#Saisie_Source-erreur")!.TextContent.ShouldBe("Indiquez le texte qui fonde cette valeur (loi, décret, délibération).");
        document.QuerySelector<IHtmlInputElement>("#Saisie_Cle")!.Value.ShouldBe("test.incomplet");
        (await PeriodesAsync("test.incomplet")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Une_nouvelle_cle_a_venir_apparait_comme_prochaine_valeur_avec_un_taux_a_la_francaise()
    {
        using var client = await ConnecteAsync();

        var reponse = await client.PosterAsync("/parametres/nouveau", Periode("test.taux-futur", TypeValeur.Taux, "12,5", "2099-01-01"));

        reponse.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PeriodesAsync("test.taux-futur")).Single().Valeur.ShouldBe("12.5");
        var ligne = Ligne((await client.PageAsync("/parametres")).Document, "test.taux-futur");
        ligne[2].ShouldBe("Aucune valeur en vigueur");
        ligne[3].ShouldBe("Prochaine valeur (12,5 %) depuis le 01/01/2099, sans date de fin");
        Ligne((await client.PageAsync("/parametres/historique?cle=test.taux-futur")).Document, "01/01/2099")[5].ShouldBe("À venir");
    }

    [Fact]
    public async Task La_page_d_ajout_preselectionne_l_unite_d_une_cle_existante()
    {
        using var client = await ConnecteAsync();

        var document = (await client.PageAsync("/parametres/nouveau?cle=orientation.delai")).Document;

        document.QuerySelector<IHtmlInputElement>("#Saisie_Cle")!.Value.ShouldBe("orientation.delai");
        document.QuerySelector<IHtmlSelectElement>("#Saisie_Type")!.Value.ShouldBe(nameof(TypeValeur.Semaines));
    }

    [Fact]
    public async Task L_historique_d_une_cle_propre_a_un_autre_departement_repond_404()
    {
        var calvados = await app.Base.DepartementAsync("14");
        await using (var db = app.Base.Contexte(calvados))
        {
            db.ParametresDates.Add(new ParametreDate(calvados, "calvados.seulement", ParametreDate.PorteeDepartement, TypeValeur.Jours, "10",
                new DateOnly(2025, 1, 1), null, "Délibération du Calvados"));
            await db.SaveChangesAsync();
        }

        using var client = await ConnecteAsync();

        var (autre, _) = await client.PageAsync("/parametres/historique?cle=calvados.seulement");
        var (inconnue, _) = await client.PageAsync("/parametres/historique?cle=cle.inconnue");
        var liste = (await client.PageAsync("/parametres")).Document;

        autre.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        inconnue.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        liste.QuerySelector("tbody")!.TextContent.ShouldNotContain("calvados.seulement");
    }

    [Fact]
    public async Task Un_referent_recoit_403_sur_l_ajout_et_ne_peut_rien_ecrire()
    {
        using var client = await ConnecteAsync("referent.cantal");

        var (page, document) = await client.PageAsync("/parametres/nouveau");
        var ecriture = await client.PosterDirectementAsync("/parametres/nouveau", Periode("test.referent", TypeValeur.Jours, "5", "2025-01-01"));

        page.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        document.QuerySelector("h1")!.TextContent.ShouldBe("Accès refusé");
        ecriture.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await PeriodesAsync("test.referent")).ShouldBeEmpty();
    }

    [Fact]
    public async Task L_administrateur_de_la_plateforme_ne_lit_pas_les_parametres_d_un_departement()
    {
        using var client = await ConnecteAsync("admin");

        var (reponse, _) = await client.PageAsync("/parametres");

        reponse.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class ParametresSqliteTests(ApplicationSqlite app) : ParametresTests(app), IClassFixture<ApplicationSqlite>;

public sealed class ParametresPostgresTests(ApplicationPostgres app) : ParametresTests(app), IClassFixture<ApplicationPostgres>;
