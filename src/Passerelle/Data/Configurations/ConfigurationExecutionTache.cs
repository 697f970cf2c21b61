using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passerelle.Domain;

namespace Passerelle.Data.Configurations;

internal sealed class ExecutionTacheConfiguration : IEntityTypeConfiguration<ExecutionTache>
{
    public void Configure(EntityTypeBuilder<ExecutionTache> builder)
    {
        builder.ToTable("ExecutionsTaches");
        builder.Property(e => e.Tache).HasMaxLength(ExecutionTache.LongueurNom);
        builder.Property(e => e.Instance).HasMaxLength(ExecutionTache.LongueurNom);
        builder.Property(e => e.Erreur).HasMaxLength(ExecutionTache.LongueurErreur);
        builder.HasIndex(e => new { e.Tache, e.Prevue });
        builder.HasIndex(e => e.Debut);
    }
}
