using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Passerelle.Bench;

/// <summary>One run, as written to bench/results/&lt;date&gt;-&lt;commit&gt;.json.</summary>
internal sealed record ResultatsBanc(
    string Commit, bool ArbreModifie, DateTime Date, Machine Machine, InfosPostgres Postgresql, Conditions Conditions,
    IReadOnlyList<ResultatTaille> Tailles, IReadOnlyList<Verdict> Cibles)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // French text stays readable in the file.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Ecrire(string racine)
    {
        var dossier = Path.Combine(racine, "bench", "results");
        Directory.CreateDirectory(dossier);
        var chemin = Path.Combine(dossier, $"{Date:yyyy-MM-dd}-{Commit[..Math.Min(7, Commit.Length)]}.json");
        File.WriteAllText(chemin, JsonSerializer.Serialize(this, Json) + "\n");
        return chemin;
    }

    public static IEnumerable<ResultatsBanc> Lire(string racine)
    {
        var dossier = Path.Combine(racine, "bench", "results");
        return !Directory.Exists(dossier)
            ? []
            : Directory.GetFiles(dossier, "*.json").Select(f => JsonSerializer.Deserialize<ResultatsBanc>(File.ReadAllText(f), Json)!);
    }
}

/// <summary>The machine; <c>ChargeAuDepart</c> is the load average when the run began (others may share the machine).</summary>
internal sealed record Machine(int Coeurs, long MemoireMo, string Processeur, string Systeme, string Runtime, double? ChargeAuDepart)
{
    public static Machine Decrire()
    {
        static string? Champ(string fichier, string cle, char separateur) =>
            File.Exists(fichier)
                ? File.ReadLines(fichier).Where(l => l.StartsWith(cle, StringComparison.Ordinal)).Select(l => l.Split(separateur, 2)[1].Trim().Trim('"')).FirstOrDefault()
                : null;

        static string? Lire(string fichier) => File.Exists(fichier) ? File.ReadAllText(fichier).Trim() : null;

        var memoire = Champ("/proc/meminfo", "MemTotal", ':')?.Split(' ')[0];
        var charge = Lire("/proc/loadavg")?.Split(' ')[0];
        return new Machine(
            Environment.ProcessorCount,
            memoire is null ? 0 : long.Parse(memoire, CultureInfo.InvariantCulture) / 1024,
            Champ("/proc/cpuinfo", "model name", ':') ?? RuntimeInformation.ProcessArchitecture.ToString(),
            $"{Champ("/etc/os-release", "PRETTY_NAME", '=') ?? RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture}, noyau {Lire("/proc/sys/kernel/osrelease") ?? "?"})",
            RuntimeInformation.FrameworkDescription,
            charge is null ? null : double.Parse(charge, CultureInfo.InvariantCulture));
    }
}

internal sealed record InfosPostgres(string Version, bool ClusterDuBanc, IReadOnlyDictionary<string, string> Reglages, string Remarque);

internal sealed record Conditions(string GenerateurDeCharge, string Clients, int RequetesParMesure, int DureeMelangeSecondes, string Session, string Application);

internal sealed record ResultatTaille(
    int PersonnesGenerees, string Generation, double? DureeGenerationSecondes, int PersonnesDepartement, string NomRecherche,
    IReadOnlyList<PageMesuree> Pages, Latences Melange, ResultatPlancher Recherche, double MemoireMaxMo, IReadOnlyList<string> Erreurs);

internal sealed record PageMesuree(string Cle, string Libelle, int Lignes, int? Total, IReadOnlyList<Latences> Mesures)
{
    public Latences? A(int clients) => Mesures.FirstOrDefault(m => m.Clients == clients);
}

/// <summary>The search as bare SQL through Npgsql (the floor), and the application's search over it.</summary>
internal sealed record ResultatPlancher(int Requetes, double P50, double P95, double P99, double AppP50, double AppP95, double RapportP50, double RapportP95);

/// <summary>A target, what was measured against it, whether it is met (null: not measurable in this run) and by how much not.</summary>
internal sealed record Verdict(string Cible, string Mesure, bool? Atteinte, string? Ecart);
