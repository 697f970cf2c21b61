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
            // Every person was rewritten: VACUUM clears the old row versions and the trigram index's pending entries
            // (the name search ran four times slower until then) and refreshes the statistics. Outside a transaction, as it must.
            migrationBuilder.Sql("""VACUUM (ANALYZE) "Beneficiaires";""", suppressTransaction: true);
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
