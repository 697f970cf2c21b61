using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Tests.Support;

namespace Passerelle.Tests.Data;

/// <summary>
/// The follow-up state stored on a person follows every save of what it derives from: her rights, orientations,
/// contracts, rendez-vous and designations, her dossier closed, reopened or merged. The orientation queue and the
/// portfolio's alerts read nothing else.
/// </summary>
public abstract class SuiviCourantTests(Fournisseur fournisseur) : IAsyncLifetime
{
    private static readonly DateOnly Reception = new(2026, 9, 1);
    private BaseDeTest _base = null!;
    private Guid _cantal;

    public async ValueTask InitializeAsync()
    {
        // The demo's Cantal, for its référent: a rendez-vous is held with an agent.
        _base = await BasesDeTest.CreerAsync(fournisseur);
        _cantal = await _base.DepartementAsync("15");
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

    private async Task<(Guid Agent, Guid? Structure)> ReferentAsync()
    {
        await using var db = _base.Contexte(_cantal);
        var agent = await db.Users.SingleAsync(a => a.Email == ClientPasserelle.Email("referent.cantal"));
        return (agent.Id, agent.StructureId);
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
    public async Task Le_suivi_suit_l_orientation_la_designation_le_contrat_signe_et_le_dernier_rendez_vous_honore()
    {
        var personne = await PersonneAsync("Fabre", (Reception, EtatDroitRsa.Ouvert, true));
        var (agent, structure) = await ReferentAsync();
        var ancien = new DateTime(2026, 9, 15, 8, 0, 0, DateTimeKind.Utc);
        var recent = new DateTime(2026, 10, 20, 13, 30, 0, DateTimeKind.Utc);

        await ModifierAsync(personne, (db, b) =>
        {
            db.ReferentsUniques.Add(ReferentUnique.Designer(_cantal, b.Id, [], Reception.AddDays(3), agent, structure, null, null));
            db.DecisionsOrientation.Add(Decision(_cantal, b.Id, null, Reception.AddDays(10)));
            db.ContratsEngagement.Add(ContratEngagement.Exterieur(
                _cantal, b.Id, "France Travail Aurillac", Reception.AddDays(20), Reception.AddDays(20).AddMonths(6).AddDays(-1), Reception.AddDays(20), new HeuresActivite(15), 15));
            foreach (var (debut, honore) in new[] { (ancien, true), (recent, true), (recent.AddDays(7), false) })
            {
                var rendezVous = RendezVous.Planifier(_cantal, b.Id, agent, structure, TypeRendezVous.Individuel, debut, 45, "Point d'étape", "Maison des solidarités d'Aurillac");
                if (honore)
                {
                    rendezVous.Honorer(null, DateTime.UtcNow);
                }

                db.RendezVous.Add(rendezVous);
            }
        });

        await using var lecture = _base.Contexte(_cantal);
        var suivi = await lecture.Beneficiaires.Where(b => b.Id == personne)
            .Select(b => new { b.AttenteOrientationDepuis, b.ParcoursEnVigueur, b.FinDernierContratSigne, b.DernierRendezVousHonore, b.DebutDesignation })
            .SingleAsync();
        suivi.AttenteOrientationDepuis.ShouldBeNull();
        suivi.ParcoursEnVigueur.ShouldBe(TypeParcours.Emploi);
        suivi.FinDernierContratSigne.ShouldBe(Reception.AddDays(20).AddMonths(6).AddDays(-1));
        suivi.DernierRendezVousHonore.ShouldBe(recent, "Le rendez-vous planifié ensuite n'est pas honoré.");
        suivi.DebutDesignation.ShouldBe(Reception.AddDays(3));
    }

    [Fact]
    public async Task Qui_voit_le_dossier_suit_la_designation_ouverte_et_l_orientation_en_vigueur()
    {
        var personne = await PersonneAsync("Gineste", (Reception, EtatDroitRsa.Ouvert, true));
        var (agent, structure) = await ReferentAsync();
        async Task<(Guid? Agent, Guid? Structure, Guid? Orientation)> StockeAsync()
        {
            await using var lecture = _base.Contexte(_cantal);
            var b = await lecture.Beneficiaires.SingleAsync(x => x.Id == personne);
            return (b.ReferentAgentId, b.ReferentStructureId, b.OrientationStructureId);
        }

        await ModifierAsync(personne, (db, b) =>
        {
            db.ReferentsUniques.Add(ReferentUnique.Designer(_cantal, b.Id, [], Reception.AddDays(3), agent, structure, null, null));
            db.DecisionsOrientation.Add(DecisionOrientation.Decider(_cantal, b.Id, null, TypeParcours.Social, OrganismeOrientation.ServiceDepartement, structure,
                "Maison des solidarités", Reception, 6, Reception.AddDays(10), null, "Logement à stabiliser.", null, 12, null, DateTime.UtcNow));
        });
        (await StockeAsync()).ShouldBe((agent, structure, structure));

        // An outside référent replaces him: no agent nor structure of the département sees the dossier through it any more.
        await ModifierAsync(personne, (db, b) =>
        {
            var periodes = db.ReferentsUniques.Where(r => r.BeneficiaireId == b.Id).ToList();
            db.ReferentsUniques.Add(ReferentUnique.Designer(_cantal, b.Id, periodes, Reception.AddDays(30), null, null, "Claire Vidal", "Association Relais Emploi"));
        });
        (await StockeAsync()).ShouldBe(((Guid?)null, (Guid?)null, structure));

        await ModifierAsync(personne, (db, b) =>
        {
            var enVigueur = db.DecisionsOrientation.Single(o => o.BeneficiaireId == b.Id && o.Fin == null);
            db.DecisionsOrientation.Add(DecisionOrientation.Decider(_cantal, b.Id, enVigueur, TypeParcours.Emploi, OrganismeOrientation.FranceTravail, null,
                "France Travail Aurillac", null, null, Reception.AddDays(40), null, "Projet professionnel défini.", null, 12, null, DateTime.UtcNow));
        });
        (await StockeAsync()).Orientation.ShouldBeNull("La nouvelle orientation ne nomme pas de structure du département.");
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

public sealed class SuiviCourantSqliteTests() : SuiviCourantTests(Fournisseur.Sqlite);

public sealed class SuiviCourantPostgresTests() : SuiviCourantTests(Fournisseur.Postgres);
