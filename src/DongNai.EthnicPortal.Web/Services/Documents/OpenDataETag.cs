using System.IO.Hashing;
using Microsoft.Extensions.Primitives;

namespace DongNai.EthnicPortal.Web.Services.Documents;

/// <summary>
/// Strong ETags for the open-data responses: a hash of the bytes, so the same data always has the same
/// tag on every instance of a farm. Harvesters that poll with If-None-Match get 304 and no body.
/// </summary>
public static class OpenDataETag
{
    public static string Of(byte[] body) => $"\"{Convert.ToHexStringLower(XxHash128.Hash(body))}\"";

    public static bool Matches(StringValues ifNoneMatch, string etag)
    {
        foreach (var header in ifNoneMatch)
        {
            foreach (var candidate in (header ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (candidate == "*" || candidate == etag || candidate == "W/" + etag)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
