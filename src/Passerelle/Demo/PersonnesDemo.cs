using System.Globalization;
using System.Text;
using Bogus;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Domain.Identite;
using Passerelle.Infrastructure.Securite;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Demo;

/// <summary>An agent of the demo who is référent unique, and his share of a sector's caseload.</summary>
public sealed record ReferentDemo(Agent Agent, int Poids);

/// <summary>
/// A part of the département where people live: its communes (the main town first), who follows its
/// people and with which weights, and the external advisers' agencies of the sector.
/// </summary>
public sealed record SecteurDemo(
    string Nom, IReadOnlyList<string> Communes, int Poids, IReadOnlyList<ReferentDemo> Referents,
    string AgenceFranceTravail, int PoidsFranceTravail, string MissionLocale);

/// <summary>
/// What the people of one demo département are generated from. PLIE people live in the first sector
/// (where the PLIE is) and go to <see cref="ReferentPlie"/> when there is one.
/// </summary>
public sealed record CadreDemo(
    Departement Departement, int Graine, IReadOnlyList<SecteurDemo> Secteurs, IReadOnlyList<string> NomsLocaux,
    IReadOnlyList<string> DepartementsVoisins, Agent? ReferentPlie, Agent? AgentOrientation, IReadOnlyList<Qpv> Qpvs,
    double PartMsa, string IndicatifFixe);

/// <summary>Everything generated for one département, built in memory and written in one go.</summary>
public sealed class LotDemo
{
    public List<Foyer> Foyers { get; } = [];
    public List<Beneficiaire> Beneficiaires { get; } = [];
    public List<DroitRsa> Droits { get; } = [];
    public List<ReferentUnique> Referents { get; } = [];
    public List<EvaluationFrein> Evaluations { get; } = [];
    public List<NoteSuivi> Notes { get; } = [];

    /// <summary>Writes the rows in the current transaction, parents first: the département and its accounts must already be saved.</summary>
    public async Task EnregistrerAsync(PasserelleDbContext db, CancellationToken cancellationToken = default)
    {
        await InsertionGroupee.InsererAsync(db, Foyers, cancellationToken);
        await InsertionGroupee.InsererAsync(db, Beneficiaires, cancellationToken);
        await InsertionGroupee.InsererAsync(db, Beneficiaires.SelectMany(b => b.Clotures).ToList(), cancellationToken);
        await InsertionGroupee.InsererAsync(db, Droits, cancellationToken);
        await InsertionGroupee.InsererAsync(db, Referents, cancellationToken);
        await InsertionGroupee.InsererAsync(db, Evaluations, cancellationToken);
        await InsertionGroupee.InsererAsync(db, Notes, cancellationToken);
    }
}

/// <summary>
/// Generates the demo's people: fictional, French names (accents, compound names, married women's usage
/// names), fictional NIRs with a valid key, RSA rights, référents, barrier diagnostics, notes, closures and a
/// few probable duplicates for the merge. Deterministic: each person draws from a randomizer seeded by the
/// département and the person's rank, identity first, so that names do not depend on today's date; every
/// date is computed back from <c>aujourdhui</c>.
/// </summary>
public sealed class PersonnesDemo(ProtectionNir protection)
{
    /// <summary>People per département before the duplicates.</summary>
    public const int Personnes = 395;

    public const int DoublonsParDepartement = 5;

    public LotDemo Generer(CadreDemo cadre, DateOnly aujourdhui) => Generer(cadre, aujourdhui, Personnes + DoublonsParDepartement, DoublonsParDepartement);

    /// <summary>
    /// Exactly <paramref name="nombre"/> people, of which <paramref name="doublons"/> probable duplicates when enough
    /// candidates lend themselves to it (the rest are more people). The mass generator draws its batches here.
    /// </summary>
    public LotDemo Generer(CadreDemo cadre, DateOnly aujourdhui, int nombre, int doublons) =>
        new Generation(cadre, aujourdhui, protection).Executer(nombre, doublons);

    public static readonly IReadOnlyList<string> NomsAuvergne =
    [
        "Chassagne", "Vidal", "Lacombe", "Fabre", "Bessière", "Teyssèdre", "Chabrier", "Lachaud", "Rouquette", "Cazals",
        "Mazet", "Vaissière", "Lafon", "Laborie", "Tournadre", "Vigier", "Amblard", "Fouilhoux", "Rongier", "Serre",
        "Cayrol", "Fayolle", "Bonnefoy", "Chassaing", "Faure", "Bouchet", "Vernière", "Roche", "Chomette", "Coudert",
        "Jouve", "Pagès", "Andrieu", "Malbec", "Boudou", "Delpeuch", "Lapeyre", "Espinasse", "Veyssière", "Montel",
        "Chambon", "Besse", "Sabatier", "Bouysse-Vidal", "Chastang", "Dauzet",
    ];

    public static readonly IReadOnlyList<string> NomsNormandie =
    [
        "Lemoine", "Lebrun", "Lecomte", "Lemarchand", "Leroux", "Legrand", "Lefrançois", "Duval", "Letellier", "Lecœur",
        "Marie", "Lebas", "Lecoq", "Hamel", "Lesage", "Osmont", "Jeanne", "Leclerc", "Lecarpentier", "Quesnel",
        "Lepetit", "Levasseur", "Malherbe", "Toutain", "Lelièvre", "Vautier", "Lecanu", "Guéroult", "Anquetil", "Lemaître",
        "Lebourgeois", "Desmares", "Férey", "Hélie", "Lerebours", "Morin-Lecoq",
    ];

    private static readonly string[] NomsCommuns =
    [
        "Lefèvre", "Bérard", "Géraud", "Ménard", "Guérin", "Séguin", "Pélissier", "Chéron", "Clément", "Hébrard",
        "Sénéchal", "Lévêque", "Bénard", "Prévost", "Lécuyer", "Thébault", "Théron", "Régnier", "Rivière", "Mézière",
        "Crépin", "Frémont", "Béranger", "Hérault", "Lefèvre-Martin", "Martin-Dupré", "Dupont-Lacaze", "Roux-Chabert",
        "Durand-Viel", "Morel-Chevalier", "Bonnet-Gérard", "Petit-Jean", "Saint-Martin", "Da Silva", "Da Costa",
        "Dos Santos", "De Sousa", "Le Goff", "Le Gall", "Le Roux", "Benali", "Haddad", "Diallo", "Traoré", "Nguyen",
        "Pereira", "Ferreira", "Rodrigues", "Gonçalves", "Kaya", "Mansouri", "Cissé", "Koné", "Martins", "Chérif",
        "Belkacem", "Martin", "Bernard", "Dubois", "Moreau", "Girard", "Garnier", "Boyer",
    ];

    private static readonly string[] FemmesJeunes =
    [
        "Léa", "Chloé", "Manon", "Inès", "Océane", "Maëlle", "Zoé", "Jade", "Lina", "Camille", "Anaïs", "Mélissa",
        "Laura", "Sarah", "Emma", "Clémence", "Mégane", "Noémie", "Héloïse", "Justine", "Marine", "Pauline", "Lucie",
        "Maëva", "Yasmine", "Aya", "Aminata", "Kenza", "Lou-Anne", "Marie-Lou", "Célia", "Éva",
    ];

    private static readonly string[] FemmesMilieu =
    [
        "Élodie", "Aurélie", "Émilie", "Stéphanie", "Mélanie", "Laëtitia", "Gaëlle", "Céline", "Amélie", "Julie",
        "Audrey", "Jessica", "Coralie", "Vanessa", "Sabrina", "Karine", "Virginie", "Sandrine", "Anne-Sophie",
        "Anne-Laure", "Élise", "Fatima", "Nadia", "Samira", "Leïla", "Naïma", "Ophélie", "Cindy", "Déborah", "Hélène",
        "Marie-Hélène", "Séverine",
    ];

    private static readonly string[] FemmesAinees =
    [
        "Hélène", "Nathalie", "Isabelle", "Valérie", "Véronique", "Séverine", "Agnès", "Thérèse", "Geneviève",
        "Françoise", "Cécile", "Sylvie", "Christine", "Brigitte", "Martine", "Béatrice", "Josiane", "Marie-Hélène",
        "Marie-Claire", "Marie-Thérèse", "Marie-José", "Marie-Christine", "Anne-Marie", "Marie-Noëlle", "Khadija",
        "Aïcha", "Fabienne", "Évelyne", "Chantal", "Maryse",
    ];

    private static readonly string[] HommesJeunes =
    [
        "Théo", "Mathéo", "Léo", "Noé", "Hugo", "Lucas", "Enzo", "Kylian", "Nolan", "Rayan", "Ethan", "Dylan", "Kévin",
        "Jérémy", "Loïc", "Maxime", "Valentin", "Yanis", "Bilal", "Mehdi", "Alexis", "Corentin", "Gaëtan", "Raphaël",
        "Timothée", "Adrien", "Jean-Baptiste", "Anthony",
    ];

    private static readonly string[] HommesMilieu =
    [
        "Jérôme", "Sébastien", "Grégory", "Cédric", "Mickaël", "Frédéric", "Stéphane", "Julien", "Nicolas", "Olivier",
        "Christophe", "Damien", "Ludovic", "Fabrice", "Aurélien", "Benoît", "Gaël", "Yannick", "Karim", "Rachid",
        "Youssef", "Samir", "Mohamed", "Moussa", "Jean-François", "Pierre-Yves", "Jean-Marc", "Guillaume", "Arnaud",
        "Régis", "João", "Jérémie",
    ];

    private static readonly string[] HommesAines =
    [
        "Jean-Pierre", "Jean-Luc", "Jean-Michel", "Jean-Claude", "Jean-Louis", "Jean-Paul", "Éric", "François", "Hervé",
        "André", "René", "Gérard", "Thierry", "Laurent", "Patrick", "Pascal", "Gilles", "Joël", "Bernard", "Didier",
        "Denis", "Serge", "Philippe", "Alain", "Daniel", "Michel", "Mamadou", "Ahmed", "José", "Abdelkader",
    ];

    private static readonly string[] SecondsPrenomsFemmes = ["Marie", "Anne", "Louise", "Claire", "Hélène", "Jeanne", "Françoise", "Élisabeth"];
    private static readonly string[] SecondsPrenomsHommes = ["Pierre", "Louis", "Jean", "Paul", "André", "Joseph", "Michel", "Émile"];

    private static readonly string[] Voies =
    [
        "rue de la République", "avenue du Général-de-Gaulle", "rue des Écoles", "chemin des Prés", "impasse des Lilas",
        "place du Marché", "rue du Château", "allée des Tilleuls", "rue Victor-Hugo", "rue Jean-Jaurès",
        "boulevard Pasteur", "rue des Jardins", "rue de la Gare", "rue du Moulin", "résidence Les Peupliers",
        "rue Émile-Zola", "avenue de la Libération", "rue des Frères-Lumière", "lotissement Les Chênes",
        "chemin de la Croix", "rue du Stade", "place de l'Hôtel-de-Ville", "rue de l'Église", "rue des Acacias",
        "avenue des Volontaires", "rue du Four", "impasse du Verger", "rue Pierre-Curie",
    ];

    private static readonly TextInfo Casse = CultureInfo.GetCultureInfo("fr-FR").TextInfo;
    private static readonly string[] Pays = ["350", "352", "351", "139", "341", "208", "114", "335", "326", "212"];
    private static readonly string[] GrandesVilles = ["75", "69", "13", "59", "93", "33", "31", "67"];
    private static readonly string[] Corse = ["2A", "2B"];
    // Reserved for examples: no one's real address.
    private static readonly string[] Domaines = ["example.org", "example.net", "example.com"];

    /// <summary>The codes of the list "themes-freins" of <see cref="Features.Plateforme.ParametrageInitial"/>.</summary>
    public static readonly IReadOnlyList<string> ThemesFreins =
        ["mobilite", "sante", "logement", "famille", "budget", "acces-droits", "savoirs-base", "numerique", "formation", "experience"];

    // Per theme: what is said of a weighty barrier, then of a light or lifted one. No personal detail.
    private static readonly Dictionary<string, (string[] Difficultes, string[] Progres)> Commentaires = new(StringComparer.Ordinal)
    {
        ["mobilite"] = (
            ["Pas de permis de conduire ; les transports en commun sont rares sur le secteur.", "Véhicule en panne, les déplacements vers les entretiens sont compliqués.", "Ne se déplace pas au-delà de la commune sans accompagnement."],
            ["Code de la route obtenu, leçons de conduite en cours.", "Utilise désormais le transport à la demande pour ses rendez-vous.", "Permis B obtenu ; recherche d'un véhicule d'occasion avec la plateforme mobilité."]),
        ["sante"] = (
            ["Problèmes de dos qui limitent les postes envisageables.", "Suivi médical irrégulier, rendez-vous à reprendre.", "Fatigue importante évoquée en entretien ; bilan de santé proposé."],
            ["Suivi médical régulier mis en place.", "Reconnaissance de la qualité de travailleur handicapé obtenue.", "Se dit en meilleure forme depuis quelques mois."]),
        ["logement"] = (
            ["Hébergement chez un proche, sans solution durable.", "Logement trop petit pour la famille ; demande de logement social déposée.", "Retard de loyer ; contact pris avec le bailleur."],
            ["Logement social attribué, installation en cours.", "Plan d'apurement de la dette locative respecté.", "Logement stable, pas de difficulté signalée."]),
        ["famille"] = (
            ["Pas de mode de garde pour le plus jeune enfant.", "Horaires de garde incompatibles avec un emploi à temps plein.", "Situation familiale tendue, à reprendre au prochain entretien."],
            ["Place en crèche obtenue à la rentrée.", "Garde assurée par la famille les jours de formation.", "Enfants scolarisés, plus de contrainte de garde en journée."]),
        ["budget"] = (
            ["Dettes auprès de plusieurs créanciers ; dossier de surendettement envisagé.", "Budget très serré, difficulté à régler les factures d'énergie.", "Découverts fréquents, pas de suivi du budget."],
            ["Dossier de surendettement déposé et déclaré recevable.", "Accompagnement budgétaire en cours, factures à jour.", "Gère son budget sans difficulté particulière."]),
        ["acces-droits"] = (
            ["Complémentaire santé non ouverte.", "Pièce d'identité à renouveler.", "Difficultés à comprendre les courriers administratifs."],
            ["Complémentaire santé solidaire ouverte.", "Démarches administratives à jour.", "Dossier de prime d'activité déposé avec l'aide de France services."]),
        ["savoirs-base"] = (
            ["Difficultés à l'écrit ; atelier d'écriture envisagé.", "Maîtrise partielle du français oral ; cours de langue à prévoir.", "Calcul de base fragile pour les postes visés."],
            ["Inscription à un atelier de savoirs de base, assiduité régulière.", "Progrès nets à l'écrit selon l'organisme de formation.", "Lit et écrit sans difficulté."]),
        ["numerique"] = (
            ["Ni ordinateur ni connexion internet au domicile.", "Pas d'adresse électronique ; l'espace France Travail n'est pas consulté.", "Utilise un smartphone mais pas les démarches en ligne."],
            ["Adresse électronique créée, les messages sont consultés.", "Atelier numérique suivi ; déclarations en ligne faites seul.", "À l'aise avec les outils numériques."]),
        ["formation"] = (
            ["Aucun diplôme ; projet de formation à construire.", "Qualification ancienne, peu recherchée sur le bassin d'emploi.", "Souhaite se former mais redoute le retour en formation."],
            ["Entrée en formation qualifiante prévue le mois prochain.", "Titre professionnel d'agent de propreté obtenu.", "Projet de formation validé avec le conseiller."]),
        ["experience"] = (
            ["Longue période sans emploi ; expériences anciennes.", "Expériences courtes et morcelées, surtout en intérim.", "Pas encore d'expérience professionnelle en France."],
            ["Période de mise en situation en milieu professionnel réussie.", "Contrat à durée déterminée de six mois en cours.", "Expérience récente en chantier d'insertion, bonnes appréciations."]),
    };

    private const string PremiereNote =
        "Premier entretien : présentation de l'accompagnement et des engagements réciproques. Signature du contrat d'engagement prévue au prochain rendez-vous.";

    private static readonly string[] Notes =
    [
        "Entretien de suivi : point sur les démarches de recherche d'emploi depuis le dernier rendez-vous. Prochain rendez-vous dans un mois.",
        "Point sur la mobilité : demande d'aide au permis de conduire transmise à la plateforme mobilité.",
        "Démarches logement : demande de logement social renouvelée, appui pour compléter le dossier.",
        "Contrat d'engagements réciproques signé. Objectifs : lever le frein mobilité et reprendre une activité à temps partiel.",
        "Rendez-vous non honoré. Nouvelle convocation envoyée par courrier.",
        "Entretien téléphonique : un entretien d'embauche est prévu pour un poste d'agent d'entretien.",
        "Orientation vers l'atelier collectif de remobilisation ; entrée prévue la semaine prochaine.",
        "Point budget : dossier de surendettement déposé avec l'appui de la conseillère en économie sociale et familiale.",
        "Inscription à France Travail vérifiée ; CV mis à jour ensemble.",
        "Bilan à mi-parcours : assiduité régulière au chantier d'insertion, bons retours de l'encadrant technique.",
        "Démarches de santé : rendez-vous pris pour un bilan de santé.",
        "Demande d'aide aux frais de garde transmise au service instructeur.",
        "Entretien tripartite avec le conseiller France Travail : le projet dans la logistique est confirmé.",
        "Reprise d'un contrat à durée déterminée de trois mois à temps partiel. Suivi maintenu pendant le contrat.",
        "Fin de contrat ; réinscription à France Travail et reprise des recherches.",
        "Atelier numérique suivi : création d'une adresse électronique et de l'espace personnel sur le site de la CAF.",
        "Point formation : dossier de financement déposé pour une formation d'aide-soignant.",
        "Visite à domicile réalisée avec l'assistante sociale du secteur.",
        "Situation familiale évoquée ; orientation vers un lieu d'écoute pour les familles.",
        "Renouvellement du contrat d'engagements réciproques pour six mois, objectifs actualisés.",
        "Mise en situation en milieu professionnel de deux semaines en maraîchage ; bilan positif.",
        "Demande de complémentaire santé solidaire accompagnée, dossier complet envoyé.",
        "Pas de nouvelles depuis deux mois ; relance par téléphone et par courrier.",
        "Point d'étape : la recherche d'un véhicule se poursuit, devis transmis pour un microcrédit.",
        "Candidature envoyée pour un poste d'employé libre-service, relance prévue la semaine prochaine.",
        "Déclaration trimestrielle de ressources faite ensemble.",
        "Préparation à l'entretien d'embauche : simulation réalisée, présentation du parcours à travailler.",
        "Atelier collectif de recherche d'emploi suivi, bonne participation.",
    ];

    private static readonly string[] CommentairesClotureAutre =
    [
        "Reprise d'un emploi durable à temps plein, accompagnement terminé.",
        "Entrée en formation qualifiante longue, suivi assuré par l'organisme de formation.",
        "La personne ne souhaite plus être accompagnée.",
    ];

    private sealed record Identite(Sexe Sexe, int Age, int Jours, string Prenoms, string NomNaissance, string? NomUsage);

    /// <summary>A référent: an agent of Passerelle, or an external adviser named with his structure.</summary>
    private sealed record Choix(Agent? Agent, string? NomExterne, string? StructureExterne);

    private sealed class Generation
    {
        private readonly CadreDemo _cadre;
        private readonly DateOnly _aujourdhui;
        private readonly ProtectionNir _protection;
        private readonly LotDemo _lot = new();
        private readonly Faker _faker = new("fr");
        private readonly TimeZoneInfo _fuseau;
        private readonly Guid _departementId;
        private readonly HashSet<string> _matricules = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string[]> _conseillers = new(StringComparer.Ordinal);
        private readonly List<Beneficiaire> _candidatsDoublon = [];
        private int _limite;

        public Generation(CadreDemo cadre, DateOnly aujourdhui, ProtectionNir protection)
        {
            _cadre = cadre;
            _aujourdhui = aujourdhui;
            _protection = protection;
            _fuseau = cadre.Departement.Fuseau;
            _departementId = cadre.Departement.Id;
        }

        public LotDemo Executer(int nombre, int doublons)
        {
            var commun = new Randomizer(_cadre.Graine);
            _faker.Random = commun;
            foreach (var structure in _cadre.Secteurs.SelectMany(s => new[] { s.AgenceFranceTravail, s.MissionLocale }).Distinct(StringComparer.Ordinal))
            {
                _conseillers[structure] = Enumerable.Range(0, 3).Select(_ => Conseiller(commun)).ToArray();
            }

            var rang = 0;
            _limite = nombre - doublons;
            while (_lot.Beneficiaires.Count < _limite)
            {
                Personne(rang++);
            }

            AjouterDoublons(commun, doublons);
            _limite = nombre;
            while (_lot.Beneficiaires.Count < _limite)
            {
                Personne(rang++);
            }

            return _lot;
        }

        private string Conseiller(Randomizer r)
        {
            var femme = r.Bool();
            var prenom = r.ArrayElement(femme ? FemmesMilieu : HommesMilieu);
            return $"{prenom} {Nom(r)}";
        }

        private void Personne(int rang)
        {
            var r = new Randomizer((_cadre.Graine * 100_000) + rang);
            _faker.Random = r;

            // Identity first: names never depend on the dates drawn afterwards.
            var dispositifs = TirerDispositifs(r);
            var identite = TirerIdentite(r, Age(r, dispositifs), sexe: null);
            Identite? conjoint = null;
            // A couple past the count would overshoot it: the partner is then left out, the draws stay the same.
            if (dispositifs.HasFlag(Domain.Dispositifs.Rsa) && identite.Age >= 22 && r.Bool(0.06f) && _lot.Beneficiaires.Count + 2 <= _limite)
            {
                (identite, conjoint) = Couple(r, identite);
            }

            var plie = dispositifs.HasFlag(Domain.Dispositifs.Plie) && _cadre.ReferentPlie is not null;
            var secteur = plie ? _cadre.Secteurs[0] : Tirages.Pondere(r, _cadre.Secteurs.Select(s => (s, s.Poids)).ToList());
            var commune = secteur.Communes[r.Bool(0.45f) ? 0 : r.Number(0, secteur.Communes.Count - 1)];
            var adresse = Adresse(r);
            var nouveau = !plie && r.Bool(0.15f);
            var entree = nouveau ? _aujourdhui.AddDays(-r.Number(5, 120)) : _aujourdhui.AddDays(-r.Number(75, 3 * 365));

            Foyer? foyer = null;
            if (dispositifs.HasFlag(Domain.Dispositifs.Rsa))
            {
                foyer = CreerFoyer(r, conjoint is not null, adresse, commune);
            }

            var membres = new List<Beneficiaire> { Creer(r, identite, dispositifs, adresse, commune, foyer) };
            if (conjoint is not null)
            {
                membres.Add(Creer(r, conjoint, Domain.Dispositifs.Rsa, adresse, commune, foyer));
            }
            else
            {
                _candidatsDoublon.Add(membres[0]);
            }

            // RSA: the request, then the opening the Département is told of a few days later.
            DateOnly? information = null;
            DateOnly? ouverture = null;
            var organisme = foyer?.OrganismePayeur ?? OrganismePayeur.Caf;
            if (foyer is not null)
            {
                AjouterDroit(membres, entree, EtatDroitRsa.Demande, organisme, soumis: false, information: null);
                if (!nouveau || r.Bool(0.8f))
                {
                    ouverture = Min(entree.AddDays(r.Number(3, 30)), _aujourdhui.AddDays(-2));
                    information = Min(ouverture.Value.AddDays(r.Number(1, 10)), _aujourdhui.AddDays(-1));
                    AjouterDroit(membres, ouverture.Value, EtatDroitRsa.Ouvert, organisme, soumis: r.Bool(0.92f), information);
                }
            }

            // Newcomers wait for their orientation: no référent yet.
            var periodes = membres.ToDictionary(m => m.Id, _ => new List<ReferentUnique>());
            var debutSuivi = Min((information ?? entree).AddDays(r.Number(10, 60)), _aujourdhui.AddDays(-1));
            var referent = nouveau ? null : ChoisirReferent(r, secteur, dispositifs, exclu: null);
            if (referent is not null)
            {
                if (r.Bool(0.25f) && debutSuivi <= _aujourdhui.AddDays(-90))
                {
                    var precedent = ChoisirReferent(r, secteur, dispositifs, exclu: referent);
                    if (precedent is not null)
                    {
                        Designer(membres, periodes, debutSuivi, precedent);
                        var ecart = _aujourdhui.AddDays(-7).DayNumber - debutSuivi.DayNumber;
                        debutSuivi = debutSuivi.AddDays(r.Number(60, Math.Max(60, Math.Min(600, ecart))));
                    }
                }

                Designer(membres, periodes, debutSuivi, referent);
            }

            var fin = Fin(r, membres, periodes, foyer is not null && ouverture is not null ? ouverture : null, organisme, nouveau, debutSuivi, referent);

            var premierSuivi = periodes[membres[0].Id].FirstOrDefault()?.Debut ?? entree;
            foreach (var membre in membres)
            {
                Evaluer(r, membre, periodes[membre.Id], nouveau, referent, premierSuivi, fin);
                if (referent?.Agent is { } agent && r.Bool(0.75f))
                {
                    Noter(r, membre, agent, debutSuivi, fin);
                }
            }
        }

        private static Dispositifs TirerDispositifs(Randomizer r)
        {
            var u = r.Double();
            return u switch
            {
                < 0.77 => Domain.Dispositifs.Rsa,
                < 0.81 => Domain.Dispositifs.Rsa | Domain.Dispositifs.Plie,
                < 0.87 => Domain.Dispositifs.Plie,
                < 0.94 => Domain.Dispositifs.MissionLocale,
                < 0.96 => Domain.Dispositifs.Rsa | Domain.Dispositifs.Autre,
                _ => Domain.Dispositifs.Autre,
            };
        }

        private static int Age(Randomizer r, Dispositifs dispositifs)
        {
            if (dispositifs.HasFlag(Domain.Dispositifs.MissionLocale))
            {
                return r.Bool(0.1f) ? r.Number(16, 17) : r.Number(18, 25);
            }

            if (dispositifs.HasFlag(Domain.Dispositifs.Rsa) && r.Bool(0.04f))
            {
                // Under 25, the RSA is for young parents.
                return r.Number(19, 24);
            }

            // Most people on the RSA are in their thirties and forties.
            return Math.Clamp((r.Number(25, 64) + r.Number(25, 64)) / 2 + r.Number(-6, 6), 25, 64);
        }

        private Identite TirerIdentite(Randomizer r, int age, Sexe? sexe)
        {
            var s = sexe ?? (r.Bool(0.53f) ? Sexe.Femme : Sexe.Homme);
            var prenoms = Prenom(r, s, age);
            if (r.Bool(0.1f))
            {
                var second = r.ArrayElement(s == Sexe.Femme ? SecondsPrenomsFemmes : SecondsPrenomsHommes);
                if (!NomsNormalises.Mots(prenoms).Contains(NomsNormalises.Normaliser(second)))
                {
                    prenoms = $"{prenoms} {second}";
                }
            }

            var nom = Nom(r);
            string? usage = null;
            if (s == Sexe.Femme && age >= 26 && r.Bool(0.35f))
            {
                var epoux = Nom(r);
                usage = r.Bool(0.15f) ? $"{nom}-{epoux}" : epoux;
            }

            return new Identite(s, age, r.Number(0, 364), prenoms, nom, usage == nom ? null : usage);
        }

        private static string Prenom(Randomizer r, Sexe sexe, int age) =>
            r.ArrayElement((sexe, age) switch
            {
                (Sexe.Femme, <= 30) => FemmesJeunes,
                (Sexe.Femme, <= 45) => FemmesMilieu,
                (Sexe.Femme, _) => FemmesAinees,
                (_, <= 30) => HommesJeunes,
                (_, <= 45) => HommesMilieu,
                _ => HommesAines,
            });

        private string Nom(Randomizer r)
        {
            var u = r.Double();
            return u switch
            {
                < 0.40 => _cadre.NomsLocaux[r.Number(0, _cadre.NomsLocaux.Count - 1)],
                < 0.75 => r.ArrayElement(NomsCommuns),
                // Bogus writes some particles in lower case ("Le gall").
                _ => Casse.ToTitleCase(_faker.Name.LastName()),
            };
        }

        /// <summary>A partner of the other sex and a close age; a married woman often uses her husband's name.</summary>
        private (Identite Personne, Identite Conjoint) Couple(Randomizer r, Identite personne)
        {
            var autre = personne.Sexe == Sexe.Femme ? Sexe.Homme : Sexe.Femme;
            var conjoint = TirerIdentite(r, Math.Clamp(personne.Age + r.Number(-6, 6), 20, 64), autre);
            var (femme, homme) = personne.Sexe == Sexe.Femme ? (personne, conjoint) : (conjoint, personne);
            femme = femme with { NomUsage = r.Bool(0.55f) ? homme.NomNaissance : null };
            if (femme.NomUsage == femme.NomNaissance)
            {
                femme = femme with { NomUsage = null };
            }

            return personne.Sexe == Sexe.Femme ? (femme, homme) : (homme, femme);
        }

        private static string Adresse(Randomizer r)
        {
            var voie = $"{r.Number(1, 85)} {r.ArrayElement(Voies)}";
            return r.Bool(0.15f) ? $"{voie}, appartement {r.Number(1, 40)}" : voie;
        }

        private Foyer CreerFoyer(Randomizer r, bool couple, string adresse, string commune)
        {
            var enfants = couple ? (r.Bool(0.65f) ? r.Number(1, 4) : 0) : (r.Bool(0.45f) ? r.Number(1, 3) : 0);
            var composition = (couple, enfants > 0) switch
            {
                (true, true) => CompositionFoyer.CoupleAvecEnfants,
                (true, false) => CompositionFoyer.CoupleSansEnfant,
                (false, true) => CompositionFoyer.PersonneSeuleAvecEnfants,
                _ => CompositionFoyer.PersonneSeule,
            };
            var organisme = r.Double() < _cadre.PartMsa ? OrganismePayeur.Msa : OrganismePayeur.Caf;
            string matricule;
            do
            {
                matricule = r.Number(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);
            }
            while (!_matricules.Add(matricule));

            var qpvs = _cadre.Qpvs.Where(q => q.CommuneCode == commune).ToList();
            var qpv = qpvs.Count > 0 && r.Bool(0.35f) ? qpvs[r.Number(0, qpvs.Count - 1)].Id : (Guid?)null;
            var foyer = new Foyer(_departementId);
            foyer.Modifier(adresse, commune, qpv, composition, enfants, organisme, matricule);
            _lot.Foyers.Add(foyer);
            return foyer;
        }

        private Beneficiaire Creer(Randomizer r, Identite identite, Dispositifs dispositifs, string adresse, string commune, Foyer? foyer)
        {
            var naissance = _aujourdhui.AddYears(-identite.Age).AddDays(-identite.Jours);
            var beneficiaire = new Beneficiaire(_departementId, identite.NomNaissance, identite.NomUsage, identite.Prenoms, naissance, identite.Sexe, dispositifs);
            var telephone = r.Bool(0.65f) ? Telephone(r) : null;
            var courriel = r.Bool(0.4f) ? Courriel(r, identite) : null;
            beneficiaire.ModifierCoordonnees(telephone, courriel, adresse, commune, foyer?.Id);
            if (NirFictif(r, identite.Sexe, naissance) is { } nir)
            {
                beneficiaire.DefinirNir(_protection.Proteger(nir));
            }

            _lot.Beneficiaires.Add(beneficiaire);
            return beneficiaire;
        }

        // Numbers in the ranges reserved for fiction, so that no one is called by mistake.
        private string Telephone(Randomizer r) =>
            r.Bool(0.75f)
                ? $"06 39 98 {r.Number(0, 99):D2} {r.Number(0, 99):D2}"
                : $"{_cadre.IndicatifFixe} {r.Number(0, 99):D2} {r.Number(0, 99):D2}";

        private static string Courriel(Randomizer r, Identite identite)
        {
            var prenom = SansAccents(identite.Prenoms.Split(' ')[0]).ToLowerInvariant();
            var nom = SansAccents(identite.NomUsage ?? identite.NomNaissance).ToLowerInvariant().Replace(' ', '-').Replace("'", "", StringComparison.Ordinal);
            return $"{prenom}.{nom}{r.Number(1, 99)}@{r.ArrayElement(Domaines)}";
        }

        /// <summary>Two thirds of people have a NIR: fictional, with a valid key; a few are temporary (7 or 8).</summary>
        private Nir? NirFictif(Randomizer r, Sexe sexe, DateOnly naissance)
        {
            var u = r.Double();
            if (u >= 0.67)
            {
                return null;
            }

            var homme = sexe == Sexe.Homme;
            var premier = u < 0.03 ? (homme ? "7" : "8") : (homme ? "1" : "2");
            var v = r.Double();
            var (departement, commune) = v switch
            {
                < 0.55 => (_cadre.Departement.Code, r.Number(1, 300).ToString("D3", CultureInfo.InvariantCulture)),
                < 0.75 => (_cadre.DepartementsVoisins[r.Number(0, _cadre.DepartementsVoisins.Count - 1)], r.Number(1, 300).ToString("D3", CultureInfo.InvariantCulture)),
                < 0.88 => (r.ArrayElement(GrandesVilles), r.Number(1, 120).ToString("D3", CultureInfo.InvariantCulture)),
                < 0.98 => ("99", r.ArrayElement(Pays)),
                // Corsica has been 2A and 2B since 1976.
                _ => (naissance.Year >= 1976 ? r.ArrayElement(Corse) : "20", r.Number(1, 360).ToString("D3", CultureInfo.InvariantCulture)),
            };
            var numero = string.Create(CultureInfo.InvariantCulture, $"{premier}{naissance.Year % 100:D2}{naissance.Month:D2}{departement}{commune}{r.Number(1, 999):D3}");
            return Nir.Lire(numero + Nir.CalculerCle(numero).ToString("D2", CultureInfo.InvariantCulture));
        }

        private Choix? ChoisirReferent(Randomizer r, SecteurDemo secteur, Dispositifs dispositifs, Choix? exclu)
        {
            if (dispositifs.HasFlag(Domain.Dispositifs.MissionLocale))
            {
                return exclu is null ? Externe(r, secteur.MissionLocale) : null;
            }

            if (dispositifs.HasFlag(Domain.Dispositifs.Plie) && _cadre.ReferentPlie is { } plie)
            {
                // Before the PLIE, the person was followed in the sector.
                return exclu is null ? new Choix(plie, null, null) : ChoisirReferent(r, secteur, Domain.Dispositifs.Rsa, exclu);
            }

            var possibles = secteur.Referents
                .Where(p => exclu?.Agent != p.Agent)
                .Select(p => (Choix: new Choix(p.Agent, null, null), p.Poids))
                .ToList();
            if (exclu?.Agent is not null || exclu is null)
            {
                possibles.Add((new Choix(null, null, secteur.AgenceFranceTravail), secteur.PoidsFranceTravail));
            }

            possibles.RemoveAll(p => p.Item2 <= 0);
            if (possibles.Count == 0)
            {
                return null;
            }

            var choix = Tirages.Pondere(r, possibles);
            return choix.Agent is null ? Externe(r, choix.StructureExterne!) : choix;
        }

        private Choix Externe(Randomizer r, string structure) => new(null, r.ArrayElement(_conseillers[structure]), structure);

        private void Designer(List<Beneficiaire> membres, Dictionary<Guid, List<ReferentUnique>> periodes, DateOnly debut, Choix choix)
        {
            foreach (var membre in membres)
            {
                var designation = ReferentUnique.Designer(
                    _departementId, membre.Id, periodes[membre.Id], debut, choix.Agent?.Id, choix.Agent?.StructureId, choix.NomExterne, choix.StructureExterne);
                periodes[membre.Id].Add(designation);
                _lot.Referents.Add(designation);
            }
        }

        private void AjouterDroit(List<Beneficiaire> membres, DateOnly effet, EtatDroitRsa etat, OrganismePayeur organisme, bool soumis, DateOnly? information)
        {
            var instant = Instant(information ?? effet, 7, 0);
            foreach (var membre in membres)
            {
                _lot.Droits.Add(new DroitRsa(_departementId, membre.Id, effet, etat, organisme, soumis, information, null, instant));
            }
        }

        /// <summary>
        /// Later changes of the right (suspended, sometimes reopened; closed) and closures of the dossier;
        /// returns the last day the person was followed.
        /// </summary>
        private DateOnly Fin(
            Randomizer r, List<Beneficiaire> membres, Dictionary<Guid, List<ReferentUnique>> periodes, DateOnly? ouverture,
            OrganismePayeur organisme, bool nouveau, DateOnly debutSuivi, Choix? referent)
        {
            var hier = _aujourdhui.AddDays(-1);
            if (nouveau)
            {
                return hier;
            }

            var plancher = Max(debutSuivi.AddDays(30), ouverture?.AddDays(120) ?? debutSuivi.AddDays(30));
            if (plancher > hier)
            {
                return hier;
            }

            DateOnly? cloture = null;
            MotifCloture motif = MotifCloture.FinDeDroit;
            string? commentaire = null;
            // One draw shared out: suspended or closed rights for RSA people, departures and other closures for anyone.
            var u = r.Double();
            if (ouverture is not null && u < 0.10)
            {
                var suspension = Entre(r, plancher, hier);
                AjouterDroit(membres, suspension, EtatDroitRsa.Suspendu, organisme, soumis: true, information: null);
                if (r.Bool(0.5f) && suspension.AddDays(30) <= _aujourdhui.AddDays(-2))
                {
                    var reprise = Entre(r, suspension.AddDays(30), _aujourdhui.AddDays(-2));
                    AjouterDroit(membres, reprise, EtatDroitRsa.Ouvert, organisme, soumis: true, Min(reprise.AddDays(r.Number(1, 5)), hier));
                }
            }
            else if (ouverture is not null && u < 0.18)
            {
                var clos = Entre(r, plancher, hier);
                AjouterDroit(membres, clos, EtatDroitRsa.Clos, organisme, soumis: true, information: null);
                if (r.Bool(0.4f))
                {
                    cloture = Min(clos.AddDays(r.Number(10, 90)), hier);
                }
            }
            else if (u is >= 0.18 and < 0.19)
            {
                cloture = Entre(r, plancher, hier);
                motif = MotifCloture.DepartDepartement;
                commentaire = "Déménagement dans un autre département ; dossier transmis.";
                if (ouverture is not null)
                {
                    AjouterDroit(membres, cloture.Value, EtatDroitRsa.Clos, organisme, soumis: true, information: null);
                }
            }
            else if (u is >= 0.19 and < 0.195)
            {
                cloture = Entre(r, plancher, hier);
                motif = MotifCloture.Autre;
                commentaire = r.ArrayElement(CommentairesClotureAutre);
            }

            if (cloture is not { } date)
            {
                return hier;
            }

            foreach (var membre in membres)
            {
                membre.Cloturer(date, motif, commentaire, referent?.Agent?.Id);
                periodes[membre.Id].SingleOrDefault(p => p.EstOuverte)?.Terminer(date);
            }

            _candidatsDoublon.RemoveAll(membres.Contains);
            return date;
        }

        /// <summary>One to three diagnostics over the past two years, with levels that mostly improve.</summary>
        private void Evaluer(
            Randomizer r, Beneficiaire membre, List<ReferentUnique> periodes, bool nouveau, Choix? referent, DateOnly debut, DateOnly fin)
        {
            var probabilite = nouveau ? 0.15f : referent?.Agent is not null ? 0.8f : 0.5f;
            if (!r.Bool(probabilite))
            {
                return;
            }

            var plancher = _aujourdhui.AddDays(-730 + r.Number(0, 60));
            var date = Max(debut.AddDays(r.Number(3, 45)), plancher);
            if (date > fin)
            {
                return;
            }

            var sessions = nouveau ? 1 : r.Number(1, 3);
            var niveaux = new Dictionary<string, NiveauFrein>(StringComparer.Ordinal);
            foreach (var theme in r.Shuffle(ThemesFreins).Take(r.Number(4, 10)))
            {
                niveaux[theme] = Tirages.Pondere(r, [(NiveauFrein.Aucun, 2), (NiveauFrein.Leger, 4), (NiveauFrein.Important, 3), (NiveauFrein.Bloquant, 2)]);
            }

            for (var session = 0; session < sessions && date <= fin; session++)
            {
                var themes = session == 0 ? niveaux.Keys.ToList() : r.Shuffle(niveaux.Keys).Take(r.Number(Math.Min(4, niveaux.Count), niveaux.Count)).ToList();
                if (session > 0)
                {
                    foreach (var theme in themes)
                    {
                        var evolution = r.Double();
                        var niveau = (int)niveaux[theme];
                        niveaux[theme] = (NiveauFrein)Math.Clamp(evolution < 0.55 ? niveau - 1 : evolution < 0.85 ? niveau : niveau + 1, 0, 3);
                    }
                }

                var agent = nouveau ? _cadre.AgentOrientation?.Id : periodes.LastOrDefault(p => p.Debut <= date)?.AgentId;
                var instant = Instant(date, r.Number(9, 16), r.Number(0, 59));
                foreach (var theme in ThemesFreins.Where(themes.Contains))
                {
                    var niveau = niveaux[theme];
                    string? commentaire = null;
                    if (r.Bool(0.3f))
                    {
                        var (difficultes, progres) = Commentaires[theme];
                        commentaire = r.ArrayElement(niveau >= NiveauFrein.Important ? difficultes : progres);
                    }

                    _lot.Evaluations.Add(new EvaluationFrein(_departementId, membre.Id, date, theme, niveau, commentaire, agent, instant));
                }

                date = date.AddDays(r.Number(90, 270));
            }
        }

        private void Noter(Randomizer r, Beneficiaire membre, Agent agent, DateOnly debut, DateOnly fin)
        {
            if (fin <= debut)
            {
                return;
            }

            var nombre = Tirages.Pondere(r, [(1, 3), (2, 3), (3, 2), (4, 1)]);
            var dates = Enumerable.Range(0, nombre).Select(_ => Entre(r, debut.AddDays(1), fin)).Order().ToList();
            var textes = r.Shuffle(Notes).Take(nombre).ToList();
            if (r.Bool(0.5f))
            {
                textes[0] = PremiereNote;
            }

            for (var i = 0; i < nombre; i++)
            {
                _lot.Notes.Add(new NoteSuivi(_departementId, membre.Id, agent.Id, Instant(dates[i], r.Number(8, 17), r.Number(0, 59)), textes[i]));
            }
        }

        /// <summary>
        /// A second dossier for a person already known, as a hurried agent would type it: no accents,
        /// hyphens and spaces mixed up, the usage name as the birth name, a letter missing. No NIR.
        /// </summary>
        private void AjouterDoublons(Randomizer r, int nombre)
        {
            Func<Beneficiaire, (string Nom, string? Usage, string Prenoms)?>[] variantes =
            [
                b => SansAccents(b.NomNaissance) != b.NomNaissance || SansAccents(b.Prenoms) != b.Prenoms
                    ? (SansAccents(b.NomNaissance), b.NomUsage is null ? null : SansAccents(b.NomUsage), SansAccents(b.Prenoms))
                    : null,
                b => b.Prenoms.Contains('-', StringComparison.Ordinal) || b.NomNaissance.Contains('-', StringComparison.Ordinal)
                    ? (b.NomNaissance.Replace('-', ' '), b.NomUsage, b.Prenoms.Replace('-', ' '))
                    : null,
                b => b.NomUsage is { } usage && !usage.Contains('-', StringComparison.Ordinal) ? (usage, null, b.Prenoms) : null,
                b => SansAccents(b.NomNaissance) != b.NomNaissance
                    ? (SansAccents(b.NomNaissance).ToUpperInvariant(), null, b.Prenoms)
                    : null,
                b => NomsNormalises.Normaliser(b.NomNaissance).Length >= 6 && !b.NomNaissance.Contains(' ', StringComparison.Ordinal)
                    ? (b.NomNaissance.Remove(b.NomNaissance.Length / 2, 1), b.NomUsage, b.Prenoms)
                    : null,
            ];

            var candidats = r.Shuffle(_candidatsDoublon.Where(b => b.DateNaissance <= _aujourdhui.AddYears(-18))).ToList();
            var pris = new HashSet<Beneficiaire>();
            foreach (var variante in variantes.Take(nombre))
            {
                foreach (var original in candidats.Where(c => !pris.Contains(c)))
                {
                    if (variante(original) is not { } noms)
                    {
                        continue;
                    }

                    var saisie = new IdentiteComparee(noms.Nom, noms.Usage, noms.Prenoms, original.DateNaissance);
                    var existante = new IdentiteComparee(original.NomNaissance, original.NomUsage, original.Prenoms, original.DateNaissance);
                    if (Domain.Identite.Doublons.RaisonDoublon(saisie, existante) is null)
                    {
                        continue;
                    }

                    pris.Add(original);
                    var doublon = new Beneficiaire(_departementId, noms.Nom, noms.Usage, noms.Prenoms, original.DateNaissance, original.Sexe, original.Dispositifs);
                    doublon.ModifierCoordonnees(
                        r.Bool(0.5f) ? original.Telephone : null, null, r.Bool(0.5f) ? original.Adresse : Adresse(r), original.CommuneCode, null);
                    _lot.Beneficiaires.Add(doublon);
                    break;
                }
            }
        }

        private DateTime Instant(DateOnly jour, int heure, int minute) => jour.DebutDuJourUtc(_fuseau).AddHours(heure).AddMinutes(minute);

        private static DateOnly Entre(Randomizer r, DateOnly debut, DateOnly fin) =>
            fin <= debut ? debut : DateOnly.FromDayNumber(r.Number(debut.DayNumber, fin.DayNumber));

        private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

        private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    }

    public static string SansAccents(string texte)
    {
        var decompose = texte.Replace("œ", "oe", StringComparison.Ordinal).Replace("Œ", "OE", StringComparison.Ordinal).Normalize(NormalizationForm.FormD);
        var resultat = new StringBuilder(decompose.Length);
        foreach (var caractere in decompose.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark))
        {
            resultat.Append(caractere);
        }

        return resultat.ToString().Normalize(NormalizationForm.FormC);
    }
}
