using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Passerelle.Demo;

namespace Passerelle.Tests.Support;

/// <summary>A browser-like client: keeps cookies, reads forms and their antiforgery token, posts them.</summary>
public sealed class ClientPasserelle(HttpClient http) : IDisposable
{
    private static readonly HtmlParser Analyseur = new();

    public HttpClient Http => http;

    public static string Email(string identifiant) => $"{identifiant}@{ChargeurDemo.Domaine}";

    public async Task<HttpResponseMessage> ConnecterAsync(string identifiant, string motDePasse = ChargeurDemo.MotDePasse)
    {
        var reponse = await PosterAsync("/connexion", new Dictionary<string, string>
        {
            ["Saisie.Email"] = identifiant.Contains('@', StringComparison.Ordinal) ? identifiant : Email(identifiant),
            ["Saisie.MotDePasse"] = motDePasse,
        });
        return reponse;
    }

    public async Task<(HttpResponseMessage Reponse, IHtmlDocument Document)> PageAsync(string url)
    {
        var reponse = await http.GetAsync(url);
        var document = Analyseur.ParseDocument(await reponse.Content.ReadAsStringAsync());
        return (reponse, document);
    }

    /// <summary>GETs <paramref name="url"/>, takes the antiforgery token of its first POST form, and posts the fields to the form's action.</summary>
    public async Task<HttpResponseMessage> PosterAsync(string url, IEnumerable<KeyValuePair<string, string>> champs, string? action = null)
    {
        var (reponse, document) = await PageAsync(url);
        if (reponse.StatusCode != HttpStatusCode.OK)
        {
            return reponse;
        }

        var formulaire = document.QuerySelectorAll<IHtmlFormElement>("form[method=post]")
            .FirstOrDefault(f => f.QuerySelector("button[type=submit]") is not null && f.GetAttribute("action") is null or "")
            ?? document.QuerySelector<IHtmlFormElement>("form[method=post]")
            ?? throw new InvalidOperationException($"Aucun formulaire POST sur {url}.");
        var jeton = formulaire.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value
            ?? throw new InvalidOperationException($"Pas de jeton antiforgery sur {url}.");
        var valeurs = new List<KeyValuePair<string, string>>(champs) { new("__RequestVerificationToken", jeton) };
        using var contenu = new FormUrlEncodedContent(valeurs);
        return await http.PostAsync(action ?? url, contenu);
    }

    public static async Task<IHtmlDocument> DocumentAsync(HttpResponseMessage reponse) =>
        Analyseur.ParseDocument(await reponse.Content.ReadAsStringAsync());

    public void Dispose() => http.Dispose();
}
