package cn.fuyou.childhealth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.fuyou.childhealth.GrowthAssessment.Measurement;
import cn.fuyou.childhealth.GrowthAssessment.Position;
import cn.fuyou.childhealth.GrowthStandard.Indicator;
import cn.fuyou.childhealth.GrowthStandard.Sex;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Source: WHO Child Growth Standards 2006 and clinical-rules.md §4. Besides the igrowup surveys
 * ({@link WhoSurveyTest}), the engine is checked against WHO's published SD values in the same
 * tables: the z-score of each published −3…+3 SD value (rounded by WHO to 0.1) must be k within
 * that rounding.
 */
class GrowthStandardTest {

    private static final GrowthStandard WHO = GrowthStandard.who();
    private static final String[] SD_KEYS = {"SD3neg", "SD2neg", "SD1neg", "SD0", "SD1", "SD2", "SD3"};

    private static JsonNode table(String name) throws Exception {
        try (InputStream in = GrowthStandardTest.class.getResourceAsStream("/who-growth/" + name + "_zscores.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    record Case(String table, Sex sex, Indicator indicator, String ageKey, double daysPerUnit) {}

    @TestFactory
    @DisplayName("WHO published SD values (monthly and weekly tables, both sexes, all age indicators) give z = k within their 0.1 rounding")
    Stream<DynamicTest> publishedSdValues() throws Exception {
        List<Case> cases = new ArrayList<>();
        for (Sex sex : Sex.values()) {
            String s = sex == Sex.MALE ? "boys" : "girls";
            cases.add(new Case("wfa_" + s + "_0_5", sex, Indicator.WEIGHT_FOR_AGE, "Month", GrowthStandard.DAYS_PER_MONTH));
            cases.add(new Case("wfa_" + s + "_0_13", sex, Indicator.WEIGHT_FOR_AGE, "Week", 7));
            cases.add(new Case("lhfa_" + s + "_0_2", sex, Indicator.LENGTH_FOR_AGE, "Month", GrowthStandard.DAYS_PER_MONTH));
            cases.add(new Case("lhfa_" + s + "_2_5", sex, Indicator.LENGTH_FOR_AGE, "Month", GrowthStandard.DAYS_PER_MONTH));
            cases.add(new Case("hcfa_" + s + "_0_5", sex, Indicator.HEAD_CIRCUMFERENCE_FOR_AGE, "Month", GrowthStandard.DAYS_PER_MONTH));
            cases.add(new Case("bmifa_" + s + "_0_2", sex, Indicator.BMI_FOR_AGE, "Month", GrowthStandard.DAYS_PER_MONTH));
            cases.add(new Case("bmifa_" + s + "_2_5", sex, Indicator.BMI_FOR_AGE, "Month", GrowthStandard.DAYS_PER_MONTH));
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases) {
            JsonNode rows = table(c.table());
            tests.add(DynamicTest.dynamicTest(c.table(), () -> {
                int checked = 0;
                double worst = 0;
                for (JsonNode row : rows) {
                    double unit = row.path(c.ageKey()).asDouble();
                    int day = (int) Math.round(unit * c.daysPerUnit());
                    // The 24-month row of a 0–2 table is length; from 731 days the engine uses height: skip the seam.
                    if (c.table().endsWith("_0_2") && day >= GrowthStandard.LENGTH_HEIGHT_SWITCH_DAYS) continue;
                    if (c.table().endsWith("_2_5") && day < GrowthStandard.LENGTH_HEIGHT_SWITCH_DAYS) continue;
                    if (day > 1826) continue;
                    for (int k = -3; k <= 3; k++) {
                        double y = row.path(SD_KEYS[k + 3]).asDouble();
                        double z = WHO.zForAge(c.sex(), c.indicator(), day, y);
                        // WHO rounded y to 0.1: the z can be off by at most the z-width of 0.05, plus the day rounding.
                        double width = Math.abs(WHO.zForAge(c.sex(), c.indicator(), day, y + 0.05) - z);
                        assertThat(Math.abs(z - k)).as("%s %s=%s SD%d y=%s", c.table(), c.ageKey(), unit, k, y)
                                .isLessThanOrEqualTo(width + 0.03);
                        worst = Math.max(worst, Math.abs(z - k) - width);
                        checked++;
                    }
                }
                assertThat(checked).isGreaterThan(40);
            }));
        }
        return tests.stream();
    }

    @Test
    @DisplayName("weekly tables are reproduced exactly at whole weeks (linear interpolation within weeks, to day 91)")
    void weeklyExact() throws Exception {
        JsonNode rows = table("wfa_girls_0_13");
        for (JsonNode row : rows) {
            int day = row.path("Week").asInt() * 7;
            double[] lms = WHO.lmsAtAge(Sex.FEMALE, Indicator.WEIGHT_FOR_AGE, day);
            assertThat(lms[1]).isCloseTo(row.path("M").asDouble(), within(1e-9));
            assertThat(lms[0]).isCloseTo(row.path("L").asDouble(), within(1e-9));
        }
    }

    @Test
    @DisplayName("the median at birth has z = 0 (girls' weight M = 3.2322 kg)")
    void medianAtBirth() {
        assertThat(WHO.zForAge(Sex.FEMALE, Indicator.WEIGHT_FOR_AGE, 0, 3.2322)).isCloseTo(0, within(1e-9));
    }

    @Test
    @DisplayName("§4 restricted tail beyond +3 and below −3, computed by hand from L, M, S")
    void restrictedTails() {
        double[] lms = WHO.lmsAtAge(Sex.MALE, Indicator.WEIGHT_FOR_AGE, 365);
        double l = lms[0], m = lms[1], s = lms[2];
        double sd3 = m * Math.pow(1 + l * s * 3, 1 / l), sd2 = m * Math.pow(1 + l * s * 2, 1 / l);
        double heavy = sd3 + 0.5 * (sd3 - sd2);
        assertThat(WHO.zForAge(Sex.MALE, Indicator.WEIGHT_FOR_AGE, 365, heavy)).isCloseTo(3.5, within(1e-9));
        double sd3n = m * Math.pow(1 - l * s * 3, 1 / l), sd2n = m * Math.pow(1 - l * s * 2, 1 / l);
        double light = sd3n - 0.25 * (sd2n - sd3n);
        assertThat(WHO.zForAge(Sex.MALE, Indicator.WEIGHT_FOR_AGE, 365, light)).isCloseTo(-3.25, within(1e-9));
        // Length-for-age uses the plain z beyond ±3.
        double[] h = WHO.lmsAtAge(Sex.MALE, Indicator.LENGTH_FOR_AGE, 365);
        double plain = (Math.pow((h[1] * 1.2) / h[1], h[0]) - 1) / (h[2] * h[0]);
        assertThat(WHO.zForAge(Sex.MALE, Indicator.LENGTH_FOR_AGE, 365, h[1] * 1.2)).isCloseTo(plain, within(1e-9));
    }

    private static GrowthAssessment.Result assess(int days, Double weight, Double length, Position p, Double head, boolean oedema) {
        return GrowthAssessment.assess(WHO, new Measurement(Sex.FEMALE, days, weight, length, p, head, oedema));
    }

    @Test
    @DisplayName("§4 0.7 cm rule: at 730 days a standing height gets +0.7 cm (length table); at 731 a recumbent length gets −0.7 cm")
    void pointSevenRule() {
        assertThat(assess(730, null, 85.0, Position.STANDING, null, false).adjustedLengthCm()).isCloseTo(85.7, within(1e-9));
        assertThat(assess(730, null, 85.0, Position.RECUMBENT, null, false).adjustedLengthCm()).isCloseTo(85.0, within(1e-9));
        assertThat(assess(731, null, 85.0, Position.RECUMBENT, null, false).adjustedLengthCm()).isCloseTo(84.3, within(1e-9));
        assertThat(assess(731, null, 85.0, Position.STANDING, null, false).adjustedLengthCm()).isCloseTo(85.0, within(1e-9));
        assertThat(assess(730, 11.5, 85.0, Position.RECUMBENT, null, false).scores()).containsKey(Indicator.WEIGHT_FOR_LENGTH);
        assertThat(assess(731, 11.5, 85.0, Position.STANDING, null, false).scores()).containsKey(Indicator.WEIGHT_FOR_HEIGHT);
    }

    @ParameterizedTest(name = "{0} days ({1} months): standing valid = {2}")
    @CsvSource({"273, 8.97, false", "274, 9.00, true"})
    @DisplayName("§4 under 9 months (days ÷ 30.4375 < 9) a standing measurement is an invalid position: no length-based z")
    void nineMonthRule(int days, String months, boolean valid) {
        var r = assess(days, 8.0, 70.0, Position.STANDING, null, false);
        assertThat(r.scores().containsKey(Indicator.LENGTH_FOR_AGE)).isEqualTo(valid);
        assertThat(r.scores().containsKey(Indicator.WEIGHT_FOR_LENGTH)).isEqualTo(valid);
        assertThat(r.flags().contains("STANDING_UNDER_9_MONTHS_INVALID")).isEqualTo(!valid);
        assertThat(r.scores()).containsKey(Indicator.WEIGHT_FOR_AGE);
    }

    @Test
    @DisplayName("§4 table ranges: weight-for-length 45–110 cm, weight-for-height 65–120 cm; outside, no z")
    void tableRanges() {
        assertThat(WHO.zForLength(Sex.FEMALE, Indicator.WEIGHT_FOR_LENGTH, 45.0, 2.5)).isNotNaN();
        assertThat(WHO.zForLength(Sex.FEMALE, Indicator.WEIGHT_FOR_LENGTH, 44.9, 2.5)).isNaN();
        assertThat(WHO.zForLength(Sex.FEMALE, Indicator.WEIGHT_FOR_LENGTH, 110.0, 18)).isNotNaN();
        assertThat(WHO.zForLength(Sex.FEMALE, Indicator.WEIGHT_FOR_LENGTH, 110.1, 18)).isNaN();
        assertThat(WHO.zForLength(Sex.FEMALE, Indicator.WEIGHT_FOR_HEIGHT, 64.9, 7)).isNaN();
        assertThat(WHO.zForLength(Sex.FEMALE, Indicator.WEIGHT_FOR_HEIGHT, 120.0, 22)).isNotNaN();
        assertThat(WHO.zForLength(Sex.FEMALE, Indicator.WEIGHT_FOR_HEIGHT, 120.1, 22)).isNaN();
    }

    @Test
    @DisplayName("§4 L, M, S are interpolated linearly between length rows")
    void lengthInterpolation() {
        double[] a = WHO.lmsAtLength(Sex.MALE, Indicator.WEIGHT_FOR_LENGTH, 60.0);
        double[] b = WHO.lmsAtLength(Sex.MALE, Indicator.WEIGHT_FOR_LENGTH, 60.5);
        double[] mid = WHO.lmsAtLength(Sex.MALE, Indicator.WEIGHT_FOR_LENGTH, 60.2);
        assertThat(mid[1]).isCloseTo(a[1] + 0.4 * (b[1] - a[1]), within(1e-9));
    }

    @Test
    @DisplayName("§4 oedema: no weight-based z; length and head still given")
    void oedema() {
        var r = assess(300, 8.0, 70.0, Position.RECUMBENT, 43.0, true);
        assertThat(r.scores()).doesNotContainKeys(Indicator.WEIGHT_FOR_AGE, Indicator.WEIGHT_FOR_LENGTH, Indicator.BMI_FOR_AGE);
        assertThat(r.scores()).containsKeys(Indicator.LENGTH_FOR_AGE, Indicator.HEAD_CIRCUMFERENCE_FOR_AGE);
    }

    @ParameterizedTest(name = "{0} days → z given: {1}")
    @CsvSource({"1826, true", "1827, false"})
    @DisplayName("§4 z-scores only under 60 months (days ÷ 30.4375 < 60)")
    void sixtyMonths(int days, boolean given) {
        assertThat(assess(days, 18.0, null, null, null, false).scores().isEmpty()).isEqualTo(!given);
    }

    @Test
    @DisplayName("§4 implausible flags (WAZ > 5) and classification (stunting, wasting, underweight, overweight, obesity)")
    void flagsAndClasses() {
        double[] lms = WHO.lmsAtAge(Sex.FEMALE, Indicator.WEIGHT_FOR_AGE, 365);
        double sd3 = GrowthStandard.sd(3, lms[0], lms[1], lms[2]), sd2 = GrowthStandard.sd(2, lms[0], lms[1], lms[2]);
        var huge = assess(365, sd3 + 2.5 * (sd3 - sd2), null, null, null, false);
        assertThat(huge.flags()).contains("IMPLAUSIBLE_WEIGHT_FOR_AGE");

        double[] h = WHO.lmsAtAge(Sex.FEMALE, Indicator.LENGTH_FOR_AGE, 365);
        double shortLength = GrowthStandard.sd(-2.5, h[0], h[1], h[2]);
        assertThat(assess(365, null, shortLength, Position.RECUMBENT, null, false).classification()).containsExactly("STUNTING");
        double veryShort = GrowthStandard.sd(-3.5, h[0], h[1], h[2]);
        assertThat(assess(365, null, veryShort, Position.RECUMBENT, null, false).classification()).containsExactly("SEVERE_STUNTING");

        double[] wfl = WHO.lmsAtLength(Sex.FEMALE, Indicator.WEIGHT_FOR_LENGTH, 74.0);
        double heavy = GrowthStandard.sd(2.5, wfl[0], wfl[1], wfl[2]);
        assertThat(assess(365, heavy, 74.0, Position.RECUMBENT, null, false).classification()).contains("OVERWEIGHT");
        double thin = GrowthStandard.sd(-2.5, wfl[0], wfl[1], wfl[2]);
        assertThat(assess(365, thin, 74.0, Position.RECUMBENT, null, false).classification()).contains("WASTING");
        double obese = GrowthStandard.sd(3.2, wfl[0], wfl[1], wfl[2]);
        assertThat(assess(365, obese, 74.0, Position.RECUMBENT, null, false).classification()).contains("OBESITY").doesNotContain("OVERWEIGHT");
    }

    @Test
    @DisplayName("percentile comes from the z: z = 0 → 50.0, z = 2 → 97.7")
    void percentile() {
        assertThat(GrowthAssessment.normalCdf(0)).isCloseTo(0.5, within(1e-7));
        assertThat(GrowthAssessment.normalCdf(2)).isCloseTo(0.97725, within(1e-5));
        assertThat(GrowthAssessment.normalCdf(-1.96)).isCloseTo(0.025, within(1e-4));
    }

    @Test
    @DisplayName("growth faltering: a fall of more than 0.67 z between visits (issue 4 §5)")
    void faltering() {
        assertThat(HighRiskInfantPolicy.faltering(new java.math.BigDecimal("0.50"), new java.math.BigDecimal("-0.17"))).isFalse();
        assertThat(HighRiskInfantPolicy.faltering(new java.math.BigDecimal("0.50"), new java.math.BigDecimal("-0.18"))).isTrue();
    }
}
