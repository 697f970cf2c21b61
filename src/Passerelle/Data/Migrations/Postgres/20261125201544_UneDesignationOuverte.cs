using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Passerelle.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class UneDesignationOuverte : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ReferentsUniques_UneOuverte",
                table: "ReferentsUniques",
                column: "BeneficiaireId",
                unique: true,
                filter: "\"Fin\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReferentsUniques_UneOuverte",
                table: "ReferentsUniques");
        }
    }
}
