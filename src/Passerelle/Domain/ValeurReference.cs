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

    public ValeurReference(Guid departementId, string liste, string code, string libelle, int ordre, string? codeNational = null)
    {
        DepartementId = departementId;
        Liste = liste;
        Code = code.Trim();
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

        Libelle = libelle.Trim();
        Ordre = ordre;
        Actif = actif;
    }
}
