using System.Linq.Expressions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Passerelle.Domain;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Data;

/// <summary>
/// The unit of work. Every entity with a DepartementId carries the named query filter
/// <see cref="FiltreDepartement"/>, which returns nothing while no département is current.
/// </summary>
public abstract class PasserelleDbContext(DbContextOptions options, DepartementCourant departementCourant)
    : IdentityDbContext<Agent, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public const string FiltreDepartement = "Departement";

    public DbSet<Departement> Departements => Set<Departement>();
    public DbSet<Commune> Communes => Set<Commune>();
    public DbSet<Territoire> Territoires => Set<Territoire>();
    public DbSet<Qpv> Qpvs => Set<Qpv>();
    public DbSet<Structure> Structures => Set<Structure>();
    public DbSet<ParametreDate> ParametresDates => Set<ParametreDate>();
    public DbSet<ValeurReference> ValeursReference => Set<ValeurReference>();
    public DbSet<JournalAcces> JournalAcces => Set<JournalAcces>();
    public DbSet<HistoriqueModification> HistoriqueModifications => Set<HistoriqueModification>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Foyer> Foyers => Set<Foyer>();
    public DbSet<Beneficiaire> Beneficiaires => Set<Beneficiaire>();
    public DbSet<ClotureDossier> ClotureDossiers => Set<ClotureDossier>();
    public DbSet<DroitRsa> DroitsRsa => Set<DroitRsa>();
    public DbSet<ReferentUnique> ReferentsUniques => Set<ReferentUnique>();
    public DbSet<EvaluationFrein> EvaluationsFreins => Set<EvaluationFrein>();
    public DbSet<NoteSuivi> NotesSuivi => Set<NoteSuivi>();
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<ContenuDocument> ContenusDocuments => Set<ContenuDocument>();
    public DbSet<DecisionOrientation> DecisionsOrientation => Set<DecisionOrientation>();
    public DbSet<DemandeReorientation> DemandesReorientation => Set<DemandeReorientation>();
    public DbSet<ContratEngagement> ContratsEngagement => Set<ContratEngagement>();
    public DbSet<RendezVous> RendezVous => Set<RendezVous>();
    public DbSet<SeanceCollective> SeancesCollectives => Set<SeanceCollective>();
    public DbSet<Suppleance> Suppleances => Set<Suppleance>();
    public DbSet<ModeleCourrier> ModelesCourrier => Set<ModeleCourrier>();
    public DbSet<CourrierEmis> CourriersEmis => Set<CourrierEmis>();
    public DbSet<MessageSortant> MessagesSortants => Set<MessageSortant>();
    public DbSet<Programme> Programmes => Set<Programme>();
    public DbSet<Axe> Axes => Set<Axe>();
    public DbSet<FicheAction> FichesActions => Set<FicheAction>();
    public DbSet<ActionInsertion> Actions => Set<ActionInsertion>();
    public DbSet<SessionAction> SessionsActions => Set<SessionAction>();
    public DbSet<Prescription> Prescriptions => Set<Prescription>();
    public DbSet<HeuresRealisees> HeuresRealisees => Set<HeuresRealisees>();
    public DbSet<BilanPrescription> BilansPrescriptions => Set<BilanPrescription>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<ExecutionTache> ExecutionsTaches => Set<ExecutionTache>();

    public DepartementCourant DepartementCourant => departementCourant;

    /// <summary>Read by the query filter at each query: EF Core parameterises it.</summary>
    public Guid? DepartementCourantId => departementCourant.Id;

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var personnes = SuiviCourant.ATouchees(this);
        if (personnes.Count == 0)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        using var transaction = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        var resultat = base.SaveChanges(acceptAllChangesOnSuccess);
        SuiviCourant.Recalculer(this, b => personnes.Contains(b.Id));
        transaction?.Commit();
        return resultat;
    }

    /// <summary>Saves, and recomputes in the same transaction the stored state derived from what was saved.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var personnes = SuiviCourant.ATouchees(this);
        if (personnes.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var resultat = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await SuiviCourant.RecalculerAsync(this, b => personnes.Contains(b.Id), cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return resultat;
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcNullableConverter>();
        foreach (var typeEnum in typeof(Departement).Assembly.GetTypes().Where(t => t.IsEnum && t.Namespace == typeof(Departement).Namespace))
        {
            configurationBuilder.Properties(typeEnum).HaveConversion<string>().HaveMaxLength(60);
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PasserelleDbContext).Assembly, t => t.Namespace?.StartsWith(typeof(PasserelleDbContext).Namespace!, StringComparison.Ordinal) == true);
        AppliquerFiltreDepartement(builder);
    }

    private void AppliquerFiltreDepartement(ModelBuilder builder)
    {
        foreach (var entityType in builder.Model.GetEntityTypes().Where(e => e.FindProperty(nameof(IAppartientAuDepartement.DepartementId)) is not null))
        {
            // e => DepartementCourantId != null && (Guid?)e.DepartementId == DepartementCourantId
            var entite = Expression.Parameter(entityType.ClrType, "e");
            var courant = Expression.Property(Expression.Constant(this), nameof(DepartementCourantId));
            var departementDeLEntite = Expression.Convert(
                Expression.Property(entite, nameof(IAppartientAuDepartement.DepartementId)), typeof(Guid?));
            var corps = Expression.AndAlso(
                Expression.NotEqual(courant, Expression.Constant(null, typeof(Guid?))),
                Expression.Equal(departementDeLEntite, courant));
            builder.Entity(entityType.ClrType).HasQueryFilter(FiltreDepartement, Expression.Lambda(corps, entite));
        }
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class UtcNullableConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.Value.ToUniversalTime(), DateTimeKind.Utc),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));
}

/// <summary>The SQLite flavour: its own migration set under Migrations/Sqlite.</summary>
public sealed class SqlitePasserelleDbContext(DbContextOptions<SqlitePasserelleDbContext> options, DepartementCourant departementCourant)
    : PasserelleDbContext(options, departementCourant);

/// <summary>The PostgreSQL flavour: its own migration set under Migrations/Postgres.</summary>
public sealed class PostgresPasserelleDbContext(DbContextOptions<PostgresPasserelleDbContext> options, DepartementCourant departementCourant)
    : PasserelleDbContext(options, departementCourant)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // "Any part of a name": a trigram index serves LIKE '%…%' on the normalised names.
        builder.HasPostgresExtension("pg_trgm");
        builder.Entity<Beneficiaire>().HasIndex(b => b.Recherche).HasMethod("gin").HasOperators("gin_trgm_ops")
            .HasDatabaseName("IX_Beneficiaires_Recherche_Trigrammes");
        // The orientation queue counts and sorts every person waiting (18 000 of 200 000): the columns it reads are in
        // its partial index, so that it is read alone (index-only scan) instead of one heap page per person.
        builder.Entity<Beneficiaire>().HasIndex(b => new { b.DepartementId, b.AttenteOrientationDepuis })
            .IncludeProperties(b => new { b.Id, b.FusionneDansId, b.CommuneCode });
        // The operator's inbox counts its prescriptions by state and lists their actions (thousands for a busy operator):
        // read from the index alone as well.
        builder.Entity<Prescription>().HasIndex(p => new { p.StructureOperateurId, p.Etat, p.EnvoyeeLe })
            .IncludeProperties(p => new { p.DepartementId, p.SortieLe, p.SuiviLe, p.ActionId, p.BeneficiaireId, p.Id });
    }
}
