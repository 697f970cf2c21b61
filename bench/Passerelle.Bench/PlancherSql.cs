using System.Diagnostics;
using Npgsql;

namespace Passerelle.Bench;

/// <summary>
/// The floor under the search page: its two queries (the count up to 201, then the first page of 25 rows) as EF Core sends
/// them for referent.calvados (copied from PostgreSQL's statement log; Features/Beneficiaires: RechercheDossiers.Filtrer
/// over PerimetreDossiers.VisiblesAsync, ListeBeneficiaires.Projeter, Pagination.PaginerAsync: if those change, this
/// changes), timed through Npgsql like a page, one connection from the pool each time.
/// </summary>
internal static class PlancherSql
{
    // $1: the département filter is on; $3: the référent himself (no absent référent replaced); $5: no territory (not a
    // Responsable). Who sees whom is stored on the person (Data/SuiviCourant.cs).
    private const string Filtre = """
        FROM "Beneficiaires" AS b
        WHERE $1 AND b."DepartementId" = $2 AND b."FusionneDansId" IS NULL AND (b."ReferentAgentId" = ANY ($3) OR (b."ReferentAgentId" IS NULL AND array_position($3, NULL) IS NOT NULL) OR b."ReferentStructureId" = $4 OR (b."CommuneCode" IS NOT NULL AND b."CommuneCode" = ANY ($5))) AND b."Recherche" LIKE $6 ESCAPE ''
        """;

    // Counted up to the page's maximum and one more (Features/Beneficiaires/Index: MaximumRecherche).
    public const string Compte = "SELECT count(*)::int\nFROM (\nSELECT 1\n" + Filtre + "\nLIMIT $7\n) AS b0";

    public const string Page = """
        SELECT b."Id", b."NomNaissance", b."NomUsage", b."Prenoms", b."DateNaissance", (
            SELECT c."Nom"
            FROM "Communes" AS c
            WHERE c."Code" = b."CommuneCode"
            LIMIT 1), b."Dispositifs", b."Clos", (
            SELECT CASE
                WHEN r0."AgentId" IS NOT NULL THEN (
                    SELECT a."Prenom" || ' ' || a."Nom"
                    FROM "AspNetUsers" AS a
                    WHERE $1 AND a."DepartementId" = $2 AND a."Id" = r0."AgentId"
                    LIMIT 1)
                ELSE r0."NomExterne"
            END
            FROM "ReferentsUniques" AS r0
            WHERE $1 AND r0."DepartementId" = $2 AND r0."BeneficiaireId" = b."Id" AND r0."Fin" IS NULL
            LIMIT 1)
        """ + "\n" + Filtre + """

        ORDER BY COALESCE(b."NomUsage", b."NomNaissance"), b."Prenoms", b."Id"
        LIMIT $7 OFFSET $8
        """;

    public static async Task<ResultatPlancher> MesurerAsync(string chaineConnexion, JeuDeDonnees donnees, int requetes, CancellationToken arret)
    {
        await using var source = NpgsqlDataSource.Create(chaineConnexion);
        var durees = new List<double>(requetes);
        for (var i = -20; i < requetes; i++)
        {
            var debut = Stopwatch.GetTimestamp();
            await using (var connexion = await source.OpenConnectionAsync(arret))
            {
                await using var compte = Commande(connexion, Compte, donnees);
                var total = (int)(await compte.ExecuteScalarAsync(arret))!;
                await using var page = Commande(connexion, Page, donnees);
                await using var lecteur = await page.ExecuteReaderAsync(arret);
                var lignes = 0;
                while (await lecteur.ReadAsync(arret))
                {
                    lignes++;
                }

                if (lignes == 0 || total == 0)
                {
                    throw new InvalidOperationException($"La recherche « {donnees.NomRecherche} » ne trouve personne en SQL nu.");
                }
            }

            if (i >= 0)
            {
                durees.Add(Stopwatch.GetElapsedTime(debut).TotalMilliseconds);
            }
        }

        var tries = durees.Order().ToArray();
        return new ResultatPlancher(requetes, Latences.Centile(tries, 50), Latences.Centile(tries, 95), Latences.Centile(tries, 99), 0, 0, 0, 0);
    }

    private static NpgsqlCommand Commande(NpgsqlConnection connexion, string sql, JeuDeDonnees donnees)
    {
        var commande = new NpgsqlCommand(sql, connexion);
        object[] valeurs = [true, donnees.DepartementId, new[] { donnees.ReferentId }, (object?)donnees.StructureReferentId ?? DBNull.Value, Array.Empty<string>(), donnees.MotifRecherche];
        foreach (var valeur in valeurs)
        {
            commande.Parameters.Add(new NpgsqlParameter { Value = valeur });
        }

        if (sql == Compte)
        {
            commande.Parameters.Add(new NpgsqlParameter { Value = 201 });
        }

        if (sql == Page)
        {
            commande.Parameters.Add(new NpgsqlParameter { Value = 25 });
            commande.Parameters.Add(new NpgsqlParameter { Value = 0 });
        }

        return commande;
    }
}
