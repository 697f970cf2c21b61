using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Passerelle.Domain;

namespace Passerelle.Features.Chiffres;

/// <summary>
/// The figures of the actions of insertion: what the prescriptions became (answers, entries, presence, hours, exits,
/// follow-ups) per action or per fiche-action, and the Agenda 21 indicators per month or per territory. Counted by
/// the database like the parcours figures, with the département as a parameter.
/// <para>
/// Every prescription is one fact, carried with the person it is about and the row it counts in. A dossier merged
/// into another is counted as the kept person (the merge leaves the prescriptions where they were), so that people
/// are counted once; a chosen territory keeps the people whose kept dossier has a commune in it. The total row is
/// the same aggregate over all the facts, grouped on the département they all share.
/// </para>
/// </summary>
public sealed partial class CatalogueChiffres
{
    public const string LibelleEnsembleActions = "Ensemble des actions";

    private static readonly CultureInfo Francais = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>
    /// The figures with a chosen territory: <paramref name="territoireId"/> restricts the figures of the actions to the
    /// people who live there (ignored when the rows are territories); the parcours figures do not take it.
    /// </summary>
    public Task<TableauChiffres> CalculerAsync(
        string code, Guid departementId, PeriodeChiffres periode, Ventilation ventilation, TypeTerritoire typeTerritoire, Guid? territoireId,
        CancellationToken cancellationToken = default) => code switch
        {
            RegistreChiffres.ActiviteActions => ActiviteActionsAsync(departementId, periode, ventilation, territoireId, cancellationToken),
            RegistreChiffres.SortiesActions => SortiesActionsAsync(departementId, periode, ventilation, territoireId, cancellationToken),
            RegistreChiffres.SuivisActions => SuivisActionsAsync(departementId, periode, ventilation, territoireId, cancellationToken),
            RegistreChiffres.Agenda21 => Agenda21Async(departementId, periode, ventilation, typeTerritoire, territoireId, cancellationToken),
            _ => CalculerAsync(code, departementId, periode, ventilation, typeTerritoire, cancellationToken),
        };

    public async Task<TableauChiffres> ActiviteActionsAsync(
        Guid departementId, PeriodeChiffres periode, Ventilation ventilation, Guid? territoireId, CancellationToken cancellationToken = default)
    {
        var figure = RegistreChiffres.Obtenir(RegistreChiffres.ActiviteActions);
        var (du, au) = (periode.PremierMois, periode.Fin);
        var faits = FaitsPrescriptions(departementId, ventilation, territoireId);
        List<ColonneChiffres> colonnes =
        [
            new("Prescriptions envoyées", GenreColonne.Effectif),
            new("Acceptées", GenreColonne.Effectif),
            new("Refusées", GenreColonne.Effectif),
            new("Mises en liste d'attente", GenreColonne.Effectif),
            new("Entrées", GenreColonne.Effectif),
            new("Personnes présentes", GenreColonne.Effectif),
            new("Heures réalisées", GenreColonne.Heures, [5]),
        ];

        var activite = Activite(du, au);
        var parLigne = await faits.GroupBy(f => f.Ligne).Select(activite).ToDictionaryAsync(c => c.Ligne, cancellationToken);
        var ensemble = await Ensemble(faits).GroupBy(f => f.Ligne).Select(activite).SingleOrDefaultAsync(cancellationToken);

        // Hours are rows of their own: summed per row in the database, in minutes (integers sum exactly on SQLite).
        var heures = DuDepartement<HeuresRealisees>(departementId).Where(h => h.Date >= du && h.Date <= au);
        IQueryable<MinutesLigne> Minutes(IQueryable<FaitPrescription> source) =>
            from h in heures
            join f in source on h.PrescriptionId equals f.PrescriptionId
            group h.Minutes by f.Ligne into g
            select new MinutesLigne { Ligne = g.Key, Minutes = g.Sum() };
        var minutes = await Minutes(faits).ToDictionaryAsync(m => m.Ligne, m => m.Minutes, cancellationToken);
        var minutesEnsemble = await Minutes(Ensemble(faits)).Select(m => (int?)m.Minutes).SingleOrDefaultAsync(cancellationToken);

        static LigneChiffres Ligne(string code, string libelle, ComptesActivite? c, int? minutes) =>
            new(code, libelle,
            [
                c?.Envoyees ?? 0, c?.Acceptees ?? 0, c?.Refusees ?? 0, c?.EnAttente ?? 0, c?.Entrees ?? 0, c?.Presentes ?? 0,
                Math.Round((minutes ?? 0) / 60m, 2, MidpointRounding.AwayFromZero),
            ]);

        var lignes = (await LignesActionsAsync(departementId, ventilation, cancellationToken))
            .Select(l => Ligne(l.Libelle, l.Libelle, parLigne.GetValueOrDefault(l.Id), minutes.TryGetValue(l.Id, out var m) ? m : null))
            .ToList();
        return new TableauChiffres(figure, ventilation, periode, null, EnTete(ventilation), colonnes, lignes,
            Ligne("", LibelleEnsembleActions, ensemble, minutesEnsemble));
    }

    public Task<TableauChiffres> SortiesActionsAsync(
        Guid departementId, PeriodeChiffres periode, Ventilation ventilation, Guid? territoireId, CancellationToken cancellationToken = default)
    {
        var (du, au) = (periode.PremierMois, periode.Fin);
        return ParColonneAsync(
            RegistreChiffres.Obtenir(RegistreChiffres.SortiesActions), departementId, periode, ventilation, "Sorties",
            [
                (IssueSortie.EmploiDurable, "Emploi durable"),
                (IssueSortie.EmploiTransition, "Emploi de transition"),
                (IssueSortie.FormationQualifiante, "Formation qualifiante"),
                (IssueSortie.AutreAction, "Autre action d'insertion"),
                (IssueSortie.AutreSortie, "Autre sortie"),
                (IssueSortie.Abandon, "Abandon"),
            ],
            FaitsPrescriptions(departementId, ventilation, territoireId)
                .Where(f => f.SortieLe >= du && f.SortieLe <= au && f.Issue != null)
                .Select(f => new FaitColonne<IssueSortie> { Ligne = f.Ligne, DepartementId = f.DepartementId, Colonne = f.Issue!.Value }),
            cancellationToken);
    }

    public Task<TableauChiffres> SuivisActionsAsync(
        Guid departementId, PeriodeChiffres periode, Ventilation ventilation, Guid? territoireId, CancellationToken cancellationToken = default)
    {
        var (du, au) = (periode.PremierMois, periode.Fin);
        return ParColonneAsync(
            RegistreChiffres.Obtenir(RegistreChiffres.SuivisActions), departementId, periode, ventilation, "Suivis renseignés",
            [
                (SituationSuivi.EmploiDurable, "En emploi durable"),
                (SituationSuivi.EmploiTransition, "En emploi de transition"),
                (SituationSuivi.Formation, "En formation"),
                (SituationSuivi.RechercheEmploi, "En recherche d'emploi"),
                (SituationSuivi.Autre, "Autre situation"),
                (SituationSuivi.SansNouvelles, "Sans nouvelles"),
            ],
            FaitsPrescriptions(departementId, ventilation, territoireId)
                .Where(f => f.SuiviLe >= du && f.SuiviLe <= au && f.Situation != null)
                .Select(f => new FaitColonne<SituationSuivi> { Ligne = f.Ligne, DepartementId = f.DepartementId, Colonne = f.Situation!.Value }),
            cancellationToken);
    }

    public async Task<TableauChiffres> Agenda21Async(
        Guid departementId, PeriodeChiffres periode, Ventilation ventilation, TypeTerritoire typeTerritoire, Guid? territoireId,
        CancellationToken cancellationToken = default)
    {
        var figure = RegistreChiffres.Obtenir(RegistreChiffres.Agenda21);
        List<ColonneChiffres> colonnes =
        [
            new("Personnes participant à une action d'insertion", GenreColonne.Effectif),
            new("Personnes sorties d'une action", GenreColonne.Effectif),
            new("dont emploi durable ou formation qualifiante", GenreColonne.Effectif),
            new("Part des sorties en emploi durable ou formation qualifiante", GenreColonne.Part, [1, 2]),
        ];

        static LigneChiffres Ligne(string code, string libelle, ComptesAgenda? c)
        {
            var sorties = c?.Sorties ?? 0;
            var positives = c?.Positives ?? 0;
            decimal? part = sorties == 0 ? null : Math.Round(100m * positives / sorties, 1, MidpointRounding.AwayFromZero);
            return new LigneChiffres(code, libelle, [c?.Participants ?? 0, sorties, positives, part]);
        }

        if (ventilation == Ventilation.Mois)
        {
            var faits = FaitsPrescriptions(departementId, Ventilation.Action, territoireId);
            var lignes = new List<LigneChiffres>();
            foreach (var mois in periode.Mois)
            {
                var comptes = await Ensemble(faits).GroupBy(f => f.Ligne).Select(Agenda(mois, periode.Observation(mois))).SingleOrDefaultAsync(cancellationToken);
                lignes.Add(Ligne(PeriodeChiffres.Code(mois), PeriodeChiffres.Libelle(mois), comptes));
            }

            // Counted again over the whole period, not added up: a person present in two months is one participant.
            var periodeEntiere = await Ensemble(faits).GroupBy(f => f.Ligne).Select(Agenda(periode.PremierMois, periode.Fin)).SingleOrDefaultAsync(cancellationToken);
            return new TableauChiffres(figure, ventilation, periode, null, "Mois", colonnes, lignes, Ligne("", "Ensemble de la période", periodeEntiere));
        }

        if (ventilation != Ventilation.Territoire)
        {
            throw new ArgumentOutOfRangeException(nameof(ventilation), ventilation, "Ce chiffre se ventile par mois ou par territoire.");
        }

        // Rows are territories: the chosen territory does not restrict them.
        var tous = FaitsPrescriptions(departementId, Ventilation.Action, null);
        var communes = CommunesDesTerritoires(departementId, typeTerritoire);
        var agenda = Agenda(periode.PremierMois, periode.Fin);
        var parTerritoire = await tous
            .Join(communes, f => f.CommuneCode, c => c.CommuneCode, (f, c) => new FaitPrescription
            {
                PrescriptionId = f.PrescriptionId, DepartementId = f.DepartementId, Ligne = c.TerritoireId, PersonneId = f.PersonneId,
                CommuneCode = f.CommuneCode, Etat = f.Etat, EnvoyeeLe = f.EnvoyeeLe, AccepteeLe = f.AccepteeLe, RefuseeLe = f.RefuseeLe,
                MiseEnAttenteLe = f.MiseEnAttenteLe, EntreeLe = f.EntreeLe, SortieLe = f.SortieLe, Issue = f.Issue, SuiviLe = f.SuiviLe,
                Situation = f.Situation,
            })
            .GroupBy(f => f.Ligne).Select(agenda)
            .ToDictionaryAsync(c => c.Ligne, cancellationToken);
        var hors = await Ensemble(tous.Where(f => f.CommuneCode == null || !communes.Any(c => c.CommuneCode == f.CommuneCode)))
            .GroupBy(f => f.Ligne).Select(agenda).SingleOrDefaultAsync(cancellationToken);
        var total = await Ensemble(tous).GroupBy(f => f.Ligne).Select(agenda).SingleOrDefaultAsync(cancellationToken);

        var lignesTerritoires = (await TerritoiresAsync(departementId, typeTerritoire, cancellationToken))
            .Select(t => Ligne(t.Nom, t.Nom, parTerritoire.GetValueOrDefault(t.Id)))
            .Append(Ligne(LibelleHorsTerritoire, LibelleHorsTerritoire, hors))
            .ToList();
        return new TableauChiffres(figure, ventilation, periode, null, "Territoire", colonnes, lignesTerritoires,
            Ligne("", "Ensemble du département", total));
    }

    /// <summary>A table of counts per row and per value of one column (an issue, a situation), with a total column and row.</summary>
    private async Task<TableauChiffres> ParColonneAsync<TCle>(
        Figure figure, Guid departementId, PeriodeChiffres periode, Ventilation ventilation, string libelleTotal,
        List<(TCle Cle, string Libelle)> valeurs, IQueryable<FaitColonne<TCle>> faits, CancellationToken cancellationToken)
        where TCle : struct
    {
        var colonnes = valeurs.Select(v => new ColonneChiffres(v.Libelle, GenreColonne.Effectif))
            .Append(new ColonneChiffres(libelleTotal, GenreColonne.Total))
            .ToList();
        var parLigne = (await faits
                .GroupBy(f => new { f.Ligne, f.Colonne })
                .Select(g => new { g.Key.Ligne, g.Key.Colonne, Nombre = g.Count() })
                .ToListAsync(cancellationToken))
            .ToLookup(x => x.Ligne, x => (x.Colonne, x.Nombre));
        var ensemble = await faits
            .GroupBy(f => new { f.DepartementId, f.Colonne })
            .Select(g => new { g.Key.Colonne, Nombre = g.Count() })
            .ToListAsync(cancellationToken);

        LigneChiffres Ligne(string code, string libelle, IEnumerable<(TCle Colonne, int Nombre)> comptes)
        {
            var parColonne = comptes.ToDictionary(c => c.Colonne, c => c.Nombre);
            var nombres = valeurs.Select(v => parColonne.GetValueOrDefault(v.Cle)).ToList();
            return new LigneChiffres(code, libelle, [.. nombres.Select(n => (decimal?)n), nombres.Sum()]);
        }

        var lignes = (await LignesActionsAsync(departementId, ventilation, cancellationToken))
            .Select(l => Ligne(l.Libelle, l.Libelle, parLigne[l.Id]))
            .ToList();
        return new TableauChiffres(figure, ventilation, periode, null, EnTete(ventilation), colonnes, lignes,
            Ligne("", LibelleEnsembleActions, ensemble.Select(e => (e.Colonne, e.Nombre))));
    }

    private static string EnTete(Ventilation ventilation) => ventilation == Ventilation.FicheAction ? "Fiche-action" : "Action";

    /// <summary>
    /// The département's actions, or its fiches-actions that have one, in the order of the programmes. When actions belong
    /// to two programmes (the past PDI and the current one), a fiche is named with its programme: both may number it alike.
    /// </summary>
    private async Task<List<LigneAction>> LignesActionsAsync(Guid departementId, Ventilation ventilation, CancellationToken cancellationToken)
    {
        if (ventilation is not (Ventilation.Action or Ventilation.FicheAction))
        {
            throw new ArgumentOutOfRangeException(nameof(ventilation), ventilation, "Ce chiffre se ventile par action ou par fiche-action.");
        }

        var actions = await (
                from a in DuDepartement<ActionInsertion>(departementId)
                join s in DuDepartement<Structure>(departementId) on a.StructureId equals s.Id
                join f in DuDepartement<FicheAction>(departementId) on a.FicheActionId equals f.Id
                join x in DuDepartement<Axe>(departementId) on f.AxeId equals x.Id
                join p in DuDepartement<Programme>(departementId) on x.ProgrammeId equals p.Id
                select new
                {
                    a.Id, a.Nom, Structure = s.Nom, FicheId = f.Id, f.Numero, f.Intitule, f.Ordre, AxeOrdre = x.Ordre, ProgrammeId = p.Id,
                    Programme = p.Intitule, p.Debut,
                })
            .ToListAsync(cancellationToken);
        var comparateur = StringComparer.Create(Francais, CompareOptions.IgnoreCase);
        var triees = actions
            .OrderBy(a => a.Debut).ThenBy(a => a.Programme, comparateur).ThenBy(a => a.ProgrammeId)
            .ThenBy(a => a.AxeOrdre).ThenBy(a => a.Ordre).ThenBy(a => a.Numero, comparateur).ThenBy(a => a.FicheId)
            .ThenBy(a => a.Nom, comparateur).ThenBy(a => a.Structure, comparateur).ThenBy(a => a.Id)
            .ToList();
        var plusieursProgrammes = triees.Select(a => a.ProgrammeId).Distinct().Skip(1).Any();
        return ventilation == Ventilation.Action
            ? triees.Select(a => new LigneAction(a.Id, $"{a.Nom} ({a.Structure})")).ToList()
            : triees.DistinctBy(a => a.FicheId)
                .Select(a => new LigneAction(a.FicheId, plusieursProgrammes ? $"{a.Numero} {a.Intitule} ({a.Programme})" : $"{a.Numero} {a.Intitule}"))
                .ToList();
    }

    /// <summary>
    /// The département's prescriptions of its own actions, each with its person and the row it counts in (its action or
    /// its fiche-action), for the people of <paramref name="territoireId"/> when given.
    /// </summary>
    private IQueryable<FaitPrescription> FaitsPrescriptions(Guid departementId, Ventilation ventilation, Guid? territoireId)
    {
        var actions = DuDepartement<ActionInsertion>(departementId);
        // The row key is chosen here, as two different projections, so that the SQL groups on a plain column.
        var lignes = ventilation == Ventilation.FicheAction
            ? actions.Select(a => new CleAction { ActionId = a.Id, Ligne = a.FicheActionId })
            : actions.Select(a => new CleAction { ActionId = a.Id, Ligne = a.Id });

        var beneficiaires = DuDepartement<Beneficiaire>(departementId);
        var personnes =
            from b in beneficiaires
            join k in beneficiaires on b.FusionneDansId ?? b.Id equals k.Id
            select new PersonneDuDossier { DossierId = b.Id, PersonneId = k.Id, CommuneCode = k.CommuneCode };
        if (territoireId is { } id)
        {
            var communes = DuDepartement<Territoire>(departementId).Where(t => t.Id == id).SelectMany(t => t.Communes).Select(c => c.CommuneCode);
            personnes = personnes.Where(x => communes.Contains(x.CommuneCode!));
        }

        return
            from p in DuDepartement<Prescription>(departementId)
            join l in lignes on p.ActionId equals l.ActionId
            join x in personnes on p.BeneficiaireId equals x.DossierId
            select new FaitPrescription
            {
                PrescriptionId = p.Id, DepartementId = p.DepartementId, Ligne = l.Ligne, PersonneId = x.PersonneId, CommuneCode = x.CommuneCode,
                Etat = p.Etat, EnvoyeeLe = p.EnvoyeeLe, AccepteeLe = p.AccepteeLe, RefuseeLe = p.RefuseeLe, MiseEnAttenteLe = p.MiseEnAttenteLe,
                EntreeLe = p.EntreeLe, SortieLe = p.SortieLe, Issue = p.Issue, SuiviLe = p.SuiviLe, Situation = p.Situation,
            };
    }

    /// <summary>The same facts in one row: the département they all share is the key of the total.</summary>
    private static IQueryable<FaitPrescription> Ensemble(IQueryable<FaitPrescription> faits) =>
        faits.Select(f => new FaitPrescription
        {
            PrescriptionId = f.PrescriptionId, DepartementId = f.DepartementId, Ligne = f.DepartementId, PersonneId = f.PersonneId,
            CommuneCode = f.CommuneCode, Etat = f.Etat, EnvoyeeLe = f.EnvoyeeLe, AccepteeLe = f.AccepteeLe, RefuseeLe = f.RefuseeLe,
            MiseEnAttenteLe = f.MiseEnAttenteLe, EntreeLe = f.EntreeLe, SortieLe = f.SortieLe, Issue = f.Issue, SuiviLe = f.SuiviLe,
            Situation = f.Situation,
        });

    /// <summary>
    /// The counts of the activity from <paramref name="du"/> to <paramref name="au"/> included. A refusal carries no date of
    /// its own: it is counted on the date of the operator's first answer, its own or the waiting list's before it.
    /// </summary>
    private static Expression<Func<IGrouping<Guid, FaitPrescription>, ComptesActivite>> Activite(DateOnly du, DateOnly au) =>
        g => new ComptesActivite
        {
            Ligne = g.Key,
            Envoyees = g.Count(f => f.EnvoyeeLe >= du && f.EnvoyeeLe <= au),
            Acceptees = g.Count(f => f.AccepteeLe >= du && f.AccepteeLe <= au),
            Refusees = g.Count(f => f.Etat == EtatPrescription.Refusee && f.RefuseeLe >= du && f.RefuseeLe <= au),
            EnAttente = g.Count(f => f.MiseEnAttenteLe >= du && f.MiseEnAttenteLe <= au),
            Entrees = g.Count(f => f.EntreeLe >= du && f.EntreeLe <= au),
            Presentes = g.Where(f => f.EntreeLe <= au && (f.SortieLe == null || f.SortieLe >= du)).Select(f => f.PersonneId).Distinct().Count(),
        };

    /// <summary>The Agenda 21 counts from <paramref name="du"/> to <paramref name="au"/> included, each person once.</summary>
    private static Expression<Func<IGrouping<Guid, FaitPrescription>, ComptesAgenda>> Agenda(DateOnly du, DateOnly au) =>
        g => new ComptesAgenda
        {
            Ligne = g.Key,
            Participants = g.Where(f => f.EntreeLe <= au && (f.SortieLe == null || f.SortieLe >= du)).Select(f => f.PersonneId).Distinct().Count(),
            Sorties = g.Where(f => f.SortieLe >= du && f.SortieLe <= au).Select(f => f.PersonneId).Distinct().Count(),
            Positives = g.Where(f => f.SortieLe >= du && f.SortieLe <= au
                    && (f.Issue == IssueSortie.EmploiDurable || f.Issue == IssueSortie.FormationQualifiante))
                .Select(f => f.PersonneId).Distinct().Count(),
        };

    private sealed record LigneAction(Guid Id, string Libelle);

    // Member-initialised classes rather than records: EF Core composes queries over them.
    private sealed class CleAction
    {
        public Guid ActionId { get; init; }
        public Guid Ligne { get; init; }
    }

    private sealed class PersonneDuDossier
    {
        public Guid DossierId { get; init; }
        public Guid PersonneId { get; init; }
        public string? CommuneCode { get; init; }
    }

    private sealed class FaitPrescription
    {
        public Guid PrescriptionId { get; init; }
        public Guid DepartementId { get; init; }
        public Guid Ligne { get; init; }
        public Guid PersonneId { get; init; }
        public string? CommuneCode { get; init; }
        public EtatPrescription Etat { get; init; }
        public DateOnly EnvoyeeLe { get; init; }
        public DateOnly? AccepteeLe { get; init; }
        public DateOnly? RefuseeLe { get; init; }
        public DateOnly? MiseEnAttenteLe { get; init; }
        public DateOnly? EntreeLe { get; init; }
        public DateOnly? SortieLe { get; init; }
        public IssueSortie? Issue { get; init; }
        public DateOnly? SuiviLe { get; init; }
        public SituationSuivi? Situation { get; init; }
    }

    private sealed class FaitColonne<TCle>
    {
        public Guid Ligne { get; init; }
        public Guid DepartementId { get; init; }
        public TCle Colonne { get; init; } = default!;
    }

    private sealed class MinutesLigne
    {
        public Guid Ligne { get; init; }
        public int Minutes { get; init; }
    }

    private sealed class ComptesActivite
    {
        public Guid Ligne { get; init; }
        public int Envoyees { get; init; }
        public int Acceptees { get; init; }
        public int Refusees { get; init; }
        public int EnAttente { get; init; }
        public int Entrees { get; init; }
        public int Presentes { get; init; }
    }

    private sealed class ComptesAgenda
    {
        public Guid Ligne { get; init; }
        public int Participants { get; init; }
        public int Sorties { get; init; }
        public int Positives { get; init; }
    }
}
