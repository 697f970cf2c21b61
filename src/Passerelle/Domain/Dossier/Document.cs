namespace Passerelle.Domain;

/// <summary>
/// A document of the dossier. The bytes live in <see cref="ContenuDocument"/>, a table of their own, so
/// that listing documents never reads them; they are streamed in and out.
/// </summary>
public sealed class Document : IAppartientAuDepartement
{
    public const long TailleMaximale = 10 * 1024 * 1024;
    public const int LongueurNom = 200;

    private Document()
    {
    }

    public Document(Guid departementId, Guid beneficiaireId, string nomFichier, string typeContenu, long taille, Guid? agentId, DateTime instant)
    {
        DepartementId = departementId;
        BeneficiaireId = beneficiaireId;
        NomFichier = nomFichier.Length > LongueurNom ? nomFichier[..LongueurNom] : nomFichier;
        TypeContenu = typeContenu;
        Taille = taille;
        AgentId = agentId;
        Instant = DateTime.SpecifyKind(instant, DateTimeKind.Utc);
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid DepartementId { get; private set; }
    public Guid BeneficiaireId { get; private set; }
    public string NomFichier { get; private set; } = "";
    public string TypeContenu { get; private set; } = "";
    public long Taille { get; private set; }
    public Guid? AgentId { get; private set; }
    public DateTime Instant { get; private set; }
}

/// <summary>The bytes of a document, one row per document.</summary>
public sealed class ContenuDocument
{
    private ContenuDocument()
    {
    }

    public ContenuDocument(Guid documentId, byte[] contenu)
    {
        DocumentId = documentId;
        Contenu = contenu;
    }

    public Guid DocumentId { get; private set; }
    public byte[] Contenu { get; private set; } = [];
}
