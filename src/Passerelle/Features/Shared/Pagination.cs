using Microsoft.EntityFrameworkCore;

namespace Passerelle.Features.Shared;

/// <summary>One page of a list, counted and cut in the database.</summary>
public sealed record PageDe<T>(IReadOnlyList<T> Elements, int Page, int TaillePage, int Total)
{
    public int NombrePages => Math.Max(1, (int)Math.Ceiling(Total / (double)TaillePage));
    public bool EstVide => Total == 0;
    public int Premier => Total == 0 ? 0 : ((Page - 1) * TaillePage) + 1;
    public int Dernier => Math.Min(Page * TaillePage, Total);
}

public static class Pagination
{
    public const int TailleParDefaut = 25;

    public static async Task<PageDe<T>> PaginerAsync<T>(this IQueryable<T> requete, int page, int taillePage = TailleParDefaut, CancellationToken cancellationToken = default)
    {
        var total = await requete.CountAsync(cancellationToken);
        return await requete.PaginerAsync(page, total, taillePage, cancellationToken);
    }

    /// <summary>The same when the list's size is already known (counted with other figures in one query).</summary>
    public static async Task<PageDe<T>> PaginerAsync<T>(this IQueryable<T> requete, int page, int total, int taillePage, CancellationToken cancellationToken = default)
    {
        var nombrePages = Math.Max(1, (int)Math.Ceiling(total / (double)taillePage));
        var pageBornee = Math.Clamp(page, 1, nombrePages);
        var elements = await requete.Skip((pageBornee - 1) * taillePage).Take(taillePage).ToListAsync(cancellationToken);
        return new PageDe<T>(elements, pageBornee, taillePage, total);
    }
}
