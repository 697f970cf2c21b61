using System.Security.Claims;
using Passerelle.Domain;
using Passerelle.Features.Chiffres;

namespace Passerelle.Tests.Domain;

public sealed class MasquageTests
{
    private const Secret A = Secret.Aucun;
    private const Secret P = Secret.Primaire;
    private const Secret S = Secret.Secondaire;

    /// <summary>A table with its row totals, column totals and general total, all computed from the cells.</summary>
    private static MasqueEffectifs AvecTotaux(params int[][] cellules) => Masquage.Calculer(new GrilleEffectifs(
        cellules,
        cellules.Select(l => l.Sum()).ToList(),
        Enumerable.Range(0, cellules[0].Length).Select(j => cellules.Sum(l => l[j])).ToList(),
        cellules.Sum(l => l.Sum())));

    private static ClaimsPrincipal Agent(params Role[] roles) =>
        new(new ClaimsIdentity(roles.Select(r => new Claim(ClaimTypes.Role, r.ToString())), "test"));

    [Fact]
    public void Une_seule_petite_cellule_force_le_masquage_de_la_plus_petite_autre_valeur_de_sa_colonne()
    {
        var masque = Masquage.Calculer(new GrilleEffectifs([[12], [3], [20], [0]], TotauxColonnes: [35]));

        masque.Cellules.Select(l => l[0]).ShouldBe([S, P, A, A]);
        masque.TotauxColonnes.ShouldBe([A]);
    }

    [Fact]
    public void Sans_petite_valeur_rien_n_est_masque()
    {
        var masque = AvecTotaux([12, 5], [0, 30]);

        masque.Cellules.SelectMany(l => l).ShouldAllBe(s => s == A);
        masque.TotalGeneral.ShouldBe(A);
    }

    [Fact]
    public void Le_secret_secondaire_se_propage_des_lignes_aux_colonnes_jusqu_a_deux_valeurs_masquees_par_ligne_et_par_colonne()
    {
        var masque = AvecTotaux(
            [3, 20, 6],
            [7, 40, 50],
            [30, 60, 70]);

        // 3 is masked; its row then hides 6, its column 7; the column of 6 then hides 50, which its row already pairs with 7.
        masque.Cellules.ShouldBe([[P, A, S], [S, A, S], [A, A, A]]);
        masque.TotauxLignes.ShouldBe([A, A, A]);
        masque.TotauxColonnes.ShouldBe([A, A, A]);
        masque.TotalGeneral.ShouldBe(A);
    }

    [Fact]
    public void Un_total_inferieur_a_5_est_masque_et_un_zero_reste_affiche()
    {
        var masque = AvecTotaux(
            [1, 3, 0],
            [10, 12, 0]);

        masque.Cellules.ShouldBe([[P, P, A], [S, S, A]]);
        // The row total 4 is primary; the other row total is hidden so that it cannot be recomputed from the general total.
        masque.TotauxLignes.ShouldBe([P, S]);
        masque.TotauxColonnes.ShouldBe([A, A, A]);
        masque.TotalGeneral.ShouldBe(A);
    }

    [Fact]
    public void Une_valeur_que_seule_une_combinaison_de_lignes_et_de_colonnes_retrouverait_est_protegee_aussi()
    {
        // Row by row and column by column every masked value has a partner, yet the 2 of the third row equals
        // (its row total − 10 − 3) with its row total = 72 − 25 − 31 − 1 and 3 = 32 − 8 − 20 − 1: the 10 beside it is hidden too.
        var masque = AvecTotaux(
            [10, 7, 8],
            [5, 6, 20],
            [10, 2, 3],
            [0, 0, 1]);

        masque.Cellules.ShouldBe([[S, S, A], [S, S, A], [S, P, P], [A, A, P]]);
        masque.TotauxLignes.ShouldBe([A, A, S, P]);
        masque.TotauxColonnes.ShouldBe([A, A, A]);
    }

    [Fact]
    public void Un_tableau_sans_totaux_ne_masque_que_les_petits_effectifs() =>
        Masquage.Calculer(new GrilleEffectifs([[4], [9], [0]])).Cellules.Select(l => l[0]).ShouldBe([P, A, A]);

    [Theory]
    [InlineData(Role.AgentOrientation, false)]
    [InlineData(Role.Responsable, false)]
    [InlineData(Role.Referent, false)]
    [InlineData(Role.Operateur, false)]
    [InlineData(Role.ChargeMissionPdi, true)]
    [InlineData(Role.GestionnaireConventions, true)]
    [InlineData(Role.Partenaire, true)]
    [InlineData(Role.Auditeur, true)]
    [InlineData(Role.Administrateur, true)]
    public void Seuls_les_roles_sans_acces_aux_dossiers_individuels_voient_des_chiffres_masques(Role role, bool masque) =>
        Masquage.EstRequis(Agent(role)).ShouldBe(masque);

    [Fact]
    public void Un_agent_qui_cumule_un_role_de_pilotage_et_un_acces_individuel_voit_les_chiffres_entiers() =>
        Masquage.EstRequis(Agent(Role.ChargeMissionPdi, Role.Responsable)).ShouldBeFalse();

    [Fact]
    public void Pour_un_role_avec_acces_individuel_rien_n_est_masque_meme_les_petits_effectifs()
    {
        var tableau = Tableau();

        var entier = Masquage.Appliquer(tableau, masquer: false);
        var masque = Masquage.Appliquer(tableau, masquer: true);

        entier.ADesValeursMasquees.ShouldBeFalse();
        entier.Lignes.SelectMany(l => l).Concat(entier.Total!).ShouldAllBe(s => s == A);
        masque.ADesValeursMasquees.ShouldBeTrue();
    }

    [Fact]
    public void Une_part_et_une_mediane_suivent_les_effectifs_dont_elles_sont_calculees()
    {
        var masque = Masquage.Appliquer(Tableau(), masquer: true);

        // Dans le délai, hors délai, total, part, médiane.
        masque.Lignes[0].ShouldBe([P, S, A, S, A]);
        masque.Lignes[1].ShouldBe([S, S, A, S, A]);
        masque.Lignes[2].ShouldBe([A, A, A, A, A]);
        masque.Total.ShouldBe([A, A, A, A, A]);
    }

    /// <summary>Orientation delays: 2 of 9 within the delay in the first row; the median of 9 decisions reveals no count.</summary>
    private static TableauChiffres Tableau()
    {
        var figure = RegistreChiffres.Obtenir(RegistreChiffres.DelaiOrientation);
        List<ColonneChiffres> colonnes =
        [
            new("Dans le délai", GenreColonne.Effectif),
            new("Hors délai", GenreColonne.Effectif),
            new("Premières orientations", GenreColonne.Total),
            new("Part dans le délai", GenreColonne.Part, [0, 1, 2]),
            new("Délai médian (jours)", GenreColonne.Mediane, [2]),
        ];
        LigneChiffres Ligne(string nom, int dans, int hors, decimal mediane) =>
            new(nom, nom, [dans, hors, dans + hors, Math.Round(100m * dans / (dans + hors), 1), mediane]);
        return new TableauChiffres(figure, Ventilation.Territoire, new PeriodeChiffres(new(2025, 1, 1), new(2025, 3, 1)), null, "Territoire", colonnes,
            [Ligne("Nord", 2, 7, 50), Ligne("Sud", 6, 8, 44), Ligne("Ouest", 20, 10, 30)], Ligne("", 28, 25, 40));
    }
}
