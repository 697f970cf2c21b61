using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Infrastructure.Audit;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.Beneficiaires.Documents;

/// <summary>One document in a dossier's list.</summary>
public sealed record LigneDocument(Guid Id, Guid BeneficiaireId, string NomFichier, string TypeContenu, long Taille, string? Auteur, DateTime Instant)
{
    public string Type => TypesDocuments.Pour(TypeContenu)?.Libelle ?? TypeContenu;

    public string TailleLisible => TypesDocuments.TailleLisible(Taille);

    public string Adresse => $"/beneficiaires/{BeneficiaireId}/documents/{Id}";
}

/// <summary>What a download needs besides the bytes.</summary>
public sealed record FicheDocument(Guid Id, string NomFichier, string TypeContenu, long Taille);

/// <summary>
/// The documents of a dossier. The bytes never pass through a byte array: they are written from the
/// upload stream into the database and read from the database into the response, 10 MB being too much
/// to hold per request. The caller has checked the agent's scope on the person.
/// </summary>
public sealed class ServiceDocuments(PasserelleDbContext db, Journal journal, AgentCourant agentCourant, TimeProvider temps)
{
    public static readonly string MessageTropGros =
        $"Le fichier dépasse {TypesDocuments.TailleLisible(Document.TailleMaximale)} : il n'a pas été enregistré. " +
        "Réduisez sa taille (par exemple en le numérisant en résolution plus basse) puis envoyez-le de nouveau.";

    public const string MessageVide = "Le fichier choisi est vide : choisissez le document à ajouter.";

    private const string Table = "ContenusDocuments";
    private const string ColonneContenu = "Contenu";

    public Task<List<LigneDocument>> ListerAsync(Guid beneficiaireId, CancellationToken cancellationToken = default) =>
        db.Documents.AsNoTracking()
            .Where(d => d.BeneficiaireId == beneficiaireId)
            .OrderByDescending(d => d.Instant)
            .ThenBy(d => d.NomFichier)
            .Select(d => new LigneDocument(
                d.Id, d.BeneficiaireId, d.NomFichier, d.TypeContenu, d.Taille,
                db.Users.Where(a => a.Id == d.AgentId).Select(a => a.Prenom + " " + a.Nom).FirstOrDefault(),
                d.Instant))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Keeps the document: its row, its bytes and the journal line, all or nothing. Refused with a
    /// <see cref="RegleMetierException"/> when empty, too big or not of an accepted format.
    /// </summary>
    /// <param name="contenu">The uploaded content, seekable (an uploaded form file is).</param>
    public async Task<Document> AjouterAsync(Guid beneficiaireId, string? nomFichier, Stream contenu, CancellationToken cancellationToken = default)
    {
        var taille = contenu.Length;
        if (taille == 0)
        {
            throw new RegleMetierException(MessageVide);
        }

        if (taille > Document.TailleMaximale)
        {
            throw new RegleMetierException(MessageTropGros);
        }

        var type = await TypesDocuments.DetecterAsync(contenu, cancellationToken)
            ?? throw new RegleMetierException(TypesDocuments.MessageFormatRefuse);
        var beneficiaire = await db.Beneficiaires.AsNoTracking()
            .Where(b => b.Id == beneficiaireId)
            .Select(b => new { b.DepartementId })
            .SingleAsync(cancellationToken);

        var document = new Document(
            beneficiaire.DepartementId, beneficiaireId, TypesDocuments.NomFichier(nomFichier, type, Document.LongueurNom),
            type.TypeContenu, taille, agentCourant.Id, temps.GetUtcNow().UtcDateTime);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Documents.Add(document);
        journal.Ajouter(ActionJournal.Creation, nameof(Document), document.Id);
        // The person's own line too: "who touched this dossier" reads one id.
        journal.Ajouter(ActionJournal.Modification, nameof(Beneficiaire), beneficiaireId);
        await db.SaveChangesAsync(cancellationToken);
        contenu.Position = 0;
        await EcrireContenuAsync(document.Id, contenu, taille, transaction.GetDbTransaction(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return document;
    }

    /// <summary>
    /// The document of this person, journaled as downloaded; null when the id names no document of
    /// this person (another person's document is not found, even in the agent's scope).
    /// </summary>
    public async Task<FicheDocument?> TelechargerAsync(Guid beneficiaireId, Guid documentId, CancellationToken cancellationToken = default)
    {
        var fiche = await db.Documents.AsNoTracking()
            .Where(d => d.Id == documentId && d.BeneficiaireId == beneficiaireId)
            .Select(d => new FicheDocument(d.Id, d.NomFichier, d.TypeContenu, d.Taille))
            .SingleOrDefaultAsync(cancellationToken);
        if (fiche is not null)
        {
            // Before the first byte leaves: a download cut short was still a download. Journaled under the
            // document and under the person, so that "who opened this dossier" finds it.
            journal.Ajouter(ActionJournal.Telechargement, nameof(Beneficiaire), beneficiaireId);
            await journal.EnregistrerAsync(ActionJournal.Telechargement, nameof(Document), documentId, cancellationToken: cancellationToken);
        }

        return fiche;
    }

    /// <summary>Copies the bytes of the document to <paramref name="destination"/> as they are read.</summary>
    public async Task CopierContenuAsync(Guid documentId, Stream destination, CancellationToken cancellationToken = default)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var commande = db.Database.GetDbConnection().CreateCommand();
            commande.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            // With the rowid, SQLite's reader hands out an incremental blob stream instead of a copy in memory.
            commande.CommandText = commande is SqliteCommand
                ? $"SELECT rowid, \"{ColonneContenu}\" FROM \"{Table}\" WHERE \"DocumentId\" = @id"
                : $"SELECT \"{ColonneContenu}\" FROM \"{Table}\" WHERE \"DocumentId\" = @id";
            Parametre(commande, "@id", documentId);
            await using var lecteur = await commande.ExecuteReaderAsync(CommandBehavior.SequentialAccess | CommandBehavior.SingleRow, cancellationToken);
            if (!await lecteur.ReadAsync(cancellationToken))
            {
                throw new InvalidOperationException($"Le document {documentId} n'a pas de contenu.");
            }

            if (commande is SqliteCommand)
            {
                // Read in column order: the sequential reader cannot go back.
                _ = lecteur.GetInt64(0);
            }

            await using var flux = lecteur.GetStream(lecteur.FieldCount - 1);
            await flux.CopyToAsync(destination, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task EcrireContenuAsync(Guid documentId, Stream contenu, long taille, DbTransaction transaction, CancellationToken cancellationToken)
    {
        switch (db.Database.GetDbConnection())
        {
            case SqliteConnection sqlite:
            {
                // SQLite writes a blob in place once its full size is reserved.
                await using var commande = sqlite.CreateCommand();
                commande.Transaction = (SqliteTransaction)transaction;
                commande.CommandText = $"INSERT INTO \"{Table}\" (\"DocumentId\", \"{ColonneContenu}\") VALUES (@id, zeroblob(@taille)) RETURNING rowid";
                commande.Parameters.AddWithValue("@id", documentId);
                commande.Parameters.AddWithValue("@taille", taille);
                var rowid = (long)(await commande.ExecuteScalarAsync(cancellationToken))!;
                await using var blob = new SqliteBlob(sqlite, Table, ColonneContenu, rowid);
                await contenu.CopyToAsync(blob, cancellationToken);
                break;
            }

            case NpgsqlConnection postgres:
            {
                // Npgsql sends a Stream parameter to bytea as it reads it.
                await using var commande = postgres.CreateCommand();
                commande.Transaction = (NpgsqlTransaction)transaction;
                commande.CommandText = $"INSERT INTO \"{Table}\" (\"DocumentId\", \"{ColonneContenu}\") VALUES (@id, @contenu)";
                commande.Parameters.AddWithValue("id", documentId);
                commande.Parameters.Add(new NpgsqlParameter("contenu", NpgsqlDbType.Bytea) { Value = contenu, Size = checked((int)taille) });
                await commande.ExecuteNonQueryAsync(cancellationToken);
                break;
            }

            default:
                throw new NotSupportedException($"Base de données non prise en charge : {db.Database.ProviderName}.");
        }
    }

    private static void Parametre(DbCommand commande, string nom, object valeur)
    {
        var parametre = commande.CreateParameter();
        parametre.ParameterName = nom;
        parametre.Value = valeur;
        commande.Parameters.Add(parametre);
    }
}
