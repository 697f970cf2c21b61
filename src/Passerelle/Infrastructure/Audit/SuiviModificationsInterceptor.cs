using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Passerelle.Domain;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Infrastructure.Audit;

/// <summary>
/// Before each save: increments the <see cref="IVersionne.Version"/> of edited entities, keeps the
/// access journal and the change trail append-only, and writes one <see cref="HistoriqueModification"/>
/// per changed field of every edited entity.
/// </summary>
public sealed class SuiviModificationsInterceptor(AgentCourant agentCourant, TimeProvider temps) : SaveChangesInterceptor
{
    // Identity's bookkeeping columns change at every sign-in: they are neither a user's edit nor history.
    private static readonly HashSet<string> ChampsTechniques = new(StringComparer.Ordinal)
    {
        nameof(IVersionne.Version), "SecurityStamp", "ConcurrencyStamp", "AccessFailedCount", "LockoutEnd",
        "NormalizedEmail", "NormalizedUserName",
    };

    private static readonly HashSet<string> ChampsSensiblesIdentity = new(StringComparer.Ordinal) { "PasswordHash" };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Suivre(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Suivre(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Suivre(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        var instant = temps.GetUtcNow().UtcDateTime;
        var agentId = agentCourant.Id;
        var historique = new List<HistoriqueModification>();

        foreach (var entree in context.ChangeTracker.Entries().ToList())
        {
            if (entree.Entity is JournalAcces or HistoriqueModification)
            {
                if (entree.State is EntityState.Modified or EntityState.Deleted)
                {
                    throw new InvalidOperationException("Le journal des accès et l'historique des modifications ne sont jamais modifiés ni supprimés.");
                }

                continue;
            }

            if (entree.Entity is not IVersionne versionne)
            {
                continue;
            }

            switch (entree.State)
            {
                case EntityState.Added:
                    // Writes without an agent (demo loading, commands) are accounted for by the command itself.
                    if (agentId is not null)
                    {
                        historique.Add(Ligne(entree, versionne, instant, agentId, null, null, "création"));
                    }

                    break;
                case EntityState.Deleted:
                    historique.Add(Ligne(entree, versionne, instant, agentId, null, null, "suppression"));
                    break;
                case EntityState.Modified:
                    var champsModifies = entree.Properties
                        .Where(p => p.IsModified && !ChampsTechniques.Contains(p.Metadata.Name) && !Equals(p.OriginalValue, p.CurrentValue))
                        .ToList();
                    if (champsModifies.Count == 0)
                    {
                        break;
                    }

                    versionne.Version++;
                    foreach (var champ in champsModifies)
                    {
                        var sensible = EstSensible(champ);
                        historique.Add(Ligne(
                            entree, versionne, instant, agentId, champ.Metadata.Name,
                            sensible ? null : Texte(champ.OriginalValue),
                            sensible ? HistoriqueModification.ValeurMasquee : Texte(champ.CurrentValue)));
                    }

                    break;
                default:
                    break;
            }
        }

        context.AddRange(historique);
    }

    private static HistoriqueModification Ligne(
        EntityEntry entree, IVersionne entite, DateTime instant, Guid? agentId, string? champ, string? ancienne, string? nouvelle)
    {
        var departementId = entree.Metadata.FindProperty(nameof(IAppartientAuDepartement.DepartementId)) is { } propriete
            ? entree.Property(propriete.Name).CurrentValue as Guid?
            : null;
        return new HistoriqueModification(instant, agentId, departementId, entree.Metadata.ClrType.Name, entite.Id, champ, ancienne, nouvelle);
    }

    private static bool EstSensible(PropertyEntry champ) =>
        ChampsSensiblesIdentity.Contains(champ.Metadata.Name) ||
        champ.Metadata.PropertyInfo?.GetCustomAttribute<SensibleAttribute>() is not null;

    private static string? Texte(object? valeur) => valeur is null ? null : TexteCourt(valeur);

    private static string TexteCourt(object valeur)
    {
        var texte = valeur switch
        {
            DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime instant => instant.ToString("O", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => valeur.ToString() ?? "",
        };
        return texte.Length > 500 ? texte[..500] : texte;
    }
}
