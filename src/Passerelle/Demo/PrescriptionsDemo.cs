using Bogus;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Demo;

/// <summary>What the prescriptions of one demo département are drawn from.</summary>
public sealed record CadrePrescriptionsDemo(
    Departement Departement, int Graine, OffreDemo Offre, IReadOnlyDictionary<Guid, Structure> Structures, IReadOnlyDictionary<Guid, Agent> Agents,
    IReadOnlyDictionary<Guid, IReadOnlyList<string>> CommunesDesTerritoires);

/// <summary>The prescriptions of one département and what followed them, written after the parcours.</summary>
public sealed class LotPrescriptionsDemo
{
    public List<Prescription> Prescriptions { get; } = [];
    public List<RendezVous> Entretiens { get; } = [];
    public List<Notification> Notifications { get; } = [];

    public async Task EnregistrerAsync(PasserelleDbContext db, CancellationToken cancellationToken = default)
    {
        await InsertionGroupee.InsererAsync(db, Prescriptions, cancellationToken);
        await InsertionGroupee.InsererAsync(db, Prescriptions.SelectMany(p => p.Heures).ToList(), cancellationToken);
        await InsertionGroupee.InsererAsync(db, Prescriptions.SelectMany(p => p.Bilans).ToList(), cancellationToken);
        await InsertionGroupee.InsererAsync(db, Entretiens, cancellationToken);
        await InsertionGroupee.InsererAsync(db, Notifications, cancellationToken);
    }
}

/// <summary>
/// The demo's prescriptions: about a third of the people followed by a référent get one (a few two), for an action
/// they are eligible to and that their référent may prescribe, sent over the last eighteen months. Each is brought
/// as far as its age allows through the entity's own transitions — answered or not, refused, waiting when the action
/// is full, expired, cancelled, entered, with hours up to the caps, entretiens at the action's cadence, bilans, exits
/// with their outcome and the follow-up six months later — so that every state and every figure has rows. The last
/// fortnight's events leave notifications. Deterministic per person.
/// </summary>
public static class PrescriptionsDemo
{
    private static readonly string[] Objectifs =
    [
        "Lever le frein de mobilité pour accéder aux offres d'emploi du bassin.",
        "Retrouver un rythme et confiance en soi avant une reprise d'activité.",
        "Construire un projet professionnel réaliste et le confirmer en entreprise.",
        "Accéder à une première expérience de travail encadrée.",
        "Stabiliser la situation sociale (budget, démarches) pour engager un parcours vers l'emploi.",
        "Préparer l'entrée en formation qualifiante.",
    ];

    private static readonly string[] MotifsRefus =
    [
        "Le projet de la personne ne correspond pas au contenu de l'action ; une autre action serait plus adaptée.",
        "La personne n'est pas venue à l'entretien de positionnement malgré deux relances.",
        "Les horaires de l'action ne sont pas compatibles avec la garde des enfants.",
    ];

    private static readonly string[] Preconisations =
    [
        "Poursuivre les démarches engagées ; un point d'étape avec le référent est conseillé.",
        "Orienter vers une formation qualifiante dans le secteur découvert en stage.",
        "Maintenir l'accompagnement social en parallèle : la situation de logement reste fragile.",
        "Consolider la mobilité avant toute reprise d'emploi éloignée du domicile.",
    ];

    public static LotPrescriptionsDemo Generer(CadrePrescriptionsDemo cadre, LotDemo personnes, LotParcoursDemo parcours, DateOnly aujourdhui)
    {
        var lot = new LotPrescriptionsDemo();
        var generation = new Generation(cadre, lot, personnes, parcours, aujourdhui);
        generation.Executer();
        return lot;
    }

    private sealed class Generation(CadrePrescriptionsDemo cadre, LotPrescriptionsDemo lot, LotDemo personnes, LotParcoursDemo parcours, DateOnly aujourdhui)
    {
        private readonly Guid _departementId = cadre.Departement.Id;
        private readonly TimeZoneInfo _fuseau = cadre.Departement.Fuseau;
        private readonly DateTime _maintenant = DateTime.SpecifyKind(aujourdhui.ToDateTime(new TimeOnly(7, 0)), DateTimeKind.Utc);
        private readonly Dictionary<(Guid, int), int> _parcoursPris = [];
        private readonly Dictionary<Guid, int> _placesPrises = [];
        private readonly Dictionary<Guid, IReadOnlyCollection<string>> _zones = [];

        public void Executer()
        {
            var droits = personnes.Droits.ToLookup(d => d.BeneficiaireId);
            var orientations = parcours.Orientations.Where(o => o.Fin is null).ToDictionary(o => o.BeneficiaireId, o => o.Parcours);
            var foyers = personnes.Foyers.ToDictionary(f => f.Id);
            var periodes = personnes.Referents.Where(p => p.Fin is null && p.AgentId is not null).ToDictionary(p => p.BeneficiaireId);
            foreach (var (personne, rang) in personnes.Beneficiaires.Select((b, i) => (b, i)))
            {
                if (personne.Clos || personne.FusionneDansId is not null || !periodes.TryGetValue(personne.Id, out var periode)
                    || !cadre.Agents.TryGetValue(periode.AgentId!.Value, out var prescripteur))
                {
                    continue;
                }

                var r = new Randomizer((cadre.Graine * 2_000_003) + rang);
                var nombre = Tirages.Pondere(r, [(0, 60), (1, 32), (2, 8)]);
                var debut = new[] { periode.Debut, aujourdhui.AddDays(-540) }.Max();
                if (nombre == 0 || debut >= aujourdhui)
                {
                    continue;
                }

                var typeStructure = prescripteur.StructureId is { } sid && cadre.Structures.TryGetValue(sid, out var structure) ? structure.Type : (TypeStructure?)null;
                var dejaPrescrites = new HashSet<Guid>();
                for (var n = 0; n < nombre; n++)
                {
                    var envoyeeLe = debut.AddDays(r.Number(0, aujourdhui.DayNumber - debut.DayNumber));
                    var droit = droits[personne.Id].Where(d => d.DateEffet <= envoyeeLe).OrderByDescending(d => d.DateEffet).FirstOrDefault();
                    var profil = new ProfilEligibilite(
                        envoyeeLe, personne.DateNaissance, personne.Dispositifs, droit is { Etat: EtatDroitRsa.Ouvert, SoumisDroitsEtDevoirs: true },
                        personne.CommuneCode, personne.FoyerId is { } f && foyers.TryGetValue(f, out var foyer) && foyer.QpvId is not null,
                        orientations.TryGetValue(personne.Id, out var p) ? p : null);
                    var candidates = cadre.Offre.Actions
                        .Where(a => !dejaPrescrites.Contains(a.Id) && a.MotifNonHabilite(typeStructure) is null && a.MotifsIneligibilite(profil, Zone(a)).Count == 0)
                        .ToList();
                    if (candidates.Count == 0)
                    {
                        break;
                    }

                    var action = r.ListItem(candidates);
                    dejaPrescrites.Add(action.Id);
                    Prescrire(r, personne, prescripteur, action, envoyeeLe);
                }
            }
        }

        private IReadOnlyCollection<string> Zone(ActionInsertion action)
        {
            if (!_zones.TryGetValue(action.Id, out var zone))
            {
                zone = action.Territoires.SelectMany(t => cadre.CommunesDesTerritoires.GetValueOrDefault(t.TerritoireId, []))
                    .Concat(action.CodesCommunesDesservies).ToHashSet(StringComparer.Ordinal);
                _zones[action.Id] = zone;
            }

            return zone;
        }

        private void Prescrire(Randomizer r, Beneficiaire personne, Agent prescripteur, ActionInsertion action, DateOnly envoyeeLe)
        {
            var partage = InformationsPartagees.Coordonnees | (r.Bool(0.7f) ? InformationsPartagees.Diagnostic : 0) | (r.Bool(0.5f) ? InformationsPartagees.Contrat : 0);
            var session = action.ModeCapacite == ModeCapacite.Sessions
                ? cadre.Offre.Sessions.Where(s => s.ActionId == action.Id && s.Debut >= envoyeeLe).OrderBy(s => s.Debut).FirstOrDefault()
                : null;
            if (action.ModeCapacite == ModeCapacite.Sessions && session is null)
            {
                return;
            }

            var prescription = Prescription.Prescrire(
                _departementId, personne.Id, action, prescripteur.Id, prescripteur.StructureId, envoyeeLe, r.ArrayElement(Objectifs),
                r.Bool(0.6f) ? ["mobilite"] : [], partage, envoyeeLe, sessionId: session?.Id);
            lot.Prescriptions.Add(prescription);
            var operateur = cadre.Offre.Operateurs[action.StructureId];
            Notifier(operateur.Id, envoyeeLe, $"Nouvelle prescription reçue pour l'action « {action.Nom} »", $"/prescriptions/recues/{prescription.Id}");

            var age = aujourdhui.DayNumber - envoyeeLe.DayNumber;
            if (age < 30 && r.Bool(0.5f))
            {
                return;
            }

            var tirage = r.Number(1, 100);
            var reponse = Plafonner(envoyeeLe.AddDays(r.Number(2, 15)));
            if (tirage <= 7)
            {
                prescription.Refuser(reponse, operateur.Id, r.ArrayElement(MotifsRefus));
                Notifier(prescripteur.Id, reponse, $"Prescription refusée pour l'action « {action.Nom} »", Url(prescription));
                return;
            }

            if (tirage <= 13 && age >= 30)
            {
                prescription.Expirer(envoyeeLe.AddDays(30), 30);
                Notifier(prescripteur.Id, envoyeeLe.AddDays(30), $"Prescription expirée sans réponse après 30 jours pour l'action « {action.Nom} »", Url(prescription));
                return;
            }

            if (tirage <= 18)
            {
                prescription.Annuler(reponse, "La personne a trouvé un emploi avant le début de l'action.");
                return;
            }

            // Full, or the next intake is not scheduled yet: the operator keeps the person on the waiting list.
            if (Complet(action, session, reponse) || tirage <= 23)
            {
                prescription.MettreEnAttente(reponse, operateur.Id);
                Notifier(prescripteur.Id, reponse, $"Prescription en liste d'attente pour l'action « {action.Nom} »", Url(prescription));
                return;
            }

            prescription.Accepter(reponse, operateur.Id, session?.Id, null);
            Prendre(action, session, reponse);
            Notifier(prescripteur.Id, reponse, $"Prescription acceptée pour l'action « {action.Nom} »", Url(prescription));
            var entree = session is null ? reponse.AddDays(r.Number(3, 20)) : new[] { session.Debut, reponse }.Max();
            if (entree > aujourdhui)
            {
                return;
            }

            prescription.Entrer(entree, aujourdhui);
            Notifier(prescripteur.Id, entree, $"Entrée dans l'action « {action.Nom} » enregistrée", Url(prescription));
            var duree = action.DureeMois ?? 6;
            var abandon = r.Bool(0.12f);
            DateOnly? sortie = abandon ? entree.AddDays(r.Number(10, 50)) : (session?.Fin ?? entree.AddMonths(duree).AddDays(r.Number(-10, 5)));
            if (sortie > aujourdhui)
            {
                sortie = null;
            }

            var fin = sortie ?? aujourdhui;
            Heures(r, prescription, action, operateur, entree, fin);
            Entretiens(r, prescription, action, operateur, personne, entree, sortie);
            var milieu = entree.AddDays((int)(duree * 30.4 / 2));
            if (milieu < fin && !abandon)
            {
                Bilan(r, prescription, TypeBilan.Intermediaire, milieu, operateur, prescripteur, action);
            }

            if (sortie is not { } dateSortie)
            {
                return;
            }

            var issue = abandon
                ? IssueSortie.Abandon
                : Tirages.Pondere(r, [(IssueSortie.EmploiDurable, 22), (IssueSortie.EmploiTransition, 22), (IssueSortie.FormationQualifiante, 14), (IssueSortie.AutreAction, 16), (IssueSortie.AutreSortie, 26)]);
            prescription.Sortir(dateSortie, issue, null, aujourdhui);
            Notifier(prescripteur.Id, dateSortie, $"Sortie de l'action « {action.Nom} » : {issue.Libelle().ToLowerInvariant()}", Url(prescription));
            if (!abandon)
            {
                Bilan(r, prescription, TypeBilan.Final, dateSortie, operateur, prescripteur, action);
            }

            var suivi = dateSortie.AddMonths(Prescription.MoisSuivi).AddDays(r.Number(0, 20));
            if (suivi <= aujourdhui && r.Bool(0.85f))
            {
                var situation = issue switch
                {
                    IssueSortie.EmploiDurable => Tirages.Pondere(r, [(SituationSuivi.EmploiDurable, 80), (SituationSuivi.EmploiTransition, 10), (SituationSuivi.RechercheEmploi, 10)]),
                    IssueSortie.EmploiTransition => Tirages.Pondere(r, [(SituationSuivi.EmploiDurable, 30), (SituationSuivi.EmploiTransition, 40), (SituationSuivi.RechercheEmploi, 30)]),
                    IssueSortie.FormationQualifiante => Tirages.Pondere(r, [(SituationSuivi.Formation, 60), (SituationSuivi.EmploiDurable, 25), (SituationSuivi.RechercheEmploi, 15)]),
                    IssueSortie.Abandon => Tirages.Pondere(r, [(SituationSuivi.SansNouvelles, 50), (SituationSuivi.RechercheEmploi, 30), (SituationSuivi.Autre, 20)]),
                    _ => Tirages.Pondere(r, [(SituationSuivi.RechercheEmploi, 50), (SituationSuivi.EmploiTransition, 20), (SituationSuivi.Autre, 20), (SituationSuivi.SansNouvelles, 10)]),
                };
                prescription.Suivre(suivi, situation, null, aujourdhui);
            }
        }

        /// <summary>Hours in the centre two or three days a week, then the internship at the end, within the caps.</summary>
        private static void Heures(Randomizer r, Prescription prescription, ActionInsertion action, Agent operateur, DateOnly entree, DateOnly fin)
        {
            if (action.PlafondHeures is not { } plafond)
            {
                return;
            }

            var stage = action.StageMaximumHeures is { } maximum ? r.Number(action.StageMinimumHeures ?? 0, maximum) : 0;
            var centre = (int)(plafond * r.Double(0.75, 1.0)) - stage;
            var enregistrees = 0m;
            for (var jour = entree; jour <= fin; jour = jour.AddDays(r.Number(2, 3)))
            {
                if (jour.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                {
                    continue;
                }

                var nature = enregistrees < centre ? NatureHeures.Action : NatureHeures.Stage;
                var reste = nature == NatureHeures.Action ? centre - enregistrees : centre + stage - enregistrees;
                if (reste <= 0)
                {
                    break;
                }

                var heures = Math.Min(7m, reste);
                prescription.EnregistrerHeures(jour, heures, nature, action, operateur.Id, fin);
                enregistrees += heures;
            }
        }

        private void Entretiens(Randomizer r, Prescription prescription, ActionInsertion action, Agent operateur, Beneficiaire personne, DateOnly entree, DateOnly? sortie)
        {
            if (action.CadenceEntretiensJours is not { } cadence)
            {
                return;
            }

            var structure = cadre.Structures.GetValueOrDefault(action.StructureId);
            var lieu = structure?.Adresse ?? structure?.Nom ?? "Locaux de l'opérateur";
            var limite = sortie ?? aujourdhui.AddDays(cadence);
            var nombre = 0;
            for (var jour = entree.AddDays(r.Number(0, 3)); jour <= limite && nombre < 26; jour = jour.AddDays(cadence), nombre++)
            {
                var ouvre = jour.DayOfWeek switch { DayOfWeek.Saturday => jour.AddDays(2), DayOfWeek.Sunday => jour.AddDays(1), _ => jour };
                var debut = ouvre.ToDateTime(new TimeOnly(r.Number(9, 16), r.Bool() ? 30 : 0), DateTimeKind.Unspecified);
                var entretien = RendezVous.Planifier(
                    _departementId, personne.Id, operateur.Id, action.StructureId, TypeRendezVous.Individuel,
                    TimeZoneInfo.ConvertTimeToUtc(debut, _fuseau), 45, $"Entretien — {action.Nom}", lieu, prescriptionId: prescription.Id);
                if (entretien.Fin <= _maintenant)
                {
                    switch (r.Number(1, 20))
                    {
                        case 1:
                            entretien.Manquer(_maintenant);
                            break;
                        case 2:
                            entretien.Excuser("Rendez-vous médical", _maintenant);
                            break;
                        default:
                            entretien.Honorer("Point d'étape sur les objectifs de l'action.", _maintenant);
                            break;
                    }
                }

                lot.Entretiens.Add(entretien);
            }
        }

        private void Bilan(Randomizer r, Prescription prescription, TypeBilan type, DateOnly date, Agent operateur, Agent prescripteur, ActionInsertion action)
        {
            prescription.AjouterBilan(
                type, date, Tirages.Pondere(r, [(AtteinteObjectifs.Atteints, 40), (AtteinteObjectifs.Partiellement, 45), (AtteinteObjectifs.NonAtteints, 15)]),
                Tirages.Pondere(r, [(Assiduite.Reguliere, 70), (Assiduite.Irreguliere, 22), (Assiduite.Insuffisante, 8)]),
                prescription.CodesFreinsVises.Where(_ => r.Bool()), r.ArrayElement(Preconisations), null, operateur.Id, aujourdhui);
            Notifier(prescripteur.Id, date, $"{type.Libelle()} écrit pour l'action « {action.Nom} »", Url(prescription));
        }

        private bool Complet(ActionInsertion action, SessionAction? session, DateOnly date) => action.ModeCapacite switch
        {
            ModeCapacite.ParcoursAnnuels => _parcoursPris.GetValueOrDefault((action.Id, date.Year)) >= action.ParcoursParAn,
            ModeCapacite.Sessions => _placesPrises.GetValueOrDefault(session!.Id) >= session.Places,
            _ => false,
        };

        private void Prendre(ActionInsertion action, SessionAction? session, DateOnly date)
        {
            if (action.ModeCapacite == ModeCapacite.ParcoursAnnuels)
            {
                _parcoursPris[(action.Id, date.Year)] = _parcoursPris.GetValueOrDefault((action.Id, date.Year)) + 1;
            }
            else if (session is not null)
            {
                _placesPrises[session.Id] = _placesPrises.GetValueOrDefault(session.Id) + 1;
            }
        }

        private DateOnly Plafonner(DateOnly date) => date > aujourdhui ? aujourdhui : date;

        private static string Url(Prescription prescription) => $"/prescriptions/{prescription.Id}";

        /// <summary>Only the last fortnight's news is still under the bell; that of the last week is unread.</summary>
        private void Notifier(Guid agentId, DateOnly date, string titre, string url)
        {
            if (date < aujourdhui.AddDays(-14) || date > aujourdhui)
            {
                return;
            }

            var notification = new Notification(_departementId, agentId, titre, url, date.DebutDuJourUtc(_fuseau).AddHours(9));
            if (date < aujourdhui.AddDays(-7))
            {
                notification.MarquerLue(date.DebutDuJourUtc(_fuseau).AddHours(10));
            }

            lot.Notifications.Add(notification);
        }
    }
}
