using Microsoft.AspNetCore.Mvc;

namespace Passerelle.Infrastructure.Web;

public static class ReponsesErreur
{
    public static bool EstApi(HttpRequest requete) => requete.Path.StartsWithSegments("/api");

    /// <summary>Status for an unhandled exception: a request refused by Kestrel keeps its own (413, 400).</summary>
    public static int CodePour(Exception exception) => exception switch
    {
        BadHttpRequestException requete => requete.StatusCode,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static string Titre(int code) => code switch
    {
        400 => "Requête invalide",
        401 => "Authentification requise",
        403 => "Accès refusé",
        404 => "Page introuvable",
        405 => "Méthode non autorisée",
        409 => "Conflit de modification",
        413 => "Fichier trop volumineux",
        _ => "Erreur du serveur",
    };

    public static string Explication(int code) => code switch
    {
        400 => "La requête n'a pas pu être traitée. Si vous avez envoyé un formulaire, rechargez la page et recommencez.",
        401 => "Connectez-vous pour accéder à cette page.",
        403 => "Votre rôle ne permet pas d'accéder à cette page.",
        404 => "La page demandée n'existe pas ou n'est pas accessible.",
        405 => "Cette action n'est pas possible à cette adresse.",
        413 => "L'envoi dépasse la taille autorisée : un document ne peut pas dépasser 10 Mo. Revenez à la page précédente et choisissez un fichier plus petit.",
        _ => "Une erreur inattendue est survenue. L'équipe technique peut la retrouver grâce à la référence ci-dessous.",
    };

    public static Task EcrireProblemeAsync(HttpContext contexte, int code)
    {
        contexte.Response.StatusCode = code;
        return contexte.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = contexte,
            ProblemDetails = new ProblemDetails { Status = code, Title = Titre(code), Detail = Explication(code) },
        }).AsTask();
    }
}

public static class LimitesRequetes
{
    /// <summary>Documents up to 10 MB, plus room for the form's other fields.</summary>
    public const long TailleMaximaleCorps = 11 * 1024 * 1024;
}
