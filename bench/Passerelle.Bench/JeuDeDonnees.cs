using System.Globalization;
using System.Text;
using Npgsql;

namespace Passerelle.Bench;

/// <summary>
/// What the measured pages ask for, read from the database so that they return real content: the référent's most
/// frequent surname among the people he sees, and dossiers of his portfolio.
/// </summary>
internal sealed record JeuDeDonnees(
    Guid DepartementId, Guid ReferentId, Guid? StructureReferentId, string NomRecherche, string MotifRecherche,
    IReadOnlyList<Guid> Dossiers, int Personnes)
{
    public const string Departement = "14";
    public const string Referent = "referent.calvados";
    public const string AgentOrientation = "orientation.calvados";
    public const string Operateur = "operateur.calvados";

    public static async Task<JeuDeDonnees> ChoisirAsync(string chaineConnexion, CancellationToken arret)
    {
        await using var source = NpgsqlDataSource.Create(chaineConnexion);
        var departementId = await ScalaireAsync<Guid>(source, """SELECT "Id" FROM "Departements" WHERE "Code" = $1""", [Departement], arret);
        Guid referentId;
        Guid? structureId;
        await using (var commande = source.CreateCommand("""SELECT "Id", "StructureId" FROM "AspNetUsers" WHERE "Email" = $1"""))
        {
            commande.Parameters.Add(new NpgsqlParameter { Value = $"{Referent}@passerelle.test" });
            await using var lecteur = await commande.ExecuteReaderAsync(arret);
            if (!await lecteur.ReadAsync(arret))
            {
                throw new InvalidOperationException($"Le compte {Referent} n'existe pas : la démonstration est-elle chargée ?");
            }

            referentId = lecteur.GetGuid(0);
            structureId = lecteur.IsDBNull(1) ? null : lecteur.GetGuid(1);
        }

        // The people the référent sees (PerimetreDossiers: his designations and his structure's); a one-word surname,
        // so that the search is one LIKE, as the bare SQL floor reproduces it.
        const string visibles = """
            FROM "Beneficiaires" b
            WHERE b."DepartementId" = $1 AND b."FusionneDansId" IS NULL
              AND EXISTS (SELECT 1 FROM "ReferentsUniques" r WHERE r."BeneficiaireId" = b."Id" AND r."Fin" IS NULL
                          AND (r."AgentId" = $2 OR ($3::uuid IS NOT NULL AND r."StructureId" = $3)))
            """;
        var nom = await ScalaireAsync<string>(source, $"""
            SELECT b."NomNaissance" {visibles} AND b."NomNaissance" ~ '^[[:alpha:]]+$'
            GROUP BY b."NomNaissance" ORDER BY count(*) DESC, b."NomNaissance" LIMIT 1
            """, [departementId, referentId, (object?)structureId ?? DBNull.Value], arret);

        var dossiers = new List<Guid>();
        await using (var commande = source.CreateCommand("""
            SELECT b."Id" FROM "Beneficiaires" b
            WHERE b."DepartementId" = $1 AND b."FusionneDansId" IS NULL
              AND EXISTS (SELECT 1 FROM "ReferentsUniques" r WHERE r."BeneficiaireId" = b."Id" AND r."Fin" IS NULL AND r."AgentId" = $2)
            ORDER BY b."Id" LIMIT 50
            """))
        {
            commande.Parameters.Add(new NpgsqlParameter { Value = departementId });
            commande.Parameters.Add(new NpgsqlParameter { Value = referentId });
            await using var lecteur = await commande.ExecuteReaderAsync(arret);
            while (await lecteur.ReadAsync(arret))
            {
                dossiers.Add(lecteur.GetGuid(0));
            }
        }

        if (dossiers.Count == 0)
        {
            throw new InvalidOperationException($"Le portefeuille de {Referent} est vide : rien à ouvrir.");
        }

        var personnes = await ScalaireAsync<long>(source, """SELECT count(*) FROM "Beneficiaires" WHERE "DepartementId" = $1 AND "FusionneDansId" IS NULL""", [departementId], arret);
        return new JeuDeDonnees(departementId, referentId, structureId, nom, $"%{Normaliser(nom)}%", dossiers, (int)personnes);
    }

    /// <summary>As the application's NomsNormalises: lower case, no accents, letters and digits only.</summary>
    private static string Normaliser(string nom)
    {
        var decompose = nom.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var resultat = new StringBuilder(decompose.Length);
        foreach (var caractere in decompose.Where(c => char.IsLetterOrDigit(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark))
        {
            resultat.Append(caractere);
        }

        return resultat.ToString();
    }

    private static async Task<T> ScalaireAsync<T>(NpgsqlDataSource source, string sql, object[] parametres, CancellationToken arret)
    {
        await using var commande = source.CreateCommand(sql);
        foreach (var parametre in parametres)
        {
            commande.Parameters.Add(new NpgsqlParameter { Value = parametre });
        }

        return await commande.ExecuteScalarAsync(arret) is T valeur
            ? valeur
            : throw new InvalidOperationException($"Aucune donnée pour : {sql.Split('\n')[0]}");
    }
}
