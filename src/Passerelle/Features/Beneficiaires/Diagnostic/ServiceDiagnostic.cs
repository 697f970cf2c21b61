using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Plateforme;
using Passerelle.Infrastructure.Audit;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.Beneficiaires.Diagnostic;

/// <summary>A theme of the département's list "themes-freins".</summary>
public sealed record ThemeFrein(string Code, string Libelle, bool Actif);

/// <summary>The latest evaluation of one theme.</summary>
public sealed record EtatTheme(string Theme, string LibelleTheme, NiveauFrein Niveau, DateOnly Date, string? Commentaire, string? Auteur)
{
    public string LibelleNiveau => Niveau.Libelle();
}

/// <summary>One theme's level at each date of <see cref="VueDiagnostic.Dates"/>; null where the theme was not evaluated that day.</summary>
public sealed record SerieTheme(string Theme, string LibelleTheme, IReadOnlyList<NiveauFrein?> Niveaux);

/// <summary>
/// The diagnostic of barriers of one person, as the dossier and the diagnostic page show it: the latest
/// evaluation per theme, and the history as one series per theme over the dates of evaluation.
/// </summary>
public sealed record VueDiagnostic(Guid BeneficiaireId, IReadOnlyList<EtatTheme> Derniers, IReadOnlyList<DateOnly> Dates, IReadOnlyList<SerieTheme> Series)
{
    public bool EstVide => Derniers.Count == 0;

    /// <summary>What wwwroot/js/diagnostic.js draws: the same numbers as the table, nothing more.</summary>
    public string DonneesGraphique() => JsonSerializer.Serialize(new
    {
        dates = Dates.Select(d => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)),
        niveaux = Enum.GetValues<NiveauFrein>().Select(n => n.Libelle()),
        series = Series.Select(s => new { libelle = s.LibelleTheme, valeurs = s.Niveaux.Select(n => (int?)n) }),
    });
}

/// <summary>One theme of an evaluation session as typed: no level means the theme was not evaluated.</summary>
public sealed record EvaluationSaisie(string Theme, NiveauFrein? Niveau, string? Commentaire);

public enum ChampDiagnostic
{
    Formulaire,
    Date,
    Niveau,
    Commentaire,
}

/// <summary>A refused input, with the field it belongs to (and its theme) so that the form shows it there.</summary>
public sealed record ErreurDiagnostic(ChampDiagnostic Champ, string? Theme, string Message);

/// <summary>Reads and adds the dated evaluations of a person's barriers. Callers check the scope first (<see cref="PerimetreDossiers"/>).</summary>
public sealed class ServiceDiagnostic(PasserelleDbContext db, PerimetreDossiers perimetre, AgentCourant agentCourant, Journal journal, TimeProvider temps)
{
    private List<ThemeFrein>? _themes;

    /// <summary>The whole list, inactive themes included: old evaluations keep their label.</summary>
    /// <remarks>Read once per request: the dossier page's diagnostic and orientation sections both need it.</remarks>
    public async Task<List<ThemeFrein>> ThemesAsync(CancellationToken cancellationToken = default) =>
        _themes ??= await db.ValeursReference.AsNoTracking()
            .Where(v => v.Liste == ParametrageInitial.Listes.ThemesFreins)
            .OrderBy(v => v.Ordre).ThenBy(v => v.Code)
            .Select(v => new ThemeFrein(v.Code, v.Libelle, v.Actif))
            .ToListAsync(cancellationToken);

    public async Task<VueDiagnostic> LireAsync(Guid beneficiaireId, CancellationToken cancellationToken = default)
    {
        var evaluations = await db.EvaluationsFreins.AsNoTracking()
            .Where(e => e.BeneficiaireId == beneficiaireId)
            .Select(e => new { e.Theme, e.Date, e.InstantSaisie, e.Niveau, e.Commentaire, e.AgentId })
            .ToListAsync(cancellationToken);
        if (evaluations.Count == 0)
        {
            return new VueDiagnostic(beneficiaireId, [], [], []);
        }

        var themes = await ThemesAsync(cancellationToken);
        var agentIds = evaluations.Where(e => e.AgentId is not null).Select(e => e.AgentId!.Value).Distinct().ToList();
        var auteurs = await db.Users.AsNoTracking()
            .Where(a => agentIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Prenom, a.Nom })
            .ToDictionaryAsync(a => a.Id, a => $"{a.Prenom} {a.Nom}", cancellationToken);

        // Themes in the list's order; a code no longer in the list (never expected) comes last under its code.
        var rang = themes.Select((t, i) => (t.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        var libelles = themes.ToDictionary(t => t.Code, t => t.Libelle, StringComparer.Ordinal);
        var parTheme = evaluations
            .GroupBy(e => e.Theme, StringComparer.Ordinal)
            .OrderBy(g => rang.GetValueOrDefault(g.Key, int.MaxValue)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        var dates = evaluations.Select(e => e.Date).Distinct().Order().ToList();

        var derniers = new List<EtatTheme>();
        var series = new List<SerieTheme>();
        foreach (var groupe in parTheme)
        {
            var libelle = libelles.GetValueOrDefault(groupe.Key, groupe.Key);
            // Two sessions on the same day: the one typed last is the day's level.
            var parDate = groupe.GroupBy(e => e.Date).ToDictionary(g => g.Key, g => g.MaxBy(e => e.InstantSaisie)!);
            var dernier = parDate[parDate.Keys.Max()];
            derniers.Add(new EtatTheme(groupe.Key, libelle, dernier.Niveau, dernier.Date, dernier.Commentaire,
                dernier.AgentId is { } agentId ? auteurs.GetValueOrDefault(agentId) : null));
            series.Add(new SerieTheme(groupe.Key, libelle, dates.Select(d => parDate.TryGetValue(d, out var e) ? e.Niveau : (NiveauFrein?)null).ToList()));
        }

        return new VueDiagnostic(beneficiaireId, derniers, dates, series);
    }

    /// <summary>Everything wrong with an evaluation session, each with its field; empty when it may be saved.</summary>
    public async Task<List<ErreurDiagnostic>> VerifierAsync(
        Guid beneficiaireId, DateOnly date, IReadOnlyCollection<EvaluationSaisie> saisies, CancellationToken cancellationToken = default)
    {
        var erreurs = new List<ErreurDiagnostic>();
        var naissance = await (await perimetre.VisiblesAsync(cancellationToken))
            .Where(b => b.Id == beneficiaireId)
            .Select(b => (DateOnly?)b.DateNaissance)
            .SingleOrDefaultAsync(cancellationToken);
        if (naissance is null)
        {
            erreurs.Add(new(ChampDiagnostic.Formulaire, null, "Ce dossier n'existe pas ou ne fait pas partie de vos dossiers."));
            return erreurs;
        }

        if (date > await AujourdhuiAsync(cancellationToken))
        {
            erreurs.Add(new(ChampDiagnostic.Date, null, "La date de l'évaluation ne peut pas être dans le futur."));
        }
        else if (date < naissance)
        {
            erreurs.Add(new(ChampDiagnostic.Date, null, "La date de l'évaluation ne peut pas précéder la date de naissance de la personne."));
        }

        var themes = (await ThemesAsync(cancellationToken)).ToDictionary(t => t.Code, StringComparer.Ordinal);
        if (saisies.GroupBy(s => s.Theme, StringComparer.Ordinal).Any(g => g.Count() > 1))
        {
            erreurs.Add(new(ChampDiagnostic.Formulaire, null, "Un thème n'est évalué qu'une fois par évaluation."));
        }

        foreach (var saisie in saisies.DistinctBy(s => s.Theme, StringComparer.Ordinal))
        {
            var renseigne = saisie.Niveau is not null || !string.IsNullOrWhiteSpace(saisie.Commentaire);
            if (!themes.TryGetValue(saisie.Theme, out var theme))
            {
                if (renseigne)
                {
                    erreurs.Add(new(ChampDiagnostic.Formulaire, null, "Choisissez des thèmes de la liste de votre département."));
                }

                continue;
            }

            if (renseigne && !theme.Actif)
            {
                erreurs.Add(new(ChampDiagnostic.Formulaire, null, $"Le thème « {theme.Libelle} » n'est plus proposé par votre département."));
                continue;
            }

            if (saisie.Niveau is { } niveau && !Enum.IsDefined(niveau))
            {
                erreurs.Add(new(ChampDiagnostic.Niveau, theme.Code, $"Choisissez un niveau de la liste pour le thème « {theme.Libelle} »."));
            }
            else if (saisie.Niveau is null && renseigne)
            {
                // A comment alone would be silently lost: the agent chooses a level or removes the comment.
                erreurs.Add(new(ChampDiagnostic.Niveau, theme.Code, $"Choisissez le niveau du thème « {theme.Libelle} », ou effacez son commentaire."));
            }

            if (saisie.Commentaire?.Trim().Length > EvaluationFrein.LongueurCommentaire)
            {
                erreurs.Add(new(ChampDiagnostic.Commentaire, theme.Code,
                    $"Le commentaire du thème « {theme.Libelle} » ne dépasse pas {EvaluationFrein.LongueurCommentaire} caractères."));
            }
        }

        if (!saisies.Any(s => s.Niveau is not null))
        {
            erreurs.Add(new(ChampDiagnostic.Formulaire, null, "Évaluez au moins un thème : choisissez son niveau."));
        }

        return erreurs.Distinct().ToList();
    }

    /// <summary>Adds one evaluation session: a row per evaluated theme, saved together with its journal line. Returns the number of themes evaluated.</summary>
    public async Task<int> AjouterAsync(
        Guid beneficiaireId, DateOnly date, IReadOnlyCollection<EvaluationSaisie> saisies, CancellationToken cancellationToken = default)
    {
        if ((await VerifierAsync(beneficiaireId, date, saisies, cancellationToken)).FirstOrDefault() is { } erreur)
        {
            throw new RegleMetierException(erreur.Message);
        }

        var departementId = db.DepartementCourantId ?? throw new InvalidOperationException("Aucun département courant.");
        var instant = temps.GetUtcNow().UtcDateTime;
        var evaluees = saisies.Where(s => s.Niveau is not null).ToList();
        foreach (var saisie in evaluees)
        {
            db.EvaluationsFreins.Add(new EvaluationFrein(
                departementId, beneficiaireId, date, saisie.Theme, saisie.Niveau!.Value, saisie.Commentaire, agentCourant.Id, instant));
        }

        journal.Ajouter(ActionJournal.Modification, nameof(Beneficiaire), beneficiaireId);
        await db.SaveChangesAsync(cancellationToken);
        return evaluees.Count;
    }

    /// <summary>Today in the département's time zone: an evaluation typed late in the evening is not "in the future" in UTC terms.</summary>
    private async Task<DateOnly> AujourdhuiAsync(CancellationToken cancellationToken)
    {
        var departementId = db.DepartementCourantId;
        var fuseau = await db.Departements.AsNoTracking()
            .Where(d => d.Id == departementId)
            .Select(d => d.FuseauHoraire)
            .SingleAsync(cancellationToken);
        return temps.Aujourdhui(TimeZoneInfo.FindSystemTimeZoneById(fuseau));
    }
}
