package cn.fuyou.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fuyou.registry.InstitutionType;
import cn.fuyou.shared.StaffRole;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Source: issue 15 §1–2 — the access tables' rules: most specific endpoint wins, deny wins over allow, bad tables refuse to load. */
class AccessPolicyTest {

    static JsonNode json(String s) throws Exception {
        return new ObjectMapper().readTree(s);
    }

    static final String TABLE = """
            {"module":"m","actions":{
               "read":{"allow":["STAFF","TOKEN"],"deny":["*@NURSERY"]},
               "write":{"allow":["CLINICIAN","SYSTEM_ADMIN"],"deny":["CLINICIAN@HEALTH_ADMINISTRATION"]},
               "calc":{"allow":["ANYONE"]}, "demo":{"allow":["DEMO","TOKEN"]}},
             "endpoints":{"GET /api/x/{id}":"read","POST /api/x/{id}":"write","GET /api/x/special":"calc","POST /api/d":"demo"}}""";

    @Test
    @DisplayName("subjects: roles, role at institution type, deny wins; the most specific pattern is chosen; DEMO follows the profile")
    void decisions() throws Exception {
        AccessPolicy p = AccessPolicy.of(List.of(json(TABLE)), false);
        var read = p.match("GET", "/api/x/123").orElseThrow();
        var write = p.match("POST", "/api/x/123").orElseThrow();
        assertThat(p.match("GET", "/api/x/special").orElseThrow().action().name()).isEqualTo("calc");
        assertThat(p.match("HEAD", "/api/x/1").orElseThrow()).isEqualTo(read);
        assertThat(p.match("DELETE", "/api/x/1")).isEmpty();
        var clinician = AccessPolicy.Subject.staff(StaffRole.CLINICIAN, InstitutionType.MCH_HOSPITAL);
        var nursery = AccessPolicy.Subject.staff(StaffRole.CLINICIAN, InstitutionType.NURSERY);
        var commission = AccessPolicy.Subject.staff(StaffRole.CLINICIAN, InstitutionType.HEALTH_ADMINISTRATION);
        var official = AccessPolicy.Subject.staff(StaffRole.REGIONAL_OFFICIAL, InstitutionType.HEALTH_ADMINISTRATION);
        assertThat(p.allows(clinician, read)).isTrue();
        assertThat(p.allows(nursery, read)).isFalse();
        assertThat(p.allows(AccessPolicy.Subject.token(), read)).isTrue();
        assertThat(p.allows(AccessPolicy.Subject.ANONYMOUS, read)).isFalse();
        assertThat(p.allows(clinician, write)).isTrue();
        assertThat(p.allows(commission, write)).isFalse();
        assertThat(p.allows(official, write)).isFalse();
        assertThat(p.allows(AccessPolicy.Subject.ANONYMOUS, p.match("GET", "/api/x/special").orElseThrow())).isTrue();
        var demo = p.match("POST", "/api/d").orElseThrow();
        assertThat(p.allows(AccessPolicy.Subject.ANONYMOUS, demo)).isFalse();
        assertThat(AccessPolicy.of(List.of(json(TABLE)), true).allows(AccessPolicy.Subject.ANONYMOUS, demo)).isTrue();
    }

    @Test
    @DisplayName("issue 12 (follow-up): the mother is a subject of her own; her session is admitted only where a table names MOTHER, "
            + "not by ANYONE or DEMO, and nothing that names staff or tokens admits her")
    void motherIsASubjectConfinedToWhatNamesHer() throws Exception {
        String table = """
                {"module":"mo","actions":{
                   "app":{"allow":["MOTHER"]}, "signin":{"allow":["ANYONE","MOTHER"]}, "pub":{"allow":["ANYONE"]},
                   "demo":{"allow":["DEMO"]}, "read":{"allow":["STAFF","TOKEN"]}, "calc":{"allow":["ANYONE"],"deny":["MOTHER"]}},
                 "endpoints":{"GET /api/mo/me":"app","POST /api/mo/login":"signin","GET /api/pub":"pub","POST /api/demo":"demo",
                              "GET /api/rec/{id}":"read","GET /api/calc":"calc"}}""";
        AccessPolicy p = AccessPolicy.of(List.of(json(table)), true);
        var mother = AccessPolicy.Subject.MOTHER;
        var clinician = AccessPolicy.Subject.staff(StaffRole.CLINICIAN, InstitutionType.MCH_HOSPITAL);
        var app = p.match("GET", "/api/mo/me").orElseThrow();
        assertThat(p.allows(mother, app)).isTrue();
        assertThat(p.allows(clinician, app)).isFalse();
        assertThat(p.allows(AccessPolicy.Subject.token(), app)).isFalse();
        assertThat(p.allows(AccessPolicy.Subject.ANONYMOUS, app)).isFalse();
        assertThat(p.allows(mother, p.match("POST", "/api/mo/login").orElseThrow())).isTrue();
        assertThat(p.allows(AccessPolicy.Subject.ANONYMOUS, p.match("POST", "/api/mo/login").orElseThrow())).isTrue();
        assertThat(p.allows(mother, p.match("GET", "/api/pub").orElseThrow())).as("ANYONE does not open to her session").isFalse();
        assertThat(p.allows(clinician, p.match("GET", "/api/pub").orElseThrow())).isTrue();
        assertThat(p.allows(mother, p.match("POST", "/api/demo").orElseThrow())).as("nor does DEMO").isFalse();
        assertThat(p.allows(AccessPolicy.Subject.ANONYMOUS, p.match("POST", "/api/demo").orElseThrow())).isTrue();
        assertThat(p.allows(mother, p.match("GET", "/api/rec/1").orElseThrow())).isFalse();
        assertThat(p.allows(AccessPolicy.Subject.ANONYMOUS, p.match("GET", "/api/calc").orElseThrow())).as("deny MOTHER leaves others").isTrue();
    }

    @Test
    @DisplayName("a table naming an unknown action, role or institution type, a malformed endpoint or an endpoint in two tables refuses to load")
    void badTables() {
        assertThatThrownBy(() -> AccessPolicy.of(List.of(json("{\"module\":\"a\",\"actions\":{},\"endpoints\":{\"GET /x\":\"nope\"}}")), false))
                .hasMessageContaining("unknown action");
        assertThatThrownBy(() -> AccessPolicy.of(List.of(json("{\"module\":\"a\",\"actions\":{\"r\":{\"allow\":[\"DOCTOR\"]}},\"endpoints\":{}}")), false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccessPolicy.of(List.of(json("{\"module\":\"a\",\"actions\":{\"r\":{\"allow\":[\"*@SHOP\"]}},\"endpoints\":{}}")), false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccessPolicy.of(List.of(json("{\"module\":\"a\",\"actions\":{\"r\":{\"allow\":[\"STAFF\"]}},\"endpoints\":{\"/x\":\"r\"}}")), false))
                .hasMessageContaining("METHOD /path");
        assertThatThrownBy(() -> AccessPolicy.of(List.of(json(TABLE), json(TABLE.replace("\"m\"", "\"n\""))), false))
                .hasMessageContaining("in two access tables");
    }

    @Test
    @DisplayName("the shipped tables load and every action's subjects are valid")
    void shippedTablesLoad() {
        AccessPolicy p = AccessPolicy.load(false);
        assertThat(p.endpoints()).hasSizeGreaterThan(300);
    }
}
