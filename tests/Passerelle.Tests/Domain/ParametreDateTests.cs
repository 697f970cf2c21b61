using Passerelle.Domain;

namespace Passerelle.Tests.Domain;

public sealed class ParametreDateTests
{
    private static readonly Guid Departement = Guid.CreateVersion7();

    private static ParametreDate Periode(string du, string? au, string valeur = "6") =>
        new(Departement, ClesParametres.DelaiOrientation, ParametreDate.PorteeDepartement, TypeValeur.Semaines, valeur,
            DateOnly.Parse(du, System.Globalization.CultureInfo.InvariantCulture),
            au is null ? null : DateOnly.Parse(au, System.Globalization.CultureInfo.InvariantCulture), "Loi");

    [Fact]
    public void La_valeur_en_vigueur_est_celle_de_la_periode_qui_contient_la_date()
    {
        var ancienne = Periode("2025-01-01", "2026-12-31", "6");
        var nouvelle = Periode("2027-01-01", null, "8");

        ancienne.EstValideLe(new DateOnly(2026, 12, 31)).ShouldBeTrue();
        nouvelle.EstValideLe(new DateOnly(2026, 12, 31)).ShouldBeFalse();
        nouvelle.EstValideLe(new DateOnly(2027, 1, 1)).ShouldBeTrue();
        nouvelle.ValeurNumerique.ShouldBe(8m);
    }

    [Fact]
    public void Deux_periodes_qui_se_chevauchent_sont_refusees()
    {
        var existante = Periode("2025-01-01", null);
        var nouvelle = Periode("2026-06-01", "2026-12-31", "7");

        var erreur = Should.Throw<RegleMetierException>(() => ParametreDate.VerifierSansChevauchement([existante], nouvelle));

        erreur.Message.ShouldContain("chevauche");
    }

    [Fact]
    public void Des_periodes_contigues_ne_se_chevauchent_pas()
    {
        var existante = Periode("2025-01-01", "2026-05-31");
        var nouvelle = Periode("2026-06-01", null, "7");

        Should.NotThrow(() => ParametreDate.VerifierSansChevauchement([existante], nouvelle));
    }

    [Fact]
    public void Une_autre_portee_ne_chevauche_pas()
    {
        var existante = Periode("2025-01-01", null);
        var autrePortee = new ParametreDate(Departement, ClesParametres.DelaiOrientation, "type-structure:Aci", TypeValeur.Semaines, "4", new DateOnly(2025, 1, 1), null, "Délibération");

        Should.NotThrow(() => ParametreDate.VerifierSansChevauchement([existante], autrePortee));
    }

    [Theory]
    [InlineData("12,5", "12.5")]
    [InlineData("1\u202F000", "1000")]
    [InlineData("1\u00A0000,25", "1000.25")]
    public void Les_nombres_francais_sont_lus(string saisie, string attendu) =>
        new ParametreDate(Departement, "cle", "", TypeValeur.Montant, saisie, new DateOnly(2025, 1, 1), null, "Texte").Valeur.ShouldBe(attendu);

    [Theory]
    [InlineData(TypeValeur.Semaines, "six", "nombre")]
    [InlineData(TypeValeur.Taux, "120", "100 %")]
    [InlineData(TypeValeur.Jours, "-3", "négative")]
    [InlineData(TypeValeur.Date, "31/02/2027", "date")]
    public void Une_valeur_invalide_est_refusee(TypeValeur type, string saisie, string message) =>
        Should.Throw<RegleMetierException>(() => new ParametreDate(Departement, "cle", "", type, saisie, new DateOnly(2025, 1, 1), null, "Texte"))
            .Message.ShouldContain(message);

    [Fact]
    public void Une_fin_avant_le_debut_est_refusee() =>
        Should.Throw<RegleMetierException>(() => Periode("2026-01-01", "2025-12-31"));

    [Fact]
    public void Une_source_est_obligatoire() =>
        Should.Throw<RegleMetierException>(() => new ParametreDate(Departement, "cle", "", TypeValeur.Jours, "3", new DateOnly(2025, 1, 1), null, " "));

    [Theory]
    [InlineData("01/01/2027")]
    [InlineData("2027-01-01")]
    public void Une_date_s_ecrit_en_francais_ou_en_iso_et_se_lit_comme_une_date(string saisie)
    {
        var parametre = new ParametreDate(Departement, "cle", "", TypeValeur.Date, saisie, new DateOnly(2025, 1, 1), null, "Texte");

        parametre.ValeurDate.ShouldBe(new DateOnly(2027, 1, 1));
        parametre.ValeurAffichee.ShouldBe("01/01/2027");
    }
}
