package cn.fuyou.births;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which screening steps of one child are due or overdue today (clinical-rules.md §9): the blood
 * spot (from 72 hours to day 7; a repeat when the sample was too early, had too few feeds or
 * followed a transfusion), pulse oximetry (6–72 hours), the next hearing step of the 1-3-6 pathway,
 * and the next step of each open positive: recall (for CHD: echocardiography referral) →
 * confirmation → treatment → follow-up. Pure; the windows of the follow-up steps are fuyou rules
 * kept in the rule data.
 */
public final class ScreeningWorklistPolicy {

    private ScreeningWorklistPolicy() {}

    public record Sample(OffsetDateTime collectedAt, boolean repeatRequired) {}

    public record CaseState(UUID id, String programme, String condition, LocalDate openedOn, LocalDate recalledOn,
                            LocalDate confirmedOn, String confirmation, LocalDate treatmentOn, LocalDate followUpOn, String status) {}

    public record ChildState(UUID childId, OffsetDateTime bornAt, List<Sample> samples, boolean chdScreened,
                             List<ScreeningRules.HearingEvent> hearing, List<CaseState> cases) {}

    public record Item(UUID childId, String step, UUID caseId, LocalDate dueFrom, LocalDate dueBy, String status) {}

    /** The next step of an open positive, or empty when the case is closed or complete. */
    public static Optional<String> nextCaseStep(CaseState c) {
        if (!"OPEN".equals(c.status())) return Optional.empty();
        if (c.recalledOn() == null) return Optional.of("CHD".equals(c.programme()) ? "ECHO_REFERRAL" : "RECALL");
        if (c.confirmedOn() == null) return Optional.of("CONFIRMATION");
        if (!"CONFIRMED".equals(c.confirmation())) return Optional.empty();
        if (c.treatmentOn() == null) return Optional.of("TREATMENT");
        if (c.followUpOn() == null) return Optional.of("FOLLOW_UP");
        return Optional.empty();
    }

    public static List<Item> items(ScreeningRules rules, ChildState s, LocalDate today) {
        List<Item> out = new ArrayList<>();
        LocalDate birth = s.bornAt().atZoneSameInstant(ScreeningRules.CHINA).toLocalDate();
        // Blood spot: a usable sample ends the step.
        if (s.samples().stream().noneMatch(x -> !x.repeatRequired())) {
            LocalDate from = s.bornAt().plusHours(rules.bloodSpot().minHoursOfLife()).atZoneSameInstant(ScreeningRules.CHINA).toLocalDate();
            LocalDate by = birth.plusDays(rules.bloodSpot().latestDay());
            String step = "BLOOD_SPOT";
            if (!s.samples().isEmpty()) {
                step = "BLOOD_SPOT_REPEAT";
                LocalDate last = s.samples().stream().map(x -> x.collectedAt().atZoneSameInstant(ScreeningRules.CHINA).toLocalDate())
                        .max(LocalDate::compareTo).orElseThrow();
                // fuyou rule: a repeat is due from the unusable sample on, within the 7-day window or 7 days of it.
                if (last.isAfter(from)) from = last;
                if (last.plusDays(rules.bloodSpot().latestDay()).isAfter(by)) by = last.plusDays(rules.bloodSpot().latestDay());
            }
            add(out, s.childId(), step, null, from, by, today);
        }
        if (!s.chdScreened()) {
            add(out, s.childId(), "CHD_SCREEN", null, birth,
                    s.bornAt().plusHours(rules.chd().toHours()).atZoneSameInstant(ScreeningRules.CHINA).toLocalDate(), today);
        }
        rules.nextHearingStep(birth, s.hearing(), today).ifPresent(h ->
                add(out, s.childId(), "HEARING_" + h.stage().name(), null, birth, h.dueBy(), today));
        for (CaseState c : s.cases()) {
            nextCaseStep(c).ifPresent(step -> {
                ScreeningRules.FollowUp f = rules.followUp();
                LocalDate from = switch (step) {
                    case "RECALL", "ECHO_REFERRAL" -> c.openedOn();
                    case "CONFIRMATION" -> c.recalledOn();
                    case "TREATMENT" -> c.confirmedOn();
                    default -> c.treatmentOn();
                };
                int within = switch (step) {
                    case "RECALL" -> f.recallWithinDays();
                    case "ECHO_REFERRAL" -> f.echoWithinDays();
                    case "CONFIRMATION" -> f.confirmWithinDays();
                    case "TREATMENT" -> f.treatWithinDays();
                    default -> f.followUpWithinDays();
                };
                add(out, s.childId(), step, c.id(), from, from.plusDays(within), today);
            });
        }
        return out;
    }

    private static void add(List<Item> out, UUID child, String step, UUID caseId, LocalDate from, LocalDate by, LocalDate today) {
        String status = today.isAfter(by) ? "OVERDUE" : today.isBefore(from) ? "UPCOMING" : "DUE";
        out.add(new Item(child, step, caseId, from, by, status));
    }
}
