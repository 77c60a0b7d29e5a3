package cn.fuyou.childhealth;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.childhealth.GrowthAssessment.Measurement;
import cn.fuyou.childhealth.GrowthAssessment.Score;
import cn.fuyou.childhealth.GrowthStandard.Indicator;
import cn.fuyou.childhealth.GrowthStandard.Sex;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Source: clinical-rules.md §2 (child schedule), §4 (classification, flags); issue 4 (high-risk infants). Fixed dates only. */
class ChildHealthRulesTest {

    private static final LocalDate BIRTH = LocalDate.of(2025, 3, 10);

    @Test
    @DisplayName("§2 well-child schedule: newborn visit, full-month 28–30 days, 3, 6, 8, 12, 18, 24, 30, 36 months; Hb at 6, 18, 30")
    void wellChildSchedule() {
        var slots = WellChildSchedule.slots(BIRTH, false).stream()
                .collect(Collectors.toMap(WellChildSchedule.Slot::code, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
        assertThat(slots.keySet()).containsExactly("NEWBORN_HOME", "MONTH_1", "MONTH_3", "MONTH_6", "MONTH_8", "MONTH_12", "MONTH_18",
                "MONTH_24", "MONTH_30", "MONTH_36");
        assertThat(slots.get("MONTH_1").dueFrom()).isEqualTo(BIRTH.plusDays(28));
        assertThat(slots.get("MONTH_1").dueUntil()).isEqualTo(BIRTH.plusDays(30));
        assertThat(slots.get("MONTH_12").dueFrom()).as("fuyou rule: 7 days before in the first year").isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(slots.get("MONTH_12").dueUntil()).isEqualTo(LocalDate.of(2026, 4, 9));
        assertThat(slots.get("MONTH_18").dueFrom()).as("fuyou rule: 14 days before from 18 months").isEqualTo(LocalDate.of(2026, 8, 27));
        assertThat(slots.get("MONTH_18").dueUntil()).isEqualTo(LocalDate.of(2026, 11, 9));
        assertThat(slots.values().stream().filter(WellChildSchedule.Slot::haemoglobin).map(WellChildSchedule.Slot::code))
                .containsExactly("MONTH_6", "MONTH_18", "MONTH_30");
        var slot = slots.get("MONTH_3");
        assertThat(WellChildSchedule.status(slot, List.of(), slot.dueFrom().minusDays(1))).isEqualTo("UPCOMING");
        assertThat(WellChildSchedule.status(slot, List.of(), slot.dueFrom())).isEqualTo("DUE");
        assertThat(WellChildSchedule.status(slot, List.of(), slot.dueUntil())).isEqualTo("DUE");
        assertThat(WellChildSchedule.status(slot, List.of(), slot.dueUntil().plusDays(1))).isEqualTo("OVERDUE");
        assertThat(WellChildSchedule.status(slot, List.of(slot.dueUntil()), slot.dueUntil().plusDays(40))).isEqualTo("DONE");
        assertThat(WellChildSchedule.status(slot, List.of(slot.dueUntil().plusDays(1)), slot.dueUntil().plusDays(40)))
                .as("a visit outside the window does not count").isEqualTo("OVERDUE");
    }

    @Test
    @DisplayName("issue 4: a high-risk infant is seen monthly in her first year (2, 4, 5, 7, 9, 10, 11 months added)")
    void highRiskScheduleIsMonthly() {
        var codes = WellChildSchedule.slots(BIRTH, true).stream().map(WellChildSchedule.Slot::code).toList();
        for (int m = 2; m <= 12; m++) assertThat(codes).contains("MONTH_" + m);
    }

    @Test
    @DisplayName("issue 4 high risk at birth: preterm < 37+0 (258 days yes, 259 no), LBW < 2500 g (2499 yes, 2500 no), NICU, defect, PMTCT")
    void highRiskAtBirth() {
        assertThat(codes(HighRiskInfantPolicy.atBirth(258, 3000, false, null, false))).containsExactly("PRETERM");
        assertThat(codes(HighRiskInfantPolicy.atBirth(259, 3000, false, null, false))).isEmpty();
        assertThat(codes(HighRiskInfantPolicy.atBirth(280, 2499, false, null, false))).containsExactly("LOW_BIRTH_WEIGHT");
        assertThat(codes(HighRiskInfantPolicy.atBirth(280, 2500, false, "  ", false))).isEmpty();
        assertThat(codes(HighRiskInfantPolicy.atBirth(null, null, true, "唇裂", true)))
                .containsExactly("NICU_GRADUATE", "BIRTH_DEFECT", "PMTCT_EXPOSED");
        assertThat(HighRiskInfantPolicy.faltering(new BigDecimal("0.00"), new BigDecimal("-0.67"))).isFalse();
        assertThat(HighRiskInfantPolicy.faltering(new BigDecimal("0.00"), new BigDecimal("-0.68"))).isTrue();
    }

    private static List<String> codes(List<HighRiskInfantPolicy.Reason> r) {
        return r.stream().map(HighRiskInfantPolicy.Reason::code).toList();
    }

    @ParameterizedTest(name = "HAZ {0} → {1}")
    @CsvSource({"-2.00, ''", "-2.01, STUNTING", "-3.00, STUNTING", "-3.01, SEVERE_STUNTING"})
    @DisplayName("§4 stunting at exactly −2.00 and −3.00 (strictly below)")
    void stuntingBoundaries(String z, String expected) {
        assertThat(classify(Indicator.LENGTH_FOR_AGE, z)).isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
    }

    @ParameterizedTest(name = "WHZ {0} → {1}")
    @CsvSource({"-2.00, ''", "-2.01, WASTING", "-3.00, WASTING", "-3.01, SEVERE_WASTING",
            "2.00, ''", "2.01, OVERWEIGHT", "3.00, OVERWEIGHT", "3.01, OBESITY"})
    @DisplayName("§4 wasting / overweight / obesity at exactly ±2.00 and ±3.00 (weight-for-length and weight-for-height)")
    void wastingBoundaries(String z, String expected) {
        List<String> want = expected.isEmpty() ? List.of() : List.of(expected);
        assertThat(classify(Indicator.WEIGHT_FOR_LENGTH, z)).isEqualTo(want);
        assertThat(classify(Indicator.WEIGHT_FOR_HEIGHT, z)).isEqualTo(want);
    }

    @ParameterizedTest(name = "WAZ {0} → {1}")
    @CsvSource({"-2.00, ''", "-2.01, UNDERWEIGHT", "-3.00, UNDERWEIGHT", "2.50, ''"})
    @DisplayName("§4 underweight strictly below −2.00")
    void underweightBoundaries(String z, String expected) {
        assertThat(classify(Indicator.WEIGHT_FOR_AGE, z)).isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
    }

    @Test
    @DisplayName("§4 a flagged (implausible) value is not classified")
    void flaggedNotClassified() {
        Map<Indicator, Score> s = new EnumMap<>(Indicator.class);
        s.put(Indicator.LENGTH_FOR_AGE, new Score(new BigDecimal("-6.50"), BigDecimal.ZERO, true));
        List<String> out = new ArrayList<>();
        GrowthAssessment.classify(s, out);
        assertThat(out).isEmpty();
    }

    private static List<String> classify(Indicator i, String z) {
        Map<Indicator, Score> s = new EnumMap<>(Indicator.class);
        s.put(i, new Score(new BigDecimal(z), BigDecimal.ZERO, false));
        List<String> out = new ArrayList<>();
        GrowthAssessment.classify(s, out);
        return out;
    }

    @Test
    @DisplayName("§4 every implausible flag at its boundary: WAZ < −6 or > 5; HAZ |z| > 6; WHZ, BMIZ, HCZ |z| > 5")
    void implausibleBoundaries() {
        assertThat(GrowthAssessment.implausible(Indicator.WEIGHT_FOR_AGE, -6.0)).isFalse();
        assertThat(GrowthAssessment.implausible(Indicator.WEIGHT_FOR_AGE, -6.001)).isTrue();
        assertThat(GrowthAssessment.implausible(Indicator.WEIGHT_FOR_AGE, 5.0)).isFalse();
        assertThat(GrowthAssessment.implausible(Indicator.WEIGHT_FOR_AGE, 5.001)).isTrue();
        assertThat(GrowthAssessment.implausible(Indicator.WEIGHT_FOR_AGE, -5.5)).as("WAZ −5.5 is plausible").isFalse();
        assertThat(GrowthAssessment.implausible(Indicator.LENGTH_FOR_AGE, 6.0)).isFalse();
        assertThat(GrowthAssessment.implausible(Indicator.LENGTH_FOR_AGE, 6.001)).isTrue();
        assertThat(GrowthAssessment.implausible(Indicator.LENGTH_FOR_AGE, -6.001)).isTrue();
        for (Indicator i : List.of(Indicator.WEIGHT_FOR_LENGTH, Indicator.WEIGHT_FOR_HEIGHT, Indicator.BMI_FOR_AGE,
                Indicator.HEAD_CIRCUMFERENCE_FOR_AGE)) {
            assertThat(GrowthAssessment.implausible(i, 5.0)).as(i + " 5").isFalse();
            assertThat(GrowthAssessment.implausible(i, -5.0)).as(i + " −5").isFalse();
            assertThat(GrowthAssessment.implausible(i, 5.001)).as(i + " 5.001").isTrue();
            assertThat(GrowthAssessment.implausible(i, -5.001)).as(i + " −5.001").isTrue();
        }
    }

    @Test
    @DisplayName("§4 each flag reaches the result: an absurd measurement of each kind names its own IMPLAUSIBLE_ flag")
    void everyFlagInAssessment() {
        GrowthStandard who = GrowthStandard.who();
        // 30 days, boy: 12 kg → WAZ > 5 (and WHZ, BMIZ); 0.8 kg → WAZ < −6.
        assertThat(flags(new Measurement(Sex.MALE, 30, 12.0, null, null, null, false))).contains("IMPLAUSIBLE_WEIGHT_FOR_AGE");
        assertThat(flags(new Measurement(Sex.MALE, 30, 0.8, null, null, null, false))).contains("IMPLAUSIBLE_WEIGHT_FOR_AGE");
        // 180 days: 90 cm recumbent → HAZ > 6.
        assertThat(flags(new Measurement(Sex.FEMALE, 180, null, 90.0, GrowthAssessment.Position.RECUMBENT, null, false)))
                .contains("IMPLAUSIBLE_LENGTH_FOR_AGE");
        // 60 cm and 15 kg at 180 days → WHZ > 5 (weight-for-length) and BMIZ > 5.
        var wfl = flags(new Measurement(Sex.FEMALE, 180, 15.0, 60.0, GrowthAssessment.Position.RECUMBENT, null, false));
        assertThat(wfl).contains("IMPLAUSIBLE_WEIGHT_FOR_LENGTH", "IMPLAUSIBLE_BMI_FOR_AGE");
        // 3 years, 90 cm standing, 30 kg → weight-for-height > 5.
        assertThat(flags(new Measurement(Sex.MALE, 1100, 30.0, 90.0, GrowthAssessment.Position.STANDING, null, false)))
                .contains("IMPLAUSIBLE_WEIGHT_FOR_HEIGHT");
        // Head 55 cm at 30 days → HCZ > 5.
        assertThat(flags(new Measurement(Sex.MALE, 30, null, null, null, 55.0, false))).contains("IMPLAUSIBLE_HEAD_CIRCUMFERENCE_FOR_AGE");
        // A median child has none.
        assertThat(GrowthAssessment.assess(who, new Measurement(Sex.FEMALE, 0, 3.2322, null, null, null, false)).flags()).isEmpty();
    }

    private static List<String> flags(Measurement m) {
        var r = GrowthAssessment.assess(GrowthStandard.who(), m);
        // The flag is set exactly when the rule says so for the stored z.
        r.scores().forEach((i, s) -> assertThat(s.flagged()).as(i + " z " + s.z()).isEqualTo(r.flags().contains("IMPLAUSIBLE_" + i.name())));
        return r.flags();
    }
}
