using Microsoft.AspNetCore.WebUtilities;

namespace Passerelle.Features.Shared;

public sealed class ModelePagination(string chemin, IQueryCollection requete, int page, int nombrePages, int total, int premier, int dernier)
{
    public int Page => page;
    public int NombrePages => nombrePages;
    public int Total => total;
    public int Premier => premier;
    public int Dernier => dernier;

    public static ModelePagination Pour<T>(HttpRequest requete, PageDe<T> resultat) =>
        new(requete.Path, requete.Query, resultat.Page, resultat.NombrePages, resultat.Total, resultat.Premier, resultat.Dernier);

    public string Url(int numero)
    {
        var valeurs = requete.Where(q => q.Key != "p").ToDictionary(q => q.Key, q => q.Value);
        valeurs["p"] = numero.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString(chemin, valeurs);
    }

    public IEnumerable<int> PagesAffichees()
    {
        var debut = Math.Max(1, page - 2);
        var fin = Math.Min(nombrePages, page + 2);
        return Enumerable.Range(debut, fin - debut + 1);
    }
}
