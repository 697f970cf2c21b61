namespace Passerelle.Domain;

/// <summary>
/// One run of a scheduled job, whichever instance ran it, written after the run. Technical, not a
/// département's data: no tenant filter. Never updated.
/// </summary>
public sealed class ExecutionTache
{
    public const int LongueurErreur = 2000;
    public const int LongueurNom = 200;

    private ExecutionTache()
    {
    }

    public ExecutionTache(string tache, DateTime? prevue, DateTime debut, DateTime fin, string instance, string? erreur)
    {
        Tache = tache;
        Prevue = prevue is null ? null : DateTime.SpecifyKind(prevue.Value, DateTimeKind.Utc);
        Debut = DateTime.SpecifyKind(debut, DateTimeKind.Utc);
        Fin = DateTime.SpecifyKind(fin, DateTimeKind.Utc);
        Instance = instance.Length > LongueurNom ? instance[..LongueurNom] : instance;
        Reussie = erreur is null;
        Erreur = erreur is { Length: > LongueurErreur } ? erreur[..LongueurErreur] : erreur;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>The job's key (<c>envoi-courriels</c>, <c>expiration-prescriptions</c>).</summary>
    public string Tache { get; private set; } = "";

    /// <summary>The instant the trigger was due: two rows with the same one would be the same run done twice.</summary>
    public DateTime? Prevue { get; private set; }

    public DateTime Debut { get; private set; }
    public DateTime Fin { get; private set; }

    /// <summary>The Quartz instance id of the process that ran it.</summary>
    public string Instance { get; private set; } = "";

    public bool Reussie { get; private set; }
    public string? Erreur { get; private set; }
}
