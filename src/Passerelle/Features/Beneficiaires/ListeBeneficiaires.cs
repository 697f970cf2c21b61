using Passerelle.Data;
using Passerelle.Domain;

namespace Passerelle.Features.Beneficiaires;

public sealed record LigneBeneficiaire(
    Guid Id, string NomNaissance, string? NomUsage, string Prenoms, DateOnly DateNaissance, string? Commune,
    Dispositifs Dispositifs, bool Clos, string? Referent)
{
    public string Nom => NomUsage ?? NomNaissance;
}

/// <summary>One projection for every list of people: the page's, the API's, the search's.</summary>
public static class ListeBeneficiaires
{
    public static IQueryable<LigneBeneficiaire> Projeter(PasserelleDbContext db, IQueryable<Beneficiaire> requete) =>
        requete.Select(b => new LigneBeneficiaire(
            b.Id, b.NomNaissance, b.NomUsage, b.Prenoms, b.DateNaissance,
            db.Communes.Where(c => c.Code == b.CommuneCode).Select(c => c.Nom).FirstOrDefault(),
            b.Dispositifs, b.Clos,
            db.ReferentsUniques.Where(r => r.BeneficiaireId == b.Id && r.Fin == null)
                .Select(r => r.AgentId != null
                    ? db.Users.Where(a => a.Id == r.AgentId).Select(a => a.Prenom + " " + a.Nom).FirstOrDefault()
                    : r.NomExterne)
                .FirstOrDefault()));

    public static string Libelle(Dispositifs dispositifs) =>
        string.Join(", ", Enum.GetValues<Dispositifs>().Where(d => d != Dispositifs.Aucun && dispositifs.HasFlag(d)).Select(d => d.Libelle()));
}
