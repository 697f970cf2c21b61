using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passerelle.Domain;

namespace Passerelle.Data.Configurations;

internal sealed class DecisionOrientationConfiguration : IEntityTypeConfiguration<DecisionOrientation>
{
    public void Configure(EntityTypeBuilder<DecisionOrientation> builder)
    {
        builder.ToTable("DecisionsOrientation");
        builder.Property(o => o.LibelleOrganisme).HasMaxLength(200);
        builder.Property(o => o.Motif).HasMaxLength(DecisionOrientation.LongueurMotif);
        builder.Property(o => o.MotifVulnerabilite).HasMaxLength(ValeurReference.LongueurCode);
        builder.HasIndex(o => new { o.BeneficiaireId, o.DateDecision });
        // The queue and the figures: "current orientations of the département".
        builder.HasIndex(o => new { o.DepartementId, o.Fin, o.Parcours });
        builder.HasIndex(o => o.BeneficiaireId).IsUnique().HasFilter("\"Fin\" IS NULL").HasDatabaseName("IX_DecisionsOrientation_UneEnVigueur");
        builder.HasOne<Beneficiaire>().WithMany().HasForeignKey(o => o.BeneficiaireId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Structure>().WithMany().HasForeignKey(o => o.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agent>().WithMany().HasForeignKey(o => o.AgentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DecisionOrientation>().WithMany().HasForeignKey(o => o.PrecedenteId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(o => o.EstEnVigueur);
    }
}

internal sealed class DemandeReorientationConfiguration : IEntityTypeConfiguration<DemandeReorientation>
{
    public void Configure(EntityTypeBuilder<DemandeReorientation> builder)
    {
        builder.ToTable("DemandesReorientation");
        builder.Property(d => d.Motif).HasMaxLength(DemandeReorientation.LongueurMotif);
        builder.Property(d => d.MotifRefus).HasMaxLength(DemandeReorientation.LongueurMotif);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasIndex(d => new { d.BeneficiaireId, d.DateDemande });
        builder.HasIndex(d => new { d.DepartementId, d.Statut });
        builder.HasOne<Beneficiaire>().WithMany().HasForeignKey(d => d.BeneficiaireId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DecisionOrientation>().WithMany().HasForeignKey(d => d.OrientationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DecisionOrientation>().WithMany().HasForeignKey(d => d.NouvelleOrientationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agent>().WithMany().HasForeignKey(d => d.DemandeeParId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agent>().WithMany().HasForeignKey(d => d.DecideeParId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ContratEngagementConfiguration : IEntityTypeConfiguration<ContratEngagement>
{
    public void Configure(EntityTypeBuilder<ContratEngagement> builder)
    {
        builder.ToTable("ContratsEngagement");
        builder.Property(c => c.OrganismeExterne).HasMaxLength(200);
        builder.Property(c => c.MotifReductionHeures).HasMaxLength(ValeurReference.LongueurCode);
        builder.Property(c => c.Bilan).HasMaxLength(ContratEngagement.LongueurTexte);
        builder.Property(c => c.Objectifs).HasMaxLength(ContratEngagement.LongueurTexte);
        builder.Property(c => c.Actions).HasMaxLength(ContratEngagement.LongueurTexte);
        builder.Property(c => c.FreinsVises).HasMaxLength(400);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.BeneficiaireId, c.Debut });
        // Contracts to validate, contracts ending: the work queue and the portfolio alerts.
        builder.HasIndex(c => new { c.DepartementId, c.Etat, c.Fin });
        builder.HasOne<Beneficiaire>().WithMany().HasForeignKey(c => c.BeneficiaireId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ContratEngagement>().WithMany().HasForeignKey(c => c.ContratPrecedentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DecisionOrientation>().WithMany().HasForeignKey(c => c.OrientationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agent>().WithMany().HasForeignKey(c => c.AgentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agent>().WithMany().HasForeignKey(c => c.ValidePar).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(c => c.CodesFreinsVises);
    }
}

internal sealed class RendezVousConfiguration : IEntityTypeConfiguration<RendezVous>
{
    public void Configure(EntityTypeBuilder<RendezVous> builder)
    {
        builder.ToTable("RendezVous");
        builder.Property(r => r.Objet).HasMaxLength(RendezVous.LongueurCourte);
        builder.Property(r => r.Lieu).HasMaxLength(RendezVous.LongueurCourte);
        builder.Property(r => r.MotifExcuse).HasMaxLength(RendezVous.LongueurCourte);
        builder.Property(r => r.CompteRendu).HasMaxLength(RendezVous.LongueurTexte);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.BeneficiaireId, r.Debut });
        // The agenda of an agent, and "rendez-vous to record".
        builder.HasIndex(r => new { r.AgentId, r.Debut });
        builder.HasIndex(r => new { r.DepartementId, r.Statut, r.Debut });
        builder.HasIndex(r => r.SeanceCollectiveId);
        builder.HasOne<Beneficiaire>().WithMany().HasForeignKey(r => r.BeneficiaireId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agent>().WithMany().HasForeignKey(r => r.AgentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Structure>().WithMany().HasForeignKey(r => r.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SeanceCollective>().WithMany().HasForeignKey(r => r.SeanceCollectiveId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ContratEngagement>().WithMany().HasForeignKey(r => r.ContratId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Prescription>().WithMany().HasForeignKey(r => r.PrescriptionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.PrescriptionId);
        builder.Ignore(r => r.Fin);
    }
}

internal sealed class SeanceCollectiveConfiguration : IEntityTypeConfiguration<SeanceCollective>
{
    public void Configure(EntityTypeBuilder<SeanceCollective> builder)
    {
        builder.ToTable("SeancesCollectives");
        builder.Property(s => s.Titre).HasMaxLength(RendezVous.LongueurCourte);
        builder.Property(s => s.Lieu).HasMaxLength(RendezVous.LongueurCourte);
        builder.HasIndex(s => new { s.AgentId, s.Debut });
        builder.HasOne<Departement>().WithMany().HasForeignKey(s => s.DepartementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agent>().WithMany().HasForeignKey(s => s.AgentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SuppleanceConfiguration : IEntityTypeConfiguration<Suppleance>
{
    public void Configure(EntityTypeBuilder<Suppleance> builder)
    {
        builder.ToTable("Suppleances");
        builder.HasIndex(s => new { s.RemplacantId, s.Du, s.Au });
        builder.HasIndex(s => new { s.ReferentAbsentId, s.Du });
        builder.HasOne<Departement>().WithMany().HasForeignKey(s => s.DepartementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agent>().WithMany().HasForeignKey(s => s.ReferentAbsentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agent>().WithMany().HasForeignKey(s => s.RemplacantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agent>().WithMany().HasForeignKey(s => s.CreeeParId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ModeleCourrierConfiguration : IEntityTypeConfiguration<ModeleCourrier>
{
    public void Configure(EntityTypeBuilder<ModeleCourrier> builder)
    {
        builder.ToTable("ModelesCourrier");
        builder.Property(m => m.Service).HasMaxLength(200);
        builder.Property(m => m.Adresse).HasMaxLength(500);
        builder.Property(m => m.Signataire).HasMaxLength(150);
        builder.Property(m => m.QualiteSignataire).HasMaxLength(200);
        builder.Property(m => m.PiedDePage).HasMaxLength(300);
        builder.Property(m => m.TypeLogo).HasMaxLength(30);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasIndex(m => m.DepartementId).IsUnique();
        builder.HasOne<Departement>().WithMany().HasForeignKey(m => m.DepartementId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CourrierEmisConfiguration : IEntityTypeConfiguration<CourrierEmis>
{
    public void Configure(EntityTypeBuilder<CourrierEmis> builder)
    {
        builder.ToTable("CourriersEmis");
        builder.HasIndex(c => new { c.BeneficiaireId, c.DateEnvoi });
        builder.HasIndex(c => c.ObjetId);
        builder.HasOne<Beneficiaire>().WithMany().HasForeignKey(c => c.BeneficiaireId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Document>().WithMany().HasForeignKey(c => c.DocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agent>().WithMany().HasForeignKey(c => c.AgentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MessageSortantConfiguration : IEntityTypeConfiguration<MessageSortant>
{
    public void Configure(EntityTypeBuilder<MessageSortant> builder)
    {
        builder.ToTable("MessagesSortants");
        builder.Property(m => m.Destinataire).HasMaxLength(200);
        builder.Property(m => m.Sujet).HasMaxLength(300);
        builder.Property(m => m.DerniereErreur).HasMaxLength(500);
        // The job's query: what is left to send, oldest first.
        builder.HasIndex(m => new { m.Envoye, m.Cree });
        builder.HasOne<Departement>().WithMany().HasForeignKey(m => m.DepartementId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(m => m.AEnvoyer);
    }
}
