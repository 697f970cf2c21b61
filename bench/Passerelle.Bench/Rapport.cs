using System.Globalization;
using System.Text;

namespace Passerelle.Bench;

/// <summary>
/// Rewrites the part of docs/performance.md between its two markers from the latest results file; the rest of the
/// document, the analysis of the gaps above all, is written by people and left as it is.
/// </summary>
internal static class Rapport
{
    public const string Debut = "<!-- debut des resultats : partie regeneree par le banc, ne pas modifier a la main -->";
    public const string Fin = "<!-- fin des resultats -->";

    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    public static string Regenerer(string racine)
    {
        var chemin = Path.Combine(racine, "docs", "performance.md");
        var document = File.Exists(chemin) ? File.ReadAllText(chemin) : throw new InvalidOperationException("docs/performance.md est introuvable.");
        var debut = document.IndexOf(Debut, StringComparison.Ordinal);
        var fin = document.IndexOf(Fin, StringComparison.Ordinal);
        if (debut < 0 || fin < debut)
        {
            throw new InvalidOperationException("docs/performance.md n'a pas ses deux marqueurs de résultats.");
        }

        var dernier = ResultatsBanc.Lire(racine).OrderBy(r => r.Date).LastOrDefault();
        var tableau = dernier is null ? "Aucun résultat dans bench/results.\n" : Ecrire(dernier);
        File.WriteAllText(chemin, $"{document[..(debut + Debut.Length)]}\n\n{tableau}\n{document[fin..]}");
        return chemin;
    }

    private static string Ecrire(ResultatsBanc r)
    {
        var texte = new StringBuilder();
        var m = r.Machine;
        var pg = r.Postgresql;
        texte.AppendLine(Fr, $"Mesure du {r.Date.ToString("d MMMM yyyy", Fr)}, commit `{r.Commit[..Math.Min(7, r.Commit.Length)]}`{(r.ArbreModifie ? " (avec des modifications non commitées)" : "")} ;");
        texte.AppendLine(Fr, $"{m.Coeurs} cœurs {m.Processeur}, {(m.MemoireMo / 1024.0).ToString("0.#", Fr)} Go de mémoire, {m.Systeme}, {m.Runtime}{(m.ChargeAuDepart is { } charge ? $", charge moyenne de la machine au départ {charge.ToString("0.#", Fr)}" : "")} ;");
        texte.AppendLine(Fr, $"PostgreSQL {pg.Version}{(pg.ClusterDuBanc ? " (cluster lancé par le banc)" : " (serveur donné)")} : {string.Join(", ", pg.Reglages.Select(x => $"{x.Key}={x.Value}"))}. {pg.Remarque}");
        texte.AppendLine(Fr, $"{r.Conditions.GenerateurDeCharge} {r.Conditions.Session} {r.Conditions.Application}");
        texte.AppendLine();
        texte.AppendLine("Temps de réponse en millisecondes (p50 / p95 / p99), de l'envoi de la requête à la lecture complète de la réponse.");
        foreach (var taille in r.Tailles)
        {
            texte.AppendLine();
            var titre = taille.PersonnesGenerees > 0 ? $"{Cibles.Nombre(taille.PersonnesGenerees)} personnes générées" : "démonstration seule";
            texte.AppendLine(Fr, $"### {titre} ({Cibles.Nombre(taille.PersonnesDepartement)} personnes dans le Calvados)");
            texte.AppendLine();
            if (taille.Generation != "faite")
            {
                texte.AppendLine(Fr, $"Génération : {taille.Generation}.");
                texte.AppendLine();
            }

            texte.AppendLine("| page | lignes de tableau (total annoncé) | 1 client : p50 / p95 / p99 | 8 clients : p50 / p95 / p99 | 8 clients : requêtes/s | erreurs |");
            texte.AppendLine("|---|---:|---:|---:|---:|---:|");
            foreach (var page in taille.Pages)
            {
                var un = page.A(1);
                var huit = page.A(8);
                texte.AppendLine(Fr, $"| {page.Libelle} | {page.Lignes}{(page.Total is { } total ? $" ({total})" : "")} | {Trio(un)} | {Trio(huit)} | {huit?.RequetesParSeconde.ToString("0", Fr) ?? "—"} | {page.Mesures.Sum(x => x.Erreurs)} |");
            }

            var melange = taille.Melange;
            var sql = taille.Recherche;
            texte.AppendLine();
            texte.AppendLine(Fr, $"- Charge mixte, {melange.Clients} clients pendant {melange.DureeSecondes.ToString("0", Fr)} s : **{melange.RequetesParSeconde.ToString("0.#", Fr)} requêtes/s**, {melange.Erreurs} erreur(s) sur {Cibles.Nombre(melange.Requetes)} requêtes ; p50 / p95 / p99 : {Trio(melange)}.");
            texte.AppendLine(Fr, $"- Recherche « {taille.NomRecherche} » en SQL nu (Npgsql, mêmes requêtes que la page) : {sql.P50.ToString("0.#", Fr)} / {sql.P95.ToString("0.#", Fr)} / {sql.P99.ToString("0.#", Fr)} ; application ÷ SQL nu : {Cibles.Fois(sql.RapportP50)} au p50, {Cibles.Fois(sql.RapportP95)} au p95.");
            texte.AppendLine(Fr, $"- Pic de mémoire de l'application (VmHWM) : **{taille.MemoireMaxMo.ToString("0", Fr)} Mo**.");
            if (taille.DureeGenerationSecondes is { } duree)
            {
                texte.AppendLine(Fr, $"- Génération : {duree.ToString("0", Fr)} s.");
            }
        }

        texte.AppendLine();
        var reference = r.Tailles.MaxBy(t => t.PersonnesDepartement)!;
        var horsConditions = r.Machine.Coeurs != Cibles.CoeursCibles || reference.PersonnesGenerees != Cibles.TailleCible;
        texte.AppendLine(Fr, $"### Cibles, jugées à {Cibles.Nombre(reference.PersonnesDepartement)} personnes sur {r.Machine.Coeurs} cœurs");
        texte.AppendLine();
        if (horsConditions)
        {
            texte.AppendLine(Fr, $"Hors des conditions des cibles ({Cibles.Nombre(Cibles.TailleCible)} personnes générées, {Cibles.CoeursCibles} cœurs) : verdicts indicatifs.");
            texte.AppendLine();
        }

        texte.AppendLine("| cible | mesure | atteinte | écart |");
        texte.AppendLine("|---|---|---|---|");
        foreach (var verdict in r.Cibles)
        {
            var atteinte = verdict.Atteinte switch { true => "oui", false => "**non**", null => "—" };
            texte.AppendLine(Fr, $"| {verdict.Cible} | {verdict.Mesure} | {atteinte} | {verdict.Ecart ?? ""} |");
        }

        return texte.ToString();
    }

    private static string Trio(Latences? l) =>
        l is null ? "—" : $"{l.P50.ToString("0.#", Fr)} / {l.P95.ToString("0.#", Fr)} / {l.P99.ToString("0.#", Fr)}";
}
