using Passerelle.Domain;

namespace Passerelle.Features.Parametres;

/// <summary>How the pages of the dated settings word a period, so that the list and the history read alike.</summary>
public static class AffichageParametres
{
    public static string Periode(ParametreDate periode) => periode.ValideAu is { } au
        ? $"du {periode.ValideDu:dd/MM/yyyy} au {au:dd/MM/yyyy}"
        : $"depuis le {periode.ValideDu:dd/MM/yyyy}, sans date de fin";

    public static string Portee(string portee) =>
        portee == ParametreDate.PorteeDepartement ? "Tout le département" : portee;
}
