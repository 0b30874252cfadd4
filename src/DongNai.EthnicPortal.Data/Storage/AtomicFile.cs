namespace DongNai.EthnicPortal.Data.Storage;

/// <summary>
/// Writes upload files so that a reader never sees half of one: the bytes go to a temporary file in the
/// same folder, which is then renamed into place. A rename within one folder is atomic on local disks,
/// NFS and SMB, so another instance sharing the uploads volume sees either no file or the whole file.
/// </summary>
public static class AtomicFile
{
    public static async Task WriteAllBytesAsync(string path, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default)
    {
        var temporary = TemporaryPathFor(path);
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await stream.WriteAsync(bytes, cancellationToken);
                await stream.FlushAsync(cancellationToken);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Writes through a callback (an encoder that writes to a stream), then renames the finished file into place.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        var temporary = TemporaryPathFor(path);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>A dot-name in the same folder: the rename stays on one file system, and no URL can name it (the media route refuses leading dots).</summary>
    private static string TemporaryPathFor(string path) =>
        Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
}
