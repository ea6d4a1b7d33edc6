namespace Gongkai.Tests.Infrastructure;

/// <summary>Traits scripts/test filters on, so each test runs in the database pass it is about and in no other.</summary>
public static class TestTraits
{
    public const string Database = "Database";

    /// <summary>Needs a PostgreSQL server (e.g. two nodes on one database): the PostgreSQL pass only.</summary>
    public const string PostgresOnly = "PostgresOnly";

    /// <summary>Measures something no database changes (search ranking): once, in the SQLite pass.</summary>
    public const string Once = "Once";
}
