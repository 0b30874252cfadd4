using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace DongNai.EthnicPortal.Tests.Infrastructure;

/// <summary>A Serilog sink the application picks up from DI (ReadFrom.Services), so tests can read what was logged.</summary>
public sealed class CapturedLog : ILogEventSink
{
    public ConcurrentQueue<LogEvent> Events { get; } = new();

    public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);
}
