using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Passerelle.Domain;
using Passerelle.Infrastructure.Tenancy;
using Passerelle.Tests.Support;

namespace Passerelle.Tests.Features;

/// <summary>The référent's side of a prescription: prescribe from the dossier, follow it, cancel it, read it in the chronologie.</summary>
public abstract class PrescriptionsTests(ApplicationDeTest app)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private DateOnly Aujourdhui => app.Factory.Temps.Aujourdhui(Paris);

    private OffreDeTest Offre => new(app);

    /// <summary>An action of the test offer with a valid data·inclusion thématique, whatever the builder's default.</summary>
    private Task<Guid> ActionAsync(string nom, Action<ActionInsertion>? regler = null) =>
        Offre.ActionAsync(nom, regler: regler, thematiques: ["mobilite--etre-accompagne-dans-son-parcours-mobilite"]);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Nouvelle(Guid personne) => $"/beneficiaires/{personne}/prescriptions/nouvelle";

    private async Task<ClientPasserelle> ConnecteAsync(string identifiant = "referent.puydedome")
    {
        var client = app.Factory.Client();
        await client.ConnecterAsync(identifiant);
        return client;
    }

    /// <summary>A Puy-de-Dôme person of referent.puydedome's caseload, living in Clermont-Ferrand, 37 years old unless told.</summary>
    private Task<Guid> PersonneAsync(string nom, DateOnly? naissance = null) =>
        new PersonnesDeTest(app).CreerAsync(nom, "Samir", naissance ?? new DateOnly(1988, 4, 12), referent: "referent.puydedome", departement: "63", communeCode: "63113");

    private async Task<Passerelle.Data.PasserelleDbContext> ContexteAsync() => app.Base.Contexte(await app.Base.DepartementAsync("63"));

    private async Task<List<Prescription>> PrescriptionsAsync(Guid personne)
    {
        await using var db = await ContexteAsync();
        return await db.Prescriptions.AsNoTracking().Where(p => p.BeneficiaireId == personne).ToListAsync();
    }

    private static List<KeyValuePair<string, string>> Fiche(
        Guid actionId, string objectifs = "Passer le code de la route et trouver une solution pour aller au travail.", bool accord = true,
        DateOnly? consentement = null, string[]? freins = null, string[]? partage = null)
    {
        var champs = new List<KeyValuePair<string, string>>
        {
            new("Saisie.ActionId", actionId.ToString()),
            new("Saisie.Objectifs", objectifs),
            new("Saisie.ConsentementLe", consentement is { } c ? Iso(c) : ""),
            new("Saisie.Accord", "false"),
        };
        if (accord)
        {
            champs.Insert(3, new("Saisie.Accord", "true"));
        }

        champs.AddRange((freins ?? ["mobilite"]).Select(f => new KeyValuePair<string, string>("Saisie.Freins", f)));
        champs.AddRange((partage ?? ["Coordonnees"]).Select(p => new KeyValuePair<string, string>("Saisie.Partage", p)));
        return champs;
    }

    private async Task<HttpResponseMessage> PrescrireAsync(ClientPasserelle client, Guid personne, Guid actionId, List<KeyValuePair<string, string>>? champs = null) =>
        await client.PosterAsync($"{Nouvelle(personne)}?actionId={actionId}", champs ?? Fiche(actionId, consentement: Aujourdhui));

    private static async Task<string?> ErreurAsync(HttpResponseMessage reponse) =>
        (await ClientPasserelle.DocumentAsync(reponse)).QuerySelector(".resume-erreurs")?.TextContent;

    [Fact]
    public async Task Un_referent_prescrit_une_action_eligible_et_l_operateur_est_averti()
    {
        var personne = await PersonneAsync("Prescrit-Mobilite");
        var actionId = await ActionAsync("Ateliers mobilité vers l'emploi", regler: a => a.DefinirPlafonds(210, null, null));
        var departement = await app.Base.DepartementAsync("63");
        await using (var db = await ContexteAsync())
        {
            db.EvaluationsFreins.Add(new EvaluationFrein(departement, personne, Aujourdhui.AddDays(-15), "mobilite", NiveauFrein.Bloquant, null, null, DateTime.UtcNow));
            db.EvaluationsFreins.Add(new EvaluationFrein(departement, personne, Aujourdhui.AddDays(-15), "logement", NiveauFrein.Leger, null, null, DateTime.UtcNow));
            await db.SaveChangesAsync();
        }

        using var referent = await ConnecteAsync();

        var (etape1, choix) = await referent.PageAsync(Nouvelle(personne));
        etape1.StatusCode.ShouldBe(HttpStatusCode.OK);
        choix.QuerySelector<IHtmlInputElement>($"input[type=radio][name=actionId][value='{actionId}']").ShouldNotBeNull();

        var (etape2, fiche) = await referent.PageAsync($"{Nouvelle(personne)}?actionId={actionId}");
        etape2.StatusCode.ShouldBe(HttpStatusCode.OK);
        fiche.QuerySelectorAll<IHtmlInputElement>("input[name='Saisie.Freins']").Where(c => c.IsChecked).Select(c => c.Value).ShouldBe(["mobilite"]);
        fiche.QuerySelector<IHtmlInputElement>("#Saisie_ConsentementLe")!.Value.ShouldBe(Iso(Aujourdhui));
        fiche.QuerySelector<IHtmlInputElement>("#Saisie_Accord")!.IsChecked.ShouldBeFalse();
        fiche.Body!.TextContent.ShouldContain("date de naissance de la personne sont toujours transmis");

        var envoi = await PrescrireAsync(referent, personne, actionId, Fiche(actionId, consentement: Aujourdhui.AddDays(-1), freins: ["mobilite"], partage: ["Coordonnees", "Diagnostic"]));
        envoi.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErreurAsync(envoi));
        var prescription = (await PrescriptionsAsync(personne)).ShouldHaveSingleItem();
        envoi.Headers.Location!.OriginalString.ShouldBe($"/prescriptions/{prescription.Id}");
        prescription.Etat.ShouldBe(EtatPrescription.Envoyee);
        prescription.ActionId.ShouldBe(actionId);
        prescription.EnvoyeeLe.ShouldBe(Aujourdhui);
        prescription.ConsentementLe.ShouldBe(Aujourdhui.AddDays(-1));
        prescription.CodesFreinsVises.ShouldBe(["mobilite"]);
        prescription.Partage.ShouldBe(InformationsPartagees.Coordonnees | InformationsPartagees.Diagnostic);

        await using (var db = await ContexteAsync())
        {
            var operateur = await db.Users.Where(a => a.Email == ClientPasserelle.Email("operateur.mobilite")).Select(a => a.Id).SingleAsync();
            var notification = await db.Notifications.SingleAsync(n => n.AgentId == operateur && n.Url == $"/prescriptions/recues/{prescription.Id}");
            notification.Titre.ShouldContain("Ateliers mobilité vers l'emploi");
            var courriel = await db.MessagesSortants.SingleAsync(m => m.Destinataire == ClientPasserelle.Email("operateur.mobilite") && m.Corps.Contains(prescription.Id.ToString()));
            courriel.Sujet.ShouldContain("Nouvelle prescription reçue");
            courriel.Corps.ShouldNotContain("Prescrit-Mobilite", Case.Insensitive);
        }

        var (lecture, page) = await referent.PageAsync($"/prescriptions/{prescription.Id}");
        lecture.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Body!.TextContent.ShouldContain("La prescription est envoyée à l'opérateur, Plateforme mobilité du Puy-de-Dôme");
        page.QuerySelector("h1")!.TextContent.ShouldContain("Envoyée");
        page.QuerySelector("#titre-etapes")!.ParentElement!.TextContent.ShouldContain("Prescription envoyée à l'opérateur");
        page.QuerySelector("#titre-partage")!.ParentElement!.TextContent.ShouldContain("Coordonnées (téléphone, courriel, adresse)");
        page.QuerySelector(".alerte-info")!.TextContent.ShouldContain($"expirera le {Aujourdhui.AddDays(30).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}");
        page.QuerySelector("#titre-heures")!.ParentElement!.TextContent.ShouldContain("plafonnée à 210 h");
        await using (var db = await ContexteAsync())
        {
            (await db.JournalAcces.AnyAsync(j => j.EnregistrementId == personne && j.Action == ActionJournal.Consultation)).ShouldBeTrue();
            (await db.JournalAcces.AnyAsync(j => j.EnregistrementId == prescription.Id && j.Action == ActionJournal.Creation)).ShouldBeTrue();
        }

        var dossier = (await referent.PageAsync($"/beneficiaires/{personne}")).Document;
        var section = dossier.QuerySelector("#prescriptions")!;
        section.TextContent.ShouldContain("Ateliers mobilité vers l'emploi");
        section.TextContent.ShouldContain("Envoyée");
        section.QuerySelector<IHtmlAnchorElement>($"a[href='/beneficiaires/{personne}/prescriptions/nouvelle']")!.TextContent.ShouldBe("Prescrire une action");
        dossier.QuerySelector("nav.sommaire a[href='#prescriptions']").ShouldNotBeNull();
        (await referent.PageAsync($"/beneficiaires/{personne}/chronologie")).Document.QuerySelector("#chronologie")!.TextContent
            .ShouldContain("Prescription de l'action « Ateliers mobilité vers l'emploi » envoyée");
    }

    [Fact]
    public async Task Une_prescription_refusee_dit_pourquoi_et_n_ecrit_rien()
    {
        var personne = await PersonneAsync("Prescrit-Refus");
        var jeunes = await ActionAsync("Accompagnement des 18-25 ans", regler: a => a.DefinirEligibilite(18, 25, Dispositifs.Aucun, false, false, []));
        var qpv = await ActionAsync("Action réservée aux quartiers", regler: a => a.DefinirEligibilite(null, null, Dispositifs.Aucun, false, true, []));
        var franceTravail = await ActionAsync("Action des conseillers France Travail", regler: a => a.DefinirPrescripteurs([TypeStructure.FranceTravail]));
        var ouverte = await ActionAsync("Atelier ouvert à tous");
        using var referent = await ConnecteAsync();

        var catalogue = (await referent.PageAsync(Nouvelle(personne))).Document;
        catalogue.QuerySelector($"input[type=radio][value='{jeunes}']").ShouldBeNull();
        catalogue.QuerySelector($"[data-action='{jeunes}']")!.TextContent.ShouldContain("réservée aux personnes de 25 ans au plus ; la personne a ");
        catalogue.QuerySelector($"[data-action='{qpv}']")!.TextContent.ShouldContain("quartier prioritaire de la politique de la ville");
        catalogue.QuerySelector($"[data-action='{franceTravail}']")!.TextContent.ShouldContain("habilités à prescrire cette action : France Travail");
        catalogue.QuerySelector($"input[type=radio][value='{ouverte}']").ShouldNotBeNull();

        var (ageRefuse, _) = await referent.PageAsync($"{Nouvelle(personne)}?actionId={jeunes}");
        ageRefuse.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ClientPasserelle.DocumentAsync(ageRefuse)).QuerySelector("form[method=post] [name='Saisie.Objectifs']").ShouldBeNull();

        var age = await PrescrireAsync(referent, personne, jeunes);
        age.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ErreurAsync(age)).ShouldNotBeNull().ShouldContain("La personne n'est pas éligible à cette action : L'action est réservée aux personnes de 25 ans au plus");

        (await ErreurAsync(await PrescrireAsync(referent, personne, qpv))).ShouldNotBeNull()
            .ShouldContain("L'action est réservée aux habitants d'un quartier prioritaire de la politique de la ville.");

        (await ErreurAsync(await PrescrireAsync(referent, personne, franceTravail))).ShouldNotBeNull()
            .ShouldContain("Seuls les référents des structures suivantes sont habilités à prescrire cette action : France Travail.");

        var sansAccord = await PrescrireAsync(referent, personne, ouverte, Fiche(ouverte, accord: false, consentement: Aujourdhui));
        sansAccord.StatusCode.ShouldBe(HttpStatusCode.OK);
        var formulaire = await ClientPasserelle.DocumentAsync(sansAccord);
        formulaire.QuerySelector(".resume-erreurs")!.TextContent.ShouldContain("qu'avec l'accord de la personne");
        formulaire.QuerySelector("#Saisie_Accord")!.GetAttribute("aria-invalid").ShouldBe("true");
        formulaire.QuerySelector<IHtmlTextAreaElement>("#Saisie_Objectifs")!.Value.ShouldStartWith("Passer le code de la route");

        (await ErreurAsync(await PrescrireAsync(referent, personne, ouverte, Fiche(ouverte, objectifs: "", consentement: Aujourdhui)))).ShouldNotBeNull()
            .ShouldContain("Les objectifs de la prescription sont obligatoires.");
        (await ErreurAsync(await PrescrireAsync(referent, personne, ouverte, Fiche(ouverte, consentement: Aujourdhui.AddDays(1))))).ShouldNotBeNull()
            .ShouldContain("Le consentement est recueilli au plus tard le jour de la prescription.");

        (await PrescriptionsAsync(personne)).ShouldBeEmpty();
        await using var db = await ContexteAsync();
        (await db.JournalAcces.AnyAsync(j => j.EnregistrementId == personne && j.Action == ActionJournal.Modification)).ShouldBeFalse();
    }

    [Fact]
    public async Task Une_seconde_prescription_ouverte_de_la_meme_action_est_refusee()
    {
        var personne = await PersonneAsync("Prescrit-Deux-Fois");
        var actionId = await ActionAsync("Diagnostic mobilité");
        await Offre.PrescriptionAsync(personne, actionId, Aujourdhui.AddDays(-3));
        using var referent = await ConnecteAsync();

        var seconde = await PrescrireAsync(referent, personne, actionId);
        seconde.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ErreurAsync(seconde)).ShouldNotBeNull().ShouldContain("Une prescription de cette action est déjà en cours pour la personne.");
        (await PrescriptionsAsync(personne)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Une_action_complete_est_signalee_et_reste_prescriptible()
    {
        var personne = await PersonneAsync("Prescrit-Complet");
        var autre = await PersonneAsync("Prescrit-Complet-Avant");
        var actionId = await ActionAsync("Accompagnement à un parcours par an", regler: a => a.DefinirCapaciteEtRythme(ModeCapacite.ParcoursAnnuels, 1, 15, null, 12));
        await Offre.PrescriptionAsync(autre, actionId, Aujourdhui, suite: (p, _, operateur) => p.Accepter(Aujourdhui, operateur, null, null));
        using var referent = await ConnecteAsync();

        var catalogue = (await referent.PageAsync(Nouvelle(personne))).Document;
        var choix = catalogue.QuerySelector<IHtmlInputElement>($"input[type=radio][value='{actionId}']").ShouldNotBeNull();
        catalogue.GetElementById(choix.GetAttribute("aria-describedby")!)!.TextContent.ShouldContain("complète : la prescription ira en liste d'attente");

        var envoi = await PrescrireAsync(referent, personne, actionId);
        envoi.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErreurAsync(envoi));
        (await PrescriptionsAsync(personne)).ShouldHaveSingleItem().Etat.ShouldBe(EtatPrescription.Envoyee);
    }

    [Fact]
    public async Task Seul_un_referent_du_perimetre_prescrit_et_lit_la_prescription()
    {
        var personne = await PersonneAsync("Prescrit-Perimetre");
        var actionId = await ActionAsync("Location de véhicules");
        var prescription = await Offre.PrescriptionAsync(personne, actionId, Aujourdhui.AddDays(-2));

        using var calvados = await ConnecteAsync("referent.calvados");
        (await calvados.PageAsync(Nouvelle(personne))).Reponse.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await calvados.PageAsync($"/prescriptions/{prescription}")).Reponse.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await calvados.PageAsync($"/prescriptions/{prescription}/annulation")).Reponse.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await calvados.PosterDirectementAsync(Nouvelle(personne), Fiche(actionId, consentement: Aujourdhui))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await calvados.PageAsync("/prescriptions")).Document.QuerySelector($"a[href='/prescriptions/{prescription}']").ShouldBeNull();

        using var operateur = await ConnecteAsync("operateur.mobilite");
        (await operateur.PageAsync(Nouvelle(personne))).Reponse.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await operateur.PosterDirectementAsync(Nouvelle(personne), Fiche(actionId, consentement: Aujourdhui))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await operateur.PageAsync($"/prescriptions/{prescription}")).Reponse.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await operateur.PageAsync("/prescriptions")).Reponse.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var responsable = await ConnecteAsync("responsable.puydedome");
        (await responsable.PageAsync(Nouvelle(personne))).Reponse.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var (lecture, page) = await responsable.PageAsync($"/prescriptions/{prescription}");
        lecture.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector($"a[href='/prescriptions/{prescription}/annulation']").ShouldBeNull();
        (await responsable.PageAsync($"/beneficiaires/{personne}")).Document.QuerySelector("#prescriptions a[href$='/prescriptions/nouvelle']").ShouldBeNull();

        (await PrescriptionsAsync(personne)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task La_liste_montre_les_prescriptions_envoyees_avec_leurs_filtres()
    {
        var personne = await PersonneAsync("Prescrit-Liste");
        var actionId = await ActionAsync("Aide au permis de conduire");
        using var referent = await ConnecteAsync();
        var avant = (await referent.PageAsync("/prescriptions")).Document.QuerySelector("[data-sans-reponse]")!.TextContent;

        var envoyee = await Offre.PrescriptionAsync(personne, actionId, Aujourdhui.AddDays(-1));
        var autre = await PersonneAsync("Prescrit-Liste-Acceptee");
        var acceptee = await Offre.PrescriptionAsync(autre, actionId, Aujourdhui.AddDays(-10), suite: (p, _, operateur) => p.Accepter(Aujourdhui.AddDays(-8), operateur, null, null));

        var liste = (await referent.PageAsync($"/prescriptions?actionId={actionId}")).Document;
        liste.QuerySelector("h1")!.TextContent.ShouldBe("Mes prescriptions envoyées");
        var lignes = liste.QuerySelectorAll("tbody tr").Select(l => l.TextContent).ToList();
        lignes.Count.ShouldBe(2);
        lignes[0].ShouldContain("PRESCRIT-LISTE Samir", Case.Insensitive);
        lignes[0].ShouldContain("Aide au permis de conduire");
        lignes[0].ShouldContain("Plateforme mobilité du Puy-de-Dôme");
        lignes[0].ShouldContain("Envoyée");
        lignes[1].ShouldContain("Acceptée");
        int.Parse(liste.QuerySelector("[data-sans-reponse]")!.TextContent, CultureInfo.InvariantCulture).ShouldBe(int.Parse(avant, CultureInfo.InvariantCulture) + 1);

        var anciennes = (await referent.PageAsync($"/prescriptions?actionId={actionId}&Croissant=true")).Document;
        anciennes.QuerySelector("tbody tr")!.QuerySelector($"a[href='/prescriptions/{acceptee}']").ShouldNotBeNull();

        var filtre = (await referent.PageAsync($"/prescriptions?actionId={actionId}&Etat=Acceptee")).Document;
        filtre.QuerySelectorAll("tbody tr").ShouldHaveSingleItem().QuerySelector($"a[href='/prescriptions/{acceptee}']").ShouldNotBeNull();
        filtre.QuerySelector<IHtmlSelectElement>("#Etat")!.Value.ShouldBe("Acceptee");

        var aucune = (await referent.PageAsync($"/prescriptions?actionId={actionId}&Etat=Refusee")).Document;
        aucune.QuerySelector(".vide")!.TextContent.ShouldContain("Aucune prescription ne correspond à ces critères.");

        using var responsable = await ConnecteAsync("responsable.puydedome");
        var structure = (await responsable.PageAsync($"/prescriptions?actionId={actionId}")).Document;
        structure.QuerySelector("h1")!.TextContent.ShouldBe("Prescriptions envoyées par ma structure");
        structure.QuerySelectorAll("tbody tr").Count.ShouldBe(2);
        structure.QuerySelector("tbody tr")!.TextContent.ShouldContain("Samia Boudet");
        structure.QuerySelector($"a[href='/prescriptions/{envoyee}']").ShouldNotBeNull();

        var navigation = (await referent.PageAsync("/")).Document;
        navigation.QuerySelector("a[href='/prescriptions']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Le_referent_annule_apres_confirmation_et_l_operateur_est_averti()
    {
        var personne = await PersonneAsync("Prescrit-Annule");
        var actionId = await ActionAsync("Entretien et acquisition de véhicule");
        var prescriptionId = await Offre.PrescriptionAsync(personne, actionId, Aujourdhui.AddDays(-4));
        using var referent = await ConnecteAsync();
        var url = $"/prescriptions/{prescriptionId}";

        var lecture = (await referent.PageAsync(url)).Document;
        lecture.QuerySelector<IHtmlAnchorElement>($"a[href='{url}/annulation']")!.TextContent.ShouldBe("Annuler la prescription");
        var confirmation = (await referent.PageAsync($"{url}/annulation")).Document;
        confirmation.QuerySelector("h1")!.TextContent.ShouldBe("Annuler la prescription ?");
        confirmation.QuerySelector("main form button[type=submit]")!.TextContent.ShouldBe("Annuler la prescription");

        var sansMotif = await referent.PosterAsync($"{url}/annulation", [new("Version", "0"), new("Motif", " ")]);
        sansMotif.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ErreurAsync(sansMotif)).ShouldNotBeNull().ShouldContain("Le motif de l'annulation est obligatoire");
        (await PrescriptionsAsync(personne)).ShouldHaveSingleItem().Etat.ShouldBe(EtatPrescription.Envoyee);

        var version = (await PrescriptionsAsync(personne)).Single().Version;
        var annulation = await referent.PosterAsync($"{url}/annulation",
            [new("Version", version.ToString(CultureInfo.InvariantCulture)), new("Motif", "La personne a trouvé un emploi.")]);
        annulation.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErreurAsync(annulation));
        annulation.Headers.Location!.OriginalString.ShouldBe(url);
        var annulee = (await PrescriptionsAsync(personne)).Single();
        annulee.Etat.ShouldBe(EtatPrescription.Annulee);
        annulee.AnnuleeLe.ShouldBe(Aujourdhui);
        annulee.MotifAnnulation.ShouldBe("La personne a trouvé un emploi.");

        await using (var db = await ContexteAsync())
        {
            var operateur = await db.Users.Where(a => a.Email == ClientPasserelle.Email("operateur.mobilite")).Select(a => a.Id).SingleAsync();
            (await db.Notifications.SingleAsync(n => n.AgentId == operateur && n.Url == $"/prescriptions/recues/{prescriptionId}"))
                .Titre.ShouldBe("Prescription annulée par le référent");
            (await db.MessagesSortants.CountAsync(m => m.Destinataire == ClientPasserelle.Email("operateur.mobilite") && m.Sujet == "Passerelle : Prescription annulée par le référent"))
                .ShouldBeGreaterThan(0);
        }

        var apres = (await referent.PageAsync(url)).Document;
        apres.QuerySelector("h1")!.TextContent.ShouldContain("Annulée");
        apres.QuerySelector("#titre-etapes")!.ParentElement!.TextContent.ShouldContain("Motif : La personne a trouvé un emploi.");
        apres.QuerySelector($"a[href='{url}/annulation']").ShouldBeNull();
        (await referent.PageAsync($"{url}/annulation")).Document.QuerySelector("form[method=post] button.bouton-danger").ShouldBeNull();
    }

    [Fact]
    public async Task Chaque_etape_figure_dans_la_fiche_et_la_chronologie()
    {
        var personne = await PersonneAsync("Prescrit-Parcours");
        var actionId = await ActionAsync("Ateliers de remobilisation", regler: a =>
        {
            a.DefinirPlafonds(210, null, null);
            a.DefinirCapaciteEtRythme(ModeCapacite.Libre, null, 15, 12, 3);
        });
        var j = Aujourdhui;
        var prescriptionId = await Offre.PrescriptionAsync(personne, actionId, j.AddDays(-40), suite: (p, action, operateur) =>
        {
            p.Accepter(j.AddDays(-35), operateur, null, null);
            p.Entrer(j.AddDays(-30), j);
            p.EnregistrerHeures(j.AddDays(-20), 7.5m, NatureHeures.Action, action, operateur, j);
            p.AjouterBilan(TypeBilan.Intermediaire, j.AddDays(-10), AtteinteObjectifs.Partiellement, Assiduite.Reguliere, ["mobilite"],
                "Poursuivre l'atelier code.", "Assidu, progresse sur le code.", operateur, j);
            p.Sortir(j.AddDays(-5), IssueSortie.FormationQualifiante, "Entre en formation de cariste.", j);
        });
        var refusee = await Offre.PrescriptionAsync(personne, await ActionAsync("Atelier refusé"), j.AddDays(-6),
            suite: (p, _, operateur) => p.Refuser(j.AddDays(-2), operateur, "Le groupe de la session est complet."));
        var departement = await app.Base.DepartementAsync("63");
        await using (var db = await ContexteAsync())
        {
            var operateur = await db.Users.Where(a => a.Email == ClientPasserelle.Email("operateur.mobilite")).Select(a => a.Id).SingleAsync();
            db.RendezVous.Add(RendezVous.Planifier(departement, personne, operateur, null, TypeRendezVous.Telephone,
                DateTime.UtcNow.AddDays(-25), 30, "Point d'étape sur l'atelier", null, prescriptionId: prescriptionId));
            await db.SaveChangesAsync();
        }

        using var referent = await ConnecteAsync();
        var fiche = (await referent.PageAsync($"/prescriptions/{prescriptionId}")).Document;
        var etapes = fiche.QuerySelector("#titre-etapes")!.ParentElement!.TextContent;
        foreach (var etape in new[] { "Prescription envoyée à l'opérateur", "Acceptée par l'opérateur", "Entrée dans l'action", "Sortie de l'action : sortie positive : formation qualifiante" })
        {
            etapes.ShouldContain(etape);
        }

        fiche.QuerySelector("#titre-heures")!.ParentElement!.TextContent.ShouldContain("7,5 h sur un plafond de 210 h");
        var bilans = fiche.QuerySelector("#titre-bilans")!.ParentElement!.TextContent;
        bilans.ShouldContain("Bilan intermédiaire du");
        bilans.ShouldContain("Objectifs partiellement atteints");
        bilans.ShouldContain("Poursuivre l'atelier code.");
        bilans.ShouldContain("Damien Mallet");
        var entretiens = fiche.QuerySelector("#titre-entretiens")!.ParentElement!.TextContent;
        entretiens.ShouldContain("Point d'étape sur l'atelier");
        entretiens.ShouldContain("un entretien tous les 15 jours");
        fiche.QuerySelector("#titre-etapes")!.ParentElement!.TextContent.ShouldContain("suivi à six mois est attendu");

        var refus = (await referent.PageAsync($"/prescriptions/{refusee}")).Document;
        var etapesRefus = refus.QuerySelector("#titre-etapes")!.ParentElement!.TextContent;
        etapesRefus.ShouldContain("Refusée par l'opérateur");
        etapesRefus.ShouldContain("Motif : Le groupe de la session est complet.");

        var dossier = (await referent.PageAsync($"/beneficiaires/{personne}")).Document;
        dossier.QuerySelector("#prescriptions")!.TextContent.ShouldContain("7,5 h / 210 h");
        var chronologie = (await referent.PageAsync($"/beneficiaires/{personne}/chronologie")).Document.QuerySelector("#chronologie")!.TextContent;
        foreach (var evenement in new[]
                 {
                     "Prescription de l'action « Ateliers de remobilisation » envoyée",
                     "Prescription de l'action « Ateliers de remobilisation » acceptée",
                     "Entrée dans l'action « Ateliers de remobilisation »",
                     "Bilan intermédiaire de l'action « Ateliers de remobilisation »",
                     "Sortie de l'action « Ateliers de remobilisation »",
                     "Sortie positive : formation qualifiante",
                     "Prescription de l'action « Atelier refusé » refusée",
                     "Motif : Le groupe de la session est complet.",
                 })
        {
            chronologie.ShouldContain(evenement);
        }
    }
}

public sealed class PrescriptionsSqliteTests(ApplicationSqlite app) : PrescriptionsTests(app), IClassFixture<ApplicationSqlite>;

public sealed class PrescriptionsPostgresTests(ApplicationPostgres app) : PrescriptionsTests(app), IClassFixture<ApplicationPostgres>;
