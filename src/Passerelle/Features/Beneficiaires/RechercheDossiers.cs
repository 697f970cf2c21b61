using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Domain.Identite;
using Passerelle.Infrastructure.Securite;

namespace Passerelle.Features.Beneficiaires;

public sealed class CriteresRecherche
{
    public string? Nom { get; set; }
    public DateOnly? DateNaissance { get; set; }
    public string? Matricule { get; set; }
    public string? Nir { get; set; }

    public bool EstVide =>
        string.IsNullOrWhiteSpace(Nom) && DateNaissance is null && string.IsNullOrWhiteSpace(Matricule) && string.IsNullOrWhiteSpace(Nir);
}

/// <summary>A probable duplicate: in the agent's scope it is shown; outside, only that it exists and who follows it.</summary>
public sealed record DoublonProbable(Guid? Id, string? Nom, DateOnly? DateNaissance, string? Commune, string Raison, string? SuiviPar);

/// <summary>
/// Finding people: by any part of a name (trigram index: pg_trgm on PostgreSQL, FTS5 on SQLite), birth date,
/// matricule or NIR (through its HMAC), and the probable duplicates of a person about to be created.
/// </summary>
public sealed class RechercheDossiers(PasserelleDbContext db, ProtectionNir protection)
{
    public const int LongueurMinimale = 3;

    /// <summary>The French message for criteria that cannot be searched, or null.</summary>
    public static string? Erreur(CriteresRecherche criteres)
    {
        if (criteres.EstVide)
        {
            return "Indiquez au moins un critère : nom, date de naissance, matricule ou NIR.";
        }

        if (!string.IsNullOrWhiteSpace(criteres.Nom) && NomsNormalises.Normaliser(criteres.Nom).Length < LongueurMinimale)
        {
            return $"Le nom recherché compte au moins {LongueurMinimale} lettres.";
        }

        if (!string.IsNullOrWhiteSpace(criteres.Nir) && !Nir.TryLire(criteres.Nir, out _, out var erreurNir))
        {
            return erreurNir;
        }

        return null;
    }

    public IQueryable<Beneficiaire> Filtrer(IQueryable<Beneficiaire> visibles, CriteresRecherche criteres)
    {
        if (Erreur(criteres) is { } erreur)
        {
            throw new RegleMetierException(erreur);
        }

        var requete = visibles;
        if (!string.IsNullOrWhiteSpace(criteres.Nom))
        {
            requete = ParNom(requete, criteres.Nom);
        }

        if (criteres.DateNaissance is { } date)
        {
            requete = requete.Where(b => b.DateNaissance == date);
        }

        if (Foyer.NormaliserMatricule(criteres.Matricule) is { } matricule)
        {
            requete = requete.Where(b => db.Foyers.Any(f => f.Id == b.FoyerId && f.Matricule == matricule));
        }

        if (!string.IsNullOrWhiteSpace(criteres.Nir))
        {
            var empreinte = protection.Empreinte(Nir.Lire(criteres.Nir));
            requete = requete.Where(b => b.NirEmpreinte == empreinte);
        }

        return requete;
    }

    /// <summary>
    /// Every word of three letters or more must appear somewhere in the normalised names; a query of short
    /// words is searched as one string without its spaces ("Jean Pierre" finds "Jean-Pierre" and "Jeanpierre").
    /// </summary>
    private IQueryable<Beneficiaire> ParNom(IQueryable<Beneficiaire> requete, string nom)
    {
        var mots = NomsNormalises.Mots(nom).Where(m => m.Length >= LongueurMinimale).Distinct(StringComparer.Ordinal).ToList();
        if (mots.Count == 0)
        {
            mots = [NomsNormalises.Normaliser(nom)];
        }

        if (db.Database.IsSqlite())
        {
            // Normalised words hold only letters and digits: quoting them makes a safe FTS5 phrase query.
            var expression = string.Join(" AND ", mots.Select(m => $"\"{m}\""));
            var ids = db.Database.SqlQuery<Guid>($"""SELECT "Id" AS "Value" FROM "BeneficiairesRecherche" WHERE "BeneficiairesRecherche" MATCH {expression}""");
            return requete.Where(b => ids.Contains(b.Id));
        }

        foreach (var mot in mots)
        {
            var motif = $"%{mot}%";
            requete = requete.Where(b => EF.Functions.Like(b.Recherche, motif));
        }

        return requete;
    }

    /// <summary>
    /// The dossiers of the département that are probably the person about to be recorded: same NIR, or same
    /// birth date with close names (Domain/Identite/Doublons). Searched in the whole département, so that a
    /// person followed elsewhere is not recorded twice; shown in full only within <paramref name="visibles"/>.
    /// </summary>
    public async Task<List<DoublonProbable>> DoublonsAsync(
        SaisieBeneficiaire saisie, IQueryable<Beneficiaire> visibles, Guid? saufId = null, CancellationToken cancellationToken = default)
    {
        if (saisie.DateNaissance is not { } date || string.IsNullOrWhiteSpace(saisie.NomNaissance) || string.IsNullOrWhiteSpace(saisie.Prenoms))
        {
            return [];
        }

        string? empreinte = Nir.TryLire(saisie.Nir, out var nir, out _) ? protection.Empreinte(nir!) : null;
        var candidats = await db.Beneficiaires.AsNoTracking()
            .Where(b => b.FusionneDansId == null && b.Id != saufId && (b.DateNaissance == date || (empreinte != null && b.NirEmpreinte == empreinte)))
            .Select(b => new
            {
                b.Id, b.NomNaissance, b.NomUsage, b.Prenoms, b.DateNaissance, b.NirEmpreinte, b.CommuneCode,
                Commune = db.Communes.Where(c => c.Code == b.CommuneCode).Select(c => c.Nom).FirstOrDefault(),
                SuiviPar = db.ReferentsUniques.Where(r => r.BeneficiaireId == b.Id && r.Fin == null)
                    .Select(r => r.StructureId != null ? db.Structures.Where(s => s.Id == r.StructureId).Select(s => s.Nom).FirstOrDefault() : r.StructureExterne)
                    .FirstOrDefault(),
            })
            .Take(200)
            .ToListAsync(cancellationToken);
        if (candidats.Count == 0)
        {
            return [];
        }

        var nouvelle = new IdentiteComparee(saisie.NomNaissance, saisie.NomUsage, saisie.Prenoms, date);
        var trouves = candidats
            .Select(c => (c, Raison: empreinte is not null && c.NirEmpreinte == empreinte
                ? "Même NIR."
                : Doublons.RaisonDoublon(nouvelle, new IdentiteComparee(c.NomNaissance, c.NomUsage, c.Prenoms, c.DateNaissance))))
            .Where(x => x.Raison is not null)
            .ToList();
        var ids = trouves.Select(x => x.c.Id).ToList();
        var visiblesIds = await visibles.Where(b => ids.Contains(b.Id)).Select(b => b.Id).ToListAsync(cancellationToken);
        return trouves
            .Select(x => visiblesIds.Contains(x.c.Id)
                ? new DoublonProbable(x.c.Id, $"{x.c.NomUsage ?? x.c.NomNaissance} {x.c.Prenoms}" + (x.c.NomUsage is null ? "" : $" (née ou né {x.c.NomNaissance})"), x.c.DateNaissance, x.c.Commune, x.Raison!, x.c.SuiviPar)
                : new DoublonProbable(null, null, null, null, x.Raison!, x.c.SuiviPar))
            .ToList();
    }
}
