using System.IO.Compression;
using System.Text.Json;
using Gongkai.Platform.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Gongkai.Platform.Backup;

/// <summary>What a backup archive says about itself (<c>gongkai-backup.json</c> inside the zip).</summary>
public sealed record BackupManifest(int Format, string Provider, DateTimeOffset CreatedAt, string? LastMigration, IReadOnlyList<string> Files)
{
    public const int CurrentFormat = 1;
    public const string EntryName = "gongkai-backup.json";
    public const string SqliteEntry = "database/gongkai.db";
    public const string PostgresEntry = "database/gongkai.pgdump";
    public const string FilesPrefix = "files/";
}

/// <summary>Why a restore was not done; the message is for the operator.</summary>
public sealed class RestoreRefusedException(string message) : InvalidOperationException(message);

/// <summary>
/// One archive (a zip) holding everything a site needs to come back: the database — SQLite through its online backup
/// API, consistent while the site keeps writing; PostgreSQL as a <c>pg_dump</c> custom-format dump — and the data
/// folder's files (the public log's signing key and any other node file), without the SQLite files themselves and
/// without node-local derived state (<see cref="NodeLocalFolder"/>: the search index), which the next start rebuilds
/// from the restored database. Attachments and every other upload live in the database.
/// </summary>
internal sealed class SiteBackup(GongkaiDbContext db, IOptions<GongkaiOptions> options, IEnumerable<NodeLocalFolder> nodeLocal, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private DatabaseProvider Provider => options.Value.Database.Provider;

    private string DataFolder => options.Value.ResolvedDataFolder;

    private string ConnectionString => db.Database.GetConnectionString()
        ?? throw new InvalidOperationException("没有配置数据库连接。");

    /// <summary>Writes the archive to <paramref name="file"/> (through a temporary file, renamed when complete).</summary>
    public async Task<BackupManifest> BackupAsync(string file, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(target) ?? ".");
        var work = Directory.CreateTempSubdirectory("gongkai-backup-");
        var partial = target + ".partial";
        try
        {
            var databaseFile = Path.Combine(work.FullName, "database");
            var databaseEntry = Provider == DatabaseProvider.Postgres ? BackupManifest.PostgresEntry : BackupManifest.SqliteEntry;
            if (Provider == DatabaseProvider.Postgres)
            {
                await PostgresTools.RunAsync("pg_dump", ConnectionString, ["--format=custom", "--file=" + databaseFile], cancellationToken);
            }
            else
            {
                BackupSqlite(databaseFile);
            }

            var files = DataFiles(exclude: target).ToList();
            var migrations = await db.Database.GetAppliedMigrationsAsync(cancellationToken);
            var manifest = new BackupManifest(BackupManifest.CurrentFormat, Provider.ToString(), clock.GetUtcNow(), migrations.LastOrDefault(),
                files.Select(f => Path.GetRelativePath(DataFolder, f).Replace('\\', '/')).ToList());

            using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
            {
                using (var entry = zip.CreateEntry(BackupManifest.EntryName).Open())
                {
                    await JsonSerializer.SerializeAsync(entry, manifest, Json, cancellationToken);
                }

                // A custom-format dump is compressed already; a SQLite file compresses well.
                zip.CreateEntryFromFile(databaseFile, databaseEntry,
                    Provider == DatabaseProvider.Postgres ? CompressionLevel.NoCompression : CompressionLevel.Fastest);
                foreach (var (path, name) in files.Zip(manifest.Files))
                {
                    zip.CreateEntryFromFile(path, BackupManifest.FilesPrefix + name, CompressionLevel.Optimal);
                }
            }

            File.Move(partial, target, overwrite: true);
            return manifest;
        }
        finally
        {
            File.Delete(partial);
            work.Delete(recursive: true);
        }
    }

    /// <summary>Restores <paramref name="file"/> into the configured database and data folder, which must be empty
    /// unless <paramref name="force"/>. The site must be stopped. Returns the manifest.</summary>
    public async Task<BackupManifest> RestoreAsync(string file, bool force, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            throw new RestoreRefusedException($"找不到备份文件：{file}");
        }

        await using var stream = File.OpenRead(file);
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            throw new RestoreRefusedException($"{file} 不是 Gongkai 的备份文件（不是 zip 文件）。");
        }

        using (zip)
        {
            var manifest = await ReadManifestAsync(zip, file, cancellationToken);
            if (!string.Equals(manifest.Provider, Provider.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                throw new RestoreRefusedException(
                    $"备份来自 {manifest.Provider} 数据库，而本站配置的是 {Provider}（Gongkai:Database:Provider）。请在同类数据库上恢复。");
            }

            var occupied = await OccupiedAsync(manifest, cancellationToken);
            if (occupied.Count > 0 && !force)
            {
                throw new RestoreRefusedException(
                    $"目标不是空的：{string.Join("；", occupied)}。恢复会覆盖它们；确认要覆盖时加 --force（请先停止网站）。");
            }

            var work = Directory.CreateTempSubdirectory("gongkai-restore-");
            try
            {
                var databaseEntry = zip.GetEntry(Provider == DatabaseProvider.Postgres ? BackupManifest.PostgresEntry : BackupManifest.SqliteEntry)
                    ?? throw new RestoreRefusedException($"{file} 中没有数据库。");
                var extracted = Path.Combine(work.FullName, "database");
                databaseEntry.ExtractToFile(extracted);
                if (Provider == DatabaseProvider.Postgres)
                {
                    await RestorePostgresAsync(extracted, emptyFirst: occupied.Count > 0, cancellationToken);
                }
                else
                {
                    RestoreSqlite(extracted);
                }

                Directory.CreateDirectory(DataFolder);
                foreach (var name in manifest.Files)
                {
                    var entry = zip.GetEntry(BackupManifest.FilesPrefix + name) ?? throw new RestoreRefusedException($"{file} 缺少文件 {name}。");
                    var path = InsideDataFolder(name);
                    Directory.CreateDirectory(Path.GetDirectoryName(path) ?? DataFolder);
                    entry.ExtractToFile(path, overwrite: true);
                }

                foreach (var folder in nodeLocal.Where(f => Directory.Exists(f.Path)))
                {
                    Directory.Delete(folder.Path, recursive: true);
                }
            }
            finally
            {
                work.Delete(recursive: true);
            }

            return manifest;
        }
    }

    private static async Task<BackupManifest> ReadManifestAsync(ZipArchive zip, string file, CancellationToken cancellationToken)
    {
        var entry = zip.GetEntry(BackupManifest.EntryName) ?? throw new RestoreRefusedException($"{file} 不是 Gongkai 的备份文件（没有 {BackupManifest.EntryName}）。");
        using var content = entry.Open();
        var manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(content, Json, cancellationToken)
            ?? throw new RestoreRefusedException($"{file} 的说明文件无法读取。");
        return manifest.Format > BackupManifest.CurrentFormat
            ? throw new RestoreRefusedException($"{file} 由更新版本的 Gongkai 写成（格式 {manifest.Format}），请用该版本恢复。")
            : manifest;
    }

    /// <summary>What the restore would overwrite: a database with tables, files of the archive already present.</summary>
    private async Task<List<string>> OccupiedAsync(BackupManifest manifest, CancellationToken cancellationToken)
    {
        var occupied = new List<string>();
        if (Provider == DatabaseProvider.Postgres)
        {
            var tables = await PostgresTableCountAsync(cancellationToken);
            if (tables > 0)
            {
                occupied.Add($"数据库 {new NpgsqlConnectionStringBuilder(ConnectionString).Database} 已有 {tables} 张表");
            }
        }
        else if (SqlitePath() is var path && File.Exists(path) && new FileInfo(path).Length > 0)
        {
            occupied.Add($"数据库文件 {path} 已存在");
        }

        occupied.AddRange(manifest.Files.Where(name => File.Exists(InsideDataFolder(name))).Select(name => $"数据目录中已有 {name}"));
        return occupied;
    }

    private async Task<long> PostgresTableCountAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (PostgresException missing) when (missing.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            throw new RestoreRefusedException($"数据库 {connection.Database} 不存在：请先创建一个空数据库（例如 createdb {connection.Database}），再恢复。");
        }

        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken) ?? 0L);
    }

    private async Task RestorePostgresAsync(string dump, bool emptyFirst, CancellationToken cancellationToken)
    {
        if (emptyFirst)
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("DROP SCHEMA public CASCADE; CREATE SCHEMA public;", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        NpgsqlConnection.ClearAllPools();
        // One transaction: a failed restore leaves the database as empty as it was.
        await PostgresTools.RunAsync("pg_restore", ConnectionString,
            ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", dump], cancellationToken);
    }

    private void BackupSqlite(string destination)
    {
        using var source = new SqliteConnection(ConnectionString);
        source.Open();
        using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = destination, Pooling = false }.ToString()))
        {
            copy.Open();
            // SQLite's online backup: a consistent copy while the site keeps reading and writing.
            source.BackupDatabase(copy);
        }

        SqliteConnection.ClearPool(source);
    }

    private void RestoreSqlite(string extracted)
    {
        var path = SqlitePath();
        Directory.CreateDirectory(Path.GetDirectoryName(path) ?? DataFolder);
        SqliteConnection.ClearAllPools();
        // The old database's journal files belong to it: left beside the restored file, SQLite would replay them into it.
        foreach (var suffix in new[] { "-wal", "-shm", "-journal" })
        {
            File.Delete(path + suffix);
        }

        File.Move(extracted, path, overwrite: true);
    }

    private string SqlitePath() => Path.GetFullPath(new SqliteConnectionStringBuilder(ConnectionString).DataSource, Directory.GetCurrentDirectory());

    /// <summary>The data folder's files that belong in a backup.</summary>
    private IEnumerable<string> DataFiles(string exclude)
    {
        if (!Directory.Exists(DataFolder))
        {
            yield break;
        }

        var database = Provider == DatabaseProvider.Sqlite ? SqlitePath() : null;
        var skippedFolders = nodeLocal.Select(f => Path.GetFullPath(f.Path)).ToList();
        foreach (var path in Directory.EnumerateFiles(DataFolder, "*", SearchOption.AllDirectories).Select(Path.GetFullPath).Order(StringComparer.Ordinal))
        {
            var skipped = path == exclude || path.EndsWith(".partial", StringComparison.Ordinal) || path.EndsWith(".lock", StringComparison.Ordinal)
                || (database is not null && path.StartsWith(database, StringComparison.Ordinal))
                || skippedFolders.Any(folder => path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal));
            if (!skipped)
            {
                yield return path;
            }
        }
    }

    /// <summary>A path of the archive inside the data folder; an entry climbing out of it (<c>../</c>) is refused.</summary>
    private string InsideDataFolder(string name)
    {
        var root = Path.GetFullPath(DataFolder);
        var path = Path.GetFullPath(Path.Combine(root, name));
        return path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw new RestoreRefusedException($"备份中的文件名 {name} 指向数据目录之外，拒绝恢复。");
    }
}
