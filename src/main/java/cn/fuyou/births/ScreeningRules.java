package cn.fuyou.births;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * clinical-rules.md §9 — newborn screening: blood-spot timing, laboratory cut-offs, the "1-3-6"
 * hearing pathway and pulse-oximetry CHD screening. A pure class over versioned rule data
 * ({@code rules/newborn-screening/<version>.json}); every judged record stores {@link #version()}.
 *
 * <p>Readings where §9 leaves a choice are marked "fuyou rule": the day of life is the number of
 * calendar days (China time) from the birth date, so day 7 is the birth date + 7; "before discharge"
 * for the first hearing screen is taken as by day {@code firstScreenByDays}; follow-up step windows
 * (recall, confirmation, treatment, follow-up, echocardiography) are fuyou's defaults in the rule data.
 */
public record ScreeningRules(String version, BloodSpot bloodSpot, Map<String, Cutoff> cutoffs, Hearing hearing, Chd chd,
                             FollowUp followUp) {

    public static final ZoneId CHINA = cn.fuyou.shared.ChinaTime.ZONE;
    public static final String DEFAULT_VERSION = "NHC-2010-CQ-1";

    public record BloodSpot(int minHoursOfLife, int minFeeds, int latestDay, int latestDayWhenImpossible) {}

    public record Cutoff(BigDecimal value, String unit) {}

    public record Hearing(int rescreenByDays, int diagnosisByMonths, int interventionByMonths, int firstScreenByDays) {}

    public record Chd(int fromHours, int toHours, int spo2Below, int maxDifference, int murmurGradeFrom) {}

    public record FollowUp(int recallWithinDays, int confirmWithinDays, int treatWithinDays, int followUpWithinDays,
                           int echoWithinDays) {}

    /** Loads a version shipped under {@code rules/newborn-screening/}. */
    public static ScreeningRules load(String version) {
        try (InputStream in = ScreeningRules.class.getResourceAsStream("/rules/newborn-screening/" + version + ".json")) {
            if (in == null) throw new IllegalArgumentException("no newborn screening rule set " + version);
            JsonNode n = new ObjectMapper().readTree(in);
            JsonNode b = n.get("bloodSpot"), h = n.get("hearing"), c = n.get("chd"), f = n.get("followUp");
            Map<String, Cutoff> cut = new java.util.LinkedHashMap<>();
            n.get("cutoffs").fields().forEachRemaining(e -> cut.put(e.getKey(),
                    new Cutoff(e.getValue().get("value").decimalValue(), e.getValue().get("unit").asText())));
            return new ScreeningRules(n.get("version").asText(),
                    new BloodSpot(b.get("minHoursOfLife").asInt(), b.get("minFeeds").asInt(), b.get("latestDay").asInt(),
                            b.get("latestDayWhenImpossible").asInt()),
                    Map.copyOf(cut),
                    new Hearing(h.get("rescreenByDays").asInt(), h.get("diagnosisByMonths").asInt(), h.get("interventionByMonths").asInt(),
                            h.get("firstScreenByDays").asInt()),
                    new Chd(c.get("fromHours").asInt(), c.get("toHours").asInt(), c.get("spo2Below").asInt(), c.get("maxDifference").asInt(),
                            c.get("murmurGradeFrom").asInt()),
                    new FollowUp(f.get("recallWithinDays").asInt(), f.get("confirmWithinDays").asInt(), f.get("treatWithinDays").asInt(),
                            f.get("followUpWithinDays").asInt(), f.get("echoWithinDays").asInt()));
        } catch (IOException e) {
            throw new IllegalStateException("unreadable newborn screening rule set " + version, e);
        }
    }

    /** The same rules with a province's or laboratory's settings applied; the version records the change. */
    public ScreeningRules withSettings(Map<String, BigDecimal> cutoffOverrides, Integer spo2Below, Integer maxDifference) {
        Map<String, Cutoff> cut = new java.util.LinkedHashMap<>(cutoffs);
        StringBuilder v = new StringBuilder(version);
        cutoffOverrides.forEach((analyte, value) -> {
            Cutoff old = cut.get(analyte);
            if (old == null) throw new IllegalArgumentException("unknown analyte " + analyte);
            if (old.value().compareTo(value) != 0) {
                cut.put(analyte, new Cutoff(value, old.unit()));
                v.append(';').append(analyte).append('=').append(value.toPlainString());
            }
        });
        Chd c = chd;
        if (spo2Below != null && spo2Below != chd.spo2Below()) {
            c = new Chd(c.fromHours(), c.toHours(), spo2Below, c.maxDifference(), c.murmurGradeFrom());
            v.append(";SPO2<").append(spo2Below);
        }
        if (maxDifference != null && maxDifference != chd.maxDifference()) {
            c = new Chd(c.fromHours(), c.toHours(), c.spo2Below(), maxDifference, c.murmurGradeFrom());
            v.append(";DIFF>").append(maxDifference);
        }
        return new ScreeningRules(v.toString(), bloodSpot, Map.copyOf(cut), hearing, c, followUp);
    }

    // ---- blood spot -------------------------------------------------------------------------

    public enum Timing { ON_TIME, TOO_EARLY, FEW_FEEDS, AFTER_TRANSFUSION, LATE_JUSTIFIED, LATE }

    /** Why a blood spot could not be taken within 7 days (§9: preterm, transferred, sick, discharged early). */
    public static final List<String> LATE_REASONS = List.of("PRETERM", "TRANSFERRED", "SICK", "EARLY_DISCHARGE");

    public record BloodSpotJudgement(long hoursOfLife, int dayOfLife, Timing timing, boolean repeatRequired) {}

    /**
     * §9: collected at ≥ 72 hours of life after ≥ 6 adequate feeds and within 7 days; when that is
     * impossible (a late reason is given) no later than 20 days after birth; a sample after a
     * transfusion is repeated. Too early, too few feeds and after transfusion need a repeat sample;
     * a late sample is tested and flagged.
     */
    public BloodSpotJudgement judgeBloodSpot(OffsetDateTime bornAt, OffsetDateTime collectedAt, int feeds, boolean transfused,
                                             String lateReason) {
        long minutes = Duration.between(bornAt, collectedAt).toMinutes();
        long hours = Math.floorDiv(minutes, 60);
        int day = dayOfLife(bornAt, collectedAt);
        Timing t;
        if (transfused) t = Timing.AFTER_TRANSFUSION;
        else if (minutes < bloodSpot.minHoursOfLife() * 60L) t = Timing.TOO_EARLY;
        else if (feeds < bloodSpot.minFeeds()) t = Timing.FEW_FEEDS;
        else if (day <= bloodSpot.latestDay()) t = Timing.ON_TIME;
        else if (lateReason != null && day <= bloodSpot.latestDayWhenImpossible()) t = Timing.LATE_JUSTIFIED;
        else t = Timing.LATE;
        boolean repeat = t == Timing.TOO_EARLY || t == Timing.FEW_FEEDS || t == Timing.AFTER_TRANSFUSION;
        return new BloodSpotJudgement(hours, day, t, repeat);
    }

    /** fuyou rule: day of life = calendar days from the birth date, China time (born today = day 0). */
    public static int dayOfLife(OffsetDateTime bornAt, OffsetDateTime at) {
        return (int) ChronoUnit.DAYS.between(bornAt.atZoneSameInstant(CHINA).toLocalDate(), at.atZoneSameInstant(CHINA).toLocalDate());
    }

    /** §9: positive when above the laboratory's cut-off; the laboratory's own cut-off wins over the setting. */
    public boolean positive(String analyte, BigDecimal value, BigDecimal labCutoff) {
        return value.compareTo(cutoff(analyte, labCutoff)) > 0;
    }

    public BigDecimal cutoff(String analyte, BigDecimal labCutoff) {
        if (labCutoff != null) return labCutoff;
        Cutoff c = cutoffs.get(analyte);
        if (c == null) throw new IllegalArgumentException("unknown analyte " + analyte);
        return c.value();
    }

    // ---- congenital heart disease --------------------------------------------------------------

    public record ChdJudgement(long hoursOfLife, boolean inWindow, boolean positive, List<String> reasons) {}

    /**
     * §9: pulse oximetry of the right hand and a foot plus auscultation, 6–72 hours after birth;
     * positive when either SpO₂ is below the threshold, or the two differ by more than the allowed
     * difference, or a murmur of grade ≥ 2/6.
     */
    public ChdJudgement judgeChd(OffsetDateTime bornAt, OffsetDateTime screenedAt, int spo2Hand, int spo2Foot, int murmurGrade) {
        long minutes = Duration.between(bornAt, screenedAt).toMinutes();
        boolean inWindow = minutes >= chd.fromHours() * 60L && minutes <= chd.toHours() * 60L;
        List<String> reasons = new ArrayList<>();
        if (spo2Hand < chd.spo2Below()) reasons.add("HAND_SPO2_LOW");
        if (spo2Foot < chd.spo2Below()) reasons.add("FOOT_SPO2_LOW");
        if (Math.abs(spo2Hand - spo2Foot) > chd.maxDifference()) reasons.add("SPO2_DIFFERENCE");
        if (murmurGrade >= chd.murmurGradeFrom()) reasons.add("MURMUR");
        return new ChdJudgement(Math.floorDiv(minutes, 60), inWindow, !reasons.isEmpty(), List.copyOf(reasons));
    }

    // ---- hearing ("1-3-6") ------------------------------------------------------------------------

    public enum HearingStage { FIRST, RESCREEN, DIAGNOSIS, INTERVENTION }

    /** One recorded hearing step with its outcome: PASS/REFER for screens, NORMAL/HEARING_LOSS for diagnosis. */
    public record HearingEvent(HearingStage stage, LocalDate doneOn, String outcome) {}

    /** The next hearing step due and the last day it is on time; {@code missedFirst} when no first screen was done in time. */
    public record HearingStep(HearingStage stage, LocalDate dueBy, boolean missedFirst) {}

    /** The last day each hearing step is on time: first before discharge, rescreen by 42 days, diagnosis by 3, intervention by 6 months. */
    public LocalDate hearingDueBy(HearingStage stage, LocalDate birthDate) {
        return switch (stage) {
            case FIRST -> birthDate.plusDays(hearing.firstScreenByDays());
            case RESCREEN -> birthDate.plusDays(hearing.rescreenByDays());
            case DIAGNOSIS -> birthDate.plusMonths(hearing.diagnosisByMonths());
            case INTERVENTION -> birthDate.plusMonths(hearing.interventionByMonths());
        };
    }

    /**
     * §9: a failed or missed first screen → rescreen by 42 days; a failed rescreen → diagnosis by
     * 3 months; a confirmed loss → intervention by 6 months. Empty when the pathway is complete.
     */
    public java.util.Optional<HearingStep> nextHearingStep(LocalDate birthDate, List<HearingEvent> done, LocalDate today) {
        HearingEvent last = done.stream().max(java.util.Comparator.comparing((HearingEvent e) -> e.stage().ordinal())
                .thenComparing(HearingEvent::doneOn)).orElse(null);
        if (last == null) {
            LocalDate firstBy = hearingDueBy(HearingStage.FIRST, birthDate);
            if (!today.isAfter(firstBy)) return java.util.Optional.of(new HearingStep(HearingStage.FIRST, firstBy, false));
            return java.util.Optional.of(new HearingStep(HearingStage.RESCREEN, hearingDueBy(HearingStage.RESCREEN, birthDate), true));
        }
        return switch (last.stage()) {
            case FIRST -> "REFER".equals(last.outcome())
                    ? java.util.Optional.of(new HearingStep(HearingStage.RESCREEN, hearingDueBy(HearingStage.RESCREEN, birthDate), false))
                    : java.util.Optional.empty();
            case RESCREEN -> "REFER".equals(last.outcome())
                    ? java.util.Optional.of(new HearingStep(HearingStage.DIAGNOSIS, hearingDueBy(HearingStage.DIAGNOSIS, birthDate), false))
                    : java.util.Optional.empty();
            case DIAGNOSIS -> "HEARING_LOSS".equals(last.outcome())
                    ? java.util.Optional.of(new HearingStep(HearingStage.INTERVENTION, hearingDueBy(HearingStage.INTERVENTION, birthDate), false))
                    : java.util.Optional.empty();
            case INTERVENTION -> java.util.Optional.empty();
        };
    }

    /** §9: AABR for NICU babies — their first screen and rescreen must include AABR. */
    public static boolean methodAllowed(HearingStage stage, String method, boolean nicu) {
        if (stage == HearingStage.FIRST || stage == HearingStage.RESCREEN) {
            if (!List.of("OAE", "AABR", "OAE_AABR").contains(method)) return false;
            return !nicu || method.contains("AABR");
        }
        if (stage == HearingStage.DIAGNOSIS) return "ABR_DIAGNOSTIC".equals(method);
        return List.of("HEARING_AID", "COCHLEAR_IMPLANT", "OTHER").contains(method);
    }
}
