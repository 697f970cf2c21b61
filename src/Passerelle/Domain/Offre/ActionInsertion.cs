using System.ComponentModel.DataAnnotations;

namespace Passerelle.Domain;

/// <summary>How an action counts its places.</summary>
public enum ModeCapacite
{
    [Display(Name = "Sans limite de places")] Libre,
    [Display(Name = "Par sessions, avec un nombre de places chacune")] Sessions,
    [Display(Name = "Nombre de parcours par an")] ParcoursAnnuels,
}

/// <summary>
/// An action of the offer (named so to stay clear of <see cref="System.Action"/>): run by an operator structure,
/// attached to a fiche-action, described with the data·inclusion v1 codes. It carries its own rules — who is
/// eligible, who may prescribe it, how many places, how often the person is met and for how long, how many
/// hours at most — and judges a person or a prescriber against them with French reasons.
/// </summary>
public sealed class ActionInsertion : IAppartientAuDepartement, IVersionne
{
    public const int LongueurNom = 150;
    public const int LongueurPresentation = 4000;
    public const int LongueurCourte = 200;

    private ActionInsertion()
    {
    }

    public ActionInsertion(Guid departementId, Guid structureId, Guid ficheActionId, string nom, string presentation, string typeService)
    {
        DepartementId = departementId;
        StructureId = structureId;
        FicheActionId = ficheActionId;
        Decrire(nom, presentation, typeService, [], [], [], null);
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid DepartementId { get; private set; }
    /// <summary>The operator: its agents receive the prescriptions.</summary>
    public Guid StructureId { get; private set; }
    public Guid FicheActionId { get; private set; }
    public string Nom { get; private set; } = "";
    public string Presentation { get; private set; } = "";
    /// <summary>One code of data·inclusion's types of services (accompagnement, atelier, formation…).</summary>
    public string TypeService { get; private set; } = "";
    /// <summary>data·inclusion thématiques, separated by "|".</summary>
    public string? Thematiques { get; private set; }
    /// <summary>data·inclusion publics, separated by "|".</summary>
    public string? Publics { get; private set; }
    public string? ModesAccueil { get; private set; }
    public string? ConditionsAcces { get; private set; }

    public string? Adresse { get; private set; }
    /// <summary>Where the action takes place (COG code).</summary>
    public string? CommuneCode { get; private set; }
    public string? ContactNom { get; private set; }
    public string? Courriel { get; private set; }
    public string? Telephone { get; private set; }
    public DateOnly? Debut { get; private set; }
    public DateOnly? Fin { get; private set; }

    /// <summary>Communes served besides <see cref="Territoires"/>, separated by "|"; none at all means the whole département.</summary>
    public string? CommunesDesservies { get; private set; }
    public List<ActionTerritoire> Territoires { get; private set; } = [];

    public int? AgeMinimum { get; private set; }
    public int? AgeMaximum { get; private set; }
    /// <summary>The dispositifs the person must follow one of; <see cref="Dispositifs.Aucun"/> for any.</summary>
    public Dispositifs DispositifsAcceptes { get; private set; }
    public bool ReserveeSoumisDroitsEtDevoirs { get; private set; }
    /// <summary>Only for people whose household lives in a quartier prioritaire.</summary>
    public bool ReserveeQpv { get; private set; }
    /// <summary>Tracks of the orientation in force the action serves, separated by "|"; none for any.</summary>
    public string? ParcoursAcceptes { get; private set; }

    public ModeCapacite ModeCapacite { get; private set; }
    public int? ParcoursParAn { get; private set; }
    /// <summary>Days between two entretiens expected with the person (15 for the CUCS accompaniment).</summary>
    public int? CadenceEntretiensJours { get; private set; }
    public int? EntretiensPrevus { get; private set; }
    public int? DureeMois { get; private set; }
    public int? PlafondHeures { get; private set; }
    public int? StageMinimumHeures { get; private set; }
    public int? StageMaximumHeures { get; private set; }

    /// <summary>Types of the prescribers' structures habilitated, separated by "|"; none means any structure's référent.</summary>
    public string? TypesPrescripteurs { get; private set; }

    /// <summary>Shown on the public portal and in the feed, and open to prescriptions.</summary>
    public bool Publiee { get; private set; } = true;
    public DateOnly? MiseAJour { get; private set; }
    public int Version { get; set; }

    public IReadOnlyList<string> CodesThematiques => Texte.Separer(Thematiques);
    public IReadOnlyList<string> CodesPublics => Texte.Separer(Publics);
    public IReadOnlyList<string> CodesModesAccueil => Texte.Separer(ModesAccueil);
    public IReadOnlyList<string> CodesCommunesDesservies => Texte.Separer(CommunesDesservies);
    public IReadOnlyList<TypeParcours> ListeParcoursAcceptes => Texte.Separer(ParcoursAcceptes).Select(Enum.Parse<TypeParcours>).ToList();
    public IReadOnlyList<TypeStructure> ListeTypesPrescripteurs => Texte.Separer(TypesPrescripteurs).Select(Enum.Parse<TypeStructure>).ToList();

    public void Rattacher(Guid structureId, Guid ficheActionId)
    {
        StructureId = structureId;
        FicheActionId = ficheActionId;
    }

    public void Decrire(
        string nom, string presentation, string typeService, IEnumerable<string> thematiques, IEnumerable<string> publics,
        IEnumerable<string> modesAccueil, string? conditionsAcces)
    {
        var nomNettoye = Texte.Obligatoire(nom, LongueurNom, "Le nom de l'action");
        if (nomNettoye.Length < 3)
        {
            throw new RegleMetierException("Le nom de l'action compte au moins 3 caractères.");
        }

        var presentationNettoyee = Texte.Obligatoire(presentation, LongueurPresentation, "La présentation de l'action");
        if (presentationNettoyee.Length < 5)
        {
            throw new RegleMetierException("La présentation de l'action compte au moins 5 caractères.");
        }

        ReferentielDataInclusion.Verifier(ReferentielDataInclusion.TypesService, [typeService], "types de services");
        var listeThematiques = thematiques.ToList();
        var listePublics = publics.ToList();
        var listeModes = modesAccueil.ToList();
        ReferentielDataInclusion.Verifier(ReferentielDataInclusion.Thematiques, listeThematiques, "thématiques");
        ReferentielDataInclusion.Verifier(ReferentielDataInclusion.Publics, listePublics, "publics");
        ReferentielDataInclusion.Verifier(ReferentielDataInclusion.ModesAccueil, listeModes, "modes d'accueil");

        Nom = nomNettoye;
        Presentation = presentationNettoyee;
        TypeService = typeService;
        Thematiques = Texte.Joindre(listeThematiques);
        Publics = Texte.Joindre(listePublics);
        ModesAccueil = Texte.Joindre(listeModes);
        ConditionsAcces = Texte.Facultatif(conditionsAcces, LongueurPresentation, "Les conditions d'accès");
    }

    public void DefinirLieuEtContact(string? adresse, string? communeCode, string? contactNom, string? courriel, string? telephone, DateOnly? debut, DateOnly? fin)
    {
        courriel = Texte.Facultatif(courriel, LongueurCourte, "Le courriel de contact");
        if (courriel is not null && !courriel.Contains('@', StringComparison.Ordinal))
        {
            throw new RegleMetierException("Le courriel de contact n'est pas une adresse électronique.");
        }

        if (debut is not null && fin is not null && fin < debut)
        {
            throw new RegleMetierException("La fin de l'action suit son début.");
        }

        Adresse = Texte.Facultatif(adresse, LongueurCourte, "L'adresse");
        CommuneCode = Texte.Facultatif(communeCode, 5, "Le code commune");
        ContactNom = Texte.Facultatif(contactNom, LongueurCourte, "Le nom du contact");
        Courriel = courriel;
        Telephone = Texte.Facultatif(telephone, 30, "Le téléphone");
        Debut = debut;
        Fin = fin;
    }

    public void DefinirZone(IEnumerable<Guid> territoireIds, IEnumerable<string> communes)
    {
        var voulus = territoireIds.ToHashSet();
        Territoires.RemoveAll(t => !voulus.Contains(t.TerritoireId));
        foreach (var id in voulus.Where(id => Territoires.TrueForAll(t => t.TerritoireId != id)))
        {
            Territoires.Add(new ActionTerritoire(Id, id));
        }

        var codes = communes.Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
        if (codes.Exists(c => c.Length != 5))
        {
            throw new RegleMetierException("Une commune desservie s'indique par son code INSEE à 5 caractères.");
        }

        CommunesDesservies = Texte.Joindre(codes);
    }

    public void DefinirEligibilite(
        int? ageMinimum, int? ageMaximum, Dispositifs dispositifs, bool reserveeSoumis, bool reserveeQpv, IEnumerable<TypeParcours> parcours)
    {
        if (ageMinimum is < 16 or > 99 || ageMaximum is < 16 or > 99)
        {
            throw new RegleMetierException("Un âge d'éligibilité se situe entre 16 et 99 ans.");
        }

        if (ageMinimum > ageMaximum)
        {
            throw new RegleMetierException("L'âge minimum ne dépasse pas l'âge maximum.");
        }

        AgeMinimum = ageMinimum;
        AgeMaximum = ageMaximum;
        DispositifsAcceptes = dispositifs;
        ReserveeSoumisDroitsEtDevoirs = reserveeSoumis;
        ReserveeQpv = reserveeQpv;
        ParcoursAcceptes = Texte.Joindre(parcours.Distinct().Select(p => p.ToString()));
    }

    public void DefinirCapaciteEtRythme(ModeCapacite mode, int? parcoursParAn, int? cadenceJours, int? entretiensPrevus, int? dureeMois)
    {
        if (mode == ModeCapacite.ParcoursAnnuels && parcoursParAn is null or < 1)
        {
            throw new RegleMetierException("Indiquez le nombre de parcours par an.");
        }

        if (cadenceJours is < 1 or > 365 || entretiensPrevus is < 1 or > 200 || dureeMois is < 1 or > 60 || parcoursParAn is > 100_000)
        {
            throw new RegleMetierException("La cadence (1 à 365 jours), le nombre d'entretiens (1 à 200) et la durée (1 à 60 mois) sont hors limites.");
        }

        ModeCapacite = mode;
        ParcoursParAn = mode == ModeCapacite.ParcoursAnnuels ? parcoursParAn : null;
        CadenceEntretiensJours = cadenceJours;
        EntretiensPrevus = entretiensPrevus;
        DureeMois = dureeMois;
    }

    public void DefinirPlafonds(int? plafondHeures, int? stageMinimum, int? stageMaximum)
    {
        if (plafondHeures is < 1 or > 5000 || stageMinimum is < 0 || stageMaximum is < 1)
        {
            throw new RegleMetierException("Le plafond d'heures se situe entre 1 et 5 000 heures.");
        }

        if (stageMinimum > stageMaximum)
        {
            throw new RegleMetierException("La durée minimale du stage ne dépasse pas sa durée maximale.");
        }

        if (stageMaximum > plafondHeures)
        {
            throw new RegleMetierException("Le stage fait partie des heures de l'action : il ne dépasse pas le plafond.");
        }

        PlafondHeures = plafondHeures;
        StageMinimumHeures = stageMinimum;
        StageMaximumHeures = stageMaximum;
    }

    public void DefinirPrescripteurs(IEnumerable<TypeStructure> types) =>
        TypesPrescripteurs = Texte.Joindre(types.Distinct().Select(t => t.ToString()));

    public void Publier(bool publiee) => Publiee = publiee;

    public void MarquerMiseAJour(DateOnly date) => MiseAJour = date;

    /// <summary>Why the prescriber's structure may not prescribe this action; null when it may.</summary>
    public string? MotifNonHabilite(TypeStructure? typeStructure)
    {
        var types = ListeTypesPrescripteurs;
        if (types.Count == 0 || (typeStructure is { } type && types.Contains(type)))
        {
            return null;
        }

        return $"Seuls les référents des structures suivantes sont habilités à prescrire cette action : {string.Join(", ", types.Select(t => t.Libelle()))}.";
    }

    /// <summary>
    /// Every reason why the person may not enter the action on <see cref="ProfilEligibilite.Date"/>; empty when she may.
    /// <paramref name="communesDeLaZone"/> are the communes served, territories included: empty for the whole département.
    /// </summary>
    public IReadOnlyList<string> MotifsIneligibilite(ProfilEligibilite profil, IReadOnlyCollection<string> communesDeLaZone)
    {
        var motifs = new List<string>();
        if (!Publiee)
        {
            motifs.Add("L'action n'est pas ouverte aux prescriptions.");
        }

        if (Fin is { } fin && fin < profil.Date)
        {
            motifs.Add($"L'action s'est terminée le {fin:dd/MM/yyyy}.");
        }

        var age = profil.Age;
        if (AgeMinimum is { } minimum && age < minimum)
        {
            motifs.Add($"L'action est réservée aux personnes d'au moins {minimum} ans ; la personne a {age} ans.");
        }

        if (AgeMaximum is { } maximum && age > maximum)
        {
            motifs.Add($"L'action est réservée aux personnes de {maximum} ans au plus ; la personne a {age} ans.");
        }

        if (DispositifsAcceptes != Dispositifs.Aucun && (profil.Dispositifs & DispositifsAcceptes) == 0)
        {
            motifs.Add($"L'action est réservée aux personnes suivies au titre de : {LibelleDispositifs(DispositifsAcceptes)}.");
        }

        if (ReserveeSoumisDroitsEtDevoirs && !profil.SoumisDroitsEtDevoirs)
        {
            motifs.Add("L'action est réservée aux bénéficiaires du RSA soumis aux droits et devoirs.");
        }

        if (ReserveeQpv && !profil.EnQpv)
        {
            motifs.Add("L'action est réservée aux habitants d'un quartier prioritaire de la politique de la ville.");
        }

        var parcours = ListeParcoursAcceptes;
        if (parcours.Count > 0 && (profil.Parcours is not { } p || !parcours.Contains(p)))
        {
            motifs.Add($"L'action accueille les personnes orientées en parcours {string.Join(" ou ", parcours.Select(x => x.Libelle().ToLowerInvariant()))}.");
        }

        if (communesDeLaZone.Count > 0 && (profil.CommuneCode is null || !communesDeLaZone.Contains(profil.CommuneCode)))
        {
            motifs.Add("La personne n'habite pas une commune desservie par l'action.");
        }

        return motifs;
    }

    /// <summary>Why a new prescription cannot take a place now; null when a place is free.</summary>
    public string? MotifComplet(int placesOccupees, SessionAction? session)
    {
        switch (ModeCapacite)
        {
            case ModeCapacite.ParcoursAnnuels when placesOccupees >= ParcoursParAn:
                return $"L'action a atteint ses {ParcoursParAn} parcours de l'année : inscrivez la personne en liste d'attente.";
            case ModeCapacite.Sessions when session is null:
                return "Choisissez la session où la personne prend place.";
            case ModeCapacite.Sessions when placesOccupees >= session!.Places:
                return $"La session « {session.Libelle} » est complète ({session.Places} places) : inscrivez la personne en liste d'attente ou choisissez une autre session.";
            default:
                return null;
        }
    }

    private static string LibelleDispositifs(Dispositifs dispositifs) =>
        string.Join(", ", Enum.GetValues<Dispositifs>().Where(d => d != Dispositifs.Aucun && dispositifs.HasFlag(d)).Select(d => d.Libelle()));
}

/// <summary>What the eligibility rules read of a person, on a given day.</summary>
public sealed record ProfilEligibilite(
    DateOnly Date, DateOnly DateNaissance, Dispositifs Dispositifs, bool SoumisDroitsEtDevoirs, string? CommuneCode, bool EnQpv, TypeParcours? Parcours)
{
    public int Age
    {
        get
        {
            var age = Date.Year - DateNaissance.Year;
            return DateNaissance.AddYears(age) > Date ? age - 1 : age;
        }
    }
}

public sealed class ActionTerritoire
{
    private ActionTerritoire()
    {
    }

    public ActionTerritoire(Guid actionId, Guid territoireId)
    {
        ActionId = actionId;
        TerritoireId = territoireId;
    }

    public Guid ActionId { get; private set; }
    public Guid TerritoireId { get; private set; }
}

/// <summary>A session of an action counted by sessions: dates and places.</summary>
public sealed class SessionAction : IAppartientAuDepartement, IVersionne
{
    private SessionAction()
    {
    }

    public SessionAction(Guid departementId, Guid actionId, string libelle, DateOnly debut, DateOnly fin, int places)
    {
        DepartementId = departementId;
        ActionId = actionId;
        Modifier(libelle, debut, fin, places);
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid DepartementId { get; private set; }
    public Guid ActionId { get; private set; }
    public string Libelle { get; private set; } = "";
    public DateOnly Debut { get; private set; }
    public DateOnly Fin { get; private set; }
    public int Places { get; private set; }
    public int Version { get; set; }

    public void Modifier(string libelle, DateOnly debut, DateOnly fin, int places)
    {
        Libelle = Texte.Obligatoire(libelle, ActionInsertion.LongueurCourte, "Le libellé de la session");
        if (fin < debut)
        {
            throw new RegleMetierException("La fin de la session suit son début.");
        }

        if (places is < 1 or > 1000)
        {
            throw new RegleMetierException("Une session compte de 1 à 1 000 places.");
        }

        Debut = debut;
        Fin = fin;
        Places = places;
    }
}
