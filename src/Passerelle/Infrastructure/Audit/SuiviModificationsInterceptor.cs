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
/// per changed field of every edited entity. A link row added or removed under an edited entity
/// (a commune of a territory, a territory of a structure) counts as a change of that entity.
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
        var versionnesModifies = new HashSet<IVersionne>(ReferenceEqualityComparer.Instance);
        var parentsDeLiens = new HashSet<IVersionne>(ReferenceEqualityComparer.Instance);
        var entrees = context.ChangeTracker.Entries().ToList();

        foreach (var entree in entrees)
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
                if (entree.State is EntityState.Added or EntityState.Deleted)
                {
                    SuivreLien(entrees, entree, instant, agentId, historique, parentsDeLiens);
                }

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
                    versionnesModifies.Add(versionne);
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

        // A parent whose only change is its links is written too, so that its version is checked and moves on.
        foreach (var parent in parentsDeLiens.Where(p => !versionnesModifies.Contains(p)))
        {
            parent.Version++;
        }

        context.AddRange(historique);
    }

    private static void SuivreLien(
        List<EntityEntry> entrees, EntityEntry lien, DateTime instant, Guid? agentId,
        List<HistoriqueModification> historique, HashSet<IVersionne> parents)
    {
        var clePrimaire = lien.Metadata.FindPrimaryKey();
        if (clePrimaire is null)
        {
            return;
        }

        // A link row is keyed by its parent's id and the id of what it links to.
        foreach (var cleEtrangere in lien.Metadata.GetForeignKeys().Where(fk =>
                     typeof(IVersionne).IsAssignableFrom(fk.PrincipalEntityType.ClrType) && fk.Properties.All(clePrimaire.Properties.Contains)))
        {
            var parentId = lien.Property(cleEtrangere.Properties[0].Name).CurrentValue as Guid?;
            var parent = entrees.FirstOrDefault(e =>
                e.Metadata.ClrType == cleEtrangere.PrincipalEntityType.ClrType && e.Entity is IVersionne v && v.Id == parentId);
            if (parent is null || parent.State is EntityState.Added or EntityState.Deleted)
            {
                continue;
            }

            var valeur = string.Join(" ", clePrimaire.Properties.Except(cleEtrangere.Properties).Select(p => Texte(lien.Property(p.Name).CurrentValue)));
            var retire = lien.State == EntityState.Deleted;
            historique.Add(Ligne(parent, (IVersionne)parent.Entity, instant, agentId, lien.Metadata.ClrType.Name, retire ? valeur : null, retire ? null : valeur));
            parents.Add((IVersionne)parent.Entity);
        }
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
