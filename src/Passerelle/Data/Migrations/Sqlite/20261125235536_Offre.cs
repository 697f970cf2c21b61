using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Passerelle.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Offre : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "PrescriptionId",
                table: "RendezVous",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Titre = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Instant = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LueLe = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notifications_AspNetUsers_AgentId",
                        column: x => x.AgentId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Programmes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Intitule = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Debut = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Fin = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Programmes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Programmes_Departements_DepartementId",
                        column: x => x.DepartementId,
                        principalTable: "Departements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Axes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Numero = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Intitule = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Ordre = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Axes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Axes_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FichesActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AxeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Numero = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Intitule = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Ordre = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FichesActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FichesActions_Axes_AxeId",
                        column: x => x.AxeId,
                        principalTable: "Axes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Actions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FicheActionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Nom = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Presentation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    TypeService = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Thematiques = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Publics = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ModesAccueil = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ConditionsAcces = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Adresse = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CommuneCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    ContactNom = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Courriel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Telephone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Debut = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Fin = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CommunesDesservies = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AgeMinimum = table.Column<int>(type: "INTEGER", nullable: true),
                    AgeMaximum = table.Column<int>(type: "INTEGER", nullable: true),
                    DispositifsAcceptes = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    ReserveeSoumisDroitsEtDevoirs = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReserveeQpv = table.Column<bool>(type: "INTEGER", nullable: false),
                    ParcoursAcceptes = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ModeCapacite = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    ParcoursParAn = table.Column<int>(type: "INTEGER", nullable: true),
                    CadenceEntretiensJours = table.Column<int>(type: "INTEGER", nullable: true),
                    EntretiensPrevus = table.Column<int>(type: "INTEGER", nullable: true),
                    DureeMois = table.Column<int>(type: "INTEGER", nullable: true),
                    PlafondHeures = table.Column<int>(type: "INTEGER", nullable: true),
                    StageMinimumHeures = table.Column<int>(type: "INTEGER", nullable: true),
                    StageMaximumHeures = table.Column<int>(type: "INTEGER", nullable: true),
                    TypesPrescripteurs = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Publiee = table.Column<bool>(type: "INTEGER", nullable: false),
                    MiseAJour = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Actions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Actions_FichesActions_FicheActionId",
                        column: x => x.FicheActionId,
                        principalTable: "FichesActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Actions_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ActionsTerritoires",
                columns: table => new
                {
                    ActionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TerritoireId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionsTerritoires", x => new { x.ActionId, x.TerritoireId });
                    table.ForeignKey(
                        name: "FK_ActionsTerritoires_Actions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "Actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActionsTerritoires_Territoires_TerritoireId",
                        column: x => x.TerritoireId,
                        principalTable: "Territoires",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SessionsActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Libelle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Debut = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Fin = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Places = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionsActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SessionsActions_Actions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "Actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Prescriptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BeneficiaireId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StructureOperateurId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PrescripteurId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StructurePrescripteurId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ContratId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Objectifs = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    FreinsVises = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Partage = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    ConsentementLe = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Etat = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    EnvoyeeLe = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReponduLe = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReponduPar = table.Column<Guid>(type: "TEXT", nullable: true),
                    MotifRefus = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    MiseEnAttenteLe = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AccepteeLe = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExpireeLe = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AnnuleeLe = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MotifAnnulation = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    EntreeLe = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SortieLe = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Issue = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    CommentaireSortie = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SuiviLe = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Situation = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    CommentaireSuivi = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Prescriptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Prescriptions_Actions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "Actions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Prescriptions_AspNetUsers_PrescripteurId",
                        column: x => x.PrescripteurId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Prescriptions_AspNetUsers_ReponduPar",
                        column: x => x.ReponduPar,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Prescriptions_Beneficiaires_BeneficiaireId",
                        column: x => x.BeneficiaireId,
                        principalTable: "Beneficiaires",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Prescriptions_ContratsEngagement_ContratId",
                        column: x => x.ContratId,
                        principalTable: "ContratsEngagement",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Prescriptions_SessionsActions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "SessionsActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Prescriptions_Structures_StructureOperateurId",
                        column: x => x.StructureOperateurId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Prescriptions_Structures_StructurePrescripteurId",
                        column: x => x.StructurePrescripteurId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BilansPrescriptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PrescriptionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Atteinte = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Assiduite = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    FreinsLeves = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Preconisations = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Commentaire = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AgentId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BilansPrescriptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BilansPrescriptions_AspNetUsers_AgentId",
                        column: x => x.AgentId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BilansPrescriptions_Prescriptions_PrescriptionId",
                        column: x => x.PrescriptionId,
                        principalTable: "Prescriptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HeuresRealisees",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PrescriptionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Nature = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    AgentId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HeuresRealisees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HeuresRealisees_AspNetUsers_AgentId",
                        column: x => x.AgentId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HeuresRealisees_Prescriptions_PrescriptionId",
                        column: x => x.PrescriptionId,
                        principalTable: "Prescriptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RendezVous_PrescriptionId",
                table: "RendezVous",
                column: "PrescriptionId");

            migrationBuilder.CreateIndex(
                name: "IX_Actions_DepartementId_Publiee_Nom",
                table: "Actions",
                columns: new[] { "DepartementId", "Publiee", "Nom" });

            migrationBuilder.CreateIndex(
                name: "IX_Actions_FicheActionId",
                table: "Actions",
                column: "FicheActionId");

            migrationBuilder.CreateIndex(
                name: "IX_Actions_StructureId",
                table: "Actions",
                column: "StructureId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionsTerritoires_TerritoireId",
                table: "ActionsTerritoires",
                column: "TerritoireId");

            migrationBuilder.CreateIndex(
                name: "IX_Axes_ProgrammeId_Numero",
                table: "Axes",
                columns: new[] { "ProgrammeId", "Numero" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BilansPrescriptions_AgentId",
                table: "BilansPrescriptions",
                column: "AgentId");

            migrationBuilder.CreateIndex(
                name: "IX_BilansPrescriptions_PrescriptionId_Date",
                table: "BilansPrescriptions",
                columns: new[] { "PrescriptionId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_FichesActions_AxeId_Numero",
                table: "FichesActions",
                columns: new[] { "AxeId", "Numero" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HeuresRealisees_AgentId",
                table: "HeuresRealisees",
                column: "AgentId");

            migrationBuilder.CreateIndex(
                name: "IX_HeuresRealisees_PrescriptionId_Date",
                table: "HeuresRealisees",
                columns: new[] { "PrescriptionId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_AgentId_LueLe_Instant",
                table: "Notifications",
                columns: new[] { "AgentId", "LueLe", "Instant" });

            migrationBuilder.CreateIndex(
                name: "IX_Prescriptions_ActionId_Etat",
                table: "Prescriptions",
                columns: new[] { "ActionId", "Etat" });

            migrationBuilder.CreateIndex(
                name: "IX_Prescriptions_BeneficiaireId_EnvoyeeLe",
                table: "Prescriptions",
                columns: new[] { "BeneficiaireId", "EnvoyeeLe" });

            migrationBuilder.CreateIndex(
                name: "IX_Prescriptions_ContratId",
                table: "Prescriptions",
                column: "ContratId");

            migrationBuilder.CreateIndex(
                name: "IX_Prescriptions_DepartementId_Etat_EnvoyeeLe",
                table: "Prescriptions",
                columns: new[] { "DepartementId", "Etat", "EnvoyeeLe" });

            migrationBuilder.CreateIndex(
                name: "IX_Prescriptions_PrescripteurId_EnvoyeeLe",
                table: "Prescriptions",
                columns: new[] { "PrescripteurId", "EnvoyeeLe" });

            migrationBuilder.CreateIndex(
                name: "IX_Prescriptions_ReponduPar",
                table: "Prescriptions",
                column: "ReponduPar");

            migrationBuilder.CreateIndex(
                name: "IX_Prescriptions_SessionId",
                table: "Prescriptions",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_Prescriptions_StructureOperateurId_Etat_EnvoyeeLe",
                table: "Prescriptions",
                columns: new[] { "StructureOperateurId", "Etat", "EnvoyeeLe" });

            migrationBuilder.CreateIndex(
                name: "IX_Prescriptions_StructurePrescripteurId",
                table: "Prescriptions",
                column: "StructurePrescripteurId");

            migrationBuilder.CreateIndex(
                name: "IX_Programmes_DepartementId_Debut",
                table: "Programmes",
                columns: new[] { "DepartementId", "Debut" });

            migrationBuilder.CreateIndex(
                name: "IX_SessionsActions_ActionId_Debut",
                table: "SessionsActions",
                columns: new[] { "ActionId", "Debut" });

            migrationBuilder.AddForeignKey(
                name: "FK_RendezVous_Prescriptions_PrescriptionId",
                table: "RendezVous",
                column: "PrescriptionId",
                principalTable: "Prescriptions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_RendezVous_Prescriptions_PrescriptionId",
                table: "RendezVous");

            migrationBuilder.DropTable(
                name: "ActionsTerritoires");

            migrationBuilder.DropTable(
                name: "BilansPrescriptions");

            migrationBuilder.DropTable(
                name: "HeuresRealisees");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "Prescriptions");

            migrationBuilder.DropTable(
                name: "SessionsActions");

            migrationBuilder.DropTable(
                name: "Actions");

            migrationBuilder.DropTable(
                name: "FichesActions");

            migrationBuilder.DropTable(
                name: "Axes");

            migrationBuilder.DropTable(
                name: "Programmes");

            migrationBuilder.DropIndex(
                name: "IX_RendezVous_PrescriptionId",
                table: "RendezVous");

            migrationBuilder.DropColumn(
                name: "PrescriptionId",
                table: "RendezVous");
        }
    }
}
