namespace Passerelle.Features.Beneficiaires.Cloture;

public static class ServicesFinDeSuivi
{
    /// <summary>The end of a follow-up: closure, reopening, and the transfer export for a move to another département.</summary>
    public static IServiceCollection AddFinDeSuivi(this IServiceCollection services) =>
        services.AddScoped<ServiceCloture>().AddScoped<Transfert.ServiceTransfert>();
}
