package cn.fuyou.childhealth.internal;

import cn.fuyou.reporting.IndicatorFact;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a child's death contributes to the indicator catalogue, as a pure function of her record
 * (indicators.md: early neonatal / neonatal / infant / under-5 deaths over live births; perinatal
 * deaths include deaths within 7 days of a birth at ≥ 28 weeks). Age at death in completed days:
 * early neonatal 0–6 (within the first 7 days), neonatal 0–27 (within 28 days), infant before the
 * first birthday, under-5 before the fifth. The age groups are dated by the day of death (the year's
 * deaths over the year's live births); the perinatal death by the day of birth, like the perinatal
 * births it is counted against. Area = her residence; institution = the one that recorded the death.
 * A child born before 28+0 weeks was not counted as a live birth, so her death is not counted either.
 */
public final class ChildDeathFacts {

    /** 28+0 weeks. */
    static final int PERINATAL_GA_DAYS = 196;

    private ChildDeathFacts() {}

    public record Death(UUID childId, LocalDate birthDate, LocalDate diedOn, Integer birthGaDays, Integer birthWeightG,
                        String institutionCode, String areaCode) {}

    public static List<IndicatorFact> of(Death d) {
        List<IndicatorFact> out = new ArrayList<>();
        if (d.diedOn() == null || d.diedOn().isBefore(d.birthDate())) return out;
        // a birth before 28+0 weeks is not a live birth of the statistics (indicators.md), so neither is its death
        if (d.birthGaDays() != null && d.birthGaDays() < PERINATAL_GA_DAYS) return out;
        long days = ChronoUnit.DAYS.between(d.birthDate(), d.diedOn());
        if (days < 7) out.add(fact("CHILD_DEATH_EARLY_NEONATAL", d, d.diedOn()));
        if (days < 28) out.add(fact("CHILD_DEATH_NEONATAL", d, d.diedOn()));
        if (d.diedOn().isBefore(d.birthDate().plusYears(1))) out.add(fact("CHILD_DEATH_INFANT", d, d.diedOn()));
        if (d.diedOn().isBefore(d.birthDate().plusYears(5))) out.add(fact("CHILD_DEATH_UNDER5", d, d.diedOn()));
        boolean perinatalBirth = d.birthGaDays() != null ? d.birthGaDays() >= PERINATAL_GA_DAYS
                : d.birthWeightG() != null && d.birthWeightG() >= 1000;
        if (days < 7 && perinatalBirth) out.add(fact("PERINATAL_DEATH", d, d.birthDate()));
        return out;
    }

    private static IndicatorFact fact(String measure, Death d, LocalDate date) {
        return new IndicatorFact(measure, d.childId(), d.institutionCode(), d.areaCode(), date, null);
    }
}
