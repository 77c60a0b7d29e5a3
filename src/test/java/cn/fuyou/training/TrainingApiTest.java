package cn.fuyou.training;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.support.ApiClient;
import cn.fuyou.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Source: issue 13 — Done when: enrolment capacity (parallel enrolments never exceed it), scoring and pass marks, expiry reminders. */
class TrainingApiTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    static String course(ApiClient organiser, String title) {
        var r = organiser.post("/api/training/courses", Map.of("title", title, "topic", "MIDWIFERY", "mode", "OFFLINE",
                "audience", List.of("MIDWIFE"), "creditHours", 6));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("/id");
    }

    static String session(ApiClient organiser, String course, int capacity, LocalDate starts) {
        var r = organiser.post("/api/training/courses/" + course + "/sessions", Map.of("startsOn", starts.toString(), "endsOn", starts.toString(),
                "place", "重庆市妇幼保健院培训中心", "capacity", capacity));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("/id");
    }

    static String worker(ApiClient staff, String name, String institution) {
        var r = staff.post("/api/training/workers", Map.of("fullName", name, "institutionCode", institution, "profession", "MIDWIFE"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("/id");
    }

    @Test
    @DisplayName("24 parallel enrolments into a session of 5 places: exactly 5 succeed, 19 get 409 session-full, the session never holds more than 5")
    void parallelEnrolmentsNeverExceedCapacity() throws Exception {
        ApiClient admin = signIn("admin");
        ApiClient organiser = signIn("cqfy-admin");
        String course = course(organiser, "助产士产房急救技能培训（并发）");
        String session = session(organiser, course, 5, TODAY.plusDays(10));
        List<String> people = new ArrayList<>();
        for (int k = 0; k < 24; k++) people.add(worker(admin, "并发学员" + k, k % 2 == 0 ? "MCH-500105" : "MCH-500117"));

        ExecutorService pool = Executors.newFixedThreadPool(12);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiClient.Response>> results = new ArrayList<>();
        for (String p : people) {
            results.add(pool.submit(() -> {
                start.await();
                return organiser.post("/api/training/sessions/" + session + "/enrolments", Map.of("workerId", p));
            }));
        }
        start.countDown();
        int created = 0, full = 0;
        for (var f : results) {
            var r = f.get();
            if (r.status() == 201) created++;
            else if (r.status() == 409 && "session-full".equals(r.text("/code"))) full++;
            else throw new AssertionError("unexpected " + r);
        }
        pool.shutdown();
        assertThat(created).isEqualTo(5);
        assertThat(full).isEqualTo(19);
        assertThat(jdbc.sql("select count(*) from training_enrolment where session_id = ?::uuid and status <> 'WITHDRAWN'").param(session)
                .query(Long.class).single()).isEqualTo(5);
        var detail = organiser.get("/api/training/sessions/" + session);
        assertThat(detail.at("/enrolled").asInt()).isEqualTo(5);
        assertThat(detail.at("/participants").size()).isEqualTo(5);

        // a withdrawal frees exactly one place; the capacity cannot go below those enrolled; a stale version is 409
        JsonNode first = detail.at("/participants/0");
        assertThat(organiser.post("/api/training/enrolments/" + first.at("/enrolmentId").asText() + "/withdraw",
                Map.of("version", first.at("/version").asLong())).status()).isEqualTo(204);
        String late = people.stream().filter(p -> !organiser.get("/api/training/sessions/" + session).body().toString().contains(p))
                .findFirst().orElseThrow();
        assertThat(organiser.post("/api/training/sessions/" + session + "/enrolments", Map.of("workerId", late)).status()).isEqualTo(201);
        var shrink = organiser.put("/api/training/sessions/" + session, Map.of("startsOn", TODAY.plusDays(10).toString(),
                "endsOn", TODAY.plusDays(10).toString(), "capacity", 3, "version", detail.at("/version").asLong()));
        assertThat(shrink.status()).isEqualTo(400);
        assertThat(shrink.text("/errors/0/field")).isEqualTo("capacity");
        var ok = organiser.put("/api/training/sessions/" + session, Map.of("startsOn", TODAY.plusDays(10).toString(),
                "endsOn", TODAY.plusDays(10).toString(), "capacity", 8, "version", detail.at("/version").asLong()));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        var stale = organiser.put("/api/training/sessions/" + session, Map.of("startsOn", TODAY.plusDays(10).toString(),
                "endsOn", TODAY.plusDays(10).toString(), "capacity", 9, "version", detail.at("/version").asLong()));
        assertThat(stale.status()).isEqualTo(409);
    }

    @Test
    @DisplayName("enrolment across institutions: the organiser enrols anyone, a hospital its own staff only, a stranger nobody; officials never write")
    void enrolmentAccess() {
        ApiClient organiser = signIn("cqfy-admin");
        ApiClient admin = signIn("admin");
        String course = course(organiser, "PMTCT 咨询培训");
        String session = session(organiser, course, 30, TODAY.plusDays(3));
        String jiangbei = worker(admin, "江北助产士甲", "MCH-500105");
        String hechuan = worker(admin, "合川社区医生乙", "CHC-500117-1");
        assertThat(organiser.post("/api/training/sessions/" + session + "/enrolments", Map.of("workerId", jiangbei)).status()).isEqualTo(201);
        assertThat(organiser.post("/api/training/sessions/" + session + "/enrolments", Map.of("workerId", jiangbei)).text("/code"))
                .isEqualTo("already-enrolled");
        ApiClient hc = signIn("hc-doctor");
        assertThat(hc.post("/api/training/sessions/" + session + "/enrolments", Map.of("workerId", hechuan)).status()).isEqualTo(201);
        assertThat(hc.post("/api/training/sessions/" + session + "/enrolments", Map.of("workerId", worker(admin, "别院学员", "MCH-500106")))
                .status()).isEqualTo(403);
        assertThat(hc.put("/api/training/courses/" + course, Map.of("title", "x", "topic", "PMTCT", "mode", "ONLINE", "creditHours", 1,
                "version", 0)).status()).isEqualTo(403);
        assertThat(signIn("official-cq").post("/api/training/courses", Map.of("title", "x", "topic", "PMTCT", "mode", "ONLINE",
                "creditHours", 1)).status()).isEqualTo(403);
        var bad = organiser.post("/api/training/courses/" + course + "/sessions", Map.of("startsOn", TODAY.toString(),
                "endsOn", TODAY.minusDays(1).toString(), "capacity", 10));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text("/errors/0/field")).isEqualTo("endsOn");
        // the hospital sees only its own participant; the organiser sees both
        assertThat(hc.get("/api/training/sessions/" + session).at("/participants").size()).isEqualTo(1);
        assertThat(organiser.get("/api/training/sessions/" + session).at("/participants").size()).isEqualTo(2);
    }

    static Map<String, Object> scores(ApiClient c, String skill, Map<String, Integer> minus) {
        JsonNode list = c.get("/api/training/checklists").body();
        Map<String, Object> s = new LinkedHashMap<>();
        for (JsonNode cl : list) {
            if (!cl.at("/skill").asText().equals(skill)) continue;
            for (JsonNode i : cl.at("/items")) s.put(i.at("/code").asText(), i.at("/points").asInt() - minus.getOrDefault(i.at("/code").asText(), 0));
        }
        return s;
    }

    @Test
    @DisplayName("a round's assessor scores against the round's checklist version; below the pass mark fails and is put up for re-assessment; the pass gets a certificate that renews on the next pass")
    void scoringPassMarksAndReassessment() {
        ApiClient organiser = signIn("cqfy-admin");
        ApiClient admin = signIn("admin");
        String w = worker(admin, "考核助产士丙", "MCH-500105");
        var round = organiser.post("/api/training/rounds", Map.of("title", "江北区助产技能考核（测试）", "level", "DISTRICT", "areaCode", "500105",
                "skill", "NEONATAL_RESUSCITATION", "heldOn", TODAY.toString(), "assessors", List.of("cqfy-midwife")));
        assertThat(round.status()).as(round.toString()).isEqualTo(201);
        String roundId = round.text("/id");
        // not an assessor: 403
        assertThat(organiser.post("/api/training/rounds/" + roundId + "/assessments", Map.of("workerId", w,
                "scores", scores(organiser, "NEONATAL_RESUSCITATION", Map.of()), "assessedOn", TODAY.toString())).status()).isEqualTo(403);
        ApiClient assessor = signIn("cqfy-midwife");
        var missing = assessor.post("/api/training/rounds/" + roundId + "/assessments", Map.of("workerId", w,
                "scores", Map.of("PREPARATION", 10), "assessedOn", TODAY.toString()));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.text("/errors/0/field")).startsWith("scores.");
        // 75%: chest compressions (critical) only 10 of 15, preparation 0 of 10, MR SOPA 0 of 10
        var fail = assessor.post("/api/training/rounds/" + roundId + "/assessments", Map.of("workerId", w,
                "scores", scores(assessor, "NEONATAL_RESUSCITATION", Map.of("CHEST_COMPRESSIONS", 5, "PREPARATION", 10, "MR_SOPA", 10)),
                "assessedOn", TODAY.toString()));
        assertThat(fail.status()).as(fail.toString()).isEqualTo(201);
        assertThat(fail.at("/passed").asBoolean()).isFalse();
        assertThat(fail.at("/percent").decimalValue()).isEqualByComparingTo("75.0");
        assertThat(fail.text("/checklistVersion")).isEqualTo("CQ-NRP-2026.1");
        assertThat(fail.at("/failedCritical/0").asText()).isEqualTo("CHEST_COMPRESSIONS");
        assertThat(organiser.post("/api/training/assessments/" + fail.text("/id") + "/certificate", Map.of()).status()).isEqualTo(400);
        assertThat(assessor.post("/api/training/rounds/" + roundId + "/assessments", Map.of("workerId", w,
                "scores", scores(assessor, "NEONATAL_RESUSCITATION", Map.of()), "assessedOn", TODAY.toString())).text("/code"))
                .isEqualTo("already-assessed");
        assertThat(organiser.get("/api/training/reassessments").body().toString()).contains(w);

        var again = organiser.post("/api/training/rounds", Map.of("title", "江北区新生儿复苏补考（测试）", "level", "DISTRICT", "areaCode", "500105",
                "skill", "NEONATAL_RESUSCITATION", "heldOn", TODAY.toString(), "assessors", List.of("cqfy-midwife"), "reassessmentOf", roundId));
        assertThat(again.status()).isEqualTo(201);
        assertThat(organiser.get("/api/training/rounds/" + again.text("/id")).at("/candidates/0/workerId").asText()).isEqualTo(w);
        String stranger = worker(admin, "非补考人员", "MCH-500105");
        assertThat(assessor.post("/api/training/rounds/" + again.text("/id") + "/assessments", Map.of("workerId", stranger,
                "scores", scores(assessor, "NEONATAL_RESUSCITATION", Map.of()), "assessedOn", TODAY.toString())).status()).isEqualTo(400);
        var pass = assessor.post("/api/training/rounds/" + again.text("/id") + "/assessments", Map.of("workerId", w,
                "scores", scores(assessor, "NEONATAL_RESUSCITATION", Map.of("PREPARATION", 5, "POST_CARE", 5)), "assessedOn", TODAY.toString()));
        assertThat(pass.at("/passed").asBoolean()).isTrue();
        assertThat(pass.at("/percent").decimalValue()).isEqualByComparingTo("90.0");
        assertThat(organiser.get("/api/training/reassessments").body().toString()).doesNotContain(w);

        var cert = organiser.post("/api/training/assessments/" + pass.text("/id") + "/certificate", Map.of());
        assertThat(cert.status()).as(cert.toString()).isEqualTo(201);
        assertThat(cert.text("/expiresOn")).isEqualTo(TODAY.plusYears(2).toString());
        assertThat(organiser.post("/api/training/assessments/" + pass.text("/id") + "/certificate", Map.of()).text("/code")).isEqualTo("already-certified");
        var history = admin.get("/api/training/workers/" + w + "/history");
        assertThat(history.at("/assessments").size()).isEqualTo(2);
        assertThat(history.at("/certificates/0/number").asText()).startsWith("CQ-NEON-");
    }

    @Test
    @DisplayName("renewal reminders: a certificate expiring within 90 days is on the worklist, one expiring later or already renewed is not")
    void expiryReminders() {
        ApiClient organiser = signIn("cqfy-admin");
        ApiClient admin = signIn("admin");
        ApiClient assessor = signIn("cqfy-midwife");
        String soon = worker(admin, "证书将到期者", "MCH-500117");
        String later = worker(admin, "证书未到期者", "MCH-500117");
        String renewed = worker(admin, "证书已换发者", "MCH-500117");
        String roundId = organiser.post("/api/training/rounds", Map.of("title", "市级PMTCT咨询考核（测试）", "level", "CITY",
                "skill", "PMTCT_COUNSELLING", "heldOn", TODAY.toString(), "assessors", List.of("cqfy-midwife"))).text("/id");
        Map<String, String> certs = new LinkedHashMap<>();
        for (String w : List.of(soon, later, renewed)) {
            String a = assessor.post("/api/training/rounds/" + roundId + "/assessments", Map.of("workerId", w,
                    "scores", scores(assessor, "PMTCT_COUNSELLING", Map.of()), "assessedOn", TODAY.toString())).text("/id");
            certs.put(w, organiser.post("/api/training/assessments/" + a + "/certificate", Map.of()).text("/id"));
        }
        assertThat(organiser.get("/api/training/certificates/" + certs.get(soon)).text("/expiresOn")).isEqualTo(TODAY.plusYears(3).toString());
        jdbc.sql("update training_certificate set issued_on = ?, expires_on = ? where id = ?::uuid").params(TODAY.minusYears(3).plusDays(30),
                TODAY.plusDays(30), certs.get(soon)).update();
        jdbc.sql("update training_certificate set issued_on = ?, expires_on = ? where id = ?::uuid").params(TODAY.minusYears(3).plusDays(120),
                TODAY.plusDays(120), certs.get(later)).update();
        jdbc.sql("update training_certificate set issued_on = ?, expires_on = ? where id = ?::uuid").params(TODAY.minusYears(3).plusDays(10),
                TODAY.plusDays(10), certs.get(renewed)).update();
        String reRound = organiser.post("/api/training/rounds", Map.of("title", "PMTCT复训考核（测试）", "level", "CITY",
                "skill", "PMTCT_COUNSELLING", "heldOn", TODAY.toString(), "assessors", List.of("cqfy-midwife"))).text("/id");
        String a2 = assessor.post("/api/training/rounds/" + reRound + "/assessments", Map.of("workerId", renewed,
                "scores", scores(assessor, "PMTCT_COUNSELLING", Map.of()), "assessedOn", TODAY.toString())).text("/id");
        var renewal = organiser.post("/api/training/assessments/" + a2 + "/certificate", Map.of());
        assertThat(renewal.text("/renewalOf")).isEqualTo(certs.get(renewed));

        var list = organiser.get("/api/training/certificates/expiring?days=90&size=200");
        assertThat(list.status()).isEqualTo(200);
        String body = list.body().toString();
        assertThat(body).contains(certs.get(soon)).doesNotContain(certs.get(later)).doesNotContain(certs.get(renewed));
        JsonNode row = null;
        for (JsonNode r : list.at("/items")) if (certs.get(soon).equals(r.at("/id").asText())) row = r;
        assertThat(row).isNotNull();
        assertThat(row.at("/daysLeft").asInt()).isEqualTo(30);
        assertThat(organiser.get("/api/training/certificates/expiring?days=200&size=200").body().toString()).contains(certs.get(later));
        assertThat(organiser.get("/api/training/certificates/expiring?days=0").status()).isEqualTo(400);
        // scope: a community doctor elsewhere sees none of these
        assertThat(signIn("hc-doctor").get("/api/training/certificates/expiring?days=90&size=200").body().toString()).doesNotContain(certs.get(soon));
    }

    @SuppressWarnings("unused")
    private static UUID id(String s) {
        return UUID.fromString(s);
    }
}
