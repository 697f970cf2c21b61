using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Administration;
using Passerelle.Features.Prescriptions;
using Passerelle.Features.Shared;
using Passerelle.Infrastructure.Auth;

namespace Passerelle.Features.Catalogue;

/// <summary>
/// One action with all its rules in words, its places and sessions. Any agent of the département reads it (another
/// département's action is not found); the administrator and the chargé de mission PDI add and modify its sessions and
/// publish or withdraw it, each form carrying the version it was rendered from.
/// </summary>
[Authorize(Policy = Politiques.AgentDepartement)]
public sealed class DetailModel(PasserelleDbContext db, ServiceActions service, ServicePrescriptions prescriptions) : PageModel
{
    public sealed record LigneSession(SessionAction Session, int Prises)
    {
        public int Restantes => Math.Max(0, Session.Places - Prises);
    }

    public ActionInsertion Action { get; private set; } = null!;
    public string? Structure { get; private set; }
    public FicheProposee? Fiche { get; private set; }
    public IReadOnlyList<string> Territoires { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Communes { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<LigneSession> Sessions { get; private set; } = [];
    public int PrisesCetteAnnee { get; private set; }
    public DateOnly Aujourdhui { get; private set; }
    public bool PeutModifier => AccesCatalogue.PeutModifier(User);

    /// <summary>The new session's form, kept as typed when it is refused.</summary>
    public SaisieSession Nouvelle { get; private set; } = new();

    /// <summary>The session whose change was refused: its form opens again with the values typed and the reasons.</summary>
    public Guid? SessionEnErreur { get; private set; }
    public SaisieSession? SaisieEnErreur { get; private set; }
    public List<string> ErreursSession { get; } = [];

    /// <summary>The confirmation box of the publication form was left unticked.</summary>
    public string? ErreurPublication { get; private set; }

    public string Commune(string code) => Communes.GetValueOrDefault(code) is { } nom ? $"{nom} ({code})" : code;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await ChargerAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPublicationAsync(Guid id, int version, bool publier, bool confirmation, CancellationToken cancellationToken)
    {
        if (!PeutModifier)
        {
            return Forbid();
        }

        if (!await ChargerAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!confirmation)
        {
            ErreurPublication = publier
                ? "Cochez la case pour confirmer la publication de l'action."
                : "Cochez la case pour confirmer le retrait de l'action.";
            ModelState.AddModelError("confirmation", ErreurPublication);
            return Page();
        }

        return await this.EnregistrerAsync(
            async () =>
            {
                await service.PublierAsync(id, version, publier, cancellationToken);
                TempData["Succes"] = publier
                    ? "L'action est publiée : elle est ouverte aux prescriptions et visible sur le portail public."
                    : "L'action est retirée : elle n'est plus ouverte aux prescriptions ni visible sur le portail public.";
                return Redirect($"/actions/{id}");
            },
            db,
            id,
            async () => await ChargerAsync(id, cancellationToken) ? Page() : NotFound(),
            cancellationToken);
    }

    public async Task<IActionResult> OnPostAjouterSessionAsync(Guid id, SaisieSession nouvelle, CancellationToken cancellationToken)
    {
        if (!PeutModifier)
        {
            return Forbid();
        }

        if (!await ChargerAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Nouvelle = nouvelle;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await this.EnregistrerAsync(async () =>
        {
            var session = await service.AjouterSessionAsync(id, nouvelle, cancellationToken);
            TempData["Succes"] = $"La session « {session.Libelle} » est ajoutée.";
            return Redirect($"/actions/{id}#sessions");
        });
    }

    public async Task<IActionResult> OnPostModifierSessionAsync(Guid id, Guid sessionId, SaisieSession session, CancellationToken cancellationToken)
    {
        if (!PeutModifier)
        {
            return Forbid();
        }

        if (!await ChargerAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Sessions.All(s => s.Session.Id != sessionId))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return RefuserSession(sessionId, session, ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).ToList());
        }

        return await this.EnregistrerAsync(
            async () =>
            {
                try
                {
                    await service.ModifierSessionAsync(id, sessionId, session.Version, session, cancellationToken);
                }
                catch (RegleMetierException erreur)
                {
                    return RefuserSession(sessionId, session, [erreur.Message]);
                }

                TempData["Succes"] = $"La session « {session.Libelle?.Trim()} » est modifiée.";
                return Redirect($"/actions/{id}#sessions");
            },
            db,
            sessionId,
            async () => await ChargerAsync(id, cancellationToken) ? Page() : NotFound(),
            cancellationToken);
    }

    /// <summary>Shows the reasons next to the session's own form, and once at the top of the page.</summary>
    private PageResult RefuserSession(Guid sessionId, SaisieSession saisie, List<string> erreurs)
    {
        ModelState.Clear();
        SessionEnErreur = sessionId;
        SaisieEnErreur = saisie;
        ErreursSession.AddRange(erreurs);
        foreach (var erreur in erreurs)
        {
            ModelState.AddModelError(string.Empty, erreur);
        }

        return Page();
    }

    private async Task<bool> ChargerAsync(Guid id, CancellationToken cancellationToken)
    {
        // The département's filter: another département's action is not found.
        var action = await db.Actions.AsNoTracking().Include(a => a.Territoires).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (action is null)
        {
            return false;
        }

        Action = action;
        Aujourdhui = await prescriptions.AujourdhuiAsync(cancellationToken);
        Structure = await db.Structures.AsNoTracking().Where(s => s.Id == action.StructureId).Select(s => s.Nom).SingleOrDefaultAsync(cancellationToken);
        Fiche = (await ListesCatalogue.FichesAsync(db, cancellationToken)).FirstOrDefault(f => f.Id == action.FicheActionId);
        var territoires = action.Territoires.Select(t => t.TerritoireId).ToList();
        Territoires = await db.Territoires.AsNoTracking().Where(t => territoires.Contains(t.Id)).OrderBy(t => t.Nom).Select(t => t.Nom).ToListAsync(cancellationToken);
        var codes = action.CodesCommunesDesservies.Append(action.CommuneCode).OfType<string>();
        Communes = await CommunesDuDepartement.TrouverAsync(db, codes, cancellationToken);
        PrisesCetteAnnee = await prescriptions.PlacesOccupeesAsync(action, null, Aujourdhui, cancellationToken);
        var sessions = await db.SessionsActions.AsNoTracking().Where(s => s.ActionId == id).OrderBy(s => s.Debut).ThenBy(s => s.Libelle).ToListAsync(cancellationToken);
        var lignes = new List<LigneSession>();
        foreach (var session in sessions)
        {
            // Places are counted by session only while the action is: after a change of mode its old sessions hold none.
            var prises = action.ModeCapacite == ModeCapacite.Sessions ? await prescriptions.PlacesOccupeesAsync(action, session.Id, Aujourdhui, cancellationToken) : 0;
            lignes.Add(new LigneSession(session, prises));
        }

        Sessions = lignes;
        return true;
    }
}
