using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Features.Shared;

namespace Passerelle.Features.Administration.Qpv;

[Authorize(Policy = nameof(Role.Administrateur))]
public sealed class IndexModel(PasserelleDbContext db, ServiceQpv service) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Recherche { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int NumeroPage { get; set; } = 1;

    [BindProperty]
    public IFormFile? Fichier { get; set; }

    public PageDe<LigneQpv> Quartiers { get; private set; } = null!;

    public sealed record LigneQpv(string Code, string Nom, string CommuneCode, string? Commune);

    public Task OnGetAsync(CancellationToken cancellationToken) => ChargerAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        const string champ = nameof(Fichier);
        if (Fichier is null || Fichier.Length == 0)
        {
            ModelState.AddModelError(champ, "Choisissez le fichier CSV de la liste officielle des quartiers prioritaires.");
        }
        else if (Fichier.Length > ServiceQpv.TailleMaximale)
        {
            ModelState.AddModelError(champ, ServiceQpv.MessageTropGros);
        }

        if (!ModelState.IsValid)
        {
            await ChargerAsync(cancellationToken);
            return Page();
        }

        ResultatImportQpv resultat;
        await using (var flux = Fichier!.OpenReadStream())
        {
            resultat = await service.ImporterAsync(flux, cancellationToken);
        }

        if (!resultat.Reussi)
        {
            ModelState.AddModelError(champ, resultat.LignesInvalides switch
            {
                0 => "Le fichier n'a pas été importé ; la liste des quartiers est inchangée.",
                1 => "Le fichier n'a pas été importé : une ligne est invalide. La liste des quartiers est inchangée ; corrigez le fichier puis importez-le de nouveau.",
                var n when n > ServiceQpv.ErreursAffichees =>
                    $"Le fichier n'a pas été importé : {n} lignes sont invalides (les {ServiceQpv.ErreursAffichees} premières sont listées). La liste des quartiers est inchangée ; corrigez le fichier puis importez-le de nouveau.",
                var n => $"Le fichier n'a pas été importé : {n} lignes sont invalides. La liste des quartiers est inchangée ; corrigez le fichier puis importez-le de nouveau.",
            });
            foreach (var erreur in resultat.Erreurs)
            {
                ModelState.AddModelError(champ, erreur);
            }

            await ChargerAsync(cancellationToken);
            return Page();
        }

        TempData["Succes"] = $"Liste des quartiers prioritaires importée : {resultat.Ajoutes} ajouté{(resultat.Ajoutes > 1 ? "s" : "")}, {resultat.MisAJour} mis à jour.";
        return RedirectToPage();
    }

    private async Task ChargerAsync(CancellationToken cancellationToken)
    {
        var requete = db.Qpvs.AsNoTracking().AsQueryable();
        if (!string.IsNullOrWhiteSpace(Recherche))
        {
            var texte = Recherche.Trim().ToUpperInvariant();
            requete = requete.Where(q => q.Code.Contains(texte) || q.Nom.ToUpper().Contains(texte));
        }

        Quartiers = await requete
            .OrderBy(q => q.Code)
            .Select(q => new LigneQpv(q.Code, q.Nom, q.CommuneCode, db.Communes.Where(c => c.Code == q.CommuneCode).Select(c => c.Nom).FirstOrDefault()))
            .PaginerAsync(NumeroPage, cancellationToken: cancellationToken);
    }
}
