package cn.fuyou.shared;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.registry.PersonApiTest;
import cn.fuyou.support.ApiClient;
import cn.fuyou.support.IntegrationTest;
import cn.fuyou.support.TestClock;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Source: issue 16 (closing note: "the server works in UTC while clinical dates are China time") and
 * DESIGN.md (clinical dates are China's calendar days). At 00:30 China time the UTC date is still
 * yesterday: today's date must be accepted, and ages counted from China's date.
 */
class ChinaTimeTest extends IntegrationTest {

    /** 2030-01-01 00:30 in China = 2029-12-31 16:30 UTC (a date no real clock reaches while this test is kept). */
    private static final Instant HALF_PAST_MIDNIGHT = Instant.parse("2029-12-31T16:30:00Z");
    private static final LocalDate CHINA_TODAY = LocalDate.of(2030, 1, 1);

    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    @DisplayName("ChinaTime.today at 00:30 China time is China's date, not the UTC date")
    void todayIsChinasDate() {
        Clock utc = Clock.fixed(HALF_PAST_MIDNIGHT, ZoneOffset.UTC);
        assertThat(LocalDate.now(utc)).isEqualTo(CHINA_TODAY.minusDays(1));
        assertThat(ChinaTime.today(utc)).isEqualTo(CHINA_TODAY);
    }

    @Test
    @DisplayName("every database session works in China's zone (current_date is China's date)")
    void databaseSessionInChinaTime() {
        assertThat(jdbc.sql("select current_setting('TimeZone')").query(String.class).single()).isEqualTo("Asia/Shanghai");
        assertThat(jdbc.sql("select (timestamptz '2029-12-31 16:30:00+00')::date").query(LocalDate.class).single()).isEqualTo(CHINA_TODAY);
    }

    @Test
    @DisplayName("at 00:30 China time a pregnancy registered today is accepted (@PastOrPresent by China's date) and dated from China's today")
    void registrationToday() {
        clock.fix(HALF_PAST_MIDNIGHT);
        ApiClient doctor = signIn("cqfy-doctor");
        var w = doctor.post("/api/persons", PersonApiTest.woman("时", "区", null));
        assertThat(w.status()).as(w.toString()).isEqualTo(201);
        Map<String, Object> body = new HashMap<>();
        body.put("womanId", w.text("/id"));
        body.put("gravida", 1);
        body.put("para", 0);
        body.put("registeredOn", CHINA_TODAY.toString());
        body.put("lmp", CHINA_TODAY.minusDays(61).toString());
        var r = doctor.post("/api/pregnancies", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.at("/gestationalAgeToday/weeks").asInt()).isEqualTo(8);
        assertThat(r.at("/gestationalAgeToday/dayOfWeek").asInt()).isEqualTo(5);
        assertThat(r.at("/gradings/0/assessedOn").asText()).isEqualTo(CHINA_TODAY.toString());
    }

    @Test
    @DisplayName("at 00:30 China time a growth measurement of a baby born today is day 0, not refused as in the future")
    void growthToday() {
        clock.fix(HALF_PAST_MIDNIGHT);
        var r = anonymous().post("/api/calculators/growth", Map.of("sex", "female", "birthDate", CHINA_TODAY.toString(),
                "measurementDate", CHINA_TODAY.toString(), "weightKg", 3.2));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.at("/ageDays").asInt()).isZero();
        var tomorrow = anonymous().post("/api/calculators/growth", Map.of("sex", "female", "birthDate", CHINA_TODAY.toString(),
                "measurementDate", CHINA_TODAY.plusDays(1).toString(), "weightKg", 3.2));
        assertThat(tomorrow.status()).as(tomorrow.toString()).isEqualTo(400);
        assertThat(tomorrow.text("/errors/0/field")).isEqualTo("measurementDate");
    }
}
