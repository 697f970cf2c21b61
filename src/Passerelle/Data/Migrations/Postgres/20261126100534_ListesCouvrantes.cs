using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Passerelle.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ListesCouvrantes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Prescriptions_StructureOperateurId_Etat_EnvoyeeLe",
                table: "Prescriptions");

            migrationBuilder.DropIndex(
                name: "IX_Beneficiaires_DepartementId_AttenteOrientationDepuis",
                table: "Beneficiaires");

            migrationBuilder.CreateIndex(
                name: "IX_Prescriptions_StructureOperateurId_Etat_EnvoyeeLe",
                table: "Prescriptions",
                columns: new[] { "StructureOperateurId", "Etat", "EnvoyeeLe" })
                .Annotation("Npgsql:IndexInclude", new[] { "DepartementId", "SortieLe", "SuiviLe", "ActionId", "BeneficiaireId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Beneficiaires_DepartementId_AttenteOrientationDepuis",
                table: "Beneficiaires",
                columns: new[] { "DepartementId", "AttenteOrientationDepuis" },
                filter: "\"AttenteOrientationDepuis\" IS NOT NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "Id", "FusionneDansId", "CommuneCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Prescriptions_StructureOperateurId_Etat_EnvoyeeLe",
                table: "Prescriptions");

            migrationBuilder.DropIndex(
                name: "IX_Beneficiaires_DepartementId_AttenteOrientationDepuis",
                table: "Beneficiaires");

            migrationBuilder.CreateIndex(
                name: "IX_Prescriptions_StructureOperateurId_Etat_EnvoyeeLe",
                table: "Prescriptions",
                columns: new[] { "StructureOperateurId", "Etat", "EnvoyeeLe" });

            migrationBuilder.CreateIndex(
                name: "IX_Beneficiaires_DepartementId_AttenteOrientationDepuis",
                table: "Beneficiaires",
                columns: new[] { "DepartementId", "AttenteOrientationDepuis" },
                filter: "\"AttenteOrientationDepuis\" IS NOT NULL");
        }
    }
}
