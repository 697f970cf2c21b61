using System.Text;
using Microsoft.EntityFrameworkCore;
using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Infrastructure;
using Passerelle.Infrastructure.Audit;

namespace Passerelle.Features.Administration.Qpv;

/// <summary>The outcome of an import: counts when it was applied, or the reasons it was not.</summary>
public sealed record ResultatImportQpv(int Ajoutes, int MisAJour, int Inchanges, int LignesInvalides, IReadOnlyList<string> Erreurs)
{
    public bool Reussi => Erreurs.Count == 0;

    public static ResultatImportQpv Refuse(string erreur) => new(0, 0, 0, 0, [erreur]);
}

/// <summary>
/// Loads the official list of the quartiers prioritaires of the current département from a CSV file.
/// All or nothing: one invalid line and nothing is written, so that the list is never half updated.
/// </summary>
public sealed class ServiceQpv(PasserelleDbContext db, Journal journal)
{
    public const long TailleMaximale = 1024 * 1024;
    public const int ErreursAffichees = 10;
    public const string TypeJournal = "ImportQpv";
    public const string MessageTropGros = "Le fichier dépasse 1 Mo : la liste officielle d'un département est bien plus petite. Vérifiez le fichier choisi.";

    private const int LongueurCode = 20;
    private const int LongueurNom = 150;
    private static readonly string[] Colonnes = ["code", "nom", "commune"];

    public async Task<ResultatImportQpv> ImporterAsync(Stream fichier, CancellationToken cancellationToken = default)
    {
        var departementId = db.DepartementCourant.IdObligatoire;
        var contenu = await LireAsync(fichier, cancellationToken);
        if (contenu is null)
        {
            return ResultatImportQpv.Refuse(MessageTropGros);
        }

        List<(int Numero, string Texte)> lignes;
        try
        {
            lignes = Lignes(contenu);
        }
        catch (DecoderFallbackException)
        {
            return ResultatImportQpv.Refuse("Le fichier n'est pas encodé en UTF-8. Enregistrez-le au format « CSV UTF-8 » puis importez-le de nouveau.");
        }

        if (lignes.Count == 0)
        {
            return ResultatImportQpv.Refuse("Le fichier est vide : la première ligne doit nommer les colonnes code, nom et commune.");
        }

        var (numeroEnTete, enTete) = lignes[0];
        // Excel in French saves with ";", most exports with ",": the header tells which one this file uses.
        var separateur = enTete.Count(c => c == ';') > enTete.Count(c => c == ',') ? ';' : ',';
        var noms = LigneCsv.Decouper(enTete, separateur)?.Select(n => n.Trim().ToLowerInvariant()).ToList();
        if (noms is null)
        {
            return ResultatImportQpv.Refuse($"Ligne {numeroEnTete} : un guillemet n'est pas fermé dans la ligne d'en-tête.");
        }

        var manquantes = Colonnes.Where(c => !noms.Contains(c)).ToList();
        if (manquantes.Count > 0)
        {
            return ResultatImportQpv.Refuse(
                $"La première ligne doit nommer les colonnes code, nom et commune, dans n'importe quel ordre (manquante{(manquantes.Count > 1 ? "s" : "")} : {string.Join(", ", manquantes)}).");
        }

        var doublons = Colonnes.Where(c => noms.Count(n => n == c) > 1).ToList();
        if (doublons.Count > 0)
        {
            return ResultatImportQpv.Refuse($"La ligne d'en-tête nomme plusieurs fois la colonne {string.Join(", ", doublons)}.");
        }

        if (lignes.Count == 1)
        {
            return ResultatImportQpv.Refuse("Le fichier ne contient aucun quartier après la ligne d'en-tête.");
        }

        var (iCode, iNom, iCommune) = (noms.IndexOf("code"), noms.IndexOf("nom"), noms.IndexOf("commune"));
        var colonnesLues = Math.Max(iCode, Math.Max(iNom, iCommune)) + 1;
        var communes = await CommunesAsync(lignes, separateur, iCommune, cancellationToken);

        var valides = new List<(string Code, string Nom, string Commune)>();
        var vus = new Dictionary<string, int>(StringComparer.Ordinal);
        var erreurs = new List<string>();
        var lignesInvalides = 0;
        foreach (var (numero, texte) in lignes.Skip(1))
        {
            var problemes = new List<string>();
            var champs = LigneCsv.Decouper(texte, separateur);
            if (champs is null)
            {
                problemes.Add("un guillemet n'est pas fermé");
            }
            else if (champs.Count < colonnesLues)
            {
                problemes.Add($"{champs.Count} colonne{(champs.Count > 1 ? "s" : "")} au lieu d'au moins {colonnesLues}");
            }
            else
            {
                var code = champs[iCode].Trim().ToUpperInvariant();
                var nom = champs[iNom].Trim();
                var commune = CommunesDuDepartement.Normaliser(champs[iCommune]);
                VerifierCode(code, numero, vus, problemes);
                VerifierNom(nom, problemes);
                VerifierCommune(commune, communes, problemes);
                if (problemes.Count == 0)
                {
                    valides.Add((code, nom, commune));
                }
            }

            if (problemes.Count > 0)
            {
                lignesInvalides++;
                if (erreurs.Count < ErreursAffichees)
                {
                    erreurs.Add($"Ligne {numero} : {string.Join(" ; ", problemes)}.");
                }
            }
        }

        if (lignesInvalides > 0)
        {
            return new ResultatImportQpv(0, 0, 0, lignesInvalides, erreurs);
        }

        return await AppliquerAsync(departementId, valides, cancellationToken);
    }

    private async Task<ResultatImportQpv> AppliquerAsync(Guid departementId, List<(string Code, string Nom, string Commune)> valides, CancellationToken cancellationToken)
    {
        // Quartiers absent from the file are kept: they may be referenced, and a partial file must not erase the list.
        var existants = await db.Qpvs.ToDictionaryAsync(q => q.Code, StringComparer.Ordinal, cancellationToken);
        var (ajoutes, misAJour, inchanges) = (0, 0, 0);
        foreach (var (code, nom, commune) in valides)
        {
            if (!existants.TryGetValue(code, out var qpv))
            {
                db.Qpvs.Add(new Domain.Qpv(departementId, code, nom, commune));
                ajoutes++;
            }
            else if (qpv.Nom != nom || qpv.CommuneCode != commune)
            {
                qpv.Renommer(nom, commune);
                misAJour++;
            }
            else
            {
                inchanges++;
            }
        }

        journal.Ajouter(ActionJournal.Creation, TypeJournal);
        await db.SaveChangesAsync(cancellationToken);
        return new ResultatImportQpv(ajoutes, misAJour, inchanges, 0, []);
    }

    /// <summary>The communes of the département named in the file, and for the others whether they exist at all.</summary>
    private async Task<Dictionary<string, string?>> CommunesAsync(
        List<(int Numero, string Texte)> lignes, char separateur, int iCommune, CancellationToken cancellationToken)
    {
        var codes = lignes.Skip(1)
            .Select(l => LigneCsv.Decouper(l.Texte, separateur))
            .Where(c => c is not null && c.Count > iCommune)
            .Select(c => CommunesDuDepartement.Normaliser(c![iCommune]))
            .Where(c => c.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var duDepartement = await CommunesDuDepartement.TrouverAsync(db, codes, cancellationToken);
        var autres = codes.Where(c => !duDepartement.ContainsKey(c)).ToList();
        var ailleurs = await db.Communes.AsNoTracking().Where(c => autres.Contains(c.Code)).Select(c => c.Code).ToListAsync(cancellationToken);

        // A null name marks a commune that exists in another département.
        var resultat = duDepartement.ToDictionary(c => c.Key, c => (string?)c.Value, StringComparer.Ordinal);
        foreach (var code in ailleurs)
        {
            resultat[code] = null;
        }

        return resultat;
    }

    private static void VerifierCode(string code, int numero, Dictionary<string, int> vus, List<string> problemes)
    {
        if (code.Length == 0)
        {
            problemes.Add("le code est vide");
        }
        else if (code.Length > LongueurCode)
        {
            problemes.Add($"le code dépasse {LongueurCode} caractères");
        }
        else if (!vus.TryAdd(code, numero))
        {
            problemes.Add($"le code {code} figure déjà ligne {vus[code]}");
        }
    }

    private static void VerifierNom(string nom, List<string> problemes)
    {
        if (nom.Length == 0)
        {
            problemes.Add("le nom est vide");
        }
        else if (nom.Length > LongueurNom)
        {
            problemes.Add($"le nom dépasse {LongueurNom} caractères");
        }
    }

    private static void VerifierCommune(string commune, Dictionary<string, string?> communes, List<string> problemes)
    {
        if (commune.Length == 0)
        {
            problemes.Add("le code de la commune est vide");
        }
        else if (!communes.TryGetValue(commune, out var nom))
        {
            problemes.Add($"la commune {commune} n'existe pas (code officiel géographique à 5 caractères attendu)");
        }
        else if (nom is null)
        {
            problemes.Add($"la commune {commune} n'est pas dans votre département");
        }
    }

    /// <summary>The file's bytes, or null beyond <see cref="TailleMaximale"/>: the stream may not tell its length.</summary>
    private static async Task<byte[]?> LireAsync(Stream fichier, CancellationToken cancellationToken)
    {
        using var memoire = new MemoryStream();
        var tampon = new byte[81920];
        int lus;
        while ((lus = await fichier.ReadAsync(tampon, cancellationToken)) > 0)
        {
            if (memoire.Length + lus > TailleMaximale)
            {
                return null;
            }

            memoire.Write(tampon, 0, lus);
        }

        return memoire.ToArray();
    }

    /// <summary>The non-blank lines with their number in the file (1 for the first), a leading BOM removed.</summary>
    private static List<(int Numero, string Texte)> Lignes(byte[] contenu)
    {
        // Strict UTF-8: a file saved in Windows-1252 throws here instead of importing garbled names.
        var encodage = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var texte = encodage.GetString(contenu).TrimStart('\uFEFF');
        var lignes = new List<(int, string)>();
        var numero = 0;
        using var lecteur = new StringReader(texte);
        while (lecteur.ReadLine() is { } ligne)
        {
            numero++;
            if (!string.IsNullOrWhiteSpace(ligne))
            {
                lignes.Add((numero, ligne));
            }
        }

        return lignes;
    }
}
