using System.Security.Cryptography;

namespace DongNai.EthnicPortal.Web.Services.Accounts;

/// <summary>Generates the one-time passwords an administrator hands to a new or reset account.</summary>
public static class OneTimePasswords
{
    // No look-alike characters (0/O, 1/l/I), since the password is read off a screen and typed.
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>Four groups of four characters: about 93 bits, typed once and replaced at the next sign-in.</summary>
    public static string Generate()
    {
        var groups = Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetString(Alphabet, 4));
        return string.Join('-', groups);
    }
}
