using MailKit;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Passerelle.Data;
using Passerelle.Domain;
using Quartz;

namespace Passerelle.Infrastructure.Courriel;

/// <summary>What one run of the outbox did.</summary>
public sealed record BilanEnvoi(bool SmtpConfigure, int Envoyes, int Echecs, int EnAttente);

/// <summary>
/// Sends the outbox, oldest first, by SMTP when a server is configured (<see cref="OptionsSmtp"/>); without
/// one the messages stay where they are. Each message is marked sent (or failed, with one more attempt)
/// and saved as soon as the server has answered, so that a run cut short never sends a message twice;
/// after <see cref="MessageSortant.TentativesMaximales"/> failures a message is left for the Administrateur.
/// A server that cannot be reached costs the messages no attempt: the next run tries again. The job runs
/// outside any request, for every département at once: it lifts the tenant filter on the outbox only.
/// </summary>
[DisallowConcurrentExecution]
public sealed class EnvoiMessagesSortants(
    PasserelleDbContext db, IOptions<OptionsSmtp> options, TimeProvider temps, ILogger<EnvoiMessagesSortants> journal) : IJob
{
    public const int TailleLot = 100;
    public const string NomPieceJointe = "invitation.ics";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await EnvoyerAsync(cancellationToken);

    public async Task<BilanEnvoi> EnvoyerAsync(CancellationToken cancellationToken = default)
    {
        var smtp = options.Value;
        var aEnvoyer = db.MessagesSortants.IgnoreQueryFilters([PasserelleDbContext.FiltreDepartement])
            .Where(m => m.Envoye == null && m.Tentatives < MessageSortant.TentativesMaximales);
        if (!smtp.EstConfigure)
        {
            var enAttente = await aEnvoyer.CountAsync(cancellationToken);
            journal.LogInformation("Envoi des courriels : aucun serveur SMTP configuré (Courriel:Smtp:Hote), {EnAttente} message(s) restent dans la file.", enAttente);
            return new BilanEnvoi(false, 0, 0, enAttente);
        }

        var lot = await aEnvoyer.OrderBy(m => m.Cree).Take(TailleLot).ToListAsync(cancellationToken);
        if (lot.Count == 0)
        {
            journal.LogInformation("Envoi des courriels : aucun message à envoyer.");
            return new BilanEnvoi(true, 0, 0, 0);
        }

        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(smtp.Hote!, smtp.Port, smtp.Securite, cancellationToken);
            if (!string.IsNullOrWhiteSpace(smtp.Utilisateur))
            {
                await client.AuthenticateAsync(smtp.Utilisateur, smtp.MotDePasse ?? "", cancellationToken);
            }
        }
        catch (Exception erreur) when (erreur is IOException or System.Net.Sockets.SocketException or MailKit.Security.AuthenticationException
                                       or SmtpCommandException or SmtpProtocolException or MailKit.Security.SslHandshakeException)
        {
            journal.LogWarning(erreur, "Envoi des courriels : le serveur SMTP {Hote}:{Port} ne répond pas ; {EnAttente} message(s) attendent le prochain passage.",
                smtp.Hote, smtp.Port, lot.Count);
            return new BilanEnvoi(true, 0, 0, lot.Count);
        }

        var expediteur = MailboxAddress.Parse(smtp.Expediteur);
        int envoyes = 0, echecs = 0;
        foreach (var message in lot)
        {
            try
            {
                await client.SendAsync(Composer(message, expediteur), cancellationToken);
                message.MarquerEnvoye(temps.GetUtcNow().UtcDateTime);
                envoyes++;
            }
            catch (Exception erreur) when (erreur is SmtpCommandException or ParseException or FormatException)
            {
                // The server refused this message (an unknown address…): the others may still go.
                message.MarquerEchec(erreur.Message);
                echecs++;
                journal.LogWarning("Envoi des courriels : le message {Id} est refusé ({Tentatives} tentative(s)) : {Erreur}", message.Id, message.Tentatives, erreur.Message);
            }
            catch (Exception erreur) when (erreur is IOException or SmtpProtocolException or ServiceNotConnectedException)
            {
                // The connection dropped during this message: it counts one attempt, the rest wait for the next run.
                message.MarquerEchec(erreur.Message);
                echecs++;
                await db.SaveChangesAsync(cancellationToken);
                journal.LogWarning(erreur, "Envoi des courriels : connexion perdue pendant le message {Id}.", message.Id);
                break;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        if (client.IsConnected)
        {
            await client.DisconnectAsync(true, cancellationToken);
        }

        var restants = await aEnvoyer.CountAsync(cancellationToken);
        journal.LogInformation("Envoi des courriels : {Envoyes} envoyé(s), {Echecs} échec(s), {EnAttente} en attente.", envoyes, echecs, restants);
        return new BilanEnvoi(true, envoyes, echecs, restants);
    }

    public static MimeMessage Composer(MessageSortant message, MailboxAddress expediteur)
    {
        var courriel = new MimeMessage();
        courriel.From.Add(expediteur);
        courriel.To.Add(MailboxAddress.Parse(message.Destinataire));
        courriel.Subject = message.Sujet;
        // The outbox id: a server that sees the same message twice can recognise it.
        courriel.MessageId = $"{message.Id:N}@passerelle";
        var corps = new BodyBuilder { TextBody = message.Corps };
        if (message.InvitationIcs is { } ics)
        {
            var piece = corps.Attachments.Add(NomPieceJointe, System.Text.Encoding.UTF8.GetBytes(ics), new ContentType("text", "calendar"));
            piece.ContentType.Parameters.Add("method", "PUBLISH");
            piece.ContentType.Charset = "utf-8";
        }

        courriel.Body = corps.ToMessageBody();
        return courriel;
    }
}
