namespace Passerelle.Domain;

/// <summary>
/// An entry of a list that each département adapts (barrier themes, exit outcomes, reasons…).
/// The label may change; the code, and the national code it maps to, do not.
/// </summary>
public sealed class ValeurReference : IAppartientAuDepartement, IVersionne
{
    private ValeurReference()
    {
    }

    public const int LongueurCode = 60;
    public const int LongueurLibelle = 200;

    public ValeurReference(Guid departementId, string liste, string code, string libelle, int ordre, string? codeNational = null)
    {
        if (string.IsNullOrWhiteSpace(liste))
        {
            throw new RegleMetierException("La liste de la valeur est obligatoire.");
        }

        var codeNormalise = code.Trim();
        if (!CodeEstValide(codeNormalise))
        {
            throw new RegleMetierException(
                $"Le code ne contient que des lettres minuscules sans accent, des chiffres et des tirets, {LongueurCode} caractères au plus (par exemple « aide-mobilite »).");
        }

        DepartementId = departementId;
        Liste = liste;
        Code = codeNormalise;
        CodeNational = codeNational;
        Modifier(libelle, ordre, actif: true);
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid DepartementId { get; private set; }
    public string Liste { get; private set; } = "";
    public string Code { get; private set; } = "";
    public string Libelle { get; private set; } = "";
    public int Ordre { get; private set; }
    public bool Actif { get; private set; }
    /// <summary>The code of a national nomenclature (DREES, FSE+, data·inclusion), fixed once set.</summary>
    public string? CodeNational { get; private set; }
    public int Version { get; set; }

    public void Modifier(string libelle, int ordre, bool actif)
    {
        if (string.IsNullOrWhiteSpace(libelle))
        {
            throw new RegleMetierException("Le libellé est obligatoire.");
        }

        if (libelle.Trim().Length > LongueurLibelle)
        {
            throw new RegleMetierException($"Le libellé ne dépasse pas {LongueurLibelle} caractères.");
        }

        Libelle = libelle.Trim();
        Ordre = ordre;
        Actif = actif;
    }

    /// <summary>
    /// Codes are stored in exports and mapped to national nomenclatures: plain lowercase ASCII, digits and
    /// hyphens keep them stable whatever the label becomes.
    /// </summary>
    public static bool CodeEstValide(string code) =>
        code.Length is > 0 and <= LongueurCode && code.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
