using MailKit.Security;

namespace Passerelle.Infrastructure.Courriel;

/// <summary>
/// The SMTP server of the outbox, from <c>Courriel:Smtp</c> (Hote, Port, Utilisateur, MotDePasse, Expediteur,
/// Securite). Without a host, nothing is sent: the messages stay in the outbox, visible to the Administrateur.
/// </summary>
public sealed class OptionsSmtp
{
    public const string Section = "Courriel:Smtp";

    public string? Hote { get; set; }
    public int Port { get; set; } = 25;
    public string? Utilisateur { get; set; }
    public string? MotDePasse { get; set; }

    /// <summary>The sender, an address or "Name &lt;address&gt;".</summary>
    public string Expediteur { get; set; } = "Passerelle <ne-pas-repondre@passerelle.invalid>";

    /// <summary>Auto (TLS on port 465, STARTTLS when offered elsewhere), None, SslOnConnect, StartTls or StartTlsWhenAvailable.</summary>
    public SecureSocketOptions Securite { get; set; } = SecureSocketOptions.Auto;

    public bool EstConfigure => !string.IsNullOrWhiteSpace(Hote);
}
