using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Passerelle.Data;

namespace Passerelle.Demo;

/// <summary>
/// Inserts many new entities of one type in multi-row INSERTs, inside the context's current transaction.
/// Columns and values come from the EF model and its type mappings, so that every value is stored as
/// SaveChanges would store it (enums as text, dates, Guids, UTC instants). Used for the demo's people:
/// through the change tracker, their 14 000 rows took several seconds at every first start.
/// </summary>
internal static class InsertionGroupee
{
    // SQLite finds each parameter by a linear search of the statement's names: its statements stay short.
    // PostgreSQL has no such cost, and fewer round trips.
    private const int LignesParCommandeSqlite = 20;
    private const int LignesParCommandePostgres = 200;

    public static async Task InsererAsync<T>(PasserelleDbContext db, IReadOnlyCollection<T> entites, CancellationToken cancellationToken)
        where T : class
    {
        if (entites.Count == 0)
        {
            return;
        }

        var type = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} n'est pas une entité du modèle.");
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var proprietes = type.GetProperties().ToList();
        if (proprietes.Find(p => p.IsShadowProperty() || p.GetColumnName(table) is null) is { } inconnue)
        {
            // A value this helper cannot read from the object: SaveChanges is the way for such a type.
            throw new InvalidOperationException($"{typeof(T).Name}.{inconnue.Name} n'est pas une colonne lisible sur l'objet.");
        }

        var sql = db.GetService<ISqlGenerationHelper>();
        var colonnes = proprietes.Select(p => (Mapping: p.GetRelationalTypeMapping(), Lire: p.GetGetter(), p.IsNullable)).ToList();
        var entete = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", proprietes.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) VALUES ";
        var connexion = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();

        foreach (var paquet in entites.Chunk(db.Database.IsSqlite() ? LignesParCommandeSqlite : LignesParCommandePostgres))
        {
            await using var commande = connexion.CreateCommand();
            commande.Transaction = transaction;
            var texte = new StringBuilder(entete);
            var numero = 0;
            foreach (var entite in paquet)
            {
                texte.Append(numero == 0 ? "(" : ", (");
                for (var i = 0; i < colonnes.Count; i++)
                {
                    var nom = $"p{numero++}";
                    // Named as EF names them, so that each provider binds the parameter without guessing its prefix.
                    commande.Parameters.Add(colonnes[i].Mapping.CreateParameter(commande, sql.GenerateParameterName(nom), colonnes[i].Lire.GetClrValue(entite), colonnes[i].IsNullable));
                    texte.Append(i == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(nom));
                }

                texte.Append(')');
            }

            commande.CommandText = texte.ToString();
            await commande.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
