using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace SuNghiep.Web.Tests.Infrastructure;

/// <summary>
/// A minimal SMTP server on loopback that accepts every message and keeps it: 220 greeting, EHLO/HELO, MAIL FROM, RCPT
/// TO, DATA up to ".", RSET, NOOP, QUIT. Enough for System.Net.Mail.SmtpClient, and nothing leaves the machine.
/// </summary>
public sealed partial class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public SmtpSink()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public ConcurrentQueue<SmtpMessage> Messages { get; } = new();

    /// <summary>A loopback port with nothing listening on it: connections are refused.</summary>
    public static int DeadPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private async Task AcceptAsync()
    {
        var sessions = new List<Task>();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                sessions.Add(ServeAsync(client));
            }
        }
        catch (OperationCanceledException)
        {
        }

        await Task.WhenAll(sessions);
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            // The client sends 7-bit text (encoded words, base64 bodies); Latin-1 keeps any stray byte as it is.
            using var reader = new StreamReader(stream, Encoding.Latin1);
            await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 localhost SmtpSink");
            string? from = null;
            var to = new List<string>();
            try
            {
                while (await reader.ReadLineAsync(_stop.Token) is { } line)
                {
                    var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                    switch (command)
                    {
                        case "EHLO" or "HELO":
                            await writer.WriteLineAsync("250 localhost");
                            break;
                        case "MAIL":
                            from = Address(line);
                            to.Clear();
                            await writer.WriteLineAsync("250 OK");
                            break;
                        case "RCPT":
                            to.Add(Address(line));
                            await writer.WriteLineAsync("250 OK");
                            break;
                        case "DATA":
                            await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                            var data = new StringBuilder();
                            while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                            {
                                data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                            }

                            Messages.Enqueue(new SmtpMessage(from ?? "", [.. to], data.ToString()));
                            await writer.WriteLineAsync("250 OK queued");
                            break;
                        case "QUIT":
                            await writer.WriteLineAsync("221 Bye");
                            return;
                        default:
                            await writer.WriteLineAsync("250 OK");
                            break;
                    }
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away or the sink is stopping.
            }
        }
    }

    private static string Address(string line) => AngleAddress().Match(line) is { Success: true } m ? m.Groups[1].Value : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();

    [GeneratedRegex("<([^>]*)>")]
    private static partial Regex AngleAddress();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}

/// <summary>A message as received, with its subject and text body decoded from MIME (encoded words, base64 or 7-bit).</summary>
public sealed partial record SmtpMessage(string From, IReadOnlyList<string> To, string Data)
{
    // Adjacent encoded words are joined without the space between them (RFC 2047, 6.2).
    public string Subject => EncodedWord().Replace(BetweenWords().Replace(Header("Subject") ?? "", "?==?"), m =>
        m.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
            ? Encoding.GetEncoding(m.Groups[1].Value).GetString(Convert.FromBase64String(m.Groups[3].Value))
            : m.Value);

    public string Body
    {
        get
        {
            var split = Data.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var raw = split < 0 ? "" : Data[(split + 4)..];
            return Header("Content-Transfer-Encoding")?.Trim().Equals("base64", StringComparison.OrdinalIgnoreCase) == true
                ? Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(raw.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))))
                : raw;
        }
    }

    /// <summary>A header's value, its folded lines joined.</summary>
    public string? Header(string name)
    {
        var headers = Data.Split("\r\n\r\n", 2)[0].Replace("\r\n ", " ", StringComparison.Ordinal).Replace("\r\n\t", " ", StringComparison.Ordinal);
        return headers.Split("\r\n")
            .Where(h => h.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
            .Select(h => h[(name.Length + 1)..].Trim())
            .FirstOrDefault();
    }

    [GeneratedRegex(@"\?=\s+=\?")]
    private static partial Regex BetweenWords();

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWord();
}
