using Gongkai.Requests.Rules;

namespace Gongkai.UnitTests.Requests;

public class RequestRuleSetTests
{
    [Fact]
    public void A_request_received_the_day_before_the_revision_follows_the_2007_regulation()
    {
        var rules = RequestRuleSets.ForReceipt(new DateOnly(2019, 5, 14));
        Assert.Equal("2007", rules.Code);
        Assert.Equal(15, rules.ReplyWorkingDays);
        Assert.Equal(15, rules.MaxExtensionWorkingDays);
    }

    [Fact]
    public void A_request_received_on_the_day_the_revision_took_effect_follows_the_2019_regulation()
    {
        var rules = RequestRuleSets.ForReceipt(new DateOnly(2019, 5, 15));
        Assert.Equal("2019", rules.Code);
        Assert.Equal(20, rules.ReplyWorkingDays);
        Assert.Equal(20, rules.MaxExtensionWorkingDays);
        Assert.Equal(15, rules.ConsultationWorkingDays);
        Assert.Equal(7, rules.CorrectionRequestWithinWorkingDays);
        Assert.Equal(20, rules.FeePaymentWorkingDays);
    }

    [Fact]
    public void Very_old_requests_still_get_the_earliest_rule_set()
    {
        Assert.Equal("2007", RequestRuleSets.ForReceipt(new DateOnly(2008, 5, 1)).Code);
    }

    [Fact]
    public void Rule_sets_are_found_by_their_stored_code()
    {
        Assert.Same(RequestRuleSets.Regulation2019, RequestRuleSets.ByCode("2019"));
        Assert.Null(RequestRuleSets.ByCode("1999"));
    }
}
