namespace Gongkai.Platform.Backup;

/// <summary>
/// A folder of state this node derives from the database and rebuilds by itself (the search index). A module that
/// keeps one registers it (<c>services.AddSingleton(new NodeLocalFolder(path))</c>): <c>backup</c> leaves it out of the
/// archive and <c>restore</c> empties it, so the next start rebuilds it from the restored database instead of serving
/// state that belongs to another database.
/// </summary>
public sealed record NodeLocalFolder(string Path);
