package cn.fuyou.childhealth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.reporting.IndicatorFact;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Source: indicators.md — ENMR / NMR / IMR / U5MR (deaths within 7 days, 28 days, before 1 and 5 years over live births),
 * PERINATAL_MR (deaths within 7 days of a birth at ≥ 28 weeks; live birth ≥ 28 weeks, ≥ 1000 g if gestation unknown).
 */
class ChildDeathFactsTest {

    static final LocalDate BIRTH = LocalDate.of(2025, 3, 10);

    static java.util.List<String> measures(int ageDays, Integer ga, Integer weight) {
        return ChildDeathFacts.of(new ChildDeathFacts.Death(UUID.randomUUID(), BIRTH, BIRTH.plusDays(ageDays), ga, weight, "H1", "500117"))
                .stream().map(IndicatorFact::measure).toList();
    }

    @Test
    @DisplayName("age 6 days is early neonatal and perinatal, 7 days neonatal only, 27 neonatal, 28 infant, 364 infant, 365 under-5 only")
    void ageGroups() {
        assertThat(measures(0, 280, 3300)).containsExactlyInAnyOrder("CHILD_DEATH_EARLY_NEONATAL", "CHILD_DEATH_NEONATAL", "CHILD_DEATH_INFANT",
                "CHILD_DEATH_UNDER5", "PERINATAL_DEATH");
        assertThat(measures(6, 280, 3300)).contains("CHILD_DEATH_EARLY_NEONATAL", "PERINATAL_DEATH");
        assertThat(measures(7, 280, 3300)).containsExactlyInAnyOrder("CHILD_DEATH_NEONATAL", "CHILD_DEATH_INFANT", "CHILD_DEATH_UNDER5");
        assertThat(measures(27, 280, 3300)).contains("CHILD_DEATH_NEONATAL");
        assertThat(measures(28, 280, 3300)).containsExactlyInAnyOrder("CHILD_DEATH_INFANT", "CHILD_DEATH_UNDER5");
        assertThat(measures(364, 280, 3300)).contains("CHILD_DEATH_INFANT");
        assertThat(measures(365, 280, 3300)).containsExactly("CHILD_DEATH_UNDER5");
        assertThat(measures(5 * 365 + 1, null, null)).isEmpty();
    }

    @Test
    @DisplayName("perinatal: ≥ 28+0 weeks, or ≥ 1000 g when gestation is unknown; a birth before 28 weeks is not a live birth of the statistics")
    void perinatal() {
        assertThat(measures(2, 196, 900)).contains("PERINATAL_DEATH");
        assertThat(measures(2, 195, 1200)).isEmpty();
        assertThat(measures(2, null, 1000)).contains("PERINATAL_DEATH", "CHILD_DEATH_EARLY_NEONATAL");
        assertThat(measures(2, null, 999)).doesNotContain("PERINATAL_DEATH").contains("CHILD_DEATH_EARLY_NEONATAL");
    }

    @Test
    @DisplayName("dates: age groups by the day of death, the perinatal death by the day of birth; area = residence, institution = recorder")
    void dates() {
        var facts = ChildDeathFacts.of(new ChildDeathFacts.Death(UUID.randomUUID(), LocalDate.of(2025, 9, 28), LocalDate.of(2025, 10, 2), 266, 2900,
                "H1", "500117"));
        for (IndicatorFact f : facts) {
            assertThat(f.date()).isEqualTo(f.measure().equals("PERINATAL_DEATH") ? LocalDate.of(2025, 9, 28) : LocalDate.of(2025, 10, 2));
            assertThat(f.areaCode()).isEqualTo("500117");
            assertThat(f.institutionCode()).isEqualTo("H1");
        }
        assertThat(ChildDeathFacts.of(new ChildDeathFacts.Death(UUID.randomUUID(), BIRTH, null, 280, 3300, "H1", "500117"))).isEmpty();
    }
}
