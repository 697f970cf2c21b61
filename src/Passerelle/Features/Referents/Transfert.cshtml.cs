using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Beneficiaires;
using Passerelle.Features.Shared;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.Referents;

/// <summary>
/// A Responsable moves the caseload of one of his structure's référents, whole or a selection, to another
/// référent of the département, from a date. Two steps: the check shows what will move, the confirmation
/// writes it.
/// </summary>
[Authorize(Policy = nameof(Role.Responsable))]
public sealed class TransfertModel(PasserelleDbContext db, ServiceReferents service, TimeProvider temps) : PageModel
{
    public static readonly int[] TaillesPage = [25, 50, 100];

    /// <summary>The confirmation names this many people at most; the count is always whole.</summary>
    public const int MaximumAffiche = 200;

    [BindProperty(SupportsGet = true)] public Guid? Source { get; set; }
    [BindProperty(SupportsGet = true)] public Dispositifs? Dispositif { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int NumeroPage { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int Taille { get; set; } = Pagination.TailleParDefaut;
    [BindProperty] public Guid? Cible { get; set; }
    [BindProperty] public DateOnly? Date { get; set; }
    /// <summary>True for the whole caseload, false for the ticked people.</summary>
    [BindProperty] public bool Tout { get; set; } = true;
    [BindProperty] public List<Guid> Selection { get; set; } = [];

    public List<AgentReferent> Sources { get; private set; } = [];
    public List<SelectListItem> Cibles { get; private set; } = [];
    public AgentReferent? SourceChoisie { get; private set; }
    public int TotalPortefeuille { get; private set; }
    public PageDe<LigneBeneficiaire> Personnes { get; private set; } = new([], 1, Pagination.TailleParDefaut, 0);
    /// <summary>Set once the check passed: what the confirmation will write.</summary>
    public BilanTransfert? Bilan { get; private set; }
    public List<LigneBeneficiaire> PersonnesDuBilan { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Date = temps.Aujourdhui(User.Fuseau());
        await ChargerAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostVerifierAsync(CancellationToken cancellationToken)
    {
        await ChargerAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await this.EnregistrerAsync(async () =>
        {
            Bilan = await service.PreparerTransfertAsync(Source, Cible, Date, Tout ? null : Selection, cancellationToken);
            var personnes = Bilan.Personnes;
            PersonnesDuBilan = await ListeBeneficiaires.Projeter(db, db.Beneficiaires.Where(b => personnes.Contains(b.Id))
                    .OrderBy(b => b.NomUsage ?? b.NomNaissance).ThenBy(b => b.Prenoms).ThenBy(b => b.Id).Take(MaximumAffiche))
                .ToListAsync(cancellationToken);
            return Page();
        });
    }

    public async Task<IActionResult> OnPostConfirmerAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            await ChargerAsync(cancellationToken);
            return Page();
        }

        try
        {
            var bilan = await service.TransfererAsync(Source, Cible, Date, Tout ? null : Selection, cancellationToken);
            var nombre = bilan.Personnes.Count;
            TempData["Succes"] = $"{nombre} personne{(nombre > 1 ? "s" : "")} suivie{(nombre > 1 ? "s" : "")} par {bilan.Source.Nom} "
                + $"{(nombre > 1 ? "sont" : "est")} désormais suivie{(nombre > 1 ? "s" : "")} par {bilan.Cible.Nom}, depuis le {bilan.Date:dd/MM/yyyy}.";
            return RedirectToPage(new { Source });
        }
        catch (RegleMetierException erreur)
        {
            await ChargerAsync(cancellationToken);
            ModelState.AddModelError(string.Empty, erreur.Message);
            return Page();
        }
    }

    private async Task ChargerAsync(CancellationToken cancellationToken)
    {
        Sources = await service.ReferentsDeMaStructureAsync(cancellationToken);
        SourceChoisie = Sources.SingleOrDefault(s => s.Id == Source);
        if (SourceChoisie is null)
        {
            return;
        }

        Cibles = (await service.ReferentsDuDepartementAsync(cancellationToken))
            .Where(a => a.Id != SourceChoisie.Id)
            .Select(a => new SelectListItem(a.Structure is null ? a.Nom : $"{a.Nom} — {a.Structure}", a.Id.ToString()))
            .ToList();
        var portefeuille = await service.PortefeuilleAsync(SourceChoisie.Id, cancellationToken);
        TotalPortefeuille = await portefeuille.CountAsync(cancellationToken);
        if (Dispositif is { } dispositif and not Dispositifs.Aucun)
        {
            portefeuille = portefeuille.Where(b => (b.Dispositifs & dispositif) != 0);
        }

        var taille = TaillesPage.Contains(Taille) ? Taille : Pagination.TailleParDefaut;
        Personnes = await ListeBeneficiaires.Projeter(db, portefeuille.OrderBy(b => b.NomUsage ?? b.NomNaissance).ThenBy(b => b.Prenoms).ThenBy(b => b.Id))
            .PaginerAsync(NumeroPage, taille, cancellationToken);
    }
}
