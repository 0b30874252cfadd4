using System.Diagnostics;
using System.Text;

namespace DongNai.EthnicPortal.Web.Services.Documents.Extraction;

/// <summary>The outcome of a program run: its exit code and standard output, or why it did not finish.</summary>
public sealed record ProgramRun(int ExitCode, string Output, string Error, bool TimedOut);

/// <summary>
/// What one run may take. A .NET program (<paramref name="DotnetHeap"/>) reserves far more address space
/// than it uses, so its memory is bounded by the runtime's own heap limit instead of the address space.
/// </summary>
public sealed record ProgramBounds(TimeSpan Timeout, long MemoryBytes, bool DotnetHeap = false, int MaxOutputCharacters = 4_000_000);

/// <summary>
/// Runs the OCR programs as separate processes that cannot harm the portal: an empty environment
/// (only PATH, a private HOME and one OpenMP thread), a memory and CPU bound (<c>prlimit</c>), no
/// network (a fresh network namespace with <c>unshare -rn</c>, where the kernel allows it), a
/// wall-clock timeout after which the whole process tree is killed, and a cap on what is read back.
/// </summary>
public sealed class ExternalProgram(ILogger<ExternalProgram> logger)
{
    private static readonly Lazy<bool> CanIsolateNetwork = new(() => Probe("/usr/bin/unshare", "-rn", "--", "/bin/true"));
    private static readonly Lazy<bool> CanLimit = new(() => Probe("/usr/bin/prlimit", "--as=100000000", "--", "/bin/true"));

    public static bool Exists(string path) => File.Exists(path);

    public async Task<ProgramRun> RunAsync(string program, IReadOnlyList<string> arguments, string workingDirectory, ProgramBounds bounds, CancellationToken cancellationToken)
    {
        var timeout = bounds.Timeout;
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        var command = new List<string>();
        if (CanIsolateNetwork.Value)
        {
            command.AddRange(["/usr/bin/unshare", "-rn", "--"]);
        }

        if (CanLimit.Value)
        {
            var addressSpace = bounds.DotnetHeap ? [] : new[] { $"--as={bounds.MemoryBytes}" };
            command.AddRange(["/usr/bin/prlimit", .. addressSpace, $"--cpu={(int)Math.Ceiling(timeout.TotalSeconds) + 5}", "--"]);
        }

        command.Add(program);
        command.AddRange(arguments);
        start.FileName = command[0];
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/bin:/bin";
        start.Environment["HOME"] = workingDirectory;
        start.Environment["OMP_THREAD_LIMIT"] = "1";
        start.Environment["LANG"] = "C.UTF-8";
        if (bounds.DotnetHeap)
        {
            start.Environment["DOTNET_GCHeapHardLimit"] = bounds.MemoryBytes.ToString("X", System.Globalization.CultureInfo.InvariantCulture);
            start.Environment["DOTNET_gcServer"] = "0";
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { } root)
            {
                start.Environment["DOTNET_ROOT"] = root;
            }
        }

        using var process = new Process { StartInfo = start };
        process.Start();
        var output = ReadCappedAsync(process.StandardOutput, bounds.MaxOutputCharacters);
        var error = ReadCappedAsync(process.StandardError, bounds.MaxOutputCharacters);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            cancellationToken.ThrowIfCancellationRequested();
            logger.LogWarning("{Program} was stopped after {Seconds} s.", Path.GetFileName(program), timeout.TotalSeconds);
            return new ProgramRun(-1, "", "", TimedOut: true);
        }

        return new ProgramRun(process.ExitCode, await output, await error, TimedOut: false);
    }

    private static async Task<string> ReadCappedAsync(StreamReader reader, int maxCharacters)
    {
        var text = new StringBuilder();
        var buffer = new char[8192];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            if (text.Length < maxCharacters)
            {
                text.Append(buffer, 0, Math.Min(read, maxCharacters - text.Length));
            }
        }

        return text.ToString();
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It ended on its own meanwhile.
        }
    }

    private static bool Probe(string program, params string[] arguments)
    {
        if (!File.Exists(program))
        {
            return false;
        }

        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, arguments) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true });
            if (process is null || !process.WaitForExit(5000))
            {
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
