package cn.fuyou.maternal.rules;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An exposed infant's follow-up to its exit (clinical-rules.md §5): which items apply given the
 * results recorded so far, and whether the results give an outcome. The schedule is a function of
 * the birth, the regimen and the results: the 12-month antibody test applies only when early
 * diagnosis was negative or not done, the 18-month one only after a positive at 12 months.
 * Lost to follow-up and death are exits the clinician records; the others follow from results.
 */
public final class PmtctInfantFollowUp {

    private PmtctInfantFollowUp() {}

    /** Result of one item: {@code finding} POSITIVE or NEGATIVE; anti-HBs (mIU/mL) for the HBV serology. */
    public record Result(String code, OffsetDateTime doneAt, String finding, BigDecimal antiHbsMiuPerMl) {
        public Result {
            if (code == null || doneAt == null) throw new IllegalArgumentException("code and doneAt are required");
        }

        boolean positive() { return "POSITIVE".equals(finding); }
        boolean negative() { return "NEGATIVE".equals(finding); }
    }

    public enum Outcome {
        INFECTED("已感染", "infected"),
        NOT_INFECTED("排除感染", "not infected"),
        PROTECTED("免疫成功", "protected"),
        NON_RESPONDER("免疫无应答，需复种", "non-responder: revaccinate"),
        LOST_TO_FOLLOW_UP("失访", "lost to follow-up"),
        DIED("死亡", "died");

        public final String zh;
        public final String en;

        Outcome(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        /** The outcomes a clinician records by hand (the others come from results). */
        public boolean recordedByHand() {
            return this == LOST_TO_FOLLOW_UP || this == DIED;
        }
    }

    public record Exit(Outcome outcome, String reasonZh, String reasonEn) {}

    /** The items that apply now and the exit, if the results give one. */
    public record Plan(List<PmtctSchedule.Item> items, Exit exit) {}

    /** §5: HBsAg-negative infant with anti-HBs at or above this is protected (fuyou rule: the usual 10 mIU/mL). */
    public static final BigDecimal PROTECTIVE_ANTI_HBS = new BigDecimal("10");

    private static final List<String> NAT_CODES = List.of("HIV_NAT_48H", "HIV_NAT_6W", "HIV_NAT_3M", "HIV_NAT_CONFIRM");

    /**
     * HIV (§5): two positive nucleic-acid tests confirm infection; antibody at 12 months when early
     * diagnosis was negative or not done — negative excludes; positive at 12 → antibody at 18
     * months, negative excludes. fuyou rules: a single positive NAT with no NAT planned after it
     * adds a confirmatory NAT within 4 weeks; a single positive NAT followed by a negative one is
     * not a positive early diagnosis (the antibody tests apply again); positive at 18 months → infected.
     */
    public static Plan hiv(OffsetDateTime birth, PmtctSchedule.Regimen regimen, List<Result> results) {
        List<PmtctSchedule.Item> items = new ArrayList<>(PmtctSchedule.hivEarly(birth, regimen));
        List<Result> nats = results.stream().filter(r -> NAT_CODES.contains(r.code()) && r.finding() != null)
                .sorted(Comparator.comparing(Result::doneAt)).toList();
        long positives = nats.stream().filter(Result::positive).count();
        if (positives >= 2) {
            return new Plan(items, new Exit(Outcome.INFECTED, "两次核酸检测阳性", "two positive nucleic-acid tests"));
        }
        boolean earlyPositive = false;
        if (positives == 1) {
            Result pos = nats.stream().filter(Result::positive).findFirst().orElseThrow();
            boolean negativeAfter = nats.stream().anyMatch(r -> r.negative() && r.doneAt().isAfter(pos.doneAt()));
            boolean natPlannedAfter = items.stream().anyMatch(i -> NAT_CODES.contains(i.code())
                    && results.stream().noneMatch(r -> r.code().equals(i.code())) && i.dueFrom().isAfter(pos.doneAt()));
            earlyPositive = !negativeAfter;
            if (earlyPositive && !natPlannedAfter) {
                items.add(new PmtctSchedule.Item("HIV_NAT_CONFIRM", "核酸检测阳性后复核核酸检测", "Confirmatory nucleic-acid test after a positive",
                        pos.doneAt(), pos.doneAt().plusWeeks(4)));
            }
        }
        if (earlyPositive) return new Plan(items, null);
        items.add(PmtctSchedule.hivAntibody12(birth));
        Result ab12 = find(results, "HIV_AB_12M");
        if (ab12 != null && ab12.negative()) {
            return new Plan(items, new Exit(Outcome.NOT_INFECTED, "12月龄抗体阴性", "antibody negative at 12 months"));
        }
        if (ab12 != null && ab12.positive()) {
            items.add(PmtctSchedule.hivAntibody18(birth));
            Result ab18 = find(results, "HIV_AB_18M");
            if (ab18 != null && ab18.negative()) {
                return new Plan(items, new Exit(Outcome.NOT_INFECTED, "12月龄抗体阳性、18月龄抗体阴性",
                        "antibody positive at 12 months and negative at 18 months"));
            }
            if (ab18 != null && ab18.positive()) {
                return new Plan(items, new Exit(Outcome.INFECTED, "18月龄抗体仍阳性", "antibody still positive at 18 months"));
            }
        }
        return new Plan(items, null);
    }

    /**
     * Syphilis (§5 items; exits are fuyou rules after the national PMTCT work specification): the
     * treponemal test at 18 months decides — negative excludes, positive confirms; a non-treponemal
     * test turning positive after a negative one confirms congenital syphilis earlier.
     */
    public static Plan syphilis(OffsetDateTime birth, List<Result> results) {
        List<PmtctSchedule.Item> items = PmtctSchedule.syphilis(birth);
        List<Result> nontrep = results.stream().filter(r -> r.code().startsWith("SYPH_NONTREP_") && r.finding() != null)
                .sorted(Comparator.comparing(Result::doneAt)).toList();
        for (int i = 1; i < nontrep.size(); i++) {
            if (nontrep.get(i).positive() && nontrep.subList(0, i).stream().anyMatch(Result::negative)) {
                return new Plan(items, new Exit(Outcome.INFECTED, "非梅毒螺旋体抗原试验由阴转阳", "non-treponemal test turned positive"));
            }
        }
        Result trep = find(results, "SYPH_TREP_18M");
        if (trep != null && trep.negative()) {
            return new Plan(items, new Exit(Outcome.NOT_INFECTED, "18月龄梅毒螺旋体抗原试验阴性", "treponemal test negative at 18 months"));
        }
        if (trep != null && trep.positive()) {
            return new Plan(items, new Exit(Outcome.INFECTED, "18月龄梅毒螺旋体抗原试验阳性", "treponemal test positive at 18 months"));
        }
        return new Plan(items, null);
    }

    /**
     * Hepatitis B (§5): infant HBsAg and anti-HBs at 7–12 months — HBsAg positive: infected;
     * HBsAg negative with anti-HBs ≥ 10 mIU/mL: protected; below: non-responder, revaccinate
     * (a revaccination item within a month of the result, fuyou rule).
     */
    public static Plan hepatitisB(OffsetDateTime birth, List<Result> results) {
        List<PmtctSchedule.Item> items = new ArrayList<>(PmtctSchedule.hepatitisB(birth));
        Result s = find(results, "HBV_SEROLOGY");
        if (s == null || s.finding() == null) return new Plan(items, null);
        if (s.positive()) return new Plan(items, new Exit(Outcome.INFECTED, "婴儿HBsAg阳性", "infant HBsAg positive"));
        if (s.antiHbsMiuPerMl() == null) throw new IllegalArgumentException("antiHbsMiuPerMl");
        if (s.antiHbsMiuPerMl().compareTo(PROTECTIVE_ANTI_HBS) >= 0) {
            return new Plan(items, new Exit(Outcome.PROTECTED, "HBsAg阴性，抗-HBs ≥ 10 mIU/mL", "HBsAg negative, anti-HBs ≥ 10 mIU/mL"));
        }
        items.add(new PmtctSchedule.Item("HBV_REVACCINATE", "免疫无应答：乙肝疫苗复种", "Non-responder: revaccinate against hepatitis B",
                s.doneAt(), s.doneAt().plusMonths(1)));
        return new Plan(items, new Exit(Outcome.NON_RESPONDER, "HBsAg阴性，抗-HBs < 10 mIU/mL", "HBsAg negative, anti-HBs < 10 mIU/mL"));
    }

    /** Whether an item needs a finding (tests do; prophylaxis and vaccination do not). */
    public static boolean isTest(String code) {
        return code.contains("_NAT_") || code.contains("_AB_") || code.startsWith("SYPH_NONTREP_") || code.equals("SYPH_TREP_18M")
                || code.equals("HBV_SEROLOGY");
    }

    private static Result find(List<Result> results, String code) {
        return results.stream().filter(r -> r.code().equals(code)).findFirst().orElse(null);
    }
}
