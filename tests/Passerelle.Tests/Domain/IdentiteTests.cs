using Passerelle.Domain;
using Passerelle.Domain.Identite;

namespace Passerelle.Tests.Domain;

public sealed class NirTests
{
    [Theory]
    [InlineData("2 55 08 14 168 025 38", false)]
    [InlineData("1.85.05.78.006.084.91", false)]
    [InlineData("1 84 12 2A 123 456 97", false)] // Corse-du-Sud: 2A counts as 19
    [InlineData("1 84 12 2b 123 456 27", false)] // Haute-Corse: 2B counts as 18, typed in lower case
    [InlineData("7 90 12 99 123 456 59", true)] // a temporary number
    public void Un_nir_valide_est_lu_et_normalise(string saisie, bool temporaire)
    {
        var nir = Nir.Lire(saisie);

        nir.Valeur.Length.ShouldBe(15);
        nir.Valeur.ShouldNotContain(" ");
        nir.EstTemporaire.ShouldBe(temporaire);
        nir.Masque.ShouldEndWith(nir.Cle);
        nir.Masque.ShouldNotContain(nir.Numero[1..5]);
    }

    [Fact]
    public void Le_meme_nir_saisi_avec_ou_sans_espaces_donne_la_meme_valeur() =>
        Nir.Lire("255081416802538").Valeur.ShouldBe(Nir.Lire("2 55 08 14 168 025 38").Valeur);

    [Theory]
    [InlineData("2 55 08 14 168 025 39", "clé")]
    [InlineData("1 84 12 2A 123 456 27", "clé")] // the key of 2B given for 2A
    [InlineData("2 55 08 14 168 025", "15 caractères")]
    [InlineData("2 55 08 1X 168 025 38", "chiffres")]
    [InlineData("5 55 08 14 168 025 38", "commence par")]
    [InlineData("", "15 caractères")]
    public void Un_nir_invalide_est_refuse_avec_un_message_francais(string saisie, string message)
    {
        Nir.TryLire(saisie, out var nir, out var erreur).ShouldBeFalse();

        nir.ShouldBeNull();
        erreur!.ShouldContain(message);
        Should.Throw<RegleMetierException>(() => Nir.Lire(saisie)).Message.ShouldBe(erreur);
    }

    [Fact]
    public void La_cle_est_97_moins_le_reste_de_la_division_par_97() =>
        Nir.CalculerCle("2550814168025").ShouldBe(97 - (int)(2550814168025 % 97));
}

public sealed class NomsNormalisesTests
{
    [Theory]
    [InlineData("Élodie Martin-Dupré", "elodiemartindupre")]
    [InlineData("ELODIE MARTIN DUPRE", "elodiemartindupre")]
    [InlineData("Jean-Pierre", "jeanpierre")]
    [InlineData("Jean Pierre", "jeanpierre")]
    [InlineData("  D'Artagnan ", "dartagnan")]
    [InlineData("Cœur", "coeur")]
    [InlineData("Ñúñez-Çelik", "nunezcelik")]
    [InlineData(null, "")]
    public void Un_nom_est_compare_sans_casse_accents_tirets_ni_espaces(string? nom, string attendu) =>
        NomsNormalises.Normaliser(nom).ShouldBe(attendu);
}

public sealed class DoublonsTests
{
    private static readonly DateOnly Naissance = new(1988, 3, 14);

    [Fact]
    public void Les_memes_nom_et_prenom_ecrits_autrement_sont_un_doublon_probable() =>
        Doublons.RaisonDoublon(
            new IdentiteComparee("MARTIN DUPRE", null, "ELODIE", Naissance),
            new IdentiteComparee("Martin-Dupré", null, "Élodie", Naissance)).ShouldNotBeNull();

    [Fact]
    public void Un_prenom_compose_avec_ou_sans_tiret_est_un_doublon_probable() =>
        Doublons.RaisonDoublon(
            new IdentiteComparee("Roux", null, "Jean Pierre", Naissance),
            new IdentiteComparee("Roux", null, "Jean-Pierre", Naissance)).ShouldNotBeNull();

    [Fact]
    public void Des_prenoms_dans_un_autre_ordre_sont_un_doublon_probable() =>
        Doublons.RaisonDoublon(
            new IdentiteComparee("Vidal", null, "Claire Marie", Naissance),
            new IdentiteComparee("Vidal", null, "Marie Claire", Naissance)).ShouldNotBeNull();

    [Fact]
    public void Une_femme_est_retrouvee_par_son_nom_de_naissance_apres_son_mariage() =>
        Doublons.RaisonDoublon(
            new IdentiteComparee("Lacombe", null, "Sandrine", Naissance),
            new IdentiteComparee("Lacombe", "Bouysse", "Sandrine", Naissance)).ShouldNotBeNull();

    [Fact]
    public void Le_meme_nir_saisi_avec_des_espaces_est_un_doublon_quelles_que_soient_les_autres_donnees() =>
        Doublons.RaisonDoublon(
            new IdentiteComparee("Autre", null, "Personne", new DateOnly(1990, 1, 1), "255081416802538"),
            new IdentiteComparee("Lacombe", null, "Sandrine", Naissance, "2 55 08 14 168 025 38")).ShouldBe("Même NIR.");

    [Fact]
    public void Une_faute_de_frappe_dans_un_nom_long_est_un_doublon_probable() =>
        Doublons.RaisonDoublon(
            new IdentiteComparee("Vermenouze", null, "Lucie", Naissance),
            new IdentiteComparee("Vermenouse", null, "Lucie", Naissance)).ShouldNotBeNull();

    [Fact]
    public void Nom_et_prenom_inverses_sont_un_doublon_probable() =>
        Doublons.RaisonDoublon(
            new IdentiteComparee("Thomas", null, "Martin", Naissance),
            new IdentiteComparee("Martin", null, "Thomas", Naissance)).ShouldBe("Même date de naissance, nom et prénom inversés.");

    [Theory]
    [InlineData("Martin", "Élodie", 1988, 3, 15)] // another date of birth
    [InlineData("Martin", "Sophie", 1988, 3, 14)] // another first name
    [InlineData("Marty", "Élodie", 1988, 3, 14)] // a short name one letter away is another name
    public void Des_personnes_differentes_ne_sont_pas_des_doublons(string nom, string prenom, int annee, int mois, int jour) =>
        Doublons.RaisonDoublon(
            new IdentiteComparee(nom, null, prenom, new DateOnly(annee, mois, jour)),
            new IdentiteComparee("Martin", null, "Élodie", Naissance)).ShouldBeNull();
}
