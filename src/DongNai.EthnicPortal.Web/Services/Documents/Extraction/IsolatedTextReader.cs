using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace DongNai.EthnicPortal.Web.Services.Documents.Extraction;

/// <summary>
/// Runs <see cref="TextLayerReader"/> in a child process of this same application (started with
/// <see cref="Switch"/>): a hostile file that makes a parser allocate without end hits the child's heap
/// limit (<see cref="AttachmentTextOptions.ReaderMemoryBytes"/>), and one that makes it loop is killed at
/// the time limit, where a thread of the portal could be neither stopped nor bounded. The child gets
/// the same isolation as the OCR programs (<see cref="ExternalProgram"/>) and answers in JSON.
/// </summary>
public sealed class IsolatedTextReader(IOptions<AttachmentTextOptions> options, ExternalProgram programs, ILogger<IsolatedTextReader> logger)
{
    public const string Switch = "--read-attachment-text";

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static bool IsRequested(string[] args) => args.Length == 4 && args[0] == Switch;

    public async Task<ExtractedText> ReadAsync(string path, string contentType, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var (program, arguments) = ChildCommand([Switch, Path.GetFullPath(path), contentType, JsonSerializer.Serialize(limits, Json)]);
        var folder = Directory.CreateTempSubdirectory("portal-reader-");
        try
        {
            // Room for the kept text escaped as JSON (quotes and line breaks double at most).
            var bounds = new ProgramBounds(TimeSpan.FromSeconds(limits.TimeLimitSeconds), limits.ReaderMemoryBytes, DotnetHeap: true, MaxOutputCharacters: (2 * limits.MaxCharacters) + 65_536);
            var run = await programs.RunAsync(program, arguments, folder.FullName, bounds, cancellationToken);
            if (run.TimedOut)
            {
                return ExtractedText.Failed(AttachmentTextExtractor.TooSlow);
            }

            if (run.ExitCode == 0 && Parse(run.Output) is { } text)
            {
                return text;
            }

            logger.LogWarning("The text reader of {Path} ended with exit code {ExitCode} (heap limit {Bytes} bytes): {Error}", path, run.ExitCode, limits.ReaderMemoryBytes, run.Error);
            return ExtractedText.Failed(AttachmentTextExtractor.Unreadable);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The child's side: reads one file, writes the result as JSON to standard output, logs to standard error.</summary>
    public static async Task<int> RunChildAsync(string[] args)
    {
        var limits = JsonSerializer.Deserialize<AttachmentTextOptions>(args[3], Json) ?? new AttachmentTextOptions();
        ExtractedText text;
        using (var logging = LoggerFactory.Create(builder => builder.AddSimpleConsole().Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace)))
        {
            text = new TextLayerReader(limits, logging.CreateLogger<TextLayerReader>()).Read(args[1], args[2]);
        }

        await using var output = Console.OpenStandardOutput();
        await JsonSerializer.SerializeAsync(output, Kept(text, limits.MaxCharacters), Json);
        return 0;
    }

    /// <summary>Pages up to the character limit of a file; the rest is cut, as the option says.</summary>
    private static ExtractedText Kept(ExtractedText text, int maxCharacters)
    {
        var pages = new List<string>();
        var left = maxCharacters;
        foreach (var page in text.Pages)
        {
            pages.Add(page.Length <= left ? page : page[..Math.Max(0, left)]);
            left = Math.Max(0, left - page.Length);
        }

        return text with { Pages = pages };
    }

    private static ExtractedText? Parse(string output)
    {
        try
        {
            return JsonSerializer.Deserialize<ExtractedText>(output, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// This application again: through the dotnet host with its assembly (also when a test host runs
    /// it), or its own executable when it was published with one.
    /// </summary>
    private static (string Program, List<string> Arguments) ChildCommand(IReadOnlyList<string> arguments)
    {
        var assembly = typeof(IsolatedTextReader).Assembly.Location;
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current) == Path.GetFileNameWithoutExtension(assembly))
        {
            return (current, [.. arguments]);
        }

        var host = current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet"
            ? current
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "/usr/bin/dotnet";
        return (host, [assembly, .. arguments]);
    }
}
