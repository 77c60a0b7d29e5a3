package cn.fuyou.maternal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.reporting.IndicatorFact;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Source: indicators.md and clinical-rules.md §6 — what one delivered pregnancy counts, at each boundary. */
class DeliveryFactsTest {

    static final LocalDate DAY = LocalDate.of(2025, 9, 30);

    static DeliveryFacts.Delivered delivered(int ga, int weight, Integer apgar5, boolean live, int regGa, List<DeliveryFacts.Contact> contacts,
                                             LocalDate discharged, List<DeliveryFacts.Postpartum> pp, String colour, int para, String mode) {
        return new DeliveryFacts.Delivered(UUID.randomUUID(), UUID.randomUUID(), para, regGa, colour, contacts, DAY, ga, mode, 300, List.of(),
                "GOOD", discharged, List.of(new DeliveryFacts.Baby(UUID.randomUUID(), live ? UUID.randomUUID() : null, live, weight, apgar5)),
                pp, "CQHCWC", true, "500112");
    }

    static List<String> measures(DeliveryFacts.Delivered d, int days) {
        List<String> m = new ArrayList<>();
        DeliveryFacts.of(d, days).values().forEach(bySource -> bySource.values().forEach(l -> l.stream().map(IndicatorFact::measure).forEach(m::add)));
        return m;
    }

    static List<DeliveryFacts.Contact> contacts(int n, int firstGa) {
        List<DeliveryFacts.Contact> c = new ArrayList<>();
        for (int i = 0; i < n; i++) c.add(new DeliveryFacts.Contact(DAY.minusDays(200 - i * 20L), firstGa + i * 20, i == 0, i == 0, false));
        return c;
    }

    @Test
    @DisplayName("§6 live birth from 28+0 weeks: 27+6 counts nowhere, 28+0 is a live birth and preterm; 36+6 preterm, 37+0 term")
    void gestation() {
        assertThat(measures(delivered(195, 1100, 8, true, 80, contacts(5, 60), DAY, List.of(), "GREEN", 0, "VAGINAL"), 7))
                .doesNotContain("LIVE_BIRTH", "WOMAN_DELIVERED", "PERINATAL_BIRTH");
        assertThat(measures(delivered(196, 1100, 8, true, 80, contacts(5, 60), DAY, List.of(), "GREEN", 0, "VAGINAL"), 7))
                .contains("LIVE_BIRTH", "PERINATAL_BIRTH", "PRETERM_LIVE_BIRTH", "LBW_LIVE_BIRTH", "WOMAN_DELIVERED").doesNotContain("TERM_LIVE_BIRTH");
        assertThat(measures(delivered(258, 2500, 6, true, 80, contacts(5, 60), DAY, List.of(), "GREEN", 0, "VAGINAL"), 7))
                .contains("PRETERM_LIVE_BIRTH").doesNotContain("TERM_LIVE_BIRTH", "LBW_LIVE_BIRTH", "TERM_APGAR5_LT7_BIRTH");
        assertThat(measures(delivered(259, 4000, 6, true, 80, contacts(5, 60), DAY, List.of(), "GREEN", 0, "VAGINAL"), 7))
                .contains("TERM_LIVE_BIRTH", "MACROSOMIA_LIVE_BIRTH", "TERM_APGAR5_LT7_BIRTH").doesNotContain("PRETERM_LIVE_BIRTH");
        assertThat(measures(delivered(259, 3999, 7, true, 80, contacts(5, 60), DAY, List.of(), "GREEN", 0, "VAGINAL"), 7))
                .doesNotContain("MACROSOMIA_LIVE_BIRTH", "TERM_APGAR5_LT7_BIRTH");
        assertThat(measures(delivered(270, 3000, 0, false, 80, contacts(5, 60), DAY, List.of(), "GREEN", 0, "VAGINAL"), 7))
                .contains("STILLBIRTH", "PERINATAL_BIRTH", "PERINATAL_DEATH", "WOMAN_DELIVERED").doesNotContain("LIVE_BIRTH", "ANC1_WOMAN");
    }

    @Test
    @DisplayName("checks before the day of delivery only (admission for labour is not antenatal care); early registration before 13+0 weeks")
    void antenatal() {
        var four = new ArrayList<>(contacts(4, 60));
        four.add(new DeliveryFacts.Contact(DAY, 270, false, false, false));
        assertThat(measures(delivered(270, 3000, 9, true, 90, four, DAY, List.of(), "GREEN", 0, "VAGINAL"), 7))
                .contains("ANC1_WOMAN", "EARLY_REGISTERED", "HIV_TESTED_WOMAN", "SYPHILIS_TESTED_WOMAN").doesNotContain("ANC5_WOMAN", "HBSAG_TESTED_WOMAN");
        assertThat(measures(delivered(270, 3000, 9, true, 91, contacts(5, 91), DAY, List.of(), "GREEN", 0, "VAGINAL"), 7))
                .contains("ANC5_WOMAN").doesNotContain("EARLY_REGISTERED");
    }

    @Test
    @DisplayName("postpartum visit within 7 days of discharge (setting: 28 in the older edition); systematic management needs all four")
    void postpartum() {
        LocalDate discharged = DAY.plusDays(3);
        var on7 = List.of(new DeliveryFacts.Postpartum("HOME_VISIT", discharged.plusDays(7)));
        var on8 = List.of(new DeliveryFacts.Postpartum("HOME_VISIT", discharged.plusDays(8)));
        assertThat(measures(delivered(270, 3000, 9, true, 80, contacts(5, 60), discharged, on7, "GREEN", 0, "VAGINAL"), 7))
                .contains("POSTPARTUM_VISITED", "SYSTEMATIC_MGMT_WOMAN");
        assertThat(measures(delivered(270, 3000, 9, true, 80, contacts(5, 60), discharged, on8, "GREEN", 0, "VAGINAL"), 7))
                .doesNotContain("POSTPARTUM_VISITED", "SYSTEMATIC_MGMT_WOMAN");
        assertThat(measures(delivered(270, 3000, 9, true, 80, contacts(5, 60), discharged, on8, "GREEN", 0, "VAGINAL"), 28))
                .contains("POSTPARTUM_VISITED");
        var day42 = List.of(new DeliveryFacts.Postpartum("DAY_42", DAY.plusDays(5)));
        assertThat(measures(delivered(270, 3000, 9, true, 80, contacts(5, 60), discharged, day42, "GREEN", 0, "VAGINAL"), 7))
                .doesNotContain("POSTPARTUM_VISITED");
    }

    @Test
    @DisplayName("high risk = orange, red or purple; caesarean counted per live birth and per woman, primiparous variant")
    void riskAndCaesarean() {
        assertThat(measures(delivered(270, 3000, 9, true, 80, contacts(5, 60), DAY, List.of(), "PURPLE", 0, "CAESAREAN"), 7))
                .contains("HIGH_RISK_DELIVERED", "CAESAREAN_LIVE_BIRTH", "CAESAREAN_DELIVERY", "CAESAREAN_DELIVERY_PRIMIPAROUS", "WOMAN_DELIVERED_PRIMIPAROUS");
        assertThat(measures(delivered(270, 3000, 9, true, 80, contacts(5, 60), DAY, List.of(), "YELLOW", 1, "CAESAREAN"), 7))
                .contains("CAESAREAN_DELIVERY").doesNotContain("HIGH_RISK_DELIVERED", "CAESAREAN_DELIVERY_PRIMIPAROUS", "WOMAN_DELIVERED_PRIMIPAROUS");
        var facts = DeliveryFacts.of(delivered(270, 3000, 9, true, 80, contacts(5, 60), DAY, List.of(), "RED", 1, "VAGINAL"), 7);
        facts.values().forEach(m -> m.values().forEach(l -> l.forEach(f -> {
            assertThat(f.date()).isEqualTo(DAY);
            assertThat(f.colour()).isEqualTo("RED");
            assertThat(f.areaCode()).isEqualTo("500112");
        })));
    }
}
