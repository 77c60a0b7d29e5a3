package cn.fuyou.art;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fuyou.art.ArtOutcomeCounting.Cycle;
import cn.fuyou.art.ArtOutcomeCounting.Group;
import cn.fuyou.art.ArtOutcomeCounting.Measure;
import cn.fuyou.shared.InvalidFieldException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Source: clinical-rules.md §8 (ICMART 2017 glossary, CDC/SART age bands, "Counting, exactly"); issue 14 Done when. */
class ArtOutcomeCountingTest {

    static Cycle fresh(String id, int age, boolean retrieved, int embryos, int sacs, boolean cp, boolean delivery, int babies, boolean ohss) {
        return new Cycle(id, "FRESH", age, retrieved, null, embryos, sacs, cp, delivery, babies, ohss);
    }

    static Cycle frozen(String id, int age, String of, int embryos, int sacs, boolean cp, boolean delivery, int babies) {
        return new Cycle(id, "FROZEN", age, null, of, embryos, sacs, cp, delivery, babies, null);
    }

    /** The hand-computed cohort; the figures in the tests below were worked out on paper from it. */
    static List<Cycle> cohort() {
        return List.of(
                fresh("F1", 32, true, 1, 1, true, true, 1, false),
                fresh("F2", 33, true, 2, 2, true, true, 2, false),   // twins: one delivery
                fresh("F3", 34, false, 0, 0, false, false, 0, false), // cancelled before retrieval
                fresh("F4", 30, true, 0, 0, false, false, 0, false),  // freeze-all
                frozen("Z1", 30, "F4", 1, 0, false, false, 0),
                frozen("Z2", 31, "F4", 1, 1, true, true, 1),          // the frozen transfer that delivers F4's retrieval
                fresh("F5", 36, true, 1, 0, true, false, 0, true),    // ectopic (no intrauterine sac) + OHSS
                fresh("F6", 39, true, 2, 0, false, false, 0, false),
                fresh("F7", 42, true, 1, 1, true, false, 0, false));  // miscarriage
    }

    static Group group(List<Group> groups, String band) {
        return groups.stream().filter(g -> g.ageBand().equals(band)).findFirst().orElseThrow();
    }

    static BigDecimal pct(String s) {
        return new BigDecimal(s);
    }

    @ParameterizedTest(name = "{0} days, {1} live-born → {2}")
    @CsvSource({"153, 1, MISCARRIAGE", "154, 1, LIVE_BIRTH", "154, 0, STILLBIRTH", "280, 2, LIVE_BIRTH", "140, 0, MISCARRIAGE"})
    @DisplayName("clinical-rules.md §8: a live birth is a birth at ≥ 22 completed weeks; earlier it is a loss, never a delivery")
    void aBirthBefore22WeeksIsNotADelivery(int days, int liveBorn, String outcome) {
        assertThat(ArtOutcomeCounting.deliveryOutcome(days, liveBorn)).isEqualTo(outcome);
    }

    @Test
    @DisplayName("§8 counting: the whole cohort — denominators initiated cycles 9, retrievals 6, transfers 7, FRESH cycles 7")
    void allAges() {
        Group all = group(ArtOutcomeCounting.count(cohort()), "ALL");
        assertThat(all.count(Measure.ART_CYCLE)).isEqualTo(9);
        assertThat(all.count(Measure.ART_FRESH_CYCLE)).isEqualTo(7);
        assertThat(all.count(Measure.ART_RETRIEVAL)).isEqualTo(6);     // F3 cancelled before retrieval is not one
        assertThat(all.count(Measure.ART_TRANSFER)).isEqualTo(7);
        assertThat(all.count(Measure.ART_CLINICAL_PREGNANCY)).isEqualTo(5);  // F5's ectopic counts
        assertThat(all.count(Measure.ART_DELIVERY)).isEqualTo(3);      // F2's twins count once
        Map<String, BigDecimal> r = all.rates();
        assertThat(r.get("ART_CPR_PER_CYCLE")).isEqualTo(pct("55.6"));     // 5/9
        assertThat(r.get("ART_CPR_PER_RETRIEVAL")).isEqualTo(pct("66.7")); // F1 F2 F5 F7 / 6
        assertThat(r.get("ART_CPR_PER_TRANSFER")).isEqualTo(pct("71.4"));  // 5/7
        assertThat(r.get("ART_LBR_PER_CYCLE")).isEqualTo(pct("33.3"));     // 3/9
        assertThat(r.get("ART_LBR_PER_RETRIEVAL")).isEqualTo(pct("33.3")); // F1 F2 / 6
        assertThat(r.get("ART_LBR_PER_TRANSFER")).isEqualTo(pct("42.9"));  // 3/7
        assertThat(r.get("ART_CUMULATIVE_LBR")).isEqualTo(pct("42.9"));    // F1 F2 F4(by Z2) / 7
        assertThat(r.get("ART_IMPLANTATION")).isEqualTo(pct("55.6"));      // sacs 5 / embryos 9
        assertThat(r.get("ART_MULTIPLE")).isEqualTo(pct("33.3"));          // F2 / 3 deliveries
        assertThat(r.get("ART_OHSS")).isEqualTo(pct("14.3"));              // F5 / 7 FRESH
        assertThat(r.keySet()).containsExactly("ART_CPR_PER_CYCLE", "ART_CPR_PER_RETRIEVAL", "ART_CPR_PER_TRANSFER", "ART_LBR_PER_CYCLE",
                "ART_LBR_PER_RETRIEVAL", "ART_LBR_PER_TRANSFER", "ART_CUMULATIVE_LBR", "ART_IMPLANTATION", "ART_MULTIPLE", "ART_OHSS");
    }

    @Test
    @DisplayName("§8 a twin delivery is counted once (deliveries), and once as a multiple delivery")
    void twinDeliveryCountedOnce() {
        List<Group> g = ArtOutcomeCounting.count(List.of(fresh("T", 30, true, 2, 2, true, true, 2, false)));
        Group all = group(g, "ALL");
        assertThat(all.count(Measure.ART_DELIVERY)).isEqualTo(1);
        assertThat(all.rates().get("ART_LBR_PER_TRANSFER")).isEqualTo(pct("100.0"));
        assertThat(all.rates().get("ART_MULTIPLE")).isEqualTo(pct("100.0"));
        assertThat(all.rates().get("ART_IMPLANTATION")).isEqualTo(pct("100.0"));
    }

    @Test
    @DisplayName("§8 a frozen transfer is counted in the cumulative rate of its retrieval, in the age band at the FRESH start")
    void frozenTransferCountsForItsRetrieval() {
        List<Group> g = ArtOutcomeCounting.count(List.of(
                fresh("F", 34, true, 1, 0, false, false, 0, false),
                frozen("Z", 35, "F", 1, 1, true, true, 1)));
        Group under35 = group(g, "<35");
        assertThat(under35.rates().get("ART_CUMULATIVE_LBR")).isEqualTo(pct("100.0"));
        assertThat(under35.rates().get("ART_LBR_PER_RETRIEVAL")).isEqualTo(pct("0.0")); // the fresh transfer did not deliver
        Group band35 = group(g, "35-37");
        assertThat(band35.rates().get("ART_CUMULATIVE_LBR")).isNull();               // no FRESH cycle started at 35–37
        assertThat(band35.rates().get("ART_LBR_PER_CYCLE")).isEqualTo(pct("100.0"));
        assertThat(band35.rates().get("ART_LBR_PER_RETRIEVAL")).isNull();
        // two frozen deliveries from one retrieval: still one cumulative delivery
        List<Group> twice = ArtOutcomeCounting.count(List.of(
                fresh("F", 30, true, 0, 0, false, false, 0, false),
                frozen("Z1", 30, "F", 1, 1, true, true, 1),
                frozen("Z2", 32, "F", 1, 1, true, true, 1)));
        assertThat(group(twice, "ALL").count(Measure.ART_CUMULATIVE_DELIVERY)).isEqualTo(1);
        assertThat(group(twice, "ALL").count(Measure.ART_DELIVERY)).isEqualTo(2);
    }

    @Test
    @DisplayName("§8 a cycle cancelled before retrieval is an initiated cycle and an intended retrieval, never a retrieval")
    void cancelledBeforeRetrieval() {
        List<Group> g = ArtOutcomeCounting.count(List.of(
                fresh("C", 36, false, 0, 0, false, false, 0, false),
                fresh("D", 37, true, 1, 1, true, true, 1, false)));
        Group b = group(g, "35-37");
        assertThat(b.count(Measure.ART_CYCLE)).isEqualTo(2);
        assertThat(b.count(Measure.ART_RETRIEVAL)).isEqualTo(1);
        assertThat(b.rates().get("ART_CPR_PER_CYCLE")).isEqualTo(pct("50.0"));
        assertThat(b.rates().get("ART_CPR_PER_RETRIEVAL")).isEqualTo(pct("100.0"));
        assertThat(b.rates().get("ART_CUMULATIVE_LBR")).isEqualTo(pct("50.0")); // the cancelled cycle stays in the denominator
    }

    @Test
    @DisplayName("§8 an ectopic pregnancy is a clinical pregnancy (no intrauterine sac needed)")
    void ectopicCountsAsClinical() {
        assertThat(ArtOutcomeCounting.isClinicalPregnancy(0, true, false)).isTrue();
        assertThat(ArtOutcomeCounting.isClinicalPregnancy(1, false, false)).isTrue();
        assertThat(ArtOutcomeCounting.isClinicalPregnancy(0, false, false)).isFalse(); // a biochemical pregnancy is not
        Group b = group(ArtOutcomeCounting.count(cohort()), "35-37");
        assertThat(b.count(Measure.ART_CLINICAL_PREGNANCY)).isEqualTo(1);
        assertThat(b.rates().get("ART_CPR_PER_TRANSFER")).isEqualTo(pct("100.0"));
        assertThat(b.rates().get("ART_IMPLANTATION")).isEqualTo(pct("0.0"));
        assertThat(b.rates().get("ART_MULTIPLE")).isNull(); // no delivery: denominator 0
    }

    @Test
    @DisplayName("§8 age bands <35, 35–37, 38–40, >40 by completed years at the start; all five groups always")
    void ageBands() {
        assertThat(ArtOutcomeCounting.AgeBand.of(34).label()).isEqualTo("<35");
        assertThat(ArtOutcomeCounting.AgeBand.of(35).label()).isEqualTo("35-37");
        assertThat(ArtOutcomeCounting.AgeBand.of(37).label()).isEqualTo("35-37");
        assertThat(ArtOutcomeCounting.AgeBand.of(38).label()).isEqualTo("38-40");
        assertThat(ArtOutcomeCounting.AgeBand.of(40).label()).isEqualTo("38-40");
        assertThat(ArtOutcomeCounting.AgeBand.of(41).label()).isEqualTo(">40");
        List<Group> g = ArtOutcomeCounting.count(cohort());
        assertThat(g).extracting(Group::ageBand).containsExactly("<35", "35-37", "38-40", ">40", "ALL");
        Group under35 = group(g, "<35");
        assertThat(under35.rates().get("ART_CPR_PER_CYCLE")).isEqualTo(pct("50.0"));  // F1 F2 Z2 / 6
        assertThat(under35.rates().get("ART_CUMULATIVE_LBR")).isEqualTo(pct("75.0")); // F1 F2 F4 / 4
        assertThat(under35.rates().get("ART_IMPLANTATION")).isEqualTo(pct("80.0"));   // 4 / 5
        assertThat(group(g, ">40").rates().get("ART_LBR_PER_TRANSFER")).isEqualTo(pct("0.0"));
        List<Group> empty = ArtOutcomeCounting.count(List.of());
        assertThat(empty).hasSize(5);
        assertThat(empty.get(4).rates()).hasSize(10).containsValue(null).allSatisfy((k, v) -> assertThat(v).isNull());
    }

    @Test
    @DisplayName("§8 rates are percentages rounded half-up to 1 decimal (the precision indicators/art.json declares); null when the denominator is 0")
    void rounding() {
        assertThat(cprPerCycle(1, 8)).isEqualTo(pct("12.5"));
        assertThat(cprPerCycle(1, 16)).isEqualTo(pct("6.3"));   // 6.25 → 6.3 (half-up, not half-even)
        assertThat(cprPerCycle(2, 3)).isEqualTo(pct("66.7"));
        assertThat(cprPerCycle(0, 0)).isNull();
    }

    private static BigDecimal cprPerCycle(long pregnancies, long cycles) {
        return ArtOutcomeCounting.rates(Map.of(Measure.ART_CLINICAL_PREGNANCY, pregnancies, Measure.ART_CYCLE, cycles)).get("ART_CPR_PER_CYCLE");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("§8 an impossible cohort is refused naming the field")
    @CsvSource(delimiter = '|', value = {
            "frozen of an unknown cycle | cycles[1].retrievalOf | art.calc.retrieval-unknown",
            "frozen of a cycle without retrieval | cycles[1].retrievalOf | art.calc.retrieval-not-retrieval",
            "frozen of a frozen cycle | cycles[2].retrievalOf | art.calc.retrieval-not-retrieval",
            "delivery without clinical pregnancy | cycles[0].delivery | art.calc.delivery-without-pregnancy",
            "sacs without a transfer | cycles[0].gestationalSacs | art.calc.sacs-without-transfer",
            "negative embryos | cycles[0].embryosTransferred | art.calc.negative",
            "negative babies | cycles[0].babiesBorn | art.calc.negative",
            "transfer without retrieval | cycles[0].embryosTransferred | art.calc.transfer-without-retrieval",
            "unknown kind | cycles[0].kind | art.calc.kind",
            "duplicate id | cycles[1].id | art.calc.id-duplicate",
            "OHSS on a frozen cycle | cycles[1].ohss | art.calc.ohss-fresh-only",
            "age out of range | cycles[0].ageAtStart | art.calc.age",
            "fresh without retrieved | cycles[0].retrieved | art.calc.retrieved-required"})
    void refusals(String name, String field, String key) {
        List<Cycle> cycles = new ArrayList<>();
        switch (name) {
            case "frozen of an unknown cycle" -> {
                cycles.add(fresh("F", 30, true, 0, 0, false, false, 0, false));
                cycles.add(frozen("Z", 30, "nope", 1, 0, false, false, 0));
            }
            case "frozen of a cycle without retrieval" -> {
                cycles.add(fresh("F", 30, false, 0, 0, false, false, 0, false));
                cycles.add(frozen("Z", 30, "F", 1, 0, false, false, 0));
            }
            case "frozen of a frozen cycle" -> {
                cycles.add(fresh("F", 30, true, 0, 0, false, false, 0, false));
                cycles.add(frozen("Z", 30, "F", 1, 0, false, false, 0));
                cycles.add(frozen("Y", 30, "Z", 1, 0, false, false, 0));
            }
            case "delivery without clinical pregnancy" -> cycles.add(fresh("F", 30, true, 1, 0, false, true, 1, false));
            case "sacs without a transfer" -> cycles.add(fresh("F", 30, true, 0, 1, true, false, 0, false));
            case "negative embryos" -> cycles.add(fresh("F", 30, true, -1, 0, false, false, 0, false));
            case "negative babies" -> cycles.add(fresh("F", 30, true, 1, 0, false, false, -2, false));
            case "transfer without retrieval" -> cycles.add(fresh("F", 30, false, 1, 0, false, false, 0, false));
            case "unknown kind" -> cycles.add(new Cycle("X", "IUI", 30, true, null, 0, 0, false, false, 0, false));
            case "duplicate id" -> {
                cycles.add(fresh("F", 30, true, 0, 0, false, false, 0, false));
                cycles.add(fresh("F", 31, true, 0, 0, false, false, 0, false));
            }
            case "OHSS on a frozen cycle" -> {
                cycles.add(fresh("F", 30, true, 0, 0, false, false, 0, false));
                cycles.add(new Cycle("Z", "FROZEN", 30, null, "F", 1, 0, false, false, 0, true));
            }
            case "age out of range" -> cycles.add(fresh("F", 9, true, 0, 0, false, false, 0, false));
            case "fresh without retrieved" -> cycles.add(new Cycle("F", "FRESH", 30, null, null, 0, 0, false, false, 0, false));
            default -> throw new IllegalStateException(name);
        }
        assertThatThrownBy(() -> ArtOutcomeCounting.count(cycles)).isInstanceOf(InvalidFieldException.class)
                .hasMessage(key).extracting(e -> ((InvalidFieldException) e).field()).isEqualTo(field);
    }

    @Test
    @DisplayName("§8 what one cycle counts: FROZEN cycles never count as retrievals, FRESH ones carry the cumulative delivery")
    void measuresOfOneCycle() {
        var z = ArtOutcomeCounting.measuresOf(frozen("Z", 30, "F", 2, 1, true, true, 1), false);
        assertThat(z).containsEntry(Measure.ART_CYCLE, 1).containsEntry(Measure.ART_TRANSFER, 1).containsEntry(Measure.ART_EMBRYO_TRANSFERRED, 2)
                .containsEntry(Measure.ART_DELIVERY, 1).doesNotContainKeys(Measure.ART_RETRIEVAL, Measure.ART_FRESH_CYCLE,
                        Measure.ART_CUMULATIVE_DELIVERY, Measure.ART_DELIVERY_OF_RETRIEVAL);
        var f = ArtOutcomeCounting.measuresOf(fresh("F", 30, true, 0, 0, false, false, 0, false), true);
        assertThat(f).containsEntry(Measure.ART_CUMULATIVE_DELIVERY, 1).containsEntry(Measure.ART_RETRIEVAL, 1)
                .doesNotContainKey(Measure.ART_TRANSFER);
    }
}
