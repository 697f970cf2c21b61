namespace Passerelle.Features.Offre;

public static class ServicesOffre
{
    /// <summary>The public portal's and the feed's reading of the offer.</summary>
    public static void AddOffrePublique(IServiceCollection services) => services.AddScoped<LectureOffre>();
}
