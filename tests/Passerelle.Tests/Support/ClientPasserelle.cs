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

    /// <summary>
    /// The antiforgery token of any POST form of <paramref name="url"/> (the sign-out form of the header will do):
    /// to post where the page shows no form, such as another département's record or a forbidden page.
    /// </summary>
    public async Task<string> JetonAsync(string url = "/")
    {
        var (_, document) = await PageAsync(url);
        return document.QuerySelector<IHtmlInputElement>("form[method=post] input[name=__RequestVerificationToken]")?.Value
            ?? throw new InvalidOperationException($"Pas de jeton antiforgery sur {url}.");
    }

    /// <summary>Posts the fields to <paramref name="url"/> with a token read from <paramref name="pageDuJeton"/>, without GETting <paramref name="url"/> first.</summary>
    public async Task<HttpResponseMessage> PosterDirectementAsync(string url, IEnumerable<KeyValuePair<string, string>> champs, string pageDuJeton = "/")
    {
        var valeurs = new List<KeyValuePair<string, string>>(champs) { new("__RequestVerificationToken", await JetonAsync(pageDuJeton)) };
        using var contenu = new FormUrlEncodedContent(valeurs);
        return await http.PostAsync(url, contenu);
    }

    public static async Task<IHtmlDocument> DocumentAsync(HttpResponseMessage reponse) =>
        Analyseur.ParseDocument(await reponse.Content.ReadAsStringAsync());

    public void Dispose() => http.Dispose();
}
