using System.Globalization;

namespace Passerelle.Bench;

/// <summary>The targets of the performance issue, judged at the run's largest size (200 000 people on 2 cores).</summary>
internal static class Cibles
{
    public const int TailleCible = 200_000;
    public const int CoeursCibles = 2;
    public const double P95MaxMs = 50;
    public const double CroissanceMax = 1.5;
    public const double DebitMin = 300;
    public const double RapportSqlMax = 3;
    public const double EcartSqlMaxMs = 10;
    public const double MemoireMaxMo = 400;

    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    public static List<Verdict> Evaluer(IReadOnlyList<ResultatTaille> tailles)
    {
        var verdicts = new List<Verdict>();
        var reference = tailles.MaxBy(t => t.PersonnesDepartement)!;
        var depart = tailles.MinBy(t => t.PersonnesDepartement)!;
        foreach (var page in reference.Pages)
        {
            var p95 = page.A(1)?.P95 ?? 0;
            verdicts.Add(new(
                $"{page.Libelle} : p95 ≤ {P95MaxMs} ms à 1 client", Ms(p95), p95 <= P95MaxMs,
                p95 <= P95MaxMs ? null : $"+{Ms(p95 - P95MaxMs)} ({Fois(p95 / P95MaxMs)} la cible)"));
        }

        foreach (var page in reference.Pages)
        {
            var avant = depart.Pages.FirstOrDefault(p => p.Cle == page.Cle)?.A(1)?.P95;
            var apres = page.A(1)?.P95;
            var cible = $"{page.Libelle} : p95 de {Nombre(depart.PersonnesDepartement)} à {Nombre(reference.PersonnesDepartement)} personnes ≤ ×{CroissanceMax.ToString(Fr)}";
            if (ReferenceEquals(depart, reference) || avant is not > 0 || apres is null)
            {
                verdicts.Add(new(cible, "une seule taille mesurée", null, null));
                continue;
            }

            var croissance = apres.Value / avant.Value;
            verdicts.Add(new(cible, $"{Fois(croissance)} ({Ms(avant.Value)} → {Ms(apres.Value)})", croissance <= CroissanceMax,
                croissance <= CroissanceMax ? null : $"{Fois(croissance / CroissanceMax)} au-delà"));
        }

        var melange = reference.Melange;
        var debitAtteint = melange.RequetesParSeconde >= DebitMin && melange.Erreurs == 0;
        verdicts.Add(new(
            $"Charge mixte de {melange.Clients} clients : ≥ {DebitMin} requêtes/s sans erreur",
            $"{melange.RequetesParSeconde.ToString("0.#", Fr)} requêtes/s, {melange.Erreurs} erreur(s)", debitAtteint,
            debitAtteint ? null : string.Join(", ", new[]
            {
                melange.RequetesParSeconde < DebitMin ? $"{(DebitMin - melange.RequetesParSeconde).ToString("0.#", Fr)} requêtes/s de moins (−{(1 - (melange.RequetesParSeconde / DebitMin)).ToString("P0", Fr)})" : null,
                melange.Erreurs > 0 ? $"{melange.Erreurs} erreur(s)" : null,
            }.OfType<string>())));

        var sql = reference.Recherche;
        var plafond = Math.Max(RapportSqlMax * sql.P95, sql.P95 + EcartSqlMaxMs);
        verdicts.Add(new(
            $"Recherche : p95 ≤ max({RapportSqlMax.ToString(Fr)} × SQL nu, SQL nu + {EcartSqlMaxMs.ToString(Fr)} ms)",
            $"{Ms(sql.AppP95)} pour {Ms(sql.P95)} en SQL nu ({Fois(sql.RapportP95)}), plafond {Ms(plafond)}", sql.AppP95 <= plafond,
            sql.AppP95 <= plafond ? null : $"+{Ms(sql.AppP95 - plafond)}"));

        verdicts.Add(new(
            $"Pic de mémoire de l'application < {MemoireMaxMo.ToString(Fr)} Mo", $"{reference.MemoireMaxMo.ToString("0", Fr)} Mo",
            reference.MemoireMaxMo < MemoireMaxMo,
            reference.MemoireMaxMo < MemoireMaxMo ? null : $"+{(reference.MemoireMaxMo - MemoireMaxMo).ToString("0", Fr)} Mo"));
        return verdicts;
    }

    public static string Ms(double millisecondes) => $"{millisecondes.ToString("0.#", Fr)} ms";

    public static string Fois(double rapport) => $"×{rapport.ToString("0.##", Fr)}";

    public static string Nombre(int n) => n.ToString("N0", Fr);
}
