using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Passerelle.Bench;

/// <summary>
/// A key page: who asks for it, how, and what its answer must hold to count as served (a 200 that is the page itself,
/// not the login page or an error page).
/// </summary>
internal sealed record PageCle(
    string Cle, string Libelle, string? Compte, string? Formulaire, string Marqueur,
    Func<Navigateur, int, CancellationToken, Task<Navigateur.Reponse>> Demander)
{
    public bool Servie(Navigateur.Reponse reponse) =>
        reponse.Statut == System.Net.HttpStatusCode.OK && reponse.Corps.Contains(Marqueur, StringComparison.Ordinal);
}

internal static partial class Pages
{
    public static IReadOnlyList<PageCle> Cles(JeuDeDonnees donnees)
    {
        var code = JeuDeDonnees.Departement;
        return
        [
            new("recherche", "Recherche par nom", JeuDeDonnees.Referent, "/beneficiaires", "id=\"titre-personnes\"",
                (n, _, arret) => n.PostAsync("/beneficiaires", [new("Criteres.Nom", donnees.NomRecherche)], arret)),
            // Its last section: the whole page was rendered.
            new("dossier", "Dossier", JeuDeDonnees.Referent, null, "id=\"titre-documents\"",
                (n, i, arret) => n.GetAsync($"/beneficiaires/{donnees.Dossiers[i % donnees.Dossiers.Count]}", arret)),
            // The dossier's full history, on its own page since it reads every table of the person.
            new("chronologie", "Chronologie du dossier", JeuDeDonnees.Referent, null, "id=\"titre-chronologie\"",
                (n, i, arret) => n.GetAsync($"/beneficiaires/{donnees.Dossiers[i % donnees.Dossiers.Count]}/chronologie", arret)),
            new("portefeuille", "Portefeuille", JeuDeDonnees.Referent, null, "id=\"titre-portefeuille\"",
                (n, _, arret) => n.GetAsync("/portefeuille", arret)),
            new("orientation", "File d'orientation", JeuDeDonnees.AgentOrientation, null, "id=\"titre-file\"",
                (n, _, arret) => n.GetAsync("/orientation", arret)),
            new("recues", "Prescriptions reçues (opérateur)", JeuDeDonnees.Operateur, null, "<h1>Prescriptions reçues</h1>",
                (n, _, arret) => n.GetAsync("/prescriptions/recues", arret)),
            new("offre", "Portail public de l'offre", null, null, "id=\"titre-actions\"",
                (n, _, arret) => n.GetAsync($"/offre/{code}", arret)),
            new("flux", "Flux data·inclusion", null, null, "\"items\"",
                (n, _, arret) => n.GetAsync($"/api/v1/offre/{code}/services", arret)),
        ];
    }

    /// <summary>How many rows the page shows, and the total it announces (a list's count, a feed's total).</summary>
    public static (int Lignes, int? Total) Contenu(string corps)
    {
        if (corps.StartsWith('{'))
        {
            using var json = JsonDocument.Parse(corps);
            return (json.RootElement.GetProperty("items").GetArrayLength(), json.RootElement.GetProperty("total").GetInt32());
        }

        var lignes = CorpsTableau().Matches(corps).Sum(m => LigneTableau().Count(m.Value));
        var total = TotalLegende().Match(corps) is { Success: true } legende ? legende
            : TotalActions().Match(corps) is { Success: true } actions ? actions
            : null;
        return (lignes, total is null ? null : int.Parse(total.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex("<tbody>.*?</tbody>", RegexOptions.Singleline)]
    private static partial Regex CorpsTableau();

    [GeneratedRegex("<tr[ >]")]
    private static partial Regex LigneTableau();

    // "(1 756)" or, past the search's maximum, "(plus de 200)".
    [GeneratedRegex(@"<caption[^>]*>[^<]*\((?:plus de )?(\d+)\)")]
    private static partial Regex TotalLegende();

    [GeneratedRegex(@"(\d+) actions?\b")]
    private static partial Regex TotalActions();
}
