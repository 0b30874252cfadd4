namespace DongNai.EthnicPortal.Web.Models;

/// <summary>The page shown when the database refused a save: the reason, and the user's input to send again.</summary>
/// <param name="Action">The address the form had posted to, so "Gửi lại" repeats the same request.</param>
/// <param name="BackUrl">The page the form was on, when it was on this site.</param>
/// <param name="HadFiles">A chosen file cannot be given back; the page says to choose it again.</param>
public sealed record SaveFailureView(string Message, string Action, bool IsAdmin, IReadOnlyList<SavedField> Fields, string? BackUrl, bool HadFiles);

/// <param name="Label">The field's Vietnamese name; a field without one (ids, versions, tokens) is carried hidden.</param>
public sealed record SavedField(string Name, string Value, string? Label);
