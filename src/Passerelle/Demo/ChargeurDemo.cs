using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Plateforme;

namespace Passerelle.Demo;

/// <summary>
/// Fills a migrated database with the demo: the three départements of the seed documents, their
/// territories, structures and accounts. People are fictional; names of institutions come from the seeds.
/// </summary>
public sealed class ChargeurDemo(PasserelleDbContext db, IPasswordHasher<Agent> hasher, ILogger<ChargeurDemo> logger)
{
    public const string MotDePasse = "Demo-Passerelle-2026";
    public const string Domaine = "passerelle.test";

    private string _empreinte = "";

    public async Task ChargerAsync(CancellationToken cancellationToken = default)
    {
        var debut = System.Diagnostics.Stopwatch.GetTimestamp();
        // PBKDF2 is slow on purpose: the demo's accounts share one password, so it is hashed once.
        _empreinte = hasher.HashPassword(null!, MotDePasse);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        Ajouter(null, null, "admin", "Admin", "Plateforme", Role.AdministrateurPlateforme);
        ChargerCantal();
        ChargerPuyDeDome();
        ChargerCalvados();

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Démonstration chargée en {Duree} ms.", System.Diagnostics.Stopwatch.GetElapsedTime(debut).TotalMilliseconds);
    }

    /// <summary>True when the database already holds a département or an account.</summary>
    public async Task<bool> BaseContientDesDonneesAsync(CancellationToken cancellationToken = default) =>
        await db.Departements.AnyAsync(cancellationToken) || await db.Users.IgnoreQueryFilters([PasserelleDbContext.FiltreDepartement]).AnyAsync(cancellationToken);

    private void ChargerCantal()
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
        Ajouter(d, direction, "orientation.cantal", "Sophie", "Delmas", Role.AgentOrientation);
        Ajouter(d, tasAurillac, "referent.cantal", "Julien", "Couderc", Role.Referent);
        Ajouter(d, tasMauriac, "referent.mauriac", "Anne", "Lachaze", Role.Referent);
        Ajouter(d, plie, "referent.plie", "Karim", "Bensaïd", Role.Referent);
        Ajouter(d, association, "referent.association", "Marion", "Fel", Role.Referent);
        Ajouter(d, tasAurillac, "responsable.cantal", "Bernard", "Rouquier", Role.Responsable);
        Ajouter(d, chantier, "operateur.cantal", "Lucie", "Vermenouze", Role.Operateur);
        Ajouter(d, direction, "auditeur.cantal", "Odile", "Chastel", Role.Auditeur);
        Ajouter(d, caf, "partenaire.cantal", "Thomas", "Manhes", Role.Partenaire);
    }

    private void ChargerPuyDeDome()
    {
        var d = Departement("63", "Puy-de-Dôme");
        var clermont = Territoire(d, "Circonscription de Clermont-Ferrand", TypeTerritoire.Circonscription, "63113", "63124");
        var riom = Territoire(d, "Circonscription de Riom", TypeTerritoire.Circonscription, "63300");
        Territoire(d, "Circonscription de Thiers-Ambert", TypeTerritoire.Circonscription, "63430", "63003");
        Territoire(d, "Circonscription d'Issoire", TypeTerritoire.Circonscription, "63178");

        var direction = Structure(d, "Département du Puy-de-Dôme – Direction de l'insertion", TypeStructure.ServiceDepartement, "63113");
        var aip = Structure(d, "Département du Puy-de-Dôme – Agents d'insertion professionnelle de Clermont-Ferrand", TypeStructure.ServiceDepartement, "63113", null, clermont);
        Structure(d, "France Travail – Agence de Clermont-Ferrand", TypeStructure.FranceTravail, "63113", null, clermont);
        Structure(d, "CAF du Puy-de-Dôme", TypeStructure.Caf, "63113");
        Structure(d, "Ville de Clermont-Ferrand", TypeStructure.CommuneEpci, "63113", null, clermont);
        Structure(d, "DDETS du Puy-de-Dôme", TypeStructure.Etat, "63113");
        var mobilite = Structure(d, "Plateforme mobilité du Puy-de-Dôme", TypeStructure.Association, "63113", null, clermont, riom);
        var aisp = Structure(d, "Association Parcours Auvergne (AISP)", TypeStructure.Association, "63113", null, clermont);
        Structure(d, "Ateliers du Livradois (remobilisation et pré-qualification)", TypeStructure.OrganismeFormation, "63003");

        foreach (var (code, nom) in new[]
                 {
                     ("QN06301M", "Croix de Neyrat"), ("QN06302M", "Les Vergnes"), ("QN06303M", "Champratel"),
                     ("QN06304M", "La Gauthière"), ("QN06305M", "Saint-Jacques"), ("QN06306M", "Fontaine du Bac"),
                 })
        {
            db.Qpvs.Add(new Qpv(d.Id, code, nom, "63113"));
        }

        Ajouter(d, direction, "pilotage.puydedome", "Nathalie", "Pourrat", Role.ChargeMissionPdi);
        Ajouter(d, direction, "orientation.puydedome", "Mathieu", "Gerzat", Role.AgentOrientation);
        Ajouter(d, aip, "referent.puydedome", "Samia", "Boudet", Role.Referent);
        Ajouter(d, direction, "conventions.puydedome", "François", "Chabrol", Role.GestionnaireConventions);
        Ajouter(d, mobilite, "operateur.mobilite", "Damien", "Mallet", Role.Operateur);
        Ajouter(d, aisp, "operateur.aisp", "Élise", "Tixier", Role.Operateur);
    }

    private void ChargerCalvados()
    {
        var d = Departement("14", "Calvados");
        var caen = Territoire(d, "Circonscription d'action sociale de Caen", TypeTerritoire.TerritoireActionSociale, "14118", "14327");
        Territoire(d, "Circonscription d'action sociale du Pays d'Auge", TypeTerritoire.TerritoireActionSociale, "14366", "14333");
        var bessin = Territoire(d, "Circonscription d'action sociale du Bessin", TypeTerritoire.TerritoireActionSociale, "14047");
        Territoire(d, "Circonscription d'action sociale du Bocage", TypeTerritoire.TerritoireActionSociale, "14762", "14258");

        var direction = Structure(d, "Département du Calvados – Direction de l'insertion", TypeStructure.ServiceDepartement, "14118", null, caen);
        Structure(d, "France Travail – Agence de Caen", TypeStructure.FranceTravail, "14118", null, caen);
        var apr = Structure(d, "Association interprofessionnelle pour la formation continue du Calvados (APR)", TypeStructure.OrganismeFormation, "14118", null, caen);
        Structure(d, "Chantier d'insertion Les Potagers du Bessin", TypeStructure.Aci, "14047", null, bessin);
        Structure(d, "Chantier d'insertion Recyclerie de l'Orne", TypeStructure.Aci, "14118", null, caen);
        Structure(d, "Atelier collectif Le Fil de Caen (insertion sociale)", TypeStructure.Association, "14118", null, caen);
        Structure(d, "Accompagnement des travailleurs indépendants du Calvados", TypeStructure.Association, "14118");

        Ajouter(d, direction, "pilotage.calvados", "Claire", "Lemonnier", Role.ChargeMissionPdi);
        Ajouter(d, direction, "referent.calvados", "Yann", "Hébert", Role.Referent);
        Ajouter(d, apr, "operateur.calvados", "Céline", "Marie", Role.Operateur);
    }

    private Departement Departement(string code, string nom)
    {
        var departement = new Departement(code, nom);
        db.Departements.Add(departement);
        db.ParametresDates.AddRange(ParametrageInitial.Parametres(departement.Id));
        db.ValeursReference.AddRange(ParametrageInitial.Valeurs(departement.Id));
        return departement;
    }

    private Territoire Territoire(Departement departement, string nom, TypeTerritoire type, params string[] communes)
    {
        var territoire = new Territoire(departement.Id, nom, type);
        territoire.DefinirCommunes(communes);
        db.Territoires.Add(territoire);
        return territoire;
    }

    private Structure Structure(Departement departement, string nom, TypeStructure type, string? commune, string? adresse = null, params Territoire[] territoires)
    {
        var structure = new Structure(departement.Id, nom, type);
        structure.Modifier(nom, type, siret: null, adresse, commune);
        structure.DefinirTerritoires(territoires.Select(t => t.Id));
        db.Structures.Add(structure);
        return structure;
    }

    private void Ajouter(Departement? departement, Structure? structure, string identifiant, string prenom, string nom, Role role)
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
    }
}
