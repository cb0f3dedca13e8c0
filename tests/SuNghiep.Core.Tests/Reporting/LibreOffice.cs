using System.Diagnostics;
using System.Text;

namespace SuNghiep.Core.Tests.Reporting;

/// <summary>
/// Opens a file as an office suite would: LibreOffice converts it to PDF (headless, a profile of its own set to
/// Vietnamese so that Calc shows 1.234 and 18,77 as a Vietnamese office does), poppler reads the PDF's text and renders
/// its pages. One conversion at a time: LibreOffice serialises on its profile anyway, and two cores are shared.
/// </summary>
public static class LibreOffice
{
    static readonly SemaphoreSlim Gate = new(1, 1);
    static readonly string Profile = Path.Combine(Path.GetTempPath(), $"sunghiep-office-{Environment.ProcessId}");
    static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    static LibreOffice() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        try
        {
            if (Directory.Exists(Profile)) Directory.Delete(Profile, recursive: true);
        }
        catch (IOException)
        {
            // A profile left behind in the temporary folder harms nothing.
        }
    };

    /// <summary>The file as PDF, converted by soffice --headless --convert-to pdf; fails with soffice's output if it could not open it.</summary>
    public static async Task<byte[]> ToPdfAsync(byte[] file, string extension)
    {
        await Gate.WaitAsync();
        var folder = Directory.CreateTempSubdirectory("sunghiep-convert");
        try
        {
            WriteProfile();
            var input = Path.Combine(folder.FullName, $"document.{extension}");
            await File.WriteAllBytesAsync(input, file);
            var output = await RunAsync("soffice",
                $"-env:UserInstallation=file://{Profile}", "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
                "--convert-to", "pdf", "--outdir", folder.FullName, input);
            var pdf = Path.Combine(folder.FullName, "document.pdf");
            if (!File.Exists(pdf)) throw new InvalidOperationException($"LibreOffice made no PDF of the .{extension}:\n{output}");
            return await File.ReadAllBytesAsync(pdf);
        }
        finally
        {
            Gate.Release();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The text of each page, as pdftotext -layout reads it (pages are split at form feeds).</summary>
    public static async Task<string[]> PagesTextAsync(byte[] pdf)
    {
        var folder = Directory.CreateTempSubdirectory("sunghiep-pdf");
        try
        {
            var input = Path.Combine(folder.FullName, "document.pdf");
            await File.WriteAllBytesAsync(input, pdf);
            var text = Path.Combine(folder.FullName, "document.txt");
            await RunAsync("pdftotext", "-layout", "-enc", "UTF-8", input, text);
            var pages = (await File.ReadAllTextAsync(text, Encoding.UTF8)).Split('\f');
            // pdftotext ends the last page with a form feed too.
            return pages[^1].Trim().Length == 0 ? pages[..^1] : pages;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Each page as a PNG, rendered by pdftoppm at the given resolution.</summary>
    public static async Task<IReadOnlyList<byte[]>> PagesPngAsync(byte[] pdf, int dpi = 40)
    {
        var folder = Directory.CreateTempSubdirectory("sunghiep-pdf");
        try
        {
            var input = Path.Combine(folder.FullName, "document.pdf");
            await File.WriteAllBytesAsync(input, pdf);
            await RunAsync("pdftoppm", "-png", "-r", dpi.ToString(), input, Path.Combine(folder.FullName, "page"));
            var pages = folder.GetFiles("page-*.png").OrderBy(f => f.Name.Length).ThenBy(f => f.Name, StringComparer.Ordinal);
            return [.. await Task.WhenAll(pages.Select(p => File.ReadAllBytesAsync(p.FullName)))];
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    static void WriteProfile()
    {
        var user = Path.Combine(Profile, "user");
        var settings = Path.Combine(user, "registrymodifications.xcu");
        if (File.Exists(settings)) return;
        Directory.CreateDirectory(user);
        File.WriteAllText(settings, """
            <?xml version="1.0" encoding="UTF-8"?>
            <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
            <item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>vi-VN</value></prop></item>
            </oor:items>
            """);
    }

    static async Task<string> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        Process? started;
        try
        {
            started = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                $"{program} is not installed ({e.Message}): scripts/test.sh installs libreoffice-writer-nogui, libreoffice-calc-nogui and poppler-utils.", e);
        }
        using var process = started ?? throw new InvalidOperationException($"{program} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} took longer than {Timeout.TotalSeconds} s.");
        }
        var output = await stdout + await stderr;
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} exited with {process.ExitCode}:\n{output}");
        return output;
    }
}
