package cn.fuyou.maternal.internal;

import cn.fuyou.maternal.PmtctSchedule;
import cn.fuyou.maternal.PostpartumSchedule;
import cn.fuyou.maternal.PregnancyDating;
import cn.fuyou.maternal.PrenatalSchedule;
import cn.fuyou.maternal.RiskColour;
import cn.fuyou.maternal.RiskGrading;
import cn.fuyou.maternal.RiskGradingPolicy;
import cn.fuyou.maternal.RiskInputs;
import cn.fuyou.maternal.RiskRuleSet;
import cn.fuyou.maternal.UnknownFactorException;
import cn.fuyou.shared.ApiException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * The maternal services' single door to the pure clinical policies: it maps their records to the
 * policies' inputs and turns a policy's refusal into a 400 naming the field.
 */
public final class Rules {

    public static final String DEFAULT_RISK_RULES = "NHC-2017-CQ-1";
    private static volatile RiskGradingPolicy policy = new RiskGradingPolicy(RiskRuleSet.load(DEFAULT_RISK_RULES));

    private Rules() {}

    /** Switches the active five-colour rule set (a province's version), at start-up. */
    static void activate(RiskRuleSet rules) {
        policy = new RiskGradingPolicy(rules);
    }

    public static RiskGradingPolicy policy() {
        return policy;
    }

    public record DatingInput(LocalDate lmp, LocalDate usDate, BigDecimal usCrlMm, Integer usGaDays,
                              LocalDate artTransferDate, Integer artEmbryoAgeDays) {}

    public record Dating(LocalDate edd, String method, boolean redated, boolean suboptimallyDated) {}

    public static Dating date(DatingInput in, LocalDate onDate) {
        try {
            var r = PregnancyDating.date(in.lmp(),
                    in.usDate() == null && in.usCrlMm() == null && in.usGaDays() == null ? null
                            : new PregnancyDating.Ultrasound(in.usDate(), in.usCrlMm(), in.usGaDays()),
                    in.artTransferDate() == null ? null : new PregnancyDating.Art(in.artTransferDate(), in.artEmbryoAgeDays()));
            return new Dating(r.edd(), r.method().name(), r.redated(), r.suboptimallyDated());
        } catch (PregnancyDating.DatingException e) {
            String field = e.field().equals("crlMm") ? "ultrasound.crlMm" : e.field();
            throw ApiException.badField(field, e.getMessage());
        }
    }

    public record GradingInput(Integer ageYears, BigDecimal heightCm, BigDecimal weightKg, BigDecimal hemoglobin,
                               BigDecimal platelets, Integer pasp, Integer nyha, Integer ef, BigDecimal creatinine,
                               Integer fetusCount, Integer uterineSurgeries, Integer monthsSinceSurgery, Set<String> factors) {}

    public record Grading(RiskColour colour, boolean purple, boolean screenPositive, List<RiskGrading.Factor> factors,
                          String ruleSetVersion) {}

    public static Grading grade(GradingInput in) {
        try {
            RiskGrading g = policy.grade(new RiskInputs(in.ageYears(), in.heightCm(), in.weightKg(), in.hemoglobin(), in.platelets(),
                    in.pasp() == null ? null : BigDecimal.valueOf(in.pasp()), in.nyha(),
                    in.ef() == null ? null : BigDecimal.valueOf(in.ef()), in.creatinine(), in.fetusCount(), in.uterineSurgeries(),
                    in.monthsSinceSurgery(), in.factors()));
            return new Grading(g.colour(), g.purple(), g.screenPositive(), g.factors(), g.ruleSetVersion());
        } catch (UnknownFactorException e) {
            throw ApiException.badField("factors", e.getMessage());
        }
    }

    /** §1: an unknown code is a 400 naming it (and its place in the list). */
    public static void checkFactorCodes(List<String> codes, String field) {
        for (int i = 0; i < codes.size(); i++) {
            if (!policy.rules().knows(codes.get(i))) {
                throw ApiException.badField(field + "[" + i + "]", new UnknownFactorException(codes.get(i)).getMessage());
            }
        }
    }

    public record Visit(int number, String labelZh, String labelEn, LocalDate dueFrom, LocalDate dueUntil, LocalDate doneOn, String status) {}

    public static List<Visit> prenatalVisits(LocalDate edd, List<LocalDate> contactDates, LocalDate today) {
        return PrenatalSchedule.visits(edd, contactDates, today).stream()
                .map(v -> new Visit(v.window().number(), v.window().labelZh(), v.window().labelEn(), v.dueFrom(), v.dueUntil(),
                        v.doneOn(), v.status().name()))
                .toList();
    }

    /** What §5 needs to know about the mother to plan an exposed infant's follow-up. */
    public record Exposure(String infection, String foundAtStage, LocalDate maternalArtStart, Integer viralLoadCopies,
                           LocalDate deliveryDate) {}

    public record InfantItem(String code, String labelZh, String labelEn, OffsetDateTime dueFrom, OffsetDateTime dueUntil) {}

    public static List<InfantItem> infantItems(Exposure e, OffsetDateTime birth) {
        List<PmtctSchedule.Item> items = switch (e.infection()) {
            case "HIV" -> PmtctSchedule.hiv(birth, PmtctSchedule.hivRegimen(new PmtctSchedule.HivExposure(
                    e.viralLoadCopies(), e.maternalArtStart(), e.deliveryDate(), e.foundAtStage())));
            case "SYPHILIS" -> PmtctSchedule.syphilis(birth);
            case "HBV" -> PmtctSchedule.hepatitisB(birth);
            default -> List.of();
        };
        return items.stream().map(i -> new InfantItem(i.code(), i.labelZh(), i.labelEn(), i.dueFrom(), i.dueUntil())).toList();
    }

    public record PostpartumItem(String code, String labelZh, String labelEn, LocalDate dueFrom, LocalDate dueUntil) {}

    public static List<PostpartumItem> postpartumItems(LocalDate deliveryDate, LocalDate dischargeDate) {
        return PostpartumSchedule.items(deliveryDate, dischargeDate).stream()
                .map(i -> new PostpartumItem(i.code(), i.labelZh(), i.labelEn(), i.dueFrom(), i.dueUntil())).toList();
    }
}
