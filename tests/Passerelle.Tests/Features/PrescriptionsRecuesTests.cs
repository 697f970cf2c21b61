using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Passerelle.Domain;
using Passerelle.Infrastructure.Tenancy;
using Passerelle.Tests.Support;

namespace Passerelle.Tests.Features;

/// <summary>The operator's side of a prescription, in the Puy-de-Dôme: operateur.mobilite and operateur.aisp answer the référent's prescriptions.</summary>
public abstract class PrescriptionsRecuesTests(ApplicationDeTest app)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    // The class shares one database: each person has a birth date of her own.
    private static int _numero;

    private DateOnly Aujourdhui => app.Factory.Temps.Aujourdhui(Paris);

    private OffreDeTest Offre => new(app);

    /// <summary>
    /// An action of the builder with a thématique of data·inclusion v1: the builder's default ("mobilite") is a theme of
    /// the département's barriers, not a code of the national list, and the action refuses it.
    /// </summary>
    private Task<Guid> ActionAsync(string nom, string operateur = "operateur.mobilite", Action<ActionInsertion>? regler = null) =>
        Offre.ActionAsync(nom, operateur, regler: regler, thematiques: ["mobilite--etre-accompagne-dans-son-parcours-mobilite"]);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Url(Guid prescription) => $"/prescriptions/recues/{prescription}";

    private async Task<ClientPasserelle> ConnecteAsync(string identifiant = "operateur.mobilite")
    {
        var client = app.Factory.Client();
        await client.ConnecterAsync(identifiant);
        return client;
    }

    /// <summary>A Puy-de-Dôme person followed by referent.puydedome, with a phone number.</summary>
    private async Task<Guid> PersonneAsync(string nom, string telephone = "06 12 34 56 78")
    {
        var naissance = new DateOnly(1975, 1, 1).AddDays(Interlocked.Increment(ref _numero) * 37);
        var personne = await new PersonnesDeTest(app).CreerAsync(nom, "Lucie", naissance, referent: "referent.puydedome", departement: "63");
        await using var db = await ContexteAsync();
        var beneficiaire = await db.Beneficiaires.SingleAsync(b => b.Id == personne);
        beneficiaire.ModifierCoordonnees(telephone, "lucie@example.org", "4 rue des Gras", null, null);
        await db.SaveChangesAsync();
        return personne;
    }

    private async Task<Passerelle.Data.PasserelleDbContext> ContexteAsync() => app.Base.Contexte(await app.Base.DepartementAsync("63"));

    private async Task<Prescription> PrescriptionAsync(Guid id)
    {
        await using var db = await ContexteAsync();
        return await db.Prescriptions.AsNoTracking().Include(p => p.Heures).Include(p => p.Bilans).SingleAsync(p => p.Id == id);
    }

    private async Task<Guid> AgentAsync(string identifiant)
    {
        await using var db = await ContexteAsync();
        return await db.Users.Where(a => a.Email == ClientPasserelle.Email(identifiant)).Select(a => a.Id).SingleAsync();
    }

    private async Task<List<string>> NotificationsAsync(string identifiant, Guid prescription)
    {
        var agent = await AgentAsync(identifiant);
        await using var db = await ContexteAsync();
        return await db.Notifications.Where(n => n.AgentId == agent && n.Url == $"/prescriptions/{prescription}").Select(n => n.Titre).ToListAsync();
    }

    /// <summary>Posts one of the prescription page's forms with the version the operator read.</summary>
    private async Task<HttpResponseMessage> EtapeAsync(ClientPasserelle client, Guid prescription, string handler, params (string Champ, string Valeur)[] champs)
    {
        var version = (await PrescriptionAsync(prescription)).Version;
        return await EtapeAsync(client, prescription, handler, version, champs);
    }

    private static async Task<HttpResponseMessage> EtapeAsync(
        ClientPasserelle client, Guid prescription, string handler, int version, params (string Champ, string Valeur)[] champs) =>
        await client.PosterAsync(
            Url(prescription),
            [new("Version", version.ToString(CultureInfo.InvariantCulture)), .. champs.Select(c => new KeyValuePair<string, string>(c.Champ, c.Valeur))],
            $"{Url(prescription)}?handler={handler}");

    private static async Task<string?> ErreurAsync(HttpResponseMessage reponse) =>
        (await ClientPasserelle.DocumentAsync(reponse)).QuerySelector(".resume-erreurs")?.TextContent;

    /// <summary>Accepted and entered <paramref name="joursDepuisEntree"/> days ago.</summary>
    private static Action<Prescription, ActionInsertion, Guid> EnCours(DateOnly aujourdhui, int joursDepuisEntree = 60) => (p, _, operateur) =>
    {
        p.Accepter(aujourdhui.AddDays(-joursDepuisEntree - 1), operateur, null, null);
        p.Entrer(aujourdhui.AddDays(-joursDepuisEntree), aujourdhui);
    };

    [Fact]
    public async Task La_boite_ne_liste_que_les_prescriptions_de_la_structure()
    {
        var mobilite = await ActionAsync("Ateliers mobilité (boîte)");
        var autreMobilite = await ActionAsync("Aide au permis (boîte)");
        var aisp = await ActionAsync("Accompagnement AISP (boîte)", operateur: "operateur.aisp");
        var annie = await PersonneAsync("Boite-Mobilite");
        var bruno = await PersonneAsync("Boite-Aisp");
        var carla = await PersonneAsync("Boite-Permis");
        await Offre.PrescriptionAsync(annie, mobilite, Aujourdhui.AddDays(-10));
        await Offre.PrescriptionAsync(bruno, aisp, Aujourdhui.AddDays(-3));
        await Offre.PrescriptionAsync(carla, autreMobilite, Aujourdhui.AddDays(-2), suite: (p, _, operateur) => p.Accepter(Aujourdhui, operateur, null, null));

        using var operateur = await ConnecteAsync();
        var (reponse, page) = await operateur.PageAsync("/prescriptions/recues");
        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelectorAll("nav.navigation a").Select(a => a.TextContent.Trim()).ShouldContain("Prescriptions reçues");
        var lignes = page.QuerySelectorAll("tbody tr").Select(l => l.TextContent).ToList();
        lignes.ShouldContain(l => l.Contains("BOITE-MOBILITE") && l.Contains("Ateliers mobilité (boîte)") && l.Contains("20 jours"));
        lignes.ShouldNotContain(l => l.Contains("BOITE-AISP"));
        // Carla is accepted: in her own tab.
        lignes.ShouldNotContain(l => l.Contains("BOITE-PERMIS"));
        page.QuerySelector("nav[aria-label='État des prescriptions'] a[aria-current=page]")!.TextContent.ShouldStartWith("À répondre");

        var acceptees = (await operateur.PageAsync("/prescriptions/recues?Etat=acceptees")).Document;
        acceptees.QuerySelectorAll("tbody tr").Select(l => l.TextContent).ShouldContain(l => l.Contains("BOITE-PERMIS"));
        var filtree = (await operateur.PageAsync($"/prescriptions/recues?ActionId={mobilite}")).Document;
        filtree.QuerySelectorAll("tbody tr").Length.ShouldBe(1);
        filtree.QuerySelectorAll("nav[aria-label='État des prescriptions'] a").Select(a => a.TextContent.Trim())
            .ShouldBe(["À répondre (1)", "Liste d'attente (0)", "Acceptées (0)", "En cours (0)", "Sorties — suivi à six mois (0)"]);

        using var autre = await ConnecteAsync("operateur.aisp");
        var pageAisp = (await autre.PageAsync("/prescriptions/recues")).Document;
        var lignesAisp = pageAisp.QuerySelectorAll("tbody tr").Select(l => l.TextContent).ToList();
        lignesAisp.ShouldContain(l => l.Contains("BOITE-AISP"));
        lignesAisp.ShouldNotContain(l => l.Contains("BOITE-MOBILITE"));

        // The names listed are reads of each person's record.
        var agent = await AgentAsync("operateur.mobilite");
        await using (var db = await ContexteAsync())
        {
            (await db.JournalAcces.CountAsync(j => j.AgentId == agent && j.Action == ActionJournal.Consultation && j.EnregistrementId == annie)).ShouldBeGreaterThan(0);
            (await db.JournalAcces.CountAsync(j => j.AgentId == agent && j.EnregistrementId == bruno)).ShouldBe(0);
        }

        using var referent = await ConnecteAsync("referent.puydedome");
        (await referent.PageAsync("/prescriptions/recues")).Reponse.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Un_autre_operateur_recoit_404_sur_la_prescription_et_sur_la_personne()
    {
        var mobilite = await ActionAsync("Location de véhicules (404)");
        var personne = await PersonneAsync("Perimetre-Mobilite");
        var prescription = await Offre.PrescriptionAsync(personne, mobilite, Aujourdhui.AddDays(-1));

        using var aisp = await ConnecteAsync("operateur.aisp");
        (await aisp.PageAsync(Url(prescription))).Reponse.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await aisp.PageAsync($"/beneficiaires/{personne}")).Reponse.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await aisp.PageAsync($"/prescriptions/recues/personnes/{personne}")).Reponse.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var acceptation = await aisp.PosterDirectementAsync($"{Url(prescription)}?handler=Accepter", [new("Version", "0")]);
        acceptation.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await PrescriptionAsync(prescription)).Etat.ShouldBe(EtatPrescription.Envoyee);

        using var mobiliteClient = await ConnecteAsync();
        var dossier = (await mobiliteClient.PageAsync($"/beneficiaires/{personne}")).Reponse;
        dossier.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        dossier.Headers.Location!.OriginalString.ShouldBe($"/prescriptions/recues/personnes/{personne}");
        var (reponse, page) = await mobiliteClient.PageAsync($"/prescriptions/recues/personnes/{personne}");
        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector("h1")!.TextContent.ShouldContain("Perimetre-Mobilite");
        page.QuerySelector("tbody")!.TextContent.ShouldContain("Location de véhicules (404)");

        using var referent = await ConnecteAsync("referent.puydedome");
        (await referent.PageAsync(Url(prescription))).Reponse.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await referent.PageAsync($"/prescriptions/recues/personnes/{personne}")).Reponse.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Accepter_avertit_le_referent_et_un_formulaire_perime_est_refuse()
    {
        var action = await ActionAsync("Accompagnement personnalisé (acceptation)");
        var personne = await PersonneAsync("Acceptation");
        var prescription = await Offre.PrescriptionAsync(personne, action, Aujourdhui.AddDays(-5));
        using var operateur = await ConnecteAsync();
        var versionLue = (await PrescriptionAsync(prescription)).Version;

        var acceptation = await EtapeAsync(operateur, prescription, "Accepter", versionLue);
        acceptation.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErreurAsync(acceptation));
        var acceptee = await PrescriptionAsync(prescription);
        acceptee.Etat.ShouldBe(EtatPrescription.Acceptee);
        acceptee.AccepteeLe.ShouldBe(Aujourdhui);
        acceptee.ReponduPar.ShouldBe(await AgentAsync("operateur.mobilite"));
        (await NotificationsAsync("referent.puydedome", prescription)).ShouldContain(t => t.Contains("Prescription acceptée"));

        // A second form rendered before the answer: refused with who changed the prescription, nothing written.
        var perimee = await EtapeAsync(operateur, prescription, "Attente", versionLue);
        perimee.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ErreurAsync(perimee))!.ShouldContain("modifiée entre-temps par Damien Mallet");
        (await PrescriptionAsync(prescription)).Etat.ShouldBe(EtatPrescription.Acceptee);

        var page = (await operateur.PageAsync(Url(prescription))).Document;
        page.QuerySelector("h1")!.TextContent.ShouldContain("Acceptée");
        page.QuerySelectorAll("button").Select(b => b.TextContent.Trim()).ShouldContain("Enregistrer l'entrée");
        var entree = await EtapeAsync(operateur, prescription, "Entree", ("Entree.Date", Iso(Aujourdhui)));
        entree.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErreurAsync(entree));
        (await PrescriptionAsync(prescription)).ShouldSatisfyAllConditions(p => p.Etat.ShouldBe(EtatPrescription.EnCours), p => p.EntreeLe.ShouldBe(Aujourdhui));
        (await NotificationsAsync("referent.puydedome", prescription)).ShouldContain(t => t.Contains("Entrée dans l'action"));
    }

    [Fact]
    public async Task Une_action_complete_refuse_l_acceptation_et_garde_la_liste_d_attente()
    {
        var action = await ActionAsync("Accompagnement CUCS (capacité)",
            regler: a => a.DefinirCapaciteEtRythme(ModeCapacite.ParcoursAnnuels, 1, 15, null, 12));
        var premiere = await PersonneAsync("Capacite-Premiere");
        var seconde = await PersonneAsync("Capacite-Seconde");
        await Offre.PrescriptionAsync(premiere, action, Aujourdhui, suite: (p, _, operateur) => p.Accepter(Aujourdhui, operateur, null, null));
        var prescription = await Offre.PrescriptionAsync(seconde, action, Aujourdhui);
        using var operateur = await ConnecteAsync();

        var refus = await EtapeAsync(operateur, prescription, "Accepter");
        refus.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ErreurAsync(refus))!.ShouldContain("L'action a atteint ses 1 parcours de l'année : inscrivez la personne en liste d'attente.");
        var page = await ClientPasserelle.DocumentAsync(refus);
        page.QuerySelectorAll("button").Select(b => b.TextContent.Trim()).ShouldContain("Inscrire en liste d'attente");
        (await PrescriptionAsync(prescription)).Etat.ShouldBe(EtatPrescription.Envoyee);

        var attente = await EtapeAsync(operateur, prescription, "Attente");
        attente.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErreurAsync(attente));
        (await PrescriptionAsync(prescription)).ShouldSatisfyAllConditions(
            p => p.Etat.ShouldBe(EtatPrescription.EnAttente), p => p.MiseEnAttenteLe.ShouldBe(Aujourdhui));
        (await NotificationsAsync("referent.puydedome", prescription)).ShouldContain(t => t.Contains("liste d'attente"));
        var liste = (await operateur.PageAsync("/prescriptions/recues?Etat=attente")).Document;
        liste.QuerySelectorAll("tbody tr").Select(l => l.TextContent).ShouldContain(l => l.Contains("CAPACITE-SECONDE"));

        // A refusal needs its reason and its confirmation.
        var sansMotif = await EtapeAsync(operateur, prescription, "Refuser", ("Refus.Motif", ""), ("Refus.Confirmation", "true"));
        sansMotif.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ErreurAsync(sansMotif))!.ShouldContain("Indiquez le motif du refus");
        var refusee = await EtapeAsync(operateur, prescription, "Refuser", ("Refus.Motif", "Plus de place cette année."), ("Refus.Confirmation", "true"));
        refusee.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErreurAsync(refusee));
        (await PrescriptionAsync(prescription)).MotifRefus.ShouldBe("Plus de place cette année.");
    }

    [Fact]
    public async Task Les_heures_au_dela_du_plafond_ou_du_stage_sont_refusees()
    {
        var atelier = await ActionAsync("Ateliers de remobilisation (heures)", regler: a => a.DefinirPlafonds(210, null, null));
        var preQualification = await ActionAsync("Pré-qualification (heures)", regler: a => a.DefinirPlafonds(385, 70, 120));
        var aujourdhui = Aujourdhui;
        var remobilisation = await Offre.PrescriptionAsync(await PersonneAsync("Heures-Atelier"), atelier, aujourdhui.AddDays(-70), suite: (p, action, operateur) =>
        {
            EnCours(aujourdhui)(p, action, operateur);
            for (var jour = 0; jour < 26; jour++)
            {
                p.EnregistrerHeures(aujourdhui.AddDays(-50 + jour), 8, NatureHeures.Action, action, operateur, aujourdhui);
            }
        });
        var qualification = await Offre.PrescriptionAsync(await PersonneAsync("Heures-Stage"), preQualification, aujourdhui.AddDays(-70), suite: (p, action, operateur) =>
        {
            EnCours(aujourdhui)(p, action, operateur);
            for (var jour = 0; jour < 5; jour++)
            {
                p.EnregistrerHeures(aujourdhui.AddDays(-20 + jour), 23, NatureHeures.Stage, action, operateur, aujourdhui);
            }
        });
        using var operateur = await ConnecteAsync();

        var page = (await operateur.PageAsync(Url(remobilisation))).Document;
        page.QuerySelector("#heures")!.TextContent.ShouldContain("208 h sur un plafond de 210 h");
        var auDela = await EtapeAsync(operateur, remobilisation, "Heures", ("Heures.Date", Iso(aujourdhui)), ("Heures.Nombre", "3,5"), ("Heures.Nature", "Action"));
        auDela.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ErreurAsync(auDela))!.ShouldContain("L'action est plafonnée à 210 h : 208 h sont déjà enregistrées, 3,5 h de plus dépasseraient le plafond de 1,5 h.");
        (await PrescriptionAsync(remobilisation)).Heures.Count.ShouldBe(26);
        var illisible = await EtapeAsync(operateur, remobilisation, "Heures", ("Heures.Date", Iso(aujourdhui)), ("Heures.Nombre", "deux"), ("Heures.Nature", "Action"));
        (await ErreurAsync(illisible))!.ShouldContain("Indiquez le nombre d'heures");
        var jusquAuPlafond = await EtapeAsync(operateur, remobilisation, "Heures", ("Heures.Date", Iso(aujourdhui)), ("Heures.Nombre", "2"), ("Heures.Nature", "Action"));
        jusquAuPlafond.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErreurAsync(jusquAuPlafond));
        (await PrescriptionAsync(remobilisation)).Heures.Sum(h => h.Minutes).ShouldBe(210 * 60);

        var stage = await EtapeAsync(operateur, qualification, "Heures", ("Heures.Date", Iso(aujourdhui)), ("Heures.Nombre", "6"), ("Heures.Nature", "Stage"));
        stage.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ErreurAsync(stage))!.ShouldContain("Le stage en entreprise dure au plus 120 h : 115 h sont déjà enregistrées");
        var stageAdmis = await EtapeAsync(operateur, qualification, "Heures", ("Heures.Date", Iso(aujourdhui)), ("Heures.Nombre", "4,5"), ("Heures.Nature", "Stage"));
        stageAdmis.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErreurAsync(stageAdmis));
        var centre = await EtapeAsync(operateur, qualification, "Heures", ("Heures.Date", Iso(aujourdhui)), ("Heures.Nombre", "7"), ("Heures.Nature", "Action"));
        centre.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErreurAsync(centre));
        var heures = (await PrescriptionAsync(qualification)).Heures;
        heures.Where(h => h.Nature == NatureHeures.Stage).Sum(h => h.Minutes).ShouldBe((115 * 60) + 270);
        heures.Sum(h => h.Minutes).ShouldBe((115 * 60) + 270 + (7 * 60));
        (await operateur.PageAsync(Url(qualification))).Document.QuerySelector("#heures")!.TextContent
            .ShouldContain("119,5 h (attendu : de 70 à 120 h)");
    }

    [Fact]
    public async Task Un_entretien_se_prevoit_puis_s_enregistre()
    {
        var action = await ActionAsync("Accompagnement AISP (entretiens)", operateur: "operateur.aisp",
            regler: a => a.DefinirCapaciteEtRythme(ModeCapacite.Libre, null, 15, 12, 3));
        var prescription = await Offre.PrescriptionAsync(await PersonneAsync("Entretiens"), action, Aujourdhui.AddDays(-20), suite: EnCours(Aujourdhui, 10));
        using var operateur = await ConnecteAsync("operateur.aisp");

        var prevu = await operateur.PosterAsync(Url(prescription),
        [
            new("Entretien.Type", "Individuel"), new("Entretien.Date", Iso(Aujourdhui.AddDays(-1))), new("Entretien.Heure", "10:00"),
            new("Entretien.DureeMinutes", "45"), new("Entretien.Objet", "Point d'étape"), new("Entretien.Lieu", "Locaux de l'AISP"),
        ], $"{Url(prescription)}?handler=Entretien");
        prevu.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErreurAsync(prevu));
        RendezVous entretien;
        await using (var db = await ContexteAsync())
        {
            entretien = await db.RendezVous.AsNoTracking().SingleAsync(r => r.PrescriptionId == prescription);
            entretien.StructureId.ShouldBe(await db.Structures.Where(s => s.Nom == OffreDeTest.StructureDe["operateur.aisp"]).Select(s => s.Id).SingleAsync());
            entretien.AgentId.ShouldBe(await AgentAsync("operateur.aisp"));
        }

        var page = (await operateur.PageAsync(Url(prescription))).Document;
        page.QuerySelector("#entretiens")!.TextContent.ShouldContain("Un entretien attendu tous les 15 jours");
        page.QuerySelector("#entretiens tbody")!.TextContent.ShouldContain("Point d'étape");
        var aEnregistrer = $"a[href='{Url(prescription)}#titre-entretiens']";
        (await operateur.PageAsync("/a-traiter")).Document.QuerySelector(aEnregistrer).ShouldNotBeNull();
        var honore = await operateur.PosterAsync(Url(prescription),
        [
            new("IssueEntretien.RendezVousId", entretien.Id.ToString()), new("IssueEntretien.Version", entretien.Version.ToString(CultureInfo.InvariantCulture)),
            new("IssueEntretien.Issue", "Honore"), new("IssueEntretien.Texte", "Démarches de permis engagées."),
        ], $"{Url(prescription)}?handler=IssueEntretien");
        honore.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErreurAsync(honore));
        await using (var db = await ContexteAsync())
        {
            var enregistre = await db.RendezVous.AsNoTracking().SingleAsync(r => r.Id == entretien.Id);
            enregistre.Statut.ShouldBe(StatutRendezVous.Honore);
            enregistre.CompteRendu.ShouldBe("Démarches de permis engagées.");
        }

        (await operateur.PageAsync("/a-traiter")).Document.QuerySelector(aEnregistrer).ShouldBeNull();
    }

    [Fact]
    public async Task Un_bilan_et_une_sortie_avertissent_le_referent()
    {
        var action = await ActionAsync("Ateliers mobilité (bilan)");
        var prescription = await Offre.PrescriptionAsync(await PersonneAsync("Bilan-Sortie"), action, Aujourdhui.AddDays(-40), suite: EnCours(Aujourdhui, 30));
        using var operateur = await ConnecteAsync();

        var vide = await EtapeAsync(operateur, prescription, "Bilan",
            ("Bilan.Type", "Intermediaire"), ("Bilan.Date", Iso(Aujourdhui)), ("Bilan.Atteinte", "Partiellement"), ("Bilan.Assiduite", "Reguliere"));
        (await ErreurAsync(vide))!.ShouldContain("Écrivez le bilan");
        var bilan = await EtapeAsync(operateur, prescription, "Bilan",
            ("Bilan.Type", "Intermediaire"), ("Bilan.Date", Iso(Aujourdhui)), ("Bilan.Atteinte", "Partiellement"), ("Bilan.Assiduite", "Reguliere"),
            ("Bilan.FreinsLeves", "mobilite"), ("Bilan.Preconisations", "Poursuivre vers l'aide au permis."));
        bilan.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErreurAsync(bilan));
        var ecrit = (await PrescriptionAsync(prescription)).Bilans.ShouldHaveSingleItem();
        ecrit.ShouldSatisfyAllConditions(
            b => b.Type.ShouldBe(TypeBilan.Intermediaire), b => b.Atteinte.ShouldBe(AtteinteObjectifs.Partiellement),
            b => b.CodesFreinsLeves.ShouldBe(["mobilite"]), b => b.Preconisations.ShouldBe("Poursuivre vers l'aide au permis."));
        (await NotificationsAsync("referent.puydedome", prescription)).ShouldContain(t => t.Contains("Bilan intermédiaire"));
        (await operateur.PageAsync(Url(prescription))).Document.QuerySelector("#bilans")!.TextContent.ShouldContain("Freins levésMobilité");

        var sansConfirmation = await EtapeAsync(operateur, prescription, "Sortie", ("Sortie.Date", Iso(Aujourdhui)), ("Sortie.Issue", "EmploiDurable"));
        (await ErreurAsync(sansConfirmation))!.ShouldContain("Cochez la case pour confirmer la sortie");
        (await PrescriptionAsync(prescription)).Etat.ShouldBe(EtatPrescription.EnCours);
        var sortie = await EtapeAsync(operateur, prescription, "Sortie",
            ("Sortie.Date", Iso(Aujourdhui)), ("Sortie.Issue", "EmploiDurable"), ("Sortie.Commentaire", "CDI d'agent d'entretien."), ("Sortie.Confirmation", "true"));
        sortie.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErreurAsync(sortie));
        (await PrescriptionAsync(prescription)).ShouldSatisfyAllConditions(
            p => p.Etat.ShouldBe(EtatPrescription.Sortie), p => p.Issue.ShouldBe(IssueSortie.EmploiDurable), p => p.SortieLe.ShouldBe(Aujourdhui));
        (await NotificationsAsync("referent.puydedome", prescription)).ShouldContain(t => t.Contains("Sortie de l'action"));
        var sorties = (await operateur.PageAsync("/prescriptions/recues?Etat=sorties")).Document;
        sorties.QuerySelectorAll("tbody tr").Select(l => l.TextContent).ShouldContain(l => l.Contains("BILAN-SORTIE") && l.Contains("À partir du"));
    }

    [Fact]
    public async Task Le_suivi_a_six_mois_est_refuse_avant_et_accepte_apres()
    {
        var action = await ActionAsync("Aide au retour à l'emploi (suivi)");
        var aujourdhui = Aujourdhui;
        var sortieLe = aujourdhui.AddDays(10).AddMonths(-Prescription.MoisSuivi);
        var prescription = await Offre.PrescriptionAsync(await PersonneAsync("Suivi-Six-Mois"), action, sortieLe.AddDays(-60), suite: (p, _, operateur) =>
        {
            p.Accepter(sortieLe.AddDays(-55), operateur, null, null);
            p.Entrer(sortieLe.AddDays(-50), aujourdhui);
            p.Sortir(sortieLe, IssueSortie.EmploiDurable, null, aujourdhui);
        });
        using (var operateur = await ConnecteAsync())
        {
            var tot = await EtapeAsync(operateur, prescription, "Suivi", ("Suivi.Date", Iso(aujourdhui)), ("Suivi.Situation", "EmploiDurable"));
            tot.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await ErreurAsync(tot))!.ShouldContain("Le suivi à six mois se renseigne à partir du");
            (await PrescriptionAsync(prescription)).SuiviLe.ShouldBeNull();
        }

        app.Factory.Temps.Advance(TimeSpan.FromDays(11));
        using (var operateur = await ConnecteAsync())
        {
            var suivi = await EtapeAsync(operateur, prescription, "Suivi",
                ("Suivi.Date", Iso(Aujourdhui)), ("Suivi.Situation", "EmploiDurable"), ("Suivi.Commentaire", "Toujours en poste."));
            suivi.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErreurAsync(suivi));
            (await PrescriptionAsync(prescription)).ShouldSatisfyAllConditions(
                p => p.SuiviLe.ShouldBe(Aujourdhui), p => p.Situation.ShouldBe(SituationSuivi.EmploiDurable));
            (await NotificationsAsync("referent.puydedome", prescription)).ShouldContain(t => t.Contains("Suivi à six mois"));
        }
    }

    [Fact]
    public async Task La_personne_sort_de_la_vue_un_mois_apres_le_suivi_du()
    {
        var action = await ActionAsync("Ateliers mobilité (fin de vue)");
        var personne = await PersonneAsync("Fin-De-Vue");
        var aujourdhui = Aujourdhui;
        var sortieLe = aujourdhui.AddDays(5).AddMonths(-(Prescription.MoisSuivi + Prescription.MoisSaisieSuivi));
        var prescription = await Offre.PrescriptionAsync(personne, action, sortieLe.AddDays(-60), suite: (p, _, operateur) =>
        {
            p.Accepter(sortieLe.AddDays(-55), operateur, null, null);
            p.Entrer(sortieLe.AddDays(-50), aujourdhui);
            p.Sortir(sortieLe, IssueSortie.AutreSortie, null, aujourdhui);
        });
        using (var operateur = await ConnecteAsync())
        {
            var page = (await operateur.PageAsync(Url(prescription))).Document;
            page.QuerySelector("#sortie")!.TextContent.ShouldContain("À renseigner à partir du");
            (await operateur.PageAsync($"/prescriptions/recues/personnes/{personne}")).Reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        app.Factory.Temps.Advance(TimeSpan.FromDays(10));
        using (var operateur = await ConnecteAsync())
        {
            (await operateur.PageAsync(Url(prescription))).Reponse.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await operateur.PageAsync($"/prescriptions/recues/personnes/{personne}")).Reponse.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await operateur.PageAsync($"/beneficiaires/{personne}")).Reponse.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await operateur.PageAsync("/prescriptions/recues?Etat=sorties")).Document.QuerySelectorAll("tbody tr")
                .Select(l => l.TextContent).ShouldNotContain(l => l.Contains("FIN-DE-VUE"));
        }
    }

    [Fact]
    public async Task La_page_ne_montre_que_ce_que_la_prescription_partage_et_chaque_lecture_est_journalisee()
    {
        var sansCoordonnees = await ActionAsync("Diagnostic mobilité (partage)");
        var avecCoordonnees = await ActionAsync("Location de véhicules (partage)");
        var personne = await PersonneAsync("Partage", telephone: "06 98 76 54 32");
        await using (var db = await ContexteAsync())
        {
            var departement = await app.Base.DepartementAsync("63");
            db.EvaluationsFreins.Add(new EvaluationFrein(departement, personne, Aujourdhui.AddDays(-15), "mobilite", NiveauFrein.Bloquant, "Commentaire du référent", null, DateTime.UtcNow));
            await db.SaveChangesAsync();
        }

        var diagnostic = await Offre.PrescriptionAsync(personne, sansCoordonnees, Aujourdhui.AddDays(-2), partage: InformationsPartagees.Diagnostic);
        using var operateur = await ConnecteAsync();
        var page = (await operateur.PageAsync(Url(diagnostic))).Document;
        var texte = page.QuerySelector("main")?.TextContent ?? page.Body!.TextContent;
        texte.ShouldContain("PARTAGE");
        texte.ShouldNotContain("06 98 76 54 32");
        texte.ShouldNotContain("lucie@example.org");
        texte.ShouldNotContain("Objectifs du contrat d'engagement");
        page.QuerySelector("#titre-freins")!.ParentElement!.TextContent.ShouldContain("Bloquant");
        texte.ShouldNotContain("Commentaire du référent");
        (await operateur.PageAsync($"/prescriptions/recues/personnes/{personne}")).Document.Body!.TextContent.ShouldNotContain("06 98 76 54 32");

        var agent = await AgentAsync("operateur.mobilite");
        await using (var db = await ContexteAsync())
        {
            var lectures = await db.JournalAcces.Where(j => j.AgentId == agent && j.Action == ActionJournal.Consultation).ToListAsync();
            lectures.ShouldContain(j => j.TypeEnregistrement == nameof(Beneficiaire) && j.EnregistrementId == personne);
            lectures.ShouldContain(j => j.TypeEnregistrement == nameof(Prescription) && j.EnregistrementId == diagnostic);
        }

        // A second prescription shares the coordinates: its page and the person's page show them.
        var coordonnees = await Offre.PrescriptionAsync(personne, avecCoordonnees, Aujourdhui.AddDays(-1), partage: InformationsPartagees.Coordonnees);
        (await operateur.PageAsync(Url(coordonnees))).Document.Body!.TextContent.ShouldContain("06 98 76 54 32");
        (await operateur.PageAsync(Url(diagnostic))).Document.Body!.TextContent.ShouldNotContain("06 98 76 54 32");
        var union = (await operateur.PageAsync($"/prescriptions/recues/personnes/{personne}")).Document.Body!.TextContent;
        union.ShouldContain("06 98 76 54 32");
        union.ShouldContain("Bloquant");
    }
}

public sealed class PrescriptionsRecuesSqliteTests(ApplicationSqlite app) : PrescriptionsRecuesTests(app), IClassFixture<ApplicationSqlite>;

public sealed class PrescriptionsRecuesPostgresTests(ApplicationPostgres app) : PrescriptionsRecuesTests(app), IClassFixture<ApplicationPostgres>;
