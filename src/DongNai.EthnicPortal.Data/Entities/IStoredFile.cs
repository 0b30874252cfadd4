namespace DongNai.EthnicPortal.Data.Entities;

/// <summary>A row that refers to an uploaded file kept in the private documents folder (a registry attachment, a consultation file).</summary>
public interface IStoredFile
{
    /// <summary>The original file name, shown and offered on download.</summary>
    string FileName { get; set; }

    string ContentType { get; set; }

    long SizeBytes { get; set; }

    /// <summary>A generated name under the private upload folder; never derived from user input.</summary>
    string StoredPath { get; set; }

    DateTime UploadedAt { get; set; }
}
