using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Passerelle.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JournalEnAjoutSeul : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // EF Core cannot express triggers: the access journal and the change trail refuse UPDATE and DELETE.
            foreach (var table in new[] { "JournalAcces", "HistoriqueModifications" })
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_sans_modification" BEFORE UPDATE ON "{table}"
                    BEGIN SELECT RAISE(ABORT, 'La table {table} est en ajout seul.'); END;
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_sans_suppression" BEFORE DELETE ON "{table}"
                    BEGIN SELECT RAISE(ABORT, 'La table {table} est en ajout seul.'); END;
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "JournalAcces", "HistoriqueModifications" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{table}_sans_modification\";");
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{table}_sans_suppression\";");
            }
        }
    }
}
