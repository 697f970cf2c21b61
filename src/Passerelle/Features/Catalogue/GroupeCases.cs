namespace Passerelle.Features.Catalogue;

/// <summary>
/// A list of check boxes posted under one name (<c>Saisie.{Champ}</c>), in a fieldset whose legend names it. A record
/// rather than a tuple: the partial reads its members by name.
/// </summary>
public sealed record GroupeCases(string Champ, string Legende, string? Aide, IReadOnlyList<(string Valeur, string Libelle)> Options, IEnumerable<string> Cochees)
{
    public static GroupeCases De<T>(string champ, string legende, string? aide, IEnumerable<(T Valeur, string Libelle)> options, IEnumerable<T> cochees)
        where T : notnull =>
        new(champ, legende, aide, options.Select(o => (o.Valeur.ToString()!, o.Libelle)).ToList(), cochees.Select(c => c.ToString()!).ToList());
}
