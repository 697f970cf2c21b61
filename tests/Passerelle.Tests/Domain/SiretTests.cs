using Passerelle.Domain;

namespace Passerelle.Tests.Domain;

public sealed class SiretTests
{
    [Theory]
    [InlineData("73282932000074")] // a valid Luhn SIRET
    [InlineData("732 829 320 00074")] // typed with spaces
    [InlineData("35600000000048")] // La Poste head office, valid by Luhn
    [InlineData("35600000049837")] // a La Poste establishment: digits sum to a multiple of 5
    public void Un_siret_valide_est_accepte(string saisie) =>
        Siret.EstValide(Siret.Normaliser(saisie)).ShouldBeTrue();

    [Theory]
    [InlineData("73282932000075")] // wrong key
    [InlineData("7328293200007")] // 13 digits
    [InlineData("7328293200007A")]
    [InlineData("35600000049838")] // La Poste, sum not a multiple of 5 and not Luhn
    public void Un_siret_invalide_est_refuse(string saisie) =>
        Siret.EstValide(Siret.Normaliser(saisie)).ShouldBeFalse();

    [Fact]
    public void Une_structure_refuse_un_siret_invalide_avec_un_message_francais()
    {
        var structure = new Structure(Guid.CreateVersion7(), "Chantier", TypeStructure.Aci);

        var erreur = Should.Throw<RegleMetierException>(() => structure.Modifier("Chantier", TypeStructure.Aci, "12345678901234", null, null));

        erreur.Message.ShouldContain("SIRET");
        structure.Siret.ShouldBeNull();
    }
}
