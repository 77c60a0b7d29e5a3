package cn.fuyou.births;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.births.ScreeningRules.HearingEvent;
import cn.fuyou.births.ScreeningRules.HearingStage;
import cn.fuyou.births.ScreeningRules.Timing;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Source: clinical-rules.md §9 (newborn screening), rule data rules/newborn-screening/NHC-2010-CQ-1.json. */
class ScreeningRulesTest {

    static final ScreeningRules RULES = ScreeningRules.load("NHC-2010-CQ-1");
    /** Born 2026-03-10 08:30 China time. */
    static final OffsetDateTime BORN = OffsetDateTime.of(2026, 3, 10, 8, 30, 0, 0, ZoneOffset.ofHours(8));

    // @DisplayName("§9 blood spot: ≥ 72 h of life, ≥ 6 feeds, within 7 days; if impossible by day 20; repeat after transfusion")

        @Test
        @DisplayName("§9: 71 h 59 min is too early (repeat), 72 h 0 min is on time")
        void hours71vs72() {
            var early = RULES.judgeBloodSpot(BORN, BORN.plusHours(72).minusMinutes(1), 8, false, null);
            assertThat(early.timing()).isEqualTo(Timing.TOO_EARLY);
            assertThat(early.hoursOfLife()).isEqualTo(71);
            assertThat(early.repeatRequired()).isTrue();
            var onTime = RULES.judgeBloodSpot(BORN, BORN.plusHours(72), 8, false, null);
            assertThat(onTime.timing()).isEqualTo(Timing.ON_TIME);
            assertThat(onTime.hoursOfLife()).isEqualTo(72);
            assertThat(onTime.repeatRequired()).isFalse();
            assertThat(RULES.judgeBloodSpot(BORN, BORN.plusHours(71), 8, false, null).timing()).isEqualTo(Timing.TOO_EARLY);
        }

        @Test
        @DisplayName("§9: 5 feeds at 80 h is too few (repeat); 6 feeds is enough")
        void feeds() {
            assertThat(RULES.judgeBloodSpot(BORN, BORN.plusHours(80), 5, false, null).timing()).isEqualTo(Timing.FEW_FEEDS);
            assertThat(RULES.judgeBloodSpot(BORN, BORN.plusHours(80), 5, false, null).repeatRequired()).isTrue();
            assertThat(RULES.judgeBloodSpot(BORN, BORN.plusHours(80), 6, false, null).timing()).isEqualTo(Timing.ON_TIME);
        }

        @Test
        @DisplayName("§9: day 7 is on time, day 8 is late (late sample tested, not repeated)")
        void day7vs8() {
            var day7 = RULES.judgeBloodSpot(BORN, OffsetDateTime.of(2026, 3, 17, 23, 0, 0, 0, ZoneOffset.ofHours(8)), 20, false, null);
            assertThat(day7.dayOfLife()).isEqualTo(7);
            assertThat(day7.timing()).isEqualTo(Timing.ON_TIME);
            var day8 = RULES.judgeBloodSpot(BORN, OffsetDateTime.of(2026, 3, 18, 0, 30, 0, 0, ZoneOffset.ofHours(8)), 20, false, null);
            assertThat(day8.dayOfLife()).isEqualTo(8);
            assertThat(day8.timing()).isEqualTo(Timing.LATE);
            assertThat(day8.repeatRequired()).isFalse();
        }

        @Test
        @DisplayName("§9: when 7 days are impossible (preterm, transferred, sick, early discharge) day 8 and day 20 are acceptable, day 21 is late")
        void day20() {
            assertThat(RULES.judgeBloodSpot(BORN, BORN.plusDays(8), 20, false, "PRETERM").timing()).isEqualTo(Timing.LATE_JUSTIFIED);
            var day20 = RULES.judgeBloodSpot(BORN, BORN.plusDays(20), 20, false, "TRANSFERRED");
            assertThat(day20.dayOfLife()).isEqualTo(20);
            assertThat(day20.timing()).isEqualTo(Timing.LATE_JUSTIFIED);
            var day21 = RULES.judgeBloodSpot(BORN, BORN.plusDays(21), 20, false, "SICK");
            assertThat(day21.dayOfLife()).isEqualTo(21);
            assertThat(day21.timing()).isEqualTo(Timing.LATE);
            assertThat(RULES.judgeBloodSpot(BORN, BORN.plusDays(20), 20, false, null).timing()).as("no reason: late").isEqualTo(Timing.LATE);
        }

        @Test
        @DisplayName("§9: a sample after a transfusion is repeated, even at the right time")
        void transfusion() {
            var t = RULES.judgeBloodSpot(BORN, BORN.plusHours(96), 10, true, null);
            assertThat(t.timing()).isEqualTo(Timing.AFTER_TRANSFUSION);
            assertThat(t.repeatRequired()).isTrue();
        }

        @Test
        @DisplayName("§9 (fuyou reading): the day of life counts calendar days in China time — 23:59 on the birth date is day 0")
        void dayOfLifeChinaTime() {
            assertThat(ScreeningRules.dayOfLife(BORN, BORN.withHour(23).withMinute(59))).isZero();
            // 16:30 UTC on the birth date is already 00:30 the next day in Chongqing.
            assertThat(ScreeningRules.dayOfLife(BORN, OffsetDateTime.of(2026, 3, 10, 16, 30, 0, 0, ZoneOffset.UTC))).isEqualTo(1);
        }

    @Test
    @DisplayName("§9: positive when above the cut-off — Phe 120 µmol/L is negative, 120.1 positive; the laboratory's TSH cut-off wins")
    void cutoffs() {
        assertThat(RULES.positive("PHE", new BigDecimal("120"), null)).isFalse();
        assertThat(RULES.positive("PHE", new BigDecimal("120.1"), null)).isTrue();
        assertThat(RULES.positive("TSH", new BigDecimal("10"), null)).isFalse();
        assertThat(RULES.positive("TSH", new BigDecimal("10"), new BigDecimal("9"))).isTrue();
        var province = RULES.withSettings(Map.of("PHE", new BigDecimal("130")), null, null);
        assertThat(province.positive("PHE", new BigDecimal("125"), null)).isFalse();
        assertThat(province.version()).isEqualTo("NHC-2010-CQ-1;PHE=130");
    }

    // @DisplayName("§9 congenital heart disease: SpO₂ right hand and foot + auscultation, 6–72 h")

        @Test
        @DisplayName("§9: SpO₂ 95 is negative, 94 (hand or foot) is positive")
        void spo2Threshold() {
            assertThat(RULES.judgeChd(BORN, BORN.plusHours(24), 95, 95, 0).positive()).isFalse();
            assertThat(RULES.judgeChd(BORN, BORN.plusHours(24), 94, 95, 0).reasons()).containsExactly("HAND_SPO2_LOW");
            assertThat(RULES.judgeChd(BORN, BORN.plusHours(24), 96, 94, 0).reasons()).containsExactly("FOOT_SPO2_LOW");
        }

        @Test
        @DisplayName("§9: a hand–foot difference of 3 points is negative, 4 points positive")
        void difference() {
            assertThat(RULES.judgeChd(BORN, BORN.plusHours(24), 99, 96, 0).positive()).isFalse();
            assertThat(RULES.judgeChd(BORN, BORN.plusHours(24), 100, 96, 0).reasons()).containsExactly("SPO2_DIFFERENCE");
        }

        @Test
        @DisplayName("§9: a murmur of grade 1/6 is negative, 2/6 positive")
        void murmur() {
            assertThat(RULES.judgeChd(BORN, BORN.plusHours(24), 98, 98, 1).positive()).isFalse();
            assertThat(RULES.judgeChd(BORN, BORN.plusHours(24), 98, 98, 2).reasons()).containsExactly("MURMUR");
        }

        @Test
        @DisplayName("§9: the window is 6–72 h after birth inclusive (5 h 59 min and 72 h 1 min are outside)")
        void window() {
            assertThat(RULES.judgeChd(BORN, BORN.plusHours(6).minusMinutes(1), 98, 98, 0).inWindow()).isFalse();
            assertThat(RULES.judgeChd(BORN, BORN.plusHours(6), 98, 98, 0).inWindow()).isTrue();
            assertThat(RULES.judgeChd(BORN, BORN.plusHours(72), 98, 98, 0).inWindow()).isTrue();
            assertThat(RULES.judgeChd(BORN, BORN.plusHours(72).plusMinutes(1), 98, 98, 0).inWindow()).isFalse();
        }

        @Test
        @DisplayName("§9 thresholds are settings: SpO₂ < 96 and difference > 2 when a province sets them; the version records it")
        void settings() {
            var strict = RULES.withSettings(Map.of(), 96, 2);
            assertThat(strict.judgeChd(BORN, BORN.plusHours(24), 95, 95, 0).positive()).isTrue();
            assertThat(strict.judgeChd(BORN, BORN.plusHours(24), 99, 96, 0).reasons()).containsExactly("SPO2_DIFFERENCE");
            assertThat(strict.version()).isEqualTo("NHC-2010-CQ-1;SPO2<96;DIFF>2");
        }

    // @DisplayName("§9 hearing 1-3-6: first screen before discharge, rescreen by 42 days, diagnosis by 3 months, intervention by 6 months")

        static final LocalDate HEARING_BIRTH = LocalDate.of(2026, 1, 31);

        @Test
        @DisplayName("§9: a failed first screen → rescreen due by day 42")
        void failedFirst() {
            var next = RULES.nextHearingStep(HEARING_BIRTH, List.of(new HearingEvent(HearingStage.FIRST, HEARING_BIRTH.plusDays(2), "REFER")), HEARING_BIRTH.plusDays(2));
            assertThat(next).hasValueSatisfying(s -> {
                assertThat(s.stage()).isEqualTo(HearingStage.RESCREEN);
                assertThat(s.dueBy()).isEqualTo(HEARING_BIRTH.plusDays(42));
            });
            assertThat(RULES.nextHearingStep(HEARING_BIRTH, List.of(new HearingEvent(HearingStage.FIRST, HEARING_BIRTH.plusDays(2), "PASS")), HEARING_BIRTH.plusDays(2)))
                    .as("passed first screen: done").isEmpty();
        }

        @Test
        @DisplayName("§9: a missed first screen → rescreen by day 42 (before discharge = by day 3, fuyou rule)")
        void missedFirst() {
            assertThat(RULES.nextHearingStep(HEARING_BIRTH, List.of(), HEARING_BIRTH.plusDays(3)).orElseThrow().stage()).isEqualTo(HearingStage.FIRST);
            var next = RULES.nextHearingStep(HEARING_BIRTH, List.of(), HEARING_BIRTH.plusDays(4)).orElseThrow();
            assertThat(next.stage()).isEqualTo(HearingStage.RESCREEN);
            assertThat(next.missedFirst()).isTrue();
            assertThat(next.dueBy()).isEqualTo(HEARING_BIRTH.plusDays(42));
        }

        @Test
        @DisplayName("§9: a failed rescreen → diagnosis by 3 months (31 Jan + 3 months = 30 Apr); a confirmed loss → intervention by 6 months")
        void diagnosisAndIntervention() {
            var first = new HearingEvent(HearingStage.FIRST, HEARING_BIRTH.plusDays(2), "REFER");
            var rescreen = new HearingEvent(HearingStage.RESCREEN, HEARING_BIRTH.plusDays(40), "REFER");
            var diag = RULES.nextHearingStep(HEARING_BIRTH, List.of(first, rescreen), HEARING_BIRTH.plusDays(40)).orElseThrow();
            assertThat(diag.stage()).isEqualTo(HearingStage.DIAGNOSIS);
            assertThat(diag.dueBy()).isEqualTo(LocalDate.of(2026, 4, 30));
            var loss = new HearingEvent(HearingStage.DIAGNOSIS, LocalDate.of(2026, 4, 20), "HEARING_LOSS");
            var intervention = RULES.nextHearingStep(HEARING_BIRTH, List.of(first, rescreen, loss), LocalDate.of(2026, 4, 20)).orElseThrow();
            assertThat(intervention.stage()).isEqualTo(HearingStage.INTERVENTION);
            assertThat(intervention.dueBy()).isEqualTo(LocalDate.of(2026, 7, 31));
            var normal = new HearingEvent(HearingStage.DIAGNOSIS, LocalDate.of(2026, 4, 20), "NORMAL");
            assertThat(RULES.nextHearingStep(HEARING_BIRTH, List.of(first, rescreen, normal), LocalDate.of(2026, 4, 20))).isEmpty();
        }

        @Test
        @DisplayName("§9: rescreen on day 42 is on time, day 43 overdue (worklist)")
        void rescreenBoundary() {
            var state = new ScreeningWorklistPolicy.ChildState(UUID.randomUUID(), BORN, List.of(new ScreeningWorklistPolicy.Sample(BORN.plusHours(80), false)),
                    true, List.of(new HearingEvent(HearingStage.FIRST, LocalDate.of(2026, 3, 12), "REFER")), List.of());
            var day42 = ScreeningWorklistPolicy.items(RULES, state, LocalDate.of(2026, 3, 10).plusDays(42));
            assertThat(day42).singleElement().satisfies(i -> {
                assertThat(i.step()).isEqualTo("HEARING_RESCREEN");
                assertThat(i.status()).isEqualTo("DUE");
            });
            var day43 = ScreeningWorklistPolicy.items(RULES, state, LocalDate.of(2026, 3, 10).plusDays(43));
            assertThat(day43).singleElement().satisfies(i -> assertThat(i.status()).isEqualTo("OVERDUE"));
        }

        @Test
        @DisplayName("§9: AABR for NICU babies — OAE alone is refused for a NICU baby's first screen")
        void aabrForNicu() {
            assertThat(ScreeningRules.methodAllowed(HearingStage.FIRST, "OAE", true)).isFalse();
            assertThat(ScreeningRules.methodAllowed(HearingStage.FIRST, "AABR", true)).isTrue();
            assertThat(ScreeningRules.methodAllowed(HearingStage.FIRST, "OAE_AABR", true)).isTrue();
            assertThat(ScreeningRules.methodAllowed(HearingStage.FIRST, "OAE", false)).isTrue();
        }

    // @DisplayName("§9 worklist: blood spot from 72 h to day 7, CHD within 72 h, positives recalled → confirmed → treated → followed up")

        @Test
        @DisplayName("§9: blood spot is upcoming before 72 h, due on day 3–7, overdue on day 8")
        void bloodSpotWindow() {
            var s = new ScreeningWorklistPolicy.ChildState(UUID.randomUUID(), BORN, List.of(), true,
                    List.of(new HearingEvent(HearingStage.FIRST, LocalDate.of(2026, 3, 11), "PASS")), List.of());
            assertThat(ScreeningWorklistPolicy.items(RULES, s, LocalDate.of(2026, 3, 12)).get(0).status()).isEqualTo("UPCOMING");
            assertThat(ScreeningWorklistPolicy.items(RULES, s, LocalDate.of(2026, 3, 13)).get(0).status()).isEqualTo("DUE");
            assertThat(ScreeningWorklistPolicy.items(RULES, s, LocalDate.of(2026, 3, 17)).get(0).status()).isEqualTo("DUE");
            assertThat(ScreeningWorklistPolicy.items(RULES, s, LocalDate.of(2026, 3, 18)).get(0).status()).isEqualTo("OVERDUE");
        }

        @Test
        @DisplayName("§9: a too-early sample puts a repeat on the worklist")
        void repeat() {
            var s = new ScreeningWorklistPolicy.ChildState(UUID.randomUUID(), BORN, List.of(new ScreeningWorklistPolicy.Sample(BORN.plusHours(48), true)),
                    true, List.of(new HearingEvent(HearingStage.FIRST, LocalDate.of(2026, 3, 11), "PASS")), List.of());
            assertThat(ScreeningWorklistPolicy.items(RULES, s, LocalDate.of(2026, 3, 13))).singleElement()
                    .satisfies(i -> assertThat(i.step()).isEqualTo("BLOOD_SPOT_REPEAT"));
        }

        @Test
        @DisplayName("§9: recall → confirmation → treatment → follow-up, each dated; an excluded positive ends the case")
        void caseSteps() {
            UUID id = UUID.randomUUID();
            LocalDate d = LocalDate.of(2026, 3, 20);
            var open = new ScreeningWorklistPolicy.CaseState(id, "METABOLIC", "PKU", d, null, null, null, null, null, "OPEN");
            assertThat(ScreeningWorklistPolicy.nextCaseStep(open)).contains("RECALL");
            var recalled = new ScreeningWorklistPolicy.CaseState(id, "METABOLIC", "PKU", d, d.plusDays(1), null, null, null, null, "OPEN");
            assertThat(ScreeningWorklistPolicy.nextCaseStep(recalled)).contains("CONFIRMATION");
            var confirmed = new ScreeningWorklistPolicy.CaseState(id, "METABOLIC", "PKU", d, d.plusDays(1), d.plusDays(5), "CONFIRMED", null, null, "OPEN");
            assertThat(ScreeningWorklistPolicy.nextCaseStep(confirmed)).contains("TREATMENT");
            var treated = new ScreeningWorklistPolicy.CaseState(id, "METABOLIC", "PKU", d, d.plusDays(1), d.plusDays(5), "CONFIRMED", d.plusDays(6), null, "OPEN");
            assertThat(ScreeningWorklistPolicy.nextCaseStep(treated)).contains("FOLLOW_UP");
            var excluded = new ScreeningWorklistPolicy.CaseState(id, "METABOLIC", "PKU", d, d.plusDays(1), d.plusDays(5), "EXCLUDED", null, null, "CLOSED");
            assertThat(ScreeningWorklistPolicy.nextCaseStep(excluded)).isEmpty();
            var chd = new ScreeningWorklistPolicy.CaseState(id, "CHD", "CHD_SUSPECTED", d, null, null, null, null, null, "OPEN");
            assertThat(ScreeningWorklistPolicy.nextCaseStep(chd)).contains("ECHO_REFERRAL");
        }
}
