package cn.fuyou.childhealth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.reporting.IndicatorFact;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Source: indicators.md (under-5 growth and anaemia, newborn visit; statistical year 1 Oct – 30 Sep). */
class ChildVisitFactsTest {

    static ChildVisitFacts.Visit visit(LocalDate on, int age, String waz, String hb) {
        return new ChildVisitFacts.Visit(on, age, "HC1", true, new BigDecimal(waz), BigDecimal.ZERO, BigDecimal.ZERO, hb == null ? null : new BigDecimal(hb));
    }

    @Test
    @DisplayName("30 Sep and 1 Oct fall in different statistical years; the year's last measurement counts; newborn visit within 28 days")
    void years() {
        assertThat(ChildVisitFacts.statisticalYear(LocalDate.of(2025, 9, 30))).isEqualTo(2025);
        assertThat(ChildVisitFacts.statisticalYear(LocalDate.of(2025, 10, 1))).isEqualTo(2026);
        UUID id = UUID.randomUUID();
        LocalDate birth = LocalDate.of(2024, 9, 2);
        var c = new ChildVisitFacts.Child(id, birth, "500117", List.of(
                visit(birth.plusDays(28), 28, "0.5", null),
                visit(LocalDate.of(2025, 3, 1), 180, "-2.5", null),
                visit(LocalDate.of(2025, 9, 30), 393, "-1.9", "109.9"),
                visit(LocalDate.of(2025, 10, 1), 394, "-2.1", "110")));
        var facts = ChildVisitFacts.of(c);
        assertThat(facts.get("child").get(id)).extracting(IndicatorFact::measure).containsExactly("NEWBORN_VISITED");
        var y2025 = facts.get("child_year").get(ChildVisitFacts.yearSource(id, 2025));
        assertThat(y2025).extracting(IndicatorFact::measure).containsExactlyInAnyOrder("CHILD_U5_MEASURED", "CHILD_U5_HB_TESTED", "U5_ANAEMIC_CHILD");
        assertThat(y2025).allMatch(f -> f.date().equals(LocalDate.of(2025, 9, 30)));
        var y2026 = facts.get("child_year").get(ChildVisitFacts.yearSource(id, 2026));
        assertThat(y2026).extracting(IndicatorFact::measure).containsExactlyInAnyOrder("CHILD_U5_MEASURED", "U5_UNDERWEIGHT_CHILD", "CHILD_U5_HB_TESTED");
        assertThat(facts.get("child_year")).hasSize(7);
        var late = new ChildVisitFacts.Child(id, birth, "500117", List.of(visit(birth.plusDays(29), 29, "0", null)));
        assertThat(ChildVisitFacts.of(late).get("child").get(id)).isEmpty();
    }
}
