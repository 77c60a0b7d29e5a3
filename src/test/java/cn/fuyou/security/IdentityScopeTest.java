package cn.fuyou.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.registry.PersonApiTest;
import cn.fuyou.shared.StaffRole;
import cn.fuyou.support.ApiClient;
import cn.fuyou.support.IntegrationTest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Source: issue 15 (examples) — identifiers must not reach records outside the caller's scope: {@code motherId} /
 * {@code partnerId} on registration, a FHIR transaction's Condition on a Patient matched by her document, and a Patient
 * posted with someone's external identifier. Each answered 2xx (and linked, attached or entitled) before the fix.
 */
class IdentityScopeTest extends IntegrationTest {

    @Autowired JdbcClient jdbc;
    @Autowired ApiTokens tokens;
    @Autowired TransactionTemplate tx;

    private String register(ApiClient who, Map<String, Object> form) {
        var r = who.post("/api/persons", form);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("/id");
    }

    private long persons(String idNumber) {
        return jdbc.sql("select count(*) from person where id_number = ?").param(idNumber).query(Long.class).single();
    }

    @Test
    @DisplayName("motherId / partnerId of a person outside the caller's scope: 400 naming the field, nobody registered or linked")
    void linksStayInScope() {
        ApiClient centre = signIn("cqfy-doctor");
        String woman = register(centre, PersonApiTest.woman("甘", "露", null));
        ApiClient stranger = signIn("hc-doctor");
        for (String field : new String[] {"motherId", "partnerId"}) {
            Map<String, Object> form = new HashMap<>(PersonApiTest.woman("甘", "小" + field.charAt(0), null));
            form.put(field, woman);
            var r = stranger.post("/api/persons", form);
            assertThat(r.status()).as(r.toString()).isEqualTo(400);
            assertThat(r.text("/errors/0/field")).isEqualTo(field);
            assertThat(persons((String) form.get("idNumber"))).as("no half-write").isZero();
        }
        assertThat(jdbc.sql("select count(*) from person_link where person_id = ?").param(UUID.fromString(woman)).query(Long.class).single())
                .isZero();
        Map<String, Object> own = new HashMap<>(PersonApiTest.woman("甘", "甜", null));
        own.put("motherId", woman);
        register(centre, own); // her own institution links her
        assertThat(jdbc.sql("select count(*) from person_link where person_id = ? and kind = 'MOTHER_OF'").param(UUID.fromString(woman))
                .query(Long.class).single()).isEqualTo(1);
    }

    private ApiClient emr(String institution) {
        UUID inst = jdbc.sql("select id from institution where code = ?").param(institution).query(UUID.class).single();
        return anonymous().withBearer(tx.execute(s -> tokens.issue("EMR " + institution, inst, StaffRole.CLINICIAN, null)).token());
    }

    private static String bundle(String identifierSystem, String identifierValue, boolean withCondition) {
        String patient = """
                {"fullUrl":"urn:uuid:p1","resource":{"resourceType":"Patient","identifier":[{"system":"%s","value":"%s"}],
                 "name":[{"family":"甘","given":["露"]}],"gender":"female","birthDate":"1994-05-02"},
                 "request":{"method":"POST","url":"Patient"}}""".formatted(identifierSystem, identifierValue);
        String condition = """
                ,{"resource":{"resourceType":"Condition","subject":{"reference":"urn:uuid:p1"},
                 "code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10","code":"O24.4"}]},"onsetDateTime":"2026-05-01"},
                 "request":{"method":"POST","url":"Condition"}}""";
        return "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[" + patient + (withCondition ? condition : "") + "]}";
    }

    private long received(UUID person) {
        return jdbc.sql("select count(*) from received_resource where person_id = ?").param(person).query(Long.class).single()
                + jdbc.sql("select count(*) from received_condition where person_id = ?").param(person).query(Long.class).single();
    }

    @Test
    @DisplayName("FHIR transaction: a Condition for a Patient matched by another institution's woman's ID number is refused (422), nothing stored, the refusal audited")
    void transactionConditionNeedsTheRecord() {
        ApiClient centre = signIn("cqfy-doctor");
        Map<String, Object> form = PersonApiTest.woman("甘", "霖", null);
        UUID woman = UUID.fromString(register(centre, form));
        ApiClient other = emr("CHC-500117-1");
        var r = other.exchange("POST", "/fhir", "application/fhir+json",
                bundle("urn:fuyou:sid:resident-id", (String) form.get("idNumber"), true), "application/fhir+json");
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(received(woman)).isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where person_id = ? and action = 'IMPORT' and outcome = 'DENIED'").param(woman)
                .query(Long.class).single()).as("refusal audited").isEqualTo(1);
        var own = emr("CQHCWC").exchange("POST", "/fhir", "application/fhir+json",
                bundle("urn:fuyou:sid:resident-id", (String) form.get("idNumber"), true), "application/fhir+json");
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(received(woman)).as("her own institution's EMR attaches it").isPositive();
    }

    @Test
    @DisplayName("FHIR: posting a Patient with someone's external identifier grants no entitlement to her existing record")
    void externalIdentifierGrantsNothing() {
        String mrn = "mrn-" + UUID.randomUUID();
        var first = emr("CQHCWC").exchange("POST", "/fhir/Patient", "application/fhir+json",
                "{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\"urn:test:emr\",\"value\":\"" + mrn + "\"}],"
                        + "\"name\":[{\"family\":\"甘\",\"given\":[\"雨\"]}],\"gender\":\"female\",\"birthDate\":\"1991-02-03\"}",
                "application/fhir+json");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        UUID her = jdbc.sql("select id from person where id_type = 'EXTERNAL' and id_number = ?").param("urn:test:emr|" + mrn)
                .query(UUID.class).single();
        ApiClient other = emr("CHC-500117-1");
        var again = other.exchange("POST", "/fhir/Patient", "application/fhir+json",
                "{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\"urn:test:emr\",\"value\":\"" + mrn + "\"}],"
                        + "\"name\":[{\"family\":\"X\",\"given\":[\"Y\"]}],\"gender\":\"female\",\"birthDate\":\"1991-02-03\"}",
                "application/fhir+json");
        assertThat(again.status()).isLessThan(500);
        assertThat(other.exchange("GET", "/fhir/Patient/" + her, null, null, "application/fhir+json").status()).isEqualTo(403);
        assertThat(jdbc.sql("""
                select count(*) from person_institution pi join institution i on i.id = pi.institution_id
                 where pi.person_id = ? and i.code = 'CHC-500117-1'""").param(her).query(Long.class).single()).isZero();
        var tx = other.exchange("POST", "/fhir", "application/fhir+json", bundle("urn:test:emr", mrn, true), "application/fhir+json");
        assertThat(tx.status()).as("a transaction naming her by that identifier is refused too").isEqualTo(422);
        assertThat(received(her)).isZero();
    }
}
