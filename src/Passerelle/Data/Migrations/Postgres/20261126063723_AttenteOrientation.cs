using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Passerelle.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AttenteOrientation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "AttenteOrientationDepuis",
                table: "Beneficiaires",
                type: "date",
                nullable: true);

            // Derived state (AttenteOrientation.Valeur) computed once for the people already recorded; the context keeps it after.
            migrationBuilder.Sql("""
                UPDATE "Beneficiaires" SET "AttenteOrientationDepuis" = (
                    SELECT CASE WHEN d."Etat" = 'Ouvert' AND d."SoumisDroitsEtDevoirs" THEN d."DateReceptionInformation" END
                    FROM "DroitsRsa" AS d
                    WHERE d."BeneficiaireId" = "Beneficiaires"."Id"
                    ORDER BY d."DateEffet" DESC, d."InstantSaisie" DESC
                    LIMIT 1)
                WHERE NOT "Clos" AND "FusionneDansId" IS NULL
                  AND NOT EXISTS (SELECT 1 FROM "DecisionsOrientation" AS o WHERE o."BeneficiaireId" = "Beneficiaires"."Id" AND o."Fin" IS NULL);
                """);
            // Fresh statistics, or the planner keeps guessing the new column is full and reads the whole table.
            migrationBuilder.Sql("""ANALYZE "Beneficiaires";""");

            migrationBuilder.CreateIndex(
                name: "IX_Beneficiaires_DepartementId_AttenteOrientationDepuis",
                table: "Beneficiaires",
                columns: new[] { "DepartementId", "AttenteOrientationDepuis" },
                filter: "\"AttenteOrientationDepuis\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Beneficiaires_DepartementId_AttenteOrientationDepuis",
                table: "Beneficiaires");

            migrationBuilder.DropColumn(
                name: "AttenteOrientationDepuis",
                table: "Beneficiaires");
        }
    }
}
