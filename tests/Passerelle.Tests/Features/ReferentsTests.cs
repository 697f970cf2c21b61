using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Referents;
using Passerelle.Infrastructure.Tenancy;
using Passerelle.Tests.Support;

namespace Passerelle.Tests.Features;

/// <summary>
/// Builds the parcours of test people directly in the database (the pages of orientations, contracts and
/// rendez-vous belong to other features), and agents and structures of their own, so that a test judges
/// only its own rows whatever the demo holds.
/// </summary>
internal sealed class ParcoursDeTest(ApplicationDeTest app)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static int _numero;

    public DateOnly Aujourdhui => app.Factory.Temps.Aujourdhui(Paris);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Unique(string prefixe) => $"{prefixe}{Interlocked.Increment(ref _numero)}{Guid.NewGuid().ToString("N")[..6]}";

    public async Task<Guid> DepartementAsync(string code = "15") => await app.Base.DepartementAsync(code);

    public async Task<Guid> IdAsync(string identifiant)
    {
        await using var db = app.Base.Contexte();
        return await db.Users.IgnoreQueryFilters().Where(a => a.Email == ClientPasserelle.Email(identifiant)).Select(a => a.Id).SingleAsync();
    }

    public async Task<Guid> StructureDeAsync(string identifiant)
    {
        await using var db = app.Base.Contexte();
        return await db.Users.IgnoreQueryFilters().Where(a => a.Email == ClientPasserelle.Email(identifiant)).Select(a => a.StructureId!.Value).SingleAsync();
    }

    public async Task<Guid> StructureAsync(string nom, TypeStructure type = TypeStructure.ServiceDepartement, string departement = "15")
    {
        var departementId = await DepartementAsync(departement);
        await using var db = app.Base.Contexte(departementId);
        var structure = new Structure(departementId, $"{nom} {Unique("")}", type);
        db.Structures.Add(structure);
        await db.SaveChangesAsync();
        return structure.Id;
    }

    /// <summary>A new agent with the demo password, in the given structure; returns his identifiant.</summary>
    public async Task<(string Identifiant, Guid Id)> AgentAsync(Guid structureId, Role role, string prenom = "Test", string? nom = null, string departement = "15")
    {
        var departementId = await DepartementAsync(departement);
        await using var db = app.Base.Contexte(departementId);
        var empreinte = await db.Users.IgnoreQueryFilters().Where(a => a.Email == ClientPasserelle.Email("referent.cantal")).Select(a => a.PasswordHash).SingleAsync();
        var identifiant = Unique(role.ToString().ToLowerInvariant() + ".");
        var agent = new Agent(departementId, structureId, ClientPasserelle.Email(identifiant), prenom, nom ?? Unique("Agent"))
        {
            PasswordHash = empreinte, EmailConfirmed = true, LockoutEnabled = true,
        };
        agent.NormalizedEmail = agent.Email!.ToUpperInvariant();
        agent.NormalizedUserName = agent.NormalizedEmail;
        db.Users.Add(agent);
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = agent.Id, RoleId = RolesIdentite.IdPour(role) });
        await db.SaveChangesAsync();
        return (identifiant, agent.Id);
    }

    /// <summary>A person followed by <paramref name="referentId"/> since 6 January 2025 (or nobody).</summary>
    public async Task<Guid> PersonneAsync(string nom, Guid? referentId, string prenoms = "Test", string departement = "15", DateOnly? depuis = null, string? nir = null)
    {
        var departementId = await DepartementAsync(departement);
        await using var db = app.Base.Contexte(departementId);
        var personne = new Beneficiaire(departementId, nom, null, prenoms, new DateOnly(1985, 3, 3), Sexe.Femme, Dispositifs.Rsa);
        if (nir is not null)
        {
            personne.DefinirNir(ClesNirDeTest.Protection.Proteger(Passerelle.Domain.Identite.Nir.Lire(nir)));
        }

        db.Beneficiaires.Add(personne);
        if (referentId is { } id)
        {
            var structureId = await db.Users.Where(a => a.Id == id).Select(a => a.StructureId).SingleAsync();
            db.ReferentsUniques.Add(ReferentUnique.Designer(departementId, personne.Id, [], depuis ?? new DateOnly(2025, 1, 6), id, structureId, null, null));
        }

        await db.SaveChangesAsync();
        return personne.Id;
    }

    /// <summary>The right open and soumis aux droits et devoirs, the Département informed on <paramref name="reception"/>.</summary>
    public async Task DroitAsync(Guid personne, DateOnly reception, string departement = "15")
    {
        await using var db = app.Base.Contexte(await DepartementAsync(departement));
        db.DroitsRsa.Add(new DroitRsa(db.DepartementCourant.IdObligatoire, personne, reception, EtatDroitRsa.Ouvert, OrganismePayeur.Caf, true, reception, null, DateTime.UtcNow));
        await db.SaveChangesAsync();
    }

    public async Task<Guid> OrienterAsync(
        Guid personne, DateOnly decision, TypeParcours parcours = TypeParcours.Emploi, OrganismeOrientation organisme = OrganismeOrientation.ServiceDepartement,
        Guid? structureId = null, string libelle = "Département – service insertion", DateOnly? notification = null)
    {
        await using var db = app.Base.Contexte(await DepartementAsync());
        var enVigueur = await db.DecisionsOrientation.SingleOrDefaultAsync(o => o.BeneficiaireId == personne && o.Fin == null);
        var orientation = DecisionOrientation.Decider(
            db.DepartementCourant.IdObligatoire, personne, enVigueur, parcours, organisme, structureId, libelle, null, null, decision,
            notification ?? decision, "Décision de test", null, 6, null, DateTime.UtcNow);
        db.DecisionsOrientation.Add(orientation);
        await db.SaveChangesAsync();
        return orientation.Id;
    }

    /// <summary>A contract signed at France Travail, recorded as external: signed as soon as it is recorded.</summary>
    public async Task ContratSigneAsync(Guid personne, DateOnly debut, DateOnly fin)
    {
        await using var db = app.Base.Contexte(await DepartementAsync());
        db.ContratsEngagement.Add(ContratEngagement.Exterieur(
            db.DepartementCourant.IdObligatoire, personne, "France Travail", debut, fin, debut, new HeuresActivite(15), 15));
        await db.SaveChangesAsync();
    }

    /// <summary>A draft contract written by the référent and submitted to the Responsable on <paramref name="soumission"/>.</summary>
    public async Task<Guid> ContratSoumisAsync(Guid personne, DateOnly debut, DateOnly soumission, Guid? auteurId = null)
    {
        await using var db = app.Base.Contexte(await DepartementAsync());
        var contrat = ContratEngagement.Brouillon(
            db.DepartementCourant.IdObligatoire, personne, debut, debut.AddMonths(6), new HeuresActivite(15), 15,
            contenu: new ContenuContrat("Retrouver un emploi de cuisinière", []), agentId: auteurId);
        contrat.Soumettre(soumission);
        db.ContratsEngagement.Add(contrat);
        await db.SaveChangesAsync();
        return contrat.Id;
    }

    public async Task ValiderEtSignerAsync(Guid contratId, DateOnly jour, Guid responsableId)
    {
        await using var db = app.Base.Contexte(await DepartementAsync());
        var contrat = await db.ContratsEngagement.SingleAsync(c => c.Id == contratId);
        contrat.Valider(jour, responsableId);
        contrat.Signer(jour);
        await db.SaveChangesAsync();
    }

    /// <summary>A rendez-vous at 10:00 (Paris) on <paramref name="jour"/>; held when <paramref name="honore"/>, else still planned.</summary>
    public async Task<Guid> RendezVousAsync(Guid personne, Guid agentId, DateOnly jour, bool honore = true)
    {
        await using var db = app.Base.Contexte(await DepartementAsync());
        var debut = TimeZoneInfo.ConvertTimeToUtc(jour.ToDateTime(new TimeOnly(10, 0)), Paris);
        var rendezVous = RendezVous.Planifier(db.DepartementCourant.IdObligatoire, personne, agentId, null, TypeRendezVous.Telephone, debut, 30, "Entretien de suivi", null);
        if (honore)
        {
            rendezVous.Honorer(null, debut.AddHours(1));
        }

        db.RendezVous.Add(rendezVous);
        await db.SaveChangesAsync();
        return rendezVous.Id;
    }

    public async Task<List<ReferentUnique>> DesignationsAsync(Guid personne)
    {
        await using var db = app.Base.Contexte(await DepartementAsync());
        return await db.ReferentsUniques.Where(r => r.BeneficiaireId == personne).OrderBy(r => r.Debut).ThenBy(r => r.Fin == null).ToListAsync();
    }

    public async Task<List<JournalAcces>> JournalAsync(Guid enregistrementId)
    {
        await using var db = app.Base.Contexte(await DepartementAsync());
        return await db.JournalAcces.Where(j => j.EnregistrementId == enregistrementId).OrderBy(j => j.Instant).ToListAsync();
    }

    public async Task<ClientPasserelle> ConnecteAsync(string identifiant)
    {
        var client = app.Factory.Client();
        (await client.ConnecterAsync(identifiant)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }
}

public abstract class ReferentsTests(ApplicationDeTest app)
{
    private readonly ParcoursDeTest _parcours = new(app);

    private DateOnly Aujourdhui => _parcours.Aujourdhui;

    private static string Iso(DateOnly date) => ParcoursDeTest.Iso(date);

    private static string Erreurs(IDocument document) => document.QuerySelector(".resume-erreurs")?.TextContent ?? "";

    /// <summary>A new référent of the Aurillac TAS (responsable.cantal's structure) following three new people.</summary>
    private async Task<(string Identifiant, Guid Id, List<Guid> Personnes)> PortefeuilleAurillacAsync(int nombre = 3)
    {
        var (identifiant, id) = await _parcours.AgentAsync(await _parcours.StructureDeAsync("responsable.cantal"), Role.Referent, "Paule");
        var personnes = new List<Guid>();
        for (var i = 0; i < nombre; i++)
        {
            personnes.Add(await _parcours.PersonneAsync(ParcoursDeTest.Unique("Transfert"), id, prenoms: $"Personne{i}"));
        }

        return (identifiant, id, personnes);
    }

    private static List<KeyValuePair<string, string>> Transfert(Guid source, Guid? cible, DateOnly date, bool tout, params Guid[] selection) =>
    [
        new("Source", source.ToString()), new("Cible", cible?.ToString() ?? ""), new("Date", Iso(date)), new("Tout", tout ? "true" : "false"),
        .. selection.Select(id => new KeyValuePair<string, string>("Selection", id.ToString())),
    ];

    [Fact]
    public async Task Le_responsable_transfere_tout_un_portefeuille_apres_confirmation_date_et_journalise()
    {
        var (_, source, personnes) = await PortefeuilleAurillacAsync();
        var mauriac = await _parcours.IdAsync("referent.mauriac");
        var date = Aujourdhui.AddDays(-2);
        using var client = await _parcours.ConnecteAsync("responsable.cantal");

        var liste = (await client.PageAsync($"/referents/transfert?Source={source}")).Document;
        var verification = await ClientPasserelle.DocumentAsync(await client.PosterAsync(
            $"/referents/transfert?Source={source}", Transfert(source, mauriac, date, tout: true), "/referents/transfert?handler=Verifier"));
        var avantConfirmation = await _parcours.DesignationsAsync(personnes[0]);
        var confirmation = await client.PosterAsync($"/referents/transfert?Source={source}", Transfert(source, mauriac, date, tout: true), "/referents/transfert?handler=Confirmer");

        liste.QuerySelector("caption")!.TextContent.ShouldContain("(3)");
        liste.QuerySelectorAll("tbody input[type=checkbox][name=Selection]").Length.ShouldBe(3);
        Erreurs(verification).ShouldBeEmpty();
        verification.QuerySelector("#titre-confirmation")!.ParentElement!.TextContent.ShouldContain("3 personnes");
        verification.QuerySelector("#titre-confirmation")!.ParentElement!.TextContent.ShouldContain("Anne Lachaze");
        avantConfirmation.Count.ShouldBe(1);
        confirmation.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        foreach (var personne in personnes)
        {
            var periodes = await _parcours.DesignationsAsync(personne);
            periodes.Count.ShouldBe(2);
            periodes[0].AgentId.ShouldBe(source);
            periodes[0].Fin.ShouldBe(date.AddDays(-1));
            periodes[1].AgentId.ShouldBe(mauriac);
            periodes[1].Debut.ShouldBe(date);
            periodes[1].Fin.ShouldBeNull();
            (await _parcours.JournalAsync(personne)).Single().Action.ShouldBe(ActionJournal.Modification);
        }

        var ligneTransfert = (await _parcours.JournalAsync(source)).Single();
        ligneTransfert.TypeEnregistrement.ShouldBe(ServiceReferents.TypeJournalTransfert);
        ligneTransfert.AgentId.ShouldBe(await _parcours.IdAsync("responsable.cantal"));
        var apres = (await client.PageAsync(confirmation.Headers.Location!.OriginalString)).Document;
        apres.QuerySelector(".alerte-succes")!.TextContent.ShouldContain("3 personnes suivies par Paule");
        apres.QuerySelector(".vide")!.TextContent.ShouldContain("est vide");
    }

    [Fact]
    public async Task Une_selection_seule_change_de_referent_et_le_reste_du_portefeuille_ne_bouge_pas()
    {
        var (_, source, personnes) = await PortefeuilleAurillacAsync();
        var mauriac = await _parcours.IdAsync("referent.mauriac");
        using var client = await _parcours.ConnecteAsync("responsable.cantal");

        var verification = await ClientPasserelle.DocumentAsync(await client.PosterAsync(
            $"/referents/transfert?Source={source}", Transfert(source, mauriac, Aujourdhui, false, personnes[0], personnes[2]), "/referents/transfert?handler=Verifier"));
        var confirmation = await client.PosterAsync(
            $"/referents/transfert?Source={source}", Transfert(source, mauriac, Aujourdhui, false, personnes[0], personnes[2]), "/referents/transfert?handler=Confirmer");

        verification.QuerySelector("#titre-confirmation")!.ParentElement!.TextContent.ShouldContain("2 personnes");
        verification.QuerySelectorAll("form input[name=Selection]").Select(i => i.GetAttribute("value")).ShouldBe([personnes[0].ToString(), personnes[2].ToString()], ignoreOrder: true);
        confirmation.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await _parcours.DesignationsAsync(personnes[0])).Last().AgentId.ShouldBe(mauriac);
        (await _parcours.DesignationsAsync(personnes[2])).Last().AgentId.ShouldBe(mauriac);
        // Designated and transferred the same day: the old period ends that day.
        (await _parcours.DesignationsAsync(personnes[0])).First().Fin.ShouldBe(Aujourdhui.AddDays(-1));
        var reste = await _parcours.DesignationsAsync(personnes[1]);
        reste.Single().AgentId.ShouldBe(source);
        reste.Single().Fin.ShouldBeNull();
        (await _parcours.JournalAsync(personnes[1])).ShouldBeEmpty();
    }

    public static TheoryData<string> CiblesRefusees => ["source", "orientation.cantal", "referent.puydedome", "demain", "etranger"];

    [Theory]
    [MemberData(nameof(CiblesRefusees))]
    public async Task Un_transfert_refuse_ne_change_rien_et_dit_pourquoi(string cas)
    {
        var (_, source, personnes) = await PortefeuilleAurillacAsync(2);
        var etranger = await _parcours.PersonneAsync(ParcoursDeTest.Unique("Autre"), await _parcours.IdAsync("referent.cantal"));
        Guid? cible = cas switch
        {
            "source" => source,
            "orientation.cantal" or "referent.puydedome" => await _parcours.IdAsync(cas),
            _ => await _parcours.IdAsync("referent.mauriac"),
        };
        var date = cas == "demain" ? Aujourdhui.AddDays(1) : Aujourdhui;
        var champs = cas == "etranger" ? Transfert(source, cible, date, false, personnes[0], etranger) : Transfert(source, cible, date, true);
        using var client = await _parcours.ConnecteAsync("responsable.cantal");

        var verification = await client.PosterAsync($"/referents/transfert?Source={source}", champs, "/referents/transfert?handler=Verifier");
        var confirmation = await client.PosterAsync($"/referents/transfert?Source={source}", champs, "/referents/transfert?handler=Confirmer");

        verification.StatusCode.ShouldBe(HttpStatusCode.OK);
        confirmation.StatusCode.ShouldBe(HttpStatusCode.OK);
        var attendu = cas switch
        {
            "source" => "doit être un autre que celui qui les suit",
            "orientation.cantal" => "n'a pas le rôle de référent",
            "referent.puydedome" => "Choisissez un référent de votre département",
            "demain" => "au plus tard aujourd'hui",
            _ => "n'est plus dans le portefeuille",
        };
        Erreurs(await ClientPasserelle.DocumentAsync(verification)).ShouldContain(attendu);
        Erreurs(await ClientPasserelle.DocumentAsync(confirmation)).ShouldContain(attendu);
        foreach (var personne in personnes.Append(etranger))
        {
            (await _parcours.DesignationsAsync(personne)).Count.ShouldBe(1);
            (await _parcours.JournalAsync(personne)).ShouldBeEmpty();
        }

        (await _parcours.JournalAsync(source)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("referent.cantal")]
    [InlineData("referent.plie")]
    [InlineData("orientation.cantal")]
    public async Task Un_agent_qui_n_est_pas_responsable_recoit_403_sur_les_transferts_et_les_suppleances(string identifiant)
    {
        var (_, source, personnes) = await PortefeuilleAurillacAsync(1);
        using var client = await _parcours.ConnecteAsync(identifiant);

        var transfert = await client.PageAsync($"/referents/transfert?Source={source}");
        var suppleances = await client.PageAsync("/referents/suppleances");
        var ecriture = await client.PosterDirectementAsync(
            "/referents/transfert?handler=Confirmer", Transfert(source, await _parcours.IdAsync(identifiant), Aujourdhui, true));
        var suppleance = await client.PosterDirectementAsync("/referents/suppleances",
            [new("AbsentId", source.ToString()), new("RemplacantId", (await _parcours.IdAsync("referent.mauriac")).ToString()), new("Du", Iso(Aujourdhui)), new("Au", Iso(Aujourdhui.AddDays(3)))]);

        transfert.Reponse.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        suppleances.Reponse.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        ecriture.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        suppleance.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await _parcours.DesignationsAsync(personnes[0])).Count.ShouldBe(1);
        await using var db = app.Base.Contexte(await _parcours.DepartementAsync());
        (await db.Suppleances.CountAsync(s => s.ReferentAbsentId == source)).ShouldBe(0);
    }

    [Fact]
    public async Task Le_responsable_d_une_autre_structure_ne_transfere_pas_les_personnes_d_un_referent_du_territoire()
    {
        var (identifiant, _) = await _parcours.AgentAsync(await _parcours.StructureDeAsync("referent.plie"), Role.Responsable, "Rémi");
        var cantal = await _parcours.IdAsync("referent.cantal");
        var personne = await _parcours.PersonneAsync(ParcoursDeTest.Unique("Tas"), cantal);
        using var client = await _parcours.ConnecteAsync(identifiant);

        var page = (await client.PageAsync("/referents/transfert")).Document;
        var liste = (await client.PageAsync($"/referents/transfert?Source={cantal}")).Document;
        var refus = await client.PosterAsync("/referents/transfert", Transfert(cantal, await _parcours.IdAsync("referent.plie"), Aujourdhui, true), "/referents/transfert?handler=Confirmer");

        page.QuerySelectorAll("#Source option").Select(o => o.TextContent).ShouldContain(o => o.Contains("Karim Bensaïd"));
        page.QuerySelectorAll("#Source option").Select(o => o.TextContent).ShouldNotContain(o => o.Contains("Julien Couderc"));
        liste.QuerySelector("table").ShouldBeNull();
        Erreurs(await ClientPasserelle.DocumentAsync(refus)).ShouldContain("parmi les référents de votre structure");
        (await _parcours.DesignationsAsync(personne)).Single().AgentId.ShouldBe(cantal);
    }

    [Fact]
    public async Task Le_remplacant_voit_le_portefeuille_de_l_absent_pendant_la_suppleance_seulement()
    {
        var (absent, absentId, personnes) = await PortefeuilleAurillacAsync(1);
        var (remplacant, _) = await _parcours.AgentAsync(await _parcours.StructureDeAsync("referent.mauriac"), Role.Referent, "Rose", "Remplaçante");
        var personne = personnes[0];
        var du = Aujourdhui.AddDays(1);
        var au = Aujourdhui.AddDays(3);
        using (var responsable = await _parcours.ConnecteAsync("responsable.cantal"))
        {
            var creation = await responsable.PosterAsync("/referents/suppleances",
            [
                new("AbsentId", absentId.ToString()), new("RemplacantId", (await _parcours.IdAsync(remplacant)).ToString()), new("Du", Iso(du)), new("Au", Iso(au)),
            ]);
            creation.StatusCode.ShouldBe(HttpStatusCode.Redirect, Erreurs(await ClientPasserelle.DocumentAsync(creation)));
            var liste = (await responsable.PageAsync("/referents/suppleances")).Document;
            liste.QuerySelectorAll("tbody tr").Single(l => l.TextContent.Contains("Rose Remplaçante", StringComparison.Ordinal)).TextContent.ShouldContain("À venir");
        }

        async Task<(HttpStatusCode Dossier, bool DansLePortefeuille, string? Marque)> VuDuRemplacantAsync()
        {
            using var client = await _parcours.ConnecteAsync(remplacant);
            var dossier = (await client.PageAsync($"/beneficiaires/{personne}")).Reponse.StatusCode;
            var portefeuille = (await client.PageAsync("/portefeuille")).Document;
            var ligne = portefeuille.QuerySelectorAll("tbody tr").FirstOrDefault(l => l.QuerySelector($"a[href='/beneficiaires/{personne}']") is not null);
            return (dossier, ligne is not null, ligne?.QuerySelector("[data-suppleance]")?.TextContent.Trim());
        }

        var avant = await VuDuRemplacantAsync();
        app.Factory.Temps.Advance(TimeSpan.FromDays(1));
        var premierJour = await VuDuRemplacantAsync();
        app.Factory.Temps.Advance(TimeSpan.FromDays(2));
        var dernierJour = await VuDuRemplacantAsync();
        app.Factory.Temps.Advance(TimeSpan.FromDays(1));
        var lendemain = await VuDuRemplacantAsync();

        avant.ShouldBe((HttpStatusCode.NotFound, false, null));
        premierJour.Dossier.ShouldBe(HttpStatusCode.OK);
        premierJour.DansLePortefeuille.ShouldBeTrue();
        premierJour.Marque.ShouldBe($"en suppléance de Paule {(await NomAsync(absentId))}");
        dernierJour.Dossier.ShouldBe(HttpStatusCode.OK);
        lendemain.ShouldBe((HttpStatusCode.NotFound, false, null));
        // The absent one's own view never changed.
        using var titulaire = await _parcours.ConnecteAsync(absent);
        (await titulaire.PageAsync($"/beneficiaires/{personne}")).Reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<string> NomAsync(Guid agentId)
    {
        await using var db = app.Base.Contexte(await _parcours.DepartementAsync());
        return await db.Users.Where(a => a.Id == agentId).Select(a => a.Nom).SingleAsync();
    }

    [Fact]
    public async Task Une_suppleance_se_termine_plus_tot_une_suppleance_a_venir_s_annule_et_deux_ne_se_chevauchent_pas()
    {
        var (_, absentId, personnes) = await PortefeuilleAurillacAsync(1);
        var (remplacant, remplacantId) = await _parcours.AgentAsync(await _parcours.StructureDeAsync("referent.mauriac"), Role.Referent, "Lise");
        using var responsable = await _parcours.ConnecteAsync("responsable.cantal");
        List<KeyValuePair<string, string>> Saisie(DateOnly du, DateOnly au) =>
            [new("AbsentId", absentId.ToString()), new("RemplacantId", remplacantId.ToString()), new("Du", Iso(du)), new("Au", Iso(au))];

        (await responsable.PosterAsync("/referents/suppleances", Saisie(Aujourdhui, Aujourdhui.AddDays(10)))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var chevauchement = await responsable.PosterAsync("/referents/suppleances", Saisie(Aujourdhui.AddDays(5), Aujourdhui.AddDays(20)));
        (await responsable.PosterAsync("/referents/suppleances", Saisie(Aujourdhui.AddDays(30), Aujourdhui.AddDays(40)))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        List<Suppleance> suppleances;
        await using (var db = app.Base.Contexte(await _parcours.DepartementAsync()))
        {
            suppleances = await db.Suppleances.Where(s => s.ReferentAbsentId == absentId).OrderBy(s => s.Du).ToListAsync();
        }

        var fin = await responsable.PosterAsync("/referents/suppleances", [new("DernierJour", Iso(Aujourdhui))], $"/referents/suppleances?handler=Terminer&id={suppleances[0].Id}");
        var annulation = await responsable.PosterAsync("/referents/suppleances", [], $"/referents/suppleances?handler=Terminer&id={suppleances[1].Id}");

        Erreurs(await ClientPasserelle.DocumentAsync(chevauchement)).ShouldContain("couvre déjà une partie de cette période");
        suppleances.Count.ShouldBe(2);
        fin.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        annulation.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using (var db = app.Base.Contexte(await _parcours.DepartementAsync()))
        {
            var restantes = await db.Suppleances.Where(s => s.ReferentAbsentId == absentId).ToListAsync();
            restantes.Single().Au.ShouldBe(Aujourdhui);
            restantes.Single().CreeeParId.ShouldBe(await _parcours.IdAsync("responsable.cantal"));
        }

        (await _parcours.JournalAsync(suppleances[0].Id)).Select(j => j.Action).ShouldBe([ActionJournal.Creation, ActionJournal.Modification], ignoreOrder: true);
        (await _parcours.JournalAsync(suppleances[1].Id)).Select(j => j.Action).ShouldBe([ActionJournal.Creation, ActionJournal.Suppression], ignoreOrder: true);
        // Ended today: the replacing référent still sees the caseload today.
        using var client = await _parcours.ConnecteAsync(remplacant);
        (await client.PageAsync($"/beneficiaires/{personnes[0]}")).Reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Apres_une_orientation_vers_le_Departement_l_agent_d_orientation_designe_et_le_referent_ne_le_peut_plus()
    {
        var cantal = await _parcours.IdAsync("referent.cantal");
        var mauriac = await _parcours.IdAsync("referent.mauriac");
        var personne = await _parcours.PersonneAsync(ParcoursDeTest.Unique("Oriente"), cantal);
        await _parcours.OrienterAsync(personne, Aujourdhui.AddDays(-5), libelle: "Territoire d'action sociale de Mauriac");
        using var referent = await _parcours.ConnecteAsync("referent.cantal");
        using var orientation = await _parcours.ConnecteAsync("orientation.cantal");

        var pageReferent = (await referent.PageAsync($"/beneficiaires/{personne}/referent")).Document;
        var refusReferent = await referent.PosterDirectementAsync($"/beneficiaires/{personne}/referent", [new("Debut", Iso(Aujourdhui)), new("AgentId", mauriac.ToString())]);
        var pageOrientation = (await orientation.PageAsync($"/beneficiaires/{personne}/referent")).Document;
        var refusPartenaire = await orientation.PosterAsync($"/beneficiaires/{personne}/referent",
            [new("Debut", Iso(Aujourdhui)), new("AgentId", (await _parcours.IdAsync("referent.plie")).ToString())]);
        var designation = await orientation.PosterAsync($"/beneficiaires/{personne}/referent", [new("Debut", Iso(Aujourdhui)), new("AgentId", mauriac.ToString())]);

        pageReferent.QuerySelector(".alerte-avertissement")!.TextContent.ShouldContain("c'est l'agent d'orientation qui désigne son référent unique");
        pageReferent.QuerySelector("form #AgentId").ShouldBeNull();
        Erreurs(await ClientPasserelle.DocumentAsync(refusReferent)).ShouldBeEmpty();
        (await ClientPasserelle.DocumentAsync(refusReferent)).QuerySelector(".alerte-avertissement")!.TextContent.ShouldContain("agent d'orientation");
        var proposes = pageOrientation.QuerySelectorAll("#AgentId option").Select(o => o.TextContent).ToList();
        proposes.ShouldContain(o => o.Contains("Anne Lachaze"));
        proposes.ShouldNotContain(o => o.Contains("Karim Bensaïd"));
        Erreurs(await ClientPasserelle.DocumentAsync(refusPartenaire)).ShouldContain("Choisissez un référent d'un service du Département");
        designation.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var periodes = await _parcours.DesignationsAsync(personne);
        periodes.Count.ShouldBe(2);
        periodes[^1].AgentId.ShouldBe(mauriac);
        (await _parcours.JournalAsync(personne)).Count(j => j.Action == ActionJournal.Modification).ShouldBe(1);
    }

    [Fact]
    public async Task Apres_une_orientation_vers_un_partenaire_son_responsable_designe_un_de_ses_referents()
    {
        var plie = await _parcours.StructureDeAsync("referent.plie");
        var referentPlie = await _parcours.IdAsync("referent.plie");
        var (responsable, _) = await _parcours.AgentAsync(plie, Role.Responsable, "Rémi");
        var personne = await _parcours.PersonneAsync(ParcoursDeTest.Unique("Partenaire"), null);
        await _parcours.OrienterAsync(personne, Aujourdhui.AddDays(-3), TypeParcours.SocioProfessionnel, OrganismeOrientation.StructurePartenaire, plie, "PLIE du bassin d'Aurillac");
        using var orientation = await _parcours.ConnecteAsync("orientation.cantal");
        using var client = await _parcours.ConnecteAsync(responsable);

        var refusOrientation = await orientation.PosterDirectementAsync($"/beneficiaires/{personne}/referent", [new("Debut", Iso(Aujourdhui)), new("AgentId", referentPlie.ToString())]);
        // Oriented to his structure: he sees the person before any référent is designated.
        var page = await client.PageAsync($"/beneficiaires/{personne}/referent");
        var refusHorsStructure = await client.PosterAsync($"/beneficiaires/{personne}/referent",
            [new("Debut", Iso(Aujourdhui)), new("AgentId", (await _parcours.IdAsync("referent.cantal")).ToString())]);
        var designation = await client.PosterAsync($"/beneficiaires/{personne}/referent", [new("Debut", Iso(Aujourdhui)), new("AgentId", referentPlie.ToString())]);

        (await ClientPasserelle.DocumentAsync(refusOrientation)).QuerySelector(".alerte-avertissement")!.TextContent.ShouldContain("c'est le responsable de cette structure");
        page.Reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelectorAll("#AgentId option").Select(o => o.TextContent).Where(o => o.Contains('—')).ShouldAllBe(o => o.Contains("PLIE"));
        Erreurs(await ClientPasserelle.DocumentAsync(refusHorsStructure)).ShouldContain("Choisissez un référent de PLIE du bassin d'Aurillac");
        designation.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await _parcours.DesignationsAsync(personne)).Single().AgentId.ShouldBe(referentPlie);
    }

    [Fact]
    public async Task Un_partenaire_sans_responsable_dans_Passerelle_voit_l_agent_d_orientation_designer_a_sa_place()
    {
        var association = await _parcours.StructureAsync("Association de test", TypeStructure.Association);
        var (_, referentAssociation) = await _parcours.AgentAsync(association, Role.Referent, "Inès");
        var personne = await _parcours.PersonneAsync(ParcoursDeTest.Unique("Association"), null);
        await _parcours.OrienterAsync(personne, Aujourdhui.AddDays(-3), TypeParcours.Social, OrganismeOrientation.StructurePartenaire, association, "Association de test");
        using var orientation = await _parcours.ConnecteAsync("orientation.cantal");

        var designation = await orientation.PosterAsync($"/beneficiaires/{personne}/referent", [new("Debut", Iso(Aujourdhui)), new("AgentId", referentAssociation.ToString())]);

        designation.StatusCode.ShouldBe(HttpStatusCode.Redirect, Erreurs(await ClientPasserelle.DocumentAsync(designation)));
        (await _parcours.DesignationsAsync(personne)).Single().AgentId.ShouldBe(referentAssociation);
    }

    private async Task<ClientPasserelle> ClientApiAsync(string identifiant)
    {
        var client = await _parcours.ConnecteAsync(identifiant);
        var jeton = JsonDocument.Parse(await (await client.Http.GetAsync("/api/v1/jeton")).Content.ReadAsStringAsync()).RootElement;
        client.Http.DefaultRequestHeaders.Add(jeton.GetProperty("enTete").GetString()!, jeton.GetProperty("jeton").GetString());
        return client;
    }

    [Fact]
    public async Task L_API_donne_l_historique_des_designations_et_designe_avec_les_memes_regles()
    {
        var cantal = await _parcours.IdAsync("referent.cantal");
        var mauriac = await _parcours.IdAsync("referent.mauriac");
        var personne = await _parcours.PersonneAsync(ParcoursDeTest.Unique("Api"), cantal);
        await _parcours.OrienterAsync(personne, Aujourdhui.AddDays(-5));
        using var referent = await ClientApiAsync("referent.cantal");
        using var orientation = await ClientApiAsync("orientation.cantal");
        var url = $"/api/v1/beneficiaires/{personne}/referents";

        var refus = await referent.Http.PostAsJsonAsync(url, new { debut = Iso(Aujourdhui), agentId = mauriac });
        var dateInvalide = await orientation.Http.PostAsJsonAsync(url, new { debut = "12/01/2026", agentId = mauriac });
        var creation = await orientation.Http.PostAsJsonAsync(url, new { debut = Iso(Aujourdhui), agentId = mauriac });
        var lecture = await orientation.Http.GetAsync(url);

        refus.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        refus.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        JsonDocument.Parse(await refus.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!
            .ShouldContain("c'est l'agent d'orientation qui désigne son référent unique");
        dateInvalide.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonDocument.Parse(await dateInvalide.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetProperty("debut")[0].GetString()
            .ShouldBe("La date de début doit être au format aaaa-mm-jj.");
        creation.StatusCode.ShouldBe(HttpStatusCode.Created);
        creation.Headers.Location!.OriginalString.ShouldBe(url);
        lecture.StatusCode.ShouldBe(HttpStatusCode.OK);
        var historique = JsonDocument.Parse(await lecture.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();
        historique.Select(d => d.GetProperty("nom").GetString()).ShouldBe(["Anne Lachaze", "Julien Couderc"]);
        historique[0].GetProperty("enCours").GetBoolean().ShouldBeTrue();
        historique[1].GetProperty("fin").GetString().ShouldBe(Iso(Aujourdhui.AddDays(-1)));
        var journal = await _parcours.JournalAsync(personne);
        journal.Select(j => j.Action).ShouldBe([ActionJournal.Modification, ActionJournal.Consultation], ignoreOrder: true);
    }

    [Theory]
    [InlineData("referent.puydedome")]
    [InlineData("referent.plie")]
    public async Task L_API_des_referents_repond_404_hors_perimetre_et_403_sans_dossiers_individuels(string identifiant)
    {
        var personne = await _parcours.PersonneAsync(ParcoursDeTest.Unique("Hors"), await _parcours.IdAsync("referent.cantal"));
        using var client = await ClientApiAsync(identifiant);
        using var pilotage = await ClientApiAsync("pilotage.cantal");
        var url = $"/api/v1/beneficiaires/{personne}/referents";

        var lecture = await client.Http.GetAsync(url);
        var ecriture = await client.Http.PostAsJsonAsync(url, new { debut = Iso(Aujourdhui), agentId = await _parcours.IdAsync(identifiant) });
        var interdit = await pilotage.Http.GetAsync(url);

        lecture.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        ecriture.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        interdit.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await _parcours.DesignationsAsync(personne)).Count.ShouldBe(1);
        (await _parcours.JournalAsync(personne)).ShouldBeEmpty();
    }

    [Fact]
    public async Task L_openapi_decrit_les_referents_d_une_personne()
    {
        using var client = app.Factory.Client();

        var document = JsonDocument.Parse(await (await client.Http.GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync()).RootElement;

        var chemin = document.GetProperty("paths").GetProperty("/api/v1/beneficiaires/{id}/referents");
        chemin.EnumerateObject().Select(p => p.Name).Order().ShouldBe(["get", "post"]);
        chemin.GetProperty("post").GetProperty("responses").EnumerateObject().Select(r => r.Name).ShouldBe(["201", "400", "401", "403", "404", "409"], ignoreOrder: true);
        chemin.GetProperty("post").GetProperty("parameters").EnumerateArray().ShouldContain(p => p.GetProperty("name").GetString() == "RequestVerificationToken");
    }
}

public sealed class ReferentsSqliteTests(ApplicationSqlite app) : ReferentsTests(app), IClassFixture<ApplicationSqlite>;

public sealed class ReferentsPostgresTests(ApplicationPostgres app) : ReferentsTests(app), IClassFixture<ApplicationPostgres>;
