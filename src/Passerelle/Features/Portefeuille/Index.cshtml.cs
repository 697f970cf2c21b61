using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Beneficiaires;
using Passerelle.Features.Referents;
using Passerelle.Features.Shared;
using Passerelle.Infrastructure.Audit;
using Passerelle.Infrastructure.Auth;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.Portefeuille;

/// <summary>
/// The caseload with its alerts: a référent's own people and those of the référents he replaces today; for a
/// Responsable, the people followed by his structure's référents, or by one of them. The filters and the sort
/// travel in the query string (no name there); the export is a POST, since it writes to the journal.
/// </summary>
[Authorize(Roles = nameof(Role.Referent) + "," + nameof(Role.Responsable))]
public sealed class IndexModel(
    PasserelleDbContext db, PerimetreDossiers perimetre, AlertesSuivi alertes, ServiceReferents referents, Journal journal, AgentCourant agentCourant,
    TimeProvider temps) : PageModel
{
    /// <summary>Filter value for "at least one alert", next to each kind of alert.</summary>
    public const string AvecAlerte = "toutes";

    [BindProperty(SupportsGet = true)] public string? Alerte { get; set; }
    [BindProperty(SupportsGet = true)] public Dispositifs? Dispositif { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Referent { get; set; }
    [BindProperty(SupportsGet = true)] public string Tri { get; set; } = "nom";
    [BindProperty(SupportsGet = true)] public bool Desc { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int NumeroPage { get; set; } = 1;

    public bool VueResponsable => User.EstDans(Role.Responsable);
    public List<AgentReferent> ReferentsDeLaStructure { get; private set; } = [];
    public IReadOnlyList<SuppleanceEnCours> Suppleances { get; private set; } = [];
    public int Total => Nombres.Total;
    public ComptesSuivi Nombres { get; private set; } = new(0, 0, 0, 0, 0, 0, 0);
    public IEnumerable<(TypeAlerte Type, int Nombre)> Comptes => Enum.GetValues<TypeAlerte>().Select(t => (t, Nombres[t]));
    public PageDe<LigneSuivi> Lignes { get; private set; } = new([], 1, Pagination.TailleParDefaut, 0);
    public DateOnly Aujourdhui { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var (toutes, filtrees) = await RequetesAsync(cancellationToken);
        Nombres = await AlertesSuivi.CompterAsync(toutes, cancellationToken);
        var filtre = Enum.TryParse<TypeAlerte>(Alerte, out var type) && Enum.IsDefined(type) ? Nombres[type] : Alerte == AvecAlerte ? Nombres.AvecAlerte : Nombres.Total;
        Lignes = await AlertesSuivi.Trier(filtrees, Tri, Desc).PaginerAsync(NumeroPage, filtre, Pagination.TailleParDefaut, cancellationToken);
    }

    /// <summary>The filtered caseload with its alerts, as a spreadsheet; each person exported is journaled.</summary>
    public async Task<IActionResult> OnPostExportAsync(CancellationToken cancellationToken)
    {
        var (_, filtrees) = await RequetesAsync(cancellationToken);
        var lignes = await AlertesSuivi.Trier(filtrees, Tri, Desc).ToListAsync(cancellationToken);
        foreach (var ligne in lignes)
        {
            journal.Ajouter(ActionJournal.Export, nameof(Beneficiaire), ligne.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
        var absents = Suppleances.ToDictionary(s => s.ReferentAbsentId, s => s.NomAbsent);
        var feuille = lignes.Select(l => Colonnes(l, absents)).ToList();
        using var flux = new MemoryStream();
        await flux.SaveAsAsync(feuille, sheetName: "Portefeuille", excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
        // Personal data: no cache keeps a copy.
        Response.Headers.CacheControl = "no-store";
        return File(flux.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"portefeuille-{Aujourdhui.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.xlsx");
    }

    public bool EstSuppleance(LigneSuivi ligne, out string nomAbsent)
    {
        var suppleance = Suppleances.FirstOrDefault(s => s.ReferentAbsentId == ligne.ReferentId);
        nomAbsent = suppleance?.NomAbsent ?? "";
        return !VueResponsable && suppleance is not null && ligne.ReferentId != agentCourant.Id;
    }

    /// <summary>The caseload (all its people) and the same with the alert filter.</summary>
    private async Task<(IQueryable<LigneSuivi> Toutes, IQueryable<LigneSuivi> Filtrees)> RequetesAsync(CancellationToken cancellationToken)
    {
        Aujourdhui = temps.Aujourdhui(User.Fuseau());
        var visibles = (await perimetre.VisiblesAsync(cancellationToken)).Where(b => !b.Clos);
        IQueryable<Beneficiaire> personnes;
        if (VueResponsable)
        {
            ReferentsDeLaStructure = await referents.ReferentsDeMaStructureAsync(cancellationToken);
            if (ReferentsDeLaStructure.All(r => r.Id != Referent))
            {
                Referent = null;
            }

            var choisi = Referent;
            var ids = ReferentsDeLaStructure.Select(r => (Guid?)r.Id).ToList();
            var structureId = await perimetre.StructureAgentAsync(cancellationToken);
            personnes = choisi is not null
                ? visibles.Where(b => b.ReferentAgentId == choisi)
                : visibles.Where(b => (structureId != null && b.ReferentStructureId == structureId) || ids.Contains(b.ReferentAgentId));
        }
        else
        {
            Suppleances = await perimetre.SuppleancesEnCoursAsync(cancellationToken);
            personnes = await perimetre.SuivisAujourdhuiAsync(visibles, cancellationToken);
        }

        if (Dispositif is { } dispositif and not Dispositifs.Aucun)
        {
            personnes = personnes.Where(b => (b.Dispositifs & dispositif) != 0);
        }

        var seuils = await alertes.SeuilsAsync(Aujourdhui, User.Fuseau(), cancellationToken);
        var toutes = alertes.Lignes(personnes, seuils);
        var type = Enum.TryParse<TypeAlerte>(Alerte, out var t) && Enum.IsDefined(t) ? t : (TypeAlerte?)null;
        if (type is null && Alerte != AvecAlerte)
        {
            Alerte = null;
        }

        return (toutes, AlertesSuivi.Filtrer(toutes, type, Alerte == AvecAlerte));
    }

    private Dictionary<string, object?> Colonnes(LigneSuivi ligne, Dictionary<Guid, string> absents)
    {
        static object? Jour(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue);
        static string Oui(bool alerte) => alerte ? "Oui" : "";
        var referent = ligne.Referent;
        if (ligne.ReferentId is { } id && id != agentCourant.Id && absents.TryGetValue(id, out var absent))
        {
            referent = $"{referent} (en suppléance de {absent})";
        }

        return new Dictionary<string, object?>
        {
            ["Nom"] = ligne.Nom,
            ["Prénoms"] = ligne.Prenoms,
            ["Date de naissance"] = Jour(ligne.DateNaissance),
            ["Dispositifs"] = ListeBeneficiaires.Libelle(ligne.Dispositifs),
            ["Référent unique"] = referent,
            ["Parcours"] = ligne.Parcours?.Libelle(),
            [TypeAlerte.OrientationHorsDelai.Libelle()] = Oui(ligne.OrientationHorsDelai),
            [TypeAlerte.SansContrat.Libelle()] = Oui(ligne.SansContrat),
            [TypeAlerte.FinContrat.Libelle()] = Oui(ligne.FinContratProche),
            [TypeAlerte.RendezVousEnRetard.Libelle()] = Oui(ligne.RendezVousEnRetard),
            [TypeAlerte.RevisionDue.Libelle()] = Oui(ligne.RevisionEchue),
            ["Échéance de l'orientation"] = Jour(ligne.EcheanceOrientation),
            ["Fin du contrat"] = Jour(ligne.FinContrat),
            ["Examen du parcours"] = Jour(ligne.RevisionDue),
            ["Dernier rendez-vous honoré"] = ligne.DernierRendezVous is { } rdv ? Jour(DateOnly.FromDateTime(rdv.EnHeureLocale(User.Fuseau()))) : null,
        };
    }
}
