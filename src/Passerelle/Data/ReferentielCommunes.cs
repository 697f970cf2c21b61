using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Passerelle.Infrastructure;

namespace Passerelle.Data;

/// <summary>Loads the communes of France from the extract shipped with the application (see scripts/communes).</summary>
public static class ReferentielCommunes
{
    private const string Ressource = "Passerelle.Data.Referentiels.communes.csv";

    public static IEnumerable<(string Code, string Nom, string Departement, string CodesPostaux)> Lire() =>
        LigneCsv.LignesDeRessource(Ressource, "code;").Select(c => (c[0], c[1], c[2], c[3]));

    /// <summary>Inserts every commune once, in one transaction of prepared inserts; does nothing when already loaded.</summary>
    public static async Task<int> ChargerAsync(PasserelleDbContext db, CancellationToken cancellationToken = default)
    {
        if (await db.Communes.AnyAsync(cancellationToken))
        {
            return 0;
        }

        var connexion = db.Database.GetDbConnection();
        var ouverteIci = connexion.State != System.Data.ConnectionState.Open;
        if (ouverteIci)
        {
            await connexion.OpenAsync(cancellationToken);
        }

        try
        {
            await using var transaction = await connexion.BeginTransactionAsync(cancellationToken);
            await using var commande = connexion.CreateCommand();
            commande.Transaction = transaction;
            commande.CommandText = "INSERT INTO \"Communes\" (\"Code\", \"Nom\", \"CodeDepartement\", \"CodesPostaux\") VALUES (@code, @nom, @dep, @cp)";
            var code = Parametre(commande, "@code");
            var nom = Parametre(commande, "@nom");
            var departement = Parametre(commande, "@dep");
            var codesPostaux = Parametre(commande, "@cp");
            await commande.PrepareAsync(cancellationToken);
            var nombre = 0;
            foreach (var commune in Lire())
            {
                code.Value = commune.Code;
                nom.Value = commune.Nom;
                departement.Value = commune.Departement;
                codesPostaux.Value = commune.CodesPostaux;
                await commande.ExecuteNonQueryAsync(cancellationToken);
                nombre++;
            }

            await transaction.CommitAsync(cancellationToken);
            return nombre;
        }
        finally
        {
            if (ouverteIci)
            {
                await connexion.CloseAsync();
            }
        }
    }

    private static DbParameter Parametre(DbCommand commande, string nom)
    {
        var parametre = commande.CreateParameter();
        parametre.ParameterName = nom;
        parametre.DbType = System.Data.DbType.String;
        parametre.Value = "";
        commande.Parameters.Add(parametre);
        return parametre;
    }
}
