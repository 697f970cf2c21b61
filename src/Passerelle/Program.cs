using Passerelle.Infrastructure.Hosting;

var ligne = LigneDeCommande.Lire(args);
if (ligne.Erreur is not null)
{
    await Console.Error.WriteLineAsync(ligne.Erreur);
    await Console.Error.WriteLineAsync(LigneDeCommande.Usage);
    return 2;
}

var builder = WebApplication.CreateBuilder(ligne.ArgumentsHote);
builder.AjouterPasserelle();
var app = builder.Build();

if (ligne.Commande != Commande.Serveur)
{
    return await Commandes.ExecuterAsync(app, ligne);
}

app.UtiliserPasserelle();
if (!await Demarrage.PreparerAsync(app))
{
    return 1;
}

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
