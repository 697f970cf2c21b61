using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Passerelle.Domain;
using Passerelle.Infrastructure.Tenancy;
using Passerelle.Tests.Support;

namespace Passerelle.Tests.Features;

public abstract class CatalogueTests(ApplicationDeTest app)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly string[] Permis = ["mobilite--preparer-un-permis"];

    private DateOnly Aujourdhui => app.Factory.Temps.Aujourdhui(Paris);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private OffreDeTest Offre => new(app);

    private async Task<ClientPasserelle> ConnecteAsync(string identifiant = "pilotage.puydedome")
    {
        var client = app.Factory.Client();
        await client.ConnecterAsync(identifiant);
        return client;
    }

    private async Task<Guid> StructureAsync(string nom, string departement = "63")
    {
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync(departement));
        return await db.Structures.Where(s => s.Nom == nom).Select(s => s.Id).SingleAsync();
    }

    private async Task<Guid> TerritoireAsync(string nom, string departement = "63")
    {
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync(departement));
        return await db.Territoires.Where(t => t.Nom == nom).Select(t => t.Id).SingleAsync();
    }

    private async Task<ActionInsertion?> ActionAsync(Guid id, string departement = "63")
    {
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync(departement));
        return await db.Actions.AsNoTracking().Include(a => a.Territoires).SingleOrDefaultAsync(a => a.Id == id);
    }

    private async Task<ActionInsertion?> ActionNommeeAsync(string nom, string departement = "63")
    {
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync(departement));
        return await db.Actions.AsNoTracking().Include(a => a.Territoires).SingleOrDefaultAsync(a => a.Nom == nom);
    }

    private async Task<int> NombreActionsAsync()
    {
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("63"));
        return await db.Actions.CountAsync();
    }

    /// <summary>Actions of one fiche and one structure, written at once: enough to fill more than one page of the list.</summary>
    private async Task<List<Guid>> ActionsAsync(Guid ficheId, string structure, IEnumerable<string> noms, string[] thematiques, bool publiee = true)
    {
        var departementId = await app.Base.DepartementAsync("63");
        await using var db = app.Base.Contexte(departementId);
        var structureId = await db.Structures.Where(s => s.Nom == structure).Select(s => s.Id).SingleAsync();
        var ids = new List<Guid>();
        foreach (var nom in noms)
        {
            var action = new ActionInsertion(departementId, structureId, ficheId, nom, $"Présentation de {nom}.", "atelier");
            action.Decrire(nom, $"Présentation de {nom}.", "atelier", thematiques, [], ["en-presentiel"], null);
            action.Publier(publiee);
            db.Actions.Add(action);
            ids.Add(action.Id);
        }

        await db.SaveChangesAsync();
        return ids;
    }

    /// <summary>What the form of <paramref name="document"/> would post as it is: fields filled, boxes ticked, options chosen.</summary>
    private static List<KeyValuePair<string, string>> ChampsDuFormulaire(IDocument document)
    {
        var formulaire = document.QuerySelectorAll<IHtmlFormElement>("form[method=post]").Single(f => f.QuerySelector("[name='Saisie.Nom']") is not null);
        var champs = new List<KeyValuePair<string, string>>();
        foreach (var element in formulaire.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            var nom = element.GetAttribute("name")!;
            if (nom == "__RequestVerificationToken")
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement champ when champ.Type != "checkbox" || champ.IsChecked:
                    champs.Add(new(nom, champ.Value));
                    break;
                case IHtmlSelectElement liste:
                    champs.AddRange(liste.Options.Where(o => o.IsSelected).Select(o => new KeyValuePair<string, string>(nom, o.Value)));
                    break;
                case IHtmlTextAreaElement zone:
                    champs.Add(new(nom, zone.Value));
                    break;
                default:
                    break;
            }
        }

        return champs;
    }

    /// <summary>The fields with <paramref name="nom"/> replaced by <paramref name="valeurs"/> (none to remove it).</summary>
    private static List<KeyValuePair<string, string>> Remplacer(List<KeyValuePair<string, string>> champs, string nom, params string[] valeurs) =>
        [.. champs.Where(c => c.Key != nom), .. valeurs.Select(v => new KeyValuePair<string, string>(nom, v))];

    /// <summary>A complete new action: the CUCS accompaniment of the seeds, 18-25, QPV, 10 parcours a year, one entretien every 15 days.</summary>
    private async Task<List<KeyValuePair<string, string>>> CreationAsync(string nom, Guid ficheId) =>
    [
        new("Saisie.StructureId", (await StructureAsync("Association Parcours Auvergne (AISP)")).ToString()),
        new("Saisie.FicheActionId", ficheId.ToString()),
        new("Saisie.Nom", nom),
        new("Saisie.Presentation", "Accompagnement renforcé des jeunes des quartiers prioritaires vers l'emploi."),
        new("Saisie.TypeService", "accompagnement"),
        new("Saisie.Thematiques", "trouver-un-emploi--repondre-a-des-offres-demploi"),
        new("Saisie.Thematiques", "mobilite--preparer-un-permis"),
        new("Saisie.Publics", "jeunes"),
        new("Saisie.ModesAccueil", "en-presentiel"),
        new("Saisie.ConditionsAcces", "Sur prescription du référent."),
        new("Saisie.Adresse", "12 rue des Gras"),
        new("Saisie.CommuneCode", " 63113 "),
        new("Saisie.ContactNom", "Aline Mercier"),
        new("Saisie.Courriel", "cucs@parcours-auvergne.test"),
        new("Saisie.Telephone", "04 73 00 00 00"),
        new("Saisie.Debut", Iso(new DateOnly(2025, 1, 1))),
        new("Saisie.Fin", Iso(new DateOnly(2028, 12, 31))),
        new("Saisie.TerritoireIds", (await TerritoireAsync("Circonscription de Riom")).ToString()),
        new("Saisie.CommunesDesservies", "63124, 63430"),
        new("Saisie.AgeMinimum", "18"),
        new("Saisie.AgeMaximum", "25"),
        new("Saisie.Dispositifs", nameof(Dispositifs.Rsa)),
        new("Saisie.Dispositifs", nameof(Dispositifs.MissionLocale)),
        new("Saisie.ReserveeSoumisDroitsEtDevoirs", "false"),
        new("Saisie.ReserveeQpv", "true"),
        new("Saisie.ReserveeQpv", "false"),
        new("Saisie.Parcours", nameof(TypeParcours.Emploi)),
        new("Saisie.Parcours", nameof(TypeParcours.SocioProfessionnel)),
        new("Saisie.ModeCapacite", nameof(ModeCapacite.ParcoursAnnuels)),
        new("Saisie.ParcoursParAn", "10"),
        new("Saisie.CadenceEntretiensJours", "15"),
        new("Saisie.EntretiensPrevus", "24"),
        new("Saisie.DureeMois", "12"),
        new("Saisie.PlafondHeures", "385"),
        new("Saisie.StageMinimumHeures", "70"),
        new("Saisie.StageMaximumHeures", "120"),
        new("Saisie.TypesPrescripteurs", nameof(TypeStructure.FranceTravail)),
        new("Saisie.TypesPrescripteurs", nameof(TypeStructure.MissionLocale)),
        new("Saisie.Publiee", "true"),
        new("Saisie.Publiee", "false"),
        new("Saisie.Version", "0"),
    ];

    [Fact]
    public async Task Le_charge_de_mission_cree_une_action_par_le_formulaire_et_la_relit_en_clair()
    {
        using var client = await ConnecteAsync();
        var ficheId = await Offre.FicheAsync(numero: "5.2");

        var formulaire = (await client.PageAsync($"/actions/nouvelle?ficheId={ficheId}")).Document;
        var reponse = await client.PosterAsync("/actions/nouvelle", await CreationAsync("Accompagnement CUCS des 18-25 ans", ficheId));
        var aisp = await StructureAsync("Association Parcours Auvergne (AISP)");

        formulaire.QuerySelector<IHtmlSelectElement>("#Saisie_FicheActionId")!.Value.ShouldBe(ficheId.ToString());
        formulaire.QuerySelectorAll("#Saisie_Thematiques details summary").Select(s => s.TextContent.Trim()).ShouldContain("Mobilité");
        reponse.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await ClientPasserelle.DocumentAsync(reponse)).QuerySelector(".resume-erreurs")?.TextContent);
        var action = (await ActionNommeeAsync("Accompagnement CUCS des 18-25 ans"))!;
        reponse.Headers.Location!.OriginalString.ShouldBe($"/actions/{action.Id}");
        action.ShouldSatisfyAllConditions(
            a => a.StructureId.ShouldBe(aisp),
            a => a.FicheActionId.ShouldBe(ficheId),
            a => a.CodesThematiques.ShouldBe(["trouver-un-emploi--repondre-a-des-offres-demploi", "mobilite--preparer-un-permis"]),
            a => a.CommuneCode.ShouldBe("63113"),
            a => a.CodesCommunesDesservies.ShouldBe(["63124", "63430"]),
            a => a.Territoires.Count.ShouldBe(1),
            a => a.DispositifsAcceptes.ShouldBe(Dispositifs.Rsa | Dispositifs.MissionLocale),
            a => a.ReserveeQpv.ShouldBeTrue(),
            a => a.ReserveeSoumisDroitsEtDevoirs.ShouldBeFalse(),
            a => a.ListeParcoursAcceptes.ShouldBe([TypeParcours.Emploi, TypeParcours.SocioProfessionnel]),
            a => a.ModeCapacite.ShouldBe(ModeCapacite.ParcoursAnnuels),
            a => a.ParcoursParAn.ShouldBe(10),
            a => a.StageMaximumHeures.ShouldBe(120),
            a => a.ListeTypesPrescripteurs.ShouldBe([TypeStructure.FranceTravail, TypeStructure.MissionLocale]),
            a => a.Publiee.ShouldBeTrue(),
            a => a.MiseAJour.ShouldBe(Aujourdhui));

        var page = (await client.PageAsync($"/actions/{action.Id}")).Document;
        var texte = page.QuerySelector("main")!.TextContent;
        page.QuerySelector(".alerte-succes")!.TextContent.ShouldContain("L'action « Accompagnement CUCS des 18-25 ans » est créée.");
        texte.ShouldContain("Association Parcours Auvergne (AISP)");
        texte.ShouldContain("5.2 Fiche-action de test");
        texte.ShouldContain("Mobilité — Préparer un permis");
        texte.ShouldContain("Personnes de 18 à 25 ans.");
        texte.ShouldContain("Personnes suivies au titre de : RSA, Mission locale.");
        texte.ShouldContain("Réservée aux habitants d'un quartier prioritaire de la politique de la ville.");
        texte.ShouldContain("Personnes orientées en parcours emploi ou socio-professionnel.");
        texte.ShouldContain("Territoire : Circonscription de Riom");
        texte.ShouldContain("Clermont-Ferrand (63113)");
        texte.ShouldContain($"10 parcours par an ; 0 pris en {Aujourdhui.Year}, 10 disponibles.");
        texte.ShouldContain("Un entretien tous les 15 jours.");
        texte.ShouldContain("Durée : 12 mois.");
        texte.ShouldContain("385 heures au plus par personne.");
        texte.ShouldContain("Dont un stage de 70 à 120 heures.");
        texte.ShouldContain("habilités à la prescrire : France Travail, Mission locale.");
        texte.ShouldContain("Du 01/01/2025 au 31/12/2028.");

        await using var db = app.Base.Contexte(action.DepartementId);
        var journal = await db.JournalAcces.SingleAsync(j => j.EnregistrementId == action.Id);
        journal.Action.ShouldBe(ActionJournal.Creation);
        journal.TypeEnregistrement.ShouldBe(nameof(ActionInsertion));
    }

    [Theory]
    [InlineData("thematique", "Code inconnu dans la liste des thématiques de data·inclusion : thematique-inventee.")]
    [InlineData("ages", "L'âge minimum ne dépasse pas l'âge maximum.")]
    [InlineData("stage", "Le stage fait partie des heures de l'action : il ne dépasse pas le plafond.")]
    [InlineData("nom", "Le nom de l'action est obligatoire.")]
    [InlineData("commune", "Le code 15014 ne correspond à aucune commune de votre département.")]
    public async Task Une_saisie_invalide_est_refusee_en_francais_et_rien_n_est_ecrit(string cas, string message)
    {
        using var client = await ConnecteAsync();
        var ficheId = await Offre.FicheAsync();
        var nom = $"Action refusée ({cas})";
        var champs = await CreationAsync(nom, ficheId);
        champs = cas switch
        {
            "thematique" => Remplacer(champs, "Saisie.Thematiques", "mobilite--preparer-un-permis", "thematique-inventee"),
            "ages" => Remplacer(champs, "Saisie.AgeMinimum", "30"),
            "stage" => Remplacer(champs, "Saisie.StageMaximumHeures", "400"),
            "nom" => Remplacer(champs, "Saisie.Nom", "  "),
            _ => Remplacer(champs, "Saisie.CommuneCode", "15014"),
        };
        var avant = await NombreActionsAsync();

        var reponse = await client.PosterAsync("/actions/nouvelle", champs);

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = await ClientPasserelle.DocumentAsync(reponse);
        document.QuerySelector(".resume-erreurs")!.TextContent.ShouldContain(message);
        (await NombreActionsAsync()).ShouldBe(avant);
        // The form comes back as typed.
        document.QuerySelector<IHtmlInputElement>("#Saisie_Adresse")!.Value.ShouldBe("12 rue des Gras");
        document.QuerySelector<IHtmlInputElement>("#thematique-mobilite--preparer-un-permis")!.IsChecked.ShouldBeTrue();
    }

    [Fact]
    public async Task Toutes_les_erreurs_des_regles_sont_montrees_ensemble_pres_de_leur_champ()
    {
        using var client = await ConnecteAsync();
        var champs = Remplacer(Remplacer(await CreationAsync("Action aux deux erreurs", await Offre.FicheAsync()), "Saisie.AgeMinimum", "30"), "Saisie.StageMaximumHeures", "400");

        var document = await ClientPasserelle.DocumentAsync(await client.PosterAsync("/actions/nouvelle", champs));

        document.QuerySelectorAll(".resume-erreurs li").Length.ShouldBe(2);
        document.QuerySelector("#Saisie_AgeMinimum-erreur")!.TextContent.ShouldContain("L'âge minimum ne dépasse pas l'âge maximum.");
        document.QuerySelector("#Saisie_PlafondHeures-erreur")!.TextContent.ShouldContain("il ne dépasse pas le plafond");
        (await ActionNommeeAsync("Action aux deux erreurs")).ShouldBeNull();
    }

    [Fact]
    public async Task Une_fiche_action_ou_un_territoire_d_un_autre_departement_est_refuse()
    {
        using var client = await ConnecteAsync();
        var ficheCantal = await Offre.FicheAsync("15");
        var champs = Remplacer(await CreationAsync("Action sur une fiche du Cantal", ficheCantal), "Saisie.TerritoireIds", (await TerritoireAsync("Aurillac", "15")).ToString());

        var document = await ClientPasserelle.DocumentAsync(await client.PosterAsync("/actions/nouvelle", champs));

        document.QuerySelector("#Saisie_FicheActionId-erreur")!.TextContent.ShouldContain("Choisissez une fiche-action d'un programme de votre département.");
        document.QuerySelector("#Saisie_TerritoireIds-erreur")!.TextContent.ShouldContain("Choisissez des territoires de votre département.");
        (await ActionNommeeAsync("Action sur une fiche du Cantal")).ShouldBeNull();
    }

    [Fact]
    public async Task La_liste_filtre_trie_et_pagine_dans_la_base()
    {
        using var client = await ConnecteAsync("referent.puydedome");
        var ficheId = await Offre.FicheAsync(numero: "8.4");
        await ActionsAsync(ficheId, "Plateforme mobilité du Puy-de-Dôme", Enumerable.Range(1, 27).Select(i => $"Atelier paginé {i:00}"), Permis);
        await ActionsAsync(ficheId, "Association Parcours Auvergne (AISP)", ["Initiation numérique en retrait"], ["numerique--maitriser-les-fondamentaux-du-numerique"], publiee: false);
        var aisp = await StructureAsync("Association Parcours Auvergne (AISP)");

        var premiere = (await client.PageAsync($"/actions?FicheId={ficheId}")).Document;
        var seconde = (await client.PageAsync($"/actions?FicheId={ficheId}&p=2")).Document;
        var inverse = (await client.PageAsync($"/actions?FicheId={ficheId}&Desc=true")).Document;
        var texte = (await client.PageAsync("/actions?Recherche=PAGINÉ 05")).Document;
        var structure = (await client.PageAsync($"/actions?FicheId={ficheId}&StructureId={aisp}")).Document;
        var categorie = (await client.PageAsync($"/actions?FicheId={ficheId}&Thematique=numerique")).Document;
        var thematique = (await client.PageAsync($"/actions?FicheId={ficheId}&Thematique=mobilite--preparer-un-permis")).Document;
        var nonPubliees = (await client.PageAsync($"/actions?FicheId={ficheId}&Publication=non-publiees")).Document;
        var aucune = (await client.PageAsync($"/actions?FicheId={ficheId}&Recherche=introuvable")).Document;

        static List<string> Noms(IDocument d) => d.QuerySelectorAll("tbody tr th").Select(t => t.TextContent.Trim()).ToList();
        premiere.QuerySelector("caption")!.TextContent.ShouldContain("Actions (28)");
        Noms(premiere).Count.ShouldBe(25);
        Noms(premiere)[0].ShouldBe("Atelier paginé 01");
        premiere.QuerySelector(".pagination")!.TextContent.ShouldContain("1 à 25 sur 28");
        Noms(seconde).ShouldBe(["Atelier paginé 26", "Atelier paginé 27", "Initiation numérique en retrait"]);
        Noms(inverse)[0].ShouldBe("Initiation numérique en retrait");
        Noms(texte).ShouldBe(["Atelier paginé 05"]);
        Noms(structure).ShouldBe(["Initiation numérique en retrait"]);
        Noms(categorie).ShouldBe(["Initiation numérique en retrait"]);
        thematique.QuerySelector("caption")!.TextContent.ShouldContain("Actions (27)");
        Noms(nonPubliees).ShouldBe(["Initiation numérique en retrait"]);
        aucune.QuerySelector(".vide")!.TextContent.ShouldContain("Aucune action ne correspond");

        var ligne = texte.QuerySelector("tbody tr")!.TextContent;
        ligne.ShouldContain("Plateforme mobilité du Puy-de-Dôme");
        ligne.ShouldContain("8.4 Fiche-action de test");
        ligne.ShouldContain("Atelier");
        ligne.ShouldContain("Mobilité — Préparer un permis");
        ligne.ShouldContain("Publiée");
        structure.QuerySelector("tbody tr")!.TextContent.ShouldContain("Non publiée");
        premiere.QuerySelector("a[href='/actions/nouvelle']").ShouldBeNull();
    }

    [Fact]
    public async Task Un_referent_recoit_403_sur_les_ecritures_et_rien_n_est_ecrit()
    {
        using var client = await ConnecteAsync("referent.puydedome");
        var actionId = await Offre.ActionAsync("Action lue par le référent", thematiques: Permis);
        var avant = await ActionAsync(actionId);

        var (creation, _) = await client.PageAsync("/actions/nouvelle");
        var (modification, _) = await client.PageAsync($"/actions/{actionId}/modifier");
        var ecriture = await client.PosterDirectementAsync("/actions/nouvelle", await CreationAsync("Action du référent", await Offre.FicheAsync()));
        var retrait = await client.PosterDirectementAsync($"/actions/{actionId}?handler=Publication",
            [new("version", avant!.Version.ToString(CultureInfo.InvariantCulture)), new("publier", "false"), new("confirmation", "true")]);
        var (lecture, page) = await client.PageAsync($"/actions/{actionId}");

        creation.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        modification.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        ecriture.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        retrait.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        lecture.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("form[action*='handler=Publication']").ShouldBeNull();
        page.QuerySelector($"a[href='/actions/{actionId}/modifier']").ShouldBeNull();
        (await ActionNommeeAsync("Action du référent")).ShouldBeNull();
        (await ActionAsync(actionId))!.ShouldSatisfyAllConditions(a => a.Publiee.ShouldBeTrue(), a => a.Version.ShouldBe(avant.Version));
    }

    [Fact]
    public async Task L_action_d_un_autre_departement_repond_404()
    {
        using var client = await ConnecteAsync();
        var cantal = await Offre.ActionAsync("Chantier d'insertion des Jardins", "operateur.cantal", "15", thematiques: Permis);
        var avant = await ActionAsync(cantal, "15");

        var (lecture, _) = await client.PageAsync($"/actions/{cantal}");
        var (modification, _) = await client.PageAsync($"/actions/{cantal}/modifier");
        var ecriture = await client.PosterDirectementAsync($"/actions/{cantal}/modifier", await CreationAsync("Chantier détourné", await Offre.FicheAsync()));
        var retrait = await client.PosterDirectementAsync($"/actions/{cantal}?handler=Publication",
            [new("version", avant!.Version.ToString(CultureInfo.InvariantCulture)), new("publier", "false"), new("confirmation", "true")]);
        var liste = (await client.PageAsync("/actions?Recherche=Jardins")).Document;

        lecture.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        modification.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        ecriture.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        retrait.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        liste.QuerySelector(".vide").ShouldNotBeNull();
        (await ActionAsync(cantal, "15"))!.ShouldSatisfyAllConditions(a => a.Nom.ShouldBe("Chantier d'insertion des Jardins"), a => a.Publiee.ShouldBeTrue());
    }

    [Fact]
    public async Task Un_formulaire_perime_affiche_le_conflit_et_n_ecrase_rien()
    {
        using var client = await ConnecteAsync();
        var actionId = await Offre.ActionAsync("Ateliers de remobilisation", "operateur.mobilite", thematiques: Permis);
        var champs = ChampsDuFormulaire((await client.PageAsync($"/actions/{actionId}/modifier")).Document);

        var premiere = await client.PosterAsync($"/actions/{actionId}/modifier", Remplacer(champs, "Saisie.Nom", "Ateliers de remobilisation (210 h)"));
        var perimee = await client.PosterAsync($"/actions/{actionId}/modifier", Remplacer(champs, "Saisie.Nom", "Ateliers de remobilisation collectifs"));

        premiere.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await ClientPasserelle.DocumentAsync(premiere)).QuerySelector(".resume-erreurs")?.TextContent);
        perimee.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = await ClientPasserelle.DocumentAsync(perimee);
        document.QuerySelector(".resume-erreurs")!.TextContent.ShouldContain("Cette fiche a été modifiée entre-temps par Nathalie Pourrat");
        document.QuerySelector<IHtmlInputElement>("#Saisie_Nom")!.Value.ShouldBe("Ateliers de remobilisation (210 h)");
        var action = (await ActionAsync(actionId))!;
        action.Nom.ShouldBe("Ateliers de remobilisation (210 h)");
        action.CodesThematiques.ShouldBe(Permis);
        action.MiseAJour.ShouldBe(Aujourdhui);
    }

    [Fact]
    public async Task Les_sessions_s_ajoutent_et_se_modifient_avec_leurs_places_prises()
    {
        using var client = await ConnecteAsync();
        var actionId = await Offre.ActionAsync("Pré-qualification aux métiers du bâtiment", thematiques: Permis,
            regler: a => a.DefinirCapaciteEtRythme(ModeCapacite.Sessions, null, null, null, 6));
        var url = $"/actions/{actionId}";
        var debut = Aujourdhui.AddDays(10);

        var ajout = await client.PosterAsync(url,
            [new("Nouvelle.Libelle", "Session de printemps"), new("Nouvelle.Debut", Iso(debut)), new("Nouvelle.Fin", Iso(debut.AddMonths(3))), new("Nouvelle.Places", "12")],
            $"{url}?handler=AjouterSession");
        var inversee = await client.PosterAsync(url,
            [new("Nouvelle.Libelle", "Session à l'envers"), new("Nouvelle.Debut", Iso(debut)), new("Nouvelle.Fin", Iso(debut.AddDays(-1))), new("Nouvelle.Places", "12")],
            $"{url}?handler=AjouterSession");

        ajout.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await ClientPasserelle.DocumentAsync(ajout)).QuerySelector(".resume-erreurs")?.TextContent);
        var refus = await ClientPasserelle.DocumentAsync(inversee);
        refus.QuerySelector(".resume-erreurs")!.TextContent.ShouldContain("La fin de la session suit son début.");
        refus.QuerySelector<IHtmlInputElement>("#Nouvelle_Libelle")!.Value.ShouldBe("Session à l'envers");

        var departementId = await app.Base.DepartementAsync("63");
        SessionAction session;
        await using (var db = app.Base.Contexte(departementId))
        {
            session = await db.SessionsActions.AsNoTracking().SingleAsync(s => s.ActionId == actionId);
        }

        session.ShouldSatisfyAllConditions(s => s.Libelle.ShouldBe("Session de printemps"), s => s.Places.ShouldBe(12), s => s.Debut.ShouldBe(debut));
        var personne = await new PersonnesDeTest(app).CreerAsync("Garnier", "Inès", new DateOnly(1990, 3, 2), "referent.puydedome", "63");
        await Offre.PrescriptionAsync(personne, actionId, Aujourdhui, suite: (p, _, operateur) => p.Accepter(Aujourdhui, operateur, session.Id, null));

        var page = (await client.PageAsync(url)).Document;
        var ligne = page.QuerySelectorAll("#sessions tbody tr").Single();
        ligne.Children.Select(c => c.TextContent.Trim()).ShouldBe(["Session de printemps", $"Du {debut:dd/MM/yyyy} au {debut.AddMonths(3):dd/MM/yyyy}", "12", "1", "11"]);

        var modifier = $"{url}?handler=ModifierSession&sessionId={session.Id}";
        var version = session.Version.ToString(CultureInfo.InvariantCulture);
        var tropPeu = await client.PosterAsync(url,
            [new("Session.Libelle", "Session de printemps"), new("Session.Debut", Iso(debut)), new("Session.Fin", Iso(debut.AddMonths(3))), new("Session.Places", "0"), new("Session.Version", version)],
            modifier);
        var modification = await client.PosterAsync(url,
            [new("Session.Libelle", "Session de printemps (complétée)"), new("Session.Debut", Iso(debut)), new("Session.Fin", Iso(debut.AddMonths(4))), new("Session.Places", "15"), new("Session.Version", version)],
            modifier);

        var refusModification = await ClientPasserelle.DocumentAsync(tropPeu);
        refusModification.QuerySelector(".resume-erreurs")!.TextContent.ShouldContain("1 personne a déjà une place dans cette session");
        refusModification.QuerySelector("details[open]")!.TextContent.ShouldContain("1 personne a déjà une place dans cette session");
        modification.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await ClientPasserelle.DocumentAsync(modification)).QuerySelector(".resume-erreurs")?.TextContent);
        await using (var db = app.Base.Contexte(departementId))
        {
            var modifiee = await db.SessionsActions.AsNoTracking().SingleAsync(s => s.Id == session.Id);
            modifiee.ShouldSatisfyAllConditions(s => s.Libelle.ShouldBe("Session de printemps (complétée)"), s => s.Places.ShouldBe(15), s => s.Fin.ShouldBe(debut.AddMonths(4)));
            (await db.SessionsActions.CountAsync(s => s.ActionId == actionId)).ShouldBe(1);
            (await db.JournalAcces.CountAsync(j => j.EnregistrementId == session.Id && j.TypeEnregistrement == nameof(SessionAction))).ShouldBe(2);
        }
    }

    [Fact]
    public async Task Une_session_ne_s_ajoute_qu_a_une_action_comptee_par_sessions()
    {
        using var client = await ConnecteAsync();
        var actionId = await Offre.ActionAsync("Aide au permis", thematiques: Permis);
        var url = $"/actions/{actionId}";
        var debut = Aujourdhui.AddDays(10);

        var page = (await client.PageAsync(url)).Document;
        var reponse = await client.PosterAsync(url,
            [new("Nouvelle.Libelle", "Session imprévue"), new("Nouvelle.Debut", Iso(debut)), new("Nouvelle.Fin", Iso(debut.AddMonths(1))), new("Nouvelle.Places", "8")],
            $"{url}?handler=AjouterSession");

        page.QuerySelector("form[action*='handler=AjouterSession']").ShouldBeNull();
        page.QuerySelector("#sessions")!.TextContent.ShouldContain("Sans limite de places.");
        (await ClientPasserelle.DocumentAsync(reponse)).QuerySelector(".resume-erreurs")!.TextContent.ShouldContain("ne compte pas ses places par sessions");
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("63"));
        (await db.SessionsActions.AnyAsync(s => s.ActionId == actionId)).ShouldBeFalse();
    }

    [Fact]
    public async Task Le_retrait_demande_une_confirmation_puis_ferme_l_action()
    {
        using var client = await ConnecteAsync();
        var actionId = await Offre.ActionAsync("Location de véhicules", thematiques: ["mobilite--acceder-a-un-vehicule"]);
        var url = $"/actions/{actionId}";
        var version = (await ActionAsync(actionId))!.Version.ToString(CultureInfo.InvariantCulture);

        var sansConfirmation = await client.PosterAsync(url, [new("version", version), new("publier", "false")], $"{url}?handler=Publication");
        var pasEncoreRetiree = (await ActionAsync(actionId))!.Publiee;
        var retrait = await client.PosterAsync(url, [new("version", version), new("publier", "false"), new("confirmation", "true")], $"{url}?handler=Publication");

        (await ClientPasserelle.DocumentAsync(sansConfirmation)).QuerySelector("#confirmation-erreur")!.TextContent.ShouldContain("Cochez la case pour confirmer le retrait");
        pasEncoreRetiree.ShouldBeTrue();
        retrait.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var action = (await ActionAsync(actionId))!;
        action.Publiee.ShouldBeFalse();
        action.MiseAJour.ShouldBe(Aujourdhui);
        var page = (await client.PageAsync(url)).Document;
        page.QuerySelector("h1 .badge")!.TextContent.ShouldBe("Non publiée");
        page.QuerySelector("form[action*='handler=Publication'] button")!.TextContent.ShouldBe("Publier l'action");
        await using var db = app.Base.Contexte(action.DepartementId);
        (await db.JournalAcces.CountAsync(j => j.EnregistrementId == actionId && j.Action == ActionJournal.Modification)).ShouldBe(1);
    }

    [Fact]
    public async Task Le_programme_montre_ses_axes_et_fiches_avec_le_nombre_d_actions()
    {
        using var client = await ConnecteAsync("referent.puydedome");
        var ficheId = await Offre.FicheAsync(numero: "7.3");
        await ActionsAsync(ficheId, "Plateforme mobilité du Puy-de-Dôme", ["Diagnostic mobilité", "Accueil et orientation mobilité"], Permis);
        var vide = await Offre.FicheAsync(numero: "7.4");
        var ficheCantal = await Offre.FicheAsync("15", "7.5");
        var programme = await IntituleAsync("63", ficheId);
        var programmeCantal = await IntituleAsync("15", ficheCantal);

        var page = (await client.PageAsync("/programme")).Document;
        var section = page.QuerySelectorAll("section").Single(s => s.QuerySelector("h2")?.TextContent == programme);
        var actions = (await client.PageAsync($"/actions?FicheId={ficheId}")).Document;

        section.TextContent.ShouldContain("Programme départemental d'insertion (PDI), du 01/01/2025 au 31/12/2028.");
        section.QuerySelector("h3")!.TextContent.ShouldBe("Axe 9 — Axe de test");
        var ligne = section.QuerySelectorAll("tbody tr").Single(l => l.QuerySelector("th")!.TextContent == "7.3");
        ligne.TextContent.ShouldContain("Fiche-action de test");
        ligne.QuerySelector("a")!.GetAttribute("href").ShouldBe($"/actions?FicheId={ficheId}");
        ligne.QuerySelector("a")!.TextContent.ShouldStartWith("2 actions");
        page.QuerySelectorAll("h2").Select(h => h.TextContent).ShouldNotContain(programmeCantal);
        actions.QuerySelectorAll("tbody tr th").Select(t => t.TextContent.Trim()).ShouldBe(["Accueil et orientation mobilité", "Diagnostic mobilité"]);
        actions.QuerySelector(".page-entete")!.TextContent.ShouldContain("7.3 Fiche-action de test");
        var programmeVide = await IntituleAsync("63", vide);
        var sectionVide = page.QuerySelectorAll("section").Single(s => s.QuerySelector("h2")?.TextContent == programmeVide);
        sectionVide.QuerySelector("tbody tr")!.TextContent.ShouldContain("Aucune action");
    }

    private async Task<string> IntituleAsync(string departement, Guid ficheId)
    {
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync(departement));
        return await (from f in db.FichesActions
                      join a in db.Axes on f.AxeId equals a.Id
                      join p in db.Programmes on a.ProgrammeId equals p.Id
                      where f.Id == ficheId
                      select p.Intitule).SingleAsync();
    }

    [Fact]
    public async Task La_navigation_mene_au_programme_et_au_catalogue()
    {
        using var referent = await ConnecteAsync("referent.puydedome");
        using var pilotage = await ConnecteAsync();

        var liensReferent = (await referent.PageAsync("/")).Document.QuerySelectorAll("nav.navigation a").Select(a => a.GetAttribute("href")).ToList();
        var liensPilotage = (await pilotage.PageAsync("/")).Document.QuerySelectorAll("nav.navigation a").Select(a => a.GetAttribute("href")).ToList();

        liensReferent.ShouldContain("/actions");
        liensPilotage.ShouldContain("/actions");
        liensPilotage.ShouldContain("/programme");
    }
}

public sealed class CatalogueSqliteTests(ApplicationSqlite app) : CatalogueTests(app), IClassFixture<ApplicationSqlite>;

public sealed class CataloguePostgresTests(ApplicationPostgres app) : CatalogueTests(app), IClassFixture<ApplicationPostgres>;
