namespace Passerelle.Infrastructure.Hosting;

public enum Commande
{
    Serveur,
    Migrer,
    Demo,
    Generer,
}

/// <summary>What the <c>generer</c> command fills: a département's code, how many people, the seed of the draws.</summary>
public sealed record OptionsGeneration(string Departement, int Personnes, int Graine);

/// <summary>
/// The command line: no command starts the web server; <c>migrate</c> and <c>demo</c> work on the
/// database and exit. Configuration options (<c>--Cle=valeur</c>, <c>--urls</c>…) go to the host.
/// </summary>
public sealed record LigneDeCommande(Commande Commande, bool Remplacer, string[] ArgumentsHote, string? Erreur)
{
    /// <summary>The <c>generer</c> command's options; null for the other commands.</summary>
    public OptionsGeneration? Generation { get; init; }

    public const string Usage = """
        Usage : Passerelle [commande] [options]

        Sans commande, Passerelle démarre le serveur web.

        Commandes :
          migrate               applique les migrations de la base de données et charge le référentiel des communes
          demo [--remplacer]    charge la démonstration dans une base migrée et vide ;
                                --remplacer efface d'abord toute la base (à ne jamais utiliser en production)
          generer --departement <code> --personnes <nombre> [--graine <n>]
                                ajoute à un département existant des personnes générées et trois ans
                                d'historique (mesures de performance ; à ne jamais utiliser en production)

        Options de configuration, pour le serveur comme pour les commandes :
          --urls <adresses>                        adresses d'écoute du serveur
          --environment <nom>                      Development ou Production
          --Database:Provider=<Sqlite|Postgres>    fournisseur de base de données
          --ConnectionStrings:Passerelle=<chaîne>  chaîne de connexion
          --Demo:Enabled=<true|false>              démonstration au démarrage (développement uniquement)
        """;

    private static readonly HashSet<string> OptionsHote = new(StringComparer.OrdinalIgnoreCase)
    {
        "urls", "environment", "contentRoot", "applicationName", "launch-profile",
    };

    public static LigneDeCommande Lire(string[] args)
    {
        var commande = Commande.Serveur;
        var remplacer = false;
        string? departement = null;
        int? personnes = null;
        var graine = 1;
        var hote = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var argument = args[i];
            if (!argument.StartsWith('-'))
            {
                if (i != 0)
                {
                    return Refus($"Argument inattendu : « {argument} ».");
                }

                switch (argument)
                {
                    case "migrate":
                        commande = Commande.Migrer;
                        break;
                    case "demo":
                        commande = Commande.Demo;
                        break;
                    case "generer":
                        commande = Commande.Generer;
                        break;
                    default:
                        return Refus($"Commande inconnue : « {argument} ».");
                }

                continue;
            }

            if (argument == "--remplacer")
            {
                if (commande != Commande.Demo)
                {
                    return Refus("L'option --remplacer ne s'emploie qu'avec la commande demo.");
                }

                remplacer = true;
                continue;
            }

            if (argument is "--departement" or "--personnes" or "--graine")
            {
                if (commande != Commande.Generer)
                {
                    return Refus($"L'option {argument} ne s'emploie qu'avec la commande generer.");
                }

                if (i + 1 >= args.Length)
                {
                    return Refus($"L'option « {argument} » attend une valeur.");
                }

                var valeur = args[++i];
                if (argument == "--departement")
                {
                    departement = valeur;
                    continue;
                }

                if (!int.TryParse(valeur, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var nombre)
                    || (argument == "--personnes" && (nombre < 1 || nombre > PersonnesMaximum)))
                {
                    return Refus(argument == "--personnes"
                        ? $"--personnes attend un nombre entier de 1 à {PersonnesMaximum} (reçu « {valeur} »)."
                        : $"--graine attend un nombre entier positif (reçu « {valeur} »).");
                }

                if (argument == "--personnes")
                {
                    personnes = nombre;
                }
                else
                {
                    graine = nombre;
                }

                continue;
            }

            var cle = argument.TrimStart('-').Split('=', 2)[0];
            if (!argument.StartsWith("--", StringComparison.Ordinal) || (!cle.Contains(':', StringComparison.Ordinal) && !OptionsHote.Contains(cle)))
            {
                return Refus($"Option inconnue : « {argument} ».");
            }

            hote.Add(argument);
            if (!argument.Contains('=', StringComparison.Ordinal))
            {
                if (i + 1 >= args.Length)
                {
                    return Refus($"L'option « {argument} » attend une valeur.");
                }

                hote.Add(args[++i]);
            }
        }

        if (commande != Commande.Generer)
        {
            return new LigneDeCommande(commande, remplacer, [.. hote], null);
        }

        if (string.IsNullOrWhiteSpace(departement) || personnes is null)
        {
            return Refus("La commande generer attend --departement <code> et --personnes <nombre>.");
        }

        return new LigneDeCommande(commande, false, [.. hote], null) { Generation = new OptionsGeneration(departement.Trim(), personnes.Value, graine) };
    }

    public const int PersonnesMaximum = 1_000_000;

    private static LigneDeCommande Refus(string message) => new(Commande.Serveur, false, [], message);
}
