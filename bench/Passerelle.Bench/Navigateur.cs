using System.Net;
using System.Text.RegularExpressions;

namespace Passerelle.Bench;

/// <summary>
/// One browser session over plain HTTP. Outside Development the application's cookies are Secure; the bench speaks
/// to it as a TLS-terminating reverse proxy would (<c>X-Forwarded-Proto: https</c>, which the application believes
/// from loopback), and keeps its cookies itself, since an HTTP client's own jar never sends a Secure cookie over http.
/// </summary>
internal sealed partial class Navigateur(HttpClient http, Uri adresse)
{
    public const string MotDePasse = "Demo-Passerelle-2026";

    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    /// <summary>The antiforgery token of this session's forms, once a form has been read.</summary>
    public string? Jeton { get; private set; }

    public sealed record Reponse(HttpStatusCode Statut, string Corps, string? Redirection);

    public Task<Reponse> GetAsync(string chemin, CancellationToken arret) =>
        EnvoyerAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(adresse, chemin)), arret);

    public Task<Reponse> PostAsync(string chemin, IEnumerable<KeyValuePair<string, string>> champs, CancellationToken arret) =>
        EnvoyerAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(adresse, chemin))
        {
            Content = new FormUrlEncodedContent([.. champs, new("__RequestVerificationToken", Jeton ?? "")]),
        }, arret);

    /// <summary>Signs in through the login form, as a person would: the form, its token, the redirect home.</summary>
    public async Task ConnecterAsync(string identifiant, CancellationToken arret)
    {
        await LireFormulaireAsync("/connexion", arret);
        var reponse = await PostAsync("/connexion", [new("Saisie.Email", $"{identifiant}@passerelle.test"), new("Saisie.MotDePasse", MotDePasse)], arret);
        if (reponse.Statut != HttpStatusCode.Redirect || !_cookies.Keys.Any(c => c.StartsWith("passerelle", StringComparison.Ordinal) && c != "passerelle-af"))
        {
            throw new InvalidOperationException($"La connexion de {identifiant} a échoué (HTTP {(int)reponse.Statut}).");
        }

        // A new sign-in changes the antiforgery token's user: forms read before are stale.
        Jeton = null;
    }

    /// <summary>Reads a page with a form and keeps its antiforgery token.</summary>
    public async Task LireFormulaireAsync(string chemin, CancellationToken arret)
    {
        var reponse = await GetAsync(chemin, arret);
        var jeton = JetonFormulaire().Match(reponse.Corps);
        if (reponse.Statut != HttpStatusCode.OK || !jeton.Success)
        {
            throw new InvalidOperationException($"{chemin} : pas de formulaire (HTTP {(int)reponse.Statut}).");
        }

        Jeton = WebUtility.HtmlDecode(jeton.Groups[1].Value);
    }

    private async Task<Reponse> EnvoyerAsync(HttpRequestMessage requete, CancellationToken arret)
    {
        using (requete)
        {
            requete.Headers.Add("X-Forwarded-Proto", "https");
            if (_cookies.Count > 0)
            {
                requete.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            }

            using var reponse = await http.SendAsync(requete, arret);
            var corps = await reponse.Content.ReadAsStringAsync(arret);
            if (reponse.Headers.TryGetValues("Set-Cookie", out var cookies))
            {
                foreach (var cookie in cookies)
                {
                    Retenir(cookie);
                }
            }

            return new Reponse(reponse.StatusCode, corps, reponse.Headers.Location?.OriginalString);
        }
    }

    private void Retenir(string enTete)
    {
        var parties = enTete.Split(';', StringSplitOptions.TrimEntries);
        var nomValeur = parties[0].Split('=', 2);
        var efface = nomValeur.Length < 2 || nomValeur[1].Length == 0
            || parties.Any(p => p.StartsWith("expires=", StringComparison.OrdinalIgnoreCase)
                && DateTimeOffset.TryParse(p["expires=".Length..], System.Globalization.CultureInfo.InvariantCulture, out var date) && date < DateTimeOffset.UtcNow);
        if (efface)
        {
            _cookies.Remove(nomValeur[0]);
        }
        else
        {
            _cookies[nomValeur[0]] = nomValeur[1];
        }
    }

    [GeneratedRegex("""<input[^>]*name="__RequestVerificationToken"[^>]*value="([^"]+)""")]
    private static partial Regex JetonFormulaire();
}
