using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Passerelle.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Dossier : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateTable(
                name: "Foyers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartementId = table.Column<Guid>(type: "uuid", nullable: false),
                    Adresse = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CommuneCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    QpvId = table.Column<Guid>(type: "uuid", nullable: true),
                    Composition = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    NombreEnfants = table.Column<int>(type: "integer", nullable: true),
                    OrganismePayeur = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Matricule = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Foyers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Foyers_Communes_CommuneCode",
                        column: x => x.CommuneCode,
                        principalTable: "Communes",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Foyers_Departements_DepartementId",
                        column: x => x.DepartementId,
                        principalTable: "Departements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Foyers_Qpvs_QpvId",
                        column: x => x.QpvId,
                        principalTable: "Qpvs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Beneficiaires",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartementId = table.Column<Guid>(type: "uuid", nullable: false),
                    FoyerId = table.Column<Guid>(type: "uuid", nullable: true),
                    NomNaissance = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NomUsage = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Prenoms = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    DateNaissance = table.Column<DateOnly>(type: "date", nullable: false),
                    Sexe = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Dispositifs = table.Column<int>(type: "integer", maxLength: 60, nullable: false),
                    Telephone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Courriel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Adresse = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CommuneCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    Recherche = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    NirChiffre = table.Column<byte[]>(type: "bytea", maxLength: 64, nullable: true),
                    NirCleId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    NirEmpreinte = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    NirMasque = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    NirTemporaire = table.Column<bool>(type: "boolean", nullable: false),
                    Clos = table.Column<bool>(type: "boolean", nullable: false),
                    FusionneDansId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Beneficiaires", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Beneficiaires_Beneficiaires_FusionneDansId",
                        column: x => x.FusionneDansId,
                        principalTable: "Beneficiaires",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Beneficiaires_Communes_CommuneCode",
                        column: x => x.CommuneCode,
                        principalTable: "Communes",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Beneficiaires_Departements_DepartementId",
                        column: x => x.DepartementId,
                        principalTable: "Departements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Beneficiaires_Foyers_FoyerId",
                        column: x => x.FoyerId,
                        principalTable: "Foyers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ClotureDossiers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartementId = table.Column<Guid>(type: "uuid", nullable: false),
                    BeneficiaireId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Motif = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Commentaire = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AgentId = table.Column<Guid>(type: "uuid", nullable: true),
                    DateReouverture = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClotureDossiers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClotureDossiers_AspNetUsers_AgentId",
                        column: x => x.AgentId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ClotureDossiers_Beneficiaires_BeneficiaireId",
                        column: x => x.BeneficiaireId,
                        principalTable: "Beneficiaires",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartementId = table.Column<Guid>(type: "uuid", nullable: false),
                    BeneficiaireId = table.Column<Guid>(type: "uuid", nullable: false),
                    NomFichier = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TypeContenu = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Taille = table.Column<long>(type: "bigint", nullable: false),
                    AgentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Instant = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Documents_AspNetUsers_AgentId",
                        column: x => x.AgentId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Documents_Beneficiaires_BeneficiaireId",
                        column: x => x.BeneficiaireId,
                        principalTable: "Beneficiaires",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DroitsRsa",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartementId = table.Column<Guid>(type: "uuid", nullable: false),
                    BeneficiaireId = table.Column<Guid>(type: "uuid", nullable: false),
                    DateEffet = table.Column<DateOnly>(type: "date", nullable: false),
                    Etat = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    OrganismePayeur = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    SoumisDroitsEtDevoirs = table.Column<bool>(type: "boolean", nullable: false),
                    DateReceptionInformation = table.Column<DateOnly>(type: "date", nullable: true),
                    AgentId = table.Column<Guid>(type: "uuid", nullable: true),
                    InstantSaisie = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DroitsRsa", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DroitsRsa_AspNetUsers_AgentId",
                        column: x => x.AgentId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DroitsRsa_Beneficiaires_BeneficiaireId",
                        column: x => x.BeneficiaireId,
                        principalTable: "Beneficiaires",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationsFreins",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartementId = table.Column<Guid>(type: "uuid", nullable: false),
                    BeneficiaireId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Theme = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Niveau = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Commentaire = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AgentId = table.Column<Guid>(type: "uuid", nullable: true),
                    InstantSaisie = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationsFreins", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationsFreins_AspNetUsers_AgentId",
                        column: x => x.AgentId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvaluationsFreins_Beneficiaires_BeneficiaireId",
                        column: x => x.BeneficiaireId,
                        principalTable: "Beneficiaires",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NotesSuivi",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartementId = table.Column<Guid>(type: "uuid", nullable: false),
                    BeneficiaireId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Instant = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Texte = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotesSuivi", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NotesSuivi_AspNetUsers_AgentId",
                        column: x => x.AgentId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_NotesSuivi_Beneficiaires_BeneficiaireId",
                        column: x => x.BeneficiaireId,
                        principalTable: "Beneficiaires",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReferentsUniques",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartementId = table.Column<Guid>(type: "uuid", nullable: false),
                    BeneficiaireId = table.Column<Guid>(type: "uuid", nullable: false),
                    AgentId = table.Column<Guid>(type: "uuid", nullable: true),
                    StructureId = table.Column<Guid>(type: "uuid", nullable: true),
                    NomExterne = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    StructureExterne = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Debut = table.Column<DateOnly>(type: "date", nullable: false),
                    Fin = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferentsUniques", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReferentsUniques_AspNetUsers_AgentId",
                        column: x => x.AgentId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReferentsUniques_Beneficiaires_BeneficiaireId",
                        column: x => x.BeneficiaireId,
                        principalTable: "Beneficiaires",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReferentsUniques_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContenusDocuments",
                columns: table => new
                {
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Contenu = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContenusDocuments", x => x.DocumentId);
                    table.ForeignKey(
                        name: "FK_ContenusDocuments_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Beneficiaires_CommuneCode",
                table: "Beneficiaires",
                column: "CommuneCode");

            migrationBuilder.CreateIndex(
                name: "IX_Beneficiaires_DepartementId_DateNaissance",
                table: "Beneficiaires",
                columns: new[] { "DepartementId", "DateNaissance" });

            migrationBuilder.CreateIndex(
                name: "IX_Beneficiaires_DepartementId_NirEmpreinte",
                table: "Beneficiaires",
                columns: new[] { "DepartementId", "NirEmpreinte" });

            migrationBuilder.CreateIndex(
                name: "IX_Beneficiaires_DepartementId_NomNaissance_Prenoms",
                table: "Beneficiaires",
                columns: new[] { "DepartementId", "NomNaissance", "Prenoms" });

            migrationBuilder.CreateIndex(
                name: "IX_Beneficiaires_FoyerId",
                table: "Beneficiaires",
                column: "FoyerId");

            migrationBuilder.CreateIndex(
                name: "IX_Beneficiaires_FusionneDansId",
                table: "Beneficiaires",
                column: "FusionneDansId");

            migrationBuilder.CreateIndex(
                name: "IX_Beneficiaires_Recherche_Trigrammes",
                table: "Beneficiaires",
                column: "Recherche")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_ClotureDossiers_AgentId",
                table: "ClotureDossiers",
                column: "AgentId");

            migrationBuilder.CreateIndex(
                name: "IX_ClotureDossiers_BeneficiaireId",
                table: "ClotureDossiers",
                column: "BeneficiaireId");

            migrationBuilder.CreateIndex(
                name: "IX_Documents_AgentId",
                table: "Documents",
                column: "AgentId");

            migrationBuilder.CreateIndex(
                name: "IX_Documents_BeneficiaireId_Instant",
                table: "Documents",
                columns: new[] { "BeneficiaireId", "Instant" });

            migrationBuilder.CreateIndex(
                name: "IX_DroitsRsa_AgentId",
                table: "DroitsRsa",
                column: "AgentId");

            migrationBuilder.CreateIndex(
                name: "IX_DroitsRsa_BeneficiaireId_DateEffet",
                table: "DroitsRsa",
                columns: new[] { "BeneficiaireId", "DateEffet" });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationsFreins_AgentId",
                table: "EvaluationsFreins",
                column: "AgentId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationsFreins_BeneficiaireId_Date",
                table: "EvaluationsFreins",
                columns: new[] { "BeneficiaireId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Foyers_CommuneCode",
                table: "Foyers",
                column: "CommuneCode");

            migrationBuilder.CreateIndex(
                name: "IX_Foyers_DepartementId_Matricule",
                table: "Foyers",
                columns: new[] { "DepartementId", "Matricule" });

            migrationBuilder.CreateIndex(
                name: "IX_Foyers_QpvId",
                table: "Foyers",
                column: "QpvId");

            migrationBuilder.CreateIndex(
                name: "IX_NotesSuivi_AgentId",
                table: "NotesSuivi",
                column: "AgentId");

            migrationBuilder.CreateIndex(
                name: "IX_NotesSuivi_BeneficiaireId_Instant",
                table: "NotesSuivi",
                columns: new[] { "BeneficiaireId", "Instant" });

            migrationBuilder.CreateIndex(
                name: "IX_ReferentsUniques_AgentId_Fin",
                table: "ReferentsUniques",
                columns: new[] { "AgentId", "Fin" });

            migrationBuilder.CreateIndex(
                name: "IX_ReferentsUniques_BeneficiaireId_Debut",
                table: "ReferentsUniques",
                columns: new[] { "BeneficiaireId", "Debut" });

            migrationBuilder.CreateIndex(
                name: "IX_ReferentsUniques_StructureId_Fin",
                table: "ReferentsUniques",
                columns: new[] { "StructureId", "Fin" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClotureDossiers");

            migrationBuilder.DropTable(
                name: "ContenusDocuments");

            migrationBuilder.DropTable(
                name: "DroitsRsa");

            migrationBuilder.DropTable(
                name: "EvaluationsFreins");

            migrationBuilder.DropTable(
                name: "NotesSuivi");

            migrationBuilder.DropTable(
                name: "ReferentsUniques");

            migrationBuilder.DropTable(
                name: "Documents");

            migrationBuilder.DropTable(
                name: "Beneficiaires");

            migrationBuilder.DropTable(
                name: "Foyers");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}
