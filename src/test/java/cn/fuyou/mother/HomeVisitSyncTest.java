package cn.fuyou.mother;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 12 §3: today's home visits and their versioned sync (409 with the current visit when changed meanwhile). */
class HomeVisitSyncTest extends IntegrationTest {

    @Test
    void theCommunityDoctorSyncsVisitsAndAConflictKeepsTheDesksVersion() throws Exception {
        var phone = signIn("hc-doctor");
        // the demo's visits due today not yet recorded (the browser test records others)
        java.util.List<JsonNode> list = new java.util.ArrayList<>();
        phone.get("/api/maternal/home-visits").body().forEach(v -> { if ("DUE".equals(v.get("status").asText())) list.add(v); });
        assertThat(list.size()).as(list.toString()).isGreaterThanOrEqualTo(2);
        JsonNode first = list.get(0);
        assertThat(first.get("status").asText()).isEqualTo("DUE"); // clinical-rules.md §2: within a week of discharge
        assertThat(first.at("/babies/0/childId").asText()).isNotBlank();
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

        // a visit typed offline: created (no version seen), then changed from the version it got
        String p0 = first.get("pregnancyId").asText();
        var body = new HashMap<String, Object>(Map.of("visitDate", today, "findings", "子宫复旧好", "systolic", 118, "diastolic", 76));
        var created = phone.put("/api/maternal/home-visits/" + p0, body);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
        assertThat(created.at("/version").asLong()).isZero();
        body.put("version", 0);
        body.put("findings", "子宫复旧好，母乳喂养");
        assertThat(phone.put("/api/maternal/home-visits/" + p0, body).at("/version").asLong()).isEqualTo(1);
        var stale = phone.put("/api/maternal/home-visits/" + p0, body);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.at("/current/findings").asText()).isEqualTo("子宫复旧好，母乳喂养");

        // the desk records the third woman's visit while the phone is offline: the phone's create is refused
        String p2 = list.get(1).get("pregnancyId").asText();
        var desk = signIn("hc-doctor");
        assertThat(desk.post("/api/pregnancies/" + p2 + "/postpartum-visits", Map.of("kind", "HOME_VISIT", "visitDate", today,
                "findings", "门诊记录", "systolic", 120, "diastolic", 80)).status()).isEqualTo(201);
        var conflict = phone.put("/api/maternal/home-visits/" + p2, Map.of("visitDate", today, "findings", "手机记录"));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.at("/current/findings").asText()).isEqualTo("门诊记录");

        // bad input names the field; another institution is refused
        assertThat(phone.put("/api/maternal/home-visits/" + p0, Map.of("visitDate", "2999-01-01")).body().toString()).contains("visitDate");
        assertThat(signIn("etyy-doctor").put("/api/maternal/home-visits/" + p0, body).status()).isEqualTo(403);

        // the newborn's visit (childhealth) has its own versioned sync
        String child = first.at("/babies/0/childId").asText();
        JsonNode babies = null;
        for (int i = 0; i < 50; i++) { // the child record is created after the delivery's commit (module event)
            babies = phone.get("/api/childhealth/home-visits?childId=" + child).body();
            if (babies.size() == 1) break;
            Thread.sleep(200);
        }
        assertThat(babies.get(0).get("status").asText()).isEqualTo("DUE");
        var baby = new HashMap<String, Object>(Map.of("visitDate", today, "weightKg", 3.2, "feeding", "EXCLUSIVE_BREASTFEEDING",
                "findings", "脐带干燥"));
        var v = phone.put("/api/childhealth/home-visits/" + child, baby);
        assertThat(v.status()).as(v.body().toString()).isEqualTo(200);
        assertThat(phone.put("/api/childhealth/home-visits/" + child, baby).status()).isEqualTo(409);
        baby.put("version", v.at("/version").asLong());
        baby.put("weightKg", 3.25);
        assertThat(phone.put("/api/childhealth/home-visits/" + child, baby).at("/weightKg").decimalValue()).isEqualByComparingTo("3.25");
    }
}
