using Passerelle.Data;
using Passerelle.Domain;
using Passerelle.Infrastructure.Tenancy;

namespace Passerelle.Infrastructure.Audit;

/// <summary>Writes the access journal: who read, changed or exported which record, from where.</summary>
public sealed class Journal(PasserelleDbContext db, AgentCourant agentCourant, DepartementCourant departementCourant, TimeProvider temps)
{
    /// <summary>
    /// Adds a line to the unit of work: it is saved with the change it records, or not at all. The line
    /// belongs to the current département unless another is named (a département created by the platform).
    /// </summary>
    public void Ajouter(ActionJournal action, string? typeEnregistrement = null, Guid? enregistrementId = null, Guid? departementId = null) =>
        db.JournalAcces.Add(Ligne(action, typeEnregistrement, enregistrementId, agentCourant.Id, departementId ?? departementCourant.Id));

    /// <summary>Adds a line and saves the unit of work at once: for reads and sign-ins, which have nothing else to save.</summary>
    public async Task EnregistrerAsync(
        ActionJournal action, string? typeEnregistrement = null, Guid? enregistrementId = null,
        Guid? agentId = null, Guid? departementId = null, CancellationToken cancellationToken = default)
    {
        db.JournalAcces.Add(Ligne(action, typeEnregistrement, enregistrementId, agentId ?? agentCourant.Id, departementId ?? departementCourant.Id));
        await db.SaveChangesAsync(cancellationToken);
    }

    private JournalAcces Ligne(ActionJournal action, string? type, Guid? id, Guid? agentId, Guid? departementId) =>
        new(temps.GetUtcNow().UtcDateTime, agentId, departementId, action, type, id, agentCourant.Ip, agentCourant.UserAgent);
}
