using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Passerelle.Data;

namespace Passerelle.Generation;

/// <summary>
/// Writes generated rows in bulk, one transaction per batch: binary <c>COPY</c> on PostgreSQL, one prepared
/// single-row INSERT per table on SQLite. Columns and values come from the EF model and its type mappings, so that
/// every value is stored as SaveChanges would store it (enums as text, dates, Guids, UTC instants).
/// <para>
/// Entities draw their ids at random (<see cref="Guid.CreateVersion7()"/>); a batch's ids are replaced on the way
/// out by ids derived from the seed, the batch and the rank (<see cref="Renumerotation"/>), so that a seed always
/// gives the same database.
/// </para>
/// </summary>
internal abstract class EcritureMasse(PasserelleDbContext db) : IAsyncDisposable
{
    private readonly Dictionary<Type, TableMasse> _tables = [];

    protected PasserelleDbContext Db { get; } = db;

    public static EcritureMasse Pour(PasserelleDbContext db) =>
        db.Database.IsNpgsql() ? new EcriturePostgres(db) : new EcritureSqlite(db);

    public abstract Task CommencerAsync(CancellationToken cancellationToken);

    public abstract Task ValiderAsync(CancellationToken cancellationToken);

    /// <summary>Rows of one entity type, parents before children.</summary>
    public Task EcrireAsync<T>(IReadOnlyCollection<T> lignes, Renumerotation ids, CancellationToken cancellationToken)
        where T : class =>
        lignes.Count == 0 ? Task.CompletedTask : EcrireAsync(Table(typeof(T)), lignes, ids, cancellationToken);

    /// <summary>
    /// Planner statistics for the tables just filled: without them the first queries plan as if they were empty.
    /// On PostgreSQL the people's table is rewritten compactly first: the follow-up state computed after the writes
    /// wrote every person again, and with the table and its indexes twice their size the name search ran four times
    /// slower (a plain VACUUM left it so: it frees the old rows' space without compacting).
    /// </summary>
    public abstract Task AnalyserAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    protected abstract Task EcrireAsync(TableMasse table, IEnumerable<object> lignes, Renumerotation ids, CancellationToken cancellationToken);

    private TableMasse Table(Type type)
    {
        if (!_tables.TryGetValue(type, out var table))
        {
            table = TableMasse.Lire(Db, type);
            _tables[type] = table;
        }

        return table;
    }

    protected sealed record ColonneMasse(string Nom, RelationalTypeMapping Mapping, IClrPropertyGetter Lecture, bool Nullable, string TypeStockage)
    {
        public object? Valeur(object entite, Renumerotation ids)
        {
            var valeur = ids.Traduire(Lecture.GetClrValue(entite));
            return valeur is null || Mapping.Converter is null ? valeur : Mapping.Converter.ConvertToProvider(valeur);
        }
    }

    protected sealed record TableMasse(string NomDelimite, IReadOnlyList<ColonneMasse> Colonnes)
    {
        public static TableMasse Lire(PasserelleDbContext db, Type type)
        {
            var entite = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} n'est pas une entité du modèle.");
            var table = StoreObjectIdentifier.Table(entite.GetTableName()!, entite.GetSchema());
            var proprietes = entite.GetProperties().ToList();
            if (proprietes.Find(p => p.IsShadowProperty() || p.GetColumnName(table) is null) is { } inconnue)
            {
                throw new InvalidOperationException($"{type.Name}.{inconnue.Name} n'est pas une colonne lisible sur l'objet.");
            }

            var sql = db.GetService<ISqlGenerationHelper>();
            return new TableMasse(
                sql.DelimitIdentifier(table.Name, table.Schema),
                proprietes.Select(p => new ColonneMasse(
                    sql.DelimitIdentifier(p.GetColumnName(table)!), p.GetRelationalTypeMapping(), p.GetGetter(), p.IsNullable, p.GetColumnType(table))).ToList());
        }
    }

    private sealed class EcriturePostgres(PasserelleDbContext db) : EcritureMasse(db)
    {
        private NpgsqlConnection Connexion => (NpgsqlConnection)Db.Database.GetDbConnection();

        public override async Task CommencerAsync(CancellationToken cancellationToken)
        {
            await Db.Database.OpenConnectionAsync(cancellationToken);
            await Db.Database.BeginTransactionAsync(cancellationToken);
        }

        public override async Task ValiderAsync(CancellationToken cancellationToken) => await Db.Database.CommitTransactionAsync(cancellationToken);

        public override async Task AnalyserAsync(CancellationToken cancellationToken)
        {
            await Db.Database.ExecuteSqlRawAsync("VACUUM (FULL, ANALYZE) \"Beneficiaires\"", cancellationToken);
            await Db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE)", cancellationToken);
        }

        public override async ValueTask DisposeAsync() => await Db.Database.CloseConnectionAsync();

        protected override async Task EcrireAsync(TableMasse table, IEnumerable<object> lignes, Renumerotation ids, CancellationToken cancellationToken)
        {
            var types = table.Colonnes.Select(c => TypePostgres(c.TypeStockage)).ToArray();
            await using var copie = await Connexion.BeginBinaryImportAsync(
                $"COPY {table.NomDelimite} ({string.Join(", ", table.Colonnes.Select(c => c.Nom))}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            // Synchronous writes into the importer's buffer: an await per value costs more than the value itself.
            foreach (var ligne in lignes)
            {
                cancellationToken.ThrowIfCancellationRequested();
                copie.StartRow();
                for (var i = 0; i < table.Colonnes.Count; i++)
                {
                    switch (table.Colonnes[i].Valeur(ligne, ids))
                    {
                        case null:
                            copie.WriteNull();
                            break;
                        case Guid valeur:
                            copie.Write(valeur, types[i]);
                            break;
                        case string valeur:
                            copie.Write(valeur, types[i]);
                            break;
                        case int valeur:
                            copie.Write(valeur, types[i]);
                            break;
                        case long valeur:
                            copie.Write(valeur, types[i]);
                            break;
                        case bool valeur:
                            copie.Write(valeur, types[i]);
                            break;
                        case DateOnly valeur:
                            copie.Write(valeur, types[i]);
                            break;
                        case DateTime valeur:
                            copie.Write(valeur, types[i]);
                            break;
                        case byte[] valeur:
                            copie.Write(valeur, types[i]);
                            break;
                        case var valeur:
                            throw new InvalidOperationException($"{table.NomDelimite}.{table.Colonnes[i].Nom} : type {valeur.GetType().Name} non pris en charge par la copie.");
                    }
                }
            }

            await copie.CompleteAsync(cancellationToken);
        }

        private static NpgsqlDbType TypePostgres(string typeStockage)
        {
            var parenthese = typeStockage.IndexOf('(', StringComparison.Ordinal);
            return (parenthese < 0 ? typeStockage : typeStockage[..parenthese]).Trim() switch
            {
                "uuid" => NpgsqlDbType.Uuid,
                "character varying" => NpgsqlDbType.Varchar,
                "text" => NpgsqlDbType.Text,
                "integer" => NpgsqlDbType.Integer,
                "bigint" => NpgsqlDbType.Bigint,
                "smallint" => NpgsqlDbType.Smallint,
                "boolean" => NpgsqlDbType.Boolean,
                "bytea" => NpgsqlDbType.Bytea,
                "date" => NpgsqlDbType.Date,
                "timestamp with time zone" => NpgsqlDbType.TimestampTz,
                var autre => throw new InvalidOperationException($"Type de colonne « {autre} » non pris en charge par la copie."),
            };
        }
    }

    private sealed class EcritureSqlite(PasserelleDbContext db) : EcritureMasse(db)
    {
        private readonly Dictionary<TableMasse, (SqliteCommand Commande, SqliteParameter[] Parametres)> _insertions = [];

        public override async Task CommencerAsync(CancellationToken cancellationToken)
        {
            await Db.Database.OpenConnectionAsync(cancellationToken);
            var transaction = await Db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var (commande, _) in _insertions.Values)
            {
                commande.Transaction = (SqliteTransaction)transaction.GetDbTransaction();
            }
        }

        public override async Task ValiderAsync(CancellationToken cancellationToken) => await Db.Database.CommitTransactionAsync(cancellationToken);

        public override async Task AnalyserAsync(CancellationToken cancellationToken) =>
            await Db.Database.ExecuteSqlRawAsync("ANALYZE", cancellationToken);

        public override async ValueTask DisposeAsync()
        {
            foreach (var (commande, _) in _insertions.Values)
            {
                await commande.DisposeAsync();
            }

            await Db.Database.CloseConnectionAsync();
        }

        protected override async Task EcrireAsync(TableMasse table, IEnumerable<object> lignes, Renumerotation ids, CancellationToken cancellationToken)
        {
            var (commande, parametres) = Preparer(table);
            foreach (var ligne in lignes)
            {
                for (var i = 0; i < parametres.Length; i++)
                {
                    parametres[i].Value = table.Colonnes[i].Valeur(ligne, ids) ?? DBNull.Value;
                }

                // SQLite has no asynchronous I/O: the asynchronous call would only add its own cost.
                commande.ExecuteNonQuery();
            }
        }

        private (SqliteCommand, SqliteParameter[]) Preparer(TableMasse table)
        {
            if (_insertions.TryGetValue(table, out var insertion))
            {
                return insertion;
            }

            var connexion = (SqliteConnection)Db.Database.GetDbConnection();
            var commande = connexion.CreateCommand();
            commande.Transaction = (SqliteTransaction?)Db.Database.CurrentTransaction?.GetDbTransaction();
            var parametres = new SqliteParameter[table.Colonnes.Count];
            for (var i = 0; i < parametres.Length; i++)
            {
                // Created by the type mapping once, so that each value binds as EF binds it (Guids and dates as text).
                parametres[i] = (SqliteParameter)table.Colonnes[i].Mapping.CreateParameter(commande, $"@p{i}", null, table.Colonnes[i].Nullable);
                commande.Parameters.Add(parametres[i]);
            }

            commande.CommandText = $"INSERT INTO {table.NomDelimite} ({string.Join(", ", table.Colonnes.Select(c => c.Nom))}) VALUES ({string.Join(", ", parametres.Select(p => p.ParameterName))})";
            commande.Prepare();
            insertion = (commande, parametres);
            _insertions[table] = insertion;
            return insertion;
        }
    }
}

/// <summary>
/// The ids of one batch's new rows, replaced by ids derived from the seed, the batch and each row's rank. References to
/// them (foreign keys, and links kept as text such as a notification's) follow; ids of rows that existed before
/// (agents, structures, actions) are left alone.
/// </summary>
internal sealed partial class Renumerotation
{
    private readonly Dictionary<Guid, Guid> _ids = [];
    private readonly uint _graine;
    private readonly ushort _lot;

    public Renumerotation(int graine, int lot)
    {
        _graine = unchecked((uint)graine);
        _lot = checked((ushort)lot);
    }

    public void Ajouter(Guid ancien) => _ids.Add(ancien, Id(_graine, _lot, (ulong)_ids.Count));

    /// <summary>The batch of an id this class made; zero for any other.</summary>
    public static int Lot(Guid id)
    {
        Span<byte> octets = stackalloc byte[16];
        id.TryWriteBytes(octets, bigEndian: true, out _);
        return id.Version == 8 && octets[6] == 0x80 ? System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(octets[4..]) : 0;
    }

    /// <summary>Seed, batch, rank; version 8 (custom) with the RFC 9562 variant: never equal to the application's own version 7 ids.</summary>
    public static Guid Id(uint graine, ushort lot, ulong rang)
    {
        Span<byte> octets = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(octets, graine);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(octets[4..], lot);
        octets[6] = 0x80;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(octets[8..], rang);
        octets[8] = 0x80;
        return new Guid(octets, bigEndian: true);
    }

    public object? Traduire(object? valeur) => valeur switch
    {
        Guid id => _ids.GetValueOrDefault(id, id),
        string texte when texte.Length >= 36 && texte.Contains('-', StringComparison.Ordinal) =>
            IdDansTexte().Replace(texte, m => Guid.TryParse(m.ValueSpan, out var id) && _ids.TryGetValue(id, out var nouveau) ? nouveau.ToString() : m.Value),
        _ => valeur,
    };

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex IdDansTexte();
}
