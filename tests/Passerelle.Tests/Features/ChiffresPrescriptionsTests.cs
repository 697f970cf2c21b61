using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Passerelle.Domain;
using Passerelle.Features.Chiffres;
using Passerelle.Tests.Support;

namespace Passerelle.Tests.Features;

/// <summary>
/// The figures of the actions over two actions of the test's own under one fiche-action in the Puy-de-Dôme, with
/// prescriptions brought to known states by the entity's methods at fixed dates around the first quarter of 2025.
/// The demo fills the département with its own actions and people: the assertions read the rows of these two
/// actions, of their fiche, and of a territory of the test's own whose communes nobody else lives in.
/// </summary>
public abstract class ChiffresPrescriptionsTests(ApplicationDeTest app)
{
    /// <summary>January to March 2025.</summary>
    private static readonly PeriodeChiffres Trimestre = new(new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 1));

    /// <summary>The "today" the entity's methods judge the dates against: after every fact of the data set.</summary>
    private static readonly DateOnly Arrete = new(2025, 12, 31);

    private const string ActionA = "Atelier des chiffres A";
    private const string ActionB = "Atelier des chiffres B";
    private const string Operateur = "Plateforme mobilité du Puy-de-Dôme";
    private const string TerritoireEssai = "Territoire d'essai des actions";
    private const TypeTerritoire TypeEssai = TypeTerritoire.TerritoireActionSociale;

    private static readonly string LigneA = $"{ActionA} ({Operateur})";
    private static readonly string LigneB = $"{ActionB} ({Operateur})";

    private static readonly SemaphoreSlim Preparation = new(1, 1);
    private static readonly Dictionary<ApplicationDeTest, JeuDeDonnees> Jeux = [];

    private sealed record JeuDeDonnees(Guid PuyDeDome, Guid Cantal, Guid Fiche, string LigneFiche, Guid Territoire);

    private static DateOnly J(int annee, int mois, int jour) => new(annee, mois, jour);

    private static string Texte(decimal? valeur) => valeur?.ToString("0.##", CultureInfo.InvariantCulture) ?? "—";

    private static string Ligne(TableauChiffres tableau, string libelle) =>
        Format(tableau.Lignes.Single(l => l.Libelle == libelle));

    private static string Format(LigneChiffres ligne) => string.Join(" | ", ligne.Valeurs.Select(Texte).Prepend(ligne.Libelle));

    // ------------------------------------------------------------------------------------------------
    // Communes: C1 is the test's territory, C2 is in no territory; nobody else lives in either.
    // Action A:
    //   a1 X1  C1  sent 2024-11-04, accepted 11-10, entered 12-02; hours 12-16 4 h, 2025-01-10 3 h, 02-10 2,5 h; exit 02-28 autre action
    //   a2 X2  C1  sent 2025-01-08, accepted 01-15, entered 01-20; hours 03-03 1,25 h
    //   a3 X3  —   sent 2025-02-03, refused 02-10
    //   a4 X4  C1  sent 2025-02-17, waiting list 02-20
    //   a5 X5  C1  sent 2025-03-25
    //   a6 X6  C2  sent 2024-06-03, accepted 06-10, entered 07-01, exit 09-30 formation qualifiante; follow-up 2025-03-31 en formation
    //   a7 X13 C1  sent 2024-12-02, accepted 12-03, entered 2025-01-06; hours 01-20 4 h; exit 03-14 emploi de transition
    // Action B:
    //   b1 X1  C1  sent 2025-01-05, accepted 01-06, entered 03-02; hours 03-05 2 h; exit 03-20 emploi durable
    //   b2 X8  C2  sent 2024-10-01, accepted 10-02, entered 10-07; hours 2025-01-15 6 h; exit 01-31 abandon
    //   b3 X9  C1  sent 2024-09-02, accepted 09-03, entered 09-09, exit 12-31 emploi de transition (the day before the period)
    //   b4 X10 C1  sent 2025-01-13, accepted 01-14, entered 03-31 (the last day)
    //   b5 X2  C1  sent 2024-07-01, accepted 07-02, entered 07-08, exit 08-30 formation qualifiante; follow-up 2025-02-28 en emploi durable
    //   b6 X11 C1  sent 2025-04-02 (after the period)
    //   b7 X12 C1  sent 2025-01-02, accepted 01-02, entered 01-03; X12 is then merged into X1: the same person
    // Cantal: an action named like A, a person of the Cantal living in C1, everything in the period. Never in the Puy-de-Dôme.
    // ------------------------------------------------------------------------------------------------

    private async Task<JeuDeDonnees> JeuAsync()
    {
        await Preparation.WaitAsync();
        try
        {
            if (Jeux.TryGetValue(app, out var jeu))
            {
                return jeu;
            }

            var puyDeDome = await app.Base.DepartementAsync("63");
            var cantal = await app.Base.DepartementAsync("15");
            string c1, c2;
            Guid territoire;
            await using (var db = app.Base.Contexte(puyDeDome))
            {
                var habitees = db.Beneficiaires.IgnoreQueryFilters().Where(b => b.CommuneCode != null).Select(b => b.CommuneCode!);
                var dansUnTerritoire = db.Territoires.IgnoreQueryFilters().SelectMany(t => t.Communes).Select(c => c.CommuneCode);
                var libres = await db.Communes.Where(c => c.CodeDepartement == "63" && !habitees.Contains(c.Code) && !dansUnTerritoire.Contains(c.Code))
                    .OrderBy(c => c.Code).Select(c => c.Code).Take(2).ToListAsync();
                (c1, c2) = (libres[0], libres[1]);
                var essai = new Territoire(puyDeDome, TerritoireEssai, TypeEssai);
                essai.DefinirCommunes([c1]);
                db.Territoires.Add(essai);
                await db.SaveChangesAsync();
                territoire = essai.Id;
            }

            var offre = new OffreDeTest(app);
            var personnes = new PersonnesDeTest(app);
            var fiche = await offre.FicheAsync("63", "9.7");
            void Rattacher(ActionInsertion action) => action.Rattacher(action.StructureId, fiche);
            var actionA = await offre.ActionAsync(ActionA, regler: Rattacher);
            var actionB = await offre.ActionAsync(ActionB, regler: Rattacher);

            Task<Guid> Personne(string nom, string? commune) =>
                personnes.CreerAsync($"Chiffres-{nom}", "Camille", J(1985, 6, 1), "referent.puydedome", "63", communeCode: commune);
            var x1 = await Personne("X1", c1);
            var x2 = await Personne("X2", c1);
            var x3 = await Personne("X3", null);
            var x4 = await Personne("X4", c1);
            var x5 = await Personne("X5", c1);
            var x6 = await Personne("X6", c2);
            var x8 = await Personne("X8", c2);
            var x9 = await Personne("X9", c1);
            var x10 = await Personne("X10", c1);
            var x11 = await Personne("X11", c1);
            var x12 = await Personne("X12", c1);
            var x13 = await Personne("X13", c1);

            Task Prescrire(Guid personne, Guid action, DateOnly envoyee, Action<Prescription, ActionInsertion, Guid>? suite = null) =>
                offre.PrescriptionAsync(personne, action, envoyee, suite: suite);

            await Prescrire(x1, actionA, J(2024, 11, 4), (p, a, o) =>
            {
                p.Accepter(J(2024, 11, 10), o, null, null);
                p.Entrer(J(2024, 12, 2), Arrete);
                p.EnregistrerHeures(J(2024, 12, 16), 4m, NatureHeures.Action, a, o, Arrete);
                p.EnregistrerHeures(J(2025, 1, 10), 3m, NatureHeures.Action, a, o, Arrete);
                p.EnregistrerHeures(J(2025, 2, 10), 2.5m, NatureHeures.Action, a, o, Arrete);
                p.Sortir(J(2025, 2, 28), IssueSortie.AutreAction, null, Arrete);
            });
            await Prescrire(x2, actionA, J(2025, 1, 8), (p, a, o) =>
            {
                p.Accepter(J(2025, 1, 15), o, null, null);
                p.Entrer(J(2025, 1, 20), Arrete);
                p.EnregistrerHeures(J(2025, 3, 3), 1.25m, NatureHeures.Action, a, o, Arrete);
            });
            await Prescrire(x3, actionA, J(2025, 2, 3), (p, _, o) => p.Refuser(J(2025, 2, 10), o, "Le projet ne correspond pas à l'action."));
            await Prescrire(x4, actionA, J(2025, 2, 17), (p, _, o) => p.MettreEnAttente(J(2025, 2, 20), o));
            await Prescrire(x5, actionA, J(2025, 3, 25));
            await Prescrire(x6, actionA, J(2024, 6, 3), (p, _, o) =>
            {
                p.Accepter(J(2024, 6, 10), o, null, null);
                p.Entrer(J(2024, 7, 1), Arrete);
                p.Sortir(J(2024, 9, 30), IssueSortie.FormationQualifiante, null, Arrete);
                p.Suivre(J(2025, 3, 31), SituationSuivi.Formation, null, Arrete);
            });
            await Prescrire(x13, actionA, J(2024, 12, 2), (p, a, o) =>
            {
                p.Accepter(J(2024, 12, 3), o, null, null);
                p.Entrer(J(2025, 1, 6), Arrete);
                p.EnregistrerHeures(J(2025, 1, 20), 4m, NatureHeures.Action, a, o, Arrete);
                p.Sortir(J(2025, 3, 14), IssueSortie.EmploiTransition, null, Arrete);
            });

            await Prescrire(x1, actionB, J(2025, 1, 5), (p, a, o) =>
            {
                p.Accepter(J(2025, 1, 6), o, null, null);
                p.Entrer(J(2025, 3, 2), Arrete);
                p.EnregistrerHeures(J(2025, 3, 5), 2m, NatureHeures.Action, a, o, Arrete);
                p.Sortir(J(2025, 3, 20), IssueSortie.EmploiDurable, null, Arrete);
            });
            await Prescrire(x8, actionB, J(2024, 10, 1), (p, a, o) =>
            {
                p.Accepter(J(2024, 10, 2), o, null, null);
                p.Entrer(J(2024, 10, 7), Arrete);
                p.EnregistrerHeures(J(2025, 1, 15), 6m, NatureHeures.Action, a, o, Arrete);
                p.Sortir(J(2025, 1, 31), IssueSortie.Abandon, null, Arrete);
            });
            await Prescrire(x9, actionB, J(2024, 9, 2), (p, _, o) =>
            {
                p.Accepter(J(2024, 9, 3), o, null, null);
                p.Entrer(J(2024, 9, 9), Arrete);
                p.Sortir(J(2024, 12, 31), IssueSortie.EmploiTransition, null, Arrete);
            });
            await Prescrire(x10, actionB, J(2025, 1, 13), (p, _, o) =>
            {
                p.Accepter(J(2025, 1, 14), o, null, null);
                p.Entrer(J(2025, 3, 31), Arrete);
            });
            await Prescrire(x2, actionB, J(2024, 7, 1), (p, _, o) =>
            {
                p.Accepter(J(2024, 7, 2), o, null, null);
                p.Entrer(J(2024, 7, 8), Arrete);
                p.Sortir(J(2024, 8, 30), IssueSortie.FormationQualifiante, null, Arrete);
                p.Suivre(J(2025, 2, 28), SituationSuivi.EmploiDurable, null, Arrete);
            });
            await Prescrire(x11, actionB, J(2025, 4, 2));
            await Prescrire(x12, actionB, J(2025, 1, 2), (p, _, o) =>
            {
                p.Accepter(J(2025, 1, 2), o, null, null);
                p.Entrer(J(2025, 1, 3), Arrete);
            });
            await using (var db = app.Base.Contexte(puyDeDome))
            {
                var absorbe = await db.Beneficiaires.SingleAsync(b => b.Id == x12);
                absorbe.FusionnerDans(await db.Beneficiaires.SingleAsync(b => b.Id == x1));
                await db.SaveChangesAsync();
            }

            var actionCantal = await offre.ActionAsync(ActionA, "operateur.cantal", "15");
            var voisine = await personnes.CreerAsync("Chiffres-Voisine", "Camille", J(1985, 6, 1), "referent.cantal", "15", communeCode: c1);
            await offre.PrescriptionAsync(voisine, actionCantal, J(2025, 1, 10), "referent.cantal", "15", suite: (p, a, o) =>
            {
                p.Accepter(J(2025, 1, 11), o, null, null);
                p.Entrer(J(2025, 1, 15), Arrete);
                p.EnregistrerHeures(J(2025, 1, 20), 5m, NatureHeures.Action, a, o, Arrete);
                p.Sortir(J(2025, 2, 15), IssueSortie.EmploiDurable, null, Arrete);
            });

            jeu = new JeuDeDonnees(puyDeDome, cantal, fiche, "", territoire);
            await using (var db = app.Base.Contexte(puyDeDome))
            {
                var intitule = await db.FichesActions.Where(f => f.Id == fiche)
                    .Join(db.Axes, f => f.AxeId, a => a.Id, (f, a) => a.ProgrammeId)
                    .Join(db.Programmes, id => id, p => p.Id, (_, p) => p.Intitule)
                    .SingleAsync();
                jeu = jeu with { LigneFiche = $"9.7 Fiche-action de test ({intitule})" };
            }

            Jeux[app] = jeu;
            return jeu;
        }
        finally
        {
            Preparation.Release();
        }
    }

    [Fact]
    public async Task L_activite_de_chaque_action_et_de_sa_fiche_est_celle_calculee_a_la_main()
    {
        var jeu = await JeuAsync();
        // No ambient département, as in a job: the département is the parameter.
        await using var db = app.Base.Contexte();
        var catalogue = new CatalogueChiffres(db);

        var parAction = await catalogue.ActiviteActionsAsync(jeu.PuyDeDome, Trimestre, Ventilation.Action, null);
        var parFiche = await catalogue.ActiviteActionsAsync(jeu.PuyDeDome, Trimestre, Ventilation.FicheAction, null);

        parAction.EnTeteLignes.ShouldBe("Action");
        parAction.Colonnes.Select(c => c.Libelle).ShouldBe(
            ["Prescriptions envoyées", "Acceptées", "Refusées", "Mises en liste d'attente", "Entrées", "Personnes présentes", "Heures réalisées"]);
        // Present in A: X1 (until 02-28), X2, X13; in B: X1, X8 (until 01-31), X10 (from 03-31) and X12 who is X1.
        Ligne(parAction, LigneA).ShouldBe($"{LigneA} | 4 | 1 | 1 | 1 | 2 | 3 | 10.75");
        Ligne(parAction, LigneB).ShouldBe($"{LigneB} | 3 | 3 | 0 | 0 | 3 | 3 | 8");
        parFiche.EnTeteLignes.ShouldBe("Fiche-action");
        // X1 is present in both actions: once in the fiche.
        Ligne(parFiche, jeu.LigneFiche).ShouldBe($"{jeu.LigneFiche} | 7 | 4 | 1 | 1 | 5 | 5 | 18.75");
        parAction.Total!.Libelle.ShouldBe(CatalogueChiffres.LibelleEnsembleActions);
    }

    [Fact]
    public async Task Les_sorties_par_issue_et_les_suivis_a_six_mois_de_la_periode_sont_comptes_par_action_et_par_fiche()
    {
        var jeu = await JeuAsync();
        await using var db = app.Base.Contexte();
        var catalogue = new CatalogueChiffres(db);

        var sorties = await catalogue.SortiesActionsAsync(jeu.PuyDeDome, Trimestre, Ventilation.Action, null);
        var sortiesFiche = await catalogue.SortiesActionsAsync(jeu.PuyDeDome, Trimestre, Ventilation.FicheAction, null);
        var suivis = await catalogue.SuivisActionsAsync(jeu.PuyDeDome, Trimestre, Ventilation.Action, null);
        var suivisFiche = await catalogue.SuivisActionsAsync(jeu.PuyDeDome, Trimestre, Ventilation.FicheAction, null);

        sorties.Colonnes.Select(c => c.Libelle).ShouldBe(
            ["Emploi durable", "Emploi de transition", "Formation qualifiante", "Autre action d'insertion", "Autre sortie", "Abandon", "Sorties"]);
        Ligne(sorties, LigneA).ShouldBe($"{LigneA} | 0 | 1 | 0 | 1 | 0 | 0 | 2");
        // B's exit of 2024-12-31 is the day before the period.
        Ligne(sorties, LigneB).ShouldBe($"{LigneB} | 1 | 0 | 0 | 0 | 0 | 1 | 2");
        Ligne(sortiesFiche, jeu.LigneFiche).ShouldBe($"{jeu.LigneFiche} | 1 | 1 | 0 | 1 | 0 | 1 | 4");
        suivis.Colonnes.Select(c => c.Libelle).ShouldBe(
            ["En emploi durable", "En emploi de transition", "En formation", "En recherche d'emploi", "Autre situation", "Sans nouvelles", "Suivis renseignés"]);
        Ligne(suivis, LigneA).ShouldBe($"{LigneA} | 0 | 0 | 1 | 0 | 0 | 0 | 1");
        Ligne(suivis, LigneB).ShouldBe($"{LigneB} | 1 | 0 | 0 | 0 | 0 | 0 | 1");
        Ligne(suivisFiche, jeu.LigneFiche).ShouldBe($"{jeu.LigneFiche} | 1 | 0 | 1 | 0 | 0 | 0 | 2");
    }

    [Fact]
    public async Task Restreints_a_un_territoire_les_chiffres_ne_comptent_que_les_personnes_qui_y_habitent()
    {
        var jeu = await JeuAsync();
        await using var db = app.Base.Contexte();
        var catalogue = new CatalogueChiffres(db);

        var activite = await catalogue.CalculerAsync(RegistreChiffres.ActiviteActions, jeu.PuyDeDome, Trimestre, Ventilation.Action, TypeEssai, jeu.Territoire);
        var fiche = await catalogue.CalculerAsync(RegistreChiffres.ActiviteActions, jeu.PuyDeDome, Trimestre, Ventilation.FicheAction, TypeEssai, jeu.Territoire);
        var sorties = await catalogue.CalculerAsync(RegistreChiffres.SortiesActions, jeu.PuyDeDome, Trimestre, Ventilation.Action, TypeEssai, jeu.Territoire);
        var suivis = await catalogue.CalculerAsync(RegistreChiffres.SuivisActions, jeu.PuyDeDome, Trimestre, Ventilation.Action, TypeEssai, jeu.Territoire);

        // X3 (no commune), X6 and X8 (C2) are out; the Cantal person living in C1 is not the Puy-de-Dôme's.
        Ligne(activite, LigneA).ShouldBe($"{LigneA} | 3 | 1 | 0 | 1 | 2 | 3 | 10.75");
        Ligne(activite, LigneB).ShouldBe($"{LigneB} | 3 | 3 | 0 | 0 | 3 | 2 | 2");
        Ligne(fiche, jeu.LigneFiche).ShouldBe($"{jeu.LigneFiche} | 6 | 4 | 0 | 1 | 5 | 4 | 12.75");
        // Only the test's people live in C1: the whole département's line is theirs.
        Format(activite.Total!).ShouldBe($"{CatalogueChiffres.LibelleEnsembleActions} | 6 | 4 | 0 | 1 | 5 | 4 | 12.75");
        Ligne(sorties, LigneB).ShouldBe($"{LigneB} | 1 | 0 | 0 | 0 | 0 | 0 | 1");
        Ligne(suivis, LigneA).ShouldBe($"{LigneA} | 0 | 0 | 0 | 0 | 0 | 0 | 0");
    }

    [Fact]
    public async Task Une_prescription_d_un_autre_departement_ne_compte_jamais()
    {
        var jeu = await JeuAsync();
        // A context whose ambient département is the Cantal: the Puy-de-Dôme's figures stay its own.
        await using var db = app.Base.Contexte(jeu.Cantal);
        var catalogue = new CatalogueChiffres(db);

        var puyDeDome = await catalogue.ActiviteActionsAsync(jeu.PuyDeDome, Trimestre, Ventilation.Action, null);
        var cantal = await catalogue.ActiviteActionsAsync(jeu.Cantal, Trimestre, Ventilation.Action, null);
        var agenda = await catalogue.Agenda21Async(jeu.PuyDeDome, Trimestre, Ventilation.Mois, TypeEssai, jeu.Territoire);

        puyDeDome.Lignes.Count(l => l.Libelle.StartsWith(ActionA, StringComparison.Ordinal)).ShouldBe(1);
        Ligne(puyDeDome, LigneA).ShouldBe($"{LigneA} | 4 | 1 | 1 | 1 | 2 | 3 | 10.75");
        cantal.Lignes.Single(l => l.Libelle.StartsWith(ActionA, StringComparison.Ordinal)).Valeurs.ShouldBe([1m, 1m, 0m, 0m, 1m, 1m, 5m]);
        // The Cantal person lives in C1 too, present and out to a durable job in the period: not in the territory's Agenda 21.
        Format(agenda.Total!).ShouldBe("Ensemble de la période | 4 | 2 | 1 | 50");
    }

    [Fact]
    public async Task Les_indicateurs_agenda_21_comptent_chaque_personne_une_fois_par_mois_et_sur_la_periode()
    {
        var jeu = await JeuAsync();
        await using var db = app.Base.Contexte();
        var catalogue = new CatalogueChiffres(db);

        var parMois = await catalogue.Agenda21Async(jeu.PuyDeDome, Trimestre, Ventilation.Mois, TypeEssai, jeu.Territoire);
        var parTerritoire = await catalogue.Agenda21Async(jeu.PuyDeDome, Trimestre, Ventilation.Territoire, TypeEssai, null);

        parMois.Colonnes.Select(c => c.Libelle).ShouldBe(
        [
            "Personnes participant à une action d'insertion", "Personnes sorties d'une action", "dont emploi durable ou formation qualifiante",
            "Part des sorties en emploi durable ou formation qualifiante",
        ]);
        // In C1: January X1 (A, and B as X12), X2, X13; February the same, X1 out of A to another action;
        // March X1, X2, X13 (out to a transition job), X10 entering on the 31st, X1 out of B to a durable job.
        parMois.Lignes.Append(parMois.Total!).Select(Format).ShouldBe(
        [
            "janvier 2025 | 3 | 0 | 0 | —",
            "février 2025 | 3 | 1 | 0 | 0",
            "mars 2025 | 4 | 2 | 1 | 50",
            "Ensemble de la période | 4 | 2 | 1 | 50",
        ]);
        Ligne(parTerritoire, TerritoireEssai).ShouldBe($"{TerritoireEssai} | 4 | 2 | 1 | 50");
        parTerritoire.Lignes[^1].Libelle.ShouldBe(CatalogueChiffres.LibelleHorsTerritoire);
        parTerritoire.Total!.Libelle.ShouldBe("Ensemble du département");
    }

    // ------------------------------------------------------------------------------------------------
    // The page and its export.
    // ------------------------------------------------------------------------------------------------

    private const string UrlActivite = "/chiffres?figure=activite-actions&du=2025-01&au=2025-03&par=Action";

    private async Task<ClientPasserelle> ConnecteAsync(string identifiant)
    {
        var client = app.Factory.Client();
        await client.ConnecterAsync(identifiant);
        return client;
    }

    private static IElement Tableau(IHtmlDocument document) => document.QuerySelector("table.tableau")!;

    private static List<string> Cellules(IHtmlDocument document, string ligne) =>
        Tableau(document).QuerySelectorAll("tbody tr").Single(l => l.QuerySelector("th")!.TextContent.Trim() == ligne)
            .QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();

    [Fact]
    public async Task Le_charge_de_mission_voit_les_petits_effectifs_masques_et_l_agent_d_orientation_les_nombres()
    {
        await JeuAsync();
        using var pilotage = await ConnecteAsync("pilotage.puydedome");
        using var orientation = await ConnecteAsync("orientation.puydedome");

        var (reponse, masquee) = await pilotage.PageAsync(UrlActivite);
        var (_, entiere) = await orientation.PageAsync(UrlActivite);

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        // Every count of A is from 1 to 4; its hours follow its 3 people present.
        Cellules(masquee, LigneA).ShouldBe(["< 5", "< 5", "< 5", "< 5", "< 5", "< 5", "s"]);
        Cellules(masquee, LigneB).Take(4).ShouldBe(["< 5", "< 5", "0", "0"]);
        Cellules(masquee, LigneB)[6].ShouldBe("s");
        masquee.QuerySelector("#note-secret").ShouldNotBeNull();
        Cellules(entiere, LigneA).ShouldBe(["4", "1", "1", "1", "2", "3", "10,75"]);
        Cellules(entiere, LigneB).ShouldBe(["3", "3", "0", "0", "3", "3", "8"]);
        entiere.QuerySelector("#note-secret").ShouldBeNull();
        var tableau = Tableau(entiere);
        tableau.QuerySelector("caption")!.TextContent.ShouldBe("Prescriptions et présences dans les actions, par action, de janvier 2025 à mars 2025");
        tableau.QuerySelectorAll("thead th[scope=col]").Select(t => t.TextContent.Trim()).First().ShouldBe("Action");
        tableau.QuerySelector("tfoot th[scope=row]")!.TextContent.Trim().ShouldBe(CatalogueChiffres.LibelleEnsembleActions);
    }

    [Fact]
    public async Task Par_fiche_action_et_restreint_a_un_territoire_la_page_le_dit_dans_la_legende()
    {
        var jeu = await JeuAsync();
        using var orientation = await ConnecteAsync("orientation.puydedome");

        var (_, page) = await orientation.PageAsync($"/chiffres?figure=activite-actions&du=2025-01&au=2025-03&par=FicheAction&territoire={jeu.Territoire}");

        Cellules(page, jeu.LigneFiche).ShouldBe(["6", "4", "0", "1", "5", "4", "12,75"]);
        Tableau(page).QuerySelector("caption")!.TextContent.ShouldBe(
            $"Prescriptions et présences dans les actions, par fiche-action, de janvier 2025 à mars 2025, personnes habitant le territoire « {TerritoireEssai} »");
        page.QuerySelector<IHtmlSelectElement>("#Territoire")!.Value.ShouldBe(jeu.Territoire.ToString());
    }

    [Fact]
    public async Task Un_chiffre_des_actions_demande_par_mois_s_affiche_par_action()
    {
        await JeuAsync();
        using var orientation = await ConnecteAsync("orientation.puydedome");

        var (_, page) = await orientation.PageAsync("/chiffres?figure=sorties-actions&du=2025-01&au=2025-03&par=Mois");

        page.QuerySelector(".resume-erreurs").ShouldBeNull();
        page.QuerySelector<IHtmlSelectElement>("#Par")!.Value.ShouldBe(nameof(Ventilation.Action));
        Cellules(page, LigneB).ShouldBe(["1", "0", "0", "0", "0", "1", "2"]);
    }

    [Fact]
    public async Task Un_territoire_d_un_autre_departement_est_refuse_avec_un_message_en_francais()
    {
        await JeuAsync();
        await using var db = app.Base.Contexte();
        var cantal = await app.Base.DepartementAsync("15");
        var territoireCantal = await db.Territoires.IgnoreQueryFilters().Where(t => t.DepartementId == cantal).Select(t => t.Id).FirstAsync();
        using var orientation = await ConnecteAsync("orientation.puydedome");

        var (_, page) = await orientation.PageAsync($"/chiffres?figure=activite-actions&territoire={territoireCantal}");

        page.QuerySelector(".resume-erreurs")!.TextContent.ShouldContain("Choisissez un territoire de la liste.");
        page.QuerySelector("table").ShouldBeNull();
    }

    [Fact]
    public async Task L_export_csv_de_l_agenda_21_porte_les_memes_masques_et_est_journalise()
    {
        var jeu = await JeuAsync();
        using var pilotage = await ConnecteAsync("pilotage.puydedome");
        var (_, page) = await pilotage.PageAsync($"/chiffres?figure=agenda-21&du=2025-01&au=2025-03&par=Mois&territoire={jeu.Territoire}");
        var lien = page.QuerySelector<IHtmlAnchorElement>("a[download]")!.GetAttribute("href")!;

        var reponse = await pilotage.Http.GetAsync(lien);
        var octets = await reponse.Content.ReadAsByteArrayAsync();

        reponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        reponse.Content.Headers.ContentDisposition!.FileName!.ShouldBe("chiffres-agenda-21-2025-01-2025-03.csv");
        var lignes = Encoding.UTF8.GetString(octets[3..]).Split("\r\n");
        lignes[0].ShouldBe(
            "Mois;Personnes participant à une action d'insertion;Personnes sorties d'une action;dont emploi durable ou formation qualifiante;"
            + "Part des sorties en emploi durable ou formation qualifiante (%)");
        // Every count is under 5: the shares computed from them are hidden too; nothing to compute in January stays empty.
        lignes[1].ShouldBe("2025-01;<5;0;0;");
        lignes[3].ShouldBe("2025-03;<5;<5;<5;s");
        await using var db = app.Base.Contexte(jeu.PuyDeDome);
        var agent = await db.Users.Where(a => a.Email == ClientPasserelle.Email("pilotage.puydedome")).Select(a => a.Id).SingleAsync();
        var export = await db.JournalAcces.Where(j => j.AgentId == agent && j.Action == ActionJournal.Export).SingleAsync();
        export.TypeEnregistrement.ShouldBe(IndexModel.TypeJournal);
    }
}

public sealed class ChiffresPrescriptionsSqliteTests(ApplicationSqlite app) : ChiffresPrescriptionsTests(app), IClassFixture<ApplicationSqlite>;

public sealed class ChiffresPrescriptionsPostgresTests(ApplicationPostgres app) : ChiffresPrescriptionsTests(app), IClassFixture<ApplicationPostgres>;
