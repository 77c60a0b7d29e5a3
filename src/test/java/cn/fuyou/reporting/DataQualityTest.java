package cn.fuyou.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.demoyear.DemoYear;
import cn.fuyou.support.ApiClient;
import cn.fuyou.support.IntegrationTest;
import cn.fuyou.support.StatsYear;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Source: issue 9 §6 (data quality: per institution, records with missing required fields, implausible values and late
 * entries — a contact entered more than 7 days after its date — worst first, with links to fix them), checked against
 * the defects the generator planted and recorded in its ground truth: contacts without a weight, with diastolic ≥
 * systolic, entered late.
 */
class DataQualityTest extends IntegrationTest {

    static final LocalDate FROM = LocalDate.of(2024, 10, 1), TO = LocalDate.of(2025, 9, 30);

    @Autowired DemoYear demoYear;

    /** institution code → {contacts, missing, implausible, late, deliveries}, from the generator's truth alone. */
    static Map<String, long[]> expected(DemoYear.Result truth) {
        Map<String, long[]> e = new HashMap<>();
        for (DemoYear.Delivered d : truth.deliveries()) {
            for (DemoYear.Contact c : d.contacts()) {
                if (c.date().isBefore(FROM) || c.date().isAfter(TO)) continue;
                long[] r = e.computeIfAbsent(c.institutionCode(), k -> new long[5]);
                r[0]++;
                if (c.missingWeight()) r[1]++;
                if (c.implausible()) r[2]++;
                if (ChronoUnit.DAYS.between(c.date(), c.enteredOn()) > 7) r[3]++;
            }
            if (!d.deliveryDate().isBefore(FROM) && !d.deliveryDate().isAfter(TO)) e.computeIfAbsent(d.institutionCode(), k -> new long[5])[4]++;
        }
        return e;
    }

    @Test
    @DisplayName("issue 9 §6: every institution's missing, implausible and late counts equal the planted defects; worst problem share first")
    void perInstitution() {
        DemoYear.Result truth = StatsYear.ensure(demoYear);
        Map<String, long[]> expected = expected(truth);
        long planted = expected.values().stream().mapToLong(r -> r[1] + r[2] + r[3]).sum();
        assertThat(planted).as("the generated year has defects of each kind").isPositive();
        assertThat(expected.values().stream().mapToLong(r -> r[1]).sum()).isPositive();
        assertThat(expected.values().stream().mapToLong(r -> r[2]).sum()).isPositive();
        assertThat(expected.values().stream().mapToLong(r -> r[3]).sum()).isPositive();

        var r = signIn("official-cq").get("/api/stats/data-quality?area=500000&from=" + FROM + "&to=" + TO);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        Set<String> seen = new HashSet<>();
        double previous = Double.MAX_VALUE;
        for (JsonNode row : r.body()) {
            String code = row.path("institutionCode").asText();
            long[] want = expected.get(code);
            if (want == null) continue; // institutions of the other demo records (none dated in this year is expected, checked below)
            seen.add(code);
            assertThat(row.path("contacts").asLong()).as(code + " contacts").isEqualTo(want[0]);
            assertThat(row.path("missing").asLong()).as(code + " missing").isEqualTo(want[1]);
            assertThat(row.path("implausible").asLong()).as(code + " implausible").isEqualTo(want[2]);
            assertThat(row.path("late").asLong()).as(code + " late").isEqualTo(want[3]);
            assertThat(row.path("deliveries").asLong()).as(code + " deliveries").isEqualTo(want[4]);
            assertThat(row.path("deliveriesMissing").asLong()).as(code + " deliveries without blood loss or Apgar").isZero();
            long problems = want[1] + want[2] + want[3];
            double share = Math.round(1000.0 * problems / (want[0] + want[4])) / 10.0;
            assertThat(row.path("problemShare").asDouble()).as(code + " share").isEqualTo(share);
        }
        for (JsonNode row : r.body()) {
            assertThat(row.path("problemShare").asDouble()).as("worst first").isLessThanOrEqualTo(previous);
            previous = row.path("problemShare").asDouble();
        }
        assertThat(seen).as("every institution with generated contacts or deliveries is listed").isEqualTo(expected.keySet());
    }

    @Test
    @DisplayName("issue 9 §6: an institution's late entries list the pregnancies to open and fix; the total equals the count; staff see their own only")
    void itemsAndAccess() {
        DemoYear.Result truth = StatsYear.ensure(demoYear);
        Map<String, long[]> expected = expected(truth);
        String worst = expected.entrySet().stream().max((a, b) -> Long.compare(a.getValue()[3], b.getValue()[3])).orElseThrow().getKey();
        Set<UUID> latePregnancies = new HashSet<>();
        for (DemoYear.Delivered d : truth.deliveries()) {
            for (DemoYear.Contact c : d.contacts()) {
                if (c.institutionCode().equals(worst) && !c.date().isBefore(FROM) && !c.date().isAfter(TO)
                        && ChronoUnit.DAYS.between(c.date(), c.enteredOn()) > 7) latePregnancies.add(d.pregnancyId());
            }
        }
        ApiClient official = signIn("official-cq");
        String q = "/api/stats/data-quality/items?area=500000&from=" + FROM + "&to=" + TO + "&institution=" + worst;
        var late = official.get(q + "&problem=LATE&size=100");
        assertThat(late.status()).as(late.toString()).isEqualTo(200);
        assertThat(late.at("/total").asLong()).isEqualTo(expected.get(worst)[3]);
        List<UUID> listed = new ArrayList<>();
        for (JsonNode item : late.at("/items")) {
            listed.add(UUID.fromString(item.path("pregnancyId").asText()));
            assertThat(ChronoUnit.DAYS.between(LocalDate.parse(item.path("date").asText()), LocalDate.parse(item.path("enteredOn").asText())))
                    .isGreaterThan(7);
            assertThat(item.path("womanName").asText()).isNotBlank();
        }
        assertThat(latePregnancies).containsAll(listed);
        assertThat(official.get(q + "&problem=MISSING&size=1").at("/total").asLong()).isEqualTo(expected.get(worst)[1]);
        assertThat(official.get(q + "&problem=IMPLAUSIBLE&size=1").at("/total").asLong()).isEqualTo(expected.get(worst)[2]);
        var bad = official.get(q + "&problem=TYPO");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.toString()).contains("problem");

        ApiClient doctor = signIn("hc-doctor");
        var own = doctor.get("/api/stats/data-quality?area=500000&from=" + FROM + "&to=" + TO);
        assertThat(own.status()).isEqualTo(200);
        for (JsonNode row : own.body()) assertThat(row.path("institutionCode").asText()).isEqualTo(own.body().get(0).path("institutionCode").asText());
        assertThat(doctor.get("/api/stats/data-quality?area=500000&from=" + FROM + "&to=" + TO + "&institution=CQHCWC").status()).isEqualTo(403);
    }
}
