using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Infrastructure.Auth;

/// <summary>
/// Identity's user store, with the tenant filter lifted for the look-ups that sign an agent in:
/// the département is not known before the account is found. Listed in the IgnoreQueryFilters test.
/// </summary>
public sealed class AgentUserStore(PasserelleDbContext context, IdentityErrorDescriber? describer = null)
    : UserStore<Agent, IdentityRole<Guid>, PasserelleDbContext, Guid>(context, describer)
{
    private IQueryable<Agent> TousLesAgents => Context.Users.IgnoreQueryFilters([PasserelleDbContext.FiltreDepartement]);

    public override Task<Agent?> FindByIdAsync(string userId, CancellationToken cancellationToken = default) =>
        Guid.TryParse(userId, out var id) ? FindUserAsync(id, cancellationToken) : Task.FromResult<Agent?>(null);

    protected override Task<Agent?> FindUserAsync(Guid userId, CancellationToken cancellationToken) =>
        TousLesAgents.SingleOrDefaultAsync(a => a.Id == userId, cancellationToken);

    public override Task<Agent?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken = default) =>
        TousLesAgents.SingleOrDefaultAsync(a => a.NormalizedUserName == normalizedUserName, cancellationToken);

    public override Task<Agent?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken = default) =>
        TousLesAgents.SingleOrDefaultAsync(a => a.NormalizedEmail == normalizedEmail, cancellationToken);
}

/// <summary>Puts the agent's département, name and structure in the cookie, so that every request knows its tenant.</summary>
public sealed class AgentClaimsPrincipalFactory(
    UserManager<Agent> userManager, RoleManager<IdentityRole<Guid>> roleManager, IOptions<IdentityOptions> options, PasserelleDbContext db)
    : UserClaimsPrincipalFactory<Agent, IdentityRole<Guid>>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Agent user)
    {
        var identite = await base.GenerateClaimsAsync(user);
        identite.AddClaim(new Claim(ClaimsPasserelle.NomComplet, user.NomComplet));
        if (user.DepartementId is { } departementId)
        {
            var departement = await db.Departements.AsNoTracking().SingleAsync(d => d.Id == departementId);
            identite.AddClaim(new Claim(ClaimsPasserelle.DepartementId, departement.Id.ToString()));
            identite.AddClaim(new Claim(ClaimsPasserelle.DepartementCode, departement.Code));
            identite.AddClaim(new Claim(ClaimsPasserelle.DepartementNom, departement.Nom));
            identite.AddClaim(new Claim(ClaimsPasserelle.FuseauHoraire, departement.FuseauHoraire));
        }

        if (user.StructureId is { } structureId)
        {
            // Signing in happens before the département is current: the structure is read by its own tenant.
            var structure = await db.Structures.IgnoreQueryFilters([PasserelleDbContext.FiltreDepartement])
                .Where(s => s.Id == structureId && s.DepartementId == user.DepartementId)
                .Select(s => s.Nom).SingleOrDefaultAsync();
            if (structure is not null)
            {
                identite.AddClaim(new Claim(ClaimsPasserelle.Structure, structure));
            }
        }

        return identite;
    }
}

/// <summary>A deactivated account cannot sign in.</summary>
public sealed class AgentActifConfirmation : IUserConfirmation<Agent>
{
    public Task<bool> IsConfirmedAsync(UserManager<Agent> manager, Agent user) => Task.FromResult(user.Actif);
}

public sealed class MessagesIdentiteFrancais : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Erreur(nameof(DefaultError), "Une erreur inconnue est survenue.");
    public override IdentityError ConcurrencyFailure() => Erreur(nameof(ConcurrencyFailure), "Le compte a été modifié entre-temps ; recommencez.");
    public override IdentityError PasswordMismatch() => Erreur(nameof(PasswordMismatch), "Le mot de passe actuel est incorrect.");
    public override IdentityError InvalidToken() => Erreur(nameof(InvalidToken), "Le lien utilisé n'est plus valide.");
    public override IdentityError InvalidUserName(string? userName) => Erreur(nameof(InvalidUserName), "L'identifiant n'est pas valide.");
    public override IdentityError InvalidEmail(string? email) => Erreur(nameof(InvalidEmail), "L'adresse électronique n'est pas valide.");
    public override IdentityError DuplicateUserName(string userName) => Erreur(nameof(DuplicateUserName), "Un compte existe déjà avec cette adresse électronique.");
    public override IdentityError DuplicateEmail(string email) => Erreur(nameof(DuplicateEmail), "Un compte existe déjà avec cette adresse électronique.");
    public override IdentityError PasswordTooShort(int length) => Erreur(nameof(PasswordTooShort), $"Le mot de passe doit contenir au moins {length} caractères.");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Erreur(nameof(PasswordRequiresUniqueChars), $"Le mot de passe doit contenir au moins {uniqueChars} caractères différents.");
    public override IdentityError PasswordRequiresNonAlphanumeric() => Erreur(nameof(PasswordRequiresNonAlphanumeric), "Le mot de passe doit contenir au moins un caractère spécial.");
    public override IdentityError PasswordRequiresDigit() => Erreur(nameof(PasswordRequiresDigit), "Le mot de passe doit contenir au moins un chiffre.");
    public override IdentityError PasswordRequiresLower() => Erreur(nameof(PasswordRequiresLower), "Le mot de passe doit contenir au moins une minuscule.");
    public override IdentityError PasswordRequiresUpper() => Erreur(nameof(PasswordRequiresUpper), "Le mot de passe doit contenir au moins une majuscule.");
    public override IdentityError UserAlreadyInRole(string role) => Erreur(nameof(UserAlreadyInRole), "L'agent a déjà ce rôle.");
    public override IdentityError UserNotInRole(string role) => Erreur(nameof(UserNotInRole), "L'agent n'a pas ce rôle.");
    public override IdentityError UserLockoutNotEnabled() => Erreur(nameof(UserLockoutNotEnabled), "Le verrouillage n'est pas activé pour ce compte.");
    public override IdentityError UserAlreadyHasPassword() => Erreur(nameof(UserAlreadyHasPassword), "Ce compte a déjà un mot de passe.");

    private static IdentityError Erreur(string code, string description) => new() { Code = code, Description = description };
}
