using Passerelle.Features.ATraiter;
using Passerelle.Features.Portefeuille;

namespace Passerelle.Features.Referents;

public static class ServicesReferents
{
    /// <summary>The services of the référent's designation, transfers and covers, the portfolio and the work queue.</summary>
    public static void AddReferentsPortefeuilleATraiter(IServiceCollection services)
    {
        services.AddScoped<ServiceReferents>();
        services.AddScoped<AlertesSuivi>();
        services.AddScoped<ISectionATraiter, ContratsAValider>();
        services.AddScoped<ISectionATraiter, DemandesReorientationEnAttente>();
        services.AddScoped<ISectionATraiter, RendezVousAEnregistrer>();
        services.AddScoped<ISectionATraiter, OrientationsAEcheance>();
        services.AddScoped<ISectionATraiter, ContratsAEcheance>();
    }
}
