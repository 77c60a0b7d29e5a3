package cn.fuyou.maternal.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Source: NHC 2017 国卫办妇幼发〔2017〕35号《孕产妇妊娠风险评估与管理工作规范》, as written in
 * clinical-rules.md §1 (numeric factors table; boundaries exact, compared in decimal).
 */
class RiskGradingPolicyTest {

    private static final RiskGradingPolicy POLICY = new RiskGradingPolicy(RiskRuleSet.load("NHC-2017-CQ-1"));

    private static RiskColour only(RiskInputs in) {
        return POLICY.grade(in).colour();
    }

    private static RiskInputs none() {
        return RiskInputs.none();
    }

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @ParameterizedTest(name = "age {0} → {1}")
    @CsvSource({"17, YELLOW", "18, YELLOW", "19, GREEN", "34, GREEN", "35, YELLOW", "39, YELLOW", "40, ORANGE", "45, ORANGE"})
    @DisplayName("§1 AGE: yellow ≥35 or ≤18, orange ≥40")
    void age(int age, RiskColour expected) {
        assertThat(only(new RiskInputs(age, null, null, null, null, null, null, null, null, null, null, null, null))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "BMI {0} → {1}")
    @CsvSource({"18.4, YELLOW", "18.5, GREEN", "25.0, GREEN", "25.1, YELLOW", "27.9, YELLOW", "28.0, ORANGE", "35.0, ORANGE"})
    @DisplayName("§1 BMI: yellow >25 or <18.5, orange ≥28 (height 100 cm makes weight = BMI)")
    void bmi(String bmi, RiskColour expected) {
        assertThat(only(new RiskInputs(null, d("100"), d(bmi), null, null, null, null, null, null, null, null, null, null))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} kg / {1} cm → BMI {2} → {3}")
    @CsvSource({
            "63.87, 160, 24.9, GREEN",   // 24.949… rounds down
            "63.88, 160, 25.0, GREEN",   // 24.953… rounds half-up to 25.0, which is not > 25
            "64.13, 160, 25.1, YELLOW",  // 25.05078… rounds up to 25.1
            "64.128, 160, 25.1, YELLOW", // exactly 25.05: half-up gives 25.1 (half-even would give 25.0)
            "47.35, 160, 18.5, GREEN",   // 18.496… rounds half-up to 18.5, not < 18.5
            "71.67, 160, 28.0, ORANGE"}) // 27.996… rounds to 28.0
    @DisplayName("§1 BMI is rounded half-up to 1 decimal before comparing")
    void bmiRounding(String kg, String cm, String bmi, RiskColour expected) {
        assertThat(RiskGradingPolicy.bmi(d(kg), d(cm))).isEqualByComparingTo(bmi);
        assertThat(only(new RiskInputs(null, d(cm), d(kg), null, null, null, null, null, null, null, null, null, null))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "Hb {0} → {1}")
    @CsvSource({"39, RED", "40, RED", "41, ORANGE", "59, ORANGE", "59.9, ORANGE", "60, YELLOW", "109, YELLOW", "109.9, YELLOW", "110, GREEN", "130, GREEN"})
    @DisplayName("§1 HEMOGLOBIN: yellow 60 ≤ Hb < 110, orange 40 < Hb < 60, red ≤ 40")
    void hemoglobin(String hb, RiskColour expected) {
        assertThat(only(new RiskInputs(null, null, null, d(hb), null, null, null, null, null, null, null, null, null))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "PLT {0} → {1}")
    @CsvSource({"29, RED", "30, ORANGE", "49, ORANGE", "50, YELLOW", "100, YELLOW", "101, GREEN"})
    @DisplayName("§1 PLATELETS: yellow 50 ≤ PLT ≤ 100, orange 30 ≤ PLT < 50, red < 30")
    void platelets(String plt, RiskColour expected) {
        assertThat(only(new RiskInputs(null, null, null, null, d(plt), null, null, null, null, null, null, null, null))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "PASP {0} → {1}")
    @CsvSource({"34, GREEN", "35, ORANGE", "49, ORANGE", "50, RED"})
    @DisplayName("§1 PULMONARY_ARTERY_SYSTOLIC: orange 35 ≤ PASP < 50 (fuyou rule for 'mild'), red ≥ 50")
    void pasp(String pasp, RiskColour expected) {
        assertThat(only(new RiskInputs(null, null, null, null, null, d(pasp), null, null, null, null, null, null, null))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "NYHA {0} → {1}")
    @CsvSource({"1, GREEN", "2, ORANGE", "3, RED", "4, RED"})
    @DisplayName("§1 NYHA: orange II, red III or IV")
    void nyha(int nyha, RiskColour expected) {
        assertThat(only(new RiskInputs(null, null, null, null, null, null, nyha, null, null, null, null, null, null))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "EF {0} → {1}")
    @CsvSource({"39, RED", "40, ORANGE", "49, ORANGE", "50, GREEN"})
    @DisplayName("§1 EJECTION_FRACTION: orange 40 ≤ EF < 50, red < 40")
    void ef(String ef, RiskColour expected) {
        assertThat(only(new RiskInputs(null, null, null, null, null, null, null, d(ef), null, null, null, null, null))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "creatinine {0}×ULN → {1}")
    @CsvSource({"1.0, GREEN", "1.01, ORANGE", "1.5, ORANGE", "1.51, RED"})
    @DisplayName("§1 CREATININE: orange > 1.0 and ≤ 1.5 × ULN, red > 1.5")
    void creatinine(String c, RiskColour expected) {
        assertThat(only(new RiskInputs(null, null, null, null, null, null, null, null, d(c), null, null, null, null))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "fetuses {0} → {1}")
    @CsvSource({"1, GREEN", "2, YELLOW", "3, ORANGE", "4, ORANGE"})
    @DisplayName("§1 FETUS_COUNT: yellow 2, orange ≥ 3")
    void fetuses(int n, RiskColour expected) {
        assertThat(only(new RiskInputs(null, null, null, null, null, null, null, null, null, n, null, null, null))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "uterine surgeries {0} → {1}")
    @CsvSource({"0, GREEN", "1, YELLOW", "2, ORANGE"})
    @DisplayName("§1 UTERINE_SURGERIES: yellow ≥ 1 (scarred uterus), orange ≥ 2")
    void surgeries(int n, RiskColour expected) {
        assertThat(only(new RiskInputs(null, null, null, null, null, null, null, null, null, null, n, null, null))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} months since surgery → {1}")
    @CsvSource({"17, ORANGE", "18, GREEN", "36, GREEN"})
    @DisplayName("§1 MONTHS_SINCE_LAST_UTERINE_SURGERY: orange < 18")
    void monthsSinceSurgery(int months, RiskColour expected) {
        assertThat(only(new RiskInputs(null, null, null, null, null, null, null, null, null, null, null, months, null))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"MACROSOMIA, YELLOW", "ASTHMA, ORANGE", "PLACENTAL_ABRUPTION, RED", "PERNICIOUS_PLACENTA_PRAEVIA, RED",
            "SEVERE_PREECLAMPSIA, ORANGE", "HYPEREMESIS, YELLOW"})
    @DisplayName("§1 coded factors map to their colour")
    void coded(String code, RiskColour expected) {
        assertThat(only(new RiskInputs(null, null, null, null, null, null, null, null, null, null, null, null, List.of(code)))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "purple with {0}")
    @EnumSource(RiskColour.class)
    @DisplayName("§1 purple is a flag that coexists with every colour (e.g. orange + purple)")
    void purpleCoexists(RiskColour colour) {
        String code = switch (colour) {
            case GREEN -> null;
            case YELLOW -> "MACROSOMIA";
            case ORANGE -> "ASTHMA";
            case RED -> "LEUKAEMIA";
        };
        List<String> codes = code == null ? List.of("SYPHILIS") : List.of(code, "SYPHILIS");
        RiskGrading g = POLICY.grade(new RiskInputs(null, null, null, null, null, null, null, null, null, null, null, null, codes));
        assertThat(g.colour()).isEqualTo(colour);
        assertThat(g.purple()).isTrue();
        assertThat(g.factors()).anySatisfy(f -> assertThat(f.colour()).isEqualTo("PURPLE"));
    }

    @Test
    @DisplayName("§1 HBsAg carrier with normal liver function is yellow and sets purple")
    void hbsagCarrier() {
        RiskGrading g = POLICY.grade(new RiskInputs(null, null, null, null, null, null, null, null, null, null, null, null,
                List.of("HBSAG_CARRIER_NORMAL_LIVER")));
        assertThat(g.colour()).isEqualTo(RiskColour.YELLOW);
        assertThat(g.purple()).isTrue();
    }

    @Test
    @DisplayName("§1 the colour is the highest among the factors present; each factor keeps its reason")
    void highestWins() {
        RiskGrading g = POLICY.grade(new RiskInputs(36, null, null, d("55"), null, null, 3, null, null, null, null, null,
                List.of("MACROSOMIA")));
        assertThat(g.colour()).isEqualTo(RiskColour.RED);
        assertThat(g.factors()).extracting(RiskGrading.Factor::code).containsExactlyInAnyOrder("AGE", "HEMOGLOBIN", "NYHA", "MACROSOMIA");
        assertThat(g.factors()).filteredOn(f -> f.code().equals("HEMOGLOBIN")).first()
                .satisfies(f -> assertThat(f.reason()).contains("55").contains("<60"));
        assertThat(g.ruleSetVersion()).isEqualTo("NHC-2017-CQ-1");
    }

    @Test
    @DisplayName("§1 green when no factor is present; screen negative")
    void green() {
        RiskGrading g = POLICY.grade(none());
        assertThat(g.colour()).isEqualTo(RiskColour.GREEN);
        assertThat(g.screenPositive()).isFalse();
        assertThat(g.factors()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"RH_NEGATIVE", "INFERTILITY_HISTORY", "BIRTH_INTERVAL_UNDER_18_MONTHS", "BIRTH_INTERVAL_OVER_5_YEARS", "PHYSICAL_DISABILITY"})
    @DisplayName("§1 screening items make the screen positive but give no colour")
    void screeningOnly(String code) {
        RiskGrading g = POLICY.grade(new RiskInputs(null, null, null, null, null, null, null, null, null, null, null, null, List.of(code)));
        assertThat(g.screenPositive()).isTrue();
        assertThat(g.colour()).isEqualTo(RiskColour.GREEN);
    }

    @ParameterizedTest(name = "height {0} cm → screen positive {1}")
    @CsvSource({"145, true", "145.1, false"})
    @DisplayName("§1 screening: height ≤ 145 cm")
    void height(String cm, boolean positive) {
        RiskGrading g = POLICY.grade(new RiskInputs(null, d(cm), null, null, null, null, null, null, null, null, null, null, null));
        assertThat(g.screenPositive()).isEqualTo(positive);
    }

    @Test
    @DisplayName("§1 a numeric factor makes the screen positive too")
    void numericScreens() {
        assertThat(POLICY.grade(new RiskInputs(35, null, null, null, null, null, null, null, null, null, null, null, null)).screenPositive()).isTrue();
    }

    @Test
    @DisplayName("§1 an unknown factor code is an error naming the code, never ignored")
    void unknownCode() {
        assertThatThrownBy(() -> POLICY.grade(new RiskInputs(null, null, null, null, null, null, null, null, null, null, null, null,
                List.of("MACROSOMIA", "NOT_A_CODE"))))
                .isInstanceOf(UnknownFactorException.class).hasMessageContaining("NOT_A_CODE");
    }

    @Test
    @DisplayName("§1 management: yellow needs level 2+, orange and red level 3 and a dedicated case")
    void management() {
        assertThat(RiskColour.GREEN.requiredLevel()).isEqualTo(1);
        assertThat(RiskColour.YELLOW.requiredLevel()).isEqualTo(2);
        assertThat(RiskColour.ORANGE.requiredLevel()).isEqualTo(3);
        assertThat(RiskColour.RED.needsDedicatedCase()).isTrue();
        assertThat(RiskColour.YELLOW.needsDedicatedCase()).isFalse();
    }
}
