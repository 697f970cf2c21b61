using Passerelle.Domain;

namespace Passerelle.Demo;

/// <summary>The offer of one demo département: its actions, their sessions and the operators' accounts.</summary>
public sealed record OffreDemo(IReadOnlyList<ActionInsertion> Actions, IReadOnlyList<SessionAction> Sessions, IReadOnlyDictionary<Guid, Agent> Operateurs);

/// <summary>
/// The programmes and the offer of the seed documents, set in the current period: the Cantal PDI's six orientations
/// and eighteen fiches-actions by title, the axes the Puy-de-Dôme and Calvados actions need, and every action the
/// seeds describe with its rules (eligibility, habilitated prescribers, places, cadence, hour caps).
/// </summary>
public sealed partial class ChargeurDemo
{
    private static readonly string[] TypesIae = [nameof(TypeStructure.Aci), nameof(TypeStructure.EntrepriseInsertion), nameof(TypeStructure.AssociationIntermediaire), nameof(TypeStructure.Etti)];

    private readonly Dictionary<Guid, OffreDemo> _offres = [];

    private sealed class Catalogue(Departement departement, DateOnly debutProgramme)
    {
        public List<ActionInsertion> Actions { get; } = [];
        public List<SessionAction> Sessions { get; } = [];
        public Dictionary<Guid, Agent> Operateurs { get; } = [];
        public List<object> Lignes { get; } = [];
        private Programme? _programme;
        private Axe? _axe;
        private int _ordre;

        public Catalogue Programme(TypeProgramme type, string intitule, int annees)
        {
            _programme = new Programme(departement.Id, type, intitule, debutProgramme, debutProgramme.AddYears(annees).AddDays(-1));
            Lignes.Add(_programme);
            return this;
        }

        public Catalogue Axe(string numero, string intitule)
        {
            _axe = new Axe(departement.Id, _programme!.Id, numero, intitule, Lignes.OfType<Axe>().Count() + 1);
            Lignes.Add(_axe);
            return this;
        }

        public FicheAction Fiche(string numero, string intitule)
        {
            var fiche = new FicheAction(departement.Id, _axe!.Id, numero, intitule, ++_ordre);
            Lignes.Add(fiche);
            return fiche;
        }

        public ActionInsertion Action(
            Structure operateur, FicheAction fiche, string nom, string presentation, string type, string[] thematiques, string[] publics,
            Action<ActionInsertion>? regler = null)
        {
            var action = new ActionInsertion(departement.Id, operateur.Id, fiche.Id, nom, presentation, type);
            action.Decrire(nom, presentation, type, thematiques, publics, ["en-presentiel"], null);
            action.DefinirLieuEtContact(operateur.Adresse, operateur.CommuneCode, null, null, null, debutProgramme, null);
            action.MarquerMiseAJour(debutProgramme);
            regler?.Invoke(action);
            Actions.Add(action);
            return action;
        }

        /// <summary>Sessions every <paramref name="moisEntre"/> months from a year and a half ago to the next quarter.</summary>
        public void Sessions_(ActionInsertion action, DateOnly aujourdhui, int places, int dureeSemaines, int moisEntre)
        {
            var debut = new DateOnly(aujourdhui.Year, aujourdhui.Month, 1).AddMonths(-18);
            for (var n = 1; debut <= aujourdhui.AddMonths(3); n++, debut = debut.AddMonths(moisEntre))
            {
                Sessions.Add(new SessionAction(departement.Id, action.Id, $"Session {n} — {debut:MMMM yyyy}", debut, debut.AddDays((dureeSemaines * 7) - 1), places));
            }
        }
    }

    /// <summary>Fictional operators' agents for the partner structures the seeds name without a demo account.</summary>
    private static readonly (string Prenom, string Nom)[] NomsOperateurs =
    [
        ("Claire", "Besson"), ("Hugo", "Cayrol"), ("Inès", "Marty"), ("Paul", "Rigal"), ("Léa", "Bouyssou"), ("Yanis", "Fabre"),
        ("Manon", "Teyssier"), ("Louis", "Cantuel"), ("Chloé", "Delort"), ("Nathan", "Vigier"), ("Emma", "Lescure"), ("Théo", "Bonal"),
        ("Jade", "Leroux"), ("Lucas", "Guérin"), ("Zoé", "Lemaître"), ("Adam", "Pichon"), ("Lina", "Hamon"), ("Noah", "Legrand"),
        ("Rose", "Lebrun"), ("Tom", "Renaud"), ("Alice", "Masson"), ("Jules", "Collin"), ("Anna", "Perrin"), ("Sacha", "Morel"),
    ];

    private void EnregistrerOffre(Departement d, Catalogue catalogue)
    {
        var numero = 0;
        foreach (var structureId in catalogue.Actions.Select(a => a.StructureId).Distinct().Where(id => !catalogue.Operateurs.ContainsKey(id)).ToList())
        {
            var structure = db.Structures.Local.Single(s => s.Id == structureId);
            var (prenom, nom) = NomsOperateurs[(numero + d.Code.Sum(c => c)) % NomsOperateurs.Length];
            catalogue.Operateurs[structureId] = Ajouter(d, structure, $"operateur.{d.Code}-{++numero}", prenom, nom, Role.Operateur);
        }

        foreach (var ligne in catalogue.Lignes)
        {
            db.Add(ligne);
        }

        db.Actions.AddRange(catalogue.Actions);
        db.SessionsActions.AddRange(catalogue.Sessions);
        _offres[d.Id] = new OffreDemo(catalogue.Actions, catalogue.Sessions, catalogue.Operateurs);
    }

    private static DateOnly DebutProgramme(DateOnly aujourdhui) => new(aujourdhui.Year - 1, 1, 1);

    private void OffreCantal(
        Departement d, DateOnly aujourdhui, Structure plie, Structure chantier, Agent operateurChantier, Structure association, Territoire aurillac, Territoire mauriac)
    {
        var c = new Catalogue(d, DebutProgramme(aujourdhui))
            .Programme(TypeProgramme.Pdi, $"Programme départemental d'insertion du Cantal {DebutProgramme(aujourdhui).Year}-{DebutProgramme(aujourdhui).Year + 3} (après le PDI 2014-2017)", 4)
            .Axe("1", "Renforcer l'accompagnement socioprofessionnel");
        var f11 = c.Fiche("1.1", "Améliorer l'accueil, l'information et l'orientation");
        var f12 = c.Fiche("1.2", "Faire évoluer l'offre d'insertion professionnelle");
        var f13 = c.Fiche("1.3", "Reconsidérer l'offre d'insertion sociale");
        c.Axe("2", "Démultiplier les démarches de développement social local");
        c.Fiche("2.1", "Développement d'une démarche concertée avec les territoires");
        var f22 = c.Fiche("2.2", "Développer les actions collectives dans les domaines culturels et sportifs");
        c.Axe("3", "Optimiser les actions contribuant à la résolution des freins à l'insertion : mobilité, santé, accès aux droits");
        var f31 = c.Fiche("3.1", "Développer l'accès à la formation et la lutte contre l'illettrisme");
        var f32 = c.Fiche("3.2", "Faire de la mobilité une priorité transversale");
        c.Fiche("3.3", "Favoriser l'accès aux droits");
        c.Fiche("3.4", "Favoriser l'accès aux soins");
        c.Axe("4", "Favoriser le développement de l'Economie Sociale et Solidaire");
        c.Fiche("4.1", "S'associer et contribuer au développement de l'ESS");
        c.Axe("5", "Outiller les professionnels de l'insertion");
        var f51 = c.Fiche("5.1", "Accompagner individuellement sur le plan social et socio-professionnel");
        var f52 = c.Fiche("5.2", "Développer les actions collectives");
        var f531 = c.Fiche("5.3.1", "Mettre en place des accompagnements spécifiques – Régime agricole");
        var f532 = c.Fiche("5.3.2", "Mettre en place des accompagnements spécifiques – Travailleurs non-salariés");
        c.Fiche("5.4", "Mettre en place un accompagnement global socioprofessionnel");
        c.Fiche("5.5", "Ouvrir le dispositif à d'autres types de publics fragiles");
        c.Axe("6", "Coordonner et mutualiser les dispositifs au plan départemental et territorial");
        c.Fiche("6.1", "Créer les conditions d'une gouvernance collégiale et partenariale au plan départemental et territorial");
        c.Fiche("6.2", "Mettre en cohérence les schémas et dispositifs existants");
        _ = f11;

        var rivieres = db.Structures.Local.Single(s => s.Nom.StartsWith("Chantier d'insertion Rivières", StringComparison.Ordinal));
        var cci = db.Structures.Local.Single(s => s.DepartementId == d.Id && s.Type == TypeStructure.Cci);
        var cma = db.Structures.Local.Single(s => s.DepartementId == d.Id && s.Type == TypeStructure.Cma);
        var msa = db.Structures.Local.Single(s => s.DepartementId == d.Id && s.Type == TypeStructure.Msa);
        var savoirs = Structure(d, "Centre de ressources savoirs de base du Cantal", TypeStructure.OrganismeFormation, "15014", null, aurillac, mauriac);
        var mobilite = Structure(d, "Auto-école sociale et garage associatif du Cantal", TypeStructure.Association, "15014");
        c.Operateurs[chantier.Id] = operateurChantier;

        c.Action(plie, f12, "Accompagnement renforcé vers l'emploi du PLIE",
            "Un conseiller du PLIE suit chaque participant jusqu'à l'emploi durable : projet, candidatures, mises en situation, suivi dans l'emploi. Environ un tiers des participants sont allocataires du RSA ; le PLIE accueille de 80 à 100 personnes par an.",
            "accompagnement", ["trouver-un-emploi--repondre-a-des-offres-demploi", "preparer-sa-candidature--valoriser-ses-competences"], ["beneficiaires-des-minimas-sociaux", "demandeurs-emploi"],
            a =>
            {
                a.DefinirZone([aurillac.Id], []);
                a.DefinirEligibilite(null, null, Dispositifs.Rsa | Dispositifs.Plie, false, false, []);
                a.DefinirCapaciteEtRythme(ModeCapacite.ParcoursAnnuels, 100, 30, null, 12);
            });
        c.Action(chantier, f12, "Chantier d'insertion maraîchage biologique",
            "Des salariés en insertion cultivent des légumes biologiques vendus en paniers. Le chantier apprend les gestes du métier, le travail en équipe et prépare une suite de parcours : formation qualifiante ou emploi.",
            "accompagnement", ["trouver-un-emploi--maintien-dans-lemploi", "choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite"], ["beneficiaires-des-minimas-sociaux"],
            a =>
            {
                a.DefinirEligibilite(null, null, Dispositifs.Rsa, false, false, []);
                a.DefinirCapaciteEtRythme(ModeCapacite.ParcoursAnnuels, 24, 30, null, 12);
                a.DefinirPrescripteurs([TypeStructure.ServiceDepartement, TypeStructure.FranceTravail, TypeStructure.Plie, TypeStructure.MissionLocale, TypeStructure.Association]);
            });
        c.Action(rivieres, f12, "Chantier d'insertion entretien des rivières et sentiers",
            "Entretien des berges, des cours d'eau et des chemins de randonnée du pays de Mauriac par une équipe de salariés en insertion encadrée par un chef de chantier.",
            "accompagnement", ["trouver-un-emploi--maintien-dans-lemploi"], ["beneficiaires-des-minimas-sociaux"],
            a =>
            {
                a.DefinirZone([mauriac.Id], []);
                a.DefinirCapaciteEtRythme(ModeCapacite.ParcoursAnnuels, 12, 30, null, 12);
            });
        var collectif = c.Action(association, f22, "Ateliers collectifs culture et sport",
            "Sorties culturelles, pratique sportive et ateliers créatifs en petit groupe pour rompre l'isolement, reprendre confiance et retrouver un rythme.",
            "atelier", ["remobilisation--activites-sportives-et-culturelles", "remobilisation--lien-social"], ["beneficiaires-des-minimas-sociaux"],
            a => a.DefinirCapaciteEtRythme(ModeCapacite.Sessions, null, null, null, 3));
        c.Sessions_(collectif, aujourdhui, 10, 12, 3);
        c.Action(association, f13, "Boîte à outils sociale : budget, logement, santé",
            "Ateliers pratiques sur la gestion du budget, l'accès au logement et aux soins, animés avec les partenaires de l'action sociale.",
            "atelier", ["difficultes-financieres--ameliorer-sa-gestion-budgetaire", "logement-hebergement--louer-un-logement"], ["beneficiaires-des-minimas-sociaux", "familles"]);
        c.Action(savoirs, f31, "Savoirs de base et lutte contre l'illettrisme",
            "Remise à niveau en lecture, écriture et calcul, en petits groupes et à son rythme, pour accéder ensuite à une formation ou à un emploi.",
            "formation", ["lecture-ecriture-calcul--maitriser-le-francais", "lecture-ecriture-calcul--maitriser-le-calcul"], ["beneficiaires-des-minimas-sociaux", "demandeurs-emploi"],
            a =>
            {
                a.DefinirCapaciteEtRythme(ModeCapacite.Libre, null, 7, null, 6);
                a.DefinirPlafonds(150, null, null);
            });
        c.Action(mobilite, f32, "Aide à la mobilité : permis et véhicule",
            "Préparation au permis de conduire adaptée aux personnes en insertion, prêt de véhicules et réparations à coût réduit pour se rendre au travail ou en formation.",
            "aide-materielle", ["mobilite--preparer-un-permis", "mobilite--acceder-a-un-vehicule", "mobilite--entretenir-reparer-son-vehicule"], ["beneficiaires-des-minimas-sociaux"],
            a => a.DefinirCapaciteEtRythme(ModeCapacite.Libre, null, null, null, 6));
        c.Action(association, f51, "Accompagnement social individualisé",
            "Un travailleur social accompagne la personne sur les difficultés qui freinent son insertion : logement, santé, budget, famille.",
            "accompagnement", ["difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits", "difficultes-financieres--ameliorer-sa-gestion-budgetaire"], ["beneficiaires-des-minimas-sociaux"],
            a =>
            {
                a.DefinirEligibilite(null, null, Dispositifs.Rsa, true, false, [TypeParcours.Social, TypeParcours.SocioProfessionnel]);
                a.DefinirCapaciteEtRythme(ModeCapacite.Libre, null, 30, null, 12);
            });
        c.Action(association, f52, "Action collective de redynamisation",
            "Un groupe d'une dizaine de personnes se retrouve deux demi-journées par semaine pendant deux mois autour d'un projet commun et d'ateliers de confiance en soi.",
            "atelier", ["remobilisation--bien-etre-confiance-en-soi"], ["beneficiaires-des-minimas-sociaux"],
            a => a.DefinirCapaciteEtRythme(ModeCapacite.Libre, null, null, null, 2));
        c.Action(msa, f531, "Accompagnement des exploitants agricoles au RSA",
            "La MSA accompagne les exploitants agricoles allocataires du RSA : diagnostic de l'exploitation, viabilité, reconversion le cas échéant.",
            "accompagnement", ["creer-une-entreprise--developper-son-entreprise"], ["beneficiaires-des-minimas-sociaux", "actifs"],
            a => a.DefinirEligibilite(null, null, Dispositifs.Rsa, true, false, []));
        c.Action(cci, f532, "Accompagnement des travailleurs non salariés du commerce",
            "La chambre de commerce et d'industrie suit les commerçants allocataires du RSA : tenue des comptes, développement de l'activité ou cessation accompagnée.",
            "accompagnement", ["creer-une-entreprise--developper-son-entreprise"], ["beneficiaires-des-minimas-sociaux", "actifs"],
            a => a.DefinirEligibilite(null, null, Dispositifs.Rsa, true, false, []));
        c.Action(cma, f532, "Accompagnement des travailleurs non salariés de l'artisanat",
            "La chambre de métiers et de l'artisanat suit les artisans allocataires du RSA dans la gestion et le développement de leur activité.",
            "accompagnement", ["creer-une-entreprise--developper-son-entreprise"], ["beneficiaires-des-minimas-sociaux", "actifs"],
            a => a.DefinirEligibilite(null, null, Dispositifs.Rsa, true, false, []));
        EnregistrerOffre(d, c);
    }

    private void OffrePuyDeDome(
        Departement d, DateOnly aujourdhui, Structure mobilite, Agent operateurMobilite, Structure aisp, Agent operateurAisp, Structure aip,
        Territoire clermont)
    {
        var debut = DebutProgramme(aujourdhui);
        var c = new Catalogue(d, debut)
            .Programme(TypeProgramme.Pdi, $"Programme départemental d'insertion du Puy-de-Dôme {debut.Year}-{debut.Year + 2} (après le PDI 2014-2016)", 3)
            .Axe("1", "Lever les freins sociaux à l'emploi");
        var fMobilite = c.Fiche("1.1", "Plateforme d'aide à la mobilité");
        c.Axe("2", "Remobiliser et préparer la qualification");
        var fAteliers = c.Fiche("2.1", "Ateliers de remobilisation professionnelle et de pré-qualification");
        c.Axe("3", "Accompagner vers l'insertion sociale et professionnelle");
        var fAip = c.Fiche("3.1", "Accompagnement socio-professionnel par les accompagnateurs en insertion professionnelle");
        var fAisp = c.Fiche("3.2", "Accompagnement insertion sociale et professionnelle (AISP)");
        var fCucs = c.Fiche("3.3", "Accompagnement des jeunes des quartiers prioritaires (CUCS, axe 5)");

        var ateliers = db.Structures.Local.Single(s => s.Nom.StartsWith("Ateliers du Livradois", StringComparison.Ordinal));
        var mediation = Structure(d, "Association Médiation Jeunes Clermont", TypeStructure.Association, "63113", null, clermont);
        c.Operateurs[mobilite.Id] = operateurMobilite;
        c.Operateurs[aisp.Id] = operateurAisp;

        // Only the référents of the RSA, France Travail, the Missions locales, the PLIE and the IAE accompaniers may prescribe mobility.
        TypeStructure[] prescripteursMobilite = [TypeStructure.ServiceDepartement, TypeStructure.FranceTravail, TypeStructure.MissionLocale, TypeStructure.Plie, .. TypesIae.Select(Enum.Parse<TypeStructure>)];
        (string Nom, string Texte, string Type, string[] Thematiques)[] services =
        [
            ("Mobilité : accueil et orientation", "Premier accueil à la plateforme : point sur les besoins de déplacement de la personne et orientation vers le service qui y répond.", "information", ["mobilite--etre-accompagne-dans-son-parcours-mobilite"]),
            ("Mobilité : ateliers collectifs", "Ateliers en groupe pour apprendre à se repérer, lire un plan, utiliser les transports en commun et préparer un trajet domicile-travail.", "atelier", ["mobilite--mobilite-douce-partagee-collective", "mobilite--etre-accompagne-dans-son-parcours-mobilite"]),
            ("Mobilité : diagnostic", "Un conseiller mobilité évalue avec la personne ses capacités, ses freins et ses solutions de déplacement ; le bilan est transmis au référent.", "accompagnement", ["mobilite--etre-accompagne-dans-son-parcours-mobilite"]),
            ("Mobilité : accompagnement personnalisé", "Suivi individuel pour mettre en œuvre le plan de mobilité défini au diagnostic, jusqu'à l'autonomie dans les déplacements liés à l'emploi.", "accompagnement", ["mobilite--etre-accompagne-dans-son-parcours-mobilite", "mobilite--financer-ma-mobilite"]),
            ("Mobilité : déplacement à la demande", "Transport ponctuel vers un entretien d'embauche, une formation ou les premiers jours d'un emploi, quand aucune autre solution n'existe.", "aide-materielle", ["mobilite--mobilite-douce-partagee-collective"]),
            ("Mobilité : location de véhicules deux ou quatre roues", "Location à tarif solidaire de scooters, vélos électriques ou voitures pour tenir un emploi ou une formation le temps de trouver une solution durable.", "aide-materielle", ["mobilite--acceder-a-un-vehicule"]),
            ("Mobilité : entretien, réparation et acquisition d'un véhicule", "Aide à l'entretien et à la réparation d'un véhicule dans un garage solidaire, et accompagnement à l'achat d'un véhicule adapté au budget.", "aide-materielle", ["mobilite--entretenir-reparer-son-vehicule", "mobilite--acceder-a-un-vehicule"]),
            ("Mobilité : aide au permis de conduire", "Apprentissage du code et de la conduite adapté aux personnes en insertion, avec un suivi pédagogique renforcé.", "formation", ["mobilite--preparer-un-permis"]),
        ];
        foreach (var (nom, texte, type, thematiques) in services)
        {
            c.Action(mobilite, fMobilite, nom, texte + " Ces aides s'inscrivent dans le contrat d'engagement ou le projet personnalisé de la personne.",
                type, thematiques, ["beneficiaires-des-minimas-sociaux", "demandeurs-emploi", "jeunes"],
                a =>
                {
                    a.DefinirZone([], []);
                    a.DefinirEligibilite(null, null, Dispositifs.Rsa | Dispositifs.Plie | Dispositifs.MissionLocale, false, false, []);
                    a.DefinirCapaciteEtRythme(ModeCapacite.Libre, null, nom.Contains("personnalisé", StringComparison.Ordinal) ? 15 : null, null, 6);
                    a.DefinirPrescripteurs(prescripteursMobilite);
                    a.DefinirLieuEtContact("4 plateformes techniques dans le département", "63113", "Accueil de la plateforme", "contact@plateforme-mobilite.demo", "04 65 71 00 63", a.Debut, null);
                });
        }

        var remobilisation = c.Action(ateliers, fAteliers, "Atelier de remobilisation professionnelle",
            "À partir d'un diagnostic personnalisé, la personne définit son projet professionnel en centre de formation, avec un ou deux stages d'une à deux semaines en entreprise. 210 heures au plus.",
            "formation", ["choisir-un-metier--identifier-ses-points-forts-et-ses-competences", "choisir-un-metier--confirmer-son-choix-de-metier"], ["beneficiaires-des-minimas-sociaux"],
            a =>
            {
                a.DefinirEligibilite(null, null, Dispositifs.Rsa, false, false, []);
                a.DefinirCapaciteEtRythme(ModeCapacite.Sessions, null, null, null, 3);
                a.DefinirPlafonds(210, 35, 70);
            });
        c.Sessions_(remobilisation, aujourdhui, 12, 12, 3);
        var prequalification = c.Action(ateliers, fAteliers, "Atelier de pré-qualification",
            "Après le positionnement, premiers gestes techniques en centre de formation, habilitations utiles et techniques de recherche d'emploi, avec un stage en entreprise de 70 à 120 heures. 385 heures au plus.",
            "formation", ["se-former--trouver-sa-formation", "choisir-un-metier--confirmer-son-choix-de-metier"], ["beneficiaires-des-minimas-sociaux"],
            a =>
            {
                a.DefinirEligibilite(null, null, Dispositifs.Rsa, false, false, []);
                a.DefinirCapaciteEtRythme(ModeCapacite.Sessions, null, null, null, 4);
                a.DefinirPlafonds(385, 70, 120);
            });
        c.Sessions_(prequalification, aujourdhui, 12, 16, 3);
        c.Action(aip, fAip, "Accompagnement socio-professionnel renforcé",
            "Un accompagnateur en insertion professionnelle établit un diagnostic socio-professionnel, construit avec la personne un plan d'action qu'elle accepte et la suit par objectifs, au plus près de son bassin de vie.",
            "accompagnement", ["trouver-un-emploi--repondre-a-des-offres-demploi", "preparer-sa-candidature--organiser-ses-demarches-de-recherche-demploi"], ["beneficiaires-des-minimas-sociaux"],
            a =>
            {
                a.DefinirEligibilite(null, null, Dispositifs.Rsa, false, false, []);
                a.DefinirCapaciteEtRythme(ModeCapacite.Libre, null, 30, null, 12);
            });
        c.Action(aisp, fAisp, "Accompagnement insertion sociale et professionnelle (AISP)",
            "Pour les allocataires de minima sociaux trop éloignés de l'emploi pour un accompagnement classique : trois mois d'accompagnement individuel, une douzaine d'entretiens, pour lever les freins puis bâtir un parcours professionnel adapté.",
            "accompagnement", ["remobilisation--bien-etre-confiance-en-soi", "difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives"], ["beneficiaires-des-minimas-sociaux"],
            a =>
            {
                a.DefinirEligibilite(null, null, Dispositifs.Rsa, false, false, []);
                a.DefinirCapaciteEtRythme(ModeCapacite.ParcoursAnnuels, 50, 7, 12, 3);
            });
        c.Action(mediation, fCucs, "Accompagnement des jeunes des quartiers prioritaires",
            "Pour les 18-25 ans des quartiers de la politique de la ville en rupture : douze mois d'accompagnement, un entretien tous les quinze jours, et la médiation avec les organismes d'insertion pour revenir vers le droit commun.",
            "accompagnement", ["remobilisation--lien-social", "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-a-la-citoyennete"], ["jeunes", "residents-qpv-frr"],
            a =>
            {
                a.DefinirZone([], ["63113"]);
                a.DefinirEligibilite(18, 25, Dispositifs.Aucun, false, true, []);
                a.DefinirCapaciteEtRythme(ModeCapacite.ParcoursAnnuels, 10, 15, 24, 12);
            });
        EnregistrerOffre(d, c);
    }

    private void OffreCalvados(Departement d, DateOnly aujourdhui, Structure apr, Agent operateurApr, Territoire[] territoires)
    {
        var debut = DebutProgramme(aujourdhui);
        var c = new Catalogue(d, debut)
            .Programme(TypeProgramme.Pdi, $"Plan départemental d'insertion du Calvados {debut.Year}-{debut.Year + 4} (après le PDI et le PTI 2012-2017)", 5)
            .Axe("1", "Accompagner vers l'emploi et la formation");
        var fApr = c.Fiche("1.1", "Accompagnement professionnel renforcé");
        c.Axe("2", "Développer l'insertion par l'activité économique");
        var fChantiers = c.Fiche("2.1", "Chantiers d'insertion conventionnés");
        c.Axe("3", "Favoriser l'insertion sociale");
        var fSocial = c.Fiche("3.1", "Ateliers collectifs d'insertion sociale");
        c.Axe("4", "Accompagner les travailleurs indépendants");
        var fTns = c.Fiche("4.1", "Suivi des travailleurs non salariés");
        c.Operateurs[apr.Id] = operateurApr;

        c.Action(apr, fApr, "APR — accompagnement vers l'emploi",
            "Renforcer ses techniques de recherche d'emploi, recevoir au moins trois offres dans son champ de compétences, être aidé pour décrocher le contrat, puis être suivi pendant le contrat jusqu'à six mois.",
            "accompagnement", ["trouver-un-emploi--repondre-a-des-offres-demploi", "trouver-un-emploi--convaincre-un-recruteur-en-entretien", "trouver-un-emploi--maintien-dans-lemploi"], ["beneficiaires-des-minimas-sociaux"],
            a =>
            {
                a.DefinirEligibilite(null, null, Dispositifs.Rsa, true, false, []);
                a.DefinirCapaciteEtRythme(ModeCapacite.Libre, null, 15, null, 6);
            });
        c.Action(apr, fApr, "APR — accompagnement vers la formation",
            "Valider son projet de formation, chercher une formation qualifiante, s'y positionner et être suivi pendant la formation, jusqu'à six mois.",
            "accompagnement", ["se-former--trouver-sa-formation", "se-former--monter-son-dossier-de-formation"], ["beneficiaires-des-minimas-sociaux"],
            a =>
            {
                a.DefinirEligibilite(null, null, Dispositifs.Rsa, true, false, []);
                a.DefinirCapaciteEtRythme(ModeCapacite.Libre, null, 15, null, 6);
            });

        // About twenty associations hold a convention to hire people on the RSA for work of collective interest.
        (string Nom, string Activite, string[] Thematiques)[] supports =
        [
            ("Entretien des cours d'eau", "l'entretien des berges et des cours d'eau", ["trouver-un-emploi--maintien-dans-lemploi"]),
            ("Chemins de randonnée", "l'entretien des chemins de randonnée", ["trouver-un-emploi--maintien-dans-lemploi"]),
            ("Espaces verts", "l'entretien des espaces verts des communes", ["choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite"]),
            ("Collecte et tri des déchets", "la collecte et le retraitement des déchets", ["choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite"]),
            ("Maraîchage biologique", "la production de légumes biologiques", ["choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite"]),
            ("Recyclerie", "la remise en état d'objets d'occasion vendus à petits prix", ["choisir-un-metier--decouvrir-un-metier-ou-un-secteur-dactivite"]),
        ];
        string[] lieux = ["Caen", "Lisieux", "Bayeux", "Vire", "Hérouville-Saint-Clair", "Honfleur", "Falaise"];
        var existants = db.Structures.Local.Where(s => s.DepartementId == d.Id && s.Type == TypeStructure.Aci).ToList();
        for (var i = 0; i < 20; i++)
        {
            var (nom, activite, thematiques) = supports[i % supports.Length];
            var territoire = territoires[i % territoires.Length];
            var structure = i < existants.Count
                ? existants[i]
                : Structure(d, $"Chantier d'insertion {nom} de {lieux[i % lieux.Length]}{(i >= lieux.Length ? $" ({(i / lieux.Length) + 1})" : "")}", TypeStructure.Aci,
                    territoire.Communes[0].CommuneCode, null, territoire);
            c.Action(structure, fChantiers, $"Chantier d'insertion : {nom.ToLowerInvariant()} ({lieux[i % lieux.Length]})",
                $"Des allocataires du RSA, salariés en insertion, travaillent à {activite}. Ils acquièrent des compétences techniques et des savoir-faire, puis visent une formation qualifiante ou un emploi.",
                "accompagnement", thematiques, ["beneficiaires-des-minimas-sociaux"],
                a =>
                {
                    a.DefinirZone([territoire.Id], []);
                    a.DefinirEligibilite(null, null, Dispositifs.Rsa, false, false, []);
                    a.DefinirCapaciteEtRythme(ModeCapacite.ParcoursAnnuels, 12, 30, null, 12);
                });
        }

        var fil = db.Structures.Local.Single(s => s.Nom.StartsWith("Atelier collectif Le Fil", StringComparison.Ordinal));
        var social = c.Action(fil, fSocial, "Ateliers collectifs : jardinage, couture, cuisine, sorties",
            "Des ateliers en groupe pour rompre l'isolement et se refaire un réseau ; on y parle aussi budget, alimentation, déplacements et services de proximité. Une préparation à l'insertion professionnelle ou simplement un mieux-être.",
            "atelier", ["remobilisation--lien-social", "difficultes-financieres--ameliorer-sa-gestion-budgetaire"], ["beneficiaires-des-minimas-sociaux", "familles"],
            a => a.DefinirCapaciteEtRythme(ModeCapacite.Sessions, null, null, null, 3));
        c.Sessions_(social, aujourdhui, 12, 12, 3);
        var tns = db.Structures.Local.Single(s => s.Nom.StartsWith("Accompagnement des travailleurs indépendants", StringComparison.Ordinal));
        c.Action(tns, fTns, "Suivi des travailleurs non salariés",
            "Pour les allocataires du RSA qui exercent une activité commerciale ou artisanale (vendeurs ambulants, restaurateurs, artistes…) : aide à la gestion et à la tenue des documents administratifs et comptables.",
            "accompagnement", ["creer-une-entreprise--developper-son-entreprise"], ["beneficiaires-des-minimas-sociaux", "actifs"],
            a => a.DefinirEligibilite(null, null, Dispositifs.Rsa, true, false, []));
        EnregistrerOffre(d, c);
    }
}
