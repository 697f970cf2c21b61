using Passerelle.Infrastructure.Securite;

namespace Passerelle.Tests.Support;

/// <summary>
/// The NIR keys of every test: the demo template is encrypted with them, and the application under test
/// is configured with them, so that numbers written by one are read by the other.
/// </summary>
public static class ClesNirDeTest
{
    private const string CleActive = "test-1";
    // Drawn once per test run: the template and every test host of the run share them, nothing else does.
    private static readonly string Cle = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    private static readonly string CleRecherche = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public static ProtectionNir Protection { get; } =
        new(CleActive, new Dictionary<string, byte[]> { [CleActive] = Convert.FromBase64String(Cle) }, Convert.FromBase64String(CleRecherche));

    public static IEnumerable<KeyValuePair<string, string?>> Configuration { get; } = new Dictionary<string, string?>
    {
        ["Nir:CleActive"] = CleActive,
        [$"Nir:Cles:{CleActive}"] = Cle,
        ["Nir:CleRecherche"] = CleRecherche,
    };
}
