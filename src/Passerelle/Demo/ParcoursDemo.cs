using Bogus;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Demo;

/// <summary>Where an orientation sends a person.</summary>
public sealed record Destination(TypeParcours Parcours, OrganismeOrientation Organisme, Guid? StructureId, string Libelle);

/// <summary>A caseload handed from one référent to another some weeks ago.</summary>
public sealed record TransfertDemo(Agent De, Agent Vers, int Nombre);

/// <summary>What the parcours of one demo département are generated from, beside its people.</summary>
public sealed record CadreParcoursDemo(
    Departement Departement, int Graine, IReadOnlyDictionary<Guid, Structure> Structures, Agent Responsable, Agent? AgentOrientation,
    TransfertDemo? Transfert, (Agent Absent, Agent Remplacant)? Suppleance, ModeleCourrier Modele);

/// <summary>The parcours rows of one département, written after its people.</summary>
public sealed class LotParcoursDemo
{
    public List<DecisionOrientation> Orientations { get; } = [];
    public List<DemandeReorientation> Demandes { get; } = [];
    public List<ContratEngagement> Contrats { get; } = [];
    public List<SeanceCollective> Seances { get; } = [];
    public List<RendezVous> RendezVous { get; } = [];
    public List<Suppleance> Suppleances { get; } = [];
    public List<MessageSortant> Messages { get; } = [];
    public List<ModeleCourrier> Modeles { get; } = [];

    public async Task EnregistrerAsync(PasserelleDbContext db, CancellationToken cancellationToken = default)
    {
        await InsertionGroupee.InsererAsync(db, Modeles, cancellationToken);
        await InsertionGroupee.InsererAsync(db, Orientations, cancellationToken);
        await InsertionGroupee.InsererAsync(db, Demandes, cancellationToken);
        await InsertionGroupee.InsererAsync(db, Contrats, cancellationToken);
        await InsertionGroupee.InsererAsync(db, Seances, cancellationToken);
        await InsertionGroupee.InsererAsync(db, RendezVous, cancellationToken);
        await InsertionGroupee.InsererAsync(db, Suppleances, cancellationToken);
        await InsertionGroupee.InsererAsync(db, Messages, cancellationToken);
    }
}

/// <summary>
/// The parcours of the demo's people, drawn from what <see cref="PersonnesDemo"/> generated: an orientation
/// decided shortly before the first designation (so some fall past the six weeks), its track following the
/// référent's structure; a few réorientations; contracts in every state (chains of renewals, drafts waiting,
/// some missing or late, some with reduced hours, external ones for France Travail and the Missions locales);
/// rendez-vous at the track's cadence, held, missed or excused, some overdue; one information collective for
/// the people waiting for their orientation; a caseload transfer and an absence cover. Deterministic per person.
/// </summary>
public sealed class ParcoursDemo
{
    private static readonly Dictionary<TypeParcours, string[]> Motifs = new()
    {
        [TypeParcours.Emploi] =
        [
            "Expérience récente dans le métier recherché, aucun frein qui empêche une reprise d'emploi rapide.",
            "Projet professionnel défini et mobilité assurée : accompagnement vers l'emploi.",
            "Demande de la personne, qui souhaite une recherche d'emploi intensive.",
        ],
        [TypeParcours.SocioProfessionnel] =
        [
            "Projet professionnel à construire en levant en même temps les freins de mobilité et de garde d'enfants.",
            "Longue période sans emploi : remobilisation et accompagnement vers une formation.",
            "Freins importants en mobilité et en numérique, projet d'emploi dans le secteur des services à la personne.",
        ],
        [TypeParcours.Social] =
        [
            "Situation de logement à stabiliser avant toute démarche d'emploi.",
            "Problèmes de santé en cours de prise en charge : accompagnement social d'abord.",
            "Budget très contraint et dettes : accompagnement budgétaire et accès aux droits.",
        ],
    };

    private static readonly string[] Bilans =
    [
        "Objectifs atteints : permis de conduire obtenu, recherche d'emploi engagée.",
        "Objectifs en partie atteints : la formation prévue a commencé, la recherche d'emploi se poursuit.",
        "Situation de logement stabilisée ; le nouveau contrat portera sur la formation.",
        "Peu d'avancées : rendez-vous irréguliers, objectifs reconduits dans le contrat suivant.",
    ];

    private static readonly (string Objectifs, string Actions)[] Engagements =
    [
        ("Obtenir le permis de conduire et rechercher un emploi dans un rayon de 30 km.", "Aide au permis, ateliers de recherche d'emploi, deux candidatures par semaine."),
        ("Stabiliser la situation de logement et reprendre contact avec l'emploi par un chantier d'insertion.", "Demande de logement social, entrée en chantier d'insertion."),
        ("Suivre une formation qualifiante d'aide-soignante.", "Information collective de l'organisme de formation, dossier de financement."),
        ("Retrouver un rythme par une activité bénévole puis un atelier de remobilisation.", "Atelier de remobilisation trois demi-journées par semaine."),
        ("Régulariser la situation budgétaire et accéder à une complémentaire santé.", "Rendez-vous avec la conseillère en économie sociale et familiale, dossier de complémentaire santé solidaire."),
        ("Créer son activité de services à domicile.", "Accompagnement à la création d'entreprise par la chambre de métiers."),
    ];

    private static readonly string[] ComptesRendus =
    [
        "Point sur les démarches du mois ; prochaines étapes fixées ensemble.",
        "Candidatures envoyées, préparation d'un entretien d'embauche.",
        "Démarches de logement en cours ; relance du bailleur.",
        "Bilan de l'atelier suivi ; la personne souhaite continuer.",
        "Dossier de formation complété pendant l'entretien.",
    ];

    private static readonly string[] MotifsExcuse = ["Rendez-vous médical", "Enfant malade", "Entretien d'embauche le même jour", "Absence de transport"];

    public static LotParcoursDemo Generer(CadreParcoursDemo cadre, LotDemo personnes, DateOnly aujourdhui) =>
        new Generation(cadre, personnes, aujourdhui).Executer();

    private sealed class Generation(CadreParcoursDemo cadre, LotDemo personnes, DateOnly aujourdhui)
    {
        private readonly LotParcoursDemo _lot = new();
        private readonly Guid _departementId = cadre.Departement.Id;
        private readonly TimeZoneInfo _fuseau = cadre.Departement.Fuseau;
        private readonly DateTime _maintenant = DateTime.SpecifyKind(aujourdhui.ToDateTime(new TimeOnly(7, 0)), DateTimeKind.Utc);
        private ILookup<Guid, ReferentUnique> _periodes = null!;
        private int _demandesEnAttente;
        private int _demandesRefusees;

        public LotParcoursDemo Executer()
        {
            var r = new Randomizer(cadre.Graine * 7919);
            _lot.Modeles.Add(cadre.Modele);
            Transferer(r);
            _periodes = personnes.Referents.ToLookup(p => p.BeneficiaireId);
            var droits = personnes.Droits.ToLookup(d => d.BeneficiaireId);
            var enAttente = new List<Beneficiaire>();
            foreach (var (personne, rang) in personnes.Beneficiaires.Select((b, i) => (b, i)))
            {
                var rp = new Randomizer((cadre.Graine * 1_000_003) + rang);
                var reception = droits[personne.Id]
                    .Where(d => d.Etat == EtatDroitRsa.Ouvert && d.SoumisDroitsEtDevoirs && d.DateReceptionInformation is not null)
                    .OrderBy(d => d.DateEffet)
                    .Select(d => d.DateReceptionInformation)
                    .FirstOrDefault();
                var periodes = _periodes[personne.Id].OrderBy(p => p.Debut).ToList();
                var cloture = personne.Clos ? personne.Clotures.OrderBy(c => c.Date).Last().Date : (DateOnly?)null;
                if (reception is not null && periodes.Count == 0 && !personne.Clos)
                {
                    enAttente.Add(personne);
                }

                if (reception is { } r0 && periodes.Count > 0)
                {
                    Orienter(rp, personne, r0, periodes, cloture);
                }

                RendezVousDeSuivi(rp, personne, periodes, cloture);
            }

            InformationCollective(r, enAttente);
            Suppleance();
            return _lot;
        }

        /// <summary>Some of a référent's people handed to another one, six weeks ago.</summary>
        private void Transferer(Randomizer r)
        {
            if (cadre.Transfert is not { } transfert)
            {
                return;
            }

            var date = aujourdhui.AddDays(-42);
            var candidats = personnes.Referents
                .Where(p => p.EstOuverte && p.AgentId == transfert.De.Id && p.Debut < date.AddDays(-60))
                .Select(p => p.BeneficiaireId)
                .Distinct()
                .ToList();
            foreach (var beneficiaireId in r.Shuffle(candidats).Take(transfert.Nombre))
            {
                var periodes = personnes.Referents.Where(p => p.BeneficiaireId == beneficiaireId).ToList();
                personnes.Referents.Add(ReferentUnique.Designer(
                    _departementId, beneficiaireId, periodes, date, transfert.Vers.Id, transfert.Vers.StructureId, null, null));
            }
        }

        private void Orienter(Randomizer r, Beneficiaire personne, DateOnly reception, List<ReferentUnique> periodes, DateOnly? cloture)
        {
            var destinations = Destinations(r, periodes);
            var premiere = periodes[0];
            var dateDecision = Max(reception, premiere.Debut.AddDays(-r.Number(0, 4)));
            var orientation = Decider(r, personne, null, reception, dateDecision, destinations[0]);

            // A change of référent to another kind of structure came with a réorientation, asked by the first référent.
            var rang = destinations.FindIndex(1, d => d.Parcours != destinations[0].Parcours);
            if (rang > 0 && periodes[rang].Debut > orientation.DateDecision.AddDays(30) && r.Bool(0.4f))
            {
                var suivante = periodes[rang];
                Contrats(r, personne, orientation, suivante.Debut.AddDays(-1));
                DemandeReorientation? demande = null;
                if (premiere.AgentId is { } demandeur)
                {
                    var dateDemande = Max(orientation.DateDecision, suivante.Debut.AddDays(-r.Number(10, 25)));
                    demande = DemandeReorientation.Demander(
                        orientation, destinations[rang].Parcours,
                        "La situation a évolué : un accompagnement d'un autre type répond mieux au projet de la personne.", demandeur, dateDemande, []);
                    _lot.Demandes.Add(demande);
                }

                var nouvelle = Decider(r, personne, orientation, reception, suivante.Debut, destinations[rang]);
                demande?.Accepter(nouvelle, cadre.Responsable.Id);
                orientation = nouvelle;
            }

            Contrats(r, personne, orientation, cloture);
            DemandeEnCours(r, personne, orientation, periodes[^1], cloture);
        }

        /// <summary>A few open requests for the Responsable's queue, and one refused with its reason.</summary>
        private void DemandeEnCours(Randomizer r, Beneficiaire personne, DecisionOrientation orientation, ReferentUnique periode, DateOnly? cloture)
        {
            if (cloture is not null || periode.AgentId is not { } referent || !periode.EstOuverte || orientation.DateDecision > aujourdhui.AddDays(-60) || !r.Bool(0.03f))
            {
                return;
            }

            var autre = orientation.Parcours == TypeParcours.Social ? TypeParcours.SocioProfessionnel : TypeParcours.Social;
            if (_demandesEnAttente < 3)
            {
                _lot.Demandes.Add(DemandeReorientation.Demander(
                    orientation, autre, "Difficultés de santé apparues depuis l'orientation : la personne ne peut pas suivre les actions prévues.",
                    referent, aujourdhui.AddDays(-r.Number(1, 12)), []));
                _demandesEnAttente++;
            }
            else if (_demandesRefusees < 1)
            {
                var demande = DemandeReorientation.Demander(
                    orientation, autre, "La personne souhaite un accompagnement plus soutenu.", referent, aujourdhui.AddDays(-40), []);
                demande.Refuser("L'accompagnement actuel peut être renforcé sans changer de parcours : rendez-vous tous les quinze jours.", cadre.Responsable.Id, aujourdhui.AddDays(-33));
                _lot.Demandes.Add(demande);
                _demandesRefusees++;
            }
        }

        private DecisionOrientation Decider(Randomizer r, Beneficiaire personne, DecisionOrientation? enVigueur, DateOnly reception, DateOnly date, Destination destination)
        {
            var (parcours, organisme, structureId, libelle) = destination;
            // The six-week setting starts with the law; earlier receipts were judged by no delay of Passerelle.
            int? semaines = reception >= DelaiContrat.EntreeEnVigueur ? 6 : null;
            var vulnerable = parcours == TypeParcours.Social && r.Bool(0.25f);
            DateOnly? notification = date.AddDays(r.Number(1, 6));
            if (notification > aujourdhui)
            {
                notification = null;
            }

            var orientation = DecisionOrientation.Decider(
                _departementId, personne.Id, enVigueur, parcours, organisme, structureId, libelle, reception, semaines, date, notification,
                r.ArrayElement(Motifs[parcours]), vulnerable ? r.ArrayElement(["sans-logement", "sante-grave", "violences", "addiction"]) : null,
                vulnerable ? 12 : 6, cadre.AgentOrientation?.Id, Instant(date, 10));
            _lot.Orientations.Add(orientation);
            return orientation;
        }

        /// <summary>
        /// The track follows who the référent is: France Travail or a Mission locale for employment, the PLIE for
        /// employment with a partner, other partners for socio-professional support, the TAS for social or
        /// socio-professional support (kept from one TAS référent to the next).
        /// </summary>
        private List<Destination> Destinations(Randomizer r, List<ReferentUnique> periodes)
        {
            var destinations = new List<Destination>();
            foreach (var periode in periodes)
            {
                var structure = periode.StructureId is { } id ? cadre.Structures.GetValueOrDefault(id) : null;
                var nom = periode.StructureExterne ?? structure?.Nom ?? "Direction de l'insertion";
                Destination destination = (periode.AgentId, structure?.Type) switch
                {
                    (null, _) when nom.StartsWith("Mission locale", StringComparison.Ordinal) =>
                        new(TypeParcours.Emploi, OrganismeOrientation.MissionLocale, null, nom),
                    (null, _) => new(TypeParcours.Emploi, OrganismeOrientation.FranceTravail, null, nom),
                    (_, TypeStructure.ServiceDepartement) => new(
                        destinations.LastOrDefault() is { Organisme: OrganismeOrientation.ServiceDepartement } precedente
                            ? precedente.Parcours
                            : r.Bool(0.4f) ? TypeParcours.Social : TypeParcours.SocioProfessionnel,
                        OrganismeOrientation.ServiceDepartement, structure!.Id, nom),
                    (_, TypeStructure.Plie) => new(TypeParcours.Emploi, OrganismeOrientation.StructurePartenaire, structure!.Id, nom),
                    _ => new(TypeParcours.SocioProfessionnel, OrganismeOrientation.StructurePartenaire, structure?.Id, nom),
                };
                destinations.Add(destination);
            }

            return destinations;
        }

        /// <summary>
        /// The contracts following one orientation, until <paramref name="jusquAu"/> (a réorientation or a closure) or today:
        /// a chain of renewals, the last one in any state, or none at all for some people.
        /// </summary>
        private void Contrats(Randomizer r, Beneficiaire personne, DecisionOrientation orientation, DateOnly? jusquAu)
        {
            if (orientation.DateNotification is not { } notification || r.Bool(0.1f))
            {
                return;
            }

            var limite = jusquAu is { } j && j < aujourdhui ? j : aujourdhui;
            // Mostly within the month; some late.
            var debut = notification.AddDays(r.Bool(0.82f) ? r.Number(5, 28) : r.Number(35, 80));
            if (debut > limite)
            {
                return;
            }

            var externe = orientation.Organisme.SigneLeContratAilleurs();
            var heures = r.Bool(0.12f)
                ? new HeuresActivite(r.Bool(0.7f) ? r.Number(4, 12) : null, r.ArrayElement(["sante", "handicap", "invalidite", "parent-isole"]), debut, debut.AddMonths(6))
                : new HeuresActivite(15);
            var (objectifs, actions) = r.ArrayElement(Engagements);
            var contenu = new ContenuContrat(objectifs, r.Shuffle(PersonnesDemo.ThemesFreins).Take(r.Number(1, 3)).ToList(), actions);
            var agentId = _periodes[personne.Id].LastOrDefault(p => p.Debut <= debut)?.AgentId;
            ContratEngagement? precedent = null;
            while (true)
            {
                var fin = debut.AddMonths(externe || r.Bool(0.5f) ? 6 : 12).AddDays(-1);
                var contrat = externe
                    ? ContratEngagement.Exterieur(_departementId, personne.Id, orientation.LibelleOrganisme, debut, fin, debut, heures, 15, orientation.Id, agentId)
                    : precedent is null
                        ? ContratEngagement.Brouillon(_departementId, personne.Id, debut, fin, heures, 15, null, contenu, orientation.Id, agentId)
                        : precedent.Renouveler(debut, fin, new HeuresActivite(15), 15, orientation.Id, agentId);
                _lot.Contrats.Add(contrat);
                if (!externe && !Conduire(r, contrat, debut))
                {
                    return;
                }

                if (fin >= limite)
                {
                    if (jusquAu is { } arret && arret < aujourdhui)
                    {
                        contrat.Cloturer(Max(arret, contrat.DateSignature!.Value), "Contrat clos avant son terme : " + (personne.Clos ? "fin du suivi." : "réorientation."));
                    }

                    return;
                }

                // Some contracts reach their end and wait for the next one: "échu" in the portfolio.
                if (fin > aujourdhui.AddDays(-45) && r.Bool(0.3f))
                {
                    return;
                }

                contrat.Cloturer(Min(fin.AddDays(r.Number(0, 10)), limite), r.ArrayElement(Bilans));
                precedent = contrat;
                heures = new HeuresActivite(15);
                debut = fin.AddDays(1);
            }
        }

        /// <summary>Draft → submitted → validated → signed, stopping early for recent contracts; false when it stopped.</summary>
        private bool Conduire(Randomizer r, ContratEngagement contrat, DateOnly debut)
        {
            var redaction = debut.AddDays(-r.Number(6, 15));
            var recent = debut > aujourdhui.AddDays(-30);
            var u = r.Double();
            if (recent && u < 0.25)
            {
                return false;
            }

            contrat.Soumettre(Min(redaction.AddDays(2), aujourdhui));
            if (recent && u < 0.5)
            {
                return false;
            }

            contrat.Valider(Min(redaction.AddDays(4), aujourdhui), cadre.Responsable.Id);
            if (recent && u < 0.65)
            {
                return false;
            }

            contrat.Signer(Min(Max(debut, redaction.AddDays(4)), aujourdhui));
            return true;
        }

        /// <summary>Rendez-vous with the agent référent over the last six months, at the cadence of the track; some people overdue.</summary>
        private void RendezVousDeSuivi(Randomizer r, Beneficiaire personne, List<ReferentUnique> periodes, DateOnly? cloture)
        {
            var enCours = periodes.LastOrDefault();
            if (enCours?.AgentId is null || cloture is not null)
            {
                return;
            }

            var parcours = _lot.Orientations.LastOrDefault(o => o.BeneficiaireId == personne.Id)?.Parcours;
            var cadence = parcours == TypeParcours.Social ? 60 : 30;
            var arret = r.Bool(0.12f) ? aujourdhui.AddDays(-(cadence + r.Number(10, 60))) : aujourdhui;
            var jour = Max(periodes[0].Debut.AddDays(r.Number(3, 20)), aujourdhui.AddDays(-180 + r.Number(0, 20)));
            while (jour < arret)
            {
                var periode = periodes.Last(p => p.Debut <= jour);
                if (periode.AgentId is { } agent)
                {
                    var rdv = Planifier(r, personne, agent, periode.StructureId, jour);
                    var u = r.Double();
                    var apres = rdv.Debut.AddHours(2);
                    if (jour > aujourdhui.AddDays(-8) && u < 0.3)
                    {
                        // Still to record: the agent has not written it up yet.
                    }
                    else if (u < 0.84)
                    {
                        rdv.Honorer(r.ArrayElement(ComptesRendus), apres);
                    }
                    else if (u < 0.93)
                    {
                        rdv.Manquer(apres);
                    }
                    else
                    {
                        rdv.Excuser(r.ArrayElement(MotifsExcuse), apres);
                    }
                }

                jour = jour.AddDays(cadence + r.Number(-6, 6));
            }

            if (arret == aujourdhui && r.Bool(0.55f))
            {
                var prochain = Planifier(r, personne, enCours.AgentId.Value, enCours.StructureId, aujourdhui.AddDays(r.Number(1, 28)));
                if (personne.Courriel is { } courriel && r.Bool(0.2f))
                {
                    var local = prochain.Debut.EnHeureLocale(_fuseau);
                    _lot.Messages.Add(new MessageSortant(
                        _departementId, courriel, "Votre prochain rendez-vous de suivi",
                        $"Bonjour,\n\nVotre prochain rendez-vous de suivi est fixé au {local:dd/MM/yyyy} à {local:HH\\hmm}" +
                        (prochain.Lieu is null ? "." : $", {prochain.Lieu}.") + "\n\nEn cas d'empêchement, prévenez votre référent.",
                        null, _maintenant));
                }
            }
        }

        private RendezVous Planifier(Randomizer r, Beneficiaire personne, Guid agentId, Guid? structureId, DateOnly jour)
        {
            jour = jour.DayOfWeek switch { DayOfWeek.Saturday => jour.AddDays(2), DayOfWeek.Sunday => jour.AddDays(1), _ => jour };
            var type = Tirages.Pondere(r, [(TypeRendezVous.Individuel, 15), (TypeRendezVous.Telephone, 4), (TypeRendezVous.Visio, 1)]);
            var structure = structureId is { } id ? cadre.Structures.GetValueOrDefault(id) : null;
            var lieu = type == TypeRendezVous.Individuel ? structure?.Adresse ?? structure?.Nom ?? "Locaux du référent" : null;
            var heure = r.Number(9, 16);
            return Ajouter(RendezVous.Planifier(
                _departementId, personne.Id, agentId, structureId, type, Instant(jour, heure, r.Bool() ? 30 : 0), r.ArrayElement([30, 45, 60]),
                "Entretien de suivi", lieu));
        }

        /// <summary>Next Tuesday afternoon, the agent of orientation presents the contrat d'engagement to people waiting for their orientation.</summary>
        private void InformationCollective(Randomizer r, List<Beneficiaire> enAttente)
        {
            if (cadre.AgentOrientation is not { } agent || enAttente.Count == 0)
            {
                return;
            }

            var jour = aujourdhui.AddDays(1);
            while (jour.DayOfWeek != DayOfWeek.Tuesday)
            {
                jour = jour.AddDays(1);
            }

            var lieu = cadre.Modele.Adresse.Split('\n')[0];
            var seance = new SeanceCollective(_departementId, agent.Id, "Information collective : droits et devoirs, contrat d'engagement", Instant(jour, 14), 120, lieu, 12);
            _lot.Seances.Add(seance);
            foreach (var personne in r.Shuffle(enAttente).Take(8))
            {
                Ajouter(RendezVous.Planifier(
                    _departementId, personne.Id, agent.Id, agent.StructureId, TypeRendezVous.Collectif, seance.Debut, seance.DureeMinutes, seance.Titre, lieu, seance.Id));
            }
        }

        /// <summary>An absence announced for next month: the cover is recorded, it does not apply yet.</summary>
        private void Suppleance()
        {
            if (cadre.Suppleance is { } s)
            {
                var du = aujourdhui.AddDays(20);
                _lot.Suppleances.Add(new Suppleance(_departementId, s.Absent.Id, s.Remplacant.Id, du, du.AddDays(13), cadre.Responsable.Id, _maintenant));
            }
        }

        private RendezVous Ajouter(RendezVous rdv)
        {
            _lot.RendezVous.Add(rdv);
            return rdv;
        }

        private DateTime Instant(DateOnly jour, int heure, int minute = 0) => jour.DebutDuJourUtc(_fuseau).AddHours(heure).AddMinutes(minute);

        private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

        private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    }
}
