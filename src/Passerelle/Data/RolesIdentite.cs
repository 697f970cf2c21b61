using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Passerelle.Domain;

namespace Passerelle.Data;

/// <summary>The Identity roles are the <see cref="Role"/> values, created by the migrations with fixed ids.</summary>
public static class RolesIdentite
{
    public static Guid IdPour(Role role) =>
        Guid.Parse($"0193a000-0000-7000-8000-{((int)role + 1).ToString("x12", CultureInfo.InvariantCulture)}");
}

internal sealed class RoleConfiguration : IEntityTypeConfiguration<IdentityRole<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityRole<Guid>> builder) =>
        builder.HasData(Enum.GetValues<Role>().Select(role => new IdentityRole<Guid>
        {
            Id = RolesIdentite.IdPour(role),
            Name = role.ToString(),
            NormalizedName = role.ToString().ToUpperInvariant(),
            ConcurrencyStamp = RolesIdentite.IdPour(role).ToString(),
        }));
}
