using Passerelle.Data;
using Passerelle.Demo;

namespace Passerelle.Infrastructure.Hosting;

/// <summary>What happens before the server listens: only the demo touches the database at start.</summary>
public static class Demarrage
{
    public static async Task<bool> PreparerAsync(WebApplication app)
    {
        var demo = app.Configuration.GetValue<bool>("Demo:Enabled");
        if (demo && app.Environment.IsProduction())
        {
            const string message = "Demo:Enabled=true est interdit en production : la démonstration crée des comptes au mot de passe connu. Retirez ce réglage.";
            app.Logger.LogCritical(message);
            // The console logger writes in the background: the process may end before it does.
            await Console.Error.WriteLineAsync(message);
            return false;
        }

        try
        {
            // Fails now, with its reason, rather than at the first person recorded.
            app.Services.GetRequiredService<Securite.ProtectionNir>();
        }
        catch (InvalidOperationException erreur)
        {
            app.Logger.LogCritical("{Message}", erreur.Message);
            await Console.Error.WriteLineAsync(erreur.Message);
            return false;
        }

        if (!demo)
        {
            return true;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PasserelleDbContext>();
        await Commandes.MigrerAsync(db);
        var chargeur = scope.ServiceProvider.GetRequiredService<ChargeurDemo>();
        if (!await chargeur.BaseContientDesDonneesAsync())
        {
            await chargeur.ChargerAsync();
        }

        return true;
    }
}
