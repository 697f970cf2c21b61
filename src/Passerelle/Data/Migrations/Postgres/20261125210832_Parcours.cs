using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Passerelle.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Parcours : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CourriersEmis",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartementId = table.Column<Guid>(type: "uuid", nullable: false),
                    BeneficiaireId = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ObjetId = table.Column<Guid>(type: "uuid", nullable: true),
                    DateEnvoi = table.Column<DateOnly>(type: "date", nullable: false),
                    AgentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Instant = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CourriersEmis", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CourriersEmis_AspNetUsers_AgentId",
                        column: x => x.AgentId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CourriersEmis_Beneficiaires_BeneficiaireId",
                        column: x => x.BeneficiaireId,
                        principalTable: "Beneficiaires",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CourriersEmis_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DecisionsOrientation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartementId = table.Column<Guid>(type: "uuid", nullable: false),
                    BeneficiaireId = table.Column<Guid>(type: "uuid", nullable: false),
                    Parcours = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Organisme = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    StructureId = table.Column<Guid>(type: "uuid", nullable: true),
                    LibelleOrganisme = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReceptionInformation = table.Column<DateOnly>(type: "date", nullable: true),
                    DateDecision = table.Column<DateOnly>(type: "date", nullable: false),
                    DateNotification = table.Column<DateOnly>(type: "date", nullable: true),
                    Motif = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    DelaiJours = table.Column<int>(type: "integer", nullable: true),
                    SemainesDelai = table.Column<int>(type: "integer", nullable: true),
                    HorsDelai = table.Column<bool>(type: "boolean", nullable: false),
                    RevisionDue = table.Column<DateOnly>(type: "date", nullable: true),
                    MotifVulnerabilite = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    PrecedenteId = table.Column<Guid>(type: "uuid", nullable: true),
                    Fin = table.Column<DateOnly>(type: "date", nullable: true),
                    AgentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Instant = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionsOrientation", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DecisionsOrientation_AspNetUsers_AgentId",
                        column: x => x.AgentId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DecisionsOrientation_Beneficiaires_BeneficiaireId",
                        column: x => x.BeneficiaireId,
                        principalTable: "Beneficiaires",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DecisionsOrientation_DecisionsOrientation_PrecedenteId",
                        column: x => x.PrecedenteId,
                        principalTable: "DecisionsOrientation",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DecisionsOrientation_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MessagesSortants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartementId = table.Column<Guid>(type: "uuid", nullable: false),
                    Destinataire = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Sujet = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Corps = table.Column<string>(type: "text", nullable: false),
                    InvitationIcs = table.Column<string>(type: "text", nullable: true),
                    Cree = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Envoye = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Tentatives = table.Column<int>(type: "integer", nullable: false),
                    DerniereErreur = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessagesSortants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MessagesSortants_Departements_DepartementId",
                        column: x => x.DepartementId,
                        principalTable: "Departements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ModelesCourrier",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartementId = table.Column<Guid>(type: "uuid", nullable: false),
                    Service = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Adresse = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Signataire = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    QualiteSignataire = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PiedDePage = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Logo = table.Column<byte[]>(type: "bytea", nullable: true),
                    TypeLogo = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelesCourrier", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModelesCourrier_Departements_DepartementId",
                        column: x => x.DepartementId,
                        principalTable: "Departements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SeancesCollectives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartementId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Titre = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Debut = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DureeMinutes = table.Column<int>(type: "integer", nullable: false),
                    Lieu = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Places = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeancesCollectives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SeancesCollectives_AspNetUsers_AgentId",
                        column: x => x.AgentId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SeancesCollectives_Departements_DepartementId",
                        column: x => x.DepartementId,
                        principalTable: "Departements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Suppleances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartementId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferentAbsentId = table.Column<Guid>(type: "uuid", nullable: false),
                    RemplacantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Du = table.Column<DateOnly>(type: "date", nullable: false),
                    Au = table.Column<DateOnly>(type: "date", nullable: false),
                    CreeeParId = table.Column<Guid>(type: "uuid", nullable: true),
                    Instant = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Suppleances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Suppleances_AspNetUsers_CreeeParId",
                        column: x => x.CreeeParId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Suppleances_AspNetUsers_ReferentAbsentId",
                        column: x => x.ReferentAbsentId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Suppleances_AspNetUsers_RemplacantId",
                        column: x => x.RemplacantId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Suppleances_Departements_DepartementId",
                        column: x => x.DepartementId,
                        principalTable: "Departements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContratsEngagement",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartementId = table.Column<Guid>(type: "uuid", nullable: false),
                    BeneficiaireId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContratPrecedentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Externe = table.Column<bool>(type: "boolean", nullable: false),
                    OrganismeExterne = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Etat = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Debut = table.Column<DateOnly>(type: "date", nullable: false),
                    Fin = table.Column<DateOnly>(type: "date", nullable: false),
                    HeuresHebdomadaires = table.Column<int>(type: "integer", nullable: true),
                    MotifReductionHeures = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    ReductionDu = table.Column<DateOnly>(type: "date", nullable: true),
                    ReductionAu = table.Column<DateOnly>(type: "date", nullable: true),
                    DateSoumission = table.Column<DateOnly>(type: "date", nullable: true),
                    DateValidation = table.Column<DateOnly>(type: "date", nullable: true),
                    ValidePar = table.Column<Guid>(type: "uuid", nullable: true),
                    DateSignature = table.Column<DateOnly>(type: "date", nullable: true),
                    DateCloture = table.Column<DateOnly>(type: "date", nullable: true),
                    Bilan = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Objectifs = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    FreinsVises = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Actions = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    OrientationId = table.Column<Guid>(type: "uuid", nullable: true),
                    AgentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContratsEngagement", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContratsEngagement_AspNetUsers_AgentId",
                        column: x => x.AgentId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContratsEngagement_AspNetUsers_ValidePar",
                        column: x => x.ValidePar,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContratsEngagement_Beneficiaires_BeneficiaireId",
                        column: x => x.BeneficiaireId,
                        principalTable: "Beneficiaires",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContratsEngagement_ContratsEngagement_ContratPrecedentId",
                        column: x => x.ContratPrecedentId,
                        principalTable: "ContratsEngagement",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContratsEngagement_DecisionsOrientation_OrientationId",
                        column: x => x.OrientationId,
                        principalTable: "DecisionsOrientation",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DemandesReorientation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartementId = table.Column<Guid>(type: "uuid", nullable: false),
                    BeneficiaireId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrientationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParcoursSouhaite = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Motif = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    DemandeeParId = table.Column<Guid>(type: "uuid", nullable: false),
                    DateDemande = table.Column<DateOnly>(type: "date", nullable: false),
                    Statut = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    DecideeParId = table.Column<Guid>(type: "uuid", nullable: true),
                    DateReponse = table.Column<DateOnly>(type: "date", nullable: true),
                    MotifRefus = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    NouvelleOrientationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DemandesReorientation", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DemandesReorientation_AspNetUsers_DecideeParId",
                        column: x => x.DecideeParId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DemandesReorientation_AspNetUsers_DemandeeParId",
                        column: x => x.DemandeeParId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DemandesReorientation_Beneficiaires_BeneficiaireId",
                        column: x => x.BeneficiaireId,
                        principalTable: "Beneficiaires",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DemandesReorientation_DecisionsOrientation_NouvelleOrientat~",
                        column: x => x.NouvelleOrientationId,
                        principalTable: "DecisionsOrientation",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DemandesReorientation_DecisionsOrientation_OrientationId",
                        column: x => x.OrientationId,
                        principalTable: "DecisionsOrientation",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RendezVous",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartementId = table.Column<Guid>(type: "uuid", nullable: false),
                    BeneficiaireId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgentId = table.Column<Guid>(type: "uuid", nullable: false),
                    StructureId = table.Column<Guid>(type: "uuid", nullable: true),
                    Type = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Debut = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DureeMinutes = table.Column<int>(type: "integer", nullable: false),
                    Objet = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Lieu = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Statut = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    MotifExcuse = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CompteRendu = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SeanceCollectiveId = table.Column<Guid>(type: "uuid", nullable: true),
                    ContratId = table.Column<Guid>(type: "uuid", nullable: true),
                    EnregistreLe = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RendezVous", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RendezVous_AspNetUsers_AgentId",
                        column: x => x.AgentId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RendezVous_Beneficiaires_BeneficiaireId",
                        column: x => x.BeneficiaireId,
                        principalTable: "Beneficiaires",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RendezVous_ContratsEngagement_ContratId",
                        column: x => x.ContratId,
                        principalTable: "ContratsEngagement",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RendezVous_SeancesCollectives_SeanceCollectiveId",
                        column: x => x.SeanceCollectiveId,
                        principalTable: "SeancesCollectives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RendezVous_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContratsEngagement_AgentId",
                table: "ContratsEngagement",
                column: "AgentId");

            migrationBuilder.CreateIndex(
                name: "IX_ContratsEngagement_BeneficiaireId_Debut",
                table: "ContratsEngagement",
                columns: new[] { "BeneficiaireId", "Debut" });

            migrationBuilder.CreateIndex(
                name: "IX_ContratsEngagement_ContratPrecedentId",
                table: "ContratsEngagement",
                column: "ContratPrecedentId");

            migrationBuilder.CreateIndex(
                name: "IX_ContratsEngagement_DepartementId_Etat_Fin",
                table: "ContratsEngagement",
                columns: new[] { "DepartementId", "Etat", "Fin" });

            migrationBuilder.CreateIndex(
                name: "IX_ContratsEngagement_OrientationId",
                table: "ContratsEngagement",
                column: "OrientationId");

            migrationBuilder.CreateIndex(
                name: "IX_ContratsEngagement_ValidePar",
                table: "ContratsEngagement",
                column: "ValidePar");

            migrationBuilder.CreateIndex(
                name: "IX_CourriersEmis_AgentId",
                table: "CourriersEmis",
                column: "AgentId");

            migrationBuilder.CreateIndex(
                name: "IX_CourriersEmis_BeneficiaireId_DateEnvoi",
                table: "CourriersEmis",
                columns: new[] { "BeneficiaireId", "DateEnvoi" });

            migrationBuilder.CreateIndex(
                name: "IX_CourriersEmis_DocumentId",
                table: "CourriersEmis",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_CourriersEmis_ObjetId",
                table: "CourriersEmis",
                column: "ObjetId");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionsOrientation_AgentId",
                table: "DecisionsOrientation",
                column: "AgentId");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionsOrientation_BeneficiaireId_DateDecision",
                table: "DecisionsOrientation",
                columns: new[] { "BeneficiaireId", "DateDecision" });

            migrationBuilder.CreateIndex(
                name: "IX_DecisionsOrientation_DepartementId_Fin_Parcours",
                table: "DecisionsOrientation",
                columns: new[] { "DepartementId", "Fin", "Parcours" });

            migrationBuilder.CreateIndex(
                name: "IX_DecisionsOrientation_PrecedenteId",
                table: "DecisionsOrientation",
                column: "PrecedenteId");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionsOrientation_StructureId",
                table: "DecisionsOrientation",
                column: "StructureId");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionsOrientation_UneEnVigueur",
                table: "DecisionsOrientation",
                column: "BeneficiaireId",
                unique: true,
                filter: "\"Fin\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_DemandesReorientation_BeneficiaireId_DateDemande",
                table: "DemandesReorientation",
                columns: new[] { "BeneficiaireId", "DateDemande" });

            migrationBuilder.CreateIndex(
                name: "IX_DemandesReorientation_DecideeParId",
                table: "DemandesReorientation",
                column: "DecideeParId");

            migrationBuilder.CreateIndex(
                name: "IX_DemandesReorientation_DemandeeParId",
                table: "DemandesReorientation",
                column: "DemandeeParId");

            migrationBuilder.CreateIndex(
                name: "IX_DemandesReorientation_DepartementId_Statut",
                table: "DemandesReorientation",
                columns: new[] { "DepartementId", "Statut" });

            migrationBuilder.CreateIndex(
                name: "IX_DemandesReorientation_NouvelleOrientationId",
                table: "DemandesReorientation",
                column: "NouvelleOrientationId");

            migrationBuilder.CreateIndex(
                name: "IX_DemandesReorientation_OrientationId",
                table: "DemandesReorientation",
                column: "OrientationId");

            migrationBuilder.CreateIndex(
                name: "IX_MessagesSortants_DepartementId",
                table: "MessagesSortants",
                column: "DepartementId");

            migrationBuilder.CreateIndex(
                name: "IX_MessagesSortants_Envoye_Cree",
                table: "MessagesSortants",
                columns: new[] { "Envoye", "Cree" });

            migrationBuilder.CreateIndex(
                name: "IX_ModelesCourrier_DepartementId",
                table: "ModelesCourrier",
                column: "DepartementId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RendezVous_AgentId_Debut",
                table: "RendezVous",
                columns: new[] { "AgentId", "Debut" });

            migrationBuilder.CreateIndex(
                name: "IX_RendezVous_BeneficiaireId_Debut",
                table: "RendezVous",
                columns: new[] { "BeneficiaireId", "Debut" });

            migrationBuilder.CreateIndex(
                name: "IX_RendezVous_ContratId",
                table: "RendezVous",
                column: "ContratId");

            migrationBuilder.CreateIndex(
                name: "IX_RendezVous_DepartementId_Statut_Debut",
                table: "RendezVous",
                columns: new[] { "DepartementId", "Statut", "Debut" });

            migrationBuilder.CreateIndex(
                name: "IX_RendezVous_SeanceCollectiveId",
                table: "RendezVous",
                column: "SeanceCollectiveId");

            migrationBuilder.CreateIndex(
                name: "IX_RendezVous_StructureId",
                table: "RendezVous",
                column: "StructureId");

            migrationBuilder.CreateIndex(
                name: "IX_SeancesCollectives_AgentId_Debut",
                table: "SeancesCollectives",
                columns: new[] { "AgentId", "Debut" });

            migrationBuilder.CreateIndex(
                name: "IX_SeancesCollectives_DepartementId",
                table: "SeancesCollectives",
                column: "DepartementId");

            migrationBuilder.CreateIndex(
                name: "IX_Suppleances_CreeeParId",
                table: "Suppleances",
                column: "CreeeParId");

            migrationBuilder.CreateIndex(
                name: "IX_Suppleances_DepartementId",
                table: "Suppleances",
                column: "DepartementId");

            migrationBuilder.CreateIndex(
                name: "IX_Suppleances_ReferentAbsentId_Du",
                table: "Suppleances",
                columns: new[] { "ReferentAbsentId", "Du" });

            migrationBuilder.CreateIndex(
                name: "IX_Suppleances_RemplacantId_Du_Au",
                table: "Suppleances",
                columns: new[] { "RemplacantId", "Du", "Au" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CourriersEmis");

            migrationBuilder.DropTable(
                name: "DemandesReorientation");

            migrationBuilder.DropTable(
                name: "MessagesSortants");

            migrationBuilder.DropTable(
                name: "ModelesCourrier");

            migrationBuilder.DropTable(
                name: "RendezVous");

            migrationBuilder.DropTable(
                name: "Suppleances");

            migrationBuilder.DropTable(
                name: "ContratsEngagement");

            migrationBuilder.DropTable(
                name: "SeancesCollectives");

            migrationBuilder.DropTable(
                name: "DecisionsOrientation");
        }
    }
}
