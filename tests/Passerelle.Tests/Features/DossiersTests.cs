using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Passerelle.Domain;
using Passerelle.Features.Beneficiaires;
using Passerelle.Features.Shared;
using Passerelle.Tests.Support;

namespace Passerelle.Tests.Features;

public abstract class DossiersTests(ApplicationDeTest app)
{
    private readonly PersonnesDeTest _personnes = new(app);

    private async Task<ClientPasserelle> ConnecteAsync(string identifiant = "referent.cantal")
    {
        var client = app.Factory.Client();
        await client.ConnecterAsync(identifiant);
        return client;
    }

    private static List<KeyValuePair<string, string>> Recherche(string nom = "", string date = "", string matricule = "", string nir = "") =>
    [
        new("Criteres.Nom", nom), new("Criteres.DateNaissance", date), new("Criteres.Matricule", matricule), new("Criteres.Nir", nir),
    ];

    private static async Task<List<string>> NomsTrouvesAsync(HttpResponseMessage reponse)
    {
        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = await ClientPasserelle.DocumentAsync(reponse);
        return document.QuerySelectorAll("table.tableau tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();
    }

    private static List<KeyValuePair<string, string>> Creation(
        string nom, string prenoms, string date, string? nomUsage = null, string nir = "", bool confirme = false, string sexe = "Femme") =>
    [
        new("Saisie.NomNaissance", nom), new("Saisie.NomUsage", nomUsage ?? ""), new("Saisie.Prenoms", prenoms),
        new("Saisie.DateNaissance", date), new("Saisie.Sexe", sexe), new("Saisie.Dispositifs", "Rsa"), new("Saisie.Nir", nir),
        new("Saisie.CommuneCode", "15014"), new("OrganismePayeur", ""), new("Matricule", ""),
        .. confirme ? new[] { new KeyValuePair<string, string>("ConfirmeAutrePersonne", "true") } : [],
    ];

    private async Task<int> CompterAsync(string prenoms)
    {
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        return await db.Beneficiaires.CountAsync(b => b.Prenoms == prenoms);
    }

    private async Task<List<JournalAcces>> JournalAsync(Guid id)
    {
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        return await db.JournalAcces.Where(j => j.EnregistrementId == id).ToListAsync();
    }

    [Fact]
    public async Task Une_recherche_trop_large_liste_les_deux_cents_premieres_personnes_et_demande_de_la_preciser()
    {
        var cantal = await app.Base.DepartementAsync("15");
        await using (var db = app.Base.Contexte(cantal))
        {
            for (var i = 0; i < IndexModel.MaximumRecherche + 5; i++)
            {
                db.Beneficiaires.Add(new Beneficiaire(cantal, "Surnombre", null, $"Camille {i:000}", new DateOnly(1970, 1, 1).AddDays(i), Sexe.Femme, Dispositifs.Rsa));
            }

            await db.SaveChangesAsync();
        }

        using var client = await ConnecteAsync("orientation.cantal");
        var large = await ClientPasserelle.DocumentAsync(await client.PosterAsync("/beneficiaires", Recherche("surnombre")));
        var precise = await ClientPasserelle.DocumentAsync(await client.PosterAsync("/beneficiaires", Recherche("surnombre", date: "1970-01-11")));

        large.QuerySelector("caption")!.TextContent.ShouldContain("(plus de 200)");
        large.QuerySelector(".alerte")!.TextContent.ShouldContain("Plus de 200 personnes correspondent à cette recherche");
        large.QuerySelectorAll("table.tableau tbody tr").Length.ShouldBe(Pagination.TailleParDefaut);
        large.QuerySelector("form.pagination p")!.TextContent.ShouldBe("1 à 25 sur 200");
        precise.QuerySelectorAll("table.tableau tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ShouldBe(["SURNOMBRE Camille 010"]);
        precise.QuerySelector(".alerte").ShouldBeNull();
    }

    [Fact]
    public async Task Un_nom_accentue_se_trouve_tape_sans_accents_en_capitales_ou_par_un_morceau()
    {
        await _personnes.CreerAsync("Martin-Dupré", "Élodie", new DateOnly(1987, 3, 14));
        using var client = await ConnecteAsync();

        (await NomsTrouvesAsync(await client.PosterAsync("/beneficiaires", Recherche("elodie martin dupre")))).ShouldContain(n => n.Contains("Élodie", StringComparison.Ordinal));
        (await NomsTrouvesAsync(await client.PosterAsync("/beneficiaires", Recherche("MARTIN DUPRE")))).ShouldContain(n => n.Contains("MARTIN-DUPRÉ", StringComparison.Ordinal));
        (await NomsTrouvesAsync(await client.PosterAsync("/beneficiaires", Recherche("tindup")))).ShouldContain(n => n.Contains("Élodie", StringComparison.Ordinal));
        (await NomsTrouvesAsync(await client.PosterAsync("/beneficiaires", Recherche("Martin Dupré Zoé")))).ShouldBeEmpty();
    }

    [Fact]
    public async Task Une_recherche_trop_courte_est_refusee_avec_un_message_et_sans_resultat()
    {
        using var client = await ConnecteAsync();

        var reponse = await client.PosterAsync("/beneficiaires", Recherche("é-m"));

        var document = await ClientPasserelle.DocumentAsync(reponse);
        document.QuerySelector(".resume-erreurs")!.TextContent.ShouldContain("au moins 3 lettres");
        document.QuerySelector("table.tableau").ShouldBeNull();
    }

    [Fact]
    public async Task Le_NIR_tape_avec_des_espaces_le_matricule_et_la_date_de_naissance_trouvent_la_personne()
    {
        var nir = PersonnesDeTest.NirValide(1979, 401);
        await _personnes.CreerAsync("Lachaud", "Bérénice", new DateOnly(1979, 6, 2), nir: nir, matricule: "4401234");
        using var client = await ConnecteAsync();
        var espace = string.Join(' ', nir[..1], nir[1..3], nir[3..5], nir[5..7], nir[7..10], nir[10..13], nir[13..]);

        (await NomsTrouvesAsync(await client.PosterAsync("/beneficiaires", Recherche(nir: espace)))).ShouldBe(["LACHAUD Bérénice"]);
        (await NomsTrouvesAsync(await client.PosterAsync("/beneficiaires", Recherche(matricule: " 4401234 ")))).ShouldBe(["LACHAUD Bérénice"]);
        (await NomsTrouvesAsync(await client.PosterAsync("/beneficiaires", Recherche(date: "1979-06-02")))).ShouldContain("LACHAUD Bérénice");
        var mauvaiseCle = await ClientPasserelle.DocumentAsync(await client.PosterAsync("/beneficiaires", Recherche(nir: nir[..13] + "00")));
        mauvaiseCle.QuerySelector(".resume-erreurs")!.TextContent.ShouldContain("clé du NIR");
    }

    [Fact]
    public async Task La_recherche_ne_sort_pas_du_perimetre_de_l_agent()
    {
        await _personnes.CreerAsync("Vermenouze", "Aurélie", new DateOnly(1990, 1, 1), referent: "referent.mauriac");
        await _personnes.CreerAsync("Vermenouze", "Aurélie", new DateOnly(1990, 1, 1), referent: "referent.puydedome", departement: "63");
        using var client = await ConnecteAsync();

        (await NomsTrouvesAsync(await client.PosterAsync("/beneficiaires", Recherche("vermenouze")))).ShouldBeEmpty();
        using var orientation = await ConnecteAsync("orientation.cantal");
        (await NomsTrouvesAsync(await orientation.PosterAsync("/beneficiaires", Recherche("vermenouze")))).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Le_portefeuille_du_referent_est_pagine_et_trie_par_nom()
    {
        using var client = await ConnecteAsync("referent.plie");
        var (_, avant) = await client.PageAsync("/beneficiaires");
        var totalAvant = int.Parse(avant.QuerySelector("caption")?.TextContent.Split('(', ')')[1] ?? "0", CultureInfo.InvariantCulture);
        for (var i = 0; i < 26; i++)
        {
            await _personnes.CreerAsync($"Aaa{(char)('a' + i)}", "Test", new DateOnly(1980, 1, 1).AddDays(i), referent: "referent.plie");
        }

        await _personnes.CreerAsync("Zzzz", "Test", new DateOnly(1980, 1, 1), referent: "referent.plie");
        var total = totalAvant + 27;

        var (page1, document1) = await client.PageAsync("/beneficiaires");
        var derniere = (total + 24) / 25;
        var (_, documentFin) = await client.PageAsync($"/beneficiaires?p={derniere}");

        page1.StatusCode.ShouldBe(HttpStatusCode.OK);
        var noms1 = document1.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();
        noms1.Count.ShouldBe(25);
        noms1[..3].ShouldBe(["AAAA Test", "AAAB Test", "AAAC Test"]);
        document1.QuerySelector("caption")!.TextContent.ShouldContain($"Mon portefeuille ({total})");
        documentFin.QuerySelectorAll("tbody tr").Length.ShouldBe(total - ((derniere - 1) * 25));
        // "Page suivante" carries the last person's id, never a name, and lands on the same rows as page 2.
        var suivante = document1.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        suivante.ShouldContain("apres=");
        suivante.ShouldNotContain("AAA", Case.Insensitive);
        var (_, document2) = await client.PageAsync(suivante);
        var (_, page2) = await client.PageAsync("/beneficiaires?p=2");
        var noms2 = document2.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();
        noms2.ShouldNotBeEmpty();
        noms2.ShouldBe(page2.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList());
        noms2.ShouldNotContain(noms1[^1]);
        var (_, inverse) = await client.PageAsync("/beneficiaires?Tri=nom&Desc=true");
        inverse.QuerySelector("tbody tr td:first-child a")!.TextContent.Trim().ShouldBe("ZZZZ Test");
    }

    [Fact]
    public async Task Le_dossier_s_ouvre_pour_son_referent_avec_sa_chronologie_et_l_ouverture_est_journalisee()
    {
        var id = await _personnes.CreerAsync("Fontanges", "Mélissa", new DateOnly(1992, 9, 30));
        using var client = await ConnecteAsync();
        await client.PosterAsync($"/beneficiaires/{id}/droits",
        [
            new("DateEffet", "2025-02-01"), new("Etat", "Ouvert"), new("OrganismePayeur", "Caf"),
            new("SoumisDroitsEtDevoirs", "true"), new("DateReception", "2025-02-05"),
        ]);

        var (reponse, document) = await client.PageAsync($"/beneficiaires/{id}");

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        document.QuerySelector("h1")!.TextContent.ShouldContain("FONTANGES Mélissa");
        document.QuerySelector($"nav.sommaire a[href='/beneficiaires/{id}/chronologie']").ShouldNotBeNull();
        (await JournalAsync(id)).Count(j => j.Action == ActionJournal.Consultation).ShouldBe(1);
        var (reponseChronologie, pageChronologie) = await client.PageAsync($"/beneficiaires/{id}/chronologie");
        reponseChronologie.StatusCode.ShouldBe(HttpStatusCode.OK);
        pageChronologie.QuerySelector("h1")!.TextContent.ShouldContain("Mélissa Fontanges");
        var chronologie = pageChronologie.QuerySelectorAll("#chronologie li").Select(l => l.TextContent).ToList();
        chronologie[0].ShouldContain("Droit RSA ouvert");
        chronologie.ShouldContain(l => l.Contains("Référent unique désigné : Julien Couderc", StringComparison.Ordinal));
        (await JournalAsync(id)).Count(j => j.Action == ActionJournal.Consultation).ShouldBe(2);
    }

    [Fact]
    public async Task Hors_perimetre_le_dossier_repond_404_et_un_role_sans_dossiers_individuels_403()
    {
        var id = await _personnes.CreerAsync("Cayrol", "Noémie", new DateOnly(1985, 5, 5));

        foreach (var (agent, attendu) in new[]
                 {
                     ("referent.puydedome", HttpStatusCode.NotFound), ("referent.mauriac", HttpStatusCode.NotFound),
                     ("pilotage.cantal", HttpStatusCode.Forbidden), ("admin.cantal", HttpStatusCode.Forbidden),
                     ("auditeur.cantal", HttpStatusCode.Forbidden), ("partenaire.cantal", HttpStatusCode.Forbidden),
                     ("orientation.cantal", HttpStatusCode.OK), ("responsable.cantal", HttpStatusCode.OK),
                 })
        {
            using var client = await ConnecteAsync(agent);
            var (reponse, _) = await client.PageAsync($"/beneficiaires/{id}");
            reponse.StatusCode.ShouldBe(attendu, agent);
        }

        using var ecrivain = await ConnecteAsync("referent.puydedome");
        var note = await ecrivain.PosterDirectementAsync($"/beneficiaires/{id}?handler=Note", [new("Note", "Intrusion")]);
        note.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        (await db.NotesSuivi.CountAsync(n => n.BeneficiaireId == id)).ShouldBe(0);
    }

    [Fact]
    public async Task Le_responsable_voit_les_personnes_qui_habitent_son_territoire()
    {
        var aurillac = await _personnes.CreerAsync("Delpuech", "Inès", new DateOnly(1991, 2, 2), referent: null, communeCode: "15014");
        var mauriac = await _personnes.CreerAsync("Delpuech", "Inès", new DateOnly(1991, 2, 3), referent: null, communeCode: "15120");
        using var client = await ConnecteAsync("responsable.cantal");

        (await client.PageAsync($"/beneficiaires/{aurillac}")).Reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PageAsync($"/beneficiaires/{mauriac}")).Reponse.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task La_creation_montre_les_doublons_probables_et_attend_la_confirmation()
    {
        await _personnes.CreerAsync("Martin-Dupré", "Élodie", new DateOnly(1983, 11, 20));
        using var client = await ConnecteAsync();

        var proposee = await client.PosterAsync("/beneficiaires/nouveau", Creation("MARTIN DUPRE", "ELODIE", "1983-11-20"));

        proposee.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = await ClientPasserelle.DocumentAsync(proposee);
        document.QuerySelector("#titre-doublons")!.TextContent.ShouldContain("peut-être déjà enregistrée");
        document.QuerySelector(".alerte-avertissement li")!.TextContent.ShouldContain("Martin-Dupré Élodie");
        (await CompterAsync("ELODIE")).ShouldBe(0);

        var confirmee = await client.PosterAsync("/beneficiaires/nouveau", Creation("MARTIN DUPRE", "ELODIE", "1983-11-20", confirme: true));

        confirmee.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await CompterAsync("ELODIE")).ShouldBe(1);
    }

    [Theory]
    [InlineData("Jean-Pierre", "Castanier", null, "Jean Pierre", "Castanier", null)]
    [InlineData("Solène", "Bouygues", null, "Solène", "Bouygues", "Rigal")]
    public async Task Un_prenom_compose_ou_un_nom_de_naissance_apres_mariage_signale_le_doublon(
        string prenomsExistants, string nomExistant, string? usageExistant, string prenoms, string nom, string? usage)
    {
        var date = new DateOnly(1975, 7, 7).AddDays(prenoms.Length + (usage?.Length ?? 0));
        await _personnes.CreerAsync(nomExistant, prenomsExistants, date, nomUsage: usageExistant);
        using var client = await ConnecteAsync();

        var reponse = await client.PosterAsync("/beneficiaires/nouveau",
            Creation(usage is null ? nom : "Rigal", prenoms, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), nomUsage: usage is null ? null : nom));

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ClientPasserelle.DocumentAsync(reponse)).QuerySelector("#titre-doublons").ShouldNotBeNull();
    }

    [Fact]
    public async Task Le_meme_NIR_tape_avec_des_espaces_signale_le_doublon_meme_hors_perimetre_sans_rien_en_devoiler()
    {
        var nir = PersonnesDeTest.NirValide(1969, 777);
        await _personnes.CreerAsync("Teyssèdre", "Odile", new DateOnly(1969, 3, 3), referent: "referent.mauriac", nir: nir);
        using var client = await ConnecteAsync();

        var reponse = await client.PosterAsync("/beneficiaires/nouveau",
            Creation("Autrenom", "Odette", "1970-01-01", nir: string.Join(' ', nir[..5], nir[5..10], nir[10..])));

        var alerte = (await ClientPasserelle.DocumentAsync(reponse)).QuerySelector(".alerte-avertissement")!.TextContent;
        alerte.ShouldContain("Même NIR");
        alerte.ShouldContain("hors de votre périmètre");
        alerte.ShouldNotContain("Teyssèdre");
    }

    [Fact]
    public async Task Une_cle_de_NIR_fausse_est_refusee_et_rien_n_est_cree()
    {
        using var client = await ConnecteAsync();

        var reponse = await client.PosterAsync("/beneficiaires/nouveau", Creation("Sansclé", "Hortense", "1990-02-02", nir: "2900215014123 00"));

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ClientPasserelle.DocumentAsync(reponse)).QuerySelector("#Saisie_Nir-erreur")!.TextContent.ShouldContain("clé du NIR");
        (await CompterAsync("Hortense")).ShouldBe(0);
    }

    [Fact]
    public async Task Le_referent_cree_une_personne_qui_entre_dans_son_portefeuille_avec_son_NIR_masque_et_demasquable()
    {
        var nir = PersonnesDeTest.NirValide(1995, 12);
        using var client = await ConnecteAsync();

        var reponse = await client.PosterAsync("/beneficiaires/nouveau", Creation("Granier", "Maëlys", "1995-03-12", nir: nir));

        reponse.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var adresse = reponse.Headers.Location!.OriginalString;
        adresse.ShouldNotContain(nir);
        var (_, dossier) = await client.PageAsync(adresse);
        dossier.QuerySelector(".alerte-info")!.TextContent.ShouldContain("notice d'information");
        dossier.QuerySelector(".nir")!.TextContent.ShouldBe($"2 •• •• •• ••• ••• {nir[13..]}");
        dossier.QuerySelector("#referent")!.TextContent.ShouldContain("Julien Couderc");
        dossier.Body!.InnerHtml.ShouldNotContain(nir[..13]);

        var demasque = await client.PosterAsync(adresse, [], action: adresse + "?handler=Nir");

        (await ClientPasserelle.DocumentAsync(demasque)).QuerySelector(".nir")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ShouldBe(nir);
        var id = Guid.Parse(adresse.Split('/')[^1]);
        (await JournalAsync(id)).ShouldContain(j => j.Action == ActionJournal.Demasquage);
    }

    [Fact]
    public async Task Une_modification_d_identite_sur_un_formulaire_perime_est_refusee_et_ne_change_rien()
    {
        var id = await _personnes.CreerAsync("Bonnefoy", "Clémence", new DateOnly(1988, 8, 8));
        using var client = await ConnecteAsync();
        List<KeyValuePair<string, string>> Identite(string nom) =>
        [
            new("Version", "0"), new("Saisie.NomNaissance", nom), new("Saisie.Prenoms", "Clémence"), new("Saisie.DateNaissance", "1988-08-08"),
            new("Saisie.Sexe", "Femme"), new("Saisie.Dispositifs", "Rsa"),
        ];

        (await client.PosterAsync($"/beneficiaires/{id}/identite", Identite("Bonnefoy-Rey"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var perimee = await client.PosterAsync($"/beneficiaires/{id}/identite", Identite("Autre"));

        (await ClientPasserelle.DocumentAsync(perimee)).QuerySelector(".resume-erreurs")!.TextContent.ShouldContain("modifiée entre-temps");
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        (await db.Beneficiaires.SingleAsync(b => b.Id == id)).NomNaissance.ShouldBe("Bonnefoy-Rey");
    }

    [Fact]
    public async Task Une_note_de_suivi_est_signee_et_datee()
    {
        var id = await _personnes.CreerAsync("Vialard", "Agathe", new DateOnly(1993, 4, 4));
        using var client = await ConnecteAsync();

        var vide = await client.PosterAsync($"/beneficiaires/{id}", [new("Note", "  ")], action: $"/beneficiaires/{id}?handler=Note");
        var reponse = await client.PosterAsync($"/beneficiaires/{id}", [new("Note", "Entretien : point sur le permis de conduire.")], action: $"/beneficiaires/{id}?handler=Note");

        (await ClientPasserelle.DocumentAsync(vide)).QuerySelector("#Note-erreur")!.TextContent.ShouldContain("vide");
        reponse.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, dossier) = await client.PageAsync($"/beneficiaires/{id}");
        var note = dossier.QuerySelector(".notes li")!.TextContent;
        note.ShouldContain("Julien Couderc");
        note.ShouldContain("permis de conduire");
    }

    [Fact]
    public async Task Le_responsable_fusionne_deux_dossiers_et_l_ancienne_adresse_mene_au_dossier_conserve()
    {
        var conserve = await _personnes.CreerAsync("Roumégoux", "Léa", new DateOnly(1984, 12, 1), communeCode: "15014", nir: PersonnesDeTest.NirValide(1984, 55));
        var doublon = await _personnes.CreerAsync("Roumegoux", "Lea", new DateOnly(1984, 12, 1), communeCode: "15014", referent: "referent.association");
        await using (var db = app.Base.Contexte(await app.Base.DepartementAsync("15")))
        {
            db.NotesSuivi.Add(new NoteSuivi(await app.Base.DepartementAsync("15"), doublon, null, DateTime.UtcNow, "Note du doublon"));
            await db.SaveChangesAsync();
        }

        using var client = await ConnecteAsync("responsable.cantal");
        var (_, page) = await client.PageAsync($"/beneficiaires/{conserve}/fusion");
        page.QuerySelector($"input[name=AutreId][value='{doublon}']").ShouldNotBeNull();
        var version = page.QuerySelector<IHtmlInputElement>($"input[name='VersionsCandidats[{doublon}]']")!.Value;

        var sansConfirmation = await client.PosterAsync($"/beneficiaires/{conserve}/fusion",
            [new("AutreId", doublon.ToString()), new("Conserver", "celui-ci"), new($"VersionsCandidats[{doublon}]", version)]);
        (await ClientPasserelle.DocumentAsync(sansConfirmation)).QuerySelector(".resume-erreurs")!.TextContent.ShouldContain("même personne");

        var reponse = await client.PosterAsync($"/beneficiaires/{conserve}/fusion",
            [new("AutreId", doublon.ToString()), new("Conserver", "celui-ci"), new("Confirme", "true"), new($"VersionsCandidats[{doublon}]", version)]);

        reponse.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var ancienne = await client.PageAsync($"/beneficiaires/{doublon}");
        ancienne.Reponse.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        ancienne.Reponse.Headers.Location!.OriginalString.ShouldBe($"/beneficiaires/{conserve}");
        var (_, dossier) = await client.PageAsync($"/beneficiaires/{conserve}");
        dossier.QuerySelector(".notes")!.TextContent.ShouldContain("Note du doublon");
        (await JournalAsync(conserve)).ShouldContain(j => j.Action == ActionJournal.Fusion);
        await using var verification = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        (await verification.ReferentsUniques.CountAsync(r => r.BeneficiaireId == conserve && r.Fin == null)).ShouldBe(1);
        using var referent = await ConnecteAsync();
        (await NomsTrouvesAsync(await referent.PosterAsync("/beneficiaires", Recherche("roumegoux")))).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Un_operateur_ne_peut_ni_enregistrer_une_personne_ni_sonder_les_doublons()
    {
        using var client = await ConnecteAsync("operateur.cantal");

        (await client.PageAsync("/beneficiaires/nouveau")).Reponse.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var ecriture = await client.PosterDirectementAsync("/beneficiaires/nouveau", Creation("Sonde", "Opérateur", "1980-01-01"));

        ecriture.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await CompterAsync("Opérateur")).ShouldBe(0);
    }

    [Fact]
    public async Task Sans_dispositif_coche_la_creation_est_refusee()
    {
        using var client = await ConnecteAsync();
        var champs = Creation("Sansdispositif", "Armelle", "1981-01-01").Where(c => c.Key != "Saisie.Dispositifs").ToList();

        var reponse = await client.PosterAsync("/beneficiaires/nouveau", champs);

        (await ClientPasserelle.DocumentAsync(reponse)).QuerySelector("#Saisie_Dispositifs-erreur")!.TextContent.ShouldContain("au moins un dispositif");
        (await CompterAsync("Armelle")).ShouldBe(0);
    }

    [Fact]
    public async Task Un_matricule_connu_rattache_au_foyer_sans_le_modifier_ni_nommer_ses_membres_hors_perimetre()
    {
        await _personnes.CreerAsync("Conjoint", "Hors-Périmètre", new DateOnly(1970, 1, 1), referent: "referent.mauriac", matricule: "9900011");
        var id = await _personnes.CreerAsync("Rattachée", "Solange", new DateOnly(1972, 2, 2));
        using var client = await ConnecteAsync();
        var (_, formulaire) = await client.PageAsync($"/beneficiaires/{id}/foyer");
        var version = formulaire.QuerySelector<IHtmlInputElement>("input[name=Version]")!.Value;

        var reponse = await client.PosterAsync($"/beneficiaires/{id}/foyer",
        [
            new("Version", version), new("Saisie.OrganismePayeur", "Msa"), new("Saisie.Matricule", "9900011"),
            new("Saisie.Adresse", "Adresse qui ne doit pas écraser le foyer"), new("Saisie.CommuneCode", ""),
        ]);

        reponse.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, dossier) = await client.PageAsync($"/beneficiaires/{id}");
        var foyer = dossier.QuerySelector("#foyer")!.TextContent;
        foyer.ShouldContain("9900011");
        foyer.ShouldContain("CAF");
        foyer.ShouldNotContain("écraser");
        foyer.ShouldContain("1 autre membre suivi hors de votre périmètre");
        foyer.ShouldNotContain("Conjoint", Case.Insensitive);
    }

    [Fact]
    public async Task Un_dossier_clos_ne_se_fusionne_pas_avec_un_dossier_ouvert()
    {
        var ouvert = await _personnes.CreerAsync("Fusionclos", "Irène", new DateOnly(1966, 6, 6), communeCode: "15014");
        var clos = await _personnes.CreerAsync("Fusionclos", "Irene", new DateOnly(1966, 6, 6), communeCode: "15014", referent: null);
        await using (var db = app.Base.Contexte(await app.Base.DepartementAsync("15")))
        {
            var personne = await db.Beneficiaires.SingleAsync(b => b.Id == clos);
            db.ClotureDossiers.Add(personne.Cloturer(new DateOnly(2026, 1, 1), MotifCloture.DepartDepartement, null, null));
            await db.SaveChangesAsync();
        }

        using var client = await ConnecteAsync("responsable.cantal");
        var (_, page) = await client.PageAsync($"/beneficiaires/{ouvert}/fusion");
        var version = page.QuerySelector<IHtmlInputElement>($"input[name='VersionsCandidats[{clos}]']")!.Value;

        var reponse = await client.PosterAsync($"/beneficiaires/{ouvert}/fusion",
            [new("AutreId", clos.ToString()), new("Conserver", "celui-ci"), new("Confirme", "true"), new($"VersionsCandidats[{clos}]", version)]);

        (await ClientPasserelle.DocumentAsync(reponse)).QuerySelector(".resume-erreurs")!.TextContent.ShouldContain("est clos");
        await using var verification = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        (await verification.Beneficiaires.SingleAsync(b => b.Id == clos)).FusionneDansId.ShouldBeNull();
    }

    [Fact]
    public async Task Designer_un_nouveau_referent_termine_la_designation_precedente_la_veille()
    {
        var id = await _personnes.CreerAsync("Changement", "Rosalie", new DateOnly(1982, 2, 2));
        var cantal = await app.Base.DepartementAsync("15");
        Guid mauriac;
        await using (var db = app.Base.Contexte(cantal))
        {
            mauriac = await db.Users.Where(a => a.Email == ClientPasserelle.Email("referent.mauriac")).Select(a => a.Id).SingleAsync();
        }

        using var client = await ConnecteAsync();
        var reponse = await client.PosterAsync($"/beneficiaires/{id}/referent", [new("Debut", "2026-03-01"), new("AgentId", mauriac.ToString())]);

        reponse.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        reponse.Headers.Location!.OriginalString.ShouldBe("/beneficiaires");
        await using var verification = app.Base.Contexte(cantal);
        var periodes = await verification.ReferentsUniques.Where(r => r.BeneficiaireId == id).OrderBy(r => r.Debut).ToListAsync();
        periodes.Count.ShouldBe(2);
        periodes[0].Fin.ShouldBe(new DateOnly(2026, 2, 28));
        periodes[1].AgentId.ShouldBe(mauriac);
        periodes[1].Fin.ShouldBeNull();
    }

    [Fact]
    public async Task L_adresse_d_un_dossier_fusionne_repond_404_a_qui_ne_voit_pas_le_dossier_conserve()
    {
        var conserve = await _personnes.CreerAsync("Fusionnee", "Capucine", new DateOnly(1968, 8, 8), referent: "referent.mauriac");
        var absorbe = await _personnes.CreerAsync("Fusionnee", "Capucine", new DateOnly(1968, 8, 8));
        await using (var db = app.Base.Contexte(await app.Base.DepartementAsync("15")))
        {
            var a = await db.Beneficiaires.SingleAsync(b => b.Id == absorbe);
            a.FusionnerDans(await db.Beneficiaires.SingleAsync(b => b.Id == conserve));
            await db.SaveChangesAsync();
        }

        using var referent = await ConnecteAsync();
        using var mauriac = await ConnecteAsync("referent.mauriac");

        (await referent.PageAsync($"/beneficiaires/{absorbe}")).Reponse.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var redirection = (await mauriac.PageAsync($"/beneficiaires/{absorbe}")).Reponse;
        redirection.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        redirection.Headers.Location!.OriginalString.ShouldBe($"/beneficiaires/{conserve}");
    }

    [Fact]
    public async Task Ouvrir_le_formulaire_d_identite_est_une_consultation_journalisee_et_le_NIR_affiche_n_est_pas_mis_en_cache()
    {
        var id = await _personnes.CreerAsync("Journalisee", "Bertille", new DateOnly(1990, 10, 10), nir: PersonnesDeTest.NirValide(1990, 321));
        using var client = await ConnecteAsync();

        (await client.PageAsync($"/beneficiaires/{id}/identite")).Reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await JournalAsync(id)).ShouldContain(j => j.Action == ActionJournal.Consultation);

        var demasque = await client.PosterAsync($"/beneficiaires/{id}", [], action: $"/beneficiaires/{id}?handler=Nir");
        demasque.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    [Fact]
    public async Task La_base_refuse_deux_designations_ouvertes_pour_une_meme_personne()
    {
        var id = await _personnes.CreerAsync("Doubledesignation", "Yvette", new DateOnly(1977, 7, 7));
        var cantal = await app.Base.DepartementAsync("15");
        await using var db = app.Base.Contexte(cantal);
        var agent = await db.Users.SingleAsync(a => a.Email == ClientPasserelle.Email("referent.mauriac"));

        // As a second agent would, having read the periods before the first one saved.
        db.ReferentsUniques.Add(ReferentUnique.Designer(cantal, id, [], new DateOnly(2026, 2, 1), agent.Id, agent.StructureId, null, null));

        await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }
}


public sealed class DossiersSqliteTests(ApplicationSqlite app) : DossiersTests(app), IClassFixture<ApplicationSqlite>;

public sealed class DossiersPostgresTests(ApplicationPostgres app) : DossiersTests(app), IClassFixture<ApplicationPostgres>;
