namespace Passerelle.Features.Orientation;

public static class ServicesOrientation
{
    public static void AddOrientation(IServiceCollection services)
    {
        services.AddScoped<ServiceOrientation>();
        services.AddScoped<FileOrientation>();
    }
}
