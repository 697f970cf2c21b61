using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Passerelle.Tests.Support;

/// <summary>
/// The SQL statements the application sends, kept while a count is open: a page that loads its lines one by one
/// (N+1) shows here as a count that grows with the list.
/// </summary>
public sealed class CompteurRequetes : DbCommandInterceptor
{
    private ConcurrentQueue<string>? _commandes;

    /// <summary>Opens a count; what the application sends until the next call is kept.</summary>
    public void Demarrer() => _commandes = new ConcurrentQueue<string>();

    /// <summary>The statements sent since <see cref="Demarrer"/>, and closes the count.</summary>
    public IReadOnlyList<string> Arreter()
    {
        var commandes = _commandes ?? throw new InvalidOperationException("Aucun comptage en cours.");
        _commandes = null;
        return commandes.ToList();
    }

    private void Noter(DbCommand command) => _commandes?.Enqueue(command.CommandText);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Noter(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Noter(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Noter(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Noter(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Noter(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Noter(command);
        return ValueTask.FromResult(result);
    }
}
