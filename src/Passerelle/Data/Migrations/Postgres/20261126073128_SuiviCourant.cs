using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Passerelle.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SuiviCourant : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "DebutDesignation",
                table: "Beneficiaires",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DernierRendezVousHonore",
                table: "Beneficiaires",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "FinDernierContratSigne",
                table: "Beneficiaires",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ParcoursEnVigueur",
                table: "Beneficiaires",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RevisionDue",
                table: "Beneficiaires",
                type: "date",
                nullable: true);

            // Derived state (SuiviCourant) computed once for the people already recorded; the context keeps it after.
            migrationBuilder.Sql("""
                UPDATE "Beneficiaires" SET
                    "ParcoursEnVigueur" = (SELECT o."Parcours" FROM "DecisionsOrientation" AS o
                        WHERE o."BeneficiaireId" = "Beneficiaires"."Id" AND o."Fin" IS NULL ORDER BY o."DateDecision" DESC LIMIT 1),
                    "RevisionDue" = (SELECT o."RevisionDue" FROM "DecisionsOrientation" AS o
                        WHERE o."BeneficiaireId" = "Beneficiaires"."Id" AND o."Fin" IS NULL ORDER BY o."DateDecision" DESC LIMIT 1),
                    "FinDernierContratSigne" = (SELECT max(c."Fin") FROM "ContratsEngagement" AS c
                        WHERE c."BeneficiaireId" = "Beneficiaires"."Id" AND c."Etat" = 'Signe'),
                    "DernierRendezVousHonore" = (SELECT max(r."Debut") FROM "RendezVous" AS r
                        WHERE r."BeneficiaireId" = "Beneficiaires"."Id" AND r."Statut" = 'Honore'),
                    "DebutDesignation" = (SELECT r."Debut" FROM "ReferentsUniques" AS r
                        WHERE r."BeneficiaireId" = "Beneficiaires"."Id" AND r."Fin" IS NULL LIMIT 1);
                """);
            // Every person was rewritten: the table and its indexes doubled, and the name search ran four times slower
            // until they were compacted (a plain VACUUM does not). migrate runs before the instances start, so the
            // exclusive lock of VACUUM FULL blocks no one. Outside a transaction, as VACUUM must be.
            migrationBuilder.Sql("""VACUUM (FULL, ANALYZE) "Beneficiaires";""", suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DebutDesignation",
                table: "Beneficiaires");

            migrationBuilder.DropColumn(
                name: "DernierRendezVousHonore",
                table: "Beneficiaires");

            migrationBuilder.DropColumn(
                name: "FinDernierContratSigne",
                table: "Beneficiaires");

            migrationBuilder.DropColumn(
                name: "ParcoursEnVigueur",
                table: "Beneficiaires");

            migrationBuilder.DropColumn(
                name: "RevisionDue",
                table: "Beneficiaires");
        }
    }
}
