using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Shared;

namespace Passerelle.Features.Beneficiaires;

/// <summary>A Responsable merges two dossiers of the same person, among the probable duplicates he may see.</summary>
[Authorize(Policy = nameof(Role.Responsable))]
public sealed class FusionModel(PasserelleDbContext db, PerimetreDossiers perimetre, RechercheDossiers recherche, ServiceDossiers service, Infrastructure.Audit.Journal journal) : PageModel
{
    [BindProperty] public Guid? AutreId { get; set; }
    [BindProperty] public string Conserver { get; set; } = "celui-ci";
    [BindProperty] public bool Confirme { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public Dictionary<Guid, int> VersionsCandidats { get; set; } = [];

    public string NomActuel { get; private set; } = "";
    public DateOnly DateNaissance { get; private set; }
    public List<Candidat> Candidats { get; private set; } = [];

    public sealed record Candidat(Guid Id, string Nom, DateOnly DateNaissance, string? Commune, string Raison, int Version, bool NirRenseigne);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await ChargerAsync(id, cancellationToken))
        {
            return NotFound();
        }

        // The candidates' identities are shown too: each is a consultation.
        foreach (var candidat in Candidats)
        {
            journal.Ajouter(ActionJournal.Consultation, nameof(Beneficiaire), candidat.Id);
        }

        await journal.EnregistrerAsync(ActionJournal.Consultation, nameof(Beneficiaire), id, cancellationToken: cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var versionSaisie = Version;
        if (!await ChargerAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Version = versionSaisie;
        if (AutreId is not { } autreId || Candidats.TrueForAll(c => c.Id != autreId))
        {
            ModelState.AddModelError(nameof(AutreId), "Choisissez le dossier à fusionner parmi les doublons proposés.");
        }

        if (!Confirme)
        {
            ModelState.AddModelError(nameof(Confirme), "Confirmez qu'il s'agit bien de la même personne.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var autre = AutreId!.Value;
        var versionAutre = VersionsCandidats.TryGetValue(autre, out var v) ? v : -1;
        var (conserve, versionConserve, absorbe, versionAbsorbe) = Conserver == "autre"
            ? (autre, versionAutre, id, Version)
            : (id, Version, autre, versionAutre);
        return await this.EnregistrerAsync(
            async () =>
            {
                await service.FusionnerAsync(conserve, versionConserve, absorbe, versionAbsorbe, cancellationToken);
                TempData["Succes"] = "Les deux dossiers sont fusionnés : l'ancien dossier mène désormais à celui-ci.";
                return Redirect($"/beneficiaires/{conserve}");
            },
            db, absorbe == id ? id : autre,
            async () =>
            {
                await ChargerAsync(id, cancellationToken);
                return Page();
            },
            cancellationToken);
    }

    private async Task<bool> ChargerAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await perimetre.PorteeAsync(id, cancellationToken) != Portee.Complete)
        {
            return false;
        }

        var b = await db.Beneficiaires.AsNoTracking().SingleAsync(x => x.Id == id, cancellationToken);
        NomActuel = $"{b.Prenoms} {b.NomUsage ?? b.NomNaissance}";
        DateNaissance = b.DateNaissance;
        Version = b.Version;
        var saisie = new SaisieBeneficiaire { NomNaissance = b.NomNaissance, NomUsage = b.NomUsage, Prenoms = b.Prenoms, DateNaissance = b.DateNaissance };
        var doublons = (await recherche.DoublonsAsync(saisie, perimetre.Visibles, id, cancellationToken)).Where(d => d.Id is not null).ToList();
        var ids = doublons.Select(d => d.Id!.Value).ToList();
        var details = await db.Beneficiaires.AsNoTracking().Where(x => ids.Contains(x.Id))
            .Select(x => new { x.Id, x.Version, NirRenseigne = x.NirEmpreinte != null }).ToDictionaryAsync(x => x.Id, cancellationToken);
        Candidats = doublons
            .Select(d => new Candidat(d.Id!.Value, d.Nom!, d.DateNaissance!.Value, d.Commune, d.Raison, details[d.Id!.Value].Version, details[d.Id!.Value].NirRenseigne))
            .ToList();
        return true;
    }
}
