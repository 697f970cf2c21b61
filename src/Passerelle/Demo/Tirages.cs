using Bogus;

namespace Passerelle.Demo;

internal static class Tirages
{
    /// <summary>One of the values, each as likely as its weight.</summary>
    public static T Pondere<T>(this Randomizer r, IReadOnlyList<(T Valeur, int Poids)> choix)
    {
        var tirage = r.Number(1, choix.Sum(c => c.Poids));
        foreach (var (valeur, poids) in choix)
        {
            tirage -= poids;
            if (tirage <= 0)
            {
                return valeur;
            }
        }

        return choix[^1].Valeur;
    }
}
