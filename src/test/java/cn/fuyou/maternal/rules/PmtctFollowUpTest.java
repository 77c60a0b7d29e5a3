package cn.fuyou.maternal.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Source: clinical-rules.md §5 (PMTCT follow-up of exposed infants to an exit with an outcome). Fixed birth, no "today". */
class PmtctFollowUpTest {

    private static final OffsetDateTime BIRTH = OffsetDateTime.of(2026, 5, 1, 8, 0, 0, 0, ZoneOffset.ofHours(8));
    private static final PmtctSchedule.Regimen STANDARD = new PmtctSchedule.Regimen(false, "", "");
    private static final PmtctSchedule.Regimen HIGH = new PmtctSchedule.Regimen(true, "", "");

    private static PmtctInfantFollowUp.Result r(String code, OffsetDateTime at, String finding) {
        return new PmtctInfantFollowUp.Result(code, at, finding, null);
    }

    private static Map<String, PmtctSchedule.Item> byCode(List<PmtctSchedule.Item> items) {
        return items.stream().collect(Collectors.toMap(PmtctSchedule.Item::code, Function.identity()));
    }

    @Test
    @DisplayName("§5 HIV: due times of every item — ARV within 6 h, triple to 6 w / single to 4 w, NAT at 48 h, 6 w, 3 m, antibody at 12 m")
    void hivDueTimes() {
        var high = byCode(PmtctSchedule.hiv(BIRTH, HIGH));
        assertThat(high.keySet()).containsExactlyInAnyOrder("HIV_ARV_START", "HIV_ARV_TRIPLE_6W", "HIV_NAT_48H", "HIV_NAT_6W",
                "HIV_NAT_3M", "HIV_AB_12M");
        assertThat(high.get("HIV_ARV_START").dueFrom()).isEqualTo(BIRTH);
        assertThat(high.get("HIV_ARV_START").dueUntil()).isEqualTo(BIRTH.plusHours(6));
        assertThat(high.get("HIV_ARV_TRIPLE_6W").dueUntil()).isEqualTo(BIRTH.plusWeeks(6));
        assertThat(high.get("HIV_NAT_48H").dueFrom()).isEqualTo(BIRTH.plusHours(48));
        assertThat(high.get("HIV_NAT_48H").dueUntil()).as("fuyou rule: until day 7").isEqualTo(BIRTH.plusDays(7));
        assertThat(high.get("HIV_NAT_6W").dueFrom()).isEqualTo(BIRTH.plusWeeks(6));
        assertThat(high.get("HIV_NAT_6W").dueUntil()).isEqualTo(BIRTH.plusWeeks(8));
        assertThat(high.get("HIV_NAT_3M").dueFrom()).isEqualTo(BIRTH.plusMonths(3));
        assertThat(high.get("HIV_NAT_3M").dueUntil()).isEqualTo(BIRTH.plusMonths(4));
        assertThat(high.get("HIV_AB_12M").dueFrom()).isEqualTo(BIRTH.plusMonths(12));
        assertThat(high.get("HIV_AB_12M").dueUntil()).isEqualTo(BIRTH.plusMonths(13));
        var standard = byCode(PmtctSchedule.hiv(BIRTH, STANDARD));
        assertThat(standard).containsKey("HIV_ARV_SINGLE_4W").doesNotContainKey("HIV_ARV_TRIPLE_6W");
        assertThat(standard.get("HIV_ARV_SINGLE_4W").dueUntil()).isEqualTo(BIRTH.plusWeeks(4));
    }

    @Test
    @DisplayName("§5 HIV: the 18-month antibody test is not scheduled at birth, only after a positive at 12 months")
    void antibody18OnlyAfterPositive12() {
        assertThat(byCode(PmtctSchedule.hiv(BIRTH, STANDARD))).doesNotContainKey("HIV_AB_18M");
        var afterPositive = PmtctInfantFollowUp.hiv(BIRTH, STANDARD, List.of(r("HIV_NAT_48H", BIRTH.plusDays(2), "NEGATIVE"),
                r("HIV_AB_12M", BIRTH.plusMonths(12), "POSITIVE")));
        assertThat(afterPositive.exit()).isNull();
        var ab18 = byCode(afterPositive.items()).get("HIV_AB_18M");
        assertThat(ab18).isNotNull();
        assertThat(ab18.dueFrom()).isEqualTo(BIRTH.plusMonths(18));
        assertThat(ab18.dueUntil()).isEqualTo(BIRTH.plusMonths(19));
    }

    @Test
    @DisplayName("§5 HIV: antibody tests only if early diagnosis negative or not done — a positive NAT drops the 12-month test")
    void antibody12OnlyWhenEarlyDiagnosisNegativeOrNotDone() {
        var negative = PmtctInfantFollowUp.hiv(BIRTH, STANDARD, List.of(r("HIV_NAT_48H", BIRTH.plusDays(2), "NEGATIVE"),
                r("HIV_NAT_6W", BIRTH.plusWeeks(6), "NEGATIVE")));
        assertThat(byCode(negative.items())).containsKey("HIV_AB_12M");
        var positive = PmtctInfantFollowUp.hiv(BIRTH, STANDARD, List.of(r("HIV_NAT_48H", BIRTH.plusDays(2), "POSITIVE")));
        assertThat(byCode(positive.items())).doesNotContainKeys("HIV_AB_12M", "HIV_AB_18M");
        assertThat(positive.exit()).as("one positive NAT is not yet a diagnosis").isNull();
    }

    @Test
    @DisplayName("§5 HIV: two positive nucleic-acid tests → exit INFECTED; one positive alone does not exit")
    void twoPositiveNats() {
        var plan = PmtctInfantFollowUp.hiv(BIRTH, HIGH, List.of(r("HIV_NAT_48H", BIRTH.plusDays(2), "POSITIVE"),
                r("HIV_NAT_6W", BIRTH.plusWeeks(6), "POSITIVE")));
        assertThat(plan.exit().outcome()).isEqualTo(PmtctInfantFollowUp.Outcome.INFECTED);
    }

    @Test
    @DisplayName("§5 HIV: a positive 3-month NAT with no NAT after it adds a confirmatory NAT within 4 weeks (fuyou rule)")
    void confirmatoryNat() {
        OffsetDateTime at = BIRTH.plusMonths(3).plusDays(2);
        var plan = PmtctInfantFollowUp.hiv(BIRTH, STANDARD, List.of(r("HIV_NAT_48H", BIRTH.plusDays(2), "NEGATIVE"),
                r("HIV_NAT_6W", BIRTH.plusWeeks(6), "NEGATIVE"), r("HIV_NAT_3M", at, "POSITIVE")));
        var confirm = byCode(plan.items()).get("HIV_NAT_CONFIRM");
        assertThat(confirm.dueFrom()).isEqualTo(at);
        assertThat(confirm.dueUntil()).isEqualTo(at.plusWeeks(4));
        var second = PmtctInfantFollowUp.hiv(BIRTH, STANDARD, List.of(r("HIV_NAT_3M", at, "POSITIVE"),
                r("HIV_NAT_CONFIRM", at.plusWeeks(2), "POSITIVE")));
        assertThat(second.exit().outcome()).isEqualTo(PmtctInfantFollowUp.Outcome.INFECTED);
    }

    @Test
    @DisplayName("§5 HIV: antibody negative at 12 months → NOT_INFECTED; positive at 12 and negative at 18 → NOT_INFECTED")
    void notInfectedExits() {
        var neg12 = PmtctInfantFollowUp.hiv(BIRTH, STANDARD, List.of(r("HIV_AB_12M", BIRTH.plusMonths(12), "NEGATIVE")));
        assertThat(neg12.exit().outcome()).isEqualTo(PmtctInfantFollowUp.Outcome.NOT_INFECTED);
        assertThat(byCode(neg12.items())).doesNotContainKey("HIV_AB_18M");
        var pos12neg18 = PmtctInfantFollowUp.hiv(BIRTH, STANDARD, List.of(r("HIV_AB_12M", BIRTH.plusMonths(12), "POSITIVE"),
                r("HIV_AB_18M", BIRTH.plusMonths(18), "NEGATIVE")));
        assertThat(pos12neg18.exit().outcome()).isEqualTo(PmtctInfantFollowUp.Outcome.NOT_INFECTED);
        var pos18 = PmtctInfantFollowUp.hiv(BIRTH, STANDARD, List.of(r("HIV_AB_12M", BIRTH.plusMonths(12), "POSITIVE"),
                r("HIV_AB_18M", BIRTH.plusMonths(18), "POSITIVE")));
        assertThat(pos18.exit().outcome()).isEqualTo(PmtctInfantFollowUp.Outcome.INFECTED);
    }

    @Test
    @DisplayName("§5 syphilis: due times of every item; treponemal test at 18 months negative → NOT_INFECTED, positive → INFECTED")
    void syphilis() {
        var items = byCode(PmtctSchedule.syphilis(BIRTH));
        assertThat(items.get("SYPH_BENZATHINE").dueFrom()).isEqualTo(BIRTH);
        assertThat(items.get("SYPH_BENZATHINE").dueUntil()).isEqualTo(BIRTH.plusDays(7));
        for (int m : new int[]{3, 6, 9, 12, 15, 18}) {
            assertThat(items.get("SYPH_NONTREP_" + m + "M").dueFrom()).isEqualTo(BIRTH.plusMonths(m));
            assertThat(items.get("SYPH_NONTREP_" + m + "M").dueUntil()).isEqualTo(BIRTH.plusMonths(m + 1));
        }
        assertThat(items.get("SYPH_TREP_18M").dueFrom()).isEqualTo(BIRTH.plusMonths(18));
        assertThat(items.get("SYPH_TREP_18M").dueUntil()).isEqualTo(BIRTH.plusMonths(19));
        assertThat(PmtctInfantFollowUp.syphilis(BIRTH, List.of(r("SYPH_NONTREP_3M", BIRTH.plusMonths(3), "POSITIVE"))).exit())
                .as("maternal antibodies at 3 months are not a diagnosis").isNull();
        assertThat(PmtctInfantFollowUp.syphilis(BIRTH, List.of(r("SYPH_TREP_18M", BIRTH.plusMonths(18), "NEGATIVE"))).exit().outcome())
                .isEqualTo(PmtctInfantFollowUp.Outcome.NOT_INFECTED);
        assertThat(PmtctInfantFollowUp.syphilis(BIRTH, List.of(r("SYPH_TREP_18M", BIRTH.plusMonths(18), "POSITIVE"))).exit().outcome())
                .isEqualTo(PmtctInfantFollowUp.Outcome.INFECTED);
        assertThat(PmtctInfantFollowUp.syphilis(BIRTH, List.of(r("SYPH_NONTREP_3M", BIRTH.plusMonths(3), "NEGATIVE"),
                r("SYPH_NONTREP_6M", BIRTH.plusMonths(6), "POSITIVE"))).exit().outcome())
                .as("turned positive").isEqualTo(PmtctInfantFollowUp.Outcome.INFECTED);
    }

    @Test
    @DisplayName("§5 hepatitis B: due times; serology at 7–12 months → infected / protected (anti-HBs ≥ 10) / non-responder to revaccinate")
    void hepatitisB() {
        var items = byCode(PmtctSchedule.hepatitisB(BIRTH));
        assertThat(items.get("HBV_HBIG_AND_VACCINE").dueFrom()).isEqualTo(BIRTH);
        assertThat(items.get("HBV_HBIG_AND_VACCINE").dueUntil()).isEqualTo(BIRTH.plusHours(12));
        assertThat(items.get("HBV_VACCINE_1M").dueFrom()).isEqualTo(BIRTH.plusMonths(1));
        assertThat(items.get("HBV_VACCINE_1M").dueUntil()).isEqualTo(BIRTH.plusMonths(2));
        assertThat(items.get("HBV_VACCINE_6M").dueFrom()).isEqualTo(BIRTH.plusMonths(6));
        assertThat(items.get("HBV_VACCINE_6M").dueUntil()).isEqualTo(BIRTH.plusMonths(7));
        assertThat(items.get("HBV_SEROLOGY").dueFrom()).isEqualTo(BIRTH.plusMonths(7));
        assertThat(items.get("HBV_SEROLOGY").dueUntil()).isEqualTo(BIRTH.plusMonths(12));
        OffsetDateTime at = BIRTH.plusMonths(8);
        assertThat(PmtctInfantFollowUp.hepatitisB(BIRTH, List.of(r("HBV_SEROLOGY", at, "POSITIVE"))).exit().outcome())
                .isEqualTo(PmtctInfantFollowUp.Outcome.INFECTED);
        assertThat(PmtctInfantFollowUp.hepatitisB(BIRTH, List.of(new PmtctInfantFollowUp.Result("HBV_SEROLOGY", at, "NEGATIVE",
                new BigDecimal("10")))).exit().outcome()).as("10 mIU/mL is protective").isEqualTo(PmtctInfantFollowUp.Outcome.PROTECTED);
        var nonResponder = PmtctInfantFollowUp.hepatitisB(BIRTH, List.of(new PmtctInfantFollowUp.Result("HBV_SEROLOGY", at, "NEGATIVE",
                new BigDecimal("9.9"))));
        assertThat(nonResponder.exit().outcome()).isEqualTo(PmtctInfantFollowUp.Outcome.NON_RESPONDER);
        assertThat(byCode(nonResponder.items()).get("HBV_REVACCINATE").dueUntil()).isEqualTo(at.plusMonths(1));
        assertThatThrownBy(() -> PmtctInfantFollowUp.hepatitisB(BIRTH, List.of(r("HBV_SEROLOGY", at, "NEGATIVE"))))
                .hasMessage("antiHbsMiuPerMl");
    }
}
