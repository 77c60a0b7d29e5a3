package cn.fuyou.criticalcare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Source: clinical-rules.md §6 (WHO maternal near-miss 2011): every criterion at its boundary. */
class NearMissPolicyTest {

    private final NearMissPolicy policy = new NearMissPolicy(NearMissRuleSet.load("WHO-2011"));

    private NearMissAssessment value(String field, String v) {
        return policy.assess(new NearMissInputs(List.of(), Map.of(field, new BigDecimal(v)), null));
    }

    @ParameterizedTest(name = "§6 {0} = {1} → {2} met: {3}")
    @CsvSource({
            // pH < 7.1
            "ph, 7.09, PH_BELOW_7_1, true", "ph, 7.1, PH_BELOW_7_1, false", "ph, 7.10, PH_BELOW_7_1, false",
            // lactate > 5 mmol/L
            "lactateMmolL, 5, LACTATE_ABOVE_5, false", "lactateMmolL, 5.01, LACTATE_ABOVE_5, true",
            // respiratory rate > 40 or < 6 per min
            "respiratoryRate, 40, RESPIRATORY_RATE, false", "respiratoryRate, 41, RESPIRATORY_RATE, true",
            "respiratoryRate, 6, RESPIRATORY_RATE, false", "respiratoryRate, 5, RESPIRATORY_RATE, true",
            // ≥ 60 minutes with SpO2 < 90%
            "minutesSpo2Below90, 59, SPO2_BELOW_90_FOR_60_MIN, false", "minutesSpo2Below90, 60, SPO2_BELOW_90_FOR_60_MIN, true",
            // PaO2/FiO2 < 200 mmHg
            "pao2Fio2, 200, PAO2_FIO2_BELOW_200, false", "pao2Fio2, 199.9, PAO2_FIO2_BELOW_200, true",
            // creatinine ≥ 300 µmol/L
            "creatinineUmolL, 299.9, CREATININE_300, false", "creatinineUmolL, 300, CREATININE_300, true",
            // platelets < 50 ×10⁹/L
            "plateletsE9L, 50, PLATELETS_BELOW_50, false", "plateletsE9L, 49.9, PLATELETS_BELOW_50, true",
            // ≥ 5 units of blood or red cells
            "transfusionUnits, 4.5, TRANSFUSION_5_UNITS, false", "transfusionUnits, 5, TRANSFUSION_5_UNITS, true",
            // bilirubin > 100 µmol/L
            "bilirubinUmolL, 100, BILIRUBIN_ABOVE_100, false", "bilirubinUmolL, 100.1, BILIRUBIN_ABOVE_100, true",
            // unconscious ≥ 12 h
            "unconsciousHours, 11.9, UNCONSCIOUS_12_H, false", "unconsciousHours, 12, UNCONSCIOUS_12_H, true",
    })
    @DisplayName("clinical-rules.md §6: value criteria at their exact boundaries")
    void valueBoundaries(String field, String v, String code, boolean met) {
        NearMissAssessment a = value(field, v);
        if (met) {
            assertThat(a.criteria()).containsExactly(code);
            assertThat(a.lifeThreatening()).isTrue();
            assertThat(a.classification()).isEqualTo(NearMissAssessment.Classification.LIFE_THREATENING);
        } else {
            assertThat(a.criteria()).isEmpty();
            assertThat(a.classification()).isEqualTo(NearMissAssessment.Classification.NONE);
        }
        assertThat(a.ruleVersion()).isEqualTo("WHO-2011");
    }

    @ParameterizedTest(name = "§6 finding {0} → organ system {1}")
    @CsvSource({
            "SHOCK, CARDIOVASCULAR", "CARDIAC_ARREST, CARDIOVASCULAR", "CPR, CARDIOVASCULAR", "VASOACTIVE_DRUGS, CARDIOVASCULAR",
            "CYANOSIS, RESPIRATORY", "GASPING, RESPIRATORY", "INTUBATION_NOT_ANAESTHESIA, RESPIRATORY",
            "OLIGURIA_UNRESPONSIVE, RENAL", "DIALYSIS_ACUTE_RENAL_FAILURE, RENAL", "CLOTTING_FAILURE, COAGULATION",
            "JAUNDICE_WITH_PRE_ECLAMPSIA, HEPATIC", "STROKE, NEUROLOGICAL", "STATUS_EPILEPTICUS, NEUROLOGICAL",
            "TOTAL_PARALYSIS, NEUROLOGICAL", "HYSTERECTOMY_INFECTION_OR_HAEMORRHAGE, UTERINE"})
    @DisplayName("clinical-rules.md §6: each yes/no finding is a criterion of its organ system")
    void findings(String code, String system) {
        NearMissAssessment a = policy.assess(new NearMissInputs(List.of(code), Map.of(), null));
        assertThat(a.criteria()).containsExactly(code);
        assertThat(a.organSystems()).containsExactly(system);
        assertThat(a.lifeThreatening()).isTrue();
    }

    @ParameterizedTest(name = "§6 value criterion {0} is in {1}")
    @CsvSource({"ph, 7.0, CARDIOVASCULAR", "lactateMmolL, 6, CARDIOVASCULAR", "respiratoryRate, 45, RESPIRATORY",
            "minutesSpo2Below90, 90, RESPIRATORY", "pao2Fio2, 150, RESPIRATORY", "creatinineUmolL, 400, RENAL",
            "plateletsE9L, 20, COAGULATION", "transfusionUnits, 8, COAGULATION", "bilirubinUmolL, 150, HEPATIC",
            "unconsciousHours, 24, NEUROLOGICAL"})
    @DisplayName("clinical-rules.md §6: each value criterion's organ system")
    void valueSystems(String field, String v, String system) {
        assertThat(value(field, v).organSystems()).containsExactly(system);
    }

    @Test
    @DisplayName("clinical-rules.md §6: classification — criterion + survived = NEAR_MISS, died = MATERNAL_DEATH with or without criteria, unknown = LIFE_THREATENING")
    void classification() {
        var shock = List.of("SHOCK");
        assertThat(policy.assess(new NearMissInputs(shock, Map.of(), NearMissInputs.Outcome.SURVIVED)).classification())
                .isEqualTo(NearMissAssessment.Classification.NEAR_MISS);
        assertThat(policy.assess(new NearMissInputs(shock, Map.of(), NearMissInputs.Outcome.DIED)).classification())
                .isEqualTo(NearMissAssessment.Classification.MATERNAL_DEATH);
        assertThat(policy.assess(new NearMissInputs(List.of(), Map.of(), NearMissInputs.Outcome.DIED)).classification())
                .isEqualTo(NearMissAssessment.Classification.MATERNAL_DEATH);
        assertThat(policy.assess(new NearMissInputs(shock, Map.of(), null)).classification())
                .isEqualTo(NearMissAssessment.Classification.LIFE_THREATENING);
        assertThat(policy.assess(new NearMissInputs(List.of(), Map.of(), NearMissInputs.Outcome.SURVIVED)).classification())
                .isEqualTo(NearMissAssessment.Classification.NONE);
        assertThat(policy.assess(new NearMissInputs(List.of(), Map.of(), NearMissInputs.Outcome.DIED)).lifeThreatening()).isFalse();
    }

    @Test
    @DisplayName("clinical-rules.md §6: criteria and organ systems come back sorted and without repeats")
    void sorted() {
        var a = policy.assess(new NearMissInputs(List.of("STROKE", "SHOCK", "SHOCK"),
                Map.of("plateletsE9L", new BigDecimal("30"), "ph", new BigDecimal("7.0")), null));
        assertThat(a.criteria()).containsExactly("PH_BELOW_7_1", "PLATELETS_BELOW_50", "SHOCK", "STROKE");
        assertThat(a.organSystems()).containsExactly("CARDIOVASCULAR", "COAGULATION", "NEUROLOGICAL");
    }

    @Test
    @DisplayName("clinical-rules.md §6: an unknown code names its place in the list")
    void unknownCode() {
        assertThatThrownBy(() -> policy.assess(new NearMissInputs(List.of("SHOCK", "HEADACHE"), Map.of(), null)))
                .isInstanceOf(InvalidNearMissInput.class).extracting(e -> ((InvalidNearMissInput) e).field()).isEqualTo("findings[1]");
    }

    @ParameterizedTest(name = "impossible {0}")
    @ValueSource(strings = {"ph=4", "transfusionUnits=-1", "plateletsE9L=-5", "respiratoryRate=500"})
    @DisplayName("an impossible value (pH 4, negative units) is refused naming the field")
    void impossible(String fv) {
        String[] p = fv.split("=");
        assertThatThrownBy(() -> value(p[0], p[1])).isInstanceOf(InvalidNearMissInput.class)
                .extracting(e -> ((InvalidNearMissInput) e).field()).isEqualTo(p[0]);
    }
}
