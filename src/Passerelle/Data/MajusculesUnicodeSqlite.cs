using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Passerelle.Data;

/// <summary>
/// SQLite's built-in upper() folds ASCII letters only: "Chambre de métiers" became "CHAMBRE DE MéTIERS", and the
/// searches that compare upper-cased names with the upper-cased text typed missed every lower-case accented
/// letter. Each connection gets an upper() that folds all of Unicode, as PostgreSQL's does.
/// </summary>
public sealed class MajusculesUnicodeSqlite : DbConnectionInterceptor
{
    public static readonly MajusculesUnicodeSqlite Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Definir(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Definir(connection);
        return Task.CompletedTask;
    }

    private static void Definir(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            sqlite.CreateFunction("upper", (string? texte) => texte?.ToUpperInvariant(), isDeterministic: true);
        }
    }
}
