using System.Diagnostics;
using Passerelle.Tests.Support;

namespace Passerelle.Tests.Features;

/// <summary>The executable's commands, run as a separate process from the built assembly.</summary>
public sealed class CommandesTests
{
    private static Task<(int Code, string Sortie, string Erreurs)> ExecuterAsync(params string[] arguments) =>
        ExecuterDansAsync("Production", arguments);

    private static async Task<(int Code, string Sortie, string Erreurs)> ExecuterDansAsync(string environnement, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Passerelle.dll"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = environnement;
        using var processus = Process.Start(info)!;
        var sortie = processus.StandardOutput.ReadToEndAsync();
        var erreurs = processus.StandardError.ReadToEndAsync();
        await processus.WaitForExitAsync();
        return (processus.ExitCode, await sortie, await erreurs);
    }

    [Theory]
    [InlineData("importer")]
    [InlineData("migrate", "--vite")]
    public async Task Une_commande_inconnue_affiche_l_aide_et_sort_avec_le_code_2(params string[] arguments)
    {
        var (code, _, erreurs) = await ExecuterAsync(arguments);

        code.ShouldBe(2);
        erreurs.ShouldContain("Usage : Passerelle");
    }

    [Fact]
    public async Task Migrate_puis_demo_chargent_une_base_vide_et_demo_refuse_ensuite()
    {
        var chemin = Path.Combine(Path.GetTempPath(), $"passerelle-commande-{Guid.NewGuid():N}.db");
        var connexion = $"--ConnectionStrings:Passerelle=Data Source={chemin}";
        try
        {
            (await ExecuterAsync("migrate", connexion)).Code.ShouldBe(0);
            var enProduction = await ExecuterAsync("demo", connexion);
            var demo = await ExecuterDansAsync("Development", "demo", connexion);
            var encore = await ExecuterDansAsync("Development", "demo", connexion);

            enProduction.Code.ShouldBe(1);
            enProduction.Erreurs.ShouldContain("interdite en production");
            demo.Code.ShouldBe(0, demo.Erreurs);
            encore.Code.ShouldBe(1);
            encore.Erreurs.ShouldContain("contient déjà des données");
            var base_ = new BaseDeTest(Passerelle.Data.Fournisseur.Sqlite, $"Data Source={chemin};Pooling=false");
            (await base_.DepartementAsync("15")).ShouldNotBe(Guid.Empty);
        }
        finally
        {
            File.Delete(chemin);
        }
    }

    [Fact]
    public async Task La_demo_est_refusee_au_demarrage_en_production()
    {
        var (code, sortie, erreurs) = await ExecuterAsync("--Demo:Enabled=true", "--urls=http://127.0.0.1:0");

        code.ShouldBe(1);
        (sortie + erreurs).ShouldContain("interdit en production");
    }

    [Fact]
    public async Task La_production_refuse_de_demarrer_sans_les_cles_du_NIR()
    {
        var (code, sortie, erreurs) = await ExecuterAsync("--urls=http://127.0.0.1:0", "--ConnectionStrings:Passerelle=Data Source=:memory:");

        code.ShouldBe(1);
        (sortie + erreurs).ShouldContain("clés de chiffrement du NIR ne sont pas configurées");
    }
}
