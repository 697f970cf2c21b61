using Passerelle.Domain;

namespace Passerelle.Tests.Domain;

public sealed class EligibiliteActionTests
{
    private static readonly DateOnly Jour = new(2026, 6, 15);

    private static ActionInsertion Action(Action<ActionInsertion>? regler = null)
    {
        var action = new ActionInsertion(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Accompagnement des jeunes", "Douze mois d'accompagnement.", "accompagnement");
        regler?.Invoke(action);
        return action;
    }

    private static ProfilEligibilite Profil(
        int age = 30, Dispositifs dispositifs = Dispositifs.Rsa, bool soumis = true, string? commune = "63113", bool qpv = false, TypeParcours? parcours = TypeParcours.Emploi) =>
        new(Jour, Jour.AddYears(-age), dispositifs, soumis, commune, qpv, parcours);

    [Fact]
    public void Une_action_sans_regle_accueille_tout_le_monde() => Action().MotifsIneligibilite(Profil(), []).ShouldBeEmpty();

    [Theory]
    [InlineData(17, "au moins 18 ans ; la personne a 17 ans")]
    [InlineData(26, "25 ans au plus ; la personne a 26 ans")]
    public void L_age_est_juge_au_jour_de_la_prescription(int age, string motif)
    {
        var action = Action(a => a.DefinirEligibilite(18, 25, Dispositifs.Aucun, false, false, []));

        action.MotifsIneligibilite(Profil(age), []).ShouldHaveSingleItem().ShouldContain(motif);
        action.MotifsIneligibilite(Profil(18), []).ShouldBeEmpty();
        action.MotifsIneligibilite(Profil(25), []).ShouldBeEmpty();
    }

    [Fact]
    public void La_veille_de_ses_18_ans_la_personne_en_a_encore_17()
    {
        var action = Action(a => a.DefinirEligibilite(18, null, Dispositifs.Aucun, false, false, []));
        var profil = new ProfilEligibilite(Jour, Jour.AddYears(-18).AddDays(1), Dispositifs.Rsa, true, null, false, null);

        action.MotifsIneligibilite(profil, []).ShouldHaveSingleItem().ShouldContain("la personne a 17 ans");
    }

    [Fact]
    public void Chaque_regle_manquee_donne_sa_raison()
    {
        var action = Action(a =>
        {
            a.DefinirEligibilite(null, null, Dispositifs.Plie, true, true, [TypeParcours.Social]);
            a.DefinirZone([], ["15014"]);
        });

        var motifs = action.MotifsIneligibilite(Profil(dispositifs: Dispositifs.Rsa, soumis: false, qpv: false, parcours: TypeParcours.Emploi), ["15014"]);

        motifs.Count.ShouldBe(5);
        motifs.ShouldContain("L'action est réservée aux personnes suivies au titre de : PLIE.");
        motifs.ShouldContain("L'action est réservée aux bénéficiaires du RSA soumis aux droits et devoirs.");
        motifs.ShouldContain("L'action est réservée aux habitants d'un quartier prioritaire de la politique de la ville.");
        motifs.ShouldContain("L'action accueille les personnes orientées en parcours social.");
        motifs.ShouldContain("La personne n'habite pas une commune desservie par l'action.");
    }

    [Fact]
    public void Un_habitant_d_un_quartier_prioritaire_de_la_zone_est_eligible()
    {
        var action = Action(a => a.DefinirEligibilite(18, 25, Dispositifs.Aucun, false, true, []));

        action.MotifsIneligibilite(Profil(20, Dispositifs.MissionLocale, soumis: false, qpv: true), ["63113"]).ShouldBeEmpty();
    }

    [Fact]
    public void Seules_les_structures_habilitees_prescrivent()
    {
        var action = Action(a => a.DefinirPrescripteurs([TypeStructure.ServiceDepartement, TypeStructure.FranceTravail, TypeStructure.MissionLocale]));

        action.MotifNonHabilite(TypeStructure.FranceTravail).ShouldBeNull();
        action.MotifNonHabilite(TypeStructure.Association)
            .ShouldBe("Seuls les référents des structures suivantes sont habilités à prescrire cette action : Service du Département, France Travail, Mission locale.");
        action.MotifNonHabilite(null).ShouldNotBeNull();
        Action().MotifNonHabilite(TypeStructure.Association).ShouldBeNull();
    }

    [Fact]
    public void Un_code_hors_du_referentiel_data_inclusion_est_refuse()
    {
        var action = Action();

        Should.Throw<RegleMetierException>(() => action.Decrire("Atelier", "Un atelier collectif.", "atelier", ["mobilite"], [], [], null))
            .Message.ShouldBe("Code inconnu dans la liste des thématiques de data·inclusion : mobilite.");
        Should.Throw<RegleMetierException>(() => action.Decrire("Atelier", "Un atelier collectif.", "stage", [], [], [], null));
    }

    [Fact]
    public void Le_stage_tient_dans_le_plafond_d_heures()
    {
        var action = Action();

        Should.Throw<RegleMetierException>(() => action.DefinirPlafonds(100, 70, 120)).Message.ShouldContain("ne dépasse pas le plafond");
        Should.Throw<RegleMetierException>(() => action.DefinirPlafonds(385, 130, 120));
    }

    [Fact]
    public void Une_action_pleine_renvoie_vers_la_liste_d_attente()
    {
        var action = Action(a => a.DefinirCapaciteEtRythme(ModeCapacite.ParcoursAnnuels, 50, 7, 12, 3));
        var sessions = Action(a => a.DefinirCapaciteEtRythme(ModeCapacite.Sessions, null, null, null, 3));
        var session = new SessionAction(Guid.NewGuid(), sessions.Id, "Session de printemps", Jour, Jour.AddDays(80), 12);

        action.MotifComplet(49, null).ShouldBeNull();
        action.MotifComplet(50, null).ShouldBe("L'action a atteint ses 50 parcours de l'année : inscrivez la personne en liste d'attente.");
        sessions.MotifComplet(11, session).ShouldBeNull();
        sessions.MotifComplet(12, session)!.ShouldContain("complète (12 places)");
        sessions.MotifComplet(0, null).ShouldBe("Choisissez la session où la personne prend place.");
        Action().MotifComplet(10_000, null).ShouldBeNull();
    }
}

public sealed class PrescriptionTests
{
    private static readonly DateOnly Envoi = new(2026, 3, 2);
    private static readonly Guid Operateur = Guid.NewGuid();

    private static ActionInsertion Atelier(int plafond, int? stageMinimum = null, int? stageMaximum = null)
    {
        var action = new ActionInsertion(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Atelier de pré-qualification", "Atelier en centre et stage.", "formation");
        action.DefinirPlafonds(plafond, stageMinimum, stageMaximum);
        return action;
    }

    private static Prescription Envoyee(ActionInsertion? action = null) => Prescription.Prescrire(
        Guid.NewGuid(), Guid.NewGuid(), action ?? Atelier(210), Guid.NewGuid(), null, Envoi, "Confirmer le projet professionnel.", [], InformationsPartagees.Coordonnees, Envoi);

    private static Prescription EnCours(ActionInsertion action)
    {
        var prescription = Envoyee(action);
        prescription.Accepter(Envoi.AddDays(3), Operateur, null, null);
        prescription.Entrer(Envoi.AddDays(10), Envoi.AddDays(10));
        return prescription;
    }

    [Fact]
    public void Sans_consentement_la_fiche_ne_part_pas()
    {
        Should.Throw<RegleMetierException>(() => Prescription.Prescrire(
                Guid.NewGuid(), Guid.NewGuid(), Atelier(210), Guid.NewGuid(), null, Envoi, "Objectifs", [], InformationsPartagees.Aucune, null))
            .Message.ShouldStartWith("Recueillez le consentement");
        Should.Throw<RegleMetierException>(() => Prescription.Prescrire(
            Guid.NewGuid(), Guid.NewGuid(), Atelier(210), Guid.NewGuid(), null, Envoi, "Objectifs", [], InformationsPartagees.Aucune, Envoi.AddDays(1)));
    }

    [Fact]
    public void Le_plafond_de_210_heures_refuse_l_heure_de_trop()
    {
        var action = Atelier(210);
        var prescription = EnCours(action);
        for (var i = 0; i < 30; i++)
        {
            prescription.EnregistrerHeures(Envoi.AddDays(11 + i), 7, NatureHeures.Action, action, Operateur, Envoi.AddDays(60));
        }

        var refus = Should.Throw<RegleMetierException>(() =>
            prescription.EnregistrerHeures(Envoi.AddDays(45), 0.5m, NatureHeures.Action, action, Operateur, Envoi.AddDays(60)));

        refus.Message.ShouldBe("L'action est plafonnée à 210 h : 210 h sont déjà enregistrées, 0,5 h de plus dépasseraient le plafond de 0,5 h.");
        prescription.Heures.Sum(h => h.Heures).ShouldBe(210);
    }

    [Fact]
    public void Le_stage_de_pre_qualification_s_arrete_a_120_heures_dans_les_385()
    {
        var action = Atelier(385, 70, 120);
        var prescription = EnCours(action);
        prescription.EnregistrerHeures(Envoi.AddDays(11), 24, NatureHeures.Action, action, Operateur, Envoi.AddDays(60));
        for (var i = 0; i < 17; i++)
        {
            prescription.EnregistrerHeures(Envoi.AddDays(12 + i), 7, NatureHeures.Stage, action, Operateur, Envoi.AddDays(60));
        }

        Should.Throw<RegleMetierException>(() => prescription.EnregistrerHeures(Envoi.AddDays(30), 2, NatureHeures.Stage, action, Operateur, Envoi.AddDays(60)))
            .Message.ShouldBe("Le stage en entreprise dure au plus 120 h : 119 h sont déjà enregistrées, 2 h de plus le dépasseraient de 1 h.");
        prescription.EnregistrerHeures(Envoi.AddDays(30), 1, NatureHeures.Stage, action, Operateur, Envoi.AddDays(60));
        prescription.EnregistrerHeures(Envoi.AddDays(31), 7, NatureHeures.Action, action, Operateur, Envoi.AddDays(60));
    }

    [Fact]
    public void Les_heures_ne_se_comptent_qu_apres_l_entree_et_pas_dans_le_futur()
    {
        var action = Atelier(210);
        var prescription = Envoyee(action);

        Should.Throw<RegleMetierException>(() => prescription.EnregistrerHeures(Envoi, 3, NatureHeures.Action, action, Operateur, Envoi));
        prescription.Accepter(Envoi.AddDays(1), Operateur, null, null);
        prescription.Entrer(Envoi.AddDays(2), Envoi.AddDays(5));
        Should.Throw<RegleMetierException>(() => prescription.EnregistrerHeures(Envoi.AddDays(1), 3, NatureHeures.Action, action, Operateur, Envoi.AddDays(5)));
        Should.Throw<RegleMetierException>(() => prescription.EnregistrerHeures(Envoi.AddDays(6), 3, NatureHeures.Action, action, Operateur, Envoi.AddDays(5)));
        Should.Throw<RegleMetierException>(() => prescription.EnregistrerHeures(Envoi.AddDays(3), 3, NatureHeures.Stage, action, Operateur, Envoi.AddDays(5)))
            .Message.ShouldBe("Cette action ne comporte pas de stage en entreprise.");
    }

    [Fact]
    public void Pleine_l_action_refuse_l_acceptation_et_la_liste_d_attente_reste()
    {
        var prescription = Envoyee();

        Should.Throw<RegleMetierException>(() => prescription.Accepter(Envoi.AddDays(1), Operateur, null, "L'action est complète."));
        prescription.Etat.ShouldBe(EtatPrescription.Envoyee);
        prescription.MettreEnAttente(Envoi.AddDays(1), Operateur);
        prescription.Accepter(Envoi.AddDays(20), Operateur, null, null);

        prescription.Etat.ShouldBe(EtatPrescription.Acceptee);
        prescription.ReponduLe.ShouldBe(Envoi.AddDays(1));
        prescription.AccepteeLe.ShouldBe(Envoi.AddDays(20));
    }

    [Fact]
    public void Sans_reponse_la_prescription_expire_au_trentieme_jour()
    {
        var prescription = Envoyee();

        Should.Throw<RegleMetierException>(() => prescription.Expirer(Envoi.AddDays(29), 30));
        prescription.Expirer(Envoi.AddDays(30), 30);

        prescription.Etat.ShouldBe(EtatPrescription.Expiree);
        Should.Throw<RegleMetierException>(() => prescription.Accepter(Envoi.AddDays(31), Operateur, null, null)).Message.ShouldContain("état actuel : expirée");
    }

    [Fact]
    public void Chaque_etape_refuse_ce_que_l_etat_ne_permet_pas()
    {
        var prescription = Envoyee();
        Should.Throw<RegleMetierException>(() => prescription.Entrer(Envoi, Envoi));
        Should.Throw<RegleMetierException>(() => prescription.Sortir(Envoi, IssueSortie.Abandon, null, Envoi));
        Should.Throw<RegleMetierException>(() => prescription.Refuser(Envoi, Operateur, " "));

        prescription.Refuser(Envoi.AddDays(2), Operateur, "Projet à préciser avec le référent.");
        Should.Throw<RegleMetierException>(() => prescription.Annuler(Envoi.AddDays(3), "Erreur"));
        Should.Throw<RegleMetierException>(() => prescription.MettreEnAttente(Envoi.AddDays(3), Operateur));
    }

    [Fact]
    public void Le_suivi_a_six_mois_se_renseigne_une_fois_a_partir_de_son_jour()
    {
        var action = Atelier(210);
        var prescription = EnCours(action);
        var sortie = Envoi.AddDays(90);
        prescription.AjouterBilan(TypeBilan.Intermediaire, Envoi.AddDays(50), AtteinteObjectifs.Partiellement, Assiduite.Reguliere, [], "Poursuivre.", null, Operateur, sortie);
        prescription.Sortir(sortie, IssueSortie.EmploiDurable, null, sortie);
        Should.Throw<RegleMetierException>(() =>
            prescription.AjouterBilan(TypeBilan.Intermediaire, sortie, AtteinteObjectifs.Atteints, Assiduite.Reguliere, [], "Après la sortie.", null, Operateur, sortie));
        prescription.AjouterBilan(TypeBilan.Final, sortie, AtteinteObjectifs.Atteints, Assiduite.Reguliere, [], null, "CDI signé.", Operateur, sortie);

        var dateSuivi = sortie.AddMonths(6);
        Should.Throw<RegleMetierException>(() => prescription.Suivre(dateSuivi.AddDays(-1), SituationSuivi.EmploiDurable, null, dateSuivi))
            .Message.ShouldBe($"Le suivi à six mois se renseigne à partir du {dateSuivi:dd/MM/yyyy}.");
        prescription.Suivre(dateSuivi, SituationSuivi.EmploiDurable, null, dateSuivi);
        Should.Throw<RegleMetierException>(() => prescription.Suivre(dateSuivi, SituationSuivi.EmploiDurable, null, dateSuivi));
    }

    [Fact]
    public void L_operateur_voit_la_personne_jusqu_au_suivi_ou_un_mois_apres_son_echeance()
    {
        var action = Atelier(210);
        var prescription = EnCours(action);
        var sortie = Envoi.AddDays(90);
        prescription.Sortir(sortie, IssueSortie.AutreSortie, null, sortie);

        prescription.VisiblePourOperateur(sortie.AddMonths(7)).ShouldBeTrue();
        prescription.VisiblePourOperateur(sortie.AddMonths(7).AddDays(1)).ShouldBeFalse();
        var refusee = Envoyee();
        refusee.Refuser(Envoi.AddDays(1), Operateur, "Hors public.");
        refusee.VisiblePourOperateur(Envoi.AddDays(1)).ShouldBeFalse();
    }
}
