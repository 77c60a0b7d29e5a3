package cn.fuyou.maternal;

import cn.fuyou.shared.ChinaTime;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.registry.PersonApiTest;
import cn.fuyou.support.ApiClient;
import cn.fuyou.support.IntegrationTest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Source: issue 16 item 5 — every date and number is checked for what is possible before anything is
 * computed or stored (400 naming the field, never a result from an impossible input), the public
 * calculators included; possible-but-implausible values need a confirmation with a reason the record keeps.
 * clinical-rules.md §3 (dating, ACOG CO 700 redating in both directions).
 */
class ImpossibleInputApiTest extends IntegrationTest {

    private String woman(ApiClient c, String given) {
        var w = c.post("/api/persons", PersonApiTest.woman("欧", given, null));
        assertThat(w.status()).as(w.toString()).isEqualTo(201);
        return w.text("/id");
    }

    @Test
    @DisplayName("gestational-age calculator: a date before the LMP (negative GA) or > 45 weeks after is a 400 naming onDate; a scan before the LMP names ultrasound.date")
    void gestationalAgeCalculator() {
        ApiClient anon = anonymous();
        var before = anon.post("/api/calculators/gestational-age", Map.of("lmp", "2026-03-01", "onDate", "2026-02-20"));
        assertThat(before.status()).isEqualTo(400);
        assertThat(before.text("/errors/0/field")).isEqualTo("onDate");
        var absurd = anon.post("/api/calculators/gestational-age", Map.of("lmp", "2024-03-01", "onDate", "2026-02-20"));
        assertThat(absurd.text("/errors/0/field")).isEqualTo("onDate");
        var scan = anon.post("/api/calculators/gestational-age", Map.of("lmp", "2026-03-01", "onDate", "2026-05-01",
                "ultrasound", Map.of("date", "2026-02-01", "gestationalAgeDays", 60)));
        assertThat(scan.text("/errors/0/field")).isEqualTo("ultrasound.date");
        var ok = anon.post("/api/calculators/gestational-age", Map.of("lmp", "2026-03-01", "onDate", "2026-03-01"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.at("/gestationalAgeDays").asInt()).isZero();
    }

    @Test
    @DisplayName("growth calculator: a measurement before birth, in the future, or at an age no child has is a 400 naming the field")
    void growthCalculator() {
        ApiClient anon = anonymous();
        var beforeBirth = anon.post("/api/calculators/growth", Map.of("sex", "male", "birthDate", "2025-05-01", "measurementDate", "2025-04-01", "weightKg", 4));
        assertThat(beforeBirth.text("/errors/0/field")).isEqualTo("measurementDate");
        var future = anon.post("/api/calculators/growth", Map.of("sex", "male", "birthDate", "2025-05-01",
                "measurementDate", LocalDate.now(ChinaTime.ZONE).plusDays(30).toString(), "weightKg", 9));
        assertThat(future.text("/errors/0/field")).isEqualTo("measurementDate");
        var old = anon.post("/api/calculators/growth", Map.of("sex", "male", "birthDate", "1990-05-01", "measurementDate", "2025-04-01", "weightKg", 9));
        assertThat(old.text("/errors/0/field")).isEqualTo("birthDate");
    }

    @Test
    @DisplayName("registration: a scan before the LMP, an LMP after registration, a last birth after this LMP are 400s naming the field; nothing stored")
    void registrationDates() {
        ApiClient doctor = signIn("cqfy-doctor");
        String w = woman(doctor, "琪");
        LocalDate lmp = LocalDate.now(ChinaTime.ZONE).minusDays(80);
        var scan = doctor.post("/api/pregnancies", Map.of("womanId", w, "gravida", 1, "para", 0, "lmp", lmp.toString(),
                "ultrasound", Map.of("date", lmp.minusDays(3).toString(), "gestationalAgeDays", 60)));
        assertThat(scan.status()).isEqualTo(400);
        assertThat(scan.text("/errors/0/field")).isEqualTo("ultrasound.date");
        var lastBirth = doctor.post("/api/pregnancies", Map.of("womanId", w, "gravida", 2, "para", 1, "lmp", lmp.toString(),
                "lastBirthDate", lmp.plusDays(10).toString()));
        assertThat(lastBirth.text("/errors/0/field")).isEqualTo("lastBirthDate");
        var registeredBefore = doctor.post("/api/pregnancies", Map.of("womanId", w, "gravida", 1, "para", 0, "lmp", lmp.toString(),
                "registeredOn", lmp.minusDays(1).toString()));
        assertThat(registeredBefore.text("/errors/0/field")).isEqualTo("lmp");
        assertThat(doctor.get("/api/pregnancies?womanId=" + w).body().toString()).doesNotContain(lmp.toString());
    }

    @Test
    @DisplayName("delivery: none before 20+0 weeks; a 3,200 g live birth at 20+0 weeks needs an explicit confirmation with a reason, which the record keeps")
    void implausibleBirthWeight() {
        ApiClient doctor = signIn("cqfy-doctor");
        String w = woman(doctor, "瑶");
        LocalDate lmp = LocalDate.now(ChinaTime.ZONE).minusDays(141);
        String id = doctor.post("/api/pregnancies", Map.of("womanId", w, "gravida", 1, "para", 0, "lmp", lmp.toString(),
                "registeredOn", lmp.plusDays(60).toString())).text("/id");
        Map<String, Object> baby = new HashMap<>(Map.of("sex", "M", "weightG", 3200, "liveBorn", true));
        // 19+6 weeks (two days ago at noon, whatever the hour of the run): not a delivery, whatever the weight.
        Map<String, Object> body = new HashMap<>(Map.of("deliveredAt", lmp.plusDays(139).atTime(12, 0).atOffset(ZoneOffset.ofHours(8)).toString(),
                "mode", "VAGINAL", "maternalCondition", "GOOD", "babies", List.of(baby)));
        var tooEarly = doctor.post("/api/pregnancies/" + id + "/delivery", body);
        assertThat(tooEarly.status()).as(tooEarly.toString()).isEqualTo(400);
        assertThat(tooEarly.text("/errors/0/field")).isEqualTo("deliveredAt");
        assertThat(tooEarly.text("/errors/0/message")).contains("20");
        // 20+0 weeks exactly (yesterday at noon): a delivery, but 3,200 g needs a confirmation.
        body.put("deliveredAt", lmp.plusDays(140).atTime(12, 0).atOffset(ZoneOffset.ofHours(8)).toString());
        var refused = doctor.post("/api/pregnancies/" + id + "/delivery", body);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.text("/errors/0/field")).isEqualTo("babies[0].implausibleReason");
        assertThat(doctor.get("/api/pregnancies/" + id).text("/status")).isEqualTo("OPEN");
        baby.put("implausibleReason", "末次月经记错，超声未做，体重已复秤");
        var confirmed = doctor.post("/api/pregnancies/" + id + "/delivery", body);
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(201);
        assertThat(confirmed.text("/delivery/newborns/0/implausibleReason")).isEqualTo("末次月经记错，超声未做，体重已复秤");
    }

    @Test
    @DisplayName("§3 a later ultrasound redates in both directions (smaller GA → later EDD, larger GA → earlier EDD); a scan before the LMP is a 400")
    void laterUltrasoundRedates() {
        ApiClient doctor = signIn("cqfy-doctor");
        LocalDate lmp = LocalDate.now(ChinaTime.ZONE).minusDays(100);
        var registered = doctor.post("/api/pregnancies", Map.of("womanId", woman(doctor, "瑾"), "gravida", 1, "para", 0,
                "lmp", lmp.toString()));
        String id = registered.text("/id");
        LocalDate scan = lmp.plusDays(98); // 14+0 by LMP: threshold 7 days
        var smaller = doctor.post("/api/pregnancies/" + id + "/ultrasounds", Map.of("date", scan.toString(), "gestationalAgeDays", 90,
                "version", registered.at("/version").asLong()));
        assertThat(smaller.status()).as(smaller.toString()).isEqualTo(200);
        assertThat(smaller.at("/redated").asBoolean()).isTrue();
        assertThat(smaller.text("/edd")).isEqualTo(scan.plusDays(280 - 90).toString());
        long v = smaller.at("/version").asLong();
        var larger = doctor.post("/api/pregnancies/" + id + "/ultrasounds", Map.of("date", scan.toString(), "gestationalAgeDays", 106, "version", v));
        assertThat(larger.at("/redated").asBoolean()).isTrue();
        assertThat(larger.text("/edd")).isEqualTo(scan.plusDays(280 - 106).toString());
        var within = doctor.post("/api/pregnancies/" + id + "/ultrasounds", Map.of("date", scan.toString(), "gestationalAgeDays", 105,
                "version", larger.at("/version").asLong()));
        assertThat(within.at("/redated").asBoolean()).as("7 days is within the 14+0 band: LMP dating").isFalse();
        assertThat(within.text("/edd")).isEqualTo(lmp.plusDays(280).toString());
        var early = doctor.post("/api/pregnancies/" + id + "/ultrasounds", Map.of("date", lmp.minusDays(2).toString(), "gestationalAgeDays", 60,
                "version", within.at("/version").asLong()));
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.text("/errors/0/field")).isEqualTo("date");
        var stale = doctor.post("/api/pregnancies/" + id + "/ultrasounds", Map.of("date", scan.toString(), "gestationalAgeDays", 90, "version", 0));
        assertThat(stale.status()).isEqualTo(409);
    }
}
