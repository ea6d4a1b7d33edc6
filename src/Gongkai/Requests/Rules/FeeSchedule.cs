using System.Globalization;

namespace Gongkai.Requests.Rules;

/// <summary>The two ways of charging the 信息处理费 (国办函〔2020〕109号); one of them per application.</summary>
public enum FeeMethod
{
    /// <summary>按件: by the applicant's running count of applications in the calendar month.</summary>
    PerApplication,

    /// <summary>按量: by the number of pages provided for this application.</summary>
    PerPage,
}

/// <summary>A computed fee: the amount in whole yuan and how it was reached, for the fee notice and the case page.</summary>
public sealed record FeeQuote(FeeMethod Method, int Units, int AmountYuan, string Explanation)
{
    public bool Chargeable => AmountYuan > 0;
}

/// <summary>
/// The 信息处理费 schedules of 国办函〔2020〕109号 as data and arithmetic. Pure.
/// 按件: the same applicant's 1st–10th application in a calendar month is free, the 11th–30th cost 100 yuan each, and
/// from the 31st on each further band of ten costs 100 yuan more per application (31st–40th 200, 41st–50th 300 …).
/// 按量: up to 30 pages free; the pages from 31 to 100 cost 10 yuan each, from 101 to 200 20 yuan each, and from 201 on
/// 40 yuan each — each price applies only to the pages in its band.
/// </summary>
public static class FeeSchedule
{
    public const int FreeApplicationsPerMonth = 10;
    public const int FirstBandLastApplication = 30;
    public const int ApplicationBandSize = 10;
    public const int YuanPerApplicationBand = 100;

    /// <summary>The page bands: (first page, last page or null for open-ended, yuan per page).</summary>
    public static IReadOnlyList<(int From, int? To, int YuanPerPage)> PageBands { get; } =
    [
        (1, 30, 0),
        (31, 100, 10),
        (101, 200, 20),
        (201, null, 40),
    ];

    public static string Code(FeeMethod method) => method == FeeMethod.PerApplication ? "per-application" : "per-page";

    public static string ChineseName(FeeMethod method) => method == FeeMethod.PerApplication ? "按件计收" : "按量计收";

    public static FeeMethod? Parse(string? code) => code switch
    {
        "per-application" => FeeMethod.PerApplication,
        "per-page" => FeeMethod.PerPage,
        _ => null,
    };

    /// <summary>The fee for the applicant's <paramref name="ordinalInMonth"/>-th application of a calendar month.</summary>
    public static int PerApplicationYuan(int ordinalInMonth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ordinalInMonth, 1);
        if (ordinalInMonth <= FreeApplicationsPerMonth)
        {
            return 0;
        }

        if (ordinalInMonth <= FirstBandLastApplication)
        {
            return YuanPerApplicationBand;
        }

        var bandsBeyond = (ordinalInMonth - FirstBandLastApplication + ApplicationBandSize - 1) / ApplicationBandSize;
        return YuanPerApplicationBand * (1 + bandsBeyond);
    }

    /// <summary>The fee for providing <paramref name="pages"/> pages, band by band.</summary>
    public static int PerPageYuan(int pages)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pages);
        var total = 0;
        foreach (var (from, to, price) in PageBands)
        {
            var last = Math.Min(pages, to ?? int.MaxValue);
            if (last >= from)
            {
                total += (last - from + 1) * price;
            }
        }

        return total;
    }

    public static FeeQuote Quote(FeeMethod method, int units)
    {
        var n = units.ToString(CultureInfo.InvariantCulture);
        if (method == FeeMethod.PerApplication)
        {
            var amount = PerApplicationYuan(units);
            return new FeeQuote(method, units, amount, amount == 0
                ? $"按件计收：本申请人本月第{n}件申请，每月{FreeApplicationsPerMonth}件以内不收费"
                : $"按件计收：本申请人本月第{n}件申请，收费{amount.ToString(CultureInfo.InvariantCulture)}元");
        }

        var yuan = PerPageYuan(units);
        var parts = PageBands.Where(b => b.YuanPerPage > 0 && units >= b.From)
            .Select(b => string.Create(CultureInfo.InvariantCulture, $"第{b.From}–{Math.Min(units, b.To ?? units)}页每页{b.YuanPerPage}元"));
        return new FeeQuote(method, units, yuan, yuan == 0
            ? $"按量计收：共{n}页，30页以内不收费"
            : $"按量计收：共{n}页，{string.Join("，", parts)}，合计{yuan.ToString(CultureInfo.InvariantCulture)}元");
    }
}
