package cn.fuyou.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.hospital.HospitalFixtures;
import cn.fuyou.support.ApiClient;
import cn.fuyou.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Source: indicators.md — ENMR / NMR / IMR / U5MR (deaths within 7 days, 28 days, before 1 and 5 years ÷ live births × 1000)
 * and PERINATAL_MR (deaths within 7 days of a birth at ≥ 28 weeks): a newborn who dies in the NICU is counted the moment
 * the hospital files her discharge with outcome DIED, and she is among the records behind each number.
 */
class ChildDeathStatisticsTest extends IntegrationTest {

    @Test
    @DisplayName("a 31-week newborn dying in the NICU: ENMR, NMR, IMR, U5MR and perinatal deaths each count her once, at once")
    void nicuDeath() {
        ApiClient deliveryRoom = signIn("cqfy-doctor");
        ApiClient admin = signIn("admin");
        LocalDate today = LocalDate.now(cn.fuyou.shared.ChinaTime.ZONE);
        String q = "/api/stats/indicators?area=500000&from=" + today.minusDays(3) + "&to=" + today.plusDays(1);
        Map<String, Long> before = numerators(admin.get(q).at("/indicators"));

        String child = HospitalFixtures.pretermNewborn(deliveryRoom, "殁");
        var req = deliveryRoom.post("/api/hospital/transfer-requests", Map.of("childId", child, "bedType", "NICU_III",
                "reason", "早产儿呼吸窘迫", "gestationalAgeDays", 217, "birthWeightG", 1450));
        assertThat(req.status()).as(req.toString()).isEqualTo(201);
        ApiClient nicu = signIn("etyy-doctor");
        String bed = null;
        for (JsonNode b : nicu.get("/api/hospital/bed-board?institution=" + req.text("/toInstitutionCode")).body().findParents("state")) {
            if (b.path("state").asText().equals("FREE") && List.of("NICU_III", "NICU_II").contains(b.path("type").asText()) && b.has("id")) {
                bed = b.path("id").asText();
                break;
            }
        }
        assertThat(bed).as("a free NICU bed").isNotNull();
        var res = nicu.post("/api/hospital/beds/" + bed + "/reservations", Map.of("referralId", req.text("/referralId"),
                "expiresAt", OffsetDateTime.now().plusHours(3).toString()));
        assertThat(res.status()).as(res.toString()).isEqualTo(201);
        var adm = nicu.post("/api/hospital/admissions", Map.of("reservationId", res.text("/id"), "diagnoses", List.of("P07.3", "P22.0")));
        assertThat(adm.status()).as(adm.toString()).isEqualTo(201);
        Map<String, Long> admitted = numerators(admin.get(q).at("/indicators"));
        assertThat(admitted.get("NMR")).as("alive: not counted").isEqualTo(before.get("NMR"));

        var out = nicu.post("/api/hospital/admissions/" + adm.text("/id") + "/discharge", Map.of("outcome", "DIED",
                "diagnoses", List.of("P07.3", "P22.0"), "summary", "呼吸衰竭抢救无效死亡", "version", 0));
        assertThat(out.status()).as(out.toString()).isEqualTo(200);

        Map<String, Long> after = numerators(admin.get(q).at("/indicators"));
        for (String code : List.of("ENMR", "NMR", "IMR", "U5MR", "PERINATAL_MR")) {
            assertThat(after.get(code)).as(code + " numerator").isEqualTo(before.get(code) + 1);
        }
        var records = admin.get("/api/stats/indicators/NMR/records?area=500000&from=" + today.minusDays(3) + "&to=" + today.plusDays(1)
                + "&part=numerator&size=100");
        assertThat(records.at("/total").asLong()).isEqualTo(after.get("NMR"));
        assertThat(records.at("/items").findValuesAsText("personId")).contains(child);
    }

    private static Map<String, Long> numerators(JsonNode indicators) {
        Map<String, Long> m = new HashMap<>();
        for (JsonNode f : indicators) m.put(f.path("code").asText(), f.path("numerator").asLong());
        return m;
    }
}
