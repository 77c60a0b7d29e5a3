package cn.fuyou.security;

import cn.fuyou.shared.ChinaTime;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.support.ApiClient;
import cn.fuyou.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Source: issue 15 §3 — each class of malformed input that answered 500 (found by hand and by
 * fuzzing): now 4xx problem+json / OperationOutcome, no partial write, no exception text or SQL.
 */
class MalformedInputTest extends IntegrationTest {

    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired cn.fuyou.security.ApiTokens tokens;

    private ApiClient doctor;
    private String token;

    @BeforeEach
    void setUp() {
        doctor = signIn("cqfy-doctor");
        UUID inst = jdbc.sql("select id from institution where code = 'CQHCWC'").query(UUID.class).single();
        token = tx.execute(s -> tokens.issue("fuzz EMR", inst, cn.fuyou.shared.StaffRole.CLINICIAN, null)).token();
    }

    private long rows() {
        return jdbc.sql("select (select count(*) from person) + (select count(*) from pregnancy) + (select count(*) from antenatal_contact)")
                .query(Long.class).single();
    }

    static void clean4xx(ApiClient.Response r) {
        assertThat(r.status()).as(r.toString()).isBetween(400, 499);
        String body = r.body().toString();
        assertThat(body).doesNotContainIgnoringCase("sql").doesNotContain("org.postgresql").doesNotContain("Exception")
                .doesNotContain("at cn.fuyou");
    }

    private Map<String, Object> person(String idNumber, String birthDate) {
        Map<String, Object> m = new HashMap<>();
        m.put("familyName", "测");
        m.put("givenName", "试");
        m.put("sex", "F");
        m.put("birthDate", birthDate);
        m.put("idType", "RESIDENT_ID");
        m.put("idNumber", idNumber);
        return m;
    }

    @Test
    @DisplayName("NUL characters in a JSON string: 400 naming the field, nothing written")
    void nulInJson() {
        long before = rows();
        Map<String, Object> p = person("110101199003070028", "1990-03-07");
        p.put("addressText", "重庆\u0000渝中");
        var r = doctor.post("/api/persons", p);
        clean4xx(r);
        assertThat(r.text("/errors/0/field")).isEqualTo("addressText");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    @DisplayName("NUL characters in a query parameter: 400, not 500")
    void nulInQuery() {
        clean4xx(doctor.get("/api/persons?q=%E6%9D%8E%00x"));
        clean4xx(doctor.get("/api/persons?q=%00"));
        clean4xx(doctor.get("/api/referrals/inbox?q=%00".replace("referrals/inbox", "network/inbox")));
    }

    @Test
    @DisplayName("extreme page numbers: 400 naming page")
    void extremePages() {
        var r = doctor.get("/api/persons?page=2147483647&size=200");
        clean4xx(r);
        assertThat(r.text("/errors/0/field")).isEqualTo("page");
        clean4xx(doctor.get("/api/maternal/worklist?page=21474836&size=200"));
        clean4xx(doctor.get("/api/persons?page=99999999999"));
    }

    @Test
    @DisplayName("dates at year ±999999999: 400 naming the field, nothing written")
    void extremeYears() {
        long before = rows();
        var r = doctor.post("/api/persons", person("110101199003070028", "+999999999-12-31"));
        clean4xx(r);
        assertThat(r.text("/errors/0/field")).isEqualTo("birthDate");
        var woman = jdbc.sql("select woman_id from pregnancy where status = 'OPEN' and registered_institution_id = (select id from institution where code = 'CQHCWC') limit 1")
                .query(UUID.class).optional();
        var preg = doctor.post("/api/pregnancies", Map.of("womanId", woman.orElse(UUID.randomUUID()), "gravida", 1, "para", 0,
                "lmp", "-999999999-01-01"));
        clean4xx(preg);
        clean4xx(doctor.postRaw("/api/calculators/gestational-age", "{\"lmp\":\"+999999999-12-31\"}"));
        clean4xx(doctor.get("/api/audit?from=%2B999999999-01-01T00:00:00Z".replace("/api/audit", "/api/maternal/cases")
                .replace("from=", "district=%00")));
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    @DisplayName("an ultrasound with neither CRL nor gestational age (found by CalculatorFuzzTest: NPE → 500) is 400 naming ultrasound.crlMm")
    void ultrasoundWithoutMeasure() {
        String woman = doctor.post("/api/persons", person("110101199003070062", "1990-03-07")).text("/id");
        long before = rows();
        var r = doctor.post("/api/pregnancies", Map.of("womanId", woman, "gravida", 1, "para", 0,
                "ultrasound", Map.of("date", java.time.LocalDate.now(ChinaTime.ZONE).minusDays(3).toString())));
        clean4xx(r);
        assertThat(r.text("/errors/0/field")).isEqualTo("ultrasound.crlMm");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    @DisplayName("foreign keys that do not exist (womanId, motherId, institution): 4xx, nothing written")
    void missingReferences() {
        long before = rows();
        var preg = doctor.post("/api/pregnancies", Map.of("womanId", UUID.randomUUID(), "gravida", 1, "para", 0, "lmp", "2026-06-01"));
        clean4xx(preg);
        Map<String, Object> p = person("110101199003070046", "1990-03-07");
        p.put("motherId", UUID.randomUUID());
        clean4xx(doctor.post("/api/persons", p));
        clean4xx(doctor.post("/api/referrals", Map.of("personId", UUID.randomUUID(), "toInstitution", "NOPE", "urgency", "ROUTINE",
                "reason", "x")));
        clean4xx(doctor.post("/api/pregnancies/" + UUID.randomUUID() + "/contacts", Map.of("date", "2026-06-01")));
        assertThat(rows()).isEqualTo(before);
    }

    // ---- FHIR ----------------------------------------------------------------------------------

    private HttpResponse<String> fhir(String method, String path, String body, Map<String, String> headers) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/fhir+json").method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void clean4xx(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isBetween(400, 499);
        assertThat(r.body()).doesNotContainIgnoringCase("sql").doesNotContain("org.postgresql").doesNotContain("Exception:")
                .doesNotContain("at cn.fuyou");
    }

    private static String bundle(String... entries) {
        return "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[" + String.join(",", entries) + "]}";
    }

    private static String patientEntry(String fullUrl, String identifier, String birthDate) {
        return "{\"fullUrl\":\"" + fullUrl + "\",\"resource\":{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\"urn:oid:2.16.840.1.113883.4.3.9\",\"value\":\""
                + identifier + "\"}],\"name\":[{\"family\":\"Fuzz\",\"given\":[\"Test\"]}],\"gender\":\"female\"" + (birthDate == null ? "" : ",\"birthDate\":\"" + birthDate + "\"")
                + "},\"request\":{\"method\":\"POST\",\"url\":\"Patient\"}}";
    }

    @Test
    @DisplayName("FHIR: a year-only birthDate, a missing birthDate, a Patient without identifier: 4xx OperationOutcome, nothing written")
    void fhirDatesAndRequiredFields() throws Exception {
        long before = rows();
        clean4xx(fhir("POST", "/fhir", bundle(patientEntry("urn:uuid:" + UUID.randomUUID(), "fz-" + UUID.randomUUID(), "1985")), Map.of()));
        clean4xx(fhir("POST", "/fhir", bundle(patientEntry("urn:uuid:" + UUID.randomUUID(), "fz-" + UUID.randomUUID(), null)), Map.of()));
        clean4xx(fhir("POST", "/fhir", bundle("{\"fullUrl\":\"urn:uuid:" + UUID.randomUUID()
                + "\",\"resource\":{\"resourceType\":\"Patient\",\"gender\":\"female\",\"birthDate\":\"1985-01-01\"},\"request\":{\"method\":\"POST\",\"url\":\"Patient\"}}"), Map.of()));
        clean4xx(fhir("POST", "/fhir", bundle("{\"resource\":{\"resourceType\":\"Condition\"},\"request\":{\"method\":\"POST\",\"url\":\"Condition\"}}"), Map.of()));
        clean4xx(fhir("POST", "/fhir", bundle("{\"resource\":{\"resourceType\":\"Observation\",\"status\":\"final\"},\"request\":{\"method\":\"POST\",\"url\":\"Observation\"}}"), Map.of()));
        clean4xx(fhir("POST", "/fhir", bundle(patientEntry("urn:uuid:" + UUID.randomUUID(), "fz-" + UUID.randomUUID(), "+999999999-01-01")), Map.of()));
        clean4xx(fhir("POST", "/fhir", bundle(patientEntry("urn:uuid:" + UUID.randomUUID(), "fz\u0000" + UUID.randomUUID(), "1985-01-01")), Map.of()));
        clean4xx(fhir("POST", "/fhir/Patient", "{\"resourceType\":\"Patient\",\"gender\":\"female\"}", Map.of()));
        clean4xx(fhir("GET", "/fhir/Patient?birthdate=999999999", null, Map.of()));
        assertThat(fhir("GET", "/fhir/Patient?birthdate=8475&name=", null, Map.of()).statusCode())
                .as("a year-only search date (found by ApiFuzzTest: 500)").isEqualTo(200);
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    @DisplayName("FHIR: a bad If-Match or meta.versionId is 4xx, not 500")
    void fhirVersions() throws Exception {
        UUID id = jdbc.sql("select person_id from person_institution where institution_id = (select id from institution where code = 'CQHCWC') limit 1")
                .query(UUID.class).single();
        var read = fhir("GET", "/fhir/Patient/" + id, null, Map.of());
        assertThat(read.statusCode()).isEqualTo(200);
        String body = read.body();
        clean4xx(fhir("PUT", "/fhir/Patient/" + id, body, Map.of("If-Match", "W/\"abc\"")));
        clean4xx(fhir("PUT", "/fhir/Patient/" + id, body, Map.of("If-Match", "W/\"99999999999999999999\"")));
        clean4xx(fhir("PUT", "/fhir/Patient/" + id, body.replaceFirst("\"versionId\":\"\\d+\"", "\"versionId\":\"x1\""), Map.of()));
        clean4xx(fhir("PUT", "/fhir/Patient/not-a-uuid", body, Map.of("If-Match", "W/\"1\"")));
    }
}
