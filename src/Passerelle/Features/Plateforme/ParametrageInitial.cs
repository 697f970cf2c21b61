using Passerelle.Domain;

namespace Passerelle.Features.Plateforme;

/// <summary>
/// What a new département starts with: today's legal delays with their source, and the lists it
/// will adapt. Each later capability adds the keys and lists its rules read.
/// </summary>
public static class ParametrageInitial
{
    /// <summary>The 2023 "plein emploi" law set the delays that the orientation and the contract follow.</summary>
    private const string SourceLoiPleinEmploi =
        "Loi n° 2023-1196 du 18 décembre 2023 pour le plein emploi ; code de l'action sociale et des familles, chapitre II du titre VI du livre II (revenu de solidarité active).";

    public static readonly DateOnly DebutValidite = new(2025, 1, 1);

    public static IEnumerable<ParametreDate> Parametres(Guid departementId) =>
    [
        new(departementId, ClesParametres.DelaiOrientation, ParametreDate.PorteeDepartement, TypeValeur.Semaines, "6", DebutValidite, null,
            SourceLoiPleinEmploi + " Orientation dans les six semaines suivant la réception de l'information que le droit est ouvert ou transféré."),
        new(departementId, ClesParametres.DelaiContrat, ParametreDate.PorteeDepartement, TypeValeur.Mois, "1", DebutValidite, null,
            SourceLoiPleinEmploi + " Contrat d'engagement dans le mois suivant la notification de l'orientation."),
        new(departementId, ClesParametres.HeuresActivite, ParametreDate.PorteeDepartement, TypeValeur.Heures, "15", DebutValidite, null,
            SourceLoiPleinEmploi + " Au moins quinze heures d'activité par semaine, sauf réduction ou absence pour un motif prévu par la loi."),
        new(departementId, ClesParametres.DateTransitoireContrat, ParametreDate.PorteeDepartement, TypeValeur.Date, "2027-01-01", DebutValidite, null,
            SourceLoiPleinEmploi + " Dispositions transitoires : contrat pour les personnes déjà accompagnées au 1er janvier 2025."),
        new(departementId, ClesParametres.AlerteFinContrat, ParametreDate.PorteeDepartement, TypeValeur.Jours, "30", DebutValidite, null,
            "Choix du Département : le référent prépare le renouvellement un mois avant la fin du contrat."),
        new(departementId, ClesParametres.RevisionParcoursSocial, ParametreDate.PorteeDepartement, TypeValeur.Mois, "6", DebutValidite, null,
            SourceLoiPleinEmploi + " Examen de la situation avec France Travail au plus tard six mois après une orientation sociale."),
        new(departementId, ClesParametres.RevisionParcoursSocialVulnerable, ParametreDate.PorteeDepartement, TypeValeur.Mois, "12", DebutValidite, null,
            SourceLoiPleinEmploi + " Douze mois pour les personnes les plus éloignées de l'emploi."),
        .. Enum.GetValues<TypeParcours>().Select(parcours => new ParametreDate(
            departementId, ClesParametres.CadenceRendezVous, ClesParametres.PorteeParcours(parcours), TypeValeur.Jours,
            parcours == TypeParcours.Social ? "60" : "30", DebutValidite, null,
            "Choix du Département : un entretien de suivi par mois (tous les deux mois en parcours social).")),
        new(departementId, ClesParametres.DelaiReponsePrescription, ParametreDate.PorteeDepartement, TypeValeur.Jours, "30", DebutValidite, null,
            "Choix du Département : sans réponse de l'opérateur dans les trente jours, la prescription expire et le référent en est averti."),
    ];

    public static class Listes
    {
        public const string ThemesFreins = "themes-freins";
        public const string NiveauxFreins = "niveaux-freins";
        public const string IssuesSortie = "issues-sortie";
        public const string MotifsReductionHeures = "motifs-reduction-heures";
        public const string TypesManquement = "types-manquement";
        public const string MotifsVulnerabilite = "motifs-vulnerabilite";

        public static readonly IReadOnlyDictionary<string, string> Libelles = new Dictionary<string, string>
        {
            [ThemesFreins] = "Thèmes du diagnostic des freins",
            [NiveauxFreins] = "Niveaux d'un frein",
            [IssuesSortie] = "Issues de sortie d'une action",
            [MotifsReductionHeures] = "Motifs de réduction des heures d'activité",
            [TypesManquement] = "Types de manquement",
            [MotifsVulnerabilite] = "Motifs d'un examen du parcours social à douze mois",
        };
    }

    public static IEnumerable<ValeurReference> Valeurs(Guid departementId)
    {
        // The national code is the data·inclusion v1 thématique each theme of barriers corresponds to.
        (string Code, string Libelle, string? National)[] themes =
        [
            ("mobilite", "Mobilité", "mobilite"),
            ("sante", "Santé", "sante"),
            ("logement", "Logement", "logement-hebergement"),
            ("famille", "Famille et garde d'enfants", "famille"),
            ("budget", "Budget", "difficultes-financieres"),
            ("acces-droits", "Accès aux droits", "difficultes-administratives-ou-juridiques"),
            ("savoirs-base", "Savoirs de base et langue", "lecture-ecriture-calcul"),
            ("numerique", "Numérique", "numerique"),
            ("formation", "Formation et qualification", "se-former"),
            ("experience", "Expérience professionnelle", "trouver-un-emploi"),
        ];
        (string Code, string Libelle, string? National)[] niveaux =
        [
            ("aucun", "Aucun", null), ("leger", "Léger", null), ("important", "Important", null), ("bloquant", "Bloquant", null),
        ];
        (string Code, string Libelle, string? National)[] sorties =
        [
            ("emploi-durable", "Emploi durable (CDI ou CDD de six mois et plus)", "emploi-durable"),
            ("emploi-transition", "Emploi de transition (CDD de moins de six mois, intérim, contrat aidé)", "emploi-transition"),
            ("sortie-positive", "Sortie positive (formation qualifiante, autre action)", "sortie-positive"),
            ("autre-sortie", "Autre sortie", "autre-sortie"),
            ("abandon", "Abandon", "abandon"),
        ];
        (string Code, string Libelle, string? National)[] motifsHeures =
        [
            ("sante", "Problème de santé", "sante"),
            ("handicap", "Situation de handicap", "handicap"),
            ("invalidite", "Invalidité", "invalidite"),
            ("parent-isole", "Parent isolé sans solution de garde pour un enfant de moins de 12 ans", "parent-isole"),
        ];
        (string Code, string Libelle, string? National)[] manquements =
        [
            ("rdv-non-honore", "Rendez-vous non honoré sans motif légitime", null),
            ("refus-contrat", "Refus d'élaborer ou de signer le contrat d'engagement", null),
            ("non-respect-contrat", "Non-respect des engagements du contrat", null),
            ("refus-controle", "Refus de se soumettre aux contrôles", null),
        ];
        (string Code, string Libelle, string? National)[] vulnerabilites =
        [
            ("sans-logement", "Sans logement stable ou en hébergement d'urgence", null),
            ("sante-grave", "Problème de santé grave ou handicap sans reconnaissance", null),
            ("violences", "Victime de violences", null),
            ("addiction", "Conduite addictive en cours de soin", null),
            ("sortie-detention", "Sortie de détention depuis moins d'un an", null),
        ];

        return new[]
            {
                (Listes.ThemesFreins, themes), (Listes.NiveauxFreins, niveaux), (Listes.IssuesSortie, sorties),
                (Listes.MotifsReductionHeures, motifsHeures), (Listes.TypesManquement, manquements),
                (Listes.MotifsVulnerabilite, vulnerabilites),
            }
            .SelectMany(liste => liste.Item2.Select((v, i) => new ValeurReference(departementId, liste.Item1, v.Code, v.Libelle, (i + 1) * 10, v.National)));
    }
}
