using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Tests.Support;

namespace Passerelle.Tests.Data;

public sealed class ModeleTests
{
    /// <summary>
    /// Every IgnoreQueryFilters of the application, with why it is safe. A new one fails this test
    /// until it is added here with its justification.
    /// </summary>
    private static readonly Dictionary<string, string> IgnoreQueryFiltersJustifies = new()
    {
        ["Infrastructure/Auth/Identite.cs#AgentUserStore"] =
            "Signing in finds the account by email or id before any département is current; only Identity's look-ups use it.",
        ["Infrastructure/Auth/Identite.cs#AgentClaimsPrincipalFactory"] =
            "The agent's structure name is read for the cookie, restricted to the agent's own département.",
        ["Demo/ChargeurDemo.cs#BaseContientDesDonneesAsync"] =
            "The demo command checks whether any account exists at all, across départements.",
        ["Features/Plateforme/Index.cshtml.cs#IndexModel"] =
            "The platform administrator counts accounts per département without reading them.",
        ["Features/Chiffres/CatalogueChiffres.cs#DuDepartement"] =
            "Every figure takes its département as a parameter and filters on it explicitly, whatever the ambient one.",
        ["Infrastructure/Courriel/EnvoiMessagesSortants.cs#EnvoiMessagesSortants"] =
            "The outbox job runs outside any request and sends the messages of every département; it reads and marks the outbox only.",
        ["Data/SuiviCourant.cs#Designees"] =
            "The people to recompute are named by the caller (ids just saved, one département, the demo), and a command has no current département.",
        ["Features/Contrats/EcheancesContrats.cs#EcheancesContrats"] =
            "The due dates read the contract settings of the départements of the people already found in the caller's scope, so that a job gets the same answer.",
    };

    [Theory]
    [InlineData(Fournisseur.Sqlite)]
    [InlineData(Fournisseur.Postgres)]
    public void Le_modele_n_a_aucune_modification_sans_migration(Fournisseur fournisseur)
    {
        // No database is opened: the model is compared with the provider's last snapshot.
        using var db = new BaseDeTest(fournisseur, fournisseur == Fournisseur.Sqlite ? "Data Source=:memory:" : "Host=localhost;Database=aucune").Contexte();

        db.Database.HasPendingModelChanges().ShouldBeFalse($"Générez une migration {fournisseur} avec dotnet ef migrations add.");
    }

    [Fact]
    public void Chaque_entite_qui_a_un_departement_porte_le_filtre_nomme()
    {
        using var db = new BaseDeTest(Fournisseur.Sqlite, "Data Source=:memory:").Contexte();
        var entites = db.Model.GetEntityTypes().Where(e => e.FindProperty(nameof(IAppartientAuDepartement.DepartementId)) is not null).ToList();

        entites.Count.ShouldBeGreaterThanOrEqualTo(8);
        foreach (var entite in entites)
        {
            entite.GetDeclaredQueryFilters().Select(f => f.Key).ShouldContain(PasserelleDbContext.FiltreDepartement, $"{entite.ClrType.Name} n'a pas le filtre de département.");
        }
    }

    [Fact]
    public void Chaque_IgnoreQueryFilters_du_code_est_justifie()
    {
        var racine = Path.Combine(Environnement.RacineDuDepot(), "src", "Passerelle");
        var trouves = Directory.EnumerateFiles(racine, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f)
                .Where(l => l.Contains("IgnoreQueryFilters(", StringComparison.Ordinal) && !l.TrimStart().StartsWith("//", StringComparison.Ordinal))
                .Select(_ => Path.GetRelativePath(racine, f).Replace(Path.DirectorySeparatorChar, '/')))
            .GroupBy(f => f)
            .ToDictionary(g => g.Key, g => g.Count());

        trouves.OrderBy(t => t.Key).ShouldBe(
            IgnoreQueryFiltersJustifies.GroupBy(j => j.Key.Split('#')[0]).ToDictionary(g => g.Key, g => g.Count()).OrderBy(t => t.Key),
            "Chaque IgnoreQueryFilters doit figurer, justifié, dans ce test (fichier#type ou méthode).");
    }
}
