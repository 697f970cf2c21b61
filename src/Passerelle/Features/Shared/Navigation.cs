using System.Security.Claims;
using Passerelle.Domain;
using Passerelle.Infrastructure.Auth;

namespace Passerelle.Features.Shared;

public sealed record LienNavigation(string Url, string Libelle, string Description);

/// <summary>What each role may open. The home page and the navigation both read it.</summary>
public static class Navigation
{
    private static readonly (Role Role, LienNavigation Lien)[] LiensParRole =
    [
        (Role.AdministrateurPlateforme, new("/plateforme", "Départements", "Créer les départements hébergés et leur premier administrateur.")),
        (Role.Administrateur, new("/administration/agents", "Agents", "Créer les comptes, attribuer les rôles et les structures, désactiver un compte.")),
        (Role.Administrateur, new("/administration/structures", "Structures", "Services du Département, partenaires et opérateurs, avec leur SIRET et leurs territoires.")),
        (Role.Administrateur, new("/administration/territoires", "Territoires", "Bassins de vie, territoires d'action sociale, circonscriptions et CLAI, avec leurs communes.")),
        (Role.Administrateur, new("/administration/qpv", "Quartiers prioritaires", "Charger la liste officielle des quartiers prioritaires de la politique de la ville.")),
        (Role.Administrateur, new("/administration/listes", "Listes", "Adapter les listes du département : freins, motifs, sorties.")),
        (Role.Administrateur, new("/parametres", "Paramètres datés", "Délais légaux, durées et taux, avec leur période de validité et leur source.")),
        (Role.Referent, new("/beneficiaires", "Personnes suivies", "Votre portefeuille, la recherche d'une personne et son dossier.")),
        (Role.AgentOrientation, new("/beneficiaires", "Personnes suivies", "Rechercher une personne, enregistrer un nouvel entrant, ouvrir son dossier.")),
        (Role.Responsable, new("/beneficiaires", "Personnes suivies", "Les personnes de votre territoire et de votre structure, les doublons à fusionner.")),
        .. Orientation.NavigationOrientation.Liens,

        .. SuiviRendezVous.ServicesRendezVous.Liens,

        (Role.Referent, new("/a-traiter", "À traiter", "Vos rendez-vous à enregistrer et les contrats à faire signer cette semaine.")),
        (Role.AgentOrientation, new("/a-traiter", "À traiter", "Les orientations dont le délai expire cette semaine, vos rendez-vous à enregistrer.")),
        (Role.Responsable, new("/a-traiter", "À traiter", "Les contrats à valider et les demandes de réorientation qui attendent votre réponse.")),
        .. Prescriptions.ATraiter.ServicesSuiviPrescriptions.LiensNavigation,
        (Role.Referent, new("/portefeuille", "Portefeuille", "Les personnes que vous suivez, avec leurs alertes : délais, contrats, rendez-vous, examens.")),
        (Role.Responsable, new("/portefeuille", "Portefeuille", "Les portefeuilles des référents de votre structure, avec leurs alertes.")),
        (Role.Responsable, new("/referents/transfert", "Transferts", "Transférer tout ou partie du portefeuille d'un référent à un autre.")),
        (Role.Responsable, new("/referents/suppleances", "Suppléances", "Confier le portefeuille d'un référent absent à un remplaçant, pour la durée de l'absence.")),
        .. Prescriptions.NavigationPrescriptions.Liens,
        (Role.Operateur, new("/prescriptions/recues", "Prescriptions reçues", "Les prescriptions adressées à votre structure : répondre, puis suivre entrées, heures, bilans, sorties et suivis à six mois.")),

        .. Chiffres.AccesChiffres.LiensNavigation,
        .. Catalogue.AccesCatalogue.LiensNavigation,

        (Role.Auditeur, new("/journal", "Journal des accès", "Qui a consulté, modifié ou exporté quel dossier, et quand.")),
    ];

    private static readonly LienNavigation Parametres =
        new("/parametres", "Paramètres datés", "Consulter les délais légaux et les valeurs en vigueur dans le département.");

    public static IReadOnlyList<LienNavigation> Liens(ClaimsPrincipal utilisateur)
    {
        var liens = new List<LienNavigation> { new("/", "Accueil", "") };
        liens.AddRange(LiensParRole.Where(l => utilisateur.EstDans(l.Role)).Select(l => l.Lien));
        if (!utilisateur.EstDans(Role.AdministrateurPlateforme) && !utilisateur.EstDans(Role.Administrateur))
        {
            liens.Add(Parametres);
        }

        return liens.DistinctBy(l => l.Url).ToList();
    }
}
