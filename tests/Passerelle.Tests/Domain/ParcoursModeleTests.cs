using Passerelle.Domain;

namespace Passerelle.Tests.Domain;

public sealed class ReglesDecisionOrientationTests
{
    private static readonly Guid Departement = Guid.CreateVersion7();
    private static readonly Guid Personne = Guid.CreateVersion7();
    private static readonly DateOnly Reception = new(2026, 3, 2);

    internal static DecisionOrientation Decider(
        DateOnly date, DecisionOrientation? enVigueur = null, TypeParcours parcours = TypeParcours.SocioProfessionnel,
        DateOnly? notification = null, string? vulnerabilite = null, int moisRevision = 6) =>
        DecisionOrientation.Decider(
            Departement, Personne, enVigueur, parcours, OrganismeOrientation.ServiceDepartement, null, "Territoire d'action sociale d'Aurillac",
            Reception, 6, date, notification, "Freins de mobilité à lever.", vulnerabilite, moisRevision, null, DateTime.UtcNow);

    [Fact]
    public void Le_delai_est_garde_avec_la_decision_et_juge_au_quarante_deuxieme_jour()
    {
        var jour42 = Decider(Reception.AddDays(42));
        var jour43 = Decider(Reception.AddDays(43));

        jour42.DelaiJours.ShouldBe(42);
        jour42.HorsDelai.ShouldBeFalse();
        jour43.DelaiJours.ShouldBe(43);
        jour43.HorsDelai.ShouldBeTrue();
        jour43.SemainesDelai.ShouldBe(6);
    }

    [Fact]
    public void Un_parcours_social_est_revu_apres_six_mois_ou_douze_pour_les_plus_vulnerables()
    {
        Decider(Reception.AddDays(20), parcours: TypeParcours.Social).RevisionDue.ShouldBe(Reception.AddDays(20).AddMonths(6));
        var vulnerable = Decider(Reception.AddDays(20), parcours: TypeParcours.Social, vulnerabilite: "sans-logement", moisRevision: 12);

        vulnerable.RevisionDue.ShouldBe(Reception.AddDays(20).AddMonths(12));
        vulnerable.MotifVulnerabilite.ShouldBe("sans-logement");
        Decider(Reception.AddDays(20), vulnerabilite: "sans-logement").RevisionDue.ShouldBeNull();
    }

    [Fact]
    public void Une_reorientation_clot_l_orientation_en_vigueur_sans_reecrire_son_delai()
    {
        var premiere = Decider(Reception.AddDays(30), notification: Reception.AddDays(33));
        var seconde = Decider(Reception.AddDays(200), premiere, TypeParcours.Social);

        premiere.Fin.ShouldBe(Reception.AddDays(200));
        premiere.DelaiJours.ShouldBe(30);
        seconde.PrecedenteId.ShouldBe(premiere.Id);
        seconde.DelaiJours.ShouldBeNull();
        seconde.EstEnVigueur.ShouldBeTrue();
    }

    [Fact]
    public void Les_dates_incoherentes_et_les_champs_manquants_sont_refuses()
    {
        Should.Throw<RegleMetierException>(() => Decider(Reception.AddDays(-1)));
        Should.Throw<RegleMetierException>(() => Decider(Reception.AddDays(10), notification: Reception.AddDays(9)));
        var premiere = Decider(Reception.AddDays(30));
        Should.Throw<RegleMetierException>(() => Decider(Reception.AddDays(29), premiere));
        Should.Throw<RegleMetierException>(() => DecisionOrientation.Decider(
            Departement, Personne, null, TypeParcours.Emploi, OrganismeOrientation.FranceTravail, null, "France Travail", Reception, 6,
            Reception.AddDays(5), null, " ", null, 6, null, DateTime.UtcNow)).Message.ShouldContain("motif");
    }

    [Fact]
    public void La_notification_s_enregistre_une_fois_et_jamais_avant_la_decision()
    {
        var decision = Decider(Reception.AddDays(30));

        Should.Throw<RegleMetierException>(() => decision.Notifier(Reception.AddDays(29)));
        decision.Notifier(Reception.AddDays(32));
        decision.DateNotification.ShouldBe(Reception.AddDays(32));
        Should.Throw<RegleMetierException>(() => decision.Notifier(Reception.AddDays(33)));
    }

    [Fact]
    public void Une_demande_de_reorientation_attend_une_seule_reponse()
    {
        var enVigueur = Decider(Reception.AddDays(30));
        var referent = Guid.CreateVersion7();
        var demande = DemandeReorientation.Demander(enVigueur, TypeParcours.Social, "Santé dégradée.", referent, Reception.AddDays(90), []);

        Should.Throw<RegleMetierException>(() => DemandeReorientation.Demander(enVigueur, TypeParcours.Social, "Encore.", referent, Reception.AddDays(91), [demande]));
        Should.Throw<RegleMetierException>(() => demande.Refuser(" ", Guid.CreateVersion7(), Reception.AddDays(95)));
        var nouvelle = Decider(Reception.AddDays(100), enVigueur, TypeParcours.Social);
        demande.Accepter(nouvelle, Guid.CreateVersion7());

        demande.Statut.ShouldBe(StatutDemandeReorientation.Acceptee);
        demande.NouvelleOrientationId.ShouldBe(nouvelle.Id);
        Should.Throw<RegleMetierException>(() => demande.Refuser("Non.", Guid.CreateVersion7(), Reception.AddDays(101)));
        Should.Throw<RegleMetierException>(() => DemandeReorientation.Demander(enVigueur, TypeParcours.Emploi, "Ancienne.", referent, Reception.AddDays(102), [demande]))
            .Message.ShouldContain("plus en vigueur");
    }
}

public sealed class CycleRendezVousTests
{
    private static readonly DateTime Debut = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);

    private static RendezVous Prevu(TypeRendezVous type = TypeRendezVous.Individuel) =>
        RendezVous.Planifier(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), null, type, Debut, 45, "Entretien de suivi", "12 rue du Collège");

    [Fact]
    public void Un_rendez_vous_se_consigne_une_fois_passe_et_une_seule_fois()
    {
        var rdv = Prevu();

        Should.Throw<RegleMetierException>(() => rdv.Honorer("Trop tôt", Debut.AddMinutes(-1))).Message.ShouldContain("pas encore eu lieu");
        rdv.Honorer("Point sur les candidatures.", Debut.AddHours(1));

        rdv.Statut.ShouldBe(StatutRendezVous.Honore);
        Should.Throw<RegleMetierException>(() => rdv.Manquer(Debut.AddHours(2)));
        Should.Throw<RegleMetierException>(() => rdv.Excuser("Malade", Debut.AddHours(2)));
        Should.Throw<RegleMetierException>(() => rdv.Deplacer(Debut.AddDays(1), 30, null));
    }

    [Fact]
    public void Un_rendez_vous_manque_peut_etre_excuse_ensuite_avec_son_motif()
    {
        var rdv = Prevu();
        rdv.Manquer(Debut.AddHours(1));

        Should.Throw<RegleMetierException>(() => rdv.Excuser(" ", Debut.AddDays(1)));
        rdv.Excuser("Hospitalisation", Debut.AddDays(1));

        rdv.Statut.ShouldBe(StatutRendezVous.Excuse);
        rdv.MotifExcuse.ShouldBe("Hospitalisation");
    }

    [Fact]
    public void Le_lieu_n_est_exige_que_pour_un_rendez_vous_sur_place()
    {
        Should.Throw<RegleMetierException>(() => RendezVous.Planifier(
            Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), null, TypeRendezVous.Individuel, Debut, 30, "Suivi", " "));
        RendezVous.Planifier(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), null, TypeRendezVous.Telephone, Debut, 30, "Suivi", null)
            .Lieu.ShouldBeNull();
        Should.Throw<RegleMetierException>(() => RendezVous.Planifier(
            Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), null, TypeRendezVous.Telephone, Debut, 2, "Suivi", null));
    }
}

public sealed class SuppleanceTests
{
    private static readonly DateOnly Du = new(2026, 12, 1);

    [Fact]
    public void Une_suppleance_ne_vaut_que_pendant_sa_periode()
    {
        var suppleance = new Suppleance(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Du, Du.AddDays(13), null, DateTime.UtcNow);

        suppleance.EstActiveLe(Du.AddDays(-1)).ShouldBeFalse();
        suppleance.EstActiveLe(Du).ShouldBeTrue();
        suppleance.EstActiveLe(Du.AddDays(13)).ShouldBeTrue();
        suppleance.EstActiveLe(Du.AddDays(14)).ShouldBeFalse();

        suppleance.Terminer(Du.AddDays(4));
        suppleance.EstActiveLe(Du.AddDays(5)).ShouldBeFalse();
    }

    [Fact]
    public void Un_referent_ne_se_remplace_pas_lui_meme_et_une_absence_longue_est_un_transfert()
    {
        var referent = Guid.CreateVersion7();
        Should.Throw<RegleMetierException>(() => new Suppleance(Guid.CreateVersion7(), referent, referent, Du, Du.AddDays(3), null, DateTime.UtcNow));
        Should.Throw<RegleMetierException>(() => new Suppleance(Guid.CreateVersion7(), referent, Guid.CreateVersion7(), Du, Du.AddMonths(13), null, DateTime.UtcNow))
            .Message.ShouldContain("transférez");
    }
}
