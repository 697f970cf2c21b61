using Passerelle.Infrastructure.Hosting;

namespace Passerelle.Tests.Domain;

public sealed class LigneDeCommandeTests
{
    [Fact]
    public void Sans_commande_le_serveur_demarre_avec_les_options_d_hote()
    {
        var ligne = LigneDeCommande.Lire(["--urls", "http://127.0.0.1:6000", "--Database:Provider=Postgres"]);

        ligne.Erreur.ShouldBeNull();
        ligne.Commande.ShouldBe(Commande.Serveur);
        ligne.ArgumentsHote.ShouldBe(["--urls", "http://127.0.0.1:6000", "--Database:Provider=Postgres"]);
    }

    [Fact]
    public void Demo_avec_remplacer_est_compris()
    {
        var ligne = LigneDeCommande.Lire(["demo", "--remplacer"]);

        ligne.Commande.ShouldBe(Commande.Demo);
        ligne.Remplacer.ShouldBeTrue();
    }

    [Theory]
    [InlineData("importe")]
    [InlineData("migrate", "--force")]
    [InlineData("migrate", "--remplacer")]
    [InlineData("migrate", "demo")]
    [InlineData("--urls")]
    [InlineData("demo", "--personnes", "10")]
    [InlineData("generer", "--departement", "14")]
    [InlineData("generer", "--personnes", "10")]
    [InlineData("generer", "--departement", "14", "--personnes", "0")]
    [InlineData("generer", "--departement", "14", "--personnes", "10 000")]
    [InlineData("generer", "--departement", "14", "--personnes", "10", "--graine", "-3")]
    [InlineData("generer", "--departement", "14", "--personnes")]
    public void Une_commande_ou_une_option_inconnue_est_refusee(params string[] args)
    {
        var ligne = LigneDeCommande.Lire(args);

        ligne.Erreur.ShouldNotBeNull();
        LigneDeCommande.Usage.ShouldContain("Usage");
    }

    [Fact]
    public void Generer_lit_le_departement_le_nombre_de_personnes_et_la_graine()
    {
        var ligne = LigneDeCommande.Lire(["generer", "--departement", "14", "--personnes", "200000", "--graine", "3", "--Database:Provider=Postgres"]);

        ligne.Erreur.ShouldBeNull();
        ligne.Commande.ShouldBe(Commande.Generer);
        ligne.Generation.ShouldBe(new OptionsGeneration("14", 200_000, 3));
        ligne.ArgumentsHote.ShouldBe(["--Database:Provider=Postgres"]);
        LigneDeCommande.Lire(["generer", "--personnes", "5", "--departement", "2A"]).Generation.ShouldBe(new OptionsGeneration("2A", 5, 1));
    }
}
