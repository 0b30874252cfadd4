using Microsoft.AspNetCore.Mvc;

namespace DongNai.EthnicPortal.Tests.Security;

/// <summary>Added to the app only in tests, to drive the real exception handler.</summary>
public sealed class FaultingController : Controller
{
    [HttpGet("/__test/loi")]
    public IActionResult Fail() => HttpContext is null ? Ok() : throw new InvalidOperationException("Secret internal detail: connection string Password=hunter2");

    [HttpGet("/__test/mat-co-so-du-lieu")]
    public IActionResult DatabaseDown() => HttpContext is null ? Ok() : throw new Microsoft.Data.Sqlite.SqliteException("unable to open database file", 14);
}
