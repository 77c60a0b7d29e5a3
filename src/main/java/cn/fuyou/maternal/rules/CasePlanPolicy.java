package cn.fuyou.maternal.rules;

/**
 * The individual plan's defaults for a dedicated case by colour (clinical-rules.md §1 management
 * table): the lowest level where she must deliver comes from the table (orange and red: level 3;
 * purple alone: no level of its own, her colour's). The visit frequency is a fuyou rule — the
 * sources say "managed as a dedicated case" without a number: red every week, orange every 2
 * weeks, purple with a lower colour every 2 weeks (infection follow-up and PMTCT).
 */
public final class CasePlanPolicy {

    public static final String RULE = "fuyou rule CASE-PLAN-1: red 7 days, orange 14 days, purple 14 days; delivery level from §1";

    private CasePlanPolicy() {}

    public record Defaults(int visitEveryDays, int deliveryLevel) {}

    public static Defaults defaults(RiskColour colour, boolean purple) {
        int every = colour == RiskColour.RED ? 7 : 14;
        return new Defaults(every, colour.requiredLevel());
    }

    /** The plan may ask for more (a higher level, closer visits) but never less than the table. */
    public static String refusal(RiskColour colour, boolean purple, Integer visitEveryDays, Integer deliveryLevel) {
        Defaults d = defaults(colour, purple);
        if (deliveryLevel != null && deliveryLevel < d.deliveryLevel()) return "deliveryLevel";
        if (visitEveryDays != null && (visitEveryDays < 1 || visitEveryDays > d.visitEveryDays())) return "visitEveryDays";
        return null;
    }
}
