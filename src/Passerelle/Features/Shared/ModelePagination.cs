using Microsoft.AspNetCore.WebUtilities;

namespace Passerelle.Features.Shared;

/// <param name="apresPageSuivante">For a list paged by keyset: the id of the page's last row, carried by the "next page" link only.</param>
public sealed class ModelePagination(
    string chemin, IQueryCollection requete, int page, int nombrePages, int total, int premier, int dernier, Guid? apresPageSuivante = null)
{
    public int Page => page;
    public int NombrePages => nombrePages;
    public int Total => total;
    public int Premier => premier;
    public int Dernier => dernier;

    public static ModelePagination Pour<T>(HttpRequest requete, PageDe<T> resultat, Guid? apresPageSuivante = null) =>
        new(requete.Path, requete.Query, resultat.Page, resultat.NombrePages, resultat.Total, resultat.Premier, resultat.Dernier, apresPageSuivante);

    public string Url(int numero)
    {
        var valeurs = requete.Where(q => q.Key is not ("p" or "apres")).ToDictionary(q => q.Key, q => q.Value);
        valeurs["p"] = numero.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString(chemin, valeurs);
    }

    public string UrlSuivante() =>
        apresPageSuivante is { } apres ? QueryHelpers.AddQueryString(Url(page + 1), "apres", apres.ToString()) : Url(page + 1);

    public IEnumerable<int> PagesAffichees()
    {
        var debut = Math.Max(1, page - 2);
        var fin = Math.Min(nombrePages, page + 2);
        return Enumerable.Range(debut, fin - debut + 1);
    }
}
