package cn.fuyou.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.method.BaseMethodBinding;
import ca.uhn.fhir.rest.server.method.OperationMethodBinding;
import cn.fuyou.registry.InstitutionType;
import cn.fuyou.registry.StaffAccounts;
import cn.fuyou.shared.StaffRole;
import cn.fuyou.support.ApiClient;
import cn.fuyou.support.IntegrationTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Source: issue 15 §2 — the access matrix. Every endpoint the running application serves (Spring MVC's
 * {@link RequestMappingHandlerMapping}, every FHIR interaction and operation bound in HAPI's RestfulServer, the
 * other servlets under /fhir) × every kind of caller is called over HTTP, and the answer is compared with the
 * module's table in {@code access/<module>.json}: allowed by the table ⇔ the request gets past the policy check
 * (whatever the service then says about the record: 400/404/409…), refused ⇔ 401 (not signed in) or 403
 * {@code code=access-policy}. An endpoint that no table lists fails the first test with a ready-to-paste list.
 * Table-independent rules are checked on the observed answers too (anonymous only on public paths, officials and
 * nursery staff write nothing clinical, admin paths only for admins), so a wrong table fails as well.
 * Requests carry random ids and an unparseable body: they reach no record, so the matrix writes nothing (but the
 * audit rows of the mother's refused attempts, issue 12). The mother's app session is one of the callers (subject
 * {@code MOTHER}), checked against the tables like every other, and additionally against what her app calls.
 */
class AccessMatrixTest extends IntegrationTest {

    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mvc;
    @Autowired ApplicationContext context;
    @Autowired AccessPolicy policy;
    @Autowired JdbcClient jdbc;
    @Autowired StaffAccounts staff;
    @Autowired PasswordEncoder encoder;
    @Autowired ApiTokens tokens;
    @Autowired TransactionTemplate tx;

    /** Paths the security layer serves without sign-in by design (calculators, directory, sign-in, FHIR metadata, CDS discovery). */
    static final List<String> PUBLIC_PREFIXES = List.of("GET /api/auth/", "POST /api/auth/", "GET /api/calculators/", "POST /api/calculators/",
            "GET /api/growth/curves", "GET /api/network/critical-care-centres", "GET /fhir/metadata", "GET /cds-services", "POST /api/mother/auth/",
            "POST /cds-services/" /* demo profile only: ProductionConfigSecurityTest shows 401 outside it */);

    record Endpoint(String method, String pattern) implements Comparable<Endpoint> {
        String key() { return method + " " + pattern; }
        public int compareTo(Endpoint o) { return key().compareTo(o.key()); }
    }

    /** A kind of caller; {@code signIn} (re)starts its session on its client (nothing for a token or anonymous). */
    record Caller(String name, AccessPolicy.Subject subject, ApiClient client, Consumer<ApiClient> signIn) {}

    /** The sign-out endpoints: called last, then every caller signs in again. */
    static final Set<String> SIGN_OUTS = Set.of("POST /api/auth/logout", "POST /api/mother/auth/logout");
    /** What the mother's app calls (web/m/api.ts): her session must reach nothing else, whatever a table says. */
    static final List<String> HER_APP = List.of("/api/mother/", "GET /api/growth/curves");

    // ---- enumeration ------------------------------------------------------------------------------

    /** Every endpoint of the running application under /api, /fhir and /cds-services. */
    Set<Endpoint> endpoints() {
        Set<Endpoint> all = new TreeSet<>();
        mvc.getHandlerMethods().forEach((info, method) -> {
            var patterns = info.getPathPatternsCondition() == null ? Set.<String>of() : info.getPatternValues();
            var methods = info.getMethodsCondition().getMethods();
            for (String p : patterns) {
                if (methods.isEmpty()) {
                    assertThat(protectedPath(p)).as("endpoint %s (%s) answers every HTTP method", p, method).isFalse();
                    continue;
                }
                for (var m : methods) all.add(new Endpoint(m.name(), p));
            }
        });
        // the FHIR servlet initialises after the ready line (fhir.internal.FhirServerWarmUp) or on its first request: one
        // request first (waiting for that initialisation if it is under way), so that all its bindings are there to list
        assertThat(anonymous().getBytes("/fhir/metadata").statusCode()).isEqualTo(200);
        for (ServletRegistrationBean<?> bean : context.getBeansOfType(ServletRegistrationBean.class).values()) {
            if (bean.getServlet() instanceof RestfulServer fhir) {
                fhir.getResourceBindings().forEach(rb -> rb.getMethodBindings().forEach(mb -> fhirEndpoints(rb.getResourceName(), mb, all)));
                fhir.getServerBindings().forEach(mb -> fhirEndpoints(null, mb, all));
                all.add(new Endpoint("GET", "/fhir")); // paging links (_getpages) come back to the base
                all.add(new Endpoint("GET", "/fhir/metadata")); // HAPI serves the CapabilityStatement itself
            } else {
                for (String url : bean.getUrlMappings()) {
                    if (protectedPath(url)) all.add(new Endpoint("GET", url.replace("/*", "/{id}")));
                }
            }
        }
        return all.stream().filter(e -> protectedPath(e.pattern())).collect(Collectors.toCollection(TreeSet::new));
    }

    static boolean protectedPath(String p) {
        return p.startsWith("/api/") || p.equals("/fhir") || p.startsWith("/fhir/") || p.startsWith("/cds-services");
    }

    private static void fhirEndpoints(String type, BaseMethodBinding mb, Set<Endpoint> out) {
        String base = "/fhir" + (type == null ? "" : "/" + type);
        RestOperationTypeEnum op = mb.getRestOperationType();
        switch (op) {
            case READ -> out.add(new Endpoint("GET", base + "/{id}"));
            case VREAD -> out.add(new Endpoint("GET", base + "/{id}/_history/{version}"));
            case SEARCH_TYPE, SEARCH_SYSTEM -> {
                out.add(new Endpoint("GET", base));
                out.add(new Endpoint("POST", base + "/_search"));
            }
            case CREATE -> out.add(new Endpoint("POST", base));
            case UPDATE -> out.add(new Endpoint("PUT", base + "/{id}"));
            case DELETE -> out.add(new Endpoint("DELETE", base + "/{id}"));
            case PATCH -> out.add(new Endpoint("PATCH", base + "/{id}"));
            case TRANSACTION, BATCH -> out.add(new Endpoint("POST", "/fhir"));
            case METADATA -> out.add(new Endpoint("GET", "/fhir/metadata"));
            case GET_PAGE -> out.add(new Endpoint("GET", "/fhir"));
            case EXTENDED_OPERATION_INSTANCE, EXTENDED_OPERATION_TYPE, EXTENDED_OPERATION_SERVER -> {
                OperationMethodBinding o = (OperationMethodBinding) mb;
                List<String> at = new ArrayList<>();
                if (o.isCanOperateAtInstanceLevel()) at.add(base + "/{id}/" + o.getName());
                if (o.isCanOperateAtTypeLevel()) at.add(base + "/" + o.getName());
                if (o.isCanOperateAtServerLevel()) at.add("/fhir/" + o.getName());
                for (String p : at) {
                    out.add(new Endpoint("POST", p));
                    if (o.isIdempotent()) out.add(new Endpoint("GET", p));
                }
            }
            default -> throw new AssertionError("FHIR interaction " + op + " on " + base + ": add its endpoint shape to AccessMatrixTest");
        }
    }

    // ---- the tests ---------------------------------------------------------------------------------

    @Test
    @DisplayName("every endpoint (UI API, FHIR, CDS Hooks, bulk export) is in exactly one module's access table, and the tables list no endpoint that does not exist")
    void everyEndpointHasAPolicy() {
        Set<Endpoint> served = endpoints();
        Set<String> unclassified = served.stream().map(Endpoint::key).filter(k -> policy.endpoint(k).isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(unclassified).as("""
                endpoints without an access policy. Declare each in its module's src/main/resources/access/<module>.json \
                ("endpoints": {"METHOD /path": "<action>"}, see README "Access policy"); unclassified:
                %s""", unclassified.stream().map(k -> "    \"" + k + "\": \"?\",").collect(Collectors.joining("\n"))).isEmpty();
        Set<String> servedKeys = served.stream().map(Endpoint::key).collect(Collectors.toSet());
        assertThat(new TreeSet<>(policy.endpoints().keySet())).as("table entries that match no served endpoint (renamed or removed?)")
                .allMatch(servedKeys::contains);
        System.out.printf("access matrix: %d endpoints served, %d in the tables%n", served.size(), policy.endpoints().size());
    }

    @Test
    @DisplayName("every endpoint × every kind of caller answers as its module's table says (and table-independent rules hold)")
    void matrix() {
        List<Caller> callers = callers();
        Set<Endpoint> served = endpoints();
        List<String> wrong = new ArrayList<>();
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, Set<String>> allowedWrites = new LinkedHashMap<>();
        List<Endpoint> ordered = new ArrayList<>(served);
        ordered.sort((a, b) -> Boolean.compare(SIGN_OUTS.contains(a.key()), SIGN_OUTS.contains(b.key())));
        int cells = 0;
        for (Endpoint e : ordered) {
            AccessPolicy.Endpoint rule = policy.endpoint(e.key()).orElse(null);
            if (rule == null) continue; // reported by everyEndpointHasAPolicy
            for (Caller c : callers) {
                cells++;
                boolean expected = policy.allows(c.subject(), rule);
                ApiClient.Response r = call(c.client(), e);
                boolean refused = (r.status() == 401 && !ANSWERS_401_ITSELF.contains(e.key())) || (r.status() == 403 && r.text("/code").startsWith("access-policy"));
                if (r.status() == 401 && c.subject().kind() != AccessPolicy.Subject.Kind.ANONYMOUS) {
                    wrong.add(c.name() + " " + e.key() + ": 401 for a signed-in caller");
                }
                if (r.status() >= 500) wrong.add(c.name() + " " + e.key() + ": " + r.status() + " " + r.body());
                if (expected == refused) {
                    wrong.add(c.name() + " " + e.key() + ": table says " + (expected ? "allow" : "deny") + ", got " + r.status() + " "
                            + r.text("/code"));
                }
                counts.merge((refused ? "denied" : "allowed"), 1, Integer::sum);
                if (!refused && !e.method().equals("GET")) allowedWrites.computeIfAbsent(c.name(), k -> new TreeSet<>()).add(e.key());
                if (!refused && c.subject().kind() == AccessPolicy.Subject.Kind.ANONYMOUS) {
                    if (PUBLIC_PREFIXES.stream().noneMatch(e.key()::startsWith)) wrong.add("anonymous reaches non-public " + e.key());
                }
                if (!refused && (e.pattern().startsWith("/api/admin/") || e.pattern().startsWith("/api/audit"))
                        && !(c.subject().kind() == AccessPolicy.Subject.Kind.STAFF && c.subject().role().isAdmin())) {
                    wrong.add(c.name() + " reaches admin endpoint " + e.key());
                }
                if (!refused && c.subject().kind() == AccessPolicy.Subject.Kind.MOTHER
                        && HER_APP.stream().noneMatch(p -> e.pattern().startsWith(p) || e.key().equals(p))) {
                    wrong.add("the mother's session reaches " + e.key() + " outside her app");
                }
            }
            if (SIGN_OUTS.contains(e.key())) callers.forEach(c -> c.signIn().accept(c.client()));
        }
        // table-independent rules over what was observed
        for (String official : List.of("district official", "city official")) {
            for (String w : allowedWrites.getOrDefault(official, Set.of())) {
                var a = policy.endpoint(w).orElseThrow().action();
                if (!a.oversight() && !READ_ONLY_POSTS.contains(a.key())) wrong.add(official + " may write " + w + " (" + a.key() + ")");
            }
        }
        for (String w : allowedWrites.getOrDefault("nursery staff", Set.of())) {
            var a = policy.endpoint(w).orElseThrow().action();
            if (!a.key().equals("childhealth:nursery-manage") && !READ_ONLY_POSTS.contains(a.key())) wrong.add("nursery staff may write " + w);
        }
        for (String w : allowedWrites.getOrDefault("institution admin", Set.of())) {
            var a = policy.endpoint(w).orElseThrow().action();
            if (!ADMIN_WRITES.contains(a.key()) && !a.oversight() && !READ_ONLY_POSTS.contains(a.key())) {
                wrong.add("institution admin may write clinical " + w + " (" + a.key() + ")");
            }
        }
        System.out.printf("access matrix: %d endpoints × %d callers = %d cells (%s)%n", served.size(), callers.size(), cells, counts);
        assertThat(wrong).as("cells that disagree with the access tables or the rules (%d of %d)", wrong.size(), cells).isEmpty();
        assertThat(cells).isGreaterThan(150 * callers.size());
    }

    /** "Who am I" answers 401 itself when nobody is signed in: its answer, not the policy's refusal. */
    static final Set<String> ANSWERS_401_ITSELF = Set.of("GET /api/auth/me");
    /** POSTs that write no record (sign-in, calculators, FHIR search by POST, CDS calls). */
    static final Set<String> READ_ONLY_POSTS = Set.of("security:sign-in", "maternal:calculate", "childhealth:calculate",
            "criticalcare:calculate", "defects:calculate", "art:calculate", "fhir:read", "fhir:cds-call", "mother:sign-in");
    /** What an institution admin may write: her accounts, her institution, certificate stock, her nursery, her staff's training (issue 13). */
    static final Set<String> ADMIN_WRITES = Set.of("security:manage-staff", "registry:edit-institution", "births:certificate-stock",
            "childhealth:nursery-manage", "training:write",
            "education:edit" /* the library's content, published by its editors (EditorPolicy), no one's record */);

    // ---- callers and calls -------------------------------------------------------------------------

    private List<Caller> callers() {
        ensureStaff("mx-chnurse", "CHC-500117-1", StaffRole.MIDWIFE_NURSE);
        ensureStaff("mx-nursery", "NUR-1", StaffRole.MIDWIFE_NURSE);
        List<Caller> out = new ArrayList<>();
        Map<String, String> users = new LinkedHashMap<>();
        users.put("clinician, own institution", "cqfy-doctor");
        users.put("clinician, other institution", "hc-doctor");
        users.put("midwife", "cqfy-midwife");
        users.put("child-health nurse", "mx-chnurse");
        users.put("nursery staff", "mx-nursery");
        users.put("institution admin", "cqfy-admin");
        users.put("system admin", "admin");
        users.put("district official", "official-jb");
        users.put("city official", "official-cq");
        users.forEach((name, user) -> out.add(new Caller(name, subjectOf(user), signIn(user), c -> c.login(user, "Demo@2026"))));
        UUID inst = jdbc.sql("select id from institution where code = 'CQHCWC'").query(UUID.class).single();
        String token = tx.execute(s -> tokens.issue("access matrix EMR", inst, StaffRole.CLINICIAN, null)).token();
        out.add(new Caller("integration token", AccessPolicy.Subject.token(), anonymous().withBearer(token), c -> {}));
        // issue 12: a woman signed in to her app (a demo account), one more caller of the same tables
        Consumer<ApiClient> motherSignIn = c -> assertThat(c.post("/api/mother/auth/login",
                Map.of("idNumber", MOTHER_ID_NUMBER, "password", "Demo@2026")).status()).as("the demo mother signs in").isEqualTo(200);
        ApiClient mother = anonymous();
        mother.get("/api/mother/me"); // the XSRF cookie first, as her app gets it
        motherSignIn.accept(mother);
        out.add(new Caller("mother", AccessPolicy.Subject.MOTHER, mother, motherSignIn));
        ApiClient anon = anonymous();
        anon.get("/api/auth/me"); // the XSRF cookie, as the UI gets it before its first write
        out.add(new Caller("anonymous", AccessPolicy.Subject.ANONYMOUS, anon, c -> {}));
        return out;
    }

    /** A demo mother with an activated account (mother.internal.DemoMothers). */
    static final String MOTHER_ID_NUMBER = "50010319950812026X";

    private AccessPolicy.Subject subjectOf(String user) {
        var row = jdbc.sql("select s.role, i.type from staff_user s left join institution i on i.id = s.institution_id where s.username = ?")
                .param(user).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        return AccessPolicy.Subject.staff(StaffRole.valueOf(row[0]), row[1] == null ? null : InstitutionType.valueOf(row[1]));
    }

    private void ensureStaff(String user, String institution, StaffRole role) {
        boolean exists = jdbc.sql("select count(*) from staff_user where username = ?").param(user).query(Long.class).single() > 0;
        if (!exists) {
            tx.executeWithoutResult(s -> staff.create(new StaffAccounts.NewAccount(user, encoder.encode("Demo@2026"), "matrix " + user,
                    institution, role, null)));
        }
    }

    private static final Pattern VAR = Pattern.compile("\\{([^}]+)}");

    /** Random ids (no record is reached) and an unparseable body (nothing can be written). */
    static String path(String pattern) {
        Matcher m = VAR.matcher(pattern);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String v = switch (m.group(1)) {
                case "code" -> "ZZ-NONE";
                case "number" -> "X000000000";
                case "username" -> "no-such-user";
                case "version" -> "1";
                default -> UUID.randomUUID().toString();
            };
            m.appendReplacement(b, Matcher.quoteReplacement(v));
        }
        m.appendTail(b);
        return b.toString();
    }

    static ApiClient.Response call(ApiClient c, Endpoint e) {
        boolean fhir = e.pattern().startsWith("/fhir");
        String body = e.method().equals("GET") || e.method().equals("DELETE") ? null : "[";
        String type = body == null ? null : fhir ? "application/fhir+json" : "application/json";
        return c.exchange(e.method(), path(e.pattern()), type, body, fhir ? "application/fhir+json" : "application/json");
    }
}
