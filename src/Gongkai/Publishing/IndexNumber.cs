using System.Globalization;
using Gongkai.Organizations;

namespace Gongkai.Publishing;

/// <summary>索引号: the publishing body's organisation code (characters 9–17 of its credit code, printed
/// <c>XXXXXXXX-X</c>), "/", the year, "-", a five-digit sequence within that body and year.</summary>
public static class IndexNumber
{
    /// <summary>The part shared by one body's documents of one year, e.g. <c>00700002-5/2018-</c>.</summary>
    public static string Prefix(string creditCode, int year) =>
        string.Create(CultureInfo.InvariantCulture, $"{CreditCode.FormatOrganizationCode(creditCode)}/{year:D4}-");

    public static string Format(string creditCode, int year, int sequence)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sequence);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, 99999);
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix(creditCode, year)}{sequence:D5}");
    }

    /// <summary>The sequence part of an index number with the given prefix, or 0 when it is not one.</summary>
    public static int SequenceOf(string indexNo, string prefix) =>
        indexNo.StartsWith(prefix, StringComparison.Ordinal)
        && int.TryParse(indexNo.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? sequence
            : 0;
}
