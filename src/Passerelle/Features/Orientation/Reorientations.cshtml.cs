using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Beneficiaires;
using Passerelle.Features.Shared;

namespace Passerelle.Features.Orientation;

/// <summary>A pending request with the person and the orientation it would change.</summary>
public sealed record LigneReorientation(LigneDemande Demande, string Personne, TypeParcours ParcoursActuel, string OrganismeActuel);

/// <summary>The réorientation requests waiting for a Responsable, for the people of his scope, oldest first.</summary>
[Authorize(Roles = nameof(Role.Responsable))]
public sealed class ReorientationsModel(PasserelleDbContext db, PerimetreDossiers perimetre, ServiceOrientation service) : PageModel
{
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "p")] public int NumeroPage { get; set; } = 1;

    public PageDe<LigneReorientation> Demandes { get; private set; } = new([], 1, Pagination.TailleParDefaut, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var visibles = await perimetre.VisiblesAsync(cancellationToken);
        var enAttente = db.DemandesReorientation
            .Where(d => d.Statut == StatutDemandeReorientation.EnAttente && visibles.Any(b => b.Id == d.BeneficiaireId))
            .OrderBy(d => d.DateDemande).ThenBy(d => d.Id);
        var page = await service.Demandes(enAttente).PaginerAsync(NumeroPage, cancellationToken: cancellationToken);
        var ids = page.Elements.Select(d => d.BeneficiaireId).ToList();
        var orientations = page.Elements.Select(d => d.OrientationId).ToList();
        var personnes = await db.Beneficiaires.AsNoTracking().Where(b => ids.Contains(b.Id))
            .ToDictionaryAsync(b => b.Id, b => $"{(b.NomUsage ?? b.NomNaissance).ToUpperInvariant()} {b.Prenoms}", cancellationToken);
        var actuelles = await db.DecisionsOrientation.AsNoTracking().Where(o => orientations.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => (o.Parcours, o.LibelleOrganisme), cancellationToken);
        Demandes = new PageDe<LigneReorientation>(
            page.Elements.Select(d => new LigneReorientation(d, personnes[d.BeneficiaireId], actuelles[d.OrientationId].Parcours, actuelles[d.OrientationId].LibelleOrganisme)).ToList(),
            page.Page, page.TaillePage, page.Total);
    }
}
