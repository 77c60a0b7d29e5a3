package cn.fuyou.maternal.internal;

import cn.fuyou.maternal.RiskColour;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** The maternal services' single door to the pure clinical policies (dating, grading, schedules). */
public final class Rules {

    private Rules() {}

    public record DatingInput(LocalDate lmp, LocalDate usDate, BigDecimal usCrlMm, Integer usGaDays,
                              LocalDate artTransferDate, Integer artEmbryoAgeDays) {}

    public record Dating(LocalDate edd, String method, boolean redated, boolean suboptimallyDated) {}

    public static Dating date(DatingInput in, LocalDate onDate) {
        if (in.lmp() == null) throw new IllegalArgumentException("lmp");
        return new Dating(in.lmp().plusDays(280), "LMP", false, true);
    }

    public record GradingInput(Integer ageYears, BigDecimal heightCm, BigDecimal weightKg, BigDecimal hemoglobin,
                               BigDecimal platelets, Integer pasp, Integer nyha, Integer ef, BigDecimal creatinine,
                               Integer fetusCount, Integer uterineSurgeries, Integer monthsSinceSurgery, Set<String> factors) {}

    public record Factor(String code, String colour, String reason) {}

    public record Grading(RiskColour colour, boolean purple, boolean screenPositive, List<Factor> factors, String ruleSetVersion) {}

    public static Grading grade(GradingInput in) {
        return new Grading(RiskColour.GREEN, false, false, List.of(), "stub");
    }

    public static void checkFactorCodes(List<String> codes, String field) {
    }

    public static String ruleSetJson() {
        return "{}";
    }

    public record Visit(int number, String labelZh, String labelEn, LocalDate dueFrom, LocalDate dueUntil, LocalDate doneOn, String status) {}

    public static List<Visit> prenatalVisits(LocalDate edd, List<LocalDate> contactDates, LocalDate today) {
        return List.of();
    }

    /** What §5 needs to know about the mother to plan an exposed infant's follow-up. */
    public record Exposure(String infection, String foundAtStage, java.time.LocalDate maternalArtStart,
                           Integer viralLoadCopies, java.time.LocalDate deliveryDate) {}

    public record InfantItem(String code, String labelZh, String labelEn, java.time.OffsetDateTime dueFrom,
                             java.time.OffsetDateTime dueUntil) {}

    public static List<InfantItem> infantItems(Exposure e, java.time.OffsetDateTime birth) {
        return List.of();
    }

    public record PostpartumItem(String code, String labelZh, String labelEn, LocalDate dueFrom, LocalDate dueUntil) {}

    public static List<PostpartumItem> postpartumItems(LocalDate deliveryDate, LocalDate dischargeDate) {
        return List.of();
    }
}
