namespace Passerelle.Tests.Support;

public static class Environnement
{
    /// <summary>Under CI=true, tests that need PostgreSQL or Chromium fail instead of skipping.</summary>
    public static bool EstCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static void IndisponibleSauf(bool disponible, string raison)
    {
        if (disponible)
        {
            return;
        }

        if (EstCi)
        {
            throw new InvalidOperationException($"CI=true : {raison}");
        }

        Assert.Skip(raison);
    }

    public static string RacineDuDepot()
    {
        var dossier = new DirectoryInfo(AppContext.BaseDirectory);
        while (dossier is not null && !File.Exists(Path.Combine(dossier.FullName, "Passerelle.slnx")))
        {
            dossier = dossier.Parent;
        }

        return dossier?.FullName ?? throw new InvalidOperationException("Racine du dépôt introuvable.");
    }
}
