using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Data;

// Used by dotnet-ef only, to generate each provider's migrations. No database is opened.
internal sealed class SqliteFabriqueConception : IDesignTimeDbContextFactory<SqlitePasserelleDbContext>
{
    public SqlitePasserelleDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePasserelleDbContext>().UseSqlite("Data Source=conception.db").Options,
            new DepartementCourant(new HttpContextAccessor()));
}

internal sealed class PostgresFabriqueConception : IDesignTimeDbContextFactory<PostgresPasserelleDbContext>
{
    public PostgresPasserelleDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPasserelleDbContext>().UseNpgsql("Host=localhost;Database=conception").Options,
            new DepartementCourant(new HttpContextAccessor()));
}
