using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Tests.Support;

namespace Passerelle.Tests.Data;

/// <summary>
/// The stored "waiting for an orientation since" of a person follows every save of what it derives from: her rights,
/// her orientations, her dossier closed, reopened or merged. The orientation queue reads nothing else.
/// </summary>
public abstract class AttenteOrientationTests(Fournisseur fournisseur) : IAsyncLifetime
{
    private static readonly DateOnly Reception = new(2026, 9, 1);
    private BaseDeTest _base = null!;
    private Guid _cantal;

    public async ValueTask InitializeAsync()
    {
        _base = await BasesDeTest.CreerAsync(fournisseur, avecDemo: false);
        await using var db = _base.Contexte();
        var cantal = new Departement("15", "Cantal");
        db.Departements.Add(cantal);
        await db.SaveChangesAsync();
        _cantal = cantal.Id;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<Guid> PersonneAsync(string nom, params (DateOnly Effet, EtatDroitRsa Etat, bool Soumis)[] droits)
    {
        await using var db = _base.Contexte(_cantal);
        var personne = new Beneficiaire(_cantal, nom, null, "Camille", new DateOnly(1985, 3, 14), Sexe.Femme, Dispositifs.Rsa);
        db.Beneficiaires.Add(personne);
        foreach (var (effet, etat, soumis) in droits)
        {
            db.DroitsRsa.Add(new DroitRsa(_cantal, personne.Id, effet, etat, OrganismePayeur.Caf, soumis, etat == EtatDroitRsa.Ouvert ? effet : null, null, DateTime.UtcNow));
        }

        await db.SaveChangesAsync();
        return personne.Id;
    }

    private async Task<DateOnly?> AttenteAsync(Guid personne)
    {
        await using var db = _base.Contexte(_cantal);
        return await db.Beneficiaires.Where(b => b.Id == personne).Select(b => b.AttenteOrientationDepuis).SingleAsync();
    }

    private async Task ModifierAsync(Guid personne, Action<PasserelleDbContext, Beneficiaire> modification)
    {
        await using var db = _base.Contexte(_cantal);
        var beneficiaire = await db.Beneficiaires.Include(b => b.Clotures).SingleAsync(b => b.Id == personne);
        modification(db, beneficiaire);
        await db.SaveChangesAsync();
    }

    private static DecisionOrientation Decision(Guid departement, Guid personne, DecisionOrientation? enVigueur, DateOnly date) =>
        DecisionOrientation.Decider(departement, personne, enVigueur, TypeParcours.Emploi, OrganismeOrientation.FranceTravail, null,
            "France Travail Aurillac", Reception, 6, date, null, "Projet professionnel défini.", null, 12, null, DateTime.UtcNow);

    [Fact]
    public async Task L_attente_suit_le_dernier_etat_du_droit_la_decision_et_l_etat_du_dossier()
    {
        var soumise = await PersonneAsync("Aubert", (Reception, EtatDroitRsa.Ouvert, true));
        var nonSoumise = await PersonneAsync("Bessière", (Reception, EtatDroitRsa.Ouvert, false));
        var sansDroit = await PersonneAsync("Chanut");
        var suspendueEnsuite = await PersonneAsync("Delmas", (Reception, EtatDroitRsa.Ouvert, true), (Reception.AddDays(20), EtatDroitRsa.Suspendu, true));

        (await AttenteAsync(soumise)).ShouldBe(Reception);
        (await AttenteAsync(nonSoumise)).ShouldBeNull();
        (await AttenteAsync(sansDroit)).ShouldBeNull();
        (await AttenteAsync(suspendueEnsuite)).ShouldBeNull("Le dernier état du droit décide.");

        // A right reopened later puts her back, with the day of the new information.
        await ModifierAsync(suspendueEnsuite, (db, b) =>
            db.DroitsRsa.Add(new DroitRsa(_cantal, b.Id, Reception.AddDays(40), EtatDroitRsa.Ouvert, OrganismePayeur.Caf, true, Reception.AddDays(40), null, DateTime.UtcNow)));
        (await AttenteAsync(suspendueEnsuite)).ShouldBe(Reception.AddDays(40));

        await ModifierAsync(soumise, (db, b) => db.DecisionsOrientation.Add(Decision(_cantal, b.Id, null, Reception.AddDays(10))));
        (await AttenteAsync(soumise)).ShouldBeNull("Orientée, elle quitte la file.");

        await ModifierAsync(suspendueEnsuite, (db, b) => db.ClotureDossiers.Add(b.Cloturer(Reception.AddDays(45), MotifCloture.DepartDepartement, null, null)));
        (await AttenteAsync(suspendueEnsuite)).ShouldBeNull("Un dossier clos n'attend pas d'orientation.");

        await ModifierAsync(suspendueEnsuite, (_, b) => b.Rouvrir(Reception.AddDays(50), b.Clotures.Single()));
        (await AttenteAsync(suspendueEnsuite)).ShouldBe(Reception.AddDays(40));
    }

    [Fact]
    public async Task Un_enregistrement_refuse_ne_change_pas_l_attente()
    {
        var personne = await PersonneAsync("Estival", (Reception, EtatDroitRsa.Ouvert, true));
        await using var db = _base.Contexte(_cantal);
        db.DroitsRsa.Add(new DroitRsa(_cantal, personne, Reception.AddDays(5), EtatDroitRsa.Suspendu, OrganismePayeur.Caf, true, null, null, DateTime.UtcNow));
        // A right of a person who does not exist: the whole save is refused, the stored state with it.
        db.DroitsRsa.Add(new DroitRsa(_cantal, Guid.CreateVersion7(), Reception, EtatDroitRsa.Ouvert, OrganismePayeur.Caf, true, Reception, null, DateTime.UtcNow));

        await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());

        (await AttenteAsync(personne)).ShouldBe(Reception);
    }
}

public sealed class AttenteOrientationSqliteTests() : AttenteOrientationTests(Fournisseur.Sqlite);

public sealed class AttenteOrientationPostgresTests() : AttenteOrientationTests(Fournisseur.Postgres);
