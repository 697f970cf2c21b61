using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace Passerelle.Tests.Support;

/// <summary>
/// A minimal SMTP server on a free local port (RFC 5321 without extensions): it keeps each message it
/// accepts, and refuses the recipients <see cref="Refuser"/> names, as a real server refuses an unknown address.
/// </summary>
public sealed class ServeurSmtpDeTest : IAsyncDisposable
{
    private readonly TcpListener _ecoute = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _arret = new();
    private readonly Task _boucle;

    public ServeurSmtpDeTest()
    {
        _ecoute.Start();
        _boucle = EcouterAsync();
    }

    public int Port => ((IPEndPoint)_ecoute.LocalEndpoint).Port;

    public Func<string, bool> Refuser { get; init; } = _ => false;

    public ConcurrentQueue<(IReadOnlyList<string> Destinataires, MimeMessage Message)> Recus { get; } = new();

    private async Task EcouterAsync()
    {
        try
        {
            while (!_arret.IsCancellationRequested)
            {
                var client = await _ecoute.AcceptTcpClientAsync(_arret.Token);
                _ = ServirAsync(client);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    private async Task ServirAsync(TcpClient client)
    {
        using (client)
        {
            var flux = client.GetStream();
            using var lecteur = new StreamReader(flux, Encoding.UTF8);
            await using var ecrivain = new StreamWriter(flux, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
            await ecrivain.WriteLineAsync("220 localhost SMTP de test");
            var destinataires = new List<string>();
            while (await lecteur.ReadLineAsync() is { } ligne)
            {
                var commande = ligne.ToUpperInvariant();
                if (commande.StartsWith("EHLO", StringComparison.Ordinal) || commande.StartsWith("HELO", StringComparison.Ordinal))
                {
                    await ecrivain.WriteLineAsync("250 localhost");
                }
                else if (commande.StartsWith("MAIL FROM:", StringComparison.Ordinal))
                {
                    destinataires.Clear();
                    await ecrivain.WriteLineAsync("250 2.1.0 OK");
                }
                else if (commande.StartsWith("RCPT TO:", StringComparison.Ordinal))
                {
                    var adresse = ligne["RCPT TO:".Length..].Trim().Trim('<', '>');
                    if (Refuser(adresse))
                    {
                        await ecrivain.WriteLineAsync("550 5.1.1 Adresse inconnue");
                    }
                    else
                    {
                        destinataires.Add(adresse);
                        await ecrivain.WriteLineAsync("250 2.1.5 OK");
                    }
                }
                else if (commande == "DATA")
                {
                    await ecrivain.WriteLineAsync("354 Fin des données par <CR><LF>.<CR><LF>");
                    var donnees = new StringBuilder();
                    while (await lecteur.ReadLineAsync() is { } contenu && contenu != ".")
                    {
                        donnees.Append(contenu.StartsWith("..", StringComparison.Ordinal) ? contenu[1..] : contenu).Append("\r\n");
                    }

                    using var message = new MemoryStream(Encoding.UTF8.GetBytes(donnees.ToString()));
                    Recus.Enqueue((destinataires.ToList(), await MimeMessage.LoadAsync(message)));
                    await ecrivain.WriteLineAsync("250 2.0.0 OK");
                }
                else if (commande is "RSET" or "NOOP")
                {
                    await ecrivain.WriteLineAsync("250 2.0.0 OK");
                }
                else if (commande == "QUIT")
                {
                    await ecrivain.WriteLineAsync("221 2.0.0 Au revoir");
                    break;
                }
                else
                {
                    await ecrivain.WriteLineAsync("502 5.5.1 Commande inconnue");
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _arret.CancelAsync();
        _ecoute.Stop();
        await _boucle;
        _arret.Dispose();
    }
}
