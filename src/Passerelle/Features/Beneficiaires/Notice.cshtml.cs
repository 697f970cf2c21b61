using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Infrastructure.Audit;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Features.Beneficiaires;

/// <summary>
/// The information notice on the processing of personal data (GDPR articles 13 and 14), addressed to the
/// person and printed for her, at creation of the dossier or whenever she asks. It shows her name: opening it is journaled.
/// </summary>
[Authorize(Policy = PerimetreDossiers.Politique)]
public sealed class NoticeModel(PasserelleDbContext db, PerimetreDossiers perimetre, Journal journal, TimeProvider temps) : PageModel
{
    public Guid Id { get; private set; }
    public string Destinataire { get; private set; } = "";
    public string Departement { get; private set; } = "";
    public DateOnly Aujourdhui { get; private set; }
    /// <summary>The purpose and legal basis differ for people followed outside the RSA (PLIE, Mission locale…).</summary>
    public bool AuRsa { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await perimetre.PorteeAsync(id, cancellationToken) != Portee.Complete)
        {
            return NotFound();
        }

        var personne = await db.Beneficiaires.AsNoTracking().Where(b => b.Id == id)
            .Select(b => new { b.Sexe, b.Prenoms, Nom = b.NomUsage ?? b.NomNaissance, b.Dispositifs })
            .SingleAsync(cancellationToken);
        await journal.EnregistrerAsync(ActionJournal.Consultation, nameof(Beneficiaire), id, cancellationToken: cancellationToken);

        Id = id;
        AuRsa = personne.Dispositifs.HasFlag(Dispositifs.Rsa);
        Destinataire = $"{(personne.Sexe == Sexe.Femme ? "Madame" : "Monsieur")} {personne.Prenoms} {personne.Nom}";
        var departement = User.FindFirstValue(ClaimsPasserelle.DepartementNom) ?? "";
        var code = User.FindFirstValue(ClaimsPasserelle.DepartementCode);
        Departement = code is null ? departement : $"{departement} ({code})";
        Aujourdhui = temps.Aujourdhui(User.Fuseau());
        return Page();
    }
}
