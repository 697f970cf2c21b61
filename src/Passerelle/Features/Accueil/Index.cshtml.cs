using Microsoft.AspNetCore.Mvc.RazorPages;
using Passerelle.Domain;
using Passerelle.Features.Shared;
using Passerelle.Infrastructure.Auth;

namespace Passerelle.Features.Accueil;

public sealed class IndexModel : PageModel
{
    public IReadOnlyList<(Role Role, string Mission)> Missions { get; private set; } = [];
    public IReadOnlyList<LienNavigation> Liens { get; private set; } = [];

    public void OnGet()
    {
        Missions = User.Roles().Select(r => (r, MissionDe(r))).ToList();
        Liens = Navigation.Liens(User).Where(l => l.Url != "/").ToList();
    }

    public static string MissionDe(Role role) => role switch
    {
        Role.AdministrateurPlateforme => "Vous hébergez les départements : vous les créez avec leur premier administrateur. Vous ne voyez aucune donnée de dossier.",
        Role.Administrateur => "Vous paramétrez le département : territoires, structures, comptes des agents, listes et paramètres datés.",
        Role.ChargeMissionPdi => "Vous animez le programme départemental d'insertion : axes, fiches-actions, indicateurs et instances. Vous voyez des chiffres agrégés, jamais de dossier individuel.",
        Role.GestionnaireConventions => "Vous suivez les conventions, les cofinancements et les paiements des actions financées.",
        Role.AgentOrientation => "Vous orientez les nouveaux bénéficiaires dans le délai légal et désignez la structure qui les accompagne.",
        Role.Responsable => "Vous validez les contrats, décidez des réorientations et des manquements, et répartissez les portefeuilles.",
        Role.Referent => "Vous accompagnez les personnes de votre portefeuille : diagnostic, contrat d'engagement, rendez-vous et prescriptions.",
        Role.Operateur => "Vous recevez les prescriptions vers les actions de votre structure et suivez les entrées, les présences, les bilans et les sorties.",
        Role.Auditeur => "Vous contrôlez le journal des accès : qui a consulté, modifié ou exporté quel dossier. Vous ne voyez pas le contenu des dossiers.",
        Role.Partenaire => "Vous pilotez ou suivez des fiches-actions du programme et siégez dans ses instances.",
        _ => "",
    };
}
