using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Passerelle.Domain;
using Passerelle.Features.Contrats;
using Passerelle.Infrastructure.Tenancy;
using Passerelle.Tests.Support;

namespace Passerelle.Tests.Features;

public abstract class ContratsTests(ApplicationDeTest app)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly string[] Mobilite = ["mobilite"];

    private DateOnly Aujourdhui => app.Factory.Temps.Aujourdhui(Paris);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Jour(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private async Task<ClientPasserelle> ConnecteAsync(string identifiant = "referent.cantal")
    {
        var client = app.Factory.Client();
        await client.ConnecterAsync(identifiant);
        return client;
    }

    private async Task<ClientPasserelle> ApiAsync(string identifiant = "referent.cantal")
    {
        var client = await ConnecteAsync(identifiant);
        using var jeton = JsonDocument.Parse(await client.Http.GetStringAsync("/api/v1/jeton"));
        client.Http.DefaultRequestHeaders.Add(jeton.RootElement.GetProperty("enTete").GetString()!, jeton.RootElement.GetProperty("jeton").GetString());
        return client;
    }

    /// <summary>A Cantal person followed by referent.cantal, with an orientation decided and (unless told otherwise) notified.</summary>
    private async Task<(Guid Personne, Guid Orientation)> PersonneOrienteeAsync(
        string nom, OrganismeOrientation organisme = OrganismeOrientation.ServiceDepartement, DateOnly? decision = null, DateOnly? notification = null,
        bool notifiee = true)
    {
        var personne = await new PersonnesDeTest(app).CreerAsync(nom, "Élodie", new DateOnly(1988, 4, 12));
        var cantal = await app.Base.DepartementAsync("15");
        await using var db = app.Base.Contexte(cantal);
        var jourDecision = decision ?? Aujourdhui.AddDays(-12);
        var orientation = DecisionOrientation.Decider(
            cantal, personne, null, organisme.SigneLeContratAilleurs() ? TypeParcours.Emploi : TypeParcours.SocioProfessionnel, organisme, null,
            organisme.Libelle(), null, null, jourDecision, notifiee ? notification ?? jourDecision.AddDays(2) : null, "Freins à lever avec l'emploi.",
            null, 6, null, DateTime.UtcNow);
        db.DecisionsOrientation.Add(orientation);
        await db.SaveChangesAsync();
        return (personne, orientation.Id);
    }

    private async Task<Guid> AgentAsync(string identifiant)
    {
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        return await db.Users.Where(a => a.Email == ClientPasserelle.Email(identifiant)).Select(a => a.Id).SingleAsync();
    }

    private async Task<ContratEngagement?> ContratAsync(Guid contratId)
    {
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        return await db.ContratsEngagement.AsNoTracking().SingleOrDefaultAsync(c => c.Id == contratId);
    }

    private async Task<List<ContratEngagement>> ContratsAsync(Guid personne)
    {
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        return await db.ContratsEngagement.AsNoTracking().Where(c => c.BeneficiaireId == personne).ToListAsync();
    }

    private async Task<int> ModificationsAsync(Guid personne)
    {
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        return await db.JournalAcces.CountAsync(j => j.EnregistrementId == personne && j.Action == ActionJournal.Modification);
    }

    private List<KeyValuePair<string, string>> Brouillon(
        string? objectifs = "Obtenir le permis B et reprendre une formation d'aide-soignante.", string heures = "15", string motif = "",
        DateOnly? du = null, DateOnly? au = null, params string[] freins)
    {
        var champs = new List<KeyValuePair<string, string>>
        {
            new("Saisie.Debut", Iso(Aujourdhui)),
            new("Saisie.Fin", Iso(Aujourdhui.AddMonths(6))),
            new("Saisie.Heures", heures),
            new("Saisie.MotifReduction", motif),
            new("Saisie.ReductionDu", du is { } d ? Iso(d) : ""),
            new("Saisie.ReductionAu", au is { } a ? Iso(a) : ""),
            new("Saisie.Objectifs", objectifs ?? ""),
            new("Saisie.Actions", "Inscription à l'auto-école sociale ; atelier CV."),
            new("Saisie.Version", "0"),
        };
        champs.AddRange(freins.Select(f => new KeyValuePair<string, string>("Saisie.Freins", f)));
        return champs;
    }

    private static Guid IdDuContrat(HttpResponseMessage reponse) => Guid.Parse(reponse.Headers.Location!.OriginalString.Split('/')[^1]);

    private async Task<Guid> BrouillonAsync(ClientPasserelle client, Guid personne, string? objectifs = "Retrouver un emploi dans l'aide à domicile.")
    {
        var reponse = await client.PosterAsync($"/beneficiaires/{personne}/contrats/nouveau", Brouillon(objectifs, freins: "mobilite"));
        reponse.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await ClientPasserelle.DocumentAsync(reponse)).QuerySelector(".resume-erreurs")?.TextContent);
        return IdDuContrat(reponse);
    }

    /// <summary>Posts one of the contract page's transition forms with the version the agent read.</summary>
    private static async Task<HttpResponseMessage> TransitionAsync(
        ClientPasserelle client, Guid personne, Guid contratId, string handler, int version, params (string Champ, string Valeur)[] champs)
    {
        var url = $"/beneficiaires/{personne}/contrats/{contratId}";
        return await client.PosterAsync(url, [new("Version", version.ToString(CultureInfo.InvariantCulture)), .. champs.Select(c => new KeyValuePair<string, string>(c.Champ, c.Valeur))],
            $"{url}?handler={handler}");
    }

    private static async Task<string?> ErreurAsync(HttpResponseMessage reponse) =>
        (await ClientPasserelle.DocumentAsync(reponse)).QuerySelector(".resume-erreurs")?.TextContent;

    [Fact]
    public async Task Un_contrat_va_du_brouillon_a_la_cloture_avec_son_bilan()
    {
        var (personne, orientation) = await PersonneOrienteeAsync("Parcours-Complet");
        var cantal = await app.Base.DepartementAsync("15");
        await using (var db = app.Base.Contexte(cantal))
        {
            db.EvaluationsFreins.Add(new EvaluationFrein(cantal, personne, Aujourdhui.AddDays(-20), "mobilite", NiveauFrein.Important, null, null, DateTime.UtcNow));
            db.EvaluationsFreins.Add(new EvaluationFrein(cantal, personne, Aujourdhui.AddDays(-20), "sante", NiveauFrein.Bloquant, null, null, DateTime.UtcNow));
            db.EvaluationsFreins.Add(new EvaluationFrein(cantal, personne, Aujourdhui.AddDays(-20), "logement", NiveauFrein.Leger, null, null, DateTime.UtcNow));
            await db.SaveChangesAsync();
        }

        using var referent = await ConnecteAsync();
        using var responsable = await ConnecteAsync("responsable.cantal");

        var formulaire = (await referent.PageAsync($"/beneficiaires/{personne}/contrats/nouveau")).Document;
        formulaire.QuerySelectorAll<IHtmlInputElement>("input[name='Saisie.Freins']").Where(c => c.IsChecked).Select(c => c.Value)
            .ShouldBe(["mobilite", "sante"], ignoreOrder: true);
        formulaire.QuerySelector<IHtmlInputElement>("#Saisie_Heures")!.Value.ShouldBe("15");
        formulaire.QuerySelector<IHtmlInputElement>("#Saisie_Debut")!.Value.ShouldBe(Iso(Aujourdhui));

        var redige = await referent.PosterAsync($"/beneficiaires/{personne}/contrats/nouveau", Brouillon(freins: ["mobilite", "sante"]));
        redige.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErreurAsync(redige));
        var contratId = IdDuContrat(redige);
        var brouillon = (await ContratAsync(contratId))!;
        brouillon.Etat.ShouldBe(EtatContrat.Brouillon);
        brouillon.OrientationId.ShouldBe(orientation);
        brouillon.AgentId.ShouldBe(await AgentAsync("referent.cantal"));
        brouillon.CodesFreinsVises.ShouldBe(["mobilite", "sante"], ignoreOrder: true);
        brouillon.HeuresHebdomadaires.ShouldBe(15);

        (await TransitionAsync(referent, personne, contratId, "Soumettre", brouillon.Version)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var soumis = (await ContratAsync(contratId))!;
        soumis.Etat.ShouldBe(EtatContrat.Soumis);
        soumis.DateSoumission.ShouldBe(Aujourdhui);

        var pageResponsable = (await responsable.PageAsync($"/beneficiaires/{personne}/contrats/{contratId}")).Document;
        pageResponsable.QuerySelectorAll("button").Select(b => b.TextContent.Trim()).ShouldContain("Valider le contrat");
        (await TransitionAsync(responsable, personne, contratId, "Valider", soumis.Version)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var valide = (await ContratAsync(contratId))!;
        valide.Etat.ShouldBe(EtatContrat.Valide);
        valide.ValidePar.ShouldBe(await AgentAsync("responsable.cantal"));

        var signature = await TransitionAsync(referent, personne, contratId, "Signer", valide.Version, ("Date", Iso(Aujourdhui)));
        signature.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErreurAsync(signature));
        var signe = (await ContratAsync(contratId))!;
        signe.Etat.ShouldBe(EtatContrat.Signe);
        signe.DateSignature.ShouldBe(Aujourdhui);
        await using (var db = app.Base.Contexte(cantal))
        {
            var courrier = await db.CourriersEmis.SingleAsync(c => c.ObjetId == contratId);
            courrier.Type.ShouldBe(TypeCourrier.Contrat);
            courrier.BeneficiaireId.ShouldBe(personne);
            var contenu = await db.ContenusDocuments.Where(c => c.DocumentId == courrier.DocumentId).Select(c => c.Contenu).SingleAsync();
            var texte = await TextePdf.ExtraireAsync(contenu);
            texte.ShouldContain("Obtenir le permis B");
            texte.ShouldContain($"Signé le {Jour(Aujourdhui)}.");
        }

        var cloture = await TransitionAsync(referent, personne, contratId, "Cloturer", signe.Version,
            ("Date", Iso(Aujourdhui)), ("Bilan", "Permis obtenu, formation commencée."), ("Confirmation", "true"));
        cloture.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErreurAsync(cloture));
        var clos = (await ContratAsync(contratId))!;
        clos.Etat.ShouldBe(EtatContrat.Clos);
        clos.Bilan.ShouldBe("Permis obtenu, formation commencée.");
        clos.DateCloture.ShouldBe(Aujourdhui);

        var liste = (await referent.PageAsync($"/beneficiaires/{personne}/contrats")).Document;
        liste.QuerySelector("tbody tr")!.TextContent.ShouldContain("Clos");
        liste.QuerySelector("#titre-echeance")!.ParentElement!.TextContent.ShouldContain("Contrat signé pour l'orientation en vigueur");
        var dossier = (await referent.PageAsync($"/beneficiaires/{personne}")).Document;
        dossier.QuerySelector("#contrat")!.TextContent.ShouldContain("Clos");
        var chronologie = (await referent.PageAsync($"/beneficiaires/{personne}/chronologie")).Document.QuerySelector("#chronologie")!.TextContent;
        foreach (var evenement in new[] { "Contrat d'engagement rédigé (brouillon)", "Contrat soumis à validation", "Contrat validé par Bernard Rouquier", "Contrat signé par la personne", "Contrat clos avec son bilan" })
        {
            chronologie.ShouldContain(evenement);
        }
    }

    [Fact]
    public async Task Un_referent_ne_valide_pas_un_contrat_et_le_responsable_le_renvoie_en_brouillon()
    {
        var (personne, _) = await PersonneOrienteeAsync("Validation-Refusee");
        using var referent = await ConnecteAsync();
        using var responsable = await ConnecteAsync("responsable.cantal");
        var contratId = await BrouillonAsync(referent, personne);
        (await TransitionAsync(referent, personne, contratId, "Soumettre", 0)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var soumis = (await ContratAsync(contratId))!;
        var modifications = await ModificationsAsync(personne);

        var page = (await referent.PageAsync($"/beneficiaires/{personne}/contrats/{contratId}")).Document;
        var refus = await TransitionAsync(referent, personne, contratId, "Valider", soumis.Version);

        page.QuerySelectorAll("button").Select(b => b.TextContent.Trim()).ShouldNotContain("Valider le contrat");
        page.QuerySelector("#titre-actions")!.ParentElement!.TextContent.ShouldContain("attend la validation du responsable");
        refus.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ContratAsync(contratId))!.Etat.ShouldBe(EtatContrat.Soumis);
        (await ModificationsAsync(personne)).ShouldBe(modifications);

        (await TransitionAsync(responsable, personne, contratId, "Renvoyer", soumis.Version)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var renvoye = (await ContratAsync(contratId))!;
        renvoye.Etat.ShouldBe(EtatContrat.Brouillon);
        renvoye.DateSoumission.ShouldBeNull();
    }

    [Fact]
    public async Task Chaque_transition_interdite_est_refusee_en_francais_sans_rien_ecrire()
    {
        var (personne, _) = await PersonneOrienteeAsync("Transitions-Interdites");
        using var referent = await ConnecteAsync();
        using var responsable = await ConnecteAsync("responsable.cantal");
        var sansObjectifs = await BrouillonAsync(referent, personne, objectifs: null);
        var version = (await ContratAsync(sansObjectifs))!.Version;
        var modifications = await ModificationsAsync(personne);

        (ClientPasserelle Client, string Handler, (string, string)[] Champs, string Message)[] refus =
        [
            (referent, "Soumettre", [], "Indiquez les objectifs du contrat avant de le soumettre."),
            (referent, "Signer", [("Date", Iso(Aujourdhui))], "Le contrat est signé par la personne une fois validé."),
            (referent, "Cloturer", [("Date", Iso(Aujourdhui)), ("Bilan", "Bilan"), ("Confirmation", "true")], "Seul un contrat signé se clôt."),
            (responsable, "Valider", [], "Seul un contrat soumis peut être validé."),
            (responsable, "Renvoyer", [], "Seul un contrat soumis peut être renvoyé en brouillon."),
        ];
        foreach (var (client, handler, champs, message) in refus)
        {
            var reponse = await TransitionAsync(client, personne, sansObjectifs, handler, version, champs);
            reponse.StatusCode.ShouldBe(HttpStatusCode.OK, handler);
            (await ErreurAsync(reponse)).ShouldNotBeNull(handler).ShouldContain(message);
        }

        var contrat = (await ContratAsync(sansObjectifs))!;
        contrat.Etat.ShouldBe(EtatContrat.Brouillon);
        contrat.Version.ShouldBe(version);
        (await ModificationsAsync(personne)).ShouldBe(modifications);

        // A second draft while one is in preparation, a signature in the future, a closing without bilan.
        var second = await referent.PosterAsync($"/beneficiaires/{personne}/contrats/nouveau", Brouillon());
        (await ErreurAsync(second)).ShouldNotBeNull().ShouldContain("Un contrat est déjà en préparation");
        (await ContratsAsync(personne)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Une_signature_future_et_une_cloture_sans_bilan_sont_refusees()
    {
        var (personne, _) = await PersonneOrienteeAsync("Signature-Future");
        var cantal = await app.Base.DepartementAsync("15");
        Guid contratId;
        await using (var db = app.Base.Contexte(cantal))
        {
            var contrat = ContratEngagement.Brouillon(cantal, personne, Aujourdhui.AddDays(-30), Aujourdhui.AddMonths(5), new HeuresActivite(15), 15,
                contenu: new ContenuContrat("Objectifs", ["mobilite"]));
            contrat.Soumettre(Aujourdhui.AddDays(-20));
            contrat.Valider(Aujourdhui.AddDays(-10), await AgentAsync("responsable.cantal"));
            db.ContratsEngagement.Add(contrat);
            await db.SaveChangesAsync();
            contratId = contrat.Id;
        }

        using var referent = await ConnecteAsync();
        var version = (await ContratAsync(contratId))!.Version;
        var future = await TransitionAsync(referent, personne, contratId, "Signer", version, ("Date", Iso(Aujourdhui.AddDays(1))));
        (await ErreurAsync(future)).ShouldNotBeNull().ShouldContain("La date de signature ne peut pas être dans le futur.");
        var avant = await TransitionAsync(referent, personne, contratId, "Signer", version, ("Date", Iso(Aujourdhui.AddDays(-11))));
        (await ErreurAsync(avant)).ShouldNotBeNull().ShouldContain("La signature ne peut pas précéder la validation.");
        (await TransitionAsync(referent, personne, contratId, "Signer", version, ("Date", Iso(Aujourdhui.AddDays(-5))))).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var signe = (await ContratAsync(contratId))!;
        var sansBilan = await TransitionAsync(referent, personne, contratId, "Cloturer", signe.Version, ("Date", Iso(Aujourdhui)), ("Bilan", " "), ("Confirmation", "true"));
        (await ErreurAsync(sansBilan)).ShouldNotBeNull().ShouldContain("Le bilan du contrat est obligatoire pour le clore.");
        var sansConfirmation = await TransitionAsync(referent, personne, contratId, "Cloturer", signe.Version, ("Date", Iso(Aujourdhui)), ("Bilan", "Fait."));
        (await ErreurAsync(sansConfirmation)).ShouldNotBeNull().ShouldContain("Cochez la case pour confirmer la clôture du contrat.");
        (await ContratAsync(contratId))!.Etat.ShouldBe(EtatContrat.Signe);
        // The contract is running: the page says so.
        (await referent.PageAsync($"/beneficiaires/{personne}/contrats")).Document.QuerySelector("tbody tr")!.TextContent.ShouldContain("En cours");
    }

    [Fact]
    public async Task Moins_de_quinze_heures_sans_motif_sont_refusees_et_avec_un_motif_date_acceptees()
    {
        var (personne, _) = await PersonneOrienteeAsync("Heures-Reduites");
        using var referent = await ConnecteAsync();

        var sansMotif = await referent.PosterAsync($"/beneficiaires/{personne}/contrats/nouveau", Brouillon(heures: "8"));
        var motifSansDates = await referent.PosterAsync($"/beneficiaires/{personne}/contrats/nouveau", Brouillon(heures: "8", motif: "sante"));
        var motifInconnu = await referent.PosterAsync($"/beneficiaires/{personne}/contrats/nouveau",
            Brouillon(heures: "8", motif: "convenance", du: Aujourdhui, au: Aujourdhui.AddMonths(3)));

        sansMotif.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ErreurAsync(sansMotif)).ShouldNotBeNull().ShouldContain("En dessous de 15 heures par semaine, ou sans heures fixées, indiquez le motif prévu par la loi.");
        (await ErreurAsync(motifSansDates)).ShouldNotBeNull().ShouldContain("Indiquez la période de la réduction des heures");
        (await ErreurAsync(motifInconnu)).ShouldNotBeNull().ShouldContain("Choisissez le motif de réduction des heures dans la liste de votre département.");
        (await ContratsAsync(personne)).ShouldBeEmpty();

        var accepte = await referent.PosterAsync($"/beneficiaires/{personne}/contrats/nouveau",
            Brouillon(heures: "8", motif: "sante", du: Aujourdhui, au: Aujourdhui.AddMonths(3)));
        accepte.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErreurAsync(accepte));
        var contrat = (await ContratsAsync(personne)).ShouldHaveSingleItem();
        contrat.HeuresHebdomadaires.ShouldBe(8);
        contrat.MotifReductionHeures.ShouldBe("sante");
        contrat.ReductionAu.ShouldBe(Aujourdhui.AddMonths(3));
        var page = (await referent.PageAsync(accepte.Headers.Location!.OriginalString)).Document;
        page.QuerySelector(".fiche")!.TextContent.ShouldContain($"8 heures par semaine — motif : Problème de santé, du {Jour(Aujourdhui)} au {Jour(Aujourdhui.AddMonths(3))}");
    }

    [Fact]
    public async Task L_echeance_tombe_un_mois_apres_la_notification_et_en_retard_se_voit()
    {
        var notification = Aujourdhui.AddDays(-10);
        var (aJour, _) = await PersonneOrienteeAsync("Echeance-A-Jour", decision: notification.AddDays(-3), notification: notification);
        var (enRetard, _) = await PersonneOrienteeAsync("Echeance-En-Retard", decision: Aujourdhui.AddMonths(-2), notification: Aujourdhui.AddMonths(-2));
        var (nonNotifiee, _) = await PersonneOrienteeAsync("Echeance-Non-Notifiee", notifiee: false);
        var sansOrientation = await new PersonnesDeTest(app).CreerAsync("Echeance-Sans-Orientation", "Paul", new DateOnly(1979, 2, 3));
        using var referent = await ConnecteAsync();

        var page = (await referent.PageAsync($"/beneficiaires/{aJour}/contrats")).Document;
        var retard = (await referent.PageAsync($"/beneficiaires/{enRetard}/contrats")).Document;
        var attente = (await referent.PageAsync($"/beneficiaires/{nonNotifiee}/contrats")).Document;
        var aucune = (await referent.PageAsync($"/beneficiaires/{sansOrientation}/contrats")).Document;

        page.QuerySelector(".alerte-avertissement")!.TextContent.ShouldContain($"Contrat à signer au plus tard le {Jour(notification.AddMonths(1))}");
        retard.QuerySelector(".alerte-erreur")!.TextContent.ShouldContain($"En retard : le contrat devait être signé au plus tard le {Jour(Aujourdhui.AddMonths(-1))}");
        attente.QuerySelector(".alerte-info")!.TextContent.ShouldContain("n'est pas encore notifiée : le délai du contrat n'a pas commencé");
        aucune.QuerySelector(".vide")!.TextContent.ShouldContain("Aucune orientation n'est en vigueur");
        (await referent.PageAsync($"/beneficiaires/{enRetard}")).Document.QuerySelector("#contrat")!.TextContent.ShouldContain("En retard");
    }

    [Fact]
    public async Task Une_orientation_notifiee_avant_2025_a_la_date_transitoire()
    {
        var (personne, _) = await PersonneOrienteeAsync("Echeance-Transitoire", decision: new DateOnly(2024, 11, 4), notification: new DateOnly(2024, 11, 15));
        using var referent = await ConnecteAsync();

        var page = (await referent.PageAsync($"/beneficiaires/{personne}/contrats")).Document;

        page.QuerySelector("#titre-echeance")!.ParentElement!.TextContent.ShouldContain("au plus tard le 01/01/2027 (orientation notifiée le 15/11/2024, avant le 1er janvier 2025 : date transitoire)");
    }

    [Fact]
    public void L_echeance_lit_le_delai_valable_le_jour_de_la_notification()
    {
        var departement = Guid.NewGuid();
        ParametreDate[] parametres =
        [
            new(departement, ClesParametres.DelaiContrat, ParametreDate.PorteeDepartement, TypeValeur.Mois, "1", new DateOnly(2025, 1, 1), new DateOnly(2026, 3, 31), "Loi"),
            new(departement, ClesParametres.DelaiContrat, ParametreDate.PorteeDepartement, TypeValeur.Mois, "2", new DateOnly(2026, 4, 1), null, "Délibération"),
            new(departement, ClesParametres.DateTransitoireContrat, ParametreDate.PorteeDepartement, TypeValeur.Date, "2027-01-01", new DateOnly(2025, 1, 1), null, "Loi"),
        ];
        var jour = new DateOnly(2026, 6, 1);

        EcheancesContrats.Echeance(parametres, departement, new DateOnly(2026, 3, 31), jour).ShouldBe(new DateOnly(2026, 4, 30));
        EcheancesContrats.Echeance(parametres, departement, new DateOnly(2026, 4, 1), jour).ShouldBe(new DateOnly(2026, 6, 1));
        EcheancesContrats.Echeance(parametres, departement, new DateOnly(2024, 12, 31), jour).ShouldBe(new DateOnly(2027, 1, 1));
        EcheancesContrats.Echeance(parametres, Guid.NewGuid(), new DateOnly(2026, 4, 1), jour).ShouldBeNull();
    }

    [Fact]
    public async Task Les_echeances_listent_les_personnes_sans_contrat_signe_avec_leur_date_et_leur_retard()
    {
        var cantal = await app.Base.DepartementAsync("15");
        var (enRetard, orientationRetard) = await PersonneOrienteeAsync("Liste-En-Retard", decision: Aujourdhui.AddMonths(-3), notification: Aujourdhui.AddMonths(-3));
        var (aJour, _) = await PersonneOrienteeAsync("Liste-A-Jour", decision: Aujourdhui.AddDays(-5), notification: Aujourdhui.AddDays(-5));
        var (transitoire, _) = await PersonneOrienteeAsync("Liste-Transitoire", decision: new DateOnly(2024, 10, 1), notification: new DateOnly(2024, 10, 3));
        var (signe, orientationSigne) = await PersonneOrienteeAsync("Liste-Signe", decision: Aujourdhui.AddMonths(-3), notification: Aujourdhui.AddMonths(-3));
        var (enPreparation, orientationPreparation) = await PersonneOrienteeAsync("Liste-Brouillon", decision: Aujourdhui.AddMonths(-3), notification: Aujourdhui.AddMonths(-3));
        var (ancienContrat, orientationAncien) = await PersonneOrienteeAsync("Liste-Ancien-Contrat", decision: Aujourdhui.AddMonths(-2), notification: Aujourdhui.AddMonths(-2));
        var (nonNotifiee, _) = await PersonneOrienteeAsync("Liste-Non-Notifiee", notifiee: false);
        await using (var db = app.Base.Contexte(cantal))
        {
            db.ContratsEngagement.Add(ContratEngagement.Exterieur(cantal, signe, "France Travail", Aujourdhui.AddMonths(-2), Aujourdhui.AddMonths(4),
                Aujourdhui.AddMonths(-2), new HeuresActivite(15), 15, orientationSigne));
            db.ContratsEngagement.Add(ContratEngagement.Brouillon(cantal, enPreparation, Aujourdhui, Aujourdhui.AddMonths(6), new HeuresActivite(15), 15,
                orientationId: orientationPreparation));
            // Signed long before the orientation in force and ended since: the new orientation needs its own contract.
            var ancien = ContratEngagement.Exterieur(cantal, ancienContrat, "Mission locale", Aujourdhui.AddMonths(-14), Aujourdhui.AddMonths(-3),
                Aujourdhui.AddMonths(-14), new HeuresActivite(15), 15);
            db.ContratsEngagement.Add(ancien);
            await db.SaveChangesAsync();
        }

        await using var contexte = app.Base.Contexte(cantal);
        Guid[] miens = [enRetard, aJour, transitoire, signe, enPreparation, ancienContrat, nonNotifiee];
        var personnes = contexte.Beneficiaires.Where(b => miens.Contains(b.Id));

        var echeances = await EcheancesContrats.ListerAsync(contexte, personnes, Aujourdhui, TestContext.Current.CancellationToken);
        var sansContrat = await EcheancesContrats.SansContrat(contexte, personnes, Aujourdhui).Select(b => b.Id).ToListAsync(TestContext.Current.CancellationToken);

        echeances.Select(e => e.BeneficiaireId).ShouldBe([enRetard, ancienContrat, enPreparation, aJour, transitoire], ignoreOrder: true);
        sansContrat.ShouldBe(echeances.Select(e => e.BeneficiaireId), ignoreOrder: true);
        var retard = echeances.Single(e => e.BeneficiaireId == enRetard);
        retard.OrientationId.ShouldBe(orientationRetard);
        retard.Echeance.ShouldBe(Aujourdhui.AddMonths(-3).AddMonths(1));
        retard.EnRetard.ShouldBeTrue();
        echeances.Single(e => e.BeneficiaireId == aJour).ShouldSatisfyAllConditions(
            e => e.Echeance.ShouldBe(Aujourdhui.AddDays(-5).AddMonths(1)), e => e.EnRetard.ShouldBeFalse());
        echeances.Single(e => e.BeneficiaireId == transitoire).Echeance.ShouldBe(new DateOnly(2027, 1, 1));
        echeances.Single(e => e.BeneficiaireId == ancienContrat).OrientationId.ShouldBe(orientationAncien);
        echeances.Single(e => e.BeneficiaireId == enPreparation).EnRetard.ShouldBeTrue();
        // The most urgent first.
        echeances.Select(e => e.Echeance).ShouldBeInOrder(SortDirection.Ascending);
    }

    [Fact]
    public async Task Pour_une_orientation_vers_France_Travail_le_contrat_exterieur_est_propose_d_abord()
    {
        var (personne, orientation) = await PersonneOrienteeAsync("Contrat-Exterieur", OrganismeOrientation.FranceTravail);
        using var referent = await ConnecteAsync();

        var liste = (await referent.PageAsync($"/beneficiaires/{personne}/contrats")).Document;
        var nouveau = (await referent.PageAsync($"/beneficiaires/{personne}/contrats/nouveau")).Document;
        var formulaire = (await referent.PageAsync($"/beneficiaires/{personne}/contrats/exterieur")).Document;
        var reponse = await referent.PosterAsync($"/beneficiaires/{personne}/contrats/exterieur",
        [
            new("Saisie.Organisme", "France Travail – agence d'Aurillac"), new("Saisie.Signature", Iso(Aujourdhui.AddDays(-2))),
            new("Saisie.Debut", Iso(Aujourdhui.AddDays(-2))), new("Saisie.Fin", Iso(Aujourdhui.AddMonths(6))), new("Saisie.Heures", "15"),
        ]);

        liste.QuerySelector(".page-entete .actions a.bouton:not(.bouton-secondaire)")!.TextContent.ShouldBe("Enregistrer le contrat signé auprès de France Travail");
        nouveau.QuerySelector(".alerte-info")!.TextContent.ShouldContain("le contrat y est signé");
        formulaire.QuerySelector<IHtmlInputElement>("#Saisie_Organisme")!.Value.ShouldBe("France Travail");
        reponse.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErreurAsync(reponse));
        var contrat = (await ContratsAsync(personne)).ShouldHaveSingleItem();
        contrat.Externe.ShouldBeTrue();
        contrat.Etat.ShouldBe(EtatContrat.Signe);
        contrat.OrganismeExterne.ShouldBe("France Travail – agence d'Aurillac");
        contrat.DateSignature.ShouldBe(Aujourdhui.AddDays(-2));
        contrat.OrientationId.ShouldBe(orientation);
        contrat.AgentId.ShouldBe(await AgentAsync("referent.cantal"));
        var apres = (await referent.PageAsync($"/beneficiaires/{personne}/contrats")).Document;
        apres.QuerySelector("#titre-echeance")!.ParentElement!.TextContent.ShouldContain("Contrat signé pour l'orientation en vigueur");
        apres.QuerySelector("tbody tr")!.TextContent.ShouldContain("En cours");
        (await referent.PageAsync($"/beneficiaires/{personne}/chronologie")).Document.QuerySelector("#chronologie")!.TextContent
            .ShouldContain("Contrat extérieur enregistré : signé auprès de France Travail – agence d'Aurillac");
    }

    [Fact]
    public async Task Le_pdf_et_la_page_imprimable_portent_les_objectifs_les_freins_et_les_signatures()
    {
        var (personne, _) = await PersonneOrienteeAsync("Contrat-Imprime");
        using var referent = await ConnecteAsync();
        var reponse = await referent.PosterAsync($"/beneficiaires/{personne}/contrats/nouveau",
            Brouillon("Reprendre un emploi de cariste à temps partiel.", "10", "parent-isole", Aujourdhui, Aujourdhui.AddMonths(2), "mobilite", "famille"));
        var contratId = IdDuContrat(reponse);

        var pdf = await referent.Http.GetAsync($"/beneficiaires/{personne}/contrats/{contratId}/contrat.pdf");
        var imprimable = (await referent.PageAsync($"/beneficiaires/{personne}/contrats/{contratId}/imprimer")).Document;

        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var texte = await TextePdf.ExtraireAsync(await pdf.Content.ReadAsByteArrayAsync());
        foreach (var attendu in new[]
        {
            "Contrat d'engagement", "CONTRAT-IMPRIME Élodie", "Reprendre un emploi de cariste à temps partiel.",
            "Mobilité", "Famille et garde d'enfants", "Inscription à l'auto-école sociale", "10 heures par semaine",
            "motif : Parent isolé", "Signatures", "La personne", "Le référent unique", "Julien Couderc",
            "Pour le président du conseil départemental",
        })
        {
            texte.ShouldContain(attendu);
        }

        imprimable.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).ShouldContain(h => h.StartsWith("/css/contrat.css", StringComparison.Ordinal));
        var signatures = imprimable.QuerySelector(".contrat-signatures")!;
        signatures.QuerySelectorAll("h3").Select(h => h.TextContent.Trim())
            .ShouldBe(["La personne", "Le référent unique", "Pour le président du conseil départemental"]);
        imprimable.QuerySelector(".contrat-imprimable")!.TextContent.ShouldContain("Reprendre un emploi de cariste à temps partiel.");
    }

    [Fact]
    public async Task Un_renouvellement_cree_un_brouillon_lie_au_contrat_signe()
    {
        var (personne, orientation) = await PersonneOrienteeAsync("Contrat-Renouvele");
        var cantal = await app.Base.DepartementAsync("15");
        Guid precedentId;
        await using (var db = app.Base.Contexte(cantal))
        {
            var precedent = ContratEngagement.Brouillon(cantal, personne, Aujourdhui.AddMonths(-6), Aujourdhui.AddDays(10), new HeuresActivite(15), 15,
                contenu: new ContenuContrat("Stabiliser le logement.", ["logement"], "Dossier FSL."), orientationId: orientation);
            precedent.Soumettre(Aujourdhui.AddMonths(-6));
            precedent.Valider(Aujourdhui.AddMonths(-6), await AgentAsync("responsable.cantal"));
            precedent.Signer(Aujourdhui.AddMonths(-6));
            db.ContratsEngagement.Add(precedent);
            await db.SaveChangesAsync();
            precedentId = precedent.Id;
        }

        using var referent = await ConnecteAsync();
        var formulaire = (await referent.PageAsync($"/beneficiaires/{personne}/contrats/{precedentId}/renouveler")).Document;
        formulaire.QuerySelector<IHtmlInputElement>("#Saisie_Debut")!.Value.ShouldBe(Iso(Aujourdhui.AddDays(11)));
        formulaire.QuerySelector<IHtmlTextAreaElement>("#Saisie_Objectifs")!.Value.ShouldBe("Stabiliser le logement.");
        var reponse = await referent.PosterAsync($"/beneficiaires/{personne}/contrats/{precedentId}/renouveler",
        [
            new("Saisie.Debut", Iso(Aujourdhui.AddDays(11))), new("Saisie.Fin", Iso(Aujourdhui.AddMonths(6))), new("Saisie.Heures", "15"),
            new("Saisie.Objectifs", "Stabiliser le logement et chercher un emploi."), new("Saisie.Freins", "logement"), new("Saisie.Version", "0"),
        ]);

        reponse.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ErreurAsync(reponse));
        var suivant = (await ContratAsync(IdDuContrat(reponse)))!;
        suivant.Etat.ShouldBe(EtatContrat.Brouillon);
        suivant.ContratPrecedentId.ShouldBe(precedentId);
        suivant.OrientationId.ShouldBe(orientation);
        suivant.AgentId.ShouldBe(await AgentAsync("referent.cantal"));
        (await referent.PageAsync($"/beneficiaires/{personne}/contrats")).Document.QuerySelectorAll("tbody tr")[0].TextContent
            .ShouldContain($"Contrat du {Jour(Aujourdhui.AddMonths(-6))}");
    }

    [Fact]
    public async Task Un_brouillon_modifie_avec_une_version_depassee_n_ecrase_rien()
    {
        var (personne, _) = await PersonneOrienteeAsync("Brouillon-Concurrent");
        using var referent = await ConnecteAsync();
        var contratId = await BrouillonAsync(referent, personne);
        var url = $"/beneficiaires/{personne}/contrats/{contratId}/modifier";
        var champs = Brouillon("Objectifs revus.", freins: "mobilite");
        (await referent.PosterAsync(url, champs)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var perime = await referent.PosterAsync(url, Brouillon("Objectifs écrasés.", freins: "mobilite"));

        perime.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ErreurAsync(perime)).ShouldNotBeNull().ShouldContain("Cette fiche a été modifiée entre-temps");
        (await ContratAsync(contratId))!.Objectifs.ShouldBe("Objectifs revus.");
    }

    [Theory]
    [InlineData("referent.puydedome", HttpStatusCode.NotFound)]
    [InlineData("referent.mauriac", HttpStatusCode.NotFound)]
    [InlineData("pilotage.cantal", HttpStatusCode.Forbidden)]
    public async Task Hors_perimetre_les_contrats_ne_se_lisent_ni_ne_s_ecrivent(string identifiant, HttpStatusCode attendu)
    {
        var (personne, _) = await PersonneOrienteeAsync("Hors-Perimetre-" + identifiant.Replace(".", "-", StringComparison.Ordinal));
        Guid contratId;
        using (var referent = await ConnecteAsync())
        {
            contratId = await BrouillonAsync(referent, personne);
        }

        var modifications = await ModificationsAsync(personne);
        using var client = await ConnecteAsync(identifiant);
        var racine = $"/beneficiaires/{personne}/contrats";

        foreach (var url in new[] { racine, $"{racine}/nouveau", $"{racine}/exterieur", $"{racine}/{contratId}", $"{racine}/{contratId}/modifier",
                     $"{racine}/{contratId}/imprimer", $"{racine}/{contratId}/contrat.pdf", $"{racine}/{contratId}/renouveler" })
        {
            (await client.Http.GetAsync(url)).StatusCode.ShouldBe(attendu, url);
        }

        (await client.PosterDirectementAsync($"{racine}/nouveau", Brouillon())).StatusCode.ShouldBe(attendu);
        (await client.PosterDirectementAsync($"{racine}/{contratId}?handler=Soumettre", [new("Version", "0")])).StatusCode.ShouldBe(attendu);
        (await client.Http.GetAsync($"/api/v1{racine}")).StatusCode.ShouldBe(attendu);
        (await ContratAsync(contratId))!.Etat.ShouldBe(EtatContrat.Brouillon);
        (await ModificationsAsync(personne)).ShouldBe(modifications);
    }

    [Fact]
    public async Task L_agent_d_orientation_lit_les_contrats_sans_pouvoir_les_rediger()
    {
        var (personne, _) = await PersonneOrienteeAsync("Lecture-Orientation");
        using var orientation = await ConnecteAsync("orientation.cantal");

        var (liste, page) = await orientation.PageAsync($"/beneficiaires/{personne}/contrats");
        var nouveau = await orientation.Http.GetAsync($"/beneficiaires/{personne}/contrats/nouveau");
        var ecriture = await orientation.PosterDirectementAsync($"/beneficiaires/{personne}/contrats/nouveau", Brouillon());

        liste.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelectorAll("a").Select(a => a.TextContent.Trim()).ShouldNotContain("Rédiger un contrat");
        nouveau.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        ecriture.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ContratsAsync(personne)).ShouldBeEmpty();
    }

    [Fact]
    public async Task L_api_liste_cree_fait_avancer_et_refuse_une_version_depassee()
    {
        var (personne, orientation) = await PersonneOrienteeAsync("Api-Contrats", decision: Aujourdhui.AddDays(-20), notification: Aujourdhui.AddDays(-18));
        using var referent = await ApiAsync();
        using var responsable = await ApiAsync("responsable.cantal");
        var url = $"/api/v1/beneficiaires/{personne}/contrats";

        var creation = await referent.Http.PostAsJsonAsync(url, new
        {
            debut = Iso(Aujourdhui), fin = Iso(Aujourdhui.AddMonths(6)), heuresHebdomadaires = 15,
            objectifs = "Trouver un emploi de vendeuse.", freins = Mobilite, actions = "Ateliers.",
        });
        creation.StatusCode.ShouldBe(HttpStatusCode.Created, await creation.Content.ReadAsStringAsync());
        using var cree = JsonDocument.Parse(await creation.Content.ReadAsStringAsync());
        var contratId = cree.RootElement.GetProperty("id").GetGuid();
        cree.RootElement.GetProperty("etat").GetString().ShouldBe("Brouillon");
        cree.RootElement.GetProperty("orientationId").GetGuid().ShouldBe(orientation);
        cree.RootElement.GetProperty("freins")[0].GetProperty("libelle").GetString().ShouldBe("Mobilité");
        var version = cree.RootElement.GetProperty("version").GetInt32();

        using (var liste = JsonDocument.Parse(await referent.Http.GetStringAsync(url)))
        {
            var echeance = liste.RootElement.GetProperty("echeance");
            echeance.GetProperty("echeance").GetString().ShouldBe(Iso(Aujourdhui.AddDays(-18).AddMonths(1)));
            echeance.GetProperty("enRetard").GetBoolean().ShouldBeFalse();
            echeance.GetProperty("contratSigne").GetBoolean().ShouldBeFalse();
            liste.RootElement.GetProperty("contrats").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ShouldBe([contratId]);
            liste.RootElement.GetProperty("peutRediger").GetBoolean().ShouldBeTrue();
            liste.RootElement.GetProperty("peutValider").GetBoolean().ShouldBeFalse();
        }

        var soumission = await referent.Http.PostAsJsonAsync($"{url}/{contratId}/transitions", new { action = "soumettre", version });
        soumission.StatusCode.ShouldBe(HttpStatusCode.OK, await soumission.Content.ReadAsStringAsync());
        using var soumis = JsonDocument.Parse(await soumission.Content.ReadAsStringAsync());
        soumis.RootElement.GetProperty("etat").GetString().ShouldBe("Soumis");
        var versionSoumise = soumis.RootElement.GetProperty("version").GetInt32();

        var parLeReferent = await referent.Http.PostAsJsonAsync($"{url}/{contratId}/transitions", new { action = "valider", version = versionSoumise });
        var perimee = await responsable.Http.PostAsJsonAsync($"{url}/{contratId}/transitions", new { action = "valider", version });
        var interdite = await referent.Http.PostAsJsonAsync($"{url}/{contratId}/transitions", new { action = "signer", version = versionSoumise, date = Iso(Aujourdhui) });
        var inconnue = await referent.Http.PostAsJsonAsync($"{url}/{contratId}/transitions", new { action = "annuler", version = versionSoumise });

        parLeReferent.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await parLeReferent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().ShouldBe(ApiContrats.MessageRoleValidation);
        perimee.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        perimee.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var conflit = await perimee.Content.ReadFromJsonAsync<JsonElement>();
        conflit.GetProperty("detail").GetString()!.ShouldContain("modifiée entre-temps");
        conflit.GetProperty("versionActuelle").GetInt32().ShouldBe(versionSoumise);
        interdite.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await interdite.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().ShouldBe("Le contrat est signé par la personne une fois validé.");
        inconnue.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ContratAsync(contratId))!.ShouldSatisfyAllConditions(c => c.Etat.ShouldBe(EtatContrat.Soumis), c => c.Version.ShouldBe(versionSoumise));

        var validation = await responsable.Http.PostAsJsonAsync($"{url}/{contratId}/transitions", new { action = "valider", version = versionSoumise });
        validation.StatusCode.ShouldBe(HttpStatusCode.OK, await validation.Content.ReadAsStringAsync());
        (await validation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("validePar").GetString().ShouldBe("Bernard Rouquier");

        var exterieurSansDate = await referent.Http.PostAsJsonAsync(url, new { type = "exterieur", organisme = "Cap emploi", debut = Iso(Aujourdhui), fin = Iso(Aujourdhui.AddMonths(3)), heuresHebdomadaires = 15 });
        exterieurSansDate.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await exterieurSansDate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("dateSignature")[0].GetString()
            .ShouldBe("La date de signature est obligatoire (aaaa-mm-jj).");
    }

    [Fact]
    public async Task L_api_est_decrite_dans_openapi()
    {
        using var client = await ConnecteAsync();
        using var document = JsonDocument.Parse(await client.Http.GetStringAsync("/openapi/v1.json"));
        var chemins = document.RootElement.GetProperty("paths");

        var transitions = chemins.GetProperty("/api/v1/beneficiaires/{id}/contrats/{contratId}/transitions").GetProperty("post");
        transitions.GetProperty("responses").EnumerateObject().Select(r => r.Name).ShouldBe(["200", "400", "401", "403", "404", "409"], ignoreOrder: true);
        transitions.GetProperty("parameters").EnumerateArray().ShouldContain(p => p.GetProperty("name").GetString() == "RequestVerificationToken");
        chemins.GetProperty("/api/v1/beneficiaires/{id}/contrats").GetProperty("get").GetProperty("summary").GetString()!.ShouldContain("échéance");
    }
}

public sealed class ContratsSqliteTests(ApplicationSqlite app) : ContratsTests(app), IClassFixture<ApplicationSqlite>;

public sealed class ContratsPostgresTests(ApplicationPostgres app) : ContratsTests(app), IClassFixture<ApplicationPostgres>;
