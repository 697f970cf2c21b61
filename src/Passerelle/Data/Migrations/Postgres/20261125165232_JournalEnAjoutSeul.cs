using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Passerelle.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class JournalEnAjoutSeul : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // EF Core cannot express triggers: the access journal and the change trail refuse UPDATE, DELETE and TRUNCATE.
            migrationBuilder.Sql("""
                CREATE FUNCTION refuser_modification_ajout_seul() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'La table % est en ajout seul.', TG_TABLE_NAME;
                END;
                $$;
                """);
            foreach (var table in new[] { "JournalAcces", "HistoriqueModifications" })
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_ajout_seul" BEFORE UPDATE OR DELETE ON "{table}"
                    FOR EACH ROW EXECUTE FUNCTION refuser_modification_ajout_seul();
                    """);
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{table}_sans_vidage" BEFORE TRUNCATE ON "{table}"
                    FOR EACH STATEMENT EXECUTE FUNCTION refuser_modification_ajout_seul();
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "JournalAcces", "HistoriqueModifications" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{table}_ajout_seul\" ON \"{table}\";");
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{table}_sans_vidage\" ON \"{table}\";");
            }

            migrationBuilder.Sql("DROP FUNCTION IF EXISTS refuser_modification_ajout_seul();");
        }
    }
}
