package cn.fuyou.criticalcare;

import static cn.fuyou.criticalcare.CriticalCareApiTest.card;
import static cn.fuyou.criticalcare.CriticalCareApiTest.registerWoman;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.reporting.IndicatorFact;
import cn.fuyou.reporting.IndicatorFacts;
import cn.fuyou.support.ApiClient;
import cn.fuyou.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Source: issue 10 item 6, spec/indicators.md (MMR, NEAR_MISS_RATIO, MORTALITY_INDEX), clinical-rules.md §6 (severe maternal
 * outcomes = near-misses + deaths; mortality index = deaths ÷ SMO): generated records in Tongnan in 2012 (a year no other
 * test or demo writes) give exactly the hand-computed figures.
 */
class CriticalCareStatisticsTest extends IntegrationTest {

    private static final String AREA = "500152";

    @Autowired
    IndicatorFacts facts;
    @Autowired
    TransactionTemplate tx;

    private String onset(String date) {
        return LocalDate.parse(date).atTime(9, 0).atOffset(ZoneOffset.ofHours(8)).toString();
    }

    private JsonNode reportCase(ApiClient hc, String date, Map<String, Object> checklist) {
        String w = registerWoman(hc, "统", AREA);
        var r = hc.post("/api/critical-cases", Map.of("personId", w, "stage", "PREGNANT", "onsetAt", onset(date), "diagnosis", "产科危重",
                "checklist", checklist));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.body();
    }

    private JsonNode outcome(ApiClient hc, JsonNode c, String outcome, String basis, String on) {
        var r = hc.post("/api/critical-cases/" + c.get("id").asText() + "/outcome", Map.of("outcome", outcome, "basis", basis, "outcomeOn", on,
                "version", c.get("version").asLong()));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.body();
    }

    private void fillAndReport(ApiClient hc, String deathId, String group, String icd) {
        long v = hc.get("/api/maternal-deaths/" + deathId).at("/version").asLong();
        Map<String, Object> c = new HashMap<>(card(v));
        c.put("causeGroup", group);
        c.put("underlyingCauseIcd10", icd);
        var filled = hc.put("/api/maternal-deaths/" + deathId, c);
        assertThat(filled.status()).as(filled.toString()).isEqualTo(200);
        var rep = hc.post("/api/maternal-deaths/" + deathId + "/report", Map.of("version", filled.at("/version").asLong()));
        assertThat(rep.status()).as(rep.toString()).isEqualTo(200);
    }

    @Test
    @DisplayName("indicators/criticalcare.json on generated data = hand-computed: MMR 100, NEAR_MISS_RATIO 1.5‰, SMO 2.5‰, MORTALITY_INDEX 40%, …")
    void figures() {
        // 2,000 live births (the statistics helper's LIVE_BIRTH measure, reused as denominator).
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < 2000; i++) {
                UUID id = UUID.randomUUID();
                facts.replace("test_live_birth", id, List.of(new IndicatorFact("LIVE_BIRTH", null, "MCH-" + AREA, AREA, LocalDate.of(2012, 1 + i % 12, 15), null)));
            }
        });
        ApiClient hc = signIn("hc-doctor");
        // three near-misses: cardiovascular, coagulation, neurological
        outcome(hc, reportCase(hc, "2012-02-01", Map.of("findings", List.of("SHOCK"))), "SURVIVED", "DISCHARGE", "2012-02-20");
        outcome(hc, reportCase(hc, "2012-03-01", Map.of("plateletsE9L", 30)), "SURVIVED", "DAY_42", "2012-04-10");
        outcome(hc, reportCase(hc, "2012-06-01", Map.of("findings", List.of("STROKE"))), "SURVIVED", "DISCHARGE", "2012-06-30");
        // survived without a criterion (not a near-miss); one still in treatment (respiratory)
        outcome(hc, reportCase(hc, "2012-07-01", Map.of("plateletsE9L", 50)), "SURVIVED", "DISCHARGE", "2012-07-05");
        reportCase(hc, "2012-08-01", Map.of("findings", List.of("CYANOSIS")));
        // death A: a critical case (cardiovascular) that died — direct (haemorrhage)
        var died = outcome(hc, reportCase(hc, "2012-05-01", Map.of("findings", List.of("CARDIAC_ARREST"))), "DIED", "DEATH", "2012-05-10");
        String deathA = died.get("deathReportId").asText();
        fillAndReport(hc, deathA, "OBSTETRIC_HAEMORRHAGE", "O72.1");
        // death B: known otherwise — indirect; death C: coincidental (not a maternal death)
        var b = hc.post("/api/maternal-deaths", Map.of("personId", registerWoman(hc, "统", AREA), "deathDate", "2012-09-09"));
        fillAndReport(hc, b.text("/id"), "NON_OBSTETRIC_COMPLICATIONS", "O99.4");
        var c = hc.post("/api/maternal-deaths", Map.of("personId", registerWoman(hc, "统", AREA), "deathDate", "2012-10-10"));
        fillAndReport(hc, c.text("/id"), "COINCIDENTAL", "V89.2");
        // death A reviewed with two actions, one closed
        ApiClient city = signIn("official-cq");
        var review = city.post("/api/case-reviews", Map.of("deathReportId", deathA, "level", "CITY", "meetingDate", "2012-06-15",
                "members", List.of(Map.of("name", "张教授", "role", "主任委员"))));
        assertThat(review.status()).as(review.toString()).isEqualTo(201);
        var concluded = city.post("/api/case-reviews/" + review.text("/id") + "/conclusion", Map.of("classification", "AVOIDABLE_UNDER_CONDITIONS",
                "factors", List.of(Map.of("level", "HEALTH_SYSTEM", "delay", "REACHING", "description", "转运距离远")),
                "actions", List.of(Map.of("description", "a", "ownerInstitutionCode", "CHC-500117-1", "dueOn", "2012-07-01"),
                        Map.of("description", "b", "ownerInstitutionCode", "CHC-500117-1", "dueOn", "2012-08-01")),
                "version", review.at("/version").asLong()));
        assertThat(concluded.status()).as(concluded.toString()).isEqualTo(200);
        var a0 = concluded.at("/actions/0");
        assertThat(hc.post("/api/review-actions/" + a0.get("id").asText() + "/close", Map.of("note", "done", "version", a0.get("version").asLong()))
                .status()).isEqualTo(200);

        var stats = city.get("/api/critical-care/statistics?area=" + AREA + "&from=2012-01-01&to=2012-12-31");
        assertThat(stats.status()).as(stats.toString()).isEqualTo(200);
        Map<String, JsonNode> byCode = new HashMap<>();
        stats.body().get("indicators").forEach(i -> byCode.put(i.get("code").asText(), i));
        expect(byCode, "MMR", 2, 2000, "100.00");
        expect(byCode, "NEAR_MISS_RATIO", 3, 2000, "1.50");
        expect(byCode, "SEVERE_MATERNAL_OUTCOME_RATIO", 5, 2000, "2.50");
        expect(byCode, "MORTALITY_INDEX", 2, 5, "40.00");
        expect(byCode, "CRITICAL_CASE_RATE", 6, 2000, "3.00");
        expect(byCode, "MATERNAL_DEATH_DIRECT_SHARE", 1, 2, "50.00");
        expect(byCode, "MATERNAL_DEATH_INDIRECT_SHARE", 1, 2, "50.00");
        expect(byCode, "DEATH_REPORT_TIMELINESS", 0, 2, "0.00");
        expect(byCode, "DEATH_REVIEW_COMPLETION", 1, 2, "50.00");
        expect(byCode, "REVIEW_ACTION_CLOSURE", 1, 2, "50.00");
        expect(byCode, "LTC_CARDIOVASCULAR_SHARE", 2, 5, "40.00");
        expect(byCode, "LTC_RESPIRATORY_SHARE", 1, 5, "20.00");
        expect(byCode, "MATERNAL_DEATH_CAUSE_OBSTETRIC_HAEMORRHAGE_SHARE", 1, 2, "50.00");

        JsonNode tongnan = null;
        for (JsonNode d : stats.body().get("districts")) if (AREA.equals(d.get("areaCode").asText())) tongnan = d;
        assertThat(tongnan).isNotNull();
        assertThat(tongnan.at("/counts/MATERNAL_DEATH_REPORTED").asLong()).isEqualTo(2);
        assertThat(tongnan.at("/counts/LTC_COAGULATION").asLong()).isEqualTo(1);
        assertThat(tongnan.at("/counts/MATERNAL_DEATH_CAUSE_NON_OBSTETRIC_COMPLICATIONS").asLong()).isEqualTo(1);

        // the city (500000) holds Tongnan: the same deaths count there too
        var cityStats = city.get("/api/critical-care/statistics?area=500000&from=2012-01-01&to=2012-12-31");
        cityStats.body().get("indicators").forEach(i -> {
            if (i.get("code").asText().equals("MMR")) assertThat(i.get("numeratorCount").asLong()).isEqualTo(2);
        });
    }

    private static void expect(Map<String, JsonNode> byCode, String code, long num, long den, String value) {
        JsonNode i = byCode.get(code);
        assertThat(i).as(code).isNotNull();
        assertThat(i.get("numeratorCount").asLong()).as(code + " numerator").isEqualTo(num);
        assertThat(i.get("denominatorCount").asLong()).as(code + " denominator").isEqualTo(den);
        assertThat(i.get("value").decimalValue()).as(code).isEqualByComparingTo(value);
    }
}
