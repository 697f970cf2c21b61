using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Passerelle.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PerimetreStocke : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "OrientationStructureId",
                table: "Beneficiaires",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ReferentAgentId",
                table: "Beneficiaires",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ReferentStructureId",
                table: "Beneficiaires",
                type: "uuid",
                nullable: true);

            // Who sees whom (SuiviCourant) computed once for the people already recorded, before their indexes are
            // built; the context keeps it after. Only the people with an open designation or an orientation in force change.
            migrationBuilder.Sql("""
                UPDATE "Beneficiaires" SET "ReferentAgentId" = r."AgentId", "ReferentStructureId" = r."StructureId"
                FROM "ReferentsUniques" AS r
                WHERE r."BeneficiaireId" = "Beneficiaires"."Id" AND r."Fin" IS NULL;
                UPDATE "Beneficiaires" SET "OrientationStructureId" = o."StructureId"
                FROM "DecisionsOrientation" AS o
                WHERE o."BeneficiaireId" = "Beneficiaires"."Id" AND o."Fin" IS NULL AND o."StructureId" IS NOT NULL;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Beneficiaires_DepartementId_OrientationStructureId",
                table: "Beneficiaires",
                columns: new[] { "DepartementId", "OrientationStructureId" });

            migrationBuilder.CreateIndex(
                name: "IX_Beneficiaires_DepartementId_ReferentAgentId",
                table: "Beneficiaires",
                columns: new[] { "DepartementId", "ReferentAgentId" });

            migrationBuilder.CreateIndex(
                name: "IX_Beneficiaires_DepartementId_ReferentStructureId",
                table: "Beneficiaires",
                columns: new[] { "DepartementId", "ReferentStructureId" });

            // The people followed were rewritten: compacted as in SuiviCourant, or the name search slows down. migrate
            // runs before the instances start; VACUUM runs outside a transaction.
            migrationBuilder.Sql("""VACUUM (FULL, ANALYZE) "Beneficiaires";""", suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Beneficiaires_DepartementId_OrientationStructureId",
                table: "Beneficiaires");

            migrationBuilder.DropIndex(
                name: "IX_Beneficiaires_DepartementId_ReferentAgentId",
                table: "Beneficiaires");

            migrationBuilder.DropIndex(
                name: "IX_Beneficiaires_DepartementId_ReferentStructureId",
                table: "Beneficiaires");

            migrationBuilder.DropColumn(
                name: "OrientationStructureId",
                table: "Beneficiaires");

            migrationBuilder.DropColumn(
                name: "ReferentAgentId",
                table: "Beneficiaires");

            migrationBuilder.DropColumn(
                name: "ReferentStructureId",
                table: "Beneficiaires");
        }
    }
}
