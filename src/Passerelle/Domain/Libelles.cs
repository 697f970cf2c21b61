using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace Passerelle.Domain;

public static class Libelles
{
    /// <summary>The French label of an enum value, from its [Display] attribute.</summary>
    public static string Libelle<T>(this T valeur) where T : struct, Enum =>
        typeof(T).GetField(valeur.ToString())?.GetCustomAttribute<DisplayAttribute>()?.Name ?? valeur.ToString();
}
