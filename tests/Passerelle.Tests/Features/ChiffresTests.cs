using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Chiffres;
using Passerelle.Infrastructure.Tenancy;
using Passerelle.Tests.Support;

namespace Passerelle.Tests.Features;

/// <summary>
/// The catalogue over a data set of its own, in a département of its own (Lozère), so that every number is computed
/// by hand below and asserted exactly, the same on both providers; the page over Cantal, with territories and people
/// of the test's own, since the demo's parcours grow over time.
/// </summary>
public abstract class ChiffresTests(ApplicationDeTest app)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>January to March 2025.</summary>
    private static readonly PeriodeChiffres Trimestre = new(new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 1));

    private const string Mende = "48095";
    private const string Marvejols = "48092";
    private const string Florac = "48061";
    private const string Langogne = "48080";

    private const string Est = "Circonscription d'essai de l'Est";
    private const string Ouest = "Circonscription d'essai de l'Ouest";

    private static readonly SemaphoreSlim Preparation = new(1, 1);

    private DateOnly Aujourdhui => app.Factory.Temps.Aujourdhui(Paris);

    private static DateOnly J(int annee, int mois, int jour) => new(annee, mois, jour);

    private static string Texte(decimal? valeur) => valeur?.ToString("0.#", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>Each row as "label | value | value…".</summary>
    private static List<string> Lignes(TableauChiffres tableau) =>
        tableau.Lignes.Append(tableau.Total).OfType<LigneChiffres>()
            .Select(l => string.Join(" | ", l.Valeurs.Select(Texte).Prepend(l.Libelle)))
            .ToList();

    // ------------------------------------------------------------------------------------------------
    // The Lozère data set. Bassins de vie: Nord = Mende + Marvejols, Sud = Florac; Langogne is in none.
    //
    // P1 Mende     droit ouvert DD 2024-12-01 (reçu 12-05); emploi 2025-01-10 (36 j); référents Roux puis Brun le 01-31;
    //              contrat extérieur 02-01 → 07-31.
    // P2 Mende     droit ouvert DD 2024-11-01 (reçu 11-04); social 2025-01-20 (77 j, hors délai); référent 02-01; contrat en brouillon.
    // P3 Marvejols droit ouvert DD 2025-01-15 (reçu 01-20), clos 03-01; socio-pro 02-10 (21 j); référent 02-12 → 03-10;
    //              contrat signé 02-14, 02-15 → 03-15.
    // P4 Florac    droit ouvert DD 2024-10-01; emploi 2024-12-15 (avant la période), réorientée social 2025-02-20;
    //              contrat extérieur 2024-12-01 → 2025-05-31, clos le 02-10.
    // P5 Florac    droit ouvert sans droits et devoirs; référent extérieur depuis 2024-09-01.
    // P6 Florac    droit ouvert DD 2024-05-01 (reçu 05-02), suspendu 2025-01-01; emploi 2025-03-05 (307 j, hors délai).
    // P7 Langogne  droit ouvert DD 2025-02-01 (reçu 02-03); socio-pro 03-17 (42 j : le dernier jour du délai);
    //              deux contrats extérieurs qui se chevauchent en mars.
    // P8 sans commune  droit ouvert DD 2025-03-10 (reçu 03-12); emploi 03-31 (19 j); contrat signé le 2025-04-02 seulement.
    // P9 Mende     fusionné dans P1: everything it holds would add one everywhere.
    // P10 Marvejols droit ouvert DD 2025-01-01 corrected the same day into « clos » (same date d'effet, later entry).
    // A Cantal person living in Mende, oriented, followed and under contract: never counted in Lozère.
    // ------------------------------------------------------------------------------------------------

    private async Task<Guid> LozereAsync()
    {
        await Preparation.WaitAsync();
        try
        {
            await using var db = app.Base.Contexte();
            if (await db.Departements.Where(d => d.Code == "48").Select(d => (Guid?)d.Id).SingleOrDefaultAsync() is { } existant)
            {
                return existant;
            }

            var lozere = new Departement("48", "Lozère");
            db.Departements.Add(lozere);
            await db.SaveChangesAsync();
            var d = lozere.Id;
            var responsable = new Agent(d, null, "responsable@lozere.test", "Rémi", "Chastel");
            db.Users.Add(responsable);
            Territoire(db, d, "Nord", TypeTerritoire.BassinDeVie, Mende, Marvejols);
            Territoire(db, d, "Sud", TypeTerritoire.BassinDeVie, Florac);
            Territoire(db, d, "CLAI de Mende", TypeTerritoire.TerritoireClai, Mende);

            var p1 = Personne(db, d, "Un", Mende);
            Droit(db, d, p1, J(2024, 12, 1), EtatDroitRsa.Ouvert, true, J(2024, 12, 5));
            Orienter(db, d, p1, null, TypeParcours.Emploi, J(2024, 12, 5), J(2025, 1, 10));
            var roux = Designer(db, d, p1, [], J(2025, 1, 31), "Mme Roux");
            Designer(db, d, p1, [roux], J(2025, 1, 31), "M. Brun");
            db.ContratsEngagement.Add(Exterieur(d, p1, J(2025, 2, 1), J(2025, 7, 31), J(2025, 2, 1)));

            var p2 = Personne(db, d, "Deux", Mende);
            Droit(db, d, p2, J(2024, 11, 1), EtatDroitRsa.Ouvert, true, J(2024, 11, 4));
            Orienter(db, d, p2, null, TypeParcours.Social, J(2024, 11, 4), J(2025, 1, 20));
            Designer(db, d, p2, [], J(2025, 2, 1), "Mme Vidal");
            db.ContratsEngagement.Add(ContratEngagement.Brouillon(d, p2, J(2025, 1, 1), J(2025, 6, 30), new HeuresActivite(15), 15));

            var p3 = Personne(db, d, "Trois", Marvejols);
            Droit(db, d, p3, J(2025, 1, 15), EtatDroitRsa.Ouvert, true, J(2025, 1, 20));
            Droit(db, d, p3, J(2025, 3, 1), EtatDroitRsa.Clos, false, null);
            Orienter(db, d, p3, null, TypeParcours.SocioProfessionnel, J(2025, 1, 20), J(2025, 2, 10));
            Designer(db, d, p3, [], J(2025, 2, 12), "M. Bastide").Terminer(J(2025, 3, 10));
            var signe = ContratEngagement.Brouillon(d, p3, J(2025, 2, 15), J(2025, 3, 15), new HeuresActivite(15), 15,
                contenu: new ContenuContrat("Reprendre une formation", []));
            signe.Soumettre(J(2025, 2, 12));
            signe.Valider(J(2025, 2, 13), responsable.Id);
            signe.Signer(J(2025, 2, 14));
            db.ContratsEngagement.Add(signe);

            var p4 = Personne(db, d, "Quatre", Florac);
            Droit(db, d, p4, J(2024, 10, 1), EtatDroitRsa.Ouvert, true, J(2024, 10, 1));
            var premiere = Orienter(db, d, p4, null, TypeParcours.Emploi, J(2024, 10, 1), J(2024, 12, 15));
            Orienter(db, d, p4, premiere, TypeParcours.Social, null, J(2025, 2, 20));
            var clos = Exterieur(d, p4, J(2024, 12, 1), J(2025, 5, 31), J(2024, 12, 1));
            clos.Cloturer(J(2025, 2, 10), "Reprise d'emploi");
            db.ContratsEngagement.Add(clos);

            var p5 = Personne(db, d, "Cinq", Florac);
            Droit(db, d, p5, J(2024, 6, 1), EtatDroitRsa.Ouvert, false, null);
            Designer(db, d, p5, [], J(2024, 9, 1), "Mme Pagès");

            var p6 = Personne(db, d, "Six", Florac);
            Droit(db, d, p6, J(2024, 5, 1), EtatDroitRsa.Ouvert, true, J(2024, 5, 2));
            Droit(db, d, p6, J(2025, 1, 1), EtatDroitRsa.Suspendu, true, J(2024, 5, 2));
            Orienter(db, d, p6, null, TypeParcours.Emploi, J(2024, 5, 2), J(2025, 3, 5));

            var p7 = Personne(db, d, "Sept", Langogne);
            Droit(db, d, p7, J(2025, 2, 1), EtatDroitRsa.Ouvert, true, J(2025, 2, 3));
            Orienter(db, d, p7, null, TypeParcours.SocioProfessionnel, J(2025, 2, 3), J(2025, 3, 17));
            db.ContratsEngagement.Add(Exterieur(d, p7, J(2025, 3, 1), J(2025, 8, 31), J(2025, 3, 1)));
            db.ContratsEngagement.Add(Exterieur(d, p7, J(2025, 3, 20), J(2025, 9, 19), J(2025, 3, 20)));

            var p8 = Personne(db, d, "Huit", null);
            Droit(db, d, p8, J(2025, 3, 10), EtatDroitRsa.Ouvert, true, J(2025, 3, 12));
            Orienter(db, d, p8, null, TypeParcours.Emploi, J(2025, 3, 12), J(2025, 3, 31));
            db.ContratsEngagement.Add(Exterieur(d, p8, J(2025, 3, 15), J(2025, 9, 14), J(2025, 4, 2)));

            var p9 = Personne(db, d, "Neuf", Mende);
            Droit(db, d, p9, J(2024, 1, 1), EtatDroitRsa.Ouvert, true, J(2024, 1, 2));
            Orienter(db, d, p9, null, TypeParcours.Emploi, J(2024, 1, 2), J(2025, 1, 5));
            Designer(db, d, p9, [], J(2024, 2, 1), "M. Fabre");
            db.ContratsEngagement.Add(Exterieur(d, p9, J(2025, 1, 1), J(2025, 6, 30), J(2025, 1, 1)));
            db.Beneficiaires.Local.Single(b => b.Id == p9).FusionnerDans(db.Beneficiaires.Local.Single(b => b.Id == p1));

            var p10 = Personne(db, d, "Dix", Marvejols);
            db.DroitsRsa.Add(new DroitRsa(d, p10, J(2025, 1, 1), EtatDroitRsa.Ouvert, OrganismePayeur.Caf, true, J(2025, 1, 2), null, new DateTime(2025, 1, 2, 8, 0, 0, DateTimeKind.Utc)));
            db.DroitsRsa.Add(new DroitRsa(d, p10, J(2025, 1, 1), EtatDroitRsa.Clos, OrganismePayeur.Caf, false, null, null, new DateTime(2025, 1, 2, 9, 0, 0, DateTimeKind.Utc)));

            var cantal = await db.Departements.Where(x => x.Code == "15").Select(x => x.Id).SingleAsync();
            var voisine = Personne(db, cantal, "Voisine", Mende);
            Droit(db, cantal, voisine, J(2024, 12, 1), EtatDroitRsa.Ouvert, true, J(2024, 12, 5));
            Orienter(db, cantal, voisine, null, TypeParcours.Emploi, J(2024, 12, 5), J(2025, 1, 10));
            Designer(db, cantal, voisine, [], J(2025, 1, 1), "Mme Cantalou");
            db.ContratsEngagement.Add(Exterieur(cantal, voisine, J(2025, 1, 1), J(2025, 6, 30), J(2025, 1, 1)));

            await db.SaveChangesAsync();
            return d;
        }
        finally
        {
            Preparation.Release();
        }
    }

    private static void Territoire(PasserelleDbContext db, Guid departement, string nom, TypeTerritoire type, params string[] communes)
    {
        var territoire = new Territoire(departement, nom, type);
        territoire.DefinirCommunes(communes);
        db.Territoires.Add(territoire);
    }

    private static Guid Personne(PasserelleDbContext db, Guid departement, string nom, string? commune)
    {
        var personne = new Beneficiaire(departement, $"Chiffre-{nom}", null, "Camille", new DateOnly(1985, 6, 1), Sexe.Femme, Dispositifs.Rsa);
        personne.ModifierCoordonnees(null, null, null, commune, null);
        db.Beneficiaires.Add(personne);
        return personne.Id;
    }

    private static void Droit(PasserelleDbContext db, Guid departement, Guid personne, DateOnly effet, EtatDroitRsa etat, bool soumis, DateOnly? reception) =>
        db.DroitsRsa.Add(new DroitRsa(departement, personne, effet, etat, OrganismePayeur.Caf, soumis, reception, null, effet.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)));

    private static DecisionOrientation Orienter(
        PasserelleDbContext db, Guid departement, Guid personne, DecisionOrientation? enVigueur, TypeParcours parcours, DateOnly? reception, DateOnly decision)
    {
        var orientation = DecisionOrientation.Decider(departement, personne, enVigueur, parcours, OrganismeOrientation.ServiceDepartement, null,
            "Service insertion", reception, 6, decision, decision, "Décision d'essai", null, 6, null, decision.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc));
        db.DecisionsOrientation.Add(orientation);
        return orientation;
    }

    private static ReferentUnique Designer(PasserelleDbContext db, Guid departement, Guid personne, ReferentUnique[] periodes, DateOnly debut, string nom)
    {
        var designation = ReferentUnique.Designer(departement, personne, periodes, debut, null, null, nom, "France Travail");
        db.ReferentsUniques.Add(designation);
        return designation;
    }

    private static ContratEngagement Exterieur(Guid departement, Guid personne, DateOnly debut, DateOnly fin, DateOnly signature) =>
        ContratEngagement.Exterieur(departement, personne, "France Travail", debut, fin, signature, new HeuresActivite(15), 15);

    [Fact]
    public async Task Par_mois_chaque_chiffre_du_jeu_de_donnees_est_celui_calcule_a_la_main()
    {
        var lozere = await LozereAsync();
        // No ambient département at all, as in a job: the département is the parameter.
        await using var db = app.Base.Contexte();
        var catalogue = new CatalogueChiffres(db);

        var soumis = await catalogue.SoumisDroitsEtDevoirsAsync(lozere, Trimestre, Ventilation.Mois, TypeTerritoire.BassinDeVie);
        var orientes = await catalogue.OrientesParParcoursAsync(lozere, Trimestre, Ventilation.Mois, TypeTerritoire.BassinDeVie);
        var delai = await catalogue.DelaiOrientationAsync(lozere, Trimestre, Ventilation.Mois, TypeTerritoire.BassinDeVie);
        var referent = await catalogue.AvecReferentAsync(lozere, Trimestre, Ventilation.Mois, TypeTerritoire.BassinDeVie);
        var contrat = await catalogue.AvecContratAsync(lozere, Trimestre, Ventilation.Mois, TypeTerritoire.BassinDeVie);

        Lignes(soumis).ShouldBe(["janvier 2025 | 4", "février 2025 | 5", "mars 2025 | 5"]);
        soumis.Total.ShouldBeNull();
        orientes.Colonnes.Select(c => c.Libelle).ShouldBe(["Emploi", "Socio-professionnel", "Social", "Ensemble"]);
        Lignes(orientes).ShouldBe(["janvier 2025 | 2 | 0 | 1 | 3", "février 2025 | 1 | 1 | 2 | 4", "mars 2025 | 3 | 2 | 2 | 7"]);
        delai.Colonnes.Select(c => c.Libelle).ShouldBe(["Dans le délai", "Hors délai", "Premières orientations", "Part dans le délai", "Délai médian (jours)"]);
        Lignes(delai).ShouldBe(
        [
            "janvier 2025 | 1 | 1 | 2 | 50 | 56.5",
            "février 2025 | 1 | 0 | 1 | 100 | 21",
            "mars 2025 | 2 | 1 | 3 | 66.7 | 42",
            "Ensemble de la période | 4 | 2 | 6 | 66.7 | 39",
        ]);
        Lignes(referent).ShouldBe(["janvier 2025 | 2", "février 2025 | 4", "mars 2025 | 3"]);
        Lignes(contrat).ShouldBe(["janvier 2025 | 1", "février 2025 | 2", "mars 2025 | 2"]);
    }

    [Fact]
    public async Task Par_territoire_les_personnes_sont_comptees_par_la_commune_ou_elles_habitent_au_dernier_jour_de_la_periode()
    {
        var lozere = await LozereAsync();
        await using var db = app.Base.Contexte();
        var catalogue = new CatalogueChiffres(db);

        var soumis = await catalogue.SoumisDroitsEtDevoirsAsync(lozere, Trimestre, Ventilation.Territoire, TypeTerritoire.BassinDeVie);
        var orientes = await catalogue.OrientesParParcoursAsync(lozere, Trimestre, Ventilation.Territoire, TypeTerritoire.BassinDeVie);
        var delai = await catalogue.DelaiOrientationAsync(lozere, Trimestre, Ventilation.Territoire, TypeTerritoire.BassinDeVie);
        var referent = await catalogue.AvecReferentAsync(lozere, Trimestre, Ventilation.Territoire, TypeTerritoire.BassinDeVie);
        var contrat = await catalogue.AvecContratAsync(lozere, Trimestre, Ventilation.Territoire, TypeTerritoire.BassinDeVie);
        var parClai = await catalogue.SoumisDroitsEtDevoirsAsync(lozere, Trimestre, Ventilation.Territoire, TypeTerritoire.TerritoireClai);

        soumis.Observation.ShouldBe(J(2025, 3, 31));
        Lignes(soumis).ShouldBe(["Nord | 2", "Sud | 1", "Hors territoire ou commune inconnue | 2", "Ensemble du département | 5"]);
        Lignes(orientes).ShouldBe(
            ["Nord | 1 | 1 | 1 | 3", "Sud | 1 | 0 | 1 | 2", "Hors territoire ou commune inconnue | 1 | 1 | 0 | 2", "Ensemble du département | 3 | 2 | 2 | 7"]);
        Lignes(delai).ShouldBe(
        [
            "Nord | 2 | 1 | 3 | 66.7 | 36",
            "Sud | 0 | 1 | 1 | 0 | 307",
            "Hors territoire ou commune inconnue | 2 | 0 | 2 | 100 | 30.5",
            "Ensemble du département | 4 | 2 | 6 | 66.7 | 39",
        ]);
        Lignes(referent).ShouldBe(["Nord | 2", "Sud | 1", "Hors territoire ou commune inconnue | 0", "Ensemble du département | 3"]);
        Lignes(contrat).ShouldBe(["Nord | 1", "Sud | 0", "Hors territoire ou commune inconnue | 1", "Ensemble du département | 2"]);
        Lignes(parClai).ShouldBe(["CLAI de Mende | 2", "Hors territoire ou commune inconnue | 3", "Ensemble du département | 5"]);
    }

    [Fact]
    public async Task Le_departement_des_chiffres_est_celui_donne_jamais_celui_du_contexte()
    {
        var lozere = await LozereAsync();
        var cantal = await app.Base.DepartementAsync("15");
        // A context whose ambient département is the Cantal: the Lozère figures stay the Lozère's, and the
        // Cantal person who lives in Mende never enters them.
        await using var db = app.Base.Contexte(cantal);

        var tableau = await new CatalogueChiffres(db).CalculerAsync(
            RegistreChiffres.AvecContrat, lozere, Trimestre, Ventilation.Territoire, TypeTerritoire.BassinDeVie);

        Lignes(tableau).ShouldBe(["Nord | 1", "Sud | 0", "Hors territoire ou commune inconnue | 1", "Ensemble du département | 2"]);
    }

    // ------------------------------------------------------------------------------------------------
    // The page, over the Cantal: two circonscriptions of the test's own, in communes where nobody of the demo
    // lives; 3 people soumis aux droits et devoirs in the first, 7 in the second, and 2 people of the
    // Puy-de-Dôme recorded with a commune of the first.
    // ------------------------------------------------------------------------------------------------

    private async Task CantalAsync()
    {
        await Preparation.WaitAsync();
        try
        {
            var cantal = await app.Base.DepartementAsync("15");
            var puyDeDome = await app.Base.DepartementAsync("63");
            await using var db = app.Base.Contexte();
            if (await db.Territoires.IgnoreQueryFilters().AnyAsync(t => t.Nom == Est))
            {
                return;
            }

            var habitees = db.Beneficiaires.IgnoreQueryFilters().Where(b => b.CommuneCode != null).Select(b => b.CommuneCode!);
            var dansUnTerritoire = db.Territoires.IgnoreQueryFilters().SelectMany(t => t.Communes).Select(c => c.CommuneCode);
            var libres = await db.Communes.Where(c => c.CodeDepartement == "15" && !habitees.Contains(c.Code) && !dansUnTerritoire.Contains(c.Code))
                .OrderBy(c => c.Code).Select(c => c.Code).Take(2).ToListAsync();
            Territoire(db, cantal, Est, TypeTerritoire.Circonscription, libres[0]);
            Territoire(db, cantal, Ouest, TypeTerritoire.Circonscription, libres[1]);
            var debut = Aujourdhui.AddDays(-90);
            foreach (var (departement, commune, nombre) in new[] { (cantal, libres[0], 3), (cantal, libres[1], 7), (puyDeDome, libres[0], 2) })
            {
                for (var i = 0; i < nombre; i++)
                {
                    var personne = Personne(db, departement, $"{commune}-{i}", commune);
                    Droit(db, departement, personne, debut, EtatDroitRsa.Ouvert, true, debut);
                }
            }

            await db.SaveChangesAsync();
        }
        finally
        {
            Preparation.Release();
        }
    }

    private const string UrlCirconscriptions = "/chiffres?figure=soumis-droits-devoirs&par=Territoire&territoires=Circonscription";

    private async Task<ClientPasserelle> ConnecteAsync(string identifiant)
    {
        var client = app.Factory.Client();
        await client.ConnecterAsync(identifiant);
        return client;
    }

    private static IElement Tableau(IHtmlDocument document) => document.QuerySelector("table.tableau")!;

    private static string Cellule(IHtmlDocument document, string ligne) =>
        Tableau(document).QuerySelectorAll("tbody tr").Single(l => l.QuerySelector("th")!.TextContent.Trim() == ligne)
            .QuerySelector("td")!.TextContent.Trim();

    [Fact]
    public async Task Le_charge_de_mission_voit_les_petits_effectifs_masques_avec_le_secret_secondaire_et_la_note_qui_l_explique()
    {
        await CantalAsync();
        using var client = await ConnecteAsync("pilotage.cantal");

        var (reponse, page) = await client.PageAsync(UrlCirconscriptions);

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        Cellule(page, Est).ShouldBe("< 5");
        // Alone in its column, the 3 could be recomputed from the total: the smallest other count, 7, is hidden too.
        Cellule(page, Ouest).ShouldBe("s");
        page.QuerySelector("#note-secret")!.TextContent.ShouldContain("les effectifs de 1 à 4 sont remplacés par « < 5 »");
        page.QuerySelector(".definition")!.TextContent.ShouldContain("soumission aux droits et devoirs");
        var tableau = Tableau(page);
        tableau.QuerySelector("caption")!.TextContent.ShouldStartWith("Personnes soumises aux droits et devoirs, par territoire (circonscription), de ");
        tableau.QuerySelectorAll("thead th[scope=col]").Select(t => t.TextContent.Trim()).ShouldBe(["Territoire", "Personnes"]);
        tableau.QuerySelectorAll("tbody th[scope=row]").Select(t => t.TextContent.Trim())
            .ShouldBe([Est, Ouest, CatalogueChiffres.LibelleHorsTerritoire]);
        tableau.QuerySelector("tfoot th[scope=row]")!.TextContent.Trim().ShouldBe("Ensemble du département");
    }

    [Fact]
    public async Task L_agent_d_orientation_voit_les_effectifs_entiers_du_seul_cantal()
    {
        await CantalAsync();
        using var client = await ConnecteAsync("orientation.cantal");

        var (_, page) = await client.PageAsync(UrlCirconscriptions);

        // The two Puy-de-Dôme people recorded in the same commune are not the Cantal's.
        Cellule(page, Est).ShouldBe("3");
        Cellule(page, Ouest).ShouldBe("7");
        page.QuerySelector("#note-secret").ShouldBeNull();
        page.QuerySelectorAll("table abbr").ShouldBeEmpty();
    }

    [Fact]
    public async Task L_export_csv_porte_les_memes_masques_et_est_journalise()
    {
        await CantalAsync();
        using var pilotage = await ConnecteAsync("pilotage.cantal");
        using var orientation = await ConnecteAsync("orientation.cantal");
        var (_, page) = await pilotage.PageAsync(UrlCirconscriptions);
        var lien = page.QuerySelector<IHtmlAnchorElement>("a[download]")!.GetAttribute("href")!;

        var reponse = await pilotage.Http.GetAsync(lien);
        var octets = await reponse.Content.ReadAsByteArrayAsync();
        var entier = Encoding.UTF8.GetString(await orientation.Http.GetByteArrayAsync(lien)).Split("\r\n");

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        reponse.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        reponse.Content.Headers.ContentDisposition!.FileName!.ShouldStartWith("chiffres-soumis-droits-devoirs-");
        octets[..3].ShouldBe(Encoding.UTF8.GetPreamble());
        var lignes = Encoding.UTF8.GetString(octets[3..]).Split("\r\n");
        lignes[0].ShouldBe("Territoire;Personnes");
        lignes.ShouldContain($"{Est};<5");
        lignes.ShouldContain($"{Ouest};s");
        entier.ShouldContain($"{Est};3");
        entier.ShouldContain($"{Ouest};7");
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        var agent = await db.Users.Where(a => a.Email == ClientPasserelle.Email("pilotage.cantal")).Select(a => (Guid?)a.Id).SingleAsync();
        var export = await db.JournalAcces.Where(j => j.AgentId == agent && j.Action == ActionJournal.Export).SingleAsync();
        export.TypeEnregistrement.ShouldBe(IndexModel.TypeJournal);
        export.EnregistrementId.ShouldBeNull();
    }

    [Fact]
    public async Task Par_defaut_la_page_montre_le_premier_chiffre_par_mois_sur_les_douze_derniers_mois()
    {
        using var client = await ConnecteAsync("responsable.cantal");
        var moisCourant = new DateOnly(Aujourdhui.Year, Aujourdhui.Month, 1);

        var (reponse, page) = await client.PageAsync("/chiffres");

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector<IHtmlInputElement>("#Du")!.Value.ShouldBe(moisCourant.AddMonths(-11).ToString("yyyy-MM", CultureInfo.InvariantCulture));
        page.QuerySelector<IHtmlInputElement>("#Au")!.Value.ShouldBe(moisCourant.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        page.QuerySelector<IHtmlInputElement>("#Au")!.Type.ShouldBe("month");
        page.QuerySelector("h2")!.TextContent.ShouldBe(RegistreChiffres.Figures[0].Titre);
        Tableau(page).QuerySelectorAll("tbody tr").Length.ShouldBe(12);
        Tableau(page).QuerySelector("tbody th")!.TextContent.Trim().ShouldBe(PeriodeChiffres.Libelle(moisCourant.AddMonths(-11)));
        page.QuerySelectorAll("nav.navigation a").Select(a => a.TextContent.Trim()).ShouldContain("Chiffres");
    }

    [Theory]
    [InlineData("du=2025-13", "Le mois de début n'est pas valide : saisissez-le sous la forme année-mois, par exemple 2026-01.")]
    [InlineData("du=2025-06&au=2025-01", "Le mois de fin ne peut pas précéder le mois de début.")]
    [InlineData("du=2020-01&au=2025-01", "Choisissez une période de 36 mois au plus.")]
    [InlineData("figure=inconnu", "Choisissez un chiffre de la liste.")]
    public async Task Un_critere_invalide_donne_un_message_en_francais_et_ni_tableau_ni_export(string criteres, string message)
    {
        using var client = await ConnecteAsync("auditeur.cantal");

        var (reponse, page) = await client.PageAsync($"/chiffres?{criteres}");
        var export = await client.Http.GetAsync($"/chiffres?handler=Csv&{criteres}");

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.QuerySelector(".resume-erreurs")!.TextContent.ShouldContain(message);
        page.QuerySelector("table").ShouldBeNull();
        export.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        await using var db = app.Base.Contexte(await app.Base.DepartementAsync("15"));
        var agent = await db.Users.Where(a => a.Email == ClientPasserelle.Email("auditeur.cantal")).Select(a => (Guid?)a.Id).SingleAsync();
        (await db.JournalAcces.CountAsync(j => j.AgentId == agent && j.Action == ActionJournal.Export)).ShouldBe(0);
    }

    [Fact]
    public async Task Le_mois_de_fin_ne_depasse_pas_le_mois_en_cours()
    {
        using var client = await ConnecteAsync("admin.cantal");
        var prochain = new DateOnly(Aujourdhui.Year, Aujourdhui.Month, 1).AddMonths(1).ToString("yyyy-MM", CultureInfo.InvariantCulture);

        var (_, page) = await client.PageAsync($"/chiffres?au={prochain}");

        page.QuerySelector(".resume-erreurs")!.TextContent.ShouldContain("Le mois de fin ne peut pas dépasser le mois en cours");
    }

    [Theory]
    [InlineData("referent.cantal")]
    [InlineData("operateur.cantal")]
    [InlineData("partenaire.cantal")]
    [InlineData("conventions.puydedome")]
    [InlineData("admin")]
    public async Task Les_chiffres_sont_un_outil_de_pilotage_refuse_aux_autres_roles(string identifiant)
    {
        using var client = await ConnecteAsync(identifiant);

        (await client.Http.GetAsync("/chiffres")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.Http.GetAsync("/chiffres?handler=Csv")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var (_, accueil) = await client.PageAsync("/");
        accueil.QuerySelectorAll("a[href='/chiffres']").ShouldBeEmpty();
    }
}

/// <summary>The median read from counts per value: what the database gives back for the delays.</summary>
public sealed class MedianeTests
{
    [Fact]
    public void Pour_un_nombre_impair_c_est_la_valeur_du_milieu() =>
        CatalogueChiffres.Mediane([(307, 1), (19, 1), (42, 1)]).ShouldBe(42m);

    [Fact]
    public void Pour_un_nombre_pair_c_est_la_moyenne_des_deux_valeurs_du_milieu() =>
        CatalogueChiffres.Mediane([(10, 1), (20, 2), (31, 1)]).ShouldBe(20m);

    [Fact]
    public void Les_effectifs_comptent_chaque_valeur_autant_de_fois() =>
        CatalogueChiffres.Mediane([(40, 3), (50, 1), (60, 2)]).ShouldBe(45m);

    [Fact]
    public void Sans_valeur_il_n_y_a_pas_de_mediane() =>
        CatalogueChiffres.Mediane([]).ShouldBeNull();
}

/// <summary>The CSV as a spreadsheet opens it in France.</summary>
public sealed class ExportChiffresTests
{
    [Fact]
    public void Les_nombres_sont_sans_separateur_de_milliers_avec_une_virgule_decimale_et_les_masques_ecrits_en_clair()
    {
        var figure = RegistreChiffres.Obtenir(RegistreChiffres.DelaiOrientation);
        var tableau = new TableauChiffres(figure, Ventilation.Mois, new PeriodeChiffres(new(2025, 1, 1), new(2025, 2, 1)), null, "Mois",
            [
                new("Dans le délai", GenreColonne.Effectif), new("Hors délai", GenreColonne.Effectif), new("Premières orientations", GenreColonne.Total),
                new("Part dans le délai", GenreColonne.Part, [0, 1, 2]), new("Délai médian (jours)", GenreColonne.Mediane, [2]),
            ],
            [new("2025-01", "janvier 2025", [1234, 3, 1237, 99.8m, 12.5m]), new("2025-02", "février 2025", [0, 0, 0, null, null])],
            new("", "Ensemble de la période", [1234, 3, 1237, 99.8m, 12.5m]));

        var entier = PresentationChiffres.Csv(Masquage.Appliquer(tableau, masquer: false));
        var masque = PresentationChiffres.Csv(Masquage.Appliquer(tableau, masquer: true));

        entier[..3].ShouldBe(Encoding.UTF8.GetPreamble());
        Encoding.UTF8.GetString(entier[3..]).Split("\r\n").ShouldBe(
        [
            "Mois;Dans le délai;Hors délai;Premières orientations;Part dans le délai (%);Délai médian (jours)",
            "2025-01;1234;3;1237;99,8;12,5",
            "2025-02;0;0;0;;",
            "Ensemble de la période;1234;3;1237;99,8;12,5",
            "",
        ]);
        // The 3 is under 5; with the total shown, the 1234 beside it would give it away, and the share too.
        Encoding.UTF8.GetString(masque[3..]).Split("\r\n")[1].ShouldBe("2025-01;s;<5;1237;s;12,5");
    }
}

public sealed class ChiffresSqliteTests(ApplicationSqlite app) : ChiffresTests(app), IClassFixture<ApplicationSqlite>;

public sealed class ChiffresPostgresTests(ApplicationPostgres app) : ChiffresTests(app), IClassFixture<ApplicationPostgres>;
