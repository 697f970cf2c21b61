using Passerelle.Domain;
using Passerelle.Features.Shared;
using Passerelle.Infrastructure.Courriel;

namespace Passerelle.Features.SuiviRendezVous;

/// <summary>The services and links of the rendez-vous, the agenda, the manquements, the letterhead and the outbox.</summary>
public static class ServicesRendezVous
{
    public static IServiceCollection AddRendezVous(this IServiceCollection services)
    {
        services.AddScoped<ServiceRendezVous>();
        services.AddScoped<Agenda.ServiceSeances>();
        services.AddScoped<Manquements.ManquementsPossibles>();
        services.AddScoped<Administration.Courrier.ServiceModeleCourrier>();
        services.AddEnvoiCourriels();
        return services;
    }

    // Declared before the list that uses them: static fields initialise in the order of the text.
    private static readonly LienNavigation LienAgenda =
        new("/agenda", "Agenda", "Les rendez-vous et les séances collectives de la semaine ; convoquer un groupe à une information collective.");

    private static readonly LienNavigation LienManquements =
        new("/manquements", "Manquements", "Les manquements possibles : rendez-vous non honorés sans excuse, contrats d'engagement en retard.");

    /// <summary>The navigation's entries, in the order they appear.</summary>
    public static readonly (Role Role, LienNavigation Lien)[] Liens =
    [
        (Role.Referent, LienAgenda), (Role.AgentOrientation, LienAgenda), (Role.Responsable, LienAgenda),
        (Role.Referent, LienManquements), (Role.AgentOrientation, LienManquements), (Role.Responsable, LienManquements),
        (Role.Administrateur, new("/administration/courrier", "Modèle de courrier", "L'en-tête des courriers : logo, service, adresse et signataire.")),
        (Role.Administrateur, new("/administration/courriels", "Courriels", "La file des courriels envoyés aux personnes : en attente, envoyés, en échec.")),
    ];
}
