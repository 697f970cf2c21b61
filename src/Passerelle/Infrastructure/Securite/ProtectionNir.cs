using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Passerelle.Domain;
using Passerelle.Domain.Identite;

namespace Passerelle.Infrastructure.Securite;

/// <summary>
/// Encrypts NIRs with AES-GCM and computes their lookup HMAC. Keys never live in the database: they
/// come from configuration (<c>Nir:CleActive</c>, <c>Nir:Cles:&lt;id&gt;</c>, <c>Nir:CleRecherche</c>, base64,
/// 32 bytes each) or, outside Production, from a key file generated on first use beside the SQLite database.
/// Old keys stay listed under <c>Nir:Cles</c> so that numbers encrypted before a rotation still decrypt.
/// </summary>
public sealed class ProtectionNir
{
    private const int TailleNonce = 12;
    private const int TailleTag = 16;

    private readonly string _cleActive;
    private readonly Dictionary<string, byte[]> _cles;
    private readonly byte[] _cleRecherche;

    public ProtectionNir(string cleActive, IReadOnlyDictionary<string, byte[]> cles, byte[] cleRecherche)
    {
        if (!cles.ContainsKey(cleActive))
        {
            throw new InvalidOperationException($"Nir:CleActive vaut « {cleActive} », qui n'est pas dans Nir:Cles.");
        }

        if (cles.Values.Any(c => c.Length != 32) || cleRecherche.Length != 32)
        {
            throw new InvalidOperationException("Les clés du NIR font 32 octets (256 bits), encodées en base64.");
        }

        _cleActive = cleActive;
        _cles = cles.ToDictionary(StringComparer.Ordinal);
        _cleRecherche = cleRecherche;
    }

    public NirProtege Proteger(Nir nir)
    {
        var clair = Encoding.ASCII.GetBytes(nir.Valeur);
        var resultat = new byte[TailleNonce + clair.Length + TailleTag];
        var nonce = resultat.AsSpan(0, TailleNonce);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_cles[_cleActive], TailleTag);
        aes.Encrypt(nonce, clair, resultat.AsSpan(TailleNonce, clair.Length), resultat.AsSpan(TailleNonce + clair.Length), AssociatedData(_cleActive));
        return new NirProtege(resultat, _cleActive, Empreinte(nir), nir.Masque, nir.EstTemporaire);
    }

    /// <summary>The lookup value of a NIR: the same number always gives the same value, whatever its spacing.</summary>
    public string Empreinte(Nir nir) =>
        Convert.ToBase64String(HMACSHA256.HashData(_cleRecherche, Encoding.ASCII.GetBytes(nir.Valeur)));

    public Nir Dechiffrer(byte[] chiffre, string cleId)
    {
        if (!_cles.TryGetValue(cleId, out var cle))
        {
            throw new InvalidOperationException($"La clé « {cleId} » du NIR n'est plus configurée (Nir:Cles).");
        }

        var longueur = chiffre.Length - TailleNonce - TailleTag;
        var clair = new byte[longueur];
        using var aes = new AesGcm(cle, TailleTag);
        aes.Decrypt(chiffre.AsSpan(0, TailleNonce), chiffre.AsSpan(TailleNonce, longueur), chiffre.AsSpan(TailleNonce + longueur), clair, AssociatedData(cleId));
        return Nir.Lire(Encoding.ASCII.GetString(clair));
    }

    private static byte[] AssociatedData(string cleId) => Encoding.UTF8.GetBytes("passerelle-nir:" + cleId);

    public static ProtectionNir Creer(IConfiguration configuration, IHostEnvironment environnement)
    {
        try
        {
            return Lire(configuration, environnement);
        }
        catch (Exception erreur) when (erreur is FormatException or JsonException)
        {
            throw new InvalidOperationException("Une clé du NIR n'est pas lisible : chaque clé fait 32 octets encodés en base64.", erreur);
        }
    }

    private static ProtectionNir Lire(IConfiguration configuration, IHostEnvironment environnement)
    {
        var section = configuration.GetSection("Nir");
        if (section["CleActive"] is { Length: > 0 } active)
        {
            var cles = section.GetSection("Cles").GetChildren().ToDictionary(c => c.Key, c => Convert.FromBase64String(c.Value ?? ""), StringComparer.Ordinal);
            var recherche = section["CleRecherche"] ?? throw new InvalidOperationException("Nir:CleRecherche est obligatoire avec Nir:CleActive.");
            return new ProtectionNir(active, cles, Convert.FromBase64String(recherche));
        }

        if (environnement.IsProduction())
        {
            throw new InvalidOperationException(
                "Les clés de chiffrement du NIR ne sont pas configurées (Nir:CleActive, Nir:Cles, Nir:CleRecherche) : voir docs/exploitation.md.");
        }

        return DepuisFichier(Path.Combine(environnement.ContentRootPath, "data", "cles-nir.json"));
    }

    /// <summary>Development and demo keys: a file outside the database, created once.</summary>
    private static ProtectionNir DepuisFichier(string chemin)
    {
        if (!File.Exists(chemin))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(chemin)!);
            var nouveau = new FichierCles("dev-1", new() { ["dev-1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) }, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            // Written aside then moved: another process never reads a half-written file.
            var temporaire = $"{chemin}.{Guid.NewGuid():N}.tmp";
            File.WriteAllText(temporaire, JsonSerializer.Serialize(nouveau));
            try
            {
                File.Move(temporaire, chemin, overwrite: false);
            }
            catch (IOException) when (File.Exists(chemin))
            {
                // Another process created it first: use theirs.
                File.Delete(temporaire);
            }
        }

        var fichier = JsonSerializer.Deserialize<FichierCles>(File.ReadAllText(chemin))
            ?? throw new InvalidOperationException($"Le fichier de clés du NIR est illisible : {chemin}.");
        return new ProtectionNir(fichier.CleActive, fichier.Cles.ToDictionary(c => c.Key, c => Convert.FromBase64String(c.Value), StringComparer.Ordinal), Convert.FromBase64String(fichier.CleRecherche));
    }

    private sealed record FichierCles(string CleActive, Dictionary<string, string> Cles, string CleRecherche);
}
