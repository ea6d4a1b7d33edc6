using System.CommandLine;

namespace Gongkai.Platform.Cli;

/// <summary>Runs an admin verb's action with the application's services, after the database is migrated and seeded.</summary>
public delegate Task<int> WithServices(Func<IServiceProvider, CancellationToken, Task<int>> action);

/// <summary>An admin verb of the executable (<c>gongkai import …</c>): its name and the builder of its command.
/// Each module exposes its verbs as <c>AdminVerbs</c>; Program.cs lists the modules' verbs, so no central list
/// has to be edited when a module adds one. <paramref name="MigratesFirst"/>: the database is migrated and seeded
/// before the verb runs (every verb but <c>backup</c> and <c>restore</c>, which must see the database as it is).</summary>
public sealed record AdminVerb(string Name, Func<WithServices, Command> Create, bool MigratesFirst = true);
