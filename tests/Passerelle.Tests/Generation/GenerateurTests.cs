using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Generation;
using Passerelle.Infrastructure.Hosting;
using Passerelle.Infrastructure.Tenancy;
using Passerelle.Tests.Support;

namespace Passerelle.Tests.Generation;

/// <summary>The <c>generer</c> command's generator on a copy of the demo: counts, history, determinism, repeated runs.</summary>
public abstract class GenerateurTests(Fournisseur fournisseur)
{
    private const int Personnes = 1_250;
    private readonly FakeTimeProvider _temps = new(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));

    private async Task<ResultatGeneration> GenererAsync(BaseDeTest baseDeTest, string departement = "63", int personnes = Personnes, int graine = 7)
    {
        Guid? departementId;
        await using (var lecture = baseDeTest.Contexte())
        {
            departementId = await lecture.Departements.Where(d => d.Code == departement).Select(d => (Guid?)d.Id).SingleOrDefaultAsync();
        }

        // The context and the generator share the département in the application's scope; here the context is given it.
        await using var db = baseDeTest.Contexte(departementId);
        var generateur = new GenerateurDonnees(db, new DepartementCourant(new HttpContextAccessor()), ClesNirDeTest.Protection, _temps);
        return await generateur.GenererAsync(new OptionsGeneration(departement, personnes, graine), TextWriter.Null);
    }

    private sealed record Comptes(
        int Personnes, int Droits, int Referents, int Evaluations, int Orientations, int Contrats, int RendezVous, int Prescriptions, int Heures, int Bilans, int Agents);

    private static async Task<Comptes> CompterAsync(BaseDeTest baseDeTest, Guid departementId)
    {
        await using var db = baseDeTest.Contexte(departementId);
        return new Comptes(
            await db.Beneficiaires.CountAsync(), await db.DroitsRsa.CountAsync(), await db.ReferentsUniques.CountAsync(), await db.EvaluationsFreins.CountAsync(),
            await db.DecisionsOrientation.CountAsync(), await db.ContratsEngagement.CountAsync(), await db.RendezVous.CountAsync(), await db.Prescriptions.CountAsync(),
            await db.HeuresRealisees.CountAsync(), await db.BilansPrescriptions.CountAsync(), await db.Users.CountAsync());
    }

    /// <summary>What a seed decides: who the generated people are, with which ids, and what happened to them.</summary>
    private static async Task<List<string>> EmpreinteAsync(BaseDeTest baseDeTest, Guid departementId)
    {
        await using var db = baseDeTest.Contexte(departementId);
        var personnes = await db.Beneficiaires.AsNoTracking()
            .Select(b => new { b.Id, b.NomNaissance, b.Prenoms, b.DateNaissance, b.NirEmpreinte, b.CommuneCode })
            .ToListAsync();
        var prescriptions = await db.Prescriptions.AsNoTracking().Select(p => new { p.Id, p.BeneficiaireId, p.ActionId, p.Etat, p.EnvoyeeLe }).ToListAsync();
        var contrats = await db.ContratsEngagement.AsNoTracking().Select(c => new { c.Id, c.BeneficiaireId, c.Etat, c.Debut }).ToListAsync();
        return personnes.Where(p => p.Id.Version == 8).Select(p => $"{p.Id} {p.NomNaissance} {p.Prenoms} {p.DateNaissance:O} {p.NirEmpreinte} {p.CommuneCode}")
            .Concat(prescriptions.Where(p => p.Id.Version == 8).Select(p => $"{p.Id} {p.BeneficiaireId} {p.ActionId} {p.Etat} {p.EnvoyeeLe:O}"))
            .Concat(contrats.Where(c => c.Id.Version == 8).Select(c => $"{c.Id} {c.BeneficiaireId} {c.Etat} {c.Debut:O}"))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    [Fact]
    public async Task Le_generateur_ajoute_exactement_les_personnes_demandees_avec_trois_ans_d_historique_dans_leur_seul_departement()
    {
        var baseDeTest = await BasesDeTest.CreerAsync(fournisseur);
        var puyDeDome = await baseDeTest.DepartementAsync("63");
        var cantal = await baseDeTest.DepartementAsync("15");
        var avant = await CompterAsync(baseDeTest, puyDeDome);
        var cantalAvant = await CompterAsync(baseDeTest, cantal);

        var resultat = await GenererAsync(baseDeTest);

        var apres = await CompterAsync(baseDeTest, puyDeDome);
        (apres.Personnes - avant.Personnes).ShouldBe(Personnes);
        resultat.Personnes.ShouldBe(Personnes);
        // One référent per 150 people, none of whom can sign in.
        (apres.Agents - avant.Agents).ShouldBe(9);
        resultat.Referents.ShouldBe(9);
        (apres.Droits - avant.Droits).ShouldBeGreaterThan(Personnes);
        (apres.Referents - avant.Referents).ShouldBeGreaterThan(Personnes / 2);
        (apres.Evaluations - avant.Evaluations).ShouldBeGreaterThan(Personnes / 2);
        (apres.Orientations - avant.Orientations).ShouldBeGreaterThan(Personnes / 3);
        (apres.Contrats - avant.Contrats).ShouldBeGreaterThan(Personnes / 3);
        (apres.RendezVous - avant.RendezVous).ShouldBeGreaterThan(Personnes);
        (apres.Prescriptions - avant.Prescriptions).ShouldBeGreaterThan(Personnes / 10);
        (apres.Heures - avant.Heures).ShouldBeGreaterThan(0);
        (apres.Bilans - avant.Bilans).ShouldBeGreaterThan(0);
        (await CompterAsync(baseDeTest, cantal)).ShouldBe(cantalAvant);

        await using var db = baseDeTest.Contexte(puyDeDome);
        var aujourdhui = DateOnly.FromDateTime(_temps.GetUtcNow().UtcDateTime);
        var generes = await db.Beneficiaires.AsNoTracking().Select(b => b.Id).ToListAsync();
        var droits = await db.DroitsRsa.AsNoTracking().Select(d => new { d.BeneficiaireId, d.DateEffet }).ToListAsync();
        droits.Where(d => d.BeneficiaireId.Version == 8).Min(d => d.DateEffet).ShouldBeLessThan(aujourdhui.AddYears(-2).AddMonths(-6));
        var referents = await db.Users.AsNoTracking().Where(a => a.Email!.StartsWith("referent.63-g")).ToListAsync();
        referents.Count.ShouldBe(9);
        referents.ShouldAllBe(a => a.PasswordHash == null && a.DepartementId == puyDeDome);
        var suivis = await db.ReferentsUniques.AsNoTracking().Where(r => r.Fin == null && r.AgentId != null).Select(r => r.AgentId!.Value).ToListAsync();
        referents.ShouldAllBe(a => suivis.Count(s => s == a.Id) > 20);
        generes.Count(id => id.Version == 8).ShouldBe(Personnes);
    }

    [Fact]
    public async Task La_meme_graine_donne_les_memes_personnes_et_la_meme_histoire_et_une_seconde_passe_en_ajoute_d_autres()
    {
        var premiere = await BasesDeTest.CreerAsync(fournisseur);
        var seconde = await BasesDeTest.CreerAsync(fournisseur);
        var puyDeDome = await premiere.DepartementAsync("63");

        await GenererAsync(premiere);
        await GenererAsync(seconde, "63", Personnes, 7);

        var empreinte = await EmpreinteAsync(premiere, puyDeDome);
        empreinte.Count.ShouldBeGreaterThan(Personnes);
        (await EmpreinteAsync(seconde, await seconde.DepartementAsync("63"))).ShouldBe(empreinte);

        // Run again with the same seed: other people, other ids, no conflict with the first run.
        await GenererAsync(premiere);
        var apres = await EmpreinteAsync(premiere, puyDeDome);
        apres.Count.ShouldBeGreaterThan(empreinte.Count + Personnes);
        apres.ShouldBeUnique();
        (await CompterAsync(premiere, puyDeDome)).Agents.ShouldBe((await CompterAsync(seconde, await seconde.DepartementAsync("63"))).Agents + 9);
    }

    [Fact]
    public async Task Un_departement_inconnu_est_refuse_sans_rien_ecrire()
    {
        var baseDeTest = await BasesDeTest.CreerAsync(fournisseur);
        var puyDeDome = await baseDeTest.DepartementAsync("63");
        var avant = await CompterAsync(baseDeTest, puyDeDome);

        var erreur = await Should.ThrowAsync<RegleMetierException>(() => GenererAsync(baseDeTest, "99"));

        erreur.Message.ShouldBe("Le département « 99 » n'existe pas : créez-le d'abord (administration de la plateforme ou commande demo).");
        (await CompterAsync(baseDeTest, puyDeDome)).ShouldBe(avant);
    }
}

public sealed class GenerateurSqliteTests() : GenerateurTests(Fournisseur.Sqlite);

public sealed class GenerateurPostgresTests() : GenerateurTests(Fournisseur.Postgres);
