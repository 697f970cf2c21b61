using Passerelle.Infrastructure.Securite;

namespace Passerelle.Tests.Support;

/// <summary>
/// The NIR keys of every test: the demo template is encrypted with them, and the application under test
/// is configured with them, so that numbers written by one are read by the other.
/// </summary>
public static class ClesNirDeTest
{
    private const string CleActive = "test-1";
    private const string Cle = "ZM5fYOv/85eAhQ7iPFC/xhNPEqgg0P6mRiQl7QAcZ6s=";
    private const string CleRecherche = "5mrX0YraZ9SdLN0sbqPQ8cyQEG51tfqpF4c45dVFnCU=";

    public static ProtectionNir Protection { get; } =
        new(CleActive, new Dictionary<string, byte[]> { [CleActive] = Convert.FromBase64String(Cle) }, Convert.FromBase64String(CleRecherche));

    public static IEnumerable<KeyValuePair<string, string?>> Configuration { get; } = new Dictionary<string, string?>
    {
        ["Nir:CleActive"] = CleActive,
        [$"Nir:Cles:{CleActive}"] = Cle,
        ["Nir:CleRecherche"] = CleRecherche,
    };
}
