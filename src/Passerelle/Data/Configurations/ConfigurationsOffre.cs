using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passerelle.Domain;

namespace Passerelle.Data.Configurations;

internal sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> builder)
    {
        builder.ToTable("Programmes");
        builder.Property(p => p.Intitule).HasMaxLength(Programme.LongueurIntitule);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => new { p.DepartementId, p.Debut });
        builder.HasOne<Departement>().WithMany().HasForeignKey(p => p.DepartementId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AxeConfiguration : IEntityTypeConfiguration<Axe>
{
    public void Configure(EntityTypeBuilder<Axe> builder)
    {
        builder.ToTable("Axes");
        builder.Property(a => a.Numero).HasMaxLength(20);
        builder.Property(a => a.Intitule).HasMaxLength(Programme.LongueurIntitule);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => new { a.ProgrammeId, a.Numero }).IsUnique();
        builder.HasOne<Programme>().WithMany().HasForeignKey(a => a.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FicheActionConfiguration : IEntityTypeConfiguration<FicheAction>
{
    public void Configure(EntityTypeBuilder<FicheAction> builder)
    {
        builder.ToTable("FichesActions");
        builder.Property(f => f.Numero).HasMaxLength(20);
        builder.Property(f => f.Intitule).HasMaxLength(Programme.LongueurIntitule);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.HasIndex(f => new { f.AxeId, f.Numero }).IsUnique();
        builder.HasOne<Axe>().WithMany().HasForeignKey(f => f.AxeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ActionInsertionConfiguration : IEntityTypeConfiguration<ActionInsertion>
{
    public void Configure(EntityTypeBuilder<ActionInsertion> builder)
    {
        builder.ToTable("Actions");
        builder.Property(a => a.Nom).HasMaxLength(ActionInsertion.LongueurNom);
        builder.Property(a => a.Presentation).HasMaxLength(ActionInsertion.LongueurPresentation);
        builder.Property(a => a.TypeService).HasMaxLength(60);
        builder.Property(a => a.Thematiques).HasMaxLength(4000);
        builder.Property(a => a.Publics).HasMaxLength(1000);
        builder.Property(a => a.ModesAccueil).HasMaxLength(200);
        builder.Property(a => a.ConditionsAcces).HasMaxLength(ActionInsertion.LongueurPresentation);
        builder.Property(a => a.Adresse).HasMaxLength(ActionInsertion.LongueurCourte);
        builder.Property(a => a.CommuneCode).HasMaxLength(5);
        builder.Property(a => a.ContactNom).HasMaxLength(ActionInsertion.LongueurCourte);
        builder.Property(a => a.Courriel).HasMaxLength(ActionInsertion.LongueurCourte);
        builder.Property(a => a.Telephone).HasMaxLength(30);
        builder.Property(a => a.CommunesDesservies).HasMaxLength(4000);
        builder.Property(a => a.ParcoursAcceptes).HasMaxLength(200);
        builder.Property(a => a.TypesPrescripteurs).HasMaxLength(1000);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => new { a.DepartementId, a.Publiee, a.Nom });
        builder.HasIndex(a => a.StructureId);
        builder.HasIndex(a => a.FicheActionId);
        builder.HasOne<Structure>().WithMany().HasForeignKey(a => a.StructureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FicheAction>().WithMany().HasForeignKey(a => a.FicheActionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Territoires).WithOne().HasForeignKey(t => t.ActionId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(a => a.CodesThematiques);
        builder.Ignore(a => a.CodesPublics);
        builder.Ignore(a => a.CodesModesAccueil);
        builder.Ignore(a => a.CodesCommunesDesservies);
        builder.Ignore(a => a.ListeParcoursAcceptes);
        builder.Ignore(a => a.ListeTypesPrescripteurs);
    }
}

internal sealed class ActionTerritoireConfiguration : IEntityTypeConfiguration<ActionTerritoire>
{
    public void Configure(EntityTypeBuilder<ActionTerritoire> builder)
    {
        builder.ToTable("ActionsTerritoires");
        builder.HasKey(t => new { t.ActionId, t.TerritoireId });
        builder.HasOne<Territoire>().WithMany().HasForeignKey(t => t.TerritoireId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SessionActionConfiguration : IEntityTypeConfiguration<SessionAction>
{
    public void Configure(EntityTypeBuilder<SessionAction> builder)
    {
        builder.ToTable("SessionsActions");
        builder.Property(s => s.Libelle).HasMaxLength(ActionInsertion.LongueurCourte);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => new { s.ActionId, s.Debut });
        builder.HasOne<ActionInsertion>().WithMany().HasForeignKey(s => s.ActionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PrescriptionConfiguration : IEntityTypeConfiguration<Prescription>
{
    public void Configure(EntityTypeBuilder<Prescription> builder)
    {
        builder.ToTable("Prescriptions");
        builder.Property(p => p.Objectifs).HasMaxLength(Prescription.LongueurTexte);
        builder.Property(p => p.FreinsVises).HasMaxLength(400);
        builder.Property(p => p.MotifRefus).HasMaxLength(Prescription.LongueurMotif);
        builder.Property(p => p.MotifAnnulation).HasMaxLength(Prescription.LongueurMotif);
        builder.Property(p => p.CommentaireSortie).HasMaxLength(Prescription.LongueurMotif);
        builder.Property(p => p.CommentaireSuivi).HasMaxLength(Prescription.LongueurMotif);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => new { p.BeneficiaireId, p.EnvoyeeLe });
        // The operator's inbox and its partial scope; the référent's list; the expiry job; figures per action.
        builder.HasIndex(p => new { p.StructureOperateurId, p.Etat, p.EnvoyeeLe });
        builder.HasIndex(p => new { p.PrescripteurId, p.EnvoyeeLe });
        builder.HasIndex(p => new { p.DepartementId, p.Etat, p.EnvoyeeLe });
        builder.HasIndex(p => new { p.ActionId, p.Etat });
        builder.HasOne<Beneficiaire>().WithMany().HasForeignKey(p => p.BeneficiaireId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ActionInsertion>().WithMany().HasForeignKey(p => p.ActionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Structure>().WithMany().HasForeignKey(p => p.StructureOperateurId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Structure>().WithMany().HasForeignKey(p => p.StructurePrescripteurId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SessionAction>().WithMany().HasForeignKey(p => p.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agent>().WithMany().HasForeignKey(p => p.PrescripteurId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agent>().WithMany().HasForeignKey(p => p.ReponduPar).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ContratEngagement>().WithMany().HasForeignKey(p => p.ContratId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Heures).WithOne().HasForeignKey(h => h.PrescriptionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Bilans).WithOne().HasForeignKey(b => b.PrescriptionId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(p => p.CodesFreinsVises);
        builder.Ignore(p => p.EstOuverte);
        builder.Ignore(p => p.SuiviDu);
        builder.Ignore(p => p.FinVisibilite);
    }
}

internal sealed class HeuresRealiseesConfiguration : IEntityTypeConfiguration<HeuresRealisees>
{
    public void Configure(EntityTypeBuilder<HeuresRealisees> builder)
    {
        builder.ToTable("HeuresRealisees");
        builder.HasIndex(h => new { h.PrescriptionId, h.Date });
        builder.HasOne<Agent>().WithMany().HasForeignKey(h => h.AgentId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(h => h.Heures);
    }
}

internal sealed class BilanPrescriptionConfiguration : IEntityTypeConfiguration<BilanPrescription>
{
    public void Configure(EntityTypeBuilder<BilanPrescription> builder)
    {
        builder.ToTable("BilansPrescriptions");
        builder.Property(b => b.FreinsLeves).HasMaxLength(400);
        builder.Property(b => b.Preconisations).HasMaxLength(Prescription.LongueurTexte);
        builder.Property(b => b.Commentaire).HasMaxLength(Prescription.LongueurTexte);
        builder.HasIndex(b => new { b.PrescriptionId, b.Date });
        builder.HasOne<Agent>().WithMany().HasForeignKey(b => b.AgentId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(b => b.CodesFreinsLeves);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.Property(n => n.Titre).HasMaxLength(Notification.LongueurTitre);
        builder.Property(n => n.Url).HasMaxLength(300);
        // The bell: unread of one agent, newest first.
        builder.HasIndex(n => new { n.AgentId, n.LueLe, n.Instant });
        builder.HasOne<Agent>().WithMany().HasForeignKey(n => n.AgentId).OnDelete(DeleteBehavior.Restrict);
    }
}
