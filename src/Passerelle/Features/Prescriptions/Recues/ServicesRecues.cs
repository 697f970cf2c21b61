namespace Passerelle.Features.Prescriptions.Recues;

/// <summary>The operator's side of the prescriptions, registered from <see cref="FeatureServices"/> in one line.</summary>
public static class ServicesRecues
{
    public static void AddPrescriptionsRecues(IServiceCollection services)
    {
        services.AddScoped<LecturePrescriptionsRecues>();
        services.AddScoped<ServiceEntretiens>();
    }
}
