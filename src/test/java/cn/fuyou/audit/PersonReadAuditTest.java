package cn.fuyou.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.support.ApiClient;
import cn.fuyou.support.IntegrationTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Source: issue 15 §5 — "a test compares the requests made with the rows written". Every GET endpoint of the UI API
 * that takes a path variable is classified here: either it shows one person's record (then a fixture names a real record
 * and its person) or it does not (directory, statistics, admin). Each person endpoint, and FHIR Patient read,
 * $everything and every FHIR search by patient, is requested; the audit rows written by that request must name the
 * person (person_id or person_ids) with the channel. A new GET endpoint with a path variable fails the test until it is
 * classified below.
 */
class PersonReadAuditTest extends IntegrationTest {

    @Autowired JdbcClient jdbc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mvc;

    /** Endpoint → SQL giving (path id, person id) of a real record. */
    static final Map<String, String> PERSON_RECORDS = new LinkedHashMap<>();
    static {
        String woman = "select w.id, w.id from person w where exists (select 1 from pregnancy p where p.woman_id = w.id) order by w.created_at limit 1";
        PERSON_RECORDS.put("/api/persons/{id}", woman);
        PERSON_RECORDS.put("/api/pregnancies/{id}", "select p.id, p.woman_id from pregnancy p order by p.created_at limit 1");
        PERSON_RECORDS.put("/api/maternal/cases/{id}", "select c.id, p.woman_id from high_risk_case c join pregnancy p on p.id = c.pregnancy_id limit 1");
        PERSON_RECORDS.put("/api/children/{id}", "select b.child_id, b.child_id from birth b limit 1");
        PERSON_RECORDS.put("/api/children/{id}/hospital-stays", "select b.child_id, b.child_id from birth b limit 1");
        PERSON_RECORDS.put("/api/births/{childId}", "select b.child_id, b.child_id from birth b limit 1");
        PERSON_RECORDS.put("/api/births/{childId}/certificates", "select b.child_id, b.child_id from birth b limit 1");
        PERSON_RECORDS.put("/api/births/{childId}/parents", "select b.child_id, b.child_id from birth b limit 1");
        PERSON_RECORDS.put("/api/births/{childId}/screening", "select b.child_id, b.child_id from birth b limit 1");
        PERSON_RECORDS.put("/api/birth-certificates/{id}", "select c.id, c.child_id from birth_certificate c limit 1");
        PERSON_RECORDS.put("/api/birth-certificates/{id}/pdf", "select c.id, c.child_id from birth_certificate c limit 1");
        PERSON_RECORDS.put("/api/referrals/{id}", "select r.id, r.person_id from referral r limit 1");
        PERSON_RECORDS.put("/api/network/consultations/{id}", "select c.id, c.person_id from consultation c where c.person_id is not null limit 1");
        PERSON_RECORDS.put("/api/critical-cases/{id}", "select c.id, c.person_id from critical_case c limit 1");
        PERSON_RECORDS.put("/api/maternal-deaths/{id}", "select d.id, d.person_id from maternal_death_report d limit 1");
        PERSON_RECORDS.put("/api/case-reviews/{id}", "select r.id, r.person_id from case_review r limit 1");
        PERSON_RECORDS.put("/api/hospital/admissions/{id}", "select a.id, a.child_id from admission a limit 1");
        PERSON_RECORDS.put("/api/art/couples/{id}", "select c.id, c.woman_id from art_couple c order by c.created_at limit 1");
        PERSON_RECORDS.put("/api/art/consents/{id}/file", "select k.id, c.woman_id from art_consent k join art_couple c on c.id = k.couple_id limit 1");
        PERSON_RECORDS.put("/api/art/cycles/{id}", "select c.id, c.woman_id from art_cycle c order by c.created_at limit 1");
        PERSON_RECORDS.put("/api/art/workstation/cases/{id}", "select w.id, c.woman_id from art_workstation_case w join art_couple c on c.id = w.couple_id limit 1");
        PERSON_RECORDS.put("/api/defects/preconception-checks/{id}", "select c.id, c.woman_id from preconception_check c limit 1");
        PERSON_RECORDS.put("/api/defects/screens/{id}", "select s.id, s.woman_id from prenatal_screen s limit 1");
        PERSON_RECORDS.put("/api/defects/follow-ups/{id}", "select f.id, f.woman_id from defect_follow_up f limit 1");
        PERSON_RECORDS.put("/api/defects/registrations/{id}", "select r.id, r.mother_id from defect_registration r limit 1");
        PERSON_RECORDS.put("/api/mother-accounts/{personId}", "select a.person_id, a.person_id from mother_account a order by a.person_id limit 1");
        PERSON_RECORDS.put("/api/mother-accounts/{personId}/sms-outbox", "select a.person_id, a.person_id from mother_account a order by a.person_id limit 1");
        PERSON_RECORDS.put("/api/defects/women/{womanId}", "select s.woman_id, s.woman_id from prenatal_screen s limit 1");
    }

    /** GET endpoints with a path variable that show no one person's record, and why. */
    static final Map<String, String> NOT_A_PERSON = Map.ofEntries(
            Map.entry("/api/persons/{id}/access-log", "the audit trail about her (who read her record), itself for admins/her institution"),
            Map.entry("/api/institutions/{code}", "directory"), Map.entry("/api/institutions/{code}/history", "directory"),
            Map.entry("/api/nurseries/{code}", "a nursery"), Map.entry("/api/nurseries/{code}/inspections", "a nursery's inspections"),
            Map.entry("/api/nurseries/{code}/staff", "a nursery's staff"),
            Map.entry("/api/nurseries/{code}/children", "list: audited as a list read (ListReadAudit)"),
            Map.entry("/api/interview-notices/{id}", "a notice to an institution"),
            Map.entry("/api/screening/batches/{id}", "a batch of samples (list of sample ids)"),
            Map.entry("/api/admin/imports/{id}", "an import job"), Map.entry("/api/admin/imports/{id}/outcome", "an import job"),
            Map.entry("/api/admin/imports/{id}/rejected", "an import job"), Map.entry("/api/admin/imports/{id}/report", "an import job"),
            Map.entry("/api/stats/indicators/{code}/by-area", "aggregate"), Map.entry("/api/stats/indicators/{code}/by-institution", "aggregate"),
            Map.entry("/api/stats/indicators/{code}/trend", "aggregate"),
            Map.entry("/api/education/items/{id}", "a health-education item"), Map.entry("/api/education/items/{id}/file", "a handbook"),
            Map.entry("/api/mother/education/{id}", "a health-education item, through her app"),
            Map.entry("/api/mother/education/{id}/file", "a handbook, through her app"),
            Map.entry("/api/mother/children/{id}", "her own child through her app: only her session reaches it, audited as mother:<id> (MotherAppApiTest)"),
            Map.entry("/api/training/alliance/agreements/{id}", "an institution's alliance agreement"),
            Map.entry("/api/training/certificates/{id}", "a staff member's training certificate (staff, not a person's health record)"),
            Map.entry("/api/training/courses/{id}", "a course"), Map.entry("/api/training/materials/{id}", "course material"),
            Map.entry("/api/training/rounds/{id}", "an assessment round"), Map.entry("/api/training/sessions/{id}", "a training session"),
            Map.entry("/api/training/staff/{username}/history", "a staff member's training history (staff, not a person's health record)"),
            Map.entry("/api/training/workers/{id}/history", "a staff member's training history (staff, not a person's health record)"),
            Map.entry("/api/stats/indicators/{code}/records", "list: audited as a list read naming every person shown"));

    private long lastAuditId() {
        return jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
    }

    private long rowsNaming(UUID person, long after) {
        return jdbc.sql("select count(*) from audit_event where id > ? and (person_id = ? or ? = any(person_ids)) and channel is not null")
                .params(after, person, person).query(Long.class).single();
    }

    @Test
    @DisplayName("every read of a person's record through the UI API and FHIR leaves an audit row naming her and the channel")
    void everyPersonReadIsAudited() {
        Set<String> gets = new TreeSet<>();
        mvc.getHandlerMethods().forEach((info, h) -> {
            if (info.getMethodsCondition().getMethods().stream().anyMatch(m -> m.name().equals("GET"))) {
                info.getPatternValues().stream().filter(p -> p.startsWith("/api/") && p.contains("{")).forEach(gets::add);
            }
        });
        Set<String> unclassified = new TreeSet<>(gets);
        unclassified.removeAll(PERSON_RECORDS.keySet());
        unclassified.removeAll(NOT_A_PERSON.keySet());
        assertThat(unclassified).as("GET endpoints with a path variable, classified neither as a person's record (PERSON_RECORDS,"
                + " with a fixture) nor as not one (NOT_A_PERSON) in " + getClass().getSimpleName()).isEmpty();

        ApiClient admin = signIn("admin");
        List<String> missing = new ArrayList<>();
        List<String> noFixture = new ArrayList<>();
        int requests = 0;
        Map<String, UUID> people = new LinkedHashMap<>();
        for (var e : PERSON_RECORDS.entrySet()) {
            var row = jdbc.sql(e.getValue()).query((rs, n) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)})
                    .optional().orElse(null);
            if (row == null) {
                noFixture.add(e.getKey());
                continue;
            }
            String path = fill(e.getKey(), row[0]);
            long before = lastAuditId();
            var r = admin.exchange("GET", path, null, null, path.endsWith("/pdf") ? "application/pdf" : "application/json");
            requests++;
            assertThat(r.status()).as(path + " → " + r).isEqualTo(200);
            if (rowsNaming(row[1], before) == 0) missing.add("GET " + path + " (person " + row[1] + ")");
            people.put(e.getKey(), row[1]);
        }
        // FHIR: the Patient, $everything, and a search by patient of every type the server lists
        UUID woman = people.get("/api/persons/{id}");
        List<String> fhir = new ArrayList<>(List.of("/fhir/Patient/" + woman, "/fhir/Patient/" + woman + "/$everything",
                "/fhir/Patient?identifier=" + java.net.URLEncoder.encode(jdbc.sql("""
                        select case id_type when 'PASSPORT' then 'urn:fuyou:sid:passport|' else 'urn:fuyou:sid:resident-id|' end || id_number
                          from person where id = ?""").param(woman).query(String.class).single(), java.nio.charset.StandardCharsets.UTF_8),
                "/api/pregnancies?womanId=" + woman));
        var capability = admin.exchange("GET", "/fhir/metadata", null, null, "application/fhir+json");
        for (var res : capability.at("/rest/0/resource")) {
            boolean byPatient = false;
            for (var sp : res.path("searchParam")) byPatient |= sp.path("name").asText().equals("patient");
            if (byPatient) fhir.add("/fhir/" + res.path("type").asText() + "?patient=" + woman);
        }
        assertThat(fhir.size()).as("FHIR types searchable by patient").isGreaterThan(10);
        for (String path : fhir) {
            long before = lastAuditId();
            var r = admin.exchange("GET", path, null, null, "application/fhir+json");
            requests++;
            assertThat(r.status()).as(path + " → " + r).isEqualTo(200);
            // a search that finds nothing about her shows nothing about her: no row is owed
            boolean showsHer = !path.contains("?patient=") || r.at("/total").asInt(1) > 0 || r.at("/entry").size() > 0;
            if (showsHer && rowsNaming(woman, before) == 0) missing.add("GET " + path);
        }
        System.out.printf("person-read audit: %d requests, %d person endpoints (%d without a record in the test data: %s), %d FHIR reads/searches,"
                + " %d without a row%n", requests, PERSON_RECORDS.size(), noFixture.size(), noFixture, fhir.size(), missing.size());
        assertThat(noFixture).as("the core person records have test data").doesNotContain("/api/persons/{id}", "/api/pregnancies/{id}",
                "/api/children/{id}", "/api/births/{childId}");
        assertThat(missing).as("reads of a person's record that left no audit row naming her").isEmpty();
    }

    private static final Pattern VAR = Pattern.compile("\\{[^}]+}");

    private static String fill(String pattern, UUID id) {
        Matcher m = VAR.matcher(pattern);
        return m.replaceAll(id.toString());
    }
}
