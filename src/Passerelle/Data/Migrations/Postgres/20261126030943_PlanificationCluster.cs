using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Passerelle.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Tache = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Prevue = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Debut = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Fin = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Instance = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Reussie = table.Column<bool>(type: "boolean", nullable: false),
                    Erreur = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
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

            // The tables of Quartz's clustered job store, as Quartz 4.7.3 expects them (see SqlQuartz).
            migrationBuilder.Sql(SqlQuartz.Creation);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SqlQuartz.Suppression);

            migrationBuilder.DropTable(
                name: "ExecutionsTaches");
        }
    }
}
