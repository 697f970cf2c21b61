using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Passerelle.Features.Beneficiaires;

namespace Passerelle.Features.Api;

/// <summary>
/// How every endpoint reads a JSON body's text fields and answers a refusal. Values arrive as text so that a
/// wrong one gets a French message on its field instead of a bare 400 from the serializer.
/// </summary>
public static class LectureApi
{
    /// <summary>Out of scope, other département or unknown: the same answer, so that existence never leaks.</summary>
    public static ProblemHttpResult Introuvable(string message) =>
        TypedResults.Problem(message, statusCode: StatusCodes.Status404NotFound, title: "Dossier introuvable");

    public static ProblemHttpResult Introuvable() => Introuvable(ApiBeneficiaires.MessageIntrouvable);

    /// <summary>A rule of the domain refused the change: nothing was written.</summary>
    public static ProblemHttpResult Refus(string message) =>
        TypedResults.Problem(message, statusCode: StatusCodes.Status400BadRequest, title: "Requête refusée");

    /// <summary>A declared name of the enum, case ignored: no numbers, no combinations, not "Aucun".</summary>
    public static T? LireEnum<T>(string? valeur, string champ, string message, Dictionary<string, string[]> erreurs) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(valeur))
        {
            return null;
        }

        var nom = Enum.GetNames<T>().FirstOrDefault(n => n != "Aucun" && string.Equals(n, valeur.Trim(), StringComparison.OrdinalIgnoreCase));
        if (nom is null)
        {
            erreurs[champ] = erreurs.TryGetValue(champ, out var deja) ? [.. deja, message] : [message];
            return null;
        }

        return Enum.Parse<T>(nom);
    }

    /// <summary>An ISO date (aaaa-mm-jj); an empty value is null, or an error on the field when <paramref name="obligatoire"/>.</summary>
    public static DateOnly? LireDate(string? valeur, string champ, string libelle, Dictionary<string, string[]> erreurs, bool obligatoire = false)
    {
        if (string.IsNullOrWhiteSpace(valeur))
        {
            if (obligatoire)
            {
                erreurs[champ] = [$"{libelle} est obligatoire (aaaa-mm-jj)."];
            }

            return null;
        }

        if (DateOnly.TryParseExact(valeur.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        erreurs[champ] = [$"{libelle} doit être au format aaaa-mm-jj."];
        return null;
    }
}
