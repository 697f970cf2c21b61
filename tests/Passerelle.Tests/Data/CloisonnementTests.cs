using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Tests.Support;

namespace Passerelle.Tests.Data;

/// <summary>Tenancy over a real database: the named filter isolates départements and fails closed.</summary>
public abstract class CloisonnementTests(Fournisseur fournisseur) : IAsyncLifetime
{
    private BaseDeTest _base = null!;

    public async ValueTask InitializeAsync() => _base = await BasesDeTest.CreerAsync(fournisseur);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Sans_departement_courant_aucune_donnee_de_departement_n_est_lue()
    {
        await using var db = _base.Contexte();

        (await db.Structures.CountAsync()).ShouldBe(0);
        (await db.Territoires.CountAsync()).ShouldBe(0);
        (await db.ParametresDates.CountAsync()).ShouldBe(0);
        (await db.ValeursReference.CountAsync()).ShouldBe(0);
        (await db.Qpvs.CountAsync()).ShouldBe(0);
        (await db.Users.CountAsync()).ShouldBe(0);
        (await db.JournalAcces.CountAsync()).ShouldBe(0);
        // National data stays readable.
        (await db.Communes.CountAsync()).ShouldBeGreaterThan(34000);
        (await db.Departements.CountAsync()).ShouldBe(3);
    }

    [Fact]
    public async Task Un_departement_ne_voit_que_ses_lignes()
    {
        var cantal = await _base.DepartementAsync("15");
        var puyDeDome = await _base.DepartementAsync("63");
        await using var db = _base.Contexte(cantal);

        var structures = await db.Structures.Select(s => s.DepartementId).Distinct().ToListAsync();
        var agents = await db.Users.Select(a => a.DepartementId).Distinct().ToListAsync();

        structures.ShouldBe([cantal]);
        agents.ShouldBe([cantal]);
        (await db.Qpvs.AnyAsync()).ShouldBeFalse("Les quartiers prioritaires de la démonstration sont ceux du Puy-de-Dôme.");
        (await db.Structures.AnyAsync(s => s.DepartementId == puyDeDome)).ShouldBeFalse();
    }

    [Fact]
    public async Task Le_journal_et_l_historique_refusent_modification_et_suppression()
    {
        var cantal = await _base.DepartementAsync("15");
        await using var db = _base.Contexte(cantal);
        db.JournalAcces.Add(new JournalAcces(DateTime.UtcNow, null, cantal, ActionJournal.Consultation, "Test", Guid.CreateVersion7(), "127.0.0.1", "test"));
        db.HistoriqueModifications.Add(new HistoriqueModification(DateTime.UtcNow, null, cantal, "Test", Guid.CreateVersion7(), "Nom", "avant", "après"));
        await db.SaveChangesAsync();

        // The database itself refuses, whatever the application does.
        await Should.ThrowAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"JournalAcces\" SET \"Ip\" = '0.0.0.0'"));
        await Should.ThrowAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"JournalAcces\""));
        await Should.ThrowAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"HistoriqueModifications\" SET \"NouvelleValeur\" = 'x'"));
        await Should.ThrowAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"HistoriqueModifications\""));
        (await db.JournalAcces.CountAsync(j => j.Ip == "127.0.0.1")).ShouldBe(1);
        (await db.HistoriqueModifications.CountAsync(h => h.NouvelleValeur == "après")).ShouldBe(1);
    }

    [Fact]
    public async Task Le_journal_refuse_une_modification_par_l_application()
    {
        var cantal = await _base.DepartementAsync("15");
        await using var db = _base.Contexte(cantal);
        var ligne = new JournalAcces(DateTime.UtcNow, null, cantal, ActionJournal.Export, "Test", null, null, null);
        db.JournalAcces.Add(ligne);
        await db.SaveChangesAsync();

        db.Remove(ligne);

        await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Une_modification_incremente_la_version_et_trace_les_champs()
    {
        var cantal = await _base.DepartementAsync("15");
        await using var db = _base.Contexte(cantal);
        var structure = await db.Structures.OrderBy(s => s.Nom).FirstAsync();
        var version = structure.Version;

        structure.Modifier("Nouveau nom de structure", structure.Type, null, "1 place du Square", structure.CommuneCode);
        await db.SaveChangesAsync();

        structure.Version.ShouldBe(version + 1);
        var lignes = await db.HistoriqueModifications.Where(h => h.EntiteId == structure.Id).ToListAsync();
        lignes.ShouldContain(h => h.Champ == nameof(Structure.Nom) && h.NouvelleValeur == "Nouveau nom de structure");
        lignes.ShouldContain(h => h.Champ == nameof(Structure.Adresse) && h.NouvelleValeur == "1 place du Square");
    }

    [Fact]
    public async Task Changer_les_communes_d_un_territoire_trace_le_territoire_et_avance_sa_version()
    {
        var cantal = await _base.DepartementAsync("15");
        await using var db = _base.Contexte(cantal);
        var territoire = await db.Territoires.Include(t => t.Communes).SingleAsync(t => t.Nom == "Mauriac");
        var version = territoire.Version;

        territoire.DefinirCommunes([.. territoire.Communes.Select(c => c.CommuneCode).Where(c => c != "15153"), "15045"]);
        await db.SaveChangesAsync();

        territoire.Version.ShouldBe(version + 1);
        var lignes = await db.HistoriqueModifications.Where(h => h.EntiteId == territoire.Id && h.Champ == nameof(TerritoireCommune)).ToListAsync();
        lignes.ShouldContain(h => h.NouvelleValeur == "15045" && h.AncienneValeur == null);
        lignes.ShouldContain(h => h.AncienneValeur == "15153" && h.NouvelleValeur == null);
        lignes.ShouldAllBe(h => h.DepartementId == cantal && h.Entite == nameof(Territoire));
    }

    [Fact]
    public async Task Un_formulaire_perime_ne_peut_pas_ecraser_une_version_plus_recente()
    {
        var cantal = await _base.DepartementAsync("15");
        Guid id;
        await using (var premier = _base.Contexte(cantal))
        {
            var structure = await premier.Structures.OrderBy(s => s.Nom).FirstAsync();
            id = structure.Id;
            structure.Modifier("Modifiée d'abord", structure.Type, null, null, structure.CommuneCode);
            await premier.SaveChangesAsync();
        }

        await using var second = _base.Contexte(cantal);
        var perimee = await second.Structures.SingleAsync(s => s.Id == id);
        second.Entry(perimee).Property(s => s.Version).OriginalValue = perimee.Version - 1;
        perimee.Modifier("Écrasement", perimee.Type, null, null, perimee.CommuneCode);

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var verification = _base.Contexte(cantal);
        (await verification.Structures.SingleAsync(s => s.Id == id)).Nom.ShouldBe("Modifiée d'abord");
    }
}

public sealed class CloisonnementSqliteTests() : CloisonnementTests(Fournisseur.Sqlite);

public sealed class CloisonnementPostgresTests() : CloisonnementTests(Fournisseur.Postgres);
