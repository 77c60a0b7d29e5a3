package cn.fuyou.hospital;

import cn.fuyou.shared.ChinaTime;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.support.ApiClient;
import cn.fuyou.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Source: issue 11 — bed board, reservations (parallel requests, expiry), transfers through the network, admission to discharge. */
class HospitalApiTest extends IntegrationTest {

    static final String HOSPITAL = "CQMU-CH";

    @Autowired
    JdbcClient jdbc;

    private static List<JsonNode> beds(JsonNode board) {
        List<JsonNode> out = new ArrayList<>();
        board.at("/wards").forEach(w -> w.at("/beds").forEach(out::add));
        return out;
    }

    /** A free bed of one of the types (the demo board changes as other tests reserve and admit). */
    static JsonNode freeBed(ApiClient staff, String... types) {
        var board = staff.get("/api/hospital/bed-board?institution=" + HOSPITAL);
        List<String> wanted = List.of(types);
        return beds(board.body()).stream().filter(b -> b.at("/state").asText().equals("FREE") && wanted.contains(b.at("/type").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no free bed of " + wanted));
    }

    @Test
    @DisplayName("§1 demo: 28 divisions, 800 beds; the hospital's staff see every bed {id, wardCode, type, state}")
    void staffSeeBeds() {
        var r = signIn("etyy-doctor").get("/api/hospital/bed-board?institution=" + HOSPITAL);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.at("/capacityOnly").asBoolean()).isFalse();
        List<JsonNode> beds = beds(r.body());
        assertThat(beds).hasSize(800);
        assertThat(r.body().at("/wards").findValuesAsText("divisionCode").stream().distinct().count()).isEqualTo(28);
        JsonNode b = beds.get(0);
        assertThat(b.has("id") && b.has("wardCode") && b.has("type") && b.has("state")).isTrue();
        assertThat(beds.stream().map(x -> x.at("/state").asText()).distinct()).contains("FREE", "OCCUPIED", "RESERVED");
        assertThat(beds.stream().map(x -> x.at("/type").asText()).distinct())
                .contains("GENERAL", "PICU", "NICU_I", "NICU_II", "NICU_III", "ISOLATION");
    }

    @Test
    @DisplayName("§1 a referring institution gets capacity counts only: no beds, no patients")
    void referrersSeeCounts() {
        var r = signIn("cqfy-doctor").get("/api/hospital/bed-board?institution=" + HOSPITAL);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.at("/capacityOnly").asBoolean()).isTrue();
        assertThat(r.body().at("/wards").findValues("beds")).isEmpty();
        assertThat(r.body().toString()).doesNotContain("childName").doesNotContain("childId");
        int total = 0;
        for (JsonNode t : r.body().at("/totals")) total += t.at("/total").asInt();
        assertThat(total).isEqualTo(800);
        var network = signIn("hc-doctor").get("/api/hospital/capacity");
        assertThat(network.status()).isEqualTo(200);
        assertThat(network.body().findValuesAsText("institutionCode")).contains(HOSPITAL);
        assertThat(network.body().toString()).doesNotContain("childName");
    }

    @Test
    @DisplayName("§2 many clients, one bed: exactly one reservation wins, the others get 409, the bed is held once")
    void parallelReservations() throws Exception {
        ApiClient setup = signIn("etyy-doctor");
        int clients = 12;
        List<String> children = new ArrayList<>();
        for (int i = 0; i < clients; i++) children.add(HospitalFixtures.childAtHospital(setup, "并", "发" + i));
        String bed = freeBed(setup, "NICU_II", "NICU_I", "GENERAL").at("/id").asText();
        List<ApiClient> sessions = new ArrayList<>();
        for (int i = 0; i < clients; i++) sessions.add(signIn("etyy-doctor"));
        String expires = OffsetDateTime.now().plusHours(2).toString();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiClient.Response>> results = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            ApiClient c = sessions.get(i);
            String child = children.get(i);
            results.add(pool.submit(() -> {
                start.await();
                return c.post("/api/hospital/beds/" + bed + "/reservations", Map.of("childId", child, "expiresAt", expires));
            }));
        }
        start.countDown();
        List<Integer> codes = new ArrayList<>();
        for (var f : results) codes.add(f.get().status());
        pool.shutdown();
        assertThat(codes.stream().filter(c -> c == 201).count()).as(codes.toString()).isEqualTo(1);
        assertThat(codes.stream().filter(c -> c == 409).count()).as(codes.toString()).isEqualTo(clients - 1);
        assertThat(jdbc.sql("select count(*) from bed_reservation where bed_id = ?::uuid and state = 'ACTIVE'").param(bed)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select state from hospital_bed where id = ?::uuid").param(bed).query(String.class).single()).isEqualTo("RESERVED");
        var again = setup.post("/api/hospital/beds/" + bed + "/reservations", Map.of("childId", children.get(0), "expiresAt", expires));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("/code")).isIn("bed-not-free", "child-already-reserved");
    }

    @Test
    @DisplayName("§2 a reservation expires when the baby does not arrive: the bed is free again and arrival is refused")
    void reservationExpires() throws Exception {
        ApiClient staff = signIn("etyy-doctor");
        String child = HospitalFixtures.childAtHospital(staff, "期", "满");
        String bed = freeBed(staff, "NICU_I", "GENERAL").at("/id").asText();
        var r = staff.post("/api/hospital/beds/" + bed + "/reservations",
                Map.of("childId", child, "expiresAt", OffsetDateTime.now().plusSeconds(2).toString()));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String reservation = r.text("/id");
        Thread.sleep(2500);
        var board = staff.get("/api/hospital/bed-board?institution=" + HOSPITAL);
        JsonNode b = beds(board.body()).stream().filter(x -> x.at("/id").asText().equals(bed)).findFirst().orElseThrow();
        assertThat(b.at("/state").asText()).isEqualTo("FREE");
        assertThat(b.at("/holder").isMissingNode() || b.at("/holder").isNull()).as("a lapsed hold holds nothing").isTrue();
        // The board derives the expiry: reading it writes nothing (the job or the next write stores it).
        assertThat(jdbc.sql("select state from bed_reservation where id = ?::uuid").param(reservation).query(String.class).single())
                .isEqualTo("ACTIVE");
        var late = staff.post("/api/hospital/admissions", Map.of("reservationId", reservation, "diagnoses", List.of("P07.3")));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.text("/code")).isEqualTo("reservation-ended");
        var other = HospitalFixtures.childAtHospital(staff, "期", "后");
        assertThat(staff.post("/api/hospital/beds/" + bed + "/reservations",
                Map.of("childId", other, "expiresAt", OffsetDateTime.now().plusHours(1).toString())).status()).isEqualTo(201);
        // the write that took the bed stored the lapsed hold's expiry (a refused write stores nothing)
        assertThat(jdbc.sql("select state from bed_reservation where id = ?::uuid").param(reservation).query(String.class).single())
                .isEqualTo("EXPIRED");
    }

    @Test
    @DisplayName("§2 bad input is a 400 naming the field; another institution may not reserve; an unknown bed is 404")
    void reservationValidation() {
        ApiClient staff = signIn("etyy-doctor");
        String bed = freeBed(staff, "GENERAL").at("/id").asText();
        var noChild = staff.post("/api/hospital/beds/" + bed + "/reservations", Map.of("expiresAt", OffsetDateTime.now().plusHours(1).toString()));
        assertThat(noChild.status()).isEqualTo(400);
        assertThat(noChild.text("/errors/0/field")).isEqualTo("childId");
        String child = HospitalFixtures.childAtHospital(staff, "验", "证");
        var past = staff.post("/api/hospital/beds/" + bed + "/reservations", Map.of("childId", child, "expiresAt", OffsetDateTime.now().minusMinutes(1).toString()));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.text("/errors/0/field")).isEqualTo("expiresAt");
        var tooLong = staff.post("/api/hospital/beds/" + bed + "/reservations", Map.of("childId", child, "expiresAt", OffsetDateTime.now().plusHours(25).toString()));
        assertThat(tooLong.text("/errors/0/field")).isEqualTo("expiresAt");
        var outsider = signIn("cqfy-doctor").post("/api/hospital/beds/" + bed + "/reservations",
                Map.of("childId", child, "expiresAt", OffsetDateTime.now().plusHours(1).toString()));
        assertThat(outsider.status()).isEqualTo(403);
        assertThat(staff.post("/api/hospital/beds/00000000-0000-0000-0000-000000000000/reservations",
                Map.of("childId", child, "expiresAt", OffsetDateTime.now().plusHours(1).toString())).status()).isEqualTo(404);
        assertThat(jdbc.sql("select state from hospital_bed where id = ?::uuid").param(bed).query(String.class).single()).isEqualTo("FREE");
    }

    @Test
    @DisplayName("§2–§3 delivery room requests a NICU bed (emergency referral, on-call inbox) → reserved → arrival → ward transfer → discharge → child's record and high-risk list")
    void transferToDischarge() {
        ApiClient deliveryRoom = signIn("cqfy-doctor");
        String child = HospitalFixtures.pretermNewborn(deliveryRoom, "穆");
        var req = deliveryRoom.post("/api/hospital/transfer-requests", Map.of("childId", child, "bedType", "NICU_III",
                "reason", "早产儿呼吸窘迫", "gestationalAgeDays", 217, "birthWeightG", 1450));
        assertThat(req.status()).as(req.toString()).isEqualTo(201);
        assertThat(req.text("/toInstitutionCode")).as("the newborn centre").isEqualTo(HOSPITAL);
        String referral = req.text("/referralId");
        ApiClient nicu = signIn("etyy-doctor");
        var inbox = nicu.get("/api/network/inbox?direction=incoming&state=OPEN&size=50");
        JsonNode item = null;
        for (JsonNode i : inbox.body().at("/items")) if (i.at("/id").asText().equals(referral)) item = i;
        assertThat(item).as("in the on-call inbox").isNotNull();
        assertThat(item.at("/urgency").asText()).isEqualTo("EMERGENCY");
        assertThat(item.at("/paged").asBoolean()).isTrue();

        String bed = freeBed(nicu, "NICU_III", "NICU_II").at("/id").asText();
        var res = nicu.post("/api/hospital/beds/" + bed + "/reservations", Map.of("referralId", referral,
                "expiresAt", OffsetDateTime.now().plusHours(3).toString()));
        assertThat(res.status()).as(res.toString()).isEqualTo(201);
        assertThat(res.text("/childId")).isEqualTo(child);
        assertThat(deliveryRoom.get("/api/referrals/" + referral).text("/state")).as("reserving accepts the referral").isEqualTo("ACCEPTED");

        var adm = nicu.post("/api/hospital/admissions", Map.of("reservationId", res.text("/id"), "diagnoses", List.of("p07.3", "P22.0")));
        assertThat(adm.status()).as(adm.toString()).isEqualTo(201);
        assertThat(adm.text("/referringInstitutionCode")).isEqualTo("CQHCWC");
        assertThat(adm.text("/gestationalAgeBand")).isEqualTo("W28_31");
        assertThat(adm.at("/requestToArrivalMinutes").isNumber()).isTrue();
        assertThat(adm.body().at("/diagnoses").toString()).contains("P07.3");
        assertThat(deliveryRoom.get("/api/referrals/" + referral).text("/state")).isEqualTo("ARRIVED");
        String id = adm.text("/id");

        String stepDown = freeBed(nicu, "NICU_II", "NICU_I").at("/id").asText();
        var moved = nicu.post("/api/hospital/admissions/" + id + "/transfers", Map.of("bedId", stepDown, "reason", "病情稳定转二级", "version", 0));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.at("/stays").size()).isEqualTo(2);
        assertThat(jdbc.sql("select state from hospital_bed where id = ?::uuid").param(bed).query(String.class).single()).isEqualTo("CLEANING");
        var stale = nicu.post("/api/hospital/admissions/" + id + "/discharge", Map.of("outcome", "IMPROVED", "diagnoses", List.of("P07.3"),
                "summary", "x", "followUpInstitutionCode", "CQHCWC", "followUpPlan", "x", "version", 0));
        assertThat(stale.status()).isEqualTo(409);
        var badDx = nicu.post("/api/hospital/admissions/" + id + "/discharge", Map.of("outcome", "IMPROVED", "diagnoses", List.of("早产"),
                "summary", "x", "followUpInstitutionCode", "CQHCWC", "followUpPlan", "x", "version", 1));
        assertThat(badDx.text("/errors/0/field")).isEqualTo("diagnoses[0]");
        var noPlan = nicu.post("/api/hospital/admissions/" + id + "/discharge", Map.of("outcome", "IMPROVED", "diagnoses", List.of("P07.3"),
                "summary", "x", "followUpInstitutionCode", "CQHCWC", "version", 1));
        assertThat(noPlan.text("/errors/0/field")).isEqualTo("followUpPlan");
        var out = nicu.post("/api/hospital/admissions/" + id + "/discharge", Map.of("outcome", "IMPROVED", "diagnoses", List.of("P07.3", "P22.0"),
                "summary", "胎龄31周早产儿，NICU治疗后呼吸平稳，体重1900g出院", "followUpInstitutionCode", "CQHCWC",
                "followUpPlan", "出院1周高危儿门诊复诊；矫正月龄3、6、12月发育评估；ROP筛查", "version", 1));
        assertThat(out.status()).as(out.toString()).isEqualTo(200);
        assertThat(out.at("/lengthOfStayDays").asInt()).as("same-day stay counts one day").isEqualTo(1);
        assertThat(deliveryRoom.get("/api/referrals/" + referral).text("/state")).isEqualTo("BACK_REFERRED");

        var stays = deliveryRoom.get("/api/children/" + child + "/hospital-stays");
        assertThat(stays.status()).isEqualTo(200);
        assertThat(stays.text("/0/summary")).contains("胎龄31周");
        assertThat(stays.text("/0/followUpInstitutionCode")).isEqualTo("CQHCWC");
        var record = deliveryRoom.get("/api/children/" + child);
        assertThat(record.body().at("/highRisk").findValuesAsText("reason")).contains("NICU_GRADUATE");
        var list = deliveryRoom.get("/api/childhealth/high-risk?size=200");
        assertThat(list.body().at("/items").findValuesAsText("childId")).as("on the high-risk list of CQHCWC, who follows her").contains(child);
        assertThat(jdbc.sql("select count(*) from indicator_fact where source_kind = 'hospital_admission' and source_id = ?::uuid and measure in ('NICU_ADMISSION', 'NICU_ADMISSION_GA_W28_31', 'NICU_DISCHARGE_GA_W28_31')")
                .param(id).query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select institution_code from indicator_fact where source_id = ?::uuid and measure = 'NICU_ADMISSION_REFERRED'")
                .param(id).query(String.class).single()).isEqualTo("CQHCWC");
    }

    @Test
    @DisplayName("§4 a child with a foreign passport is routed to the hospital designated for foreign nationals, with the interpreter need")
    void foreignNational() {
        ApiClient chc = signIn("hc-doctor");
        var f = cn.fuyou.registry.PersonApiTest.woman("Smith", "Anna", null);
        f.put("birthDate", java.time.LocalDate.now(ChinaTime.ZONE).minusDays(10).toString());
        f.put("idType", "PASSPORT");
        f.put("nationality", "US");
        f.put("idNumber", "US" + (10_000_000 + (long) (Math.random() * 89_999_999)));
        String child = chc.post("/api/persons", f).text("/id");
        var wrong = chc.post("/api/hospital/transfer-requests", Map.of("childId", child, "bedType", "PICU", "reason", "重症肺炎",
                "toInstitutionCode", "CQHCWC"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.text("/errors/0/field")).isEqualTo("toInstitutionCode");
        var noLanguage = chc.post("/api/hospital/transfer-requests", Map.of("childId", child, "bedType", "PICU", "reason", "重症肺炎",
                "interpreterNeeded", true));
        assertThat(noLanguage.text("/errors/0/field")).isEqualTo("interpreterLanguage");
        var r = chc.post("/api/hospital/transfer-requests", Map.of("childId", child, "bedType", "PICU", "reason", "重症肺炎",
                "interpreterNeeded", true, "interpreterLanguage", "English"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.text("/toInstitutionCode")).isEqualTo(HOSPITAL);
        assertThat(r.at("/foreignNational").asBoolean()).isTrue();
        assertThat(r.text("/interpreterLanguage")).isEqualTo("English");
    }

    @Test
    @DisplayName("§5 statistics: occupancy by ward and day, NICU admissions by referrer and GA band, arrival times, outcomes by GA")
    void statistics() {
        var r = signIn("etyy-doctor").get("/api/hospital/statistics?institution=" + HOSPITAL);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.at("/days").size()).isEqualTo(30);
        assertThat(r.at("/occupancy").size()).isEqualTo(30);
        assertThat(r.at("/occupancy/0/census").size()).isEqualTo(30);
        double mean = 0;
        for (JsonNode w : r.at("/occupancy")) mean += w.at("/meanOccupancy").asDouble();
        assertThat(mean / 30).as("a plausible month").isBetween(50.0, 100.0);
        assertThat(r.at("/nicuAdmissionsByReferrer").size()).isGreaterThan(0);
        assertThat(r.at("/arrivals/transfers").asInt()).isGreaterThan(0);
        assertThat(r.at("/outcomesByGestationalAge").size()).isEqualTo(5);
        assertThat(signIn("etyy-doctor").get("/api/hospital/statistics?from=2026-01-10&to=2026-01-01").status()).isEqualTo(400);
    }

    @Test
    @DisplayName("§1 beds by hand: cleaning done → free, free → closed; an occupied bed cannot be freed by hand; stale version 409")
    void bedMoves() {
        ApiClient staff = signIn("etyy-doctor");
        JsonNode bed = freeBed(staff, "GENERAL");
        String id = bed.at("/id").asText();
        long v = bed.at("/version").asLong();
        var closed = staff.post("/api/hospital/beds/" + id + "/state", Map.of("state", "CLOSED", "version", v));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(staff.post("/api/hospital/beds/" + id + "/state", Map.of("state", "FREE", "version", v)).status()).isEqualTo(409);
        assertThat(staff.post("/api/hospital/beds/" + id + "/state", Map.of("state", "OCCUPIED", "version", v + 1)).text("/code"))
                .isEqualTo("illegal-bed-move");
        assertThat(staff.post("/api/hospital/beds/" + id + "/state", Map.of("state", "FREE", "version", v + 1)).status()).isEqualTo(200);
        assertThat(signIn("cqfy-doctor").post("/api/hospital/beds/" + id + "/state", Map.of("state", "CLOSED", "version", v + 2)).status())
                .isEqualTo(403);
    }
}
