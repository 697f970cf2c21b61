using System.Globalization;
using Passerelle.Bench;

// What the bench prints to the console is French, numbers included; files and URLs format invariantly.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
CultureInfo.CurrentCulture = CultureInfo.DefaultThreadCurrentCulture;

var (options, erreur) = OptionsBanc.Lire(args);
if (options is null)
{
    await Console.Error.WriteLineAsync(erreur);
    await Console.Error.WriteLineAsync(OptionsBanc.Usage);
    return 2;
}

using var arret = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The cluster and the application are stopped by the run's own cleanup, not left behind.
    e.Cancel = true;
    arret.Cancel();
};

try
{
    var racine = Banc.Racine();
    if (options.RapportSeul)
    {
        Console.WriteLine($"Tableau régénéré : {Path.GetRelativePath(racine, Rapport.Regenerer(racine))}");
        return 0;
    }

    return await new Banc(options, racine).ExecuterAsync(arret.Token);
}
catch (InvalidOperationException echec)
{
    await Console.Error.WriteLineAsync(echec.Message);
    return 1;
}
catch (OperationCanceledException) when (arret.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync("Banc interrompu.");
    return 130;
}
