using System.Globalization;

namespace Passerelle.Bench;

/// <summary>The bench's command line. Every option has a default: the bare command runs the whole bench.</summary>
internal sealed record OptionsBanc(
    IReadOnlyList<int> Tailles, int DureeSecondes, int Requetes, string? Connexion, bool SansGeneration, bool RapportSeul)
{
    public const string Usage = """
        Usage : dotnet run -c Release --project bench/Passerelle.Bench -- [options]

        Sans option : un cluster PostgreSQL jetable, 20 000 puis 200 000 personnes, toutes les mesures,
        bench/results/<date>-<commit>.json et le tableau de docs/performance.md.

        Options :
          --tailles <n,n…>       nombres de personnes générées dans le Calvados (14), une base neuve chacun (20000,200000)
          --duree <secondes>     durée de la charge mixte de 16 clients (30)
          --requetes <n>         requêtes mesurées par page et par nombre de clients (300)
          --connexion <chaîne>   un serveur PostgreSQL existant (un rôle qui crée des bases) au lieu d'un cluster jetable
          --sans-generation      la démonstration seule, sans la commande generer (une seule série de mesures)
          --rapport              régénère seulement le tableau de docs/performance.md depuis bench/results/*.json
        """;

    public static (OptionsBanc? Options, string? Erreur) Lire(string[] args)
    {
        List<int> tailles = [20_000, 200_000];
        var duree = 30;
        var requetes = 300;
        string? connexion = null;
        var sansGeneration = false;
        var rapport = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Valeur() => i + 1 < args.Length ? args[++i] : throw new FormatException($"L'option {args[i]} attend une valeur.");
            try
            {
                switch (args[i])
                {
                    case "--tailles":
                        tailles = Valeur().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Entier).ToList();
                        break;
                    case "--duree":
                        duree = Entier(Valeur());
                        break;
                    case "--requetes":
                        requetes = Entier(Valeur());
                        break;
                    case "--connexion":
                        connexion = Valeur();
                        break;
                    case "--sans-generation":
                        sansGeneration = true;
                        break;
                    case "--rapport":
                        rapport = true;
                        break;
                    default:
                        return (null, $"Option inconnue : « {args[i]} ».");
                }
            }
            catch (FormatException erreur)
            {
                return (null, erreur.Message);
            }
        }

        if (tailles.Count == 0 || duree < 1 || requetes < 8)
        {
            return (null, "Il faut au moins une taille, une durée d'au moins une seconde et au moins 8 requêtes par mesure.");
        }

        // Without the generator every size would measure the same demo: one series is enough.
        return (new OptionsBanc(sansGeneration ? [0] : tailles, duree, requetes, connexion, sansGeneration, rapport), null);
    }

    private static int Entier(string texte) =>
        int.TryParse(texte.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new FormatException($"« {texte} » n'est pas un nombre entier positif.");
}
