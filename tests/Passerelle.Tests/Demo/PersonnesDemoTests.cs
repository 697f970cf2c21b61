using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Passerelle.Data;
using Passerelle.Demo;
using Passerelle.Domain;
using Passerelle.Domain.Identite;
using Passerelle.Tests.Support;

namespace Passerelle.Tests.Demo;

/// <summary>The demo's generated people, as loaded at first start: enough, varied, consistent, and the same at every load.</summary>
public abstract class PersonnesDemoTests(Fournisseur fournisseur) : IAsyncLifetime
{
    internal static readonly string[] Departements = ["15", "63", "14"];

    private BaseDeTest _base = null!;

    public async ValueTask InitializeAsync() => _base = await BasesDeTest.CreerAsync(fournisseur);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    internal static async Task<List<Beneficiaire>> PersonnesAsync(BaseDeTest base_, string departement)
    {
        await using var db = base_.Contexte(await base_.DepartementAsync(departement));
        return await db.Beneficiaires.AsNoTracking().ToListAsync();
    }

    private static bool Accentue(string texte) => PersonnesDemo.SansAccents(texte) != texte;

    [Fact]
    public async Task Chaque_departement_de_demo_compte_environ_400_personnes_reparties_dans_ses_communes()
    {
        foreach (var code in Departements)
        {
            var personnes = await PersonnesAsync(_base, code);

            personnes.Count.ShouldBeInRange(350, 450, code);
            personnes.ShouldAllBe(p => p.CommuneCode != null && p.CommuneCode.StartsWith(code));
            personnes.Select(p => p.CommuneCode).Distinct().Count().ShouldBeGreaterThan(3, code);
        }
    }

    [Fact]
    public async Task Referent_cantal_suit_au_moins_60_personnes_dont_plusieurs_aux_noms_accentues()
    {
        var cantal = await _base.DepartementAsync("15");
        await using var db = _base.Contexte(cantal);
        var agent = await db.Users.SingleAsync(a => a.Email == ClientPasserelle.Email("referent.cantal"));

        var suivies = await db.Beneficiaires.AsNoTracking()
            .Where(b => db.ReferentsUniques.Any(r => r.BeneficiaireId == b.Id && r.AgentId == agent.Id && r.Fin == null))
            .ToListAsync();

        suivies.Count.ShouldBeGreaterThanOrEqualTo(60);
        suivies.Count(p => Accentue(p.NomNaissance + p.Prenoms)).ShouldBeGreaterThanOrEqualTo(5);
        (await db.ReferentsUniques.Where(r => r.AgentId == agent.Id && r.Fin == null).Select(r => r.StructureId).Distinct().ToListAsync())
            .ShouldBe([agent.StructureId]);
    }

    [Fact]
    public async Task Les_noms_ont_des_accents_des_noms_composes_et_des_noms_d_usage()
    {
        foreach (var code in Departements)
        {
            var personnes = await PersonnesAsync(_base, code);

            personnes.Count(p => Accentue(p.NomNaissance + p.Prenoms)).ShouldBeGreaterThan(personnes.Count / 4, code);
            personnes.Count(p => p.Prenoms.Contains('-')).ShouldBeGreaterThan(10, code);
            personnes.Count(p => p.NomNaissance.Contains('-') || p.NomNaissance.Contains(' ')).ShouldBeGreaterThan(5, code);
            personnes.Count(p => p.NomUsage != null).ShouldBeGreaterThan(10, code);
            personnes.Where(p => p.NomUsage != null).ShouldAllBe(p => p.Sexe == Sexe.Femme);
        }
    }

    [Fact]
    public async Task Chaque_departement_a_au_moins_trois_paires_de_doublons_probables_sans_nir_sur_le_second()
    {
        foreach (var code in Departements)
        {
            var personnes = await PersonnesAsync(_base, code);
            var paires = personnes
                .GroupBy(p => p.DateNaissance)
                .SelectMany(g => g.SelectMany((a, i) => g.Skip(i + 1).Select(b => (a, b))))
                .Where(p => Doublons.RaisonDoublon(Identite(p.a), Identite(p.b)) != null)
                .ToList();

            paires.Count.ShouldBeGreaterThanOrEqualTo(3, code);
            paires.ShouldAllBe(p => p.a.NirEmpreinte == null || p.b.NirEmpreinte == null);
        }

        static IdentiteComparee Identite(Beneficiaire b) => new(b.NomNaissance, b.NomUsage, b.Prenoms, b.DateNaissance);
    }

    [Fact]
    public async Task Chaque_nir_enregistre_se_dechiffre_en_nir_valide_et_deux_tiers_des_personnes_en_ont_un()
    {
        foreach (var code in Departements)
        {
            var personnes = await PersonnesAsync(_base, code);
            var avecNir = personnes.Where(p => p.NirChiffre != null).ToList();

            foreach (var personne in avecNir)
            {
                // Nir.Lire inside Dechiffrer throws on a bad key.
                var nir = ClesNirDeTest.Protection.Dechiffrer(personne.NirChiffre!, personne.NirCleId!);
                nir.Masque.ShouldBe(personne.NirMasque);
                ClesNirDeTest.Protection.Empreinte(nir).ShouldBe(personne.NirEmpreinte);
                nir.EstTemporaire.ShouldBe(personne.NirTemporaire);
                if (!nir.EstTemporaire)
                {
                    nir.Numero[0].ShouldBe(personne.Sexe == Sexe.Homme ? '1' : '2');
                    nir.Numero[1..5].ShouldBe(personne.DateNaissance.ToString("yyMM"));
                }
            }

            ((double)avecNir.Count / personnes.Count).ShouldBeInRange(0.55, 0.8, code);
            avecNir.ShouldContain(p => p.NirTemporaire);
            avecNir.Select(p => p.NirEmpreinte).Distinct().Count().ShouldBe(avecNir.Count);
        }
    }

    [Fact]
    public async Task Les_dates_precedent_aujourd_hui_et_les_droits_rsa_suivent_la_demande()
    {
        var aujourdhui = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1));
        foreach (var code in Departements)
        {
            await using var db = _base.Contexte(await _base.DepartementAsync(code));
            var personnes = await db.Beneficiaires.AsNoTracking().ToListAsync();
            var droits = await db.DroitsRsa.AsNoTracking().ToListAsync();
            var designations = await db.ReferentsUniques.AsNoTracking().ToListAsync();

            personnes.ShouldAllBe(p => p.DateNaissance > aujourdhui.AddYears(-66) && p.DateNaissance < aujourdhui.AddYears(-15));
            droits.ShouldAllBe(d => d.DateEffet < aujourdhui && d.DateEffet > aujourdhui.AddYears(-4));
            (await db.NotesSuivi.MaxAsync(n => n.Instant)).ShouldBeLessThan(DateTime.UtcNow);
            (await db.EvaluationsFreins.MaxAsync(e => e.Date)).ShouldBeLessThan(aujourdhui);
            foreach (var parPersonne in droits.GroupBy(d => d.BeneficiaireId))
            {
                parPersonne.OrderBy(d => d.DateEffet).First().Etat.ShouldBe(EtatDroitRsa.Demande);
            }

            var rsa = personnes.Where(p => p.Dispositifs.HasFlag(Dispositifs.Rsa) && p.FusionneDansId == null).ToList();
            ((double)rsa.Count / personnes.Count).ShouldBeInRange(0.7, 0.9, code);
            rsa.Count(p => p.FoyerId != null).ShouldBeGreaterThan(rsa.Count * 3 / 4, code);
            // At most one open designation per person; some people wait for their first référent.
            designations.Where(d => d.Fin == null).GroupBy(d => d.BeneficiaireId).ShouldAllBe(g => g.Count() == 1);
            personnes.Count(p => designations.TrueForAll(d => d.BeneficiaireId != p.Id)).ShouldBeInRange(personnes.Count / 10, personnes.Count / 4, code);
            personnes.Count(p => p.Clos).ShouldBeGreaterThan(0, code);
        }
    }

    [Fact]
    public async Task Chaque_departement_de_demo_a_des_parcours_pour_la_file_le_portefeuille_et_les_chiffres()
    {
        foreach (var code in Departements)
        {
            await using var db = _base.Contexte(await _base.DepartementAsync(code));
            var orientations = await db.DecisionsOrientation.AsNoTracking().ToListAsync();
            var contrats = await db.ContratsEngagement.AsNoTracking().ToListAsync();
            var rendezVous = await db.RendezVous.AsNoTracking().Select(r => r.Statut).ToListAsync();

            orientations.Where(o => o.Fin == null).Select(o => o.Parcours).Distinct().Count().ShouldBe(3, code);
            orientations.Count(o => o.HorsDelai).ShouldBeGreaterThan(5, code);
            orientations.Count(o => !o.HorsDelai && o.DelaiJours != null).ShouldBeGreaterThan(50, code);
            (await db.DemandesReorientation.CountAsync(d => d.Statut == StatutDemandeReorientation.Acceptee)).ShouldBeGreaterThan(0, code);
            (await db.DemandesReorientation.CountAsync(d => d.Statut == StatutDemandeReorientation.EnAttente)).ShouldBeGreaterThan(0, code);
            contrats.Select(c => c.Etat).Distinct().Count().ShouldBe(5, code);
            contrats.ShouldContain(c => c.Externe, code);
            contrats.ShouldContain(c => c.MotifReductionHeures != null, code);
            contrats.ShouldContain(c => c.ContratPrecedentId != null, code);
            rendezVous.Distinct().Count().ShouldBe(4, code);
            (await db.ModelesCourrier.CountAsync()).ShouldBe(1, code);

            // The queue: people soumis aux droits et devoirs still waiting for their orientation.
            var enAttente = await db.Beneficiaires.CountAsync(b => !b.Clos
                && !db.DecisionsOrientation.Any(o => o.BeneficiaireId == b.Id && o.Fin == null)
                && db.DroitsRsa.Any(d => d.BeneficiaireId == b.Id && d.Etat == EtatDroitRsa.Ouvert && d.SoumisDroitsEtDevoirs));
            enAttente.ShouldBeGreaterThan(15, code);
        }
    }

    [Fact]
    public async Task Une_partie_du_portefeuille_de_referent_cantal_a_ete_transferee_a_referent_mauriac()
    {
        await using var db = _base.Contexte(await _base.DepartementAsync("15"));
        var cantal = await db.Users.Where(a => a.Email == ClientPasserelle.Email("referent.cantal")).Select(a => a.Id).SingleAsync();
        var mauriac = await db.Users.Where(a => a.Email == ClientPasserelle.Email("referent.mauriac")).Select(a => a.Id).SingleAsync();

        var transferes = await db.ReferentsUniques
            .Where(r => r.AgentId == mauriac && r.Fin == null
                && db.ReferentsUniques.Any(p => p.BeneficiaireId == r.BeneficiaireId && p.AgentId == cantal && p.Fin == r.Debut.AddDays(-1)))
            .CountAsync();

        transferes.ShouldBe(6);
        (await db.Suppleances.SingleAsync()).RemplacantId.ShouldBe(cantal);
    }

    [Fact]
    public async Task Le_programme_du_cantal_compte_ses_six_orientations_et_dix_huit_fiches_actions()
    {
        await using var db = _base.Contexte(await _base.DepartementAsync("15"));

        var axes = await db.Axes.OrderBy(a => a.Ordre).Select(a => a.Numero).ToListAsync();
        var fiches = await db.FichesActions.Select(f => f.Numero).ToListAsync();

        axes.ShouldBe(["1", "2", "3", "4", "5", "6"]);
        fiches.Count.ShouldBe(18);
        fiches.ShouldContain("5.3.1");
        fiches.ShouldContain("5.3.2");
        (await db.FichesActions.SingleAsync(f => f.Numero == "3.2")).Intitule.ShouldBe("Faire de la mobilité une priorité transversale");
    }

    [Fact]
    public async Task L_offre_des_semences_est_au_catalogue_avec_ses_regles()
    {
        await using var puyDeDome = _base.Contexte(await _base.DepartementAsync("63"));
        var mobilite = await puyDeDome.Actions.Where(a => a.Nom.StartsWith("Mobilité")).ToListAsync();
        mobilite.Count.ShouldBe(8);
        mobilite.ShouldAllBe(a => a.ListeTypesPrescripteurs.Contains(TypeStructure.FranceTravail) && !a.ListeTypesPrescripteurs.Contains(TypeStructure.Association));
        (await puyDeDome.Actions.SingleAsync(a => a.Nom == "Atelier de remobilisation professionnelle")).PlafondHeures.ShouldBe(210);
        var prequalification = await puyDeDome.Actions.SingleAsync(a => a.Nom == "Atelier de pré-qualification");
        (prequalification.PlafondHeures, prequalification.StageMinimumHeures, prequalification.StageMaximumHeures).ShouldBe((385, 70, 120));
        var aisp = await puyDeDome.Actions.SingleAsync(a => a.Nom.StartsWith("Accompagnement insertion sociale"));
        (aisp.DureeMois, aisp.EntretiensPrevus, aisp.ParcoursParAn).ShouldBe((3, 12, 50));
        var cucs = await puyDeDome.Actions.SingleAsync(a => a.ReserveeQpv);
        (cucs.AgeMinimum, cucs.AgeMaximum, cucs.DureeMois, cucs.CadenceEntretiensJours, cucs.ParcoursParAn).ShouldBe((18, 25, 12, 15, 10));

        await using var calvados = _base.Contexte(await _base.DepartementAsync("14"));
        (await calvados.Actions.CountAsync(a => a.Nom.StartsWith("Chantier d'insertion"))).ShouldBe(20);
        (await calvados.Actions.CountAsync(a => a.Nom.StartsWith("APR"))).ShouldBe(2);
    }

    [Fact]
    public async Task Les_prescriptions_de_demo_passent_par_tous_les_etats_et_respectent_les_regles_des_actions()
    {
        foreach (var code in Departements)
        {
            await using var db = _base.Contexte(await _base.DepartementAsync(code));
            var etats = await db.Prescriptions.Select(p => p.Etat).Distinct().ToListAsync();
            etats.Count.ShouldBe(Enum.GetValues<EtatPrescription>().Length, $"{code} : {string.Join(", ", etats)}");
            (await db.Prescriptions.CountAsync(p => p.Etat == EtatPrescription.Envoyee)).ShouldBeGreaterThan(0, code);
            (await db.Prescriptions.CountAsync(p => p.SuiviLe != null)).ShouldBeGreaterThan(0, code);
            (await db.BilansPrescriptions.CountAsync()).ShouldBeGreaterThan(0, code);

            // Every prescription respects its action's caps and places, as the pages would have enforced them.
            var actions = await db.Actions.ToDictionaryAsync(a => a.Id);
            var heures = await db.HeuresRealisees.GroupBy(h => h.PrescriptionId).Select(g => new { g.Key, Minutes = g.Sum(h => h.Minutes) }).ToListAsync();
            foreach (var h in heures)
            {
                var actionId = await db.Prescriptions.Where(p => p.Id == h.Key).Select(p => p.ActionId).SingleAsync();
                (h.Minutes / 60).ShouldBeLessThanOrEqualTo(actions[actionId].PlafondHeures!.Value);
            }

            var parAn = await db.Prescriptions.Where(p => p.AccepteeLe != null)
                .Select(p => new { p.ActionId, p.AccepteeLe }).ToListAsync();
            foreach (var groupe in parAn.GroupBy(p => (p.ActionId, p.AccepteeLe!.Value.Year)))
            {
                if (actions[groupe.Key.ActionId].ParcoursParAn is { } maximum)
                {
                    groupe.Count().ShouldBeLessThanOrEqualTo(maximum);
                }
            }
        }

        await using var puyDeDome = _base.Contexte(await _base.DepartementAsync("63"));
        (await puyDeDome.HeuresRealisees.CountAsync()).ShouldBeGreaterThan(0);
        (await puyDeDome.RendezVous.CountAsync(r => r.PrescriptionId != null)).ShouldBeGreaterThan(0);
        var mobilite = await puyDeDome.Users.SingleAsync(a => a.Email == ClientPasserelle.Email("operateur.mobilite"));
        (await puyDeDome.Notifications.CountAsync(n => n.AgentId == mobilite.Id)).ShouldBeGreaterThan(0);
    }
}

public sealed class PersonnesDemoSqliteTests() : PersonnesDemoTests(Fournisseur.Sqlite);

public sealed class PersonnesDemoPostgresTests() : PersonnesDemoTests(Fournisseur.Postgres);

/// <summary>
/// The demo is generated from fixed seeds: a second load, even on another day, gives the same people. Once,
/// on SQLite: loading the demo again is what costs, not the provider.
/// </summary>
public sealed class ChargementDemoReproductibleTests
{
    [Fact]
    public async Task Deux_chargements_donnent_les_memes_personnes_meme_un_autre_jour()
    {
        var chargee = await BasesDeTest.CreerAsync(Fournisseur.Sqlite);
        var autre = await BasesDeTest.CreerAsync(Fournisseur.Sqlite, avecDemo: false);
        await using (var db = autre.Contexte())
        {
            var plusTard = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(40));
            await new ChargeurDemo(db, new PasswordHasher<Agent>(), ClesNirDeTest.Protection, plusTard, NullLogger<ChargeurDemo>.Instance).ChargerAsync();
        }

        foreach (var code in PersonnesDemoTests.Departements)
        {
            var premiere = (await PersonnesDemoTests.PersonnesAsync(chargee, code)).Select(p => $"{p.NomNaissance} {p.Prenoms}").Order(StringComparer.Ordinal);
            var seconde = (await PersonnesDemoTests.PersonnesAsync(autre, code)).Select(p => $"{p.NomNaissance} {p.Prenoms}").Order(StringComparer.Ordinal);

            seconde.ShouldBe(premiere, code);
        }
    }
}
