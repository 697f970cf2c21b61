using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Passerelle.Domain;
using Passerelle.Infrastructure.Courriel;
using Passerelle.Infrastructure.Tenancy;
using Passerelle.Tests.Support;
using Quartz;

namespace Passerelle.Tests.Features;

public abstract class RendezVousTests(ApplicationDeTest app)
{
    private const string Lieu = "Maison des solidarités, 12 rue de la Paix, Aurillac";
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    // Each test owns its birth dates and names: the class shares one database and people accumulate.
    private static int _numero;

    private DateOnly Aujourdhui => app.Factory.Temps.Aujourdhui(Paris);
    private DateTime Maintenant => app.Factory.Temps.GetUtcNow().UtcDateTime;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTime Utc(DateOnly date, int heure, int minute) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(new TimeOnly(heure, minute)), Paris);

    private async Task<ClientPasserelle> ConnecteAsync(string identifiant = "referent.cantal")
    {
        var client = app.Factory.Client();
        await client.ConnecterAsync(identifiant);
        return client;
    }

    /// <summary>A person followed by <paramref name="referent"/> (his open designation), with an email address unless told otherwise.</summary>
    private async Task<Guid> PersonneAsync(string nom, string? courriel = "personne@example.org", string referent = "referent.cantal", string departement = "15")
    {
        var departementId = await app.Base.DepartementAsync(departement);
        await using var db = app.Base.Contexte(departementId);
        var naissance = new DateOnly(1960, 1, 1).AddDays(Interlocked.Increment(ref _numero) * 41);
        var personne = new Beneficiaire(departementId, nom, null, "Élise", naissance, Sexe.Femme, Dispositifs.Rsa);
        personne.ModifierCoordonnees(null, courriel, "3 place du Square", null, null);
        db.Beneficiaires.Add(personne);
        var agent = await db.Users.SingleAsync(a => a.Email == ClientPasserelle.Email(referent));
        db.ReferentsUniques.Add(ReferentUnique.Designer(departementId, personne.Id, [], new DateOnly(2025, 1, 6), agent.Id, agent.StructureId, null, null));
        await db.SaveChangesAsync();
        return personne.Id;
    }

    /// <summary>The person's right (soumis aux droits et devoirs) and an orientation decided and notified on the given days.</summary>
    private async Task<Guid> OrienterAsync(Guid personne, DateOnly decision, DateOnly? notification, TypeParcours parcours = TypeParcours.Social)
    {
        var cantal = await app.Base.DepartementAsync("15");
        await using var db = app.Base.Contexte(cantal);
        db.DroitsRsa.Add(new DroitRsa(cantal, personne, decision.AddDays(-30), EtatDroitRsa.Ouvert, OrganismePayeur.Caf, true, decision.AddDays(-20), null, Maintenant));
        var orientation = DecisionOrientation.Decider(
            cantal, personne, null, parcours, OrganismeOrientation.ServiceDepartement, null, "Département – Direction de l'insertion",
            decision.AddDays(-20), 6, decision, notification, "Freins à lever d'abord.", null, 6, null, Maintenant);
        db.DecisionsOrientation.Add(orientation);
        await db.SaveChangesAsync();
        return orientation.Id;
    }

    private static List<KeyValuePair<string, string>> Planification(
        DateOnly date, string heure, string objet = "Point sur le parcours", bool convoquer = false, bool notifier = false, string type = "Individuel",
        string lieu = Lieu) =>
    [
        new("Saisie.Type", type), new("Saisie.Date", Iso(date)), new("Saisie.Heure", heure), new("Saisie.DureeMinutes", "45"),
        new("Saisie.Objet", objet), new("Saisie.Lieu", lieu),
        new("Saisie.Convoquer", convoquer ? "true" : "false"), new("Saisie.Notifier", notifier ? "true" : "false"),
    ];

    private async Task<RendezVous> PlanifierAsync(ClientPasserelle client, Guid personne, DateOnly date, string heure, bool convoquer = false, bool notifier = false, string objet = "Point sur le parcours")
    {
        var reponse = await client.PosterAsync($"/beneficiaires/{personne}/rendez-vous/nouveau", Planification(date, heure, objet, convoquer, notifier));
        reponse.StatusCode.ShouldBe(HttpStatusCode.Redirect, await Erreurs(reponse));
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        return await db.RendezVous.AsNoTracking().Where(r => r.BeneficiaireId == personne).OrderByDescending(r => r.Id).FirstAsync();
    }

    private static async Task<string> Erreurs(HttpResponseMessage reponse)
    {
        if (reponse.StatusCode != HttpStatusCode.OK)
        {
            return reponse.StatusCode.ToString();
        }

        var document = await ClientPasserelle.DocumentAsync(reponse);
        return string.Join(" | ", document.QuerySelectorAll(".resume-erreurs li, .champ-erreur").Select(e => e.TextContent.Trim()));
    }

    private static List<KeyValuePair<string, string>> Issue(string issue, int version, string? compteRendu = null, string? motif = null) =>
    [
        new("Issue", issue), new("Version", version.ToString(CultureInfo.InvariantCulture)),
        new("CompteRendu", compteRendu ?? ""), new("Motif", motif ?? ""),
    ];

    private async Task<RendezVous> RelireAsync(Guid rendezVousId)
    {
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        return await db.RendezVous.AsNoTracking().SingleAsync(r => r.Id == rendezVousId);
    }

    /// <summary>Every page of /manquements for the filter: the demo may put other people before ours.</summary>
    private static async Task<List<IElement>> LignesManquementsAsync(ClientPasserelle client, string filtre = "")
    {
        var lignes = new List<IElement>();
        for (var page = 1; page <= 40; page++)
        {
            var (reponse, document) = await client.PageAsync($"/manquements?p={page}{filtre}");
            reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
            lignes.AddRange(document.QuerySelectorAll("table tbody tr"));
            if (document.QuerySelector("a[rel=next]") is null)
            {
                break;
            }
        }

        return lignes;
    }

    [Fact]
    public async Task Un_rendez_vous_prevu_en_heure_locale_puis_honore_avec_son_compte_rendu()
    {
        var personne = await PersonneAsync("Honorat");
        using var client = await ConnecteAsync();
        var hier = Aujourdhui.AddDays(-1);

        var rendezVous = await PlanifierAsync(client, personne, hier, "10:15");
        var formulaire = (await client.PageAsync($"/beneficiaires/{personne}/rendez-vous/{rendezVous.Id}/issue")).Document;
        var reponse = await client.PosterAsync($"/beneficiaires/{personne}/rendez-vous/{rendezVous.Id}/issue",
            Issue("Honore", rendezVous.Version, "Démarches de logement engagées ; prochain point dans un mois."));
        var liste = (await client.PageAsync($"/beneficiaires/{personne}/rendez-vous")).Document;
        var dossier = (await client.PageAsync($"/beneficiaires/{personne}")).Document;

        rendezVous.Debut.ShouldBe(Utc(hier, 10, 15));
        rendezVous.Type.ShouldBe(TypeRendezVous.Individuel);
        rendezVous.Lieu.ShouldBe(Lieu);
        formulaire.QuerySelectorAll("input[name=Issue]").Select(i => i.GetAttribute("value")).ShouldBe(["Honore", "Manque", "Excuse"]);
        reponse.StatusCode.ShouldBe(HttpStatusCode.Redirect, await Erreurs(reponse));
        var honore = await RelireAsync(rendezVous.Id);
        honore.Statut.ShouldBe(StatutRendezVous.Honore);
        honore.CompteRendu.ShouldBe("Démarches de logement engagées ; prochain point dans un mois.");
        var ligne = liste.QuerySelector("table tbody tr")!;
        ligne.QuerySelector("th")!.TextContent.ShouldContain("10:15 – 11:00");
        ligne.TextContent.ShouldContain("Honoré");
        ligne.TextContent.ShouldContain("Démarches de logement engagées");
        var section = dossier.QuerySelector("#rendez-vous")!;
        section.TextContent.ShouldContain("Dernier rendez-vous honoré");
        section.TextContent.ShouldContain("Point sur le parcours");
        (await client.PageAsync($"/beneficiaires/{personne}/chronologie")).Document.QuerySelectorAll("#chronologie li").Select(l => l.TextContent).ShouldContain(t => t.Contains("Entretien individuel honoré : Point sur le parcours", StringComparison.Ordinal));
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        (await db.JournalAcces.CountAsync(j => j.EnregistrementId == personne && j.Action == ActionJournal.Modification)).ShouldBe(2);
    }

    [Fact]
    public async Task Un_rendez_vous_ne_s_enregistre_pas_honore_avant_son_debut()
    {
        var personne = await PersonneAsync("Avance");
        using var client = await ConnecteAsync();
        var rendezVous = await PlanifierAsync(client, personne, Aujourdhui.AddDays(1), "09:00");

        var honore = await client.PosterAsync($"/beneficiaires/{personne}/rendez-vous/{rendezVous.Id}/issue", Issue("Honore", rendezVous.Version, "Trop tôt"));
        var manque = await client.PosterAsync($"/beneficiaires/{personne}/rendez-vous/{rendezVous.Id}/issue", Issue("Manque", rendezVous.Version));
        var formulaire = (await client.PageAsync($"/beneficiaires/{personne}/rendez-vous/{rendezVous.Id}/issue")).Document;

        honore.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Erreurs(honore)).ShouldContain("Ce rendez-vous n'a pas encore eu lieu.");
        (await Erreurs(manque)).ShouldContain("Ce rendez-vous n'a pas encore eu lieu.");
        formulaire.QuerySelectorAll("input[name=Issue]").Select(i => i.GetAttribute("value")).ShouldBe(["Excuse"]);
        var relu = await RelireAsync(rendezVous.Id);
        relu.Statut.ShouldBe(StatutRendezVous.Prevu);
        relu.CompteRendu.ShouldBeNull();
    }

    [Fact]
    public async Task Un_rendez_vous_manque_figure_parmi_les_manquements_possibles_et_plus_une_fois_excuse()
    {
        var absente = await PersonneAsync("Absentee");
        var excusee = await PersonneAsync("Excusat");
        using var client = await ConnecteAsync();
        var hier = Aujourdhui.AddDays(-1);
        var manque = await PlanifierAsync(client, absente, hier, "14:00");
        var excuse = await PlanifierAsync(client, excusee, hier, "15:00");

        (await client.PosterAsync($"/beneficiaires/{absente}/rendez-vous/{manque.Id}/issue", Issue("Manque", manque.Version))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var sansMotif = await client.PosterAsync($"/beneficiaires/{excusee}/rendez-vous/{excuse.Id}/issue", Issue("Excuse", excuse.Version));
        (await client.PosterAsync($"/beneficiaires/{excusee}/rendez-vous/{excuse.Id}/issue", Issue("Excuse", excuse.Version, motif: "Rendez-vous médical"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var avant = await LignesManquementsAsync(client, "&Nature=RendezVousNonHonore");
        var responsable = await LignesManquementsAsync(await ConnecteAsync("responsable.cantal"), "&Nature=RendezVousNonHonore");
        var ailleurs = await LignesManquementsAsync(await ConnecteAsync("referent.puydedome"));
        var relu = await RelireAsync(manque.Id);
        (await client.PosterAsync($"/beneficiaires/{absente}/rendez-vous/{manque.Id}/issue", Issue("Excuse", relu.Version, motif: "Justificatif d'hospitalisation reçu"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var apres = await LignesManquementsAsync(client);

        (await Erreurs(sansMotif)).ShouldContain("Indiquez le motif de l'excuse.");
        var ligne = avant.Single(l => l.TextContent.Contains("ABSENTEE", StringComparison.Ordinal));
        ligne.TextContent.ShouldContain("Rendez-vous non honoré");
        ligne.TextContent.ShouldContain("14:00");
        ligne.TextContent.ShouldContain("Julien Couderc");
        ligne.QuerySelector("a")!.GetAttribute("href").ShouldBe($"/beneficiaires/{absente}/rendez-vous");
        avant.ShouldNotContain(l => l.TextContent.Contains("EXCUSAT", StringComparison.Ordinal));
        responsable.ShouldContain(l => l.TextContent.Contains("ABSENTEE", StringComparison.Ordinal));
        ailleurs.ShouldNotContain(l => l.TextContent.Contains("ABSENTEE", StringComparison.Ordinal));
        apres.ShouldNotContain(l => l.TextContent.Contains("ABSENTEE", StringComparison.Ordinal));
        (await RelireAsync(excuse.Id)).MotifExcuse.ShouldBe("Rendez-vous médical");
    }

    [Fact]
    public async Task Un_contrat_non_signe_dans_le_mois_de_la_notification_figure_parmi_les_manquements()
    {
        var enRetard = await PersonneAsync("Retardataire");
        var signe = await PersonneAsync("Signataire");
        var dansLeDelai = await PersonneAsync("Ponctuelle");
        var nonNotifiee = await PersonneAsync("Attentiste");
        var notification = Aujourdhui.AddMonths(-2);
        await OrienterAsync(enRetard, notification.AddDays(-3), notification);
        var orientationSignee = await OrienterAsync(signe, notification.AddDays(-3), notification);
        await OrienterAsync(dansLeDelai, Aujourdhui.AddDays(-12), Aujourdhui.AddDays(-10));
        await OrienterAsync(nonNotifiee, notification, null);
        var cantal = await app.Base.DepartementAsync("15");
        await using (var db = app.Base.Contexte(cantal))
        {
            db.ContratsEngagement.Add(ContratEngagement.Exterieur(cantal, signe, "France Travail", notification.AddDays(5), notification.AddMonths(6), notification.AddDays(5),
                new HeuresActivite(15), 15, orientationSignee));
            await db.SaveChangesAsync();
        }

        using var client = await ConnecteAsync("orientation.cantal");
        var lignes = await LignesManquementsAsync(client, "&Nature=ContratEnRetard");
        var rendezVousSeulement = await LignesManquementsAsync(client, "&Nature=RendezVousNonHonore");

        var ligne = lignes.Single(l => l.TextContent.Contains("RETARDATAIRE", StringComparison.Ordinal));
        ligne.TextContent.ShouldContain("Contrat d'engagement en retard");
        ligne.TextContent.ShouldContain($"notifiée le {notification:dd/MM/yyyy}");
        ligne.TextContent.ShouldContain(notification.AddMonths(1).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        ligne.QuerySelector("a")!.GetAttribute("href").ShouldBe($"/beneficiaires/{enRetard}");
        lignes.ShouldNotContain(l => l.TextContent.Contains("SIGNATAIRE", StringComparison.Ordinal));
        lignes.ShouldNotContain(l => l.TextContent.Contains("PONCTUELLE", StringComparison.Ordinal));
        lignes.ShouldNotContain(l => l.TextContent.Contains("ATTENTISTE", StringComparison.Ordinal));
        rendezVousSeulement.ShouldNotContain(l => l.TextContent.Contains("RETARDATAIRE", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(2026, 7, 15, 1, 2026, 6, 15)]
    [InlineData(2026, 3, 30, 1, 2026, 3, 1)]
    [InlineData(2026, 3, 1, 1, 2026, 2, 1)]
    [InlineData(2026, 2, 28, 1, 2026, 1, 28)]
    [InlineData(2026, 4, 30, 2, 2026, 3, 1)]
    public void Le_seuil_de_retard_suit_la_regle_du_mois_a_la_journee_pres(int a, int m, int j, int mois, int sa, int sm, int sj)
    {
        var aujourdhui = new DateOnly(a, m, j);
        var seuil = Passerelle.Features.Manquements.ManquementsPossibles.Seuil(aujourdhui, mois);

        seuil.ShouldBe(new DateOnly(sa, sm, sj));
        // The day before the threshold is late, the threshold itself is not: the rule's own answer.
        (DelaiContrat.Echeance(seuil.AddDays(-1), mois, DateOnly.MaxValue) < aujourdhui).ShouldBeTrue();
        (DelaiContrat.Echeance(seuil, mois, DateOnly.MaxValue) < aujourdhui).ShouldBeFalse();
    }

    [Fact]
    public async Task Prevoir_avec_convocation_et_courriel_ecrit_la_lettre_et_le_message_dans_la_meme_transaction()
    {
        var personne = await PersonneAsync("Convoquee", courriel: "convoquee@example.org");
        using var client = await ConnecteAsync();
        var jour = Aujourdhui.AddDays(3);

        var rendezVous = await PlanifierAsync(client, personne, jour, "14:30", convoquer: true, notifier: true, objet: "Bilan du contrat, étape 2");
        var liste = (await client.PageAsync($"/beneficiaires/{personne}/rendez-vous")).Document;
        var lien = liste.QuerySelectorAll("a").Single(a => a.TextContent == "Convocation (PDF)").GetAttribute("href")!;
        var pdf = await client.Http.GetAsync(lien);
        var texte = await TextePdf.ExtraireAsync(await pdf.Content.ReadAsByteArrayAsync());

        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        var courrier = await db.CourriersEmis.SingleAsync(c => c.ObjetId == rendezVous.Id);
        courrier.Type.ShouldBe(TypeCourrier.Convocation);
        courrier.DateEnvoi.ShouldBe(Aujourdhui);
        (await db.Documents.CountAsync(d => d.BeneficiaireId == personne && d.Id == courrier.DocumentId)).ShouldBe(1);
        texte.ShouldContain("Convocation à un entretien");
        texte.ShouldContain("14 h 30");
        texte.ShouldContain("Bilan du contrat, étape 2");
        texte.ShouldContain("Madame Élise Convoquee");
        var message = await db.MessagesSortants.SingleAsync(m => m.Destinataire == "convoquee@example.org");
        message.Envoye.ShouldBeNull();
        message.Sujet.ShouldContain("14 h 30");
        message.Corps.ShouldContain("Bilan du contrat, étape 2");
        message.Corps.ShouldContain(Lieu);
        message.Corps.ShouldNotContain("Élise");
        message.Corps.ShouldNotContain("Convoquee");
        var ics = message.InvitationIcs!.Replace("\r\n ", "", StringComparison.Ordinal);
        ics.ShouldContain($"UID:{rendezVous.Id:N}@passerelle");
        ics.ShouldContain($"DTSTART:{Utc(jour, 14, 30):yyyyMMdd'T'HHmmss'Z'}");
        ics.ShouldContain($"DTEND:{Utc(jour, 15, 15):yyyyMMdd'T'HHmmss'Z'}");
        ics.ShouldContain("SUMMARY:Rendez-vous : Bilan du contrat\\, étape 2");
    }

    [Fact]
    public async Task Sans_serveur_SMTP_les_messages_restent_dans_la_file_et_le_declencheur_n_est_pas_planifie()
    {
        var personne = await PersonneAsync("Patiente", courriel: "patiente@example.org");
        using var client = await ConnecteAsync();
        await PlanifierAsync(client, personne, Aujourdhui.AddDays(2), "11:00", notifier: true);
        var scheduler = await app.Factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        using var portee = app.Factory.Services.CreateScope();
        var bilan = await portee.ServiceProvider.GetRequiredService<EnvoiMessagesSortants>().EnvoyerAsync();

        bilan.SmtpConfigure.ShouldBeFalse();
        bilan.Envoyes.ShouldBe(0);
        bilan.EnAttente.ShouldBeGreaterThanOrEqualTo(1);
        (await scheduler.GetTriggersOfJob(PlanificationCourriels.Cle)).ShouldBeEmpty();
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        var message = await db.MessagesSortants.SingleAsync(m => m.Destinataire == "patiente@example.org");
        message.Envoye.ShouldBeNull();
        message.Tentatives.ShouldBe(0);
    }

    [Fact]
    public void Le_declencheur_ne_s_active_qu_avec_un_serveur_SMTP_et_sans_interrupteur()
    {
        static IConfiguration Configuration(params (string Cle, string Valeur)[] valeurs) =>
            new ConfigurationBuilder().AddInMemoryCollection(valeurs.ToDictionary(v => v.Cle, v => (string?)v.Valeur)).Build();

        PlanificationCourriels.Actif(Configuration()).ShouldBeFalse();
        PlanificationCourriels.Actif(Configuration(("Courriel:Smtp:Hote", "smtp.departement.fr"))).ShouldBeTrue();
        PlanificationCourriels.Actif(Configuration(("Courriel:Smtp:Hote", "smtp.departement.fr"), ("Courriel:Job:Actif", "false"))).ShouldBeFalse();
    }

    [Fact]
    public async Task Le_travail_envoie_par_SMTP_une_seule_fois_et_compte_les_refus()
    {
        var accueillie = await PersonneAsync("Destinataire", courriel: "destinataire@example.org");
        var refusee = await PersonneAsync("Inconnue", courriel: "refusee@example.org");
        using var client = await ConnecteAsync();
        var rendezVous = await PlanifierAsync(client, accueillie, Aujourdhui.AddDays(4), "10:00", notifier: true, objet: "Atelier CV");
        await PlanifierAsync(client, refusee, Aujourdhui.AddDays(4), "11:00", notifier: true);
        await using var serveur = new ServeurSmtpDeTest { Refuser = adresse => adresse.StartsWith("refusee@", StringComparison.Ordinal) };
        var options = Options.Create(new OptionsSmtp { Hote = "127.0.0.1", Port = serveur.Port, Securite = SecureSocketOptions.None, Expediteur = "Département du Cantal <insertion@cantal.example>" });

        BilanEnvoi Premier, Second;
        using (var portee = app.Factory.Services.CreateScope())
        {
            Premier = await ActivatorUtilities.CreateInstance<EnvoiMessagesSortants>(portee.ServiceProvider, options).EnvoyerAsync();
        }

        using (var portee = app.Factory.Services.CreateScope())
        {
            Second = await ActivatorUtilities.CreateInstance<EnvoiMessagesSortants>(portee.ServiceProvider, options).EnvoyerAsync();
        }

        Premier.SmtpConfigure.ShouldBeTrue();
        Premier.Envoyes.ShouldBeGreaterThanOrEqualTo(1);
        Premier.Echecs.ShouldBeGreaterThanOrEqualTo(1);
        Second.Envoyes.ShouldBe(0);
        var recus = serveur.Recus.Where(r => r.Destinataires.Contains("destinataire@example.org")).ToList();
        recus.Count.ShouldBe(1);
        var courriel = recus[0].Message;
        courriel.From.ToString().ShouldContain("insertion@cantal.example");
        courriel.Subject.ShouldNotBeNull().ShouldContain("10 h 00");
        courriel.TextBody.ShouldNotBeNull().ShouldContain("Atelier CV");
        var invitation = courriel.Attachments.OfType<MimeKit.MimePart>().Single();
        invitation.FileName.ShouldBe("invitation.ics");
        invitation.ContentType.MimeType.ShouldBe("text/calendar");
        using var contenu = new MemoryStream();
        await invitation.Content.ShouldNotBeNull().DecodeToAsync(contenu);
        System.Text.Encoding.UTF8.GetString(contenu.ToArray()).ShouldContain($"UID:{rendezVous.Id:N}@passerelle");
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        var envoye = await db.MessagesSortants.SingleAsync(m => m.Destinataire == "destinataire@example.org");
        envoye.Envoye.ShouldNotBeNull().ShouldBe(Maintenant, TimeSpan.FromMilliseconds(1));
        var refuse = await db.MessagesSortants.SingleAsync(m => m.Destinataire == "refusee@example.org");
        refuse.Envoye.ShouldBeNull();
        refuse.Tentatives.ShouldBe(2);
        refuse.DerniereErreur.ShouldNotBeNull().ShouldContain("Adresse inconnue");
    }

    [Fact]
    public async Task L_agenda_montre_les_rendez_vous_de_la_semaine_en_heure_locale()
    {
        var personne = await PersonneAsync("Agendee");
        using var client = await ConnecteAsync();
        var jour = Aujourdhui.AddDays(7);
        var rendezVous = await PlanifierAsync(client, personne, jour, "14:30", objet: "Préparer l'entretien d'embauche");

        var (reponse, semaine) = await client.PageAsync($"/agenda?semaine={Iso(jour)}");
        var (_, cetteSemaine) = await client.PageAsync("/agenda");
        var (_, precedente) = await client.PageAsync($"/agenda?semaine={Iso(jour.AddDays(-7))}");

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        rendezVous.Debut.ShouldBe(Utc(jour, 14, 30));
        semaine.QuerySelectorAll("section h2").Length.ShouldBe(7);
        semaine.QuerySelector("section h2")!.TextContent.Trim().ShouldStartWith("Lundi");
        var section = semaine.QuerySelector($"#jour-{Iso(jour)}")!.ParentElement!;
        var entree = section.QuerySelectorAll("li").Single(l => l.TextContent.Contains("Préparer l'entretien d'embauche", StringComparison.Ordinal));
        entree.TextContent.ShouldContain("14:30");
        entree.TextContent.ShouldContain("15:15");
        entree.QuerySelector("a")!.TextContent.ShouldBe("Élise Agendee");
        semaine.QuerySelector("a[rel=next]")!.GetAttribute("href").ShouldBe($"/agenda?semaine={Iso(Passerelle.Features.Agenda.SemaineAgenda.Lundi(jour).AddDays(7))}");
        cetteSemaine.QuerySelector($"#jour-{Iso(Aujourdhui)}")!.TextContent.ShouldContain("Aujourd'hui");
        cetteSemaine.QuerySelectorAll("[aria-current=date]").Length.ShouldBeGreaterThanOrEqualTo(1);
        precedente.QuerySelectorAll("li").ShouldNotContain(l => l.TextContent.Contains("Préparer l'entretien d'embauche", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Un_responsable_lit_l_agenda_d_un_agent_de_sa_structure_mais_pas_d_une_autre()
    {
        var personne = await PersonneAsync("Suivie-Parla");
        using var referent = await ConnecteAsync();
        var jour = Aujourdhui.AddDays(8);
        await PlanifierAsync(referent, personne, jour, "16:00", objet: "Suivi par le responsable");
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        var julien = await db.Users.Where(a => a.Email == ClientPasserelle.Email("referent.cantal")).Select(a => a.Id).SingleAsync();
        var mauriac = await db.Users.Where(a => a.Email == ClientPasserelle.Email("referent.mauriac")).Select(a => a.Id).SingleAsync();
        using var responsable = await ConnecteAsync("responsable.cantal");

        var (ok, agenda) = await responsable.PageAsync($"/agenda?semaine={Iso(jour)}&agent={julien}");
        var (autre, _) = await responsable.PageAsync($"/agenda?semaine={Iso(jour)}&agent={mauriac}");
        var (parUnReferent, _) = await referent.PageAsync($"/agenda?agent={mauriac}");

        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        agenda.QuerySelector("h1")!.TextContent.ShouldBe("Agenda de Julien Couderc");
        agenda.QuerySelectorAll("li").ShouldContain(l => l.TextContent.Contains("Suivi par le responsable", StringComparison.Ordinal));
        agenda.QuerySelectorAll("select#Agent option").Select(o => o.TextContent).ShouldContain("Julien Couderc");
        autre.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        parUnReferent.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Une_information_collective_convoque_le_groupe_en_une_action()
    {
        var personnes = new[] { await PersonneAsync("Groupe-Un"), await PersonneAsync("Groupe-Deux", courriel: null), await PersonneAsync("Groupe-Trois") };
        using var client = await ConnecteAsync();
        var jour = Aujourdhui.AddDays(10);
        var formulaire = (await client.PageAsync("/agenda/seances/nouvelle")).Document;

        var reponse = await client.PosterAsync("/agenda/seances/nouvelle",
        [
            new("Saisie.Titre", "Information collective : le contrat d'engagement"), new("Saisie.Date", Iso(jour)), new("Saisie.Heure", "09:30"),
            new("Saisie.DureeMinutes", "120"), new("Saisie.Lieu", "Salle du conseil, Aurillac"), new("Saisie.Places", "10"),
            new("Saisie.Convoquer", "true"), new("Saisie.Notifier", "true"),
            .. personnes.Select(p => new KeyValuePair<string, string>("Personnes", p.ToString())),
        ]);

        formulaire.QuerySelectorAll("input[name=Personnes]").Select(i => i.GetAttribute("value")).ShouldContain(personnes[0].ToString());
        reponse.StatusCode.ShouldBe(HttpStatusCode.Redirect, await Erreurs(reponse));
        var adresse = reponse.Headers.Location!.OriginalString;
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        var seance = await db.SeancesCollectives.SingleAsync(s => s.Titre == "Information collective : le contrat d'engagement");
        adresse.ShouldBe($"/agenda/seances/{seance.Id}");
        seance.Debut.ShouldBe(Utc(jour, 9, 30));
        var places = await db.RendezVous.Where(r => r.SeanceCollectiveId == seance.Id).ToListAsync();
        places.Select(r => r.BeneficiaireId).ShouldBe(personnes, ignoreOrder: true);
        places.ShouldAllBe(r => r.Type == TypeRendezVous.Collectif && r.Statut == StatutRendezVous.Prevu && r.Debut == seance.Debut && r.Lieu == "Salle du conseil, Aurillac");
        var ids = places.Select(r => (Guid?)r.Id).ToList();
        (await db.CourriersEmis.CountAsync(c => ids.Contains(c.ObjetId) && c.Type == TypeCourrier.Convocation)).ShouldBe(3);
        (await db.MessagesSortants.CountAsync(m => m.Sujet.Contains("9 h 30") && m.Corps.Contains("le contrat d'engagement"))).ShouldBe(2);

        var page = (await client.PageAsync(adresse)).Document;
        page.QuerySelectorAll("table tbody tr").Length.ShouldBe(3);
        var groupe = await client.Http.GetAsync($"{adresse}?handler=Convocations");
        groupe.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var texte = await TextePdf.ExtraireAsync(await groupe.Content.ReadAsByteArrayAsync());
        texte.ShouldContain("Élise Groupe-Un");
        texte.ShouldContain("Élise Groupe-Deux");
        texte.ShouldContain("Élise Groupe-Trois");
        texte.ShouldContain("séance d'information collective");
        var jourPdf = await client.Http.GetAsync($"/agenda/convocations?jour={Iso(jour)}");
        jourPdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await TextePdf.ExtraireAsync(await jourPdf.Content.ReadAsByteArrayAsync())).ShouldContain("Élise Groupe-Trois");
        var agenda = (await client.PageAsync($"/agenda?semaine={Iso(jour)}")).Document;
        agenda.QuerySelector($"#jour-{Iso(jour)}")!.ParentElement!.TextContent.ShouldContain("3 convoqués pour 10 places");
    }

    [Fact]
    public async Task Les_presences_d_une_seance_passee_s_enregistrent_et_l_absence_devient_un_manquement_possible()
    {
        var presente = await PersonneAsync("Presente");
        var absente = await PersonneAsync("Absente-Seance");
        using var client = await ConnecteAsync();
        var cantal = await app.Base.DepartementAsync("15");
        Guid seanceId;
        List<RendezVous> places;
        await using (var db = app.Base.Contexte(cantal))
        {
            var agent = await db.Users.SingleAsync(a => a.Email == ClientPasserelle.Email("referent.cantal"));
            var debut = Maintenant.AddHours(-3);
            var seance = new SeanceCollective(cantal, agent.Id, "Atelier numérique", debut, 90, "Médiathèque", 8);
            db.SeancesCollectives.Add(seance);
            places = [.. new[] { presente, absente }.Select(p => RendezVous.Planifier(cantal, p, agent.Id, agent.StructureId, TypeRendezVous.Collectif, debut, 90, seance.Titre, seance.Lieu, seance.Id))];
            db.RendezVous.AddRange(places);
            await db.SaveChangesAsync();
            seanceId = seance.Id;
        }

        var reponse = await client.PosterAsync($"/agenda/seances/{seanceId}",
            [new($"Presences[{places[0].Id}]", "Honore"), new($"Presences[{places[1].Id}]", "Manque")]);
        var lignes = await LignesManquementsAsync(client, "&Nature=RendezVousNonHonore");

        reponse.StatusCode.ShouldBe(HttpStatusCode.Redirect, await Erreurs(reponse));
        (await RelireAsync(places[0].Id)).Statut.ShouldBe(StatutRendezVous.Honore);
        (await RelireAsync(places[1].Id)).Statut.ShouldBe(StatutRendezVous.Manque);
        lignes.ShouldContain(l => l.TextContent.Contains("ABSENTE-SEANCE", StringComparison.Ordinal) && l.TextContent.Contains("Séance collective", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Le_dossier_signale_un_suivi_en_retard_selon_la_cadence_du_parcours()
    {
        var personne = await PersonneAsync("Retard-Suivi");
        await OrienterAsync(personne, Aujourdhui.AddDays(-90), Aujourdhui.AddDays(-88));
        using var client = await ConnecteAsync();

        var avant = (await client.PageAsync($"/beneficiaires/{personne}")).Document.QuerySelector("#rendez-vous")!.TextContent;
        var rendezVous = await PlanifierAsync(client, personne, Aujourdhui.AddDays(-2), "10:00");
        await client.PosterAsync($"/beneficiaires/{personne}/rendez-vous/{rendezVous.Id}/issue", Issue("Honore", rendezVous.Version));
        var apres = (await client.PageAsync($"/beneficiaires/{personne}")).Document.QuerySelector("#rendez-vous")!.TextContent;

        avant.ShouldContain("Suivi en retard");
        avant.ShouldContain("cadence attendue de 60 jours en parcours social");
        avant.ShouldContain("soit 90 jours");
        apres.ShouldNotContain("Suivi en retard");
    }

    [Fact]
    public async Task Deplacer_et_annuler_un_rendez_vous_a_venir_avec_courriels_et_confirmation()
    {
        var personne = await PersonneAsync("Deplacee", courriel: "deplacee@example.org");
        using var client = await ConnecteAsync();
        var rendezVous = await PlanifierAsync(client, personne, Aujourdhui.AddDays(5), "09:00", notifier: true);
        var nouveauJour = Aujourdhui.AddDays(6);

        var deplacement = await client.PosterAsync($"/beneficiaires/{personne}/rendez-vous/{rendezVous.Id}/deplacer",
        [
            new("Saisie.Version", rendezVous.Version.ToString(CultureInfo.InvariantCulture)), new("Saisie.Date", Iso(nouveauJour)), new("Saisie.Heure", "11:30"),
            new("Saisie.DureeMinutes", "30"), new("Saisie.Lieu", ""), new("Saisie.Convoquer", "false"), new("Saisie.Notifier", "true"),
        ]);
        var deplace = await RelireAsync(rendezVous.Id);
        var confirmation = (await client.PageAsync($"/beneficiaires/{personne}/rendez-vous/{rendezVous.Id}/annulation")).Document;
        var perimee = await client.PosterAsync($"/beneficiaires/{personne}/rendez-vous/{rendezVous.Id}/annulation",
            [new("Version", rendezVous.Version.ToString(CultureInfo.InvariantCulture)), new("Notifier", "true")]);
        var annulation = await client.PosterAsync($"/beneficiaires/{personne}/rendez-vous/{rendezVous.Id}/annulation",
            [new("Version", deplace.Version.ToString(CultureInfo.InvariantCulture)), new("Notifier", "true")]);

        deplacement.StatusCode.ShouldBe(HttpStatusCode.Redirect, await Erreurs(deplacement));
        deplace.Debut.ShouldBe(Utc(nouveauJour, 11, 30));
        deplace.DureeMinutes.ShouldBe(30);
        deplace.Lieu.ShouldBe(Lieu);
        confirmation.QuerySelector("h1")!.TextContent.ShouldBe("Annuler le rendez-vous ?");
        confirmation.QuerySelector("button.bouton-danger")!.TextContent.ShouldBe("Annuler le rendez-vous");
        (await Erreurs(perimee)).ShouldContain("modifiée entre-temps");
        annulation.StatusCode.ShouldBe(HttpStatusCode.Redirect, await Erreurs(annulation));
        (await RelireAsync(rendezVous.Id)).Statut.ShouldBe(StatutRendezVous.Annule);
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        var messages = await db.MessagesSortants.Where(m => m.Destinataire == "deplacee@example.org").OrderBy(m => m.Cree).ThenBy(m => m.Id).ToListAsync();
        messages.Count.ShouldBe(3);
        messages[1].Sujet.ShouldStartWith("Rendez-vous déplacé au");
        messages[1].InvitationIcs!.ShouldContain("SEQUENCE:1");
        messages[2].Sujet.ShouldEndWith("annulé");
        messages[2].InvitationIcs!.ShouldContain("STATUS:CANCELLED");
        messages[2].InvitationIcs!.ShouldContain("SEQUENCE:2");
    }

    [Fact]
    public async Task Une_saisie_invalide_est_refusee_en_francais_sans_rien_ecrire()
    {
        var personne = await PersonneAsync("Invalide", courriel: null);
        using var client = await ConnecteAsync();

        var sansObjet = await client.PosterAsync($"/beneficiaires/{personne}/rendez-vous/nouveau", Planification(Aujourdhui.AddDays(2), "10:00", objet: ""));
        var sansLieu = await client.PosterAsync($"/beneficiaires/{personne}/rendez-vous/nouveau", Planification(Aujourdhui.AddDays(2), "10:00", lieu: ""));
        var collectif = await client.PosterAsync($"/beneficiaires/{personne}/rendez-vous/nouveau", Planification(Aujourdhui.AddDays(2), "10:00", type: "Collectif"));
        var sansAdresse = await client.PosterAsync($"/beneficiaires/{personne}/rendez-vous/nouveau", Planification(Aujourdhui.AddDays(2), "10:00", notifier: true));
        var convocationPassee = await client.PosterAsync($"/beneficiaires/{personne}/rendez-vous/nouveau", Planification(Aujourdhui.AddDays(-2), "10:00", convoquer: true));

        (await Erreurs(sansObjet)).ShouldContain("Indiquez l'objet du rendez-vous");
        (await Erreurs(sansLieu)).ShouldContain("Indiquez le lieu du rendez-vous.");
        (await Erreurs(collectif)).ShouldContain("Un rendez-vous collectif se prévoit depuis l'agenda");
        (await Erreurs(sansAdresse)).ShouldContain("n'a pas d'adresse électronique");
        (await Erreurs(convocationPassee)).ShouldContain("déjà commencé ou passé");
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        (await db.RendezVous.CountAsync(r => r.BeneficiaireId == personne)).ShouldBe(0);
        (await db.CourriersEmis.CountAsync(c => c.BeneficiaireId == personne)).ShouldBe(0);
        (await db.JournalAcces.CountAsync(j => j.EnregistrementId == personne && j.Action == ActionJournal.Modification)).ShouldBe(0);
    }

    [Theory]
    [InlineData("referent.puydedome", HttpStatusCode.NotFound)]
    [InlineData("referent.mauriac", HttpStatusCode.NotFound)]
    [InlineData("pilotage.cantal", HttpStatusCode.Forbidden)]
    public async Task Hors_perimetre_les_rendez_vous_ne_se_lisent_ni_ne_s_ecrivent(string identifiant, HttpStatusCode attendu)
    {
        var personne = await PersonneAsync($"Cloisonnee-{identifiant}");
        using var referent = await ConnecteAsync();
        var rendezVous = await PlanifierAsync(referent, personne, Aujourdhui.AddDays(-1), "10:00");
        using var client = await ConnecteAsync(identifiant);

        var (liste, _) = await client.PageAsync($"/beneficiaires/{personne}/rendez-vous");
        var (formulaire, _) = await client.PageAsync($"/beneficiaires/{personne}/rendez-vous/nouveau");
        var ecriture = await client.PosterDirectementAsync($"/beneficiaires/{personne}/rendez-vous/nouveau", Planification(Aujourdhui.AddDays(1), "10:00"));
        var issue = await client.PosterDirectementAsync($"/beneficiaires/{personne}/rendez-vous/{rendezVous.Id}/issue", Issue("Manque", rendezVous.Version));
        var api = await client.Http.GetAsync($"/api/v1/beneficiaires/{personne}/rendez-vous");

        liste.StatusCode.ShouldBe(attendu);
        formulaire.StatusCode.ShouldBe(attendu);
        ecriture.StatusCode.ShouldBe(attendu);
        issue.StatusCode.ShouldBe(attendu);
        api.StatusCode.ShouldBe(attendu);
        (await RelireAsync(rendezVous.Id)).Statut.ShouldBe(StatutRendezVous.Prevu);
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        (await db.RendezVous.CountAsync(r => r.BeneficiaireId == personne)).ShouldBe(1);
    }

    [Fact]
    public async Task Un_responsable_lit_les_rendez_vous_sans_les_ecrire_et_les_autres_roles_n_ont_pas_ces_pages()
    {
        var personne = await PersonneAsync("Lue-Par-Responsable");
        using var referent = await ConnecteAsync();
        var rendezVous = await PlanifierAsync(referent, personne, Aujourdhui.AddDays(-1), "10:00");
        using var responsable = await ConnecteAsync("responsable.cantal");
        using var administrateur = await ConnecteAsync("admin.cantal");
        using var pilotage = await ConnecteAsync("pilotage.cantal");

        var (lecture, liste) = await responsable.PageAsync($"/beneficiaires/{personne}/rendez-vous");
        var (formulaire, _) = await responsable.PageAsync($"/beneficiaires/{personne}/rendez-vous/nouveau");
        var ecriture = await responsable.PosterDirectementAsync($"/beneficiaires/{personne}/rendez-vous/{rendezVous.Id}/issue", Issue("Manque", rendezVous.Version));

        lecture.StatusCode.ShouldBe(HttpStatusCode.OK);
        liste.QuerySelectorAll("a").ShouldNotContain(a => a.TextContent == "Enregistrer l'issue" || a.TextContent == "Prévoir un rendez-vous");
        formulaire.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        ecriture.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await RelireAsync(rendezVous.Id)).Statut.ShouldBe(StatutRendezVous.Prevu);
        (await pilotage.PageAsync("/agenda")).Reponse.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await pilotage.PageAsync("/manquements")).Reponse.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await administrateur.PageAsync("/manquements")).Reponse.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await responsable.PageAsync("/agenda/seances/nouvelle")).Reponse.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await referent.PageAsync("/administration/courrier")).Reponse.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await referent.PageAsync("/administration/courriels")).Reponse.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var navigation = (await referent.PageAsync("/")).Document.QuerySelectorAll("nav.navigation a").Select(a => a.TextContent).ToList();
        navigation.ShouldContain("Agenda");
        navigation.ShouldContain("Manquements");
        navigation.ShouldNotContain("Courriels");
        var navigationAdministrateur = (await administrateur.PageAsync("/")).Document.QuerySelectorAll("nav.navigation a").Select(a => a.TextContent).ToList();
        navigationAdministrateur.ShouldContain("Courriels");
        navigationAdministrateur.ShouldContain("Modèle de courrier");
        navigationAdministrateur.ShouldNotContain("Agenda");
    }

    [Fact]
    public async Task L_administrateur_voit_la_file_des_courriels_de_son_seul_departement()
    {
        var personne = await PersonneAsync("File-Attente", courriel: "file.attente@example.org");
        using var client = await ConnecteAsync();
        await PlanifierAsync(client, personne, Aujourdhui.AddDays(3), "10:00", notifier: true);
        var puyDeDome = await app.Base.DepartementAsync("63");
        await using (var db = app.Base.Contexte(puyDeDome))
        {
            db.MessagesSortants.Add(new MessageSortant(puyDeDome, "voisin.63@example.org", "Rendez-vous", "Texte", null, Maintenant));
            await db.SaveChangesAsync();
        }

        using var administrateur = await ConnecteAsync("admin.cantal");
        var (reponse, page) = await administrateur.PageAsync("/administration/courriels");
        var (_, envoyes) = await administrateur.PageAsync("/administration/courriels?etat=envoyes");

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector(".alerte-avertissement")!.TextContent.ShouldContain("Aucun serveur d'envoi n'est configuré");
        var toutes = new List<string>();
        for (var numero = 1; numero <= 40; numero++)
        {
            var (_, p) = await administrateur.PageAsync($"/administration/courriels?etat=attente&p={numero}");
            toutes.AddRange(p.QuerySelectorAll("table tbody tr").Select(l => l.TextContent));
            if (p.QuerySelector("a[rel=next]") is null)
            {
                break;
            }
        }

        toutes.ShouldContain(l => l.Contains("file.attente@example.org", StringComparison.Ordinal));
        toutes.ShouldNotContain(l => l.Contains("voisin.63@example.org", StringComparison.Ordinal));
        envoyes.QuerySelectorAll("table tbody tr").ShouldNotContain(l => l.TextContent.Contains("file.attente@example.org", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Le_modele_de_courrier_s_enregistre_avec_son_logo_et_sert_aux_convocations()
    {
        using var administrateur = await ConnecteAsync("admin.cantal");
        var formulaire = (await administrateur.PageAsync("/administration/courrier")).Document;
        var jeton = formulaire.QuerySelector("form[enctype] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        async Task<HttpResponseMessage> EnvoyerAsync(string service, byte[]? logo, string nomLogo = "logo.png")
        {
            using var contenu = new MultipartFormDataContent
            {
                { new StringContent(jeton), "__RequestVerificationToken" },
                { new StringContent(service), "Saisie.Service" },
                { new StringContent("Hôtel du Département\n28 avenue Gambetta\n15000 Aurillac"), "Saisie.Adresse" },
                { new StringContent("Marie Lacombe"), "Saisie.Signataire" },
                { new StringContent("Pour le président du conseil départemental, la directrice de l'insertion"), "Saisie.QualiteSignataire" },
                { new StringContent("Accueil du lundi au vendredi, 04 71 00 00 00"), "Saisie.PiedDePage" },
                { new StringContent("0"), "Saisie.Version" },
            };
            if (logo is not null)
            {
                contenu.Add(new ByteArrayContent(logo), "Logo", nomLogo);
            }

            return await administrateur.Http.PostAsync("/administration/courrier", contenu);
        }

        var refus = await EnvoyerAsync("Direction refusée", "ceci n'est pas une image"u8.ToArray(), "logo.txt");
        var cantal = await app.Base.DepartementAsync("15");
        await using (var db = app.Base.Contexte(cantal))
        {
            (await db.ModelesCourrier.AnyAsync(m => m.Service == "Direction refusée")).ShouldBeFalse();
        }

        var accepte = await EnvoyerAsync("Direction de l'insertion et de l'emploi du Cantal", Convert.FromBase64String(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));
        var apercu = await administrateur.Http.GetAsync("/administration/courrier?handler=Apercu");
        var texteApercu = await TextePdf.ExtraireAsync(await apercu.Content.ReadAsByteArrayAsync());
        var personne = await PersonneAsync("Entete");
        using var referent = await ConnecteAsync();
        var rendezVous = await PlanifierAsync(referent, personne, Aujourdhui.AddDays(2), "10:00", convoquer: true);

        (await Erreurs(refus)).ShouldContain("Le logo est une image PNG ou JPEG.");
        accepte.StatusCode.ShouldBe(HttpStatusCode.Redirect, await Erreurs(accepte));
        texteApercu.ShouldContain("Direction de l'insertion et de l'emploi du Cantal");
        texteApercu.ShouldContain("Marie Lacombe");
        await using var relecture = app.Base.Contexte(cantal);
        var modele = await relecture.ModelesCourrier.SingleAsync();
        modele.TypeLogo.ShouldBe("image/png");
        modele.Adresse.ShouldContain("28 avenue Gambetta");
        var document = await relecture.CourriersEmis.Where(c => c.ObjetId == rendezVous.Id).Select(c => c.DocumentId).SingleAsync();
        var contenuLettre = await relecture.ContenusDocuments.Where(c => c.DocumentId == document).Select(c => c.Contenu).SingleAsync();
        (await TextePdf.ExtraireAsync(contenuLettre)).ShouldContain("Direction de l'insertion et de l'emploi du Cantal");
    }

    [Fact]
    public async Task L_API_liste_prevoit_et_enregistre_avec_les_memes_regles()
    {
        var personne = await PersonneAsync("Api-Rendez-Vous");
        using var client = await ConnecteAsync();
        var jeton = JsonDocument.Parse(await client.Http.GetStringAsync("/api/v1/jeton")).RootElement;
        client.Http.DefaultRequestHeaders.Add(jeton.GetProperty("enTete").GetString()!, jeton.GetProperty("jeton").GetString());
        var url = $"/api/v1/beneficiaires/{personne}/rendez-vous";

        var creation = await client.Http.PostAsJsonAsync(url, new { type = "Telephone", date = Iso(Aujourdhui.AddDays(1)), heure = "08:45", dureeMinutes = 20, objet = "Point téléphonique" });
        var cree = JsonDocument.Parse(await creation.Content.ReadAsStringAsync()).RootElement;
        var id = cree.GetProperty("id").GetGuid();
        var invalide = await client.Http.PostAsJsonAsync(url, new { type = "Rencontre", date = "demain", heure = "8h", dureeMinutes = 20, objet = "x" });
        var tropTot = await client.Http.PostAsJsonAsync($"{url}/{id}/statut", new { statut = "Honore", compteRendu = "Trop tôt" });
        var excuse = await client.Http.PostAsJsonAsync($"{url}/{id}/statut", new { statut = "Excuse", motif = "Convocation au tribunal" });
        var liste = JsonDocument.Parse(await client.Http.GetStringAsync(url)).RootElement;
        using var responsable = await ConnecteAsync("responsable.cantal");
        var lectureResponsable = await responsable.Http.GetAsync(url);
        var ecritureResponsable = await responsable.Http.PostAsJsonAsync(url, new { type = "Individuel", date = Iso(Aujourdhui.AddDays(1)), heure = "10:00", dureeMinutes = 30, objet = "x", lieu = "y" });
        using var voisin = await ConnecteAsync("referent.puydedome");
        var horsDepartement = await voisin.Http.GetAsync(url);
        var openApi = JsonDocument.Parse(await client.Http.GetStringAsync("/openapi/v1.json")).RootElement;

        creation.StatusCode.ShouldBe(HttpStatusCode.Created, await creation.Content.ReadAsStringAsync());
        cree.GetProperty("type").GetString().ShouldBe("Telephone");
        cree.GetProperty("debut").GetDateTime().ToUniversalTime().ShouldBe(Utc(Aujourdhui.AddDays(1), 8, 45));
        cree.GetProperty("debutLocal").GetString().ShouldBe($"{Iso(Aujourdhui.AddDays(1))}T08:45");
        invalide.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var erreurs = JsonDocument.Parse(await invalide.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        erreurs.GetProperty("type")[0].GetString().ShouldBe("Le type est Individuel, Telephone ou Visio.");
        erreurs.GetProperty("date")[0].GetString().ShouldBe("La date est obligatoire, au format aaaa-mm-jj.");
        erreurs.GetProperty("heure")[0].GetString().ShouldBe("L'heure est obligatoire, au format hh:mm.");
        tropTot.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        tropTot.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        JsonDocument.Parse(await tropTot.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString().ShouldBe("Ce rendez-vous n'a pas encore eu lieu.");
        excuse.StatusCode.ShouldBe(HttpStatusCode.OK);
        liste.GetArrayLength().ShouldBe(1);
        liste[0].GetProperty("statut").GetString().ShouldBe("Excuse");
        liste[0].GetProperty("motifExcuse").GetString().ShouldBe("Convocation au tribunal");
        lectureResponsable.StatusCode.ShouldBe(HttpStatusCode.OK);
        ecritureResponsable.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        horsDepartement.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        horsDepartement.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var chemins = openApi.GetProperty("paths");
        chemins.TryGetProperty("/api/v1/beneficiaires/{id}/rendez-vous", out var chemin).ShouldBeTrue();
        chemin.TryGetProperty("post", out _).ShouldBeTrue();
        chemins.TryGetProperty("/api/v1/beneficiaires/{id}/rendez-vous/{rendezVousId}/statut", out _).ShouldBeTrue();
    }
}

public sealed class RendezVousSqliteTests(ApplicationSqlite app) : RendezVousTests(app), IClassFixture<ApplicationSqlite>;

public sealed class RendezVousPostgresTests(ApplicationPostgres app) : RendezVousTests(app), IClassFixture<ApplicationPostgres>;
