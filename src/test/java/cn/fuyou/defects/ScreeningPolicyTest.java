package cn.fuyou.defects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Source: clinical-rules.md §7 — prenatal screening cut-offs, the maternal-age prior and the gestation adjustment. */
class ScreeningPolicyTest {

    private final ScreeningPolicy policy = new ScreeningPolicy(DefectRuleSet.load(DefectRuleSet.DEFAULT_VERSION));

    @ParameterizedTest(name = "§7 age {0} at the EDD → trisomy 21 at term 1 in {1}")
    @CsvSource({"20,1478", "25,1341", "30,940", "35,354", "40,86", "45,36"})
    @DisplayName("§7: the published maternal-age priors (Morris, Mutton & Alberman 2002)")
    void publishedAgePriors(int age, long oneIn) {
        assertThat(policy.t21AtTerm(age).oneIn()).isEqualTo(oneIn);
    }

    @ParameterizedTest(name = "§7 trisomy 21 1 in {0} → {1}")
    @CsvSource({"1,HIGH", "270,HIGH", "271,INTERMEDIATE", "1000,INTERMEDIATE", "1001,LOW", "50000,LOW"})
    @DisplayName("§7: trisomy 21 cut-offs HIGH ≤ 270 < INTERMEDIATE ≤ 1000 < LOW")
    void t21Boundaries(long oneIn, RiskBand band) {
        assertThat(policy.t21(oneIn)).isEqualTo(band);
    }

    @ParameterizedTest(name = "§7 trisomy 18 1 in {0} → {1}")
    @CsvSource({"1,HIGH", "350,HIGH", "351,LOW", "100000,LOW"})
    @DisplayName("§7: trisomy 18 cut-off HIGH ≤ 350, else LOW")
    void t18Boundaries(long oneIn, RiskBand band) {
        assertThat(policy.t18(oneIn)).isEqualTo(band);
    }

    @ParameterizedTest(name = "§7 AFP {0} MoM with cut-off {1} → {2}")
    @CsvSource({"2.49,,LOW", "2.50,,HIGH", "2.5,,HIGH", "1.99,2.0,LOW", "2.00,2.0,HIGH", "2.2,2.25,LOW", "2.25,2.25,HIGH"})
    @DisplayName("§7: ONTD HIGH when AFP ≥ the laboratory cut-off (default 2.5 MoM), compared in decimal")
    void ontd(BigDecimal afp, BigDecimal cutoff, RiskBand band) {
        assertThat(policy.ontd(afp, cutoff)).isEqualTo(band);
    }

    @Test
    @DisplayName("§7: a laboratory AFP cut-off outside 2.0–2.5 MoM is refused")
    void afpCutoffRange() {
        assertThatThrownBy(() -> policy.ontd(new BigDecimal("3.0"), new BigDecimal("1.9"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy.ontd(new BigDecimal("3.0"), new BigDecimal("2.6"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy.t21(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("§7: age in completed years at the EDD; gestation adjustment RR = 10^(0.2718·L² − 1.023·L + 0.9425)")
    void ageAtEddAndGestation() {
        assertThat(ScreeningPolicy.maternalAgeAtEdd(LocalDate.of(1991, 6, 15), LocalDate.of(2026, 6, 14))).isEqualTo(34);
        assertThat(ScreeningPolicy.maternalAgeAtEdd(LocalDate.of(1991, 6, 15), LocalDate.of(2026, 6, 15))).isEqualTo(35);
        double l = Math.log10(16);
        assertThat(policy.gestationFactor(16)).isCloseTo(Math.pow(10, 0.2718 * l * l - 1.023 * l + 0.9425), within(1e-12));
        assertThat(policy.gestationFactor(16)).isCloseTo(1.27283, within(1e-5));
        // 35 at the EDD, 16 weeks: 0.00282746 × 1.27283 = 0.00359887 → 1 in 278
        PriorRisk at16 = policy.atGestation(policy.t21AtTerm(35), 16);
        assertThat(at16.p()).isCloseTo(0.00359887, within(1e-8));
        assertThat(at16.oneIn()).isEqualTo(278);
    }

    @Test
    @DisplayName("§7: the 23 monitored categories + other, ICD-10 by longest prefix, side for cleft/ear/clubfoot/polydactyly/syndactyly/limb")
    void categories() {
        DefectRuleSet rules = policy.rules();
        assertThat(rules.categories()).hasSize(24);
        assertThat(rules.categoryOfIcd10("Q17.2").orElseThrow().code()).isEqualTo("MICROTIA");
        assertThat(rules.categoryOfIcd10("Q16.0").orElseThrow().code()).isEqualTo("MICROTIA");
        assertThat(rules.categoryOfIcd10("Q17.0").orElseThrow().code()).isEqualTo("OTHER_EXTERNAL_EAR");
        assertThat(rules.categoryOfIcd10("Q90.9").orElseThrow().code()).isEqualTo("DOWN_SYNDROME");
        assertThat(rules.categoryOfIcd10("Q72.8").orElseThrow().code()).isEqualTo("LIMB_REDUCTION");
        assertThat(rules.categoryOfIcd10("Q21.0").orElseThrow().code()).isEqualTo("CONGENITAL_HEART_DISEASE");
        assertThat(rules.categoryOfIcd10("Q99.9").orElseThrow().code()).isEqualTo("OTHER");
        assertThat(rules.categoryOfIcd10("O99").isEmpty()).isTrue();
        assertThat(rules.categories().values().stream().filter(DefectRuleSet.Category::side).map(DefectRuleSet.Category::code))
                .containsExactlyInAnyOrder("CLEFT_PALATE", "CLEFT_LIP", "CLEFT_LIP_PALATE", "MICROTIA", "OTHER_EXTERNAL_EAR", "CLUBFOOT",
                        "POLYDACTYLY", "SYNDACTYLY", "LIMB_REDUCTION");
    }

    private static MarkerParameters.Distribution dist(double m1, double m2, double s1, double s2, double r) {
        return new MarkerParameters.Distribution(Map.of("AFP", m1, "HCG", m2), Map.of("AFP", s1, "HCG", s2), Map.of("AFP|HCG", r));
    }

    @Test
    @DisplayName("§7 (Reynolds & Penney 1990): the two-marker likelihood ratio equals the hand-computed bivariate-normal ratio")
    void twoMarkerLikelihoodRatio() {
        // AFP 0.70 MoM, hCG 2.00 MoM → x = (log10 0.7, log10 2) = (−0.154902, 0.301030)
        // affected: means (−0.10, 0.30), SDs (0.15, 0.25), r 0.2; unaffected: means 0, SDs (0.16, 0.24), r 0.1
        // z_a = (−0.365347, 0.004120); Q_a = (z1² − 2 r z1 z2 + z2²)/(1 − r²) = 0.140193
        // z_u = (−0.968137, 1.254292); Q_u = 2.781215
        // LR = (0.16·0.24·√0.99)/(0.15·0.25·√0.96) · exp(−(Q_a − Q_u)/2) = 1.039901 · 3.745252 = 3.894686
        Map<String, Double> x = Map.of("AFP", Math.log10(0.7), "HCG", Math.log10(2.0));
        double lr = LikelihoodRatio.of(x, dist(-0.10, 0.30, 0.15, 0.25, 0.2), dist(0, 0, 0.16, 0.24, 0.1));
        assertThat(lr).isCloseTo(3.894686, within(1e-5));
        // one marker alone: the ratio of two univariate normals
        double one = LikelihoodRatio.of(Map.of("AFP", Math.log10(0.7)), dist(-0.10, 0.30, 0.15, 0.25, 0.2), dist(0, 0, 0.16, 0.24, 0.1));
        double za = (Math.log10(0.7) + 0.10) / 0.15, zu = Math.log10(0.7) / 0.16;
        assertThat(one).isCloseTo((0.16 / 0.15) * Math.exp(-0.5 * (za * za - zu * zu)), within(1e-12));
    }

    @Test
    @DisplayName("§7: combined risk = prior odds at gestation × LR; 35 at the EDD, 16 weeks, LR 3.8947 → 1 in 72, parameter set recorded")
    void combinedRisk() {
        MarkerParameters params = new MarkerParameters("LAB-TEST", "1", true, "测试", "test",
                Map.of("AFP", new MarkerParameters.Marker("IU/mL", java.util.List.of(new double[]{105, 20}, new double[]{125, 40}), null, null),
                        "HCG", new MarkerParameters.Marker("IU/mL", java.util.List.of(new double[]{105, 30000}, new double[]{125, 30000}), null, null)),
                dist(0, 0, 0.16, 0.24, 0.1), Map.of("T21", dist(-0.10, 0.30, 0.15, 0.25, 0.2)), Map.of("T21", 1.0));
        // day 112 = 16+0 weeks: AFP median 10^(log10 20 + 7/20·log10 2) = 25.49 → AFP 17.84 is 0.70 MoM; hCG 60000 is 2.00 MoM
        double afpMedian = Math.pow(10, Math.log10(20) + 7.0 / 20 * Math.log10(2));
        var r = RiskCalculation.compute(policy, params, 35, 112, null, Map.of("AFP", 0.7 * afpMedian, "HCG", 60000.0));
        assertThat(r.moms().get("AFP")).isCloseTo(0.7, within(1e-9));
        assertThat(r.likelihoodRatios().get("T21")).isCloseTo(3.894686, within(1e-5));
        // prior 0.00359887 → odds 0.00361187 × 3.894686 = 0.0140671 → p 0.0138720 → 1 in 72
        assertThat(r.risks().get("T21").oneIn()).isEqualTo(72);
        assertThat(r.parameterSet()).isEqualTo("LAB-TEST@1");
        assertThat(r.ruleVersion()).isEqualTo(DefectRuleSet.DEFAULT_VERSION);
        assertThatThrownBy(() -> RiskCalculation.compute(policy, params, 35, 140, null, Map.of("AFP", 20.0)))
                .hasMessageContaining("outside");
    }
}
