using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;

namespace Passerelle.Features.Chiffres;

/// <summary>
/// The figures of the catalogue (<see cref="RegistreChiffres"/>), counted by the database. The département is a
/// parameter of every figure, never the ambient one: a request, a job or the pilotage issue's reports get the same
/// numbers for the same département, and no other département's row can slip in.
/// <para>
/// Each table is a few grouped counts per month, or one per breakdown by territory: people are joined to the
/// territories of the chosen type through the commune they live in. A person whose commune belongs to no territory
/// of that type, or is unknown, is counted in the row <see cref="LibelleHorsTerritoire"/>; a commune in two
/// territories of the same type counts its people in both, and once in the total.
/// </para>
/// <para>
/// A median is not portable SQL (SQLite has no percentile function, and PostgreSQL's ordered-set aggregate is not
/// translated by EF Core): the database counts the decisions per delay in days, and <see cref="Mediane"/> reads the
/// median from those counts, exactly.
/// </para>
/// </summary>
public sealed partial class CatalogueChiffres(PasserelleDbContext db)
{
    public const string LibelleHorsTerritoire = "Hors territoire ou commune inconnue";

    public const string LibelleEnsemble = "Ensemble";

    public Task<TableauChiffres> CalculerAsync(
        string code, Guid departementId, PeriodeChiffres periode, Ventilation ventilation, TypeTerritoire typeTerritoire,
        CancellationToken cancellationToken = default) => code switch
        {
            RegistreChiffres.SoumisDroitsEtDevoirs => SoumisDroitsEtDevoirsAsync(departementId, periode, ventilation, typeTerritoire, cancellationToken),
            RegistreChiffres.OrientesParParcours => OrientesParParcoursAsync(departementId, periode, ventilation, typeTerritoire, cancellationToken),
            RegistreChiffres.DelaiOrientation => DelaiOrientationAsync(departementId, periode, ventilation, typeTerritoire, cancellationToken),
            RegistreChiffres.AvecReferent => AvecReferentAsync(departementId, periode, ventilation, typeTerritoire, cancellationToken),
            RegistreChiffres.AvecContrat => AvecContratAsync(departementId, periode, ventilation, typeTerritoire, cancellationToken),
            RegistreChiffres.ActiviteActions or RegistreChiffres.SortiesActions or RegistreChiffres.SuivisActions or RegistreChiffres.Agenda21 =>
                CalculerAsync(code, departementId, periode, ventilation, typeTerritoire, territoireId: null, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Chiffre inconnu."),
        };

    public Task<TableauChiffres> SoumisDroitsEtDevoirsAsync(
        Guid departementId, PeriodeChiffres periode, Ventilation ventilation, TypeTerritoire typeTerritoire, CancellationToken cancellationToken = default)
    {
        var droits = DuDepartement<DroitRsa>(departementId);
        var personnes = Personnes(departementId);
        return StockAsync(
            RegistreChiffres.Obtenir(RegistreChiffres.SoumisDroitsEtDevoirs), departementId, periode, ventilation, typeTerritoire,
            [(0, "Personnes")],
            jour =>
                from d in droits
                where d.DateEffet <= jour
                    && !droits.Any(a => a.BeneficiaireId == d.BeneficiaireId && a.DateEffet <= jour
                        && (a.DateEffet > d.DateEffet || (a.DateEffet == d.DateEffet && a.InstantSaisie > d.InstantSaisie)))
                    && d.Etat == EtatDroitRsa.Ouvert && d.SoumisDroitsEtDevoirs
                join b in personnes on d.BeneficiaireId equals b.Id
                select new Fait<int> { BeneficiaireId = b.Id, CommuneCode = b.CommuneCode, Colonne = 0 },
            cancellationToken);
    }

    public Task<TableauChiffres> OrientesParParcoursAsync(
        Guid departementId, PeriodeChiffres periode, Ventilation ventilation, TypeTerritoire typeTerritoire, CancellationToken cancellationToken = default)
    {
        var decisions = DuDepartement<DecisionOrientation>(departementId);
        var personnes = Personnes(departementId);
        return StockAsync(
            RegistreChiffres.Obtenir(RegistreChiffres.OrientesParParcours), departementId, periode, ventilation, typeTerritoire,
            Enum.GetValues<TypeParcours>().Select(p => (p, p.Libelle())).ToList(),
            jour =>
                from d in decisions
                where d.DateDecision <= jour
                    && !decisions.Any(a => a.BeneficiaireId == d.BeneficiaireId && a.DateDecision <= jour
                        && (a.DateDecision > d.DateDecision || (a.DateDecision == d.DateDecision && a.Instant > d.Instant)))
                join b in personnes on d.BeneficiaireId equals b.Id
                select new Fait<TypeParcours> { BeneficiaireId = b.Id, CommuneCode = b.CommuneCode, Colonne = d.Parcours },
            cancellationToken);
    }

    public Task<TableauChiffres> AvecReferentAsync(
        Guid departementId, PeriodeChiffres periode, Ventilation ventilation, TypeTerritoire typeTerritoire, CancellationToken cancellationToken = default)
    {
        var designations = DuDepartement<ReferentUnique>(departementId);
        var personnes = Personnes(departementId);
        return StockAsync(
            RegistreChiffres.Obtenir(RegistreChiffres.AvecReferent), departementId, periode, ventilation, typeTerritoire,
            [(0, "Personnes")],
            jour =>
                from r in designations
                where r.Debut <= jour && (r.Fin == null || r.Fin >= jour)
                join b in personnes on r.BeneficiaireId equals b.Id
                select new Fait<int> { BeneficiaireId = b.Id, CommuneCode = b.CommuneCode, Colonne = 0 },
            cancellationToken);
    }

    public Task<TableauChiffres> AvecContratAsync(
        Guid departementId, PeriodeChiffres periode, Ventilation ventilation, TypeTerritoire typeTerritoire, CancellationToken cancellationToken = default)
    {
        var contrats = DuDepartement<ContratEngagement>(departementId);
        var personnes = Personnes(departementId);
        return StockAsync(
            RegistreChiffres.Obtenir(RegistreChiffres.AvecContrat), departementId, periode, ventilation, typeTerritoire,
            [(0, "Personnes")],
            jour =>
                from c in contrats
                where c.Debut <= jour && c.Fin >= jour && c.DateSignature != null && c.DateSignature <= jour
                    && (c.Etat == EtatContrat.Signe || (c.Etat == EtatContrat.Clos && c.DateCloture >= jour))
                join b in personnes on c.BeneficiaireId equals b.Id
                select new Fait<int> { BeneficiaireId = b.Id, CommuneCode = b.CommuneCode, Colonne = 0 },
            cancellationToken);
    }

    public async Task<TableauChiffres> DelaiOrientationAsync(
        Guid departementId, PeriodeChiffres periode, Ventilation ventilation, TypeTerritoire typeTerritoire, CancellationToken cancellationToken = default)
    {
        var figure = RegistreChiffres.Obtenir(RegistreChiffres.DelaiOrientation);
        var decisions = DuDepartement<DecisionOrientation>(departementId);
        var personnes = Personnes(departementId);
        IQueryable<FaitDelai> Decidees(DateOnly du, DateOnly au) =>
            from d in decisions
            where d.PrecedenteId == null && d.DelaiJours != null && d.DateDecision >= du && d.DateDecision <= au
            join b in personnes on d.BeneficiaireId equals b.Id
            select new FaitDelai { CommuneCode = b.CommuneCode, Delai = d.DelaiJours!.Value, HorsDelai = d.HorsDelai };

        List<ColonneChiffres> colonnes =
        [
            new("Dans le délai", GenreColonne.Effectif),
            new("Hors délai", GenreColonne.Effectif),
            new("Premières orientations", GenreColonne.Total),
            new("Part dans le délai", GenreColonne.Part, [0, 1, 2]),
            new("Délai médian (jours)", GenreColonne.Mediane, [2]),
        ];

        if (ventilation == Ventilation.Mois)
        {
            var lignes = new List<LigneChiffres>();
            var tous = new List<GroupeDelai>();
            foreach (var mois in periode.Mois)
            {
                var groupes = await GrouperAsync(Decidees(mois, periode.Observation(mois)), cancellationToken);
                lignes.Add(LigneDelai(PeriodeChiffres.Code(mois), PeriodeChiffres.Libelle(mois), groupes));
                tous.AddRange(groupes);
            }

            // The months do not overlap: the period's counts per delay are the sum of the months'.
            return new TableauChiffres(figure, ventilation, periode, null, "Mois", colonnes, lignes,
                LigneDelai("", "Ensemble de la période", tous));
        }

        var faits = Decidees(periode.PremierMois, periode.Fin);
        var communes = CommunesDesTerritoires(departementId, typeTerritoire);
        var parTerritoire = (await faits
                .Join(communes, f => f.CommuneCode, c => c.CommuneCode, (f, c) => new { c.TerritoireId, f.Delai, f.HorsDelai })
                .GroupBy(x => new { x.TerritoireId, x.Delai, x.HorsDelai })
                .Select(g => new { g.Key.TerritoireId, g.Key.Delai, g.Key.HorsDelai, Nombre = g.Count() })
                .ToListAsync(cancellationToken))
            .ToLookup(x => x.TerritoireId, x => new GroupeDelai(x.Delai, x.HorsDelai, x.Nombre));
        var hors = await GrouperAsync(faits.Where(f => f.CommuneCode == null || !communes.Any(c => c.CommuneCode == f.CommuneCode)), cancellationToken);
        var total = await GrouperAsync(faits, cancellationToken);

        var lignesTerritoires = (await TerritoiresAsync(departementId, typeTerritoire, cancellationToken))
            .Select(t => LigneDelai(t.Nom, t.Nom, parTerritoire[t.Id].ToList()))
            .Append(LigneDelai(LibelleHorsTerritoire, LibelleHorsTerritoire, hors))
            .ToList();
        return new TableauChiffres(figure, ventilation, periode, null, "Territoire", colonnes, lignesTerritoires,
            LigneDelai("", "Ensemble du département", total));
    }

    /// <summary>
    /// The median of values given with their counts: the middle value once sorted, or the mean of the two middle
    /// ones for an even number. Null when there is no value.
    /// </summary>
    public static decimal? Mediane(IEnumerable<(int Valeur, int Effectif)> groupes)
    {
        var tries = groupes.Where(g => g.Effectif > 0).OrderBy(g => g.Valeur).ToList();
        var nombre = tries.Sum(g => g.Effectif);
        if (nombre == 0)
        {
            return null;
        }

        decimal DeRang(int rang)
        {
            var cumul = 0;
            foreach (var (valeur, effectif) in tries)
            {
                cumul += effectif;
                if (cumul >= rang)
                {
                    return valeur;
                }
            }

            throw new InvalidOperationException("Rang hors des effectifs.");
        }

        return nombre % 2 == 1 ? DeRang((nombre + 1) / 2) : (DeRang(nombre / 2) + DeRang((nombre / 2) + 1)) / 2m;
    }

    private async Task<TableauChiffres> StockAsync<TCle>(
        Figure figure, Guid departementId, PeriodeChiffres periode, Ventilation ventilation, TypeTerritoire typeTerritoire,
        List<(TCle Cle, string Libelle)> valeurs, Func<DateOnly, IQueryable<Fait<TCle>>> faitsAu, CancellationToken cancellationToken)
        where TCle : notnull
    {
        var colonnes = valeurs.Select(v => new ColonneChiffres(v.Libelle, GenreColonne.Effectif)).ToList();
        if (valeurs.Count > 1)
        {
            colonnes.Add(new ColonneChiffres(LibelleEnsemble, GenreColonne.Total));
        }

        LigneChiffres Ligne(string code, string libelle, IReadOnlyDictionary<TCle, int> comptes)
        {
            var nombres = valeurs.Select(v => comptes.GetValueOrDefault(v.Cle)).ToList();
            var cellules = nombres.Select(n => (decimal?)n).ToList();
            if (valeurs.Count > 1)
            {
                cellules.Add(nombres.Sum());
            }

            return new LigneChiffres(code, libelle, cellules);
        }

        if (ventilation == Ventilation.Mois)
        {
            // A sum of stocks over months would count the same people again: a table by month has no total row.
            var lignes = new List<LigneChiffres>();
            foreach (var mois in periode.Mois)
            {
                lignes.Add(Ligne(PeriodeChiffres.Code(mois), PeriodeChiffres.Libelle(mois), await CompterAsync(faitsAu(periode.Observation(mois)), cancellationToken)));
            }

            return new TableauChiffres(figure, ventilation, periode, null, "Mois", colonnes, lignes, null);
        }

        var faits = faitsAu(periode.Fin);
        var communes = CommunesDesTerritoires(departementId, typeTerritoire);
        var parTerritoire = (await faits
                .Join(communes, f => f.CommuneCode, c => c.CommuneCode, (f, c) => new { c.TerritoireId, f.BeneficiaireId, f.Colonne })
                .Distinct()
                .GroupBy(x => new { x.TerritoireId, x.Colonne })
                .Select(g => new { g.Key.TerritoireId, g.Key.Colonne, Nombre = g.Count() })
                .ToListAsync(cancellationToken))
            .GroupBy(x => x.TerritoireId)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<TCle, int>)g.ToDictionary(x => x.Colonne, x => x.Nombre));
        var hors = await CompterAsync(faits.Where(f => f.CommuneCode == null || !communes.Any(c => c.CommuneCode == f.CommuneCode)), cancellationToken);
        var total = await CompterAsync(faits, cancellationToken);

        var lignesTerritoires = (await TerritoiresAsync(departementId, typeTerritoire, cancellationToken))
            .Select(t => Ligne(t.Nom, t.Nom, parTerritoire.GetValueOrDefault(t.Id) ?? new Dictionary<TCle, int>()))
            .Append(Ligne(LibelleHorsTerritoire, LibelleHorsTerritoire, hors))
            .ToList();
        return new TableauChiffres(figure, ventilation, periode, periode.Fin, "Territoire", colonnes, lignesTerritoires,
            Ligne("", "Ensemble du département", total));
    }

    /// <summary>People counted once each, per column: two designations or two contracts covering the same day make one person.</summary>
    private static async Task<IReadOnlyDictionary<TCle, int>> CompterAsync<TCle>(IQueryable<Fait<TCle>> faits, CancellationToken cancellationToken)
        where TCle : notnull =>
        await faits
            .Select(f => new { f.BeneficiaireId, f.Colonne })
            .Distinct()
            .GroupBy(f => f.Colonne)
            .Select(g => new { g.Key, Nombre = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Nombre, cancellationToken);

    private static async Task<List<GroupeDelai>> GrouperAsync(IQueryable<FaitDelai> faits, CancellationToken cancellationToken) =>
        (await faits
            .GroupBy(f => new { f.Delai, f.HorsDelai })
            .Select(g => new { g.Key.Delai, g.Key.HorsDelai, Nombre = g.Count() })
            .ToListAsync(cancellationToken))
        .Select(g => new GroupeDelai(g.Delai, g.HorsDelai, g.Nombre))
        .ToList();

    private static LigneChiffres LigneDelai(string code, string libelle, IReadOnlyCollection<GroupeDelai> groupes)
    {
        var dans = groupes.Where(g => !g.HorsDelai).Sum(g => g.Nombre);
        var hors = groupes.Where(g => g.HorsDelai).Sum(g => g.Nombre);
        var total = dans + hors;
        decimal? part = total == 0 ? null : Math.Round(100m * dans / total, 1, MidpointRounding.AwayFromZero);
        return new LigneChiffres(code, libelle, [dans, hors, total, part, Mediane(groupes.Select(g => (g.Delai, g.Nombre)))]);
    }

    private Task<List<TerritoireLigne>> TerritoiresAsync(Guid departementId, TypeTerritoire typeTerritoire, CancellationToken cancellationToken) =>
        DuDepartement<Territoire>(departementId)
            .Where(t => t.Type == typeTerritoire)
            .OrderBy(t => t.Nom).ThenBy(t => t.Id)
            .Select(t => new TerritoireLigne(t.Id, t.Nom))
            .ToListAsync(cancellationToken);

    private IQueryable<CommuneDeTerritoire> CommunesDesTerritoires(Guid departementId, TypeTerritoire typeTerritoire) =>
        DuDepartement<Territoire>(departementId)
            .Where(t => t.Type == typeTerritoire)
            .SelectMany(t => t.Communes, (t, c) => new CommuneDeTerritoire { TerritoireId = t.Id, CommuneCode = c.CommuneCode });

    /// <summary>The people of the département, each once: a dossier merged into another is counted under the kept one.</summary>
    private IQueryable<Beneficiaire> Personnes(Guid departementId) =>
        DuDepartement<Beneficiaire>(departementId).Where(b => b.FusionneDansId == null);

    /// <summary>The one place where figures leave the ambient tenant filter for the département they are given.</summary>
    private IQueryable<T> DuDepartement<T>(Guid departementId) where T : class, IAppartientAuDepartement =>
        db.Set<T>().IgnoreQueryFilters([PasserelleDbContext.FiltreDepartement]).AsNoTracking().Where(x => x.DepartementId == departementId);

    private sealed record TerritoireLigne(Guid Id, string Nom);

    private sealed record GroupeDelai(int Delai, bool HorsDelai, int Nombre);

    /// <summary>A person counted in a column; member-initialised so that EF Core can compose queries over it.</summary>
    private sealed class Fait<TCle>
    {
        public Guid BeneficiaireId { get; init; }
        public string? CommuneCode { get; init; }
        public TCle Colonne { get; init; } = default!;
    }

    private sealed class FaitDelai
    {
        public string? CommuneCode { get; init; }
        public int Delai { get; init; }
        public bool HorsDelai { get; init; }
    }

    private sealed class CommuneDeTerritoire
    {
        public Guid TerritoireId { get; init; }
        public string? CommuneCode { get; init; }
    }
}
