using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Passerelle.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Dossier : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Foyers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Adresse = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CommuneCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    QpvId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Composition = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    NombreEnfants = table.Column<int>(type: "INTEGER", nullable: true),
                    OrganismePayeur = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Matricule = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FoyerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    NomNaissance = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NomUsage = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Prenoms = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    DateNaissance = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Sexe = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Dispositifs = table.Column<int>(type: "INTEGER", maxLength: 60, nullable: false),
                    Telephone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Courriel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Adresse = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CommuneCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    Recherche = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    NirChiffre = table.Column<byte[]>(type: "BLOB", maxLength: 64, nullable: true),
                    NirCleId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    NirEmpreinte = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    NirMasque = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    NirTemporaire = table.Column<bool>(type: "INTEGER", nullable: false),
                    Clos = table.Column<bool>(type: "INTEGER", nullable: false),
                    FusionneDansId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BeneficiaireId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Motif = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Commentaire = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AgentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DateReouverture = table.Column<DateOnly>(type: "TEXT", nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BeneficiaireId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NomFichier = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TypeContenu = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Taille = table.Column<long>(type: "INTEGER", nullable: false),
                    AgentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Instant = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BeneficiaireId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DateEffet = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Etat = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    OrganismePayeur = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    SoumisDroitsEtDevoirs = table.Column<bool>(type: "INTEGER", nullable: false),
                    DateReceptionInformation = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AgentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    InstantSaisie = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BeneficiaireId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Theme = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Niveau = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Commentaire = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AgentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    InstantSaisie = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BeneficiaireId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Instant = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Texte = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BeneficiaireId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StructureId = table.Column<Guid>(type: "TEXT", nullable: true),
                    NomExterne = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    StructureExterne = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Debut = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Fin = table.Column<DateOnly>(type: "TEXT", nullable: true)
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
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Contenu = table.Column<byte[]>(type: "BLOB", nullable: false)
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

            // "Any part of a name" on SQLite: an FTS5 table with the trigram tokenizer, kept by triggers.
            // EF Core cannot declare a virtual table, hence raw SQL.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "BeneficiairesRecherche" USING fts5("Id" UNINDEXED, "Recherche", tokenize = 'trigram');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Beneficiaires_recherche_ajout" AFTER INSERT ON "Beneficiaires"
                BEGIN INSERT INTO "BeneficiairesRecherche" ("Id", "Recherche") VALUES (new."Id", new."Recherche"); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Beneficiaires_recherche_modification" AFTER UPDATE OF "Recherche" ON "Beneficiaires"
                BEGIN UPDATE "BeneficiairesRecherche" SET "Recherche" = new."Recherche" WHERE "Id" = old."Id"; END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Beneficiaires_recherche_suppression" AFTER DELETE ON "Beneficiaires"
                BEGIN DELETE FROM "BeneficiairesRecherche" WHERE "Id" = old."Id"; END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"Beneficiaires_recherche_ajout\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"Beneficiaires_recherche_modification\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"Beneficiaires_recherche_suppression\";");
            migrationBuilder.Sql("DROP TABLE IF EXISTS \"BeneficiairesRecherche\";");
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
        }
    }
}
