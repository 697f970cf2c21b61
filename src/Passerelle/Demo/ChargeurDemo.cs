using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Plateforme;
using Passerelle.Infrastructure.Securite;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Demo;

/// <summary>
/// Fills a migrated database with the demo: the three départements of the seed documents, their
/// territories, structures and accounts, and about 400 generated people each (<see cref="PersonnesDemo"/>).
/// People are fictional; names of institutions come from the seeds.
/// </summary>
public sealed partial class ChargeurDemo(
    PasserelleDbContext db, IPasswordHasher<Agent> hasher, ProtectionNir protection, TimeProvider temps, ILogger<ChargeurDemo> logger)
{
    public const string MotDePasse = "Demo-Passerelle-2026";
    public const string Domaine = "passerelle.test";

    private string _empreinte = "";
    private readonly Dictionary<Guid, string[]> _communes = [];
    private readonly Dictionary<Guid, (Agent Responsable, TransfertDemo? Transfert, (Agent, Agent)? Suppleance, ModeleCourrier Modele)> _parcours = [];

    public async Task ChargerAsync(CancellationToken cancellationToken = default)
    {
        var debut = System.Diagnostics.Stopwatch.GetTimestamp();
        // PBKDF2 is slow on purpose: the demo's accounts share one password, so it is hashed once.
        _empreinte = hasher.HashPassword(null!, MotDePasse);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        Ajouter(null, null, "admin", "Admin", "Plateforme", Role.AdministrateurPlateforme);
        CadreDemo[] cadres = [ChargerCantal(), ChargerPuyDeDome(), ChargerCalvados()];
        await db.SaveChangesAsync(cancellationToken);

        // People are built in memory, then written without the change tracker: the demo loads at every first start.
        var personnes = new PersonnesDemo(protection);
        var nombre = 0;
        var structures = db.Structures.Local.ToDictionary(s => s.Id);
        var agents = db.Users.Local.ToDictionary(a => a.Id);
        var communesDesTerritoires = db.Territoires.Local.ToDictionary(t => t.Id, t => (IReadOnlyList<string>)t.Communes.Select(c => c.CommuneCode).ToList());
        foreach (var cadre in cadres)
        {
            var aujourdhui = temps.Aujourdhui(cadre.Departement.Fuseau);
            var lot = personnes.Generer(cadre, aujourdhui);
            var (responsable, transfert, suppleance, modele) = _parcours[cadre.Departement.Id];
            var parcours = ParcoursDemo.Generer(
                new CadreParcoursDemo(cadre.Departement, cadre.Graine, structures, responsable, cadre.AgentOrientation, transfert, suppleance, modele),
                lot, aujourdhui);
            var prescriptions = PrescriptionsDemo.Generer(
                new CadrePrescriptionsDemo(cadre.Departement, cadre.Graine, _offres[cadre.Departement.Id], structures, agents, communesDesTerritoires),
                lot, parcours, aujourdhui);
            await lot.EnregistrerAsync(db, cancellationToken);
            await parcours.EnregistrerAsync(db, cancellationToken);
            await prescriptions.EnregistrerAsync(db, cancellationToken);
            nombre += lot.Beneficiaires.Count;
        }

        // Written without the change tracker: the stored follow-up state is computed once, for everyone.
        await SuiviCourant.RecalculerAsync(db, _ => true, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation(
            "Démonstration chargée en {Duree} ms ({Personnes} personnes).", System.Diagnostics.Stopwatch.GetElapsedTime(debut).TotalMilliseconds, nombre);
    }

    /// <summary>True when the database already holds a département or an account.</summary>
    public async Task<bool> BaseContientDesDonneesAsync(CancellationToken cancellationToken = default) =>
        await db.Departements.AnyAsync(cancellationToken) || await db.Users.IgnoreQueryFilters([PasserelleDbContext.FiltreDepartement]).AnyAsync(cancellationToken);

    private CadreDemo ChargerCantal()
    {
        var d = Departement("15", "Cantal");
        var aurillac = Territoire(d, "Aurillac", TypeTerritoire.BassinDeVie, "15014", "15012", "15267", "15258", "15122");
        var mauriac = Territoire(d, "Mauriac", TypeTerritoire.BassinDeVie, "15120", "15162", "15265", "15153");
        var saintFlour = Territoire(d, "Saint-Flour", TypeTerritoire.BassinDeVie, "15187", "15138", "15119", "15045");
        Territoire(d, "CLAI d'Aurillac", TypeTerritoire.TerritoireClai, "15014", "15012", "15267", "15258", "15122");
        Territoire(d, "CLAI de Mauriac", TypeTerritoire.TerritoireClai, "15120", "15162", "15265", "15153");
        Territoire(d, "CLAI de Saint-Flour", TypeTerritoire.TerritoireClai, "15187", "15138", "15119", "15045");

        var direction = Structure(d, "Département du Cantal – Direction de l'insertion", TypeStructure.ServiceDepartement, "15014", "28 avenue Gambetta");
        var tasAurillac = Structure(d, "Département du Cantal – Territoire d'action sociale d'Aurillac", TypeStructure.ServiceDepartement, "15014", null, aurillac);
        var tasMauriac = Structure(d, "Département du Cantal – Territoire d'action sociale de Mauriac", TypeStructure.ServiceDepartement, "15120", null, mauriac);
        Structure(d, "Département du Cantal – Territoire d'action sociale de Saint-Flour", TypeStructure.ServiceDepartement, "15187", null, saintFlour);
        Structure(d, "France Travail – Agence d'Aurillac", TypeStructure.FranceTravail, "15014", null, aurillac);
        Structure(d, "France Travail – Agence de Saint-Flour", TypeStructure.FranceTravail, "15187", null, saintFlour);
        Structure(d, "Cap emploi Cantal", TypeStructure.CapEmploi, "15014");
        var caf = Structure(d, "CAF du Cantal", TypeStructure.Caf, "15014");
        Structure(d, "MSA Auvergne – Cantal", TypeStructure.Msa, "15014");
        var plie = Structure(d, "PLIE du bassin d'Aurillac (CABA)", TypeStructure.Plie, "15014", null, aurillac);
        Structure(d, "Mission locale d'Aurillac", TypeStructure.MissionLocale, "15014", null, aurillac);
        Structure(d, "Chambre de commerce et d'industrie du Cantal", TypeStructure.Cci, "15014");
        Structure(d, "Chambre de métiers et de l'artisanat du Cantal", TypeStructure.Cma, "15014");
        Structure(d, "DDETS du Cantal", TypeStructure.Etat, "15014");
        Structure(d, "Région Auvergne-Rhône-Alpes", TypeStructure.Region, null);
        var association = Structure(d, "Association Trait d'Union Cantal (accompagnement social)", TypeStructure.Association, "15014", null, aurillac, mauriac);
        var chantier = Structure(d, "Chantier d'insertion Les Jardins de la Jordanne", TypeStructure.Aci, "15014", null, aurillac);
        Structure(d, "Chantier d'insertion Rivières et Sentiers du pays de Mauriac", TypeStructure.Aci, "15120", null, mauriac);

        Ajouter(d, direction, "admin.cantal", "Hélène", "Vidalenc", Role.Administrateur);
        Ajouter(d, direction, "pilotage.cantal", "Pierre", "Lavergne", Role.ChargeMissionPdi);
        var orientation = Ajouter(d, direction, "orientation.cantal", "Sophie", "Delmas", Role.AgentOrientation);
        var referent = Ajouter(d, tasAurillac, "referent.cantal", "Julien", "Couderc", Role.Referent);
        var referentMauriac = Ajouter(d, tasMauriac, "referent.mauriac", "Anne", "Lachaze", Role.Referent);
        var referentPlie = Ajouter(d, plie, "referent.plie", "Karim", "Bensaïd", Role.Referent);
        var referentAssociation = Ajouter(d, association, "referent.association", "Marion", "Fel", Role.Referent);
        var responsable = Ajouter(d, tasAurillac, "responsable.cantal", "Bernard", "Rouquier", Role.Responsable);
        _parcours[d.Id] = (
            responsable, new TransfertDemo(referent, referentMauriac, 6), (referentMauriac, referent),
            Modele(d, "Direction de l'insertion et de l'emploi", "28 avenue Gambetta\n15000 Aurillac", "Martine Fabre", "Pour le président du conseil départemental et par délégation, la directrice de l'insertion"));
        var operateurChantier = Ajouter(d, chantier, "operateur.cantal", "Lucie", "Vermenouze", Role.Operateur);
        OffreCantal(d, temps.Aujourdhui(d.Fuseau), plie, chantier, operateurChantier, association, aurillac, mauriac);
        Ajouter(d, direction, "auditeur.cantal", "Odile", "Chastel", Role.Auditeur);
        Ajouter(d, caf, "partenaire.cantal", "Thomas", "Manhes", Role.Partenaire);

        return new CadreDemo(
            d, 15,
            [
                Secteur(aurillac, 55, "France Travail – Agence d'Aurillac", 2, "Mission locale d'Aurillac", new ReferentDemo(referent, 6), new ReferentDemo(referentAssociation, 2)),
                Secteur(mauriac, 25, "France Travail – Agence de Mauriac", 2, "Mission locale – antenne de Mauriac", new ReferentDemo(referentMauriac, 5), new ReferentDemo(referentAssociation, 1)),
                Secteur(saintFlour, 20, "France Travail – Agence de Saint-Flour", 1, "Mission locale – antenne de Saint-Flour"),
            ],
            PersonnesDemo.NomsAuvergne, ["63", "19", "12", "43", "46", "48"], referentPlie, orientation, [], PartMsa: 0.12, IndicatifFixe: "04 65 71");
    }

    private CadreDemo ChargerPuyDeDome()
    {
        var d = Departement("63", "Puy-de-Dôme");
        var clermont = Territoire(d, "Circonscription de Clermont-Ferrand", TypeTerritoire.Circonscription, "63113", "63124");
        var riom = Territoire(d, "Circonscription de Riom", TypeTerritoire.Circonscription, "63300");
        var thiers = Territoire(d, "Circonscription de Thiers-Ambert", TypeTerritoire.Circonscription, "63430", "63003");
        var issoire = Territoire(d, "Circonscription d'Issoire", TypeTerritoire.Circonscription, "63178");

        var direction = Structure(d, "Département du Puy-de-Dôme – Direction de l'insertion", TypeStructure.ServiceDepartement, "63113");
        var aip = Structure(d, "Département du Puy-de-Dôme – Agents d'insertion professionnelle de Clermont-Ferrand", TypeStructure.ServiceDepartement, "63113", null, clermont);
        Structure(d, "France Travail – Agence de Clermont-Ferrand", TypeStructure.FranceTravail, "63113", null, clermont);
        Structure(d, "CAF du Puy-de-Dôme", TypeStructure.Caf, "63113");
        Structure(d, "Ville de Clermont-Ferrand", TypeStructure.CommuneEpci, "63113", null, clermont);
        Structure(d, "DDETS du Puy-de-Dôme", TypeStructure.Etat, "63113");
        var mobilite = Structure(d, "Plateforme mobilité du Puy-de-Dôme", TypeStructure.Association, "63113", null, clermont, riom);
        var aisp = Structure(d, "Association Parcours Auvergne (AISP)", TypeStructure.Association, "63113", null, clermont);
        Structure(d, "Ateliers du Livradois (remobilisation et pré-qualification)", TypeStructure.OrganismeFormation, "63003");

        var qpvs = new List<Qpv>();
        foreach (var (code, nom) in new[]
                 {
                     ("QN06301M", "Croix de Neyrat"), ("QN06302M", "Les Vergnes"), ("QN06303M", "Champratel"),
                     ("QN06304M", "La Gauthière"), ("QN06305M", "Saint-Jacques"), ("QN06306M", "Fontaine du Bac"),
                 })
        {
            qpvs.Add(new Qpv(d.Id, code, nom, "63113"));
        }

        db.Qpvs.AddRange(qpvs);

        Ajouter(d, direction, "pilotage.puydedome", "Nathalie", "Pourrat", Role.ChargeMissionPdi);
        var orientation = Ajouter(d, direction, "orientation.puydedome", "Mathieu", "Gerzat", Role.AgentOrientation);
        var referent = Ajouter(d, aip, "referent.puydedome", "Samia", "Boudet", Role.Referent);
        Ajouter(d, direction, "conventions.puydedome", "François", "Chabrol", Role.GestionnaireConventions);
        var operateurMobilite = Ajouter(d, mobilite, "operateur.mobilite", "Damien", "Mallet", Role.Operateur);
        var operateurAisp = Ajouter(d, aisp, "operateur.aisp", "Élise", "Tixier", Role.Operateur);
        OffrePuyDeDome(d, temps.Aujourdhui(d.Fuseau), mobilite, operateurMobilite, aisp, operateurAisp, aip, clermont);
        var responsable = Ajouter(d, aip, "responsable.puydedome", "Jérôme", "Fayolle", Role.Responsable);
        _parcours[d.Id] = (
            responsable, null, null,
            Modele(d, "Direction de l'insertion – Pôle solidarités", "24 rue Saint-Esprit\n63000 Clermont-Ferrand", "Agnès Roux", "Pour le président du conseil départemental et par délégation, le directeur de l'insertion"));

        return new CadreDemo(
            d, 63,
            [
                Secteur(clermont, 55, "France Travail – Agence de Clermont-Ferrand", 1, "Mission locale de Clermont-Ferrand", new ReferentDemo(referent, 3)),
                Secteur(riom, 15, "France Travail – Agence de Riom", 1, "Mission locale – antenne de Riom", new ReferentDemo(referent, 2)),
                Secteur(thiers, 15, "France Travail – Agence de Thiers", 1, "Mission locale – antenne de Thiers", new ReferentDemo(referent, 2)),
                Secteur(issoire, 15, "France Travail – Agence d'Issoire", 1, "Mission locale – antenne d'Issoire", new ReferentDemo(referent, 2)),
            ],
            PersonnesDemo.NomsAuvergne, ["15", "03", "42", "43", "19", "23"], null, orientation, qpvs, PartMsa: 0.03, IndicatifFixe: "04 65 71");
    }

    private CadreDemo ChargerCalvados()
    {
        var d = Departement("14", "Calvados");
        var caen = Territoire(d, "Circonscription d'action sociale de Caen", TypeTerritoire.TerritoireActionSociale, "14118", "14327");
        var auge = Territoire(d, "Circonscription d'action sociale du Pays d'Auge", TypeTerritoire.TerritoireActionSociale, "14366", "14333");
        var bessin = Territoire(d, "Circonscription d'action sociale du Bessin", TypeTerritoire.TerritoireActionSociale, "14047");
        var bocage = Territoire(d, "Circonscription d'action sociale du Bocage", TypeTerritoire.TerritoireActionSociale, "14762", "14258");

        var direction = Structure(d, "Département du Calvados – Direction de l'insertion", TypeStructure.ServiceDepartement, "14118", null, caen);
        Structure(d, "France Travail – Agence de Caen", TypeStructure.FranceTravail, "14118", null, caen);
        var apr = Structure(d, "Association interprofessionnelle pour la formation continue du Calvados (APR)", TypeStructure.OrganismeFormation, "14118", null, caen);
        Structure(d, "Chantier d'insertion Les Potagers du Bessin", TypeStructure.Aci, "14047", null, bessin);
        Structure(d, "Chantier d'insertion Recyclerie de l'Orne", TypeStructure.Aci, "14118", null, caen);
        Structure(d, "Atelier collectif Le Fil de Caen (insertion sociale)", TypeStructure.Association, "14118", null, caen);
        Structure(d, "Accompagnement des travailleurs indépendants du Calvados", TypeStructure.Association, "14118");

        Ajouter(d, direction, "pilotage.calvados", "Claire", "Lemonnier", Role.ChargeMissionPdi);
        var referent = Ajouter(d, direction, "referent.calvados", "Yann", "Hébert", Role.Referent);
        var operateurApr = Ajouter(d, apr, "operateur.calvados", "Céline", "Marie", Role.Operateur);
        OffreCalvados(d, temps.Aujourdhui(d.Fuseau), apr, operateurApr, [caen, auge, bessin, bocage]);
        var orientation = Ajouter(d, direction, "orientation.calvados", "Sandrine", "Lecoq", Role.AgentOrientation);
        var responsable = Ajouter(d, direction, "responsable.calvados", "Olivier", "Dufresne", Role.Responsable);
        _parcours[d.Id] = (
            responsable, null, null,
            Modele(d, "Direction de l'insertion et de la lutte contre les exclusions", "9 rue Saint-Laurent\n14000 Caen", "Laure Marchand", "Pour le président du conseil départemental et par délégation, la directrice de l'insertion"));

        return new CadreDemo(
            d, 14,
            [
                Secteur(caen, 50, "France Travail – Agence de Caen", 1, "Mission locale de Caen", new ReferentDemo(referent, 3)),
                Secteur(auge, 20, "France Travail – Agence de Lisieux", 1, "Mission locale – antenne de Lisieux", new ReferentDemo(referent, 2)),
                Secteur(bessin, 15, "France Travail – Agence de Bayeux", 1, "Mission locale – antenne de Bayeux", new ReferentDemo(referent, 2)),
                Secteur(bocage, 15, "France Travail – Agence de Vire", 1, "Mission locale – antenne de Vire", new ReferentDemo(referent, 2)),
            ],
            PersonnesDemo.NomsNormandie, ["50", "61", "27", "76", "72"], null, orientation, [], PartMsa: 0.03, IndicatifFixe: "02 61 91");
    }

    private Departement Departement(string code, string nom)
    {
        var departement = new Departement(code, nom);
        db.Departements.Add(departement);
        db.ParametresDates.AddRange(ParametrageInitial.Parametres(departement.Id));
        db.ValeursReference.AddRange(ParametrageInitial.Valeurs(departement.Id));
        return departement;
    }

    private static ModeleCourrier Modele(Departement departement, string service, string adresse, string signataire, string qualite)
    {
        var modele = new ModeleCourrier(departement.Id, $"Département du {departement.Nom} – {service}", adresse, signataire, qualite);
        modele.Modifier(modele.Service, modele.Adresse, modele.Signataire, modele.QualiteSignataire, "Accueil du public du lundi au vendredi, de 9 h à 12 h et de 14 h à 17 h.");
        return modele;
    }

    private Territoire Territoire(Departement departement, string nom, TypeTerritoire type, params string[] communes)
    {
        var territoire = new Territoire(departement.Id, nom, type);
        territoire.DefinirCommunes(communes);
        db.Territoires.Add(territoire);
        _communes[territoire.Id] = communes;
        return territoire;
    }

    /// <summary>People of the demo live in the territory's communes, in the order given (the main town first).</summary>
    private SecteurDemo Secteur(Territoire territoire, int poids, string franceTravail, int poidsFranceTravail, string missionLocale, params ReferentDemo[] referents) =>
        new(territoire.Nom, _communes[territoire.Id], poids, referents, franceTravail, poidsFranceTravail, missionLocale);

    private Structure Structure(Departement departement, string nom, TypeStructure type, string? commune, string? adresse = null, params Territoire[] territoires)
    {
        var structure = new Structure(departement.Id, nom, type);
        structure.Modifier(nom, type, siret: null, adresse, commune);
        structure.DefinirTerritoires(territoires.Select(t => t.Id));
        db.Structures.Add(structure);
        return structure;
    }

    private Agent Ajouter(Departement? departement, Structure? structure, string identifiant, string prenom, string nom, Role role)
    {
        var agent = new Agent(departement?.Id, structure?.Id, $"{identifiant}@{Domaine}", prenom, nom)
        {
            PasswordHash = _empreinte,
            EmailConfirmed = true,
            LockoutEnabled = true,
        };
        agent.NormalizedEmail = agent.Email!.ToUpperInvariant();
        agent.NormalizedUserName = agent.NormalizedEmail;
        db.Users.Add(agent);
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = agent.Id, RoleId = RolesIdentite.IdPour(role) });
        return agent;
    }
}
