using Passerelle.Features.Administration.Agents;
using Passerelle.Features.Parametres;
using Passerelle.Features.Plateforme;

namespace Passerelle.Features;

public static class FeatureServices
{
    public static IServiceCollection AddFeatureServices(this IServiceCollection services)
    {
        services.AddScoped<ServiceParametres>();
        services.AddScoped<ServiceAgents>();
        services.AddScoped<ServicePlateforme>();
        services.AddScoped<Administration.Listes.ServiceListes>();
        services.AddScoped<JournalDesAcces.ServiceJournal>();
        services.AddScoped<Administration.Structures.ServiceStructures>();
        services.AddScoped<Administration.Territoires.ServiceTerritoires>();
        services.AddScoped<Administration.Qpv.ServiceQpv>();
        services.AddScoped<Beneficiaires.PerimetreDossiers>();
        services.AddScoped<Beneficiaires.ServiceDossiers>();
        services.AddScoped<Beneficiaires.RechercheDossiers>();
        services.AddScoped<Beneficiaires.Diagnostic.ServiceDiagnostic>();
        services.AddScoped<Beneficiaires.Documents.ServiceDocuments>();
        services.AddScoped<Courriers.ServiceCourriers>();
        Beneficiaires.Cloture.ServicesFinDeSuivi.AddFinDeSuivi(services);

        Orientation.ServicesOrientation.AddOrientation(services);

        services.AddScoped<Contrats.ServiceContrats>();

        SuiviRendezVous.ServicesRendezVous.AddRendezVous(services);

        Referents.ServicesReferents.AddReferentsPortefeuilleATraiter(services);

        services.AddScoped<Chiffres.CatalogueChiffres>();

        services.AddScoped<Notifications.ServiceNotifications>();
        services.AddScoped<Prescriptions.ServicePrescriptions>();
        services.AddScoped<Catalogue.ServiceActions>();
        Offre.ServicesOffre.AddOffrePublique(services);
        Prescriptions.Recues.ServicesRecues.AddPrescriptionsRecues(services);
        Prescriptions.ATraiter.ServicesSuiviPrescriptions.AddSuiviPrescriptions(services);
        return services;
    }
}
