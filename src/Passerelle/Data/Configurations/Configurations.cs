using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passerelle.Domain;

namespace Passerelle.Data.Configurations;

internal sealed class DepartementConfiguration : IEntityTypeConfiguration<Departement>
{
    public void Configure(EntityTypeBuilder<Departement> builder)
    {
        builder.Property(d => d.Code).HasMaxLength(3);
        builder.HasIndex(d => d.Code).IsUnique();
        builder.Property(d => d.Nom).HasMaxLength(100);
        builder.Property(d => d.FuseauHoraire).HasMaxLength(60);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.Ignore(d => d.Fuseau);
    }
}

internal sealed class CommuneConfiguration : IEntityTypeConfiguration<Commune>
{
    public void Configure(EntityTypeBuilder<Commune> builder)
    {
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(5);
        builder.Property(c => c.Nom).HasMaxLength(100);
        builder.Property(c => c.CodeDepartement).HasMaxLength(3);
        builder.Property(c => c.CodesPostaux).HasMaxLength(200);
        builder.HasIndex(c => c.CodeDepartement);
    }
}

internal sealed class TerritoireConfiguration : IEntityTypeConfiguration<Territoire>
{
    public void Configure(EntityTypeBuilder<Territoire> builder)
    {
        builder.Property(t => t.Nom).HasMaxLength(100);
        builder.HasIndex(t => new { t.DepartementId, t.Type, t.Nom }).IsUnique();
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasOne<Departement>().WithMany().HasForeignKey(t => t.DepartementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Communes).WithOne().HasForeignKey(c => c.TerritoireId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TerritoireCommuneConfiguration : IEntityTypeConfiguration<TerritoireCommune>
{
    public void Configure(EntityTypeBuilder<TerritoireCommune> builder)
    {
        builder.HasKey(c => new { c.TerritoireId, c.CommuneCode });
        builder.Property(c => c.CommuneCode).HasMaxLength(5);
        builder.HasOne<Commune>().WithMany().HasForeignKey(c => c.CommuneCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class QpvConfiguration : IEntityTypeConfiguration<Qpv>
{
    public void Configure(EntityTypeBuilder<Qpv> builder)
    {
        builder.Property(q => q.Code).HasMaxLength(20);
        builder.Property(q => q.Nom).HasMaxLength(150);
        builder.Property(q => q.CommuneCode).HasMaxLength(5);
        builder.HasIndex(q => new { q.DepartementId, q.Code }).IsUnique();
        builder.HasOne<Departement>().WithMany().HasForeignKey(q => q.DepartementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Commune>().WithMany().HasForeignKey(q => q.CommuneCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StructureConfiguration : IEntityTypeConfiguration<Structure>
{
    public void Configure(EntityTypeBuilder<Structure> builder)
    {
        builder.Property(s => s.Nom).HasMaxLength(200);
        builder.Property(s => s.Siret).HasMaxLength(14);
        builder.Property(s => s.Adresse).HasMaxLength(300);
        builder.Property(s => s.CommuneCode).HasMaxLength(5);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => new { s.DepartementId, s.Nom });
        builder.HasOne<Departement>().WithMany().HasForeignKey(s => s.DepartementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Commune>().WithMany().HasForeignKey(s => s.CommuneCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Territoires).WithOne().HasForeignKey(t => t.StructureId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StructureTerritoireConfiguration : IEntityTypeConfiguration<StructureTerritoire>
{
    public void Configure(EntityTypeBuilder<StructureTerritoire> builder)
    {
        builder.HasKey(t => new { t.StructureId, t.TerritoireId });
        builder.HasOne<Territoire>().WithMany().HasForeignKey(t => t.TerritoireId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgentConfiguration : IEntityTypeConfiguration<Agent>
{
    public void Configure(EntityTypeBuilder<Agent> builder)
    {
        builder.Property(a => a.Prenom).HasMaxLength(100);
        builder.Property(a => a.Nom).HasMaxLength(100);
        builder.Property(a => a.Version).IsConcurrencyToken();
        // Account emails are unique across the platform, whatever the département.
        builder.HasIndex(a => a.NormalizedEmail).IsUnique().HasDatabaseName("IX_Agents_EmailUnique");
        builder.HasIndex(a => new { a.DepartementId, a.Nom });
        builder.HasOne<Departement>().WithMany().HasForeignKey(a => a.DepartementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Structure>().WithMany().HasForeignKey(a => a.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(a => a.NomComplet);
    }
}

internal sealed class ParametreDateConfiguration : IEntityTypeConfiguration<ParametreDate>
{
    public void Configure(EntityTypeBuilder<ParametreDate> builder)
    {
        builder.Property(p => p.Cle).HasMaxLength(100);
        builder.Property(p => p.Portee).HasMaxLength(100);
        builder.Property(p => p.Valeur).HasMaxLength(2000);
        builder.Property(p => p.SourceTexte).HasMaxLength(1000);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => new { p.DepartementId, p.Cle, p.Portee, p.ValideDu }).IsUnique();
        builder.HasOne<Departement>().WithMany().HasForeignKey(p => p.DepartementId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(p => p.ValeurNumerique);
        builder.Ignore(p => p.ValeurListe);
        builder.Ignore(p => p.ValeurAffichee);
    }
}

internal sealed class ValeurReferenceConfiguration : IEntityTypeConfiguration<ValeurReference>
{
    public void Configure(EntityTypeBuilder<ValeurReference> builder)
    {
        builder.Property(v => v.Liste).HasMaxLength(60);
        builder.Property(v => v.Code).HasMaxLength(60);
        builder.Property(v => v.Libelle).HasMaxLength(200);
        builder.Property(v => v.CodeNational).HasMaxLength(100);
        builder.Property(v => v.Version).IsConcurrencyToken();
        builder.HasIndex(v => new { v.DepartementId, v.Liste, v.Code }).IsUnique();
        builder.HasOne<Departement>().WithMany().HasForeignKey(v => v.DepartementId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class JournalAccesConfiguration : IEntityTypeConfiguration<JournalAcces>
{
    public void Configure(EntityTypeBuilder<JournalAcces> builder)
    {
        builder.ToTable("JournalAcces");
        builder.Property(j => j.TypeEnregistrement).HasMaxLength(60);
        builder.Property(j => j.Ip).HasMaxLength(45);
        builder.Property(j => j.UserAgent).HasMaxLength(JournalAcces.LongueurUserAgent);
        builder.HasIndex(j => new { j.DepartementId, j.Instant });
        builder.HasIndex(j => new { j.AgentId, j.Instant });
        builder.HasIndex(j => j.EnregistrementId);
    }
}

internal sealed class HistoriqueModificationConfiguration : IEntityTypeConfiguration<HistoriqueModification>
{
    public void Configure(EntityTypeBuilder<HistoriqueModification> builder)
    {
        builder.ToTable("HistoriqueModifications");
        builder.Property(h => h.Entite).HasMaxLength(60);
        builder.Property(h => h.Champ).HasMaxLength(60);
        builder.HasIndex(h => new { h.EntiteId, h.Instant });
        builder.HasIndex(h => new { h.DepartementId, h.Instant });
    }
}
