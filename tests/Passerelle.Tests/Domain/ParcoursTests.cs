using Passerelle.Domain;

namespace Passerelle.Tests.Domain;

public sealed class SuggestionOrientationTests
{
    private static SuggestionOrientation? Suggerer(params (string Theme, NiveauFrein Niveau)[] evaluations) =>
        RegleSuggestionOrientation.Suggerer(evaluations.Select(e => (e.Theme, char.ToUpperInvariant(e.Theme[0]) + e.Theme[1..], e.Niveau)).ToList());

    [Fact]
    public void Sans_evaluation_il_n_y_a_rien_a_suggerer() => Suggerer().ShouldBeNull();

    [Fact]
    public void Un_frein_bloquant_en_sante_logement_ou_budget_suggere_le_parcours_social()
    {
        var suggestion = Suggerer(("sante", NiveauFrein.Bloquant), ("logement", NiveauFrein.Bloquant), ("mobilite", NiveauFrein.Important))!;

        suggestion.Parcours.ShouldBe(TypeParcours.Social);
        suggestion.Raison.ShouldBe("Frein bloquant en sante et logement : un accompagnement social d'abord.");
    }

    [Theory]
    [InlineData("mobilite", NiveauFrein.Bloquant)]
    [InlineData("sante", NiveauFrein.Important)]
    [InlineData("numerique", NiveauFrein.Important)]
    public void Un_frein_important_ou_un_bloquant_hors_social_suggere_le_socio_professionnel(string theme, NiveauFrein niveau)
    {
        var suggestion = Suggerer((theme, niveau), ("budget", NiveauFrein.Leger))!;

        suggestion.Parcours.ShouldBe(TypeParcours.SocioProfessionnel);
        suggestion.Raison.ShouldContain(theme);
    }

    [Fact]
    public void Des_freins_legers_seulement_suggerent_l_emploi() =>
        Suggerer(("mobilite", NiveauFrein.Leger), ("sante", NiveauFrein.Aucun))!.Parcours.ShouldBe(TypeParcours.Emploi);
}

public sealed class DelaiOrientationTests
{
    private static readonly DateOnly Reception = new(2026, 3, 2);

    [Fact]
    public void Le_quarante_deuxieme_jour_est_dans_le_delai_le_quarante_troisieme_hors_delai()
    {
        var jour42 = DelaiOrientation.Juger(Reception, 6, Reception.AddDays(42));
        var jour43 = DelaiOrientation.Juger(Reception, 6, Reception.AddDays(43));

        jour42.Echeance.ShouldBe(new DateOnly(2026, 4, 13));
        jour42.HorsDelai.ShouldBeFalse();
        jour42.JoursRestants.ShouldBe(0);
        jour43.HorsDelai.ShouldBeTrue();
        jour43.JoursDeRetard.ShouldBe(1);
    }

    [Fact]
    public void Les_jours_restants_se_comptent_jusqu_a_l_echeance() =>
        DelaiOrientation.Juger(Reception, 6, Reception.AddDays(10)).JoursRestants.ShouldBe(32);

    [Fact]
    public void Le_delai_de_la_decision_se_compte_en_jours_et_ne_peut_pas_etre_negatif()
    {
        DelaiOrientation.JoursJusquALaDecision(Reception, Reception.AddDays(30)).ShouldBe(30);
        Should.Throw<RegleMetierException>(() => DelaiOrientation.JoursJusquALaDecision(Reception, Reception.AddDays(-1)));
    }
}

public sealed class ContratEngagementTests
{
    private static readonly Guid Departement = Guid.CreateVersion7();
    private static readonly Guid Personne = Guid.CreateVersion7();
    private static readonly DateOnly Debut = new(2026, 4, 1);

    private static ContratEngagement Brouillon(HeuresActivite? heures = null) =>
        ContratEngagement.Brouillon(
            Departement, Personne, Debut, Debut.AddMonths(6).AddDays(-1), heures ?? new HeuresActivite(15), 15,
            contenu: new ContenuContrat("Reprendre contact avec un employeur du secteur de l'aide à domicile.", ["mobilite"]));

    private static ContratEngagement Signe()
    {
        var contrat = Brouillon();
        contrat.Soumettre(Debut.AddDays(-10));
        contrat.Valider(Debut.AddDays(-8), Guid.CreateVersion7());
        contrat.Signer(Debut.AddDays(-5));
        return contrat;
    }

    [Fact]
    public void Brouillon_soumis_valide_signe_puis_en_cours_echu_et_clos_avec_un_bilan()
    {
        var contrat = Signe();

        contrat.EtatAu(Debut.AddDays(-1)).ShouldBe(EtatContrat.Signe);
        contrat.EtatAu(Debut).ShouldBe(EtatContrat.EnCours);
        contrat.EtatAu(contrat.Fin.AddDays(1)).ShouldBe(EtatContrat.Echu);
        contrat.Cloturer(contrat.Fin.AddDays(3), "Objectifs atteints : permis obtenu, CDD de six mois.");
        contrat.EtatAu(contrat.Fin.AddDays(10)).ShouldBe(EtatContrat.Clos);
    }

    [Fact]
    public void Chaque_transition_interdite_est_refusee()
    {
        var brouillon = Brouillon();
        Should.Throw<RegleMetierException>(() => brouillon.Valider(Debut, Guid.CreateVersion7()));
        Should.Throw<RegleMetierException>(() => brouillon.Signer(Debut));
        Should.Throw<RegleMetierException>(() => brouillon.Cloturer(Debut, "bilan"));
        Should.Throw<RegleMetierException>(() => brouillon.RenvoyerEnBrouillon());
        Should.Throw<RegleMetierException>(() => brouillon.Renouveler(Debut.AddMonths(6), Debut.AddMonths(12), new HeuresActivite(15), 15));

        brouillon.Soumettre(Debut);
        Should.Throw<RegleMetierException>(() => brouillon.Soumettre(Debut));
        Should.Throw<RegleMetierException>(() => brouillon.Signer(Debut));
        Should.Throw<RegleMetierException>(() => brouillon.Modifier(Debut, Debut.AddMonths(3), new HeuresActivite(15), 15));

        var signe = Signe();
        Should.Throw<RegleMetierException>(() => signe.Soumettre(Debut));
        Should.Throw<RegleMetierException>(() => signe.Valider(Debut, Guid.CreateVersion7()));
        Should.Throw<RegleMetierException>(() => signe.Cloturer(Debut.AddMonths(6), "  "));
        signe.Cloturer(Debut.AddMonths(6), "Bilan");
        Should.Throw<RegleMetierException>(() => signe.Cloturer(Debut.AddMonths(7), "Bilan"));
    }

    [Fact]
    public void Un_contrat_renvoye_en_brouillon_se_modifie_et_se_soumet_a_nouveau()
    {
        var contrat = Brouillon();
        contrat.Soumettre(Debut);

        contrat.RenvoyerEnBrouillon();
        contrat.Modifier(Debut, Debut.AddMonths(3), new HeuresActivite(20), 15);
        contrat.Soumettre(Debut.AddDays(1));

        contrat.Etat.ShouldBe(EtatContrat.Soumis);
        contrat.HeuresHebdomadaires.ShouldBe(20);
    }

    [Fact]
    public void Des_dates_dans_le_desordre_sont_refusees()
    {
        var contrat = Brouillon();
        contrat.Soumettre(Debut);

        Should.Throw<RegleMetierException>(() => contrat.Valider(Debut.AddDays(-1), Guid.CreateVersion7()));
        Should.Throw<RegleMetierException>(() => ContratEngagement.Brouillon(Departement, Personne, Debut, Debut.AddDays(-1), new HeuresActivite(15), 15));
        Should.Throw<RegleMetierException>(() => ContratEngagement.Brouillon(Departement, Personne, Debut, Debut.AddMonths(13), new HeuresActivite(15), 15));
    }

    [Fact]
    public void Moins_de_quinze_heures_ou_aucune_exigent_un_motif_et_une_periode()
    {
        Should.Throw<RegleMetierException>(() => Brouillon(new HeuresActivite(10))).Message.ShouldContain("motif");
        Should.Throw<RegleMetierException>(() => Brouillon(new HeuresActivite(null, "sante"))).Message.ShouldContain("période");

        var reduit = Brouillon(new HeuresActivite(8, "parent-isole", Debut, Debut.AddMonths(3)));
        var sansHeures = Brouillon(new HeuresActivite(null, "invalidite", Debut, Debut.AddMonths(6)));
        var plein = Brouillon(new HeuresActivite(15, "sante", Debut, Debut));

        reduit.MotifReductionHeures.ShouldBe("parent-isole");
        reduit.ReductionAu.ShouldBe(Debut.AddMonths(3));
        sansHeures.HeuresHebdomadaires.ShouldBeNull();
        plein.MotifReductionHeures.ShouldBeNull();
    }

    [Fact]
    public void Le_renouvellement_cree_un_brouillon_lie_au_contrat_precedent()
    {
        var contrat = Signe();

        var suivant = contrat.Renouveler(contrat.Fin.AddDays(1), contrat.Fin.AddMonths(6), new HeuresActivite(15), 15);

        suivant.Etat.ShouldBe(EtatContrat.Brouillon);
        suivant.ContratPrecedentId.ShouldBe(contrat.Id);
        suivant.BeneficiaireId.ShouldBe(Personne);
    }

    [Fact]
    public void Un_contrat_exterieur_est_enregistre_signe_avec_son_organisme()
    {
        var contrat = ContratEngagement.Exterieur(Departement, Personne, "France Travail – Agence d'Aurillac", Debut, Debut.AddMonths(6), Debut, new HeuresActivite(15), 15);

        contrat.Externe.ShouldBeTrue();
        contrat.EtatAu(Debut.AddDays(1)).ShouldBe(EtatContrat.EnCours);
        Should.Throw<RegleMetierException>(() => ContratEngagement.Exterieur(Departement, Personne, " ", Debut, Debut, Debut, new HeuresActivite(15), 15));
    }
}

public sealed class DelaiContratTests
{
    [Fact]
    public void Le_contrat_est_du_un_mois_apres_la_notification() =>
        DelaiContrat.Echeance(new DateOnly(2026, 1, 31), 1, new DateOnly(2027, 1, 1)).ShouldBe(new DateOnly(2026, 2, 28));

    [Fact]
    public void Une_personne_orientee_avant_la_loi_a_la_date_transitoire()
    {
        DelaiContrat.Echeance(new DateOnly(2024, 12, 31), 1, new DateOnly(2027, 1, 1)).ShouldBe(new DateOnly(2027, 1, 1));
        DelaiContrat.Echeance(new DateOnly(2025, 1, 1), 1, new DateOnly(2027, 1, 1)).ShouldBe(new DateOnly(2025, 2, 1));
    }
}

public sealed class RenouvellementContratTests
{
    [Fact]
    public void Le_renouvellement_suit_l_orientation_en_vigueur_et_nomme_son_auteur()
    {
        var debut = new DateOnly(2026, 1, 5);
        var contrat = ContratEngagement.Brouillon(
            Guid.CreateVersion7(), Guid.CreateVersion7(), debut, debut.AddMonths(6).AddDays(-1), new HeuresActivite(15), 15,
            contenu: new ContenuContrat("Permis de conduire.", ["mobilite"], "Aide au permis."), orientationId: Guid.CreateVersion7(), agentId: Guid.CreateVersion7());
        contrat.Soumettre(debut.AddDays(-5));
        contrat.Valider(debut.AddDays(-3), Guid.CreateVersion7());
        contrat.Signer(debut);
        var nouvelleOrientation = Guid.CreateVersion7();
        var auteur = Guid.CreateVersion7();

        var suivant = contrat.Renouveler(debut.AddMonths(6), debut.AddMonths(12).AddDays(-1), new HeuresActivite(15), 15, nouvelleOrientation, auteur);

        suivant.OrientationId.ShouldBe(nouvelleOrientation);
        suivant.AgentId.ShouldBe(auteur);
        suivant.Objectifs.ShouldBe("Permis de conduire.");
        suivant.CodesFreinsVises.ShouldBe(["mobilite"]);
    }
}
