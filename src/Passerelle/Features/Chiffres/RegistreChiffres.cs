namespace Passerelle.Features.Chiffres;

/// <summary>
/// A stock counts the people in a situation on one day: the last day of each month, or of the period when
/// broken down by territory. A flow adds up the facts that happened during the month, or the period.
/// </summary>
public enum NatureFigure
{
    Stock,
    Flux,
}

/// <summary>One figure of the catalogue: a stable code (URLs, exports, the pilotage issue), its title and its definition.</summary>
public sealed record Figure(string Code, string Titre, string Definition, NatureFigure Nature);

/// <summary>
/// The figures <see cref="CatalogueChiffres"/> computes. The definitions are shown with every table and
/// are the contract of the figure: a change of computation changes its definition here.
/// </summary>
public static class RegistreChiffres
{
    public const string SoumisDroitsEtDevoirs = "soumis-droits-devoirs";
    public const string OrientesParParcours = "orientes-parcours";
    public const string DelaiOrientation = "delai-orientation";
    public const string AvecReferent = "avec-referent";
    public const string AvecContrat = "avec-contrat";

    public static readonly IReadOnlyList<Figure> Figures =
    [
        new(SoumisDroitsEtDevoirs, "Personnes soumises aux droits et devoirs",
            "Personnes dont le dernier état du droit au RSA connu au dernier jour du mois (le plus récent par date d'effet, "
            + "puis par date de saisie) est « ouvert », avec soumission aux droits et devoirs.",
            NatureFigure.Stock),
        new(OrientesParParcours, "Personnes orientées, par parcours",
            "Personnes dont l'orientation en vigueur au dernier jour du mois, c'est-à-dire la dernière décidée à cette date, "
            + "relève du parcours emploi, socio-professionnel ou social. Une réorientation remplace l'orientation précédente "
            + "dès le jour de sa décision.",
            NatureFigure.Stock),
        new(DelaiOrientation, "Délai d'orientation",
            "Premières orientations décidées dans le mois (les réorientations n'en sont pas), pour les personnes dont la date "
            + "de réception de l'information est connue. Le délai court de cette réception à la décision, en jours ; il est "
            + "jugé avec le nombre de semaines du paramètre valable le jour de la réception (6 semaines aujourd'hui). "
            + "Le délai médian partage les décisions en deux moitiés : pour un nombre pair, c'est la moyenne des deux délais du milieu.",
            NatureFigure.Flux),
        new(AvecReferent, "Personnes avec un référent unique",
            "Personnes dont une désignation de référent unique, agent de Passerelle ou référent extérieur, couvre le dernier jour du mois.",
            NatureFigure.Stock),
        new(AvecContrat, "Personnes avec un contrat d'engagement en cours",
            "Personnes dont un contrat d'engagement signé, dans Passerelle ou enregistré comme signé ailleurs, couvre le dernier "
            + "jour du mois : signé au plus tard ce jour-là, commencé, pas encore terminé ni clos.",
            NatureFigure.Stock),
    ];

    /// <summary>Common to every figure: who is counted at all.</summary>
    public const string Perimetre =
        "Chaque chiffre ne compte que les personnes du département ; un dossier fusionné dans un autre n'est compté qu'une fois, "
        + "sous le dossier conservé. Pour le mois en cours, la situation est celle du jour.";

    public static Figure? Trouver(string? code) =>
        Figures.FirstOrDefault(f => string.Equals(f.Code, code, StringComparison.Ordinal));

    public static Figure Obtenir(string code) =>
        Trouver(code) ?? throw new ArgumentOutOfRangeException(nameof(code), code, "Chiffre inconnu.");
}
