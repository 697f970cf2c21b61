using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passerelle.Domain;

namespace Passerelle.Data.Configurations;

internal sealed class FoyerConfiguration : IEntityTypeConfiguration<Foyer>
{
    public void Configure(EntityTypeBuilder<Foyer> builder)
    {
        builder.Property(f => f.Adresse).HasMaxLength(300);
        builder.Property(f => f.CommuneCode).HasMaxLength(5);
        builder.Property(f => f.Matricule).HasMaxLength(Foyer.LongueurMatricule);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.HasIndex(f => new { f.DepartementId, f.Matricule });
        builder.HasOne<Departement>().WithMany().HasForeignKey(f => f.DepartementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Commune>().WithMany().HasForeignKey(f => f.CommuneCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Qpv>().WithMany().HasForeignKey(f => f.QpvId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BeneficiaireConfiguration : IEntityTypeConfiguration<Beneficiaire>
{
    public void Configure(EntityTypeBuilder<Beneficiaire> builder)
    {
        builder.Property(b => b.NomNaissance).HasMaxLength(Beneficiaire.LongueurNom);
        builder.Property(b => b.NomUsage).HasMaxLength(Beneficiaire.LongueurNom);
        builder.Property(b => b.Prenoms).HasMaxLength(Beneficiaire.LongueurPrenoms);
        builder.Property(b => b.Recherche).HasMaxLength(400);
        builder.Property(b => b.Telephone).HasMaxLength(30);
        builder.Property(b => b.Courriel).HasMaxLength(200);
        builder.Property(b => b.Adresse).HasMaxLength(300);
        builder.Property(b => b.CommuneCode).HasMaxLength(5);
        // A set of flags: stored as a number so that SQL can test one of them.
        builder.Property(b => b.Dispositifs).HasConversion<int>();
        builder.Property(b => b.NirChiffre).HasMaxLength(64);
        builder.Property(b => b.NirCleId).HasMaxLength(40);
        builder.Property(b => b.NirEmpreinte).HasMaxLength(64);
        builder.Property(b => b.NirMasque).HasMaxLength(30);
        builder.Property(b => b.Version).IsConcurrencyToken();
        builder.HasIndex(b => new { b.DepartementId, b.NomNaissance, b.Prenoms });
        builder.HasIndex(b => new { b.DepartementId, b.DateNaissance });
        // The Responsable's scope and the queue's territory filter select people by their commune.
        builder.HasIndex(b => new { b.DepartementId, b.CommuneCode });
        builder.HasIndex(b => new { b.DepartementId, b.NirEmpreinte });
        builder.HasIndex(b => b.FoyerId);
        // The orientation queue: only the people waiting, in the order of their receipt.
        builder.HasIndex(b => new { b.DepartementId, b.AttenteOrientationDepuis }).HasFilter("\"AttenteOrientationDepuis\" IS NOT NULL");
        // Who sees a dossier (PerimetreDossiers): the open designation's agent and structure, the orientation's structure.
        builder.HasIndex(b => new { b.DepartementId, b.ReferentAgentId });
        builder.HasIndex(b => new { b.DepartementId, b.ReferentStructureId });
        builder.HasIndex(b => new { b.DepartementId, b.OrientationStructureId });
        builder.HasOne<Departement>().WithMany().HasForeignKey(b => b.DepartementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Foyer>().WithMany().HasForeignKey(b => b.FoyerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Commune>().WithMany().HasForeignKey(b => b.CommuneCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Beneficiaire>().WithMany().HasForeignKey(b => b.FusionneDansId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(b => b.Clotures).WithOne().HasForeignKey(c => c.BeneficiaireId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(b => b.NomAffiche);
        builder.Ignore(b => b.NomComplet);
    }
}

internal sealed class ClotureDossierConfiguration : IEntityTypeConfiguration<ClotureDossier>
{
    public void Configure(EntityTypeBuilder<ClotureDossier> builder)
    {
        builder.Property(c => c.Commentaire).HasMaxLength(1000);
        builder.HasOne<Agent>().WithMany().HasForeignKey(c => c.AgentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DroitRsaConfiguration : IEntityTypeConfiguration<DroitRsa>
{
    public void Configure(EntityTypeBuilder<DroitRsa> builder)
    {
        builder.ToTable("DroitsRsa");
        // The latest state of a person's right (queue, portfolio, dossier) is the first row in this order.
        builder.HasIndex(d => new { d.BeneficiaireId, d.DateEffet, d.InstantSaisie });
        builder.HasOne<Beneficiaire>().WithMany().HasForeignKey(d => d.BeneficiaireId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agent>().WithMany().HasForeignKey(d => d.AgentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReferentUniqueConfiguration : IEntityTypeConfiguration<ReferentUnique>
{
    public void Configure(EntityTypeBuilder<ReferentUnique> builder)
    {
        builder.ToTable("ReferentsUniques");
        builder.Property(r => r.NomExterne).HasMaxLength(150);
        builder.Property(r => r.StructureExterne).HasMaxLength(200);
        builder.HasIndex(r => new { r.BeneficiaireId, r.Debut });
        // One open designation per person, held by the database against two agents designating at once.
        builder.HasIndex(r => r.BeneficiaireId).IsUnique().HasFilter("\"Fin\" IS NULL").HasDatabaseName("IX_ReferentsUniques_UneOuverte");
        // The caseload queries: "whose open designation is mine / my structure's".
        builder.HasIndex(r => new { r.AgentId, r.Fin });
        builder.HasIndex(r => new { r.StructureId, r.Fin });
        builder.HasOne<Beneficiaire>().WithMany().HasForeignKey(r => r.BeneficiaireId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agent>().WithMany().HasForeignKey(r => r.AgentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Structure>().WithMany().HasForeignKey(r => r.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(r => r.EstOuverte);
    }
}

internal sealed class EvaluationFreinConfiguration : IEntityTypeConfiguration<EvaluationFrein>
{
    public void Configure(EntityTypeBuilder<EvaluationFrein> builder)
    {
        builder.ToTable("EvaluationsFreins");
        builder.Property(e => e.Theme).HasMaxLength(ValeurReference.LongueurCode);
        builder.Property(e => e.Commentaire).HasMaxLength(EvaluationFrein.LongueurCommentaire);
        builder.HasIndex(e => new { e.BeneficiaireId, e.Date });
        builder.HasOne<Beneficiaire>().WithMany().HasForeignKey(e => e.BeneficiaireId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agent>().WithMany().HasForeignKey(e => e.AgentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class NoteSuiviConfiguration : IEntityTypeConfiguration<NoteSuivi>
{
    public void Configure(EntityTypeBuilder<NoteSuivi> builder)
    {
        builder.ToTable("NotesSuivi");
        builder.Property(n => n.Texte).HasMaxLength(NoteSuivi.LongueurTexte);
        builder.HasIndex(n => new { n.BeneficiaireId, n.Instant });
        builder.HasOne<Beneficiaire>().WithMany().HasForeignKey(n => n.BeneficiaireId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agent>().WithMany().HasForeignKey(n => n.AgentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> builder)
    {
        builder.Property(d => d.NomFichier).HasMaxLength(Document.LongueurNom);
        builder.Property(d => d.TypeContenu).HasMaxLength(100);
        builder.HasIndex(d => new { d.BeneficiaireId, d.Instant });
        builder.HasOne<Beneficiaire>().WithMany().HasForeignKey(d => d.BeneficiaireId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agent>().WithMany().HasForeignKey(d => d.AgentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ContenuDocument>().WithOne().HasForeignKey<ContenuDocument>(c => c.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContenuDocumentConfiguration : IEntityTypeConfiguration<ContenuDocument>
{
    public void Configure(EntityTypeBuilder<ContenuDocument> builder)
    {
        builder.ToTable("ContenusDocuments");
        builder.HasKey(c => c.DocumentId);
    }
}
