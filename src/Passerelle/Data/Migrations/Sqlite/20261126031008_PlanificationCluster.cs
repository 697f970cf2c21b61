using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Passerelle.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlanificationCluster : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ExecutionsTaches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Tache = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Prevue = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Debut = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Fin = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Instance = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reussie = table.Column<bool>(type: "INTEGER", nullable: false),
                    Erreur = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExecutionsTaches", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExecutionsTaches_Debut",
                table: "ExecutionsTaches",
                column: "Debut");

            migrationBuilder.CreateIndex(
                name: "IX_ExecutionsTaches_Tache_Prevue",
                table: "ExecutionsTaches",
                columns: new[] { "Tache", "Prevue" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExecutionsTaches");
        }
    }
}
