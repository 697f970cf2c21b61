using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Infrastructure.Tenancy;
using Passerelle.Infrastructure.Web;

namespace Passerelle.Features.Shared;

/// <summary>How every form ends its POST: the write, or the reason it was refused shown on the form.</summary>
public static class Enregistrement
{
    /// <summary>Runs the write; a rule's refusal becomes the form's error and nothing is saved.</summary>
    public static async Task<IActionResult> EnregistrerAsync(this PageModel page, Func<Task<IActionResult>> ecrire)
    {
        try
        {
            return await ecrire();
        }
        catch (RegleMetierException erreur)
        {
            page.ModelState.AddModelError(string.Empty, erreur.Message);
            return page.Page();
        }
        catch (DbUpdateException erreur) when (erreur is not DbUpdateConcurrencyException)
        {
            // A check passed, then a concurrent save took the same unique value: the database refused this one.
            page.ModelState.AddModelError(string.Empty, MessageDoublon);
            return page.Page();
        }
    }

    public const string MessageDoublon =
        "Un autre agent vient d'enregistrer la même valeur : votre saisie n'a pas été enregistrée. Rechargez la page pour voir la situation actuelle.";

    /// <summary>
    /// The same for an edit form: when the record changed since the form was rendered, the page says who
    /// changed it and shows its current state, reloaded by <paramref name="recharger"/>.
    /// </summary>
    public static async Task<IActionResult> EnregistrerAsync(
        this PageModel page, Func<Task<IActionResult>> ecrire, PasserelleDbContext db, Guid id,
        Func<Task<IActionResult>> recharger, CancellationToken cancellationToken)
    {
        try
        {
            return await page.EnregistrerAsync(ecrire);
        }
        catch (Exception erreur) when (erreur is ConflitDeVersionException or DbUpdateConcurrencyException)
        {
            var message = await Concurrence.MessageAsync(db, id, page.User.Fuseau(), cancellationToken);
            db.ChangeTracker.Clear();
            page.ModelState.Clear();
            var resultat = await recharger();
            page.ModelState.AddModelError(string.Empty, message);
            return resultat;
        }
    }
}
