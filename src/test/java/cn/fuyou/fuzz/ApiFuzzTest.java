package cn.fuyou.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.support.IntegrationTest;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Source: issue 15 §3 — coverage-guided fuzzing (Jazzer, in-process: the server's classes are
 * instrumented) of the JSON APIs, the FHIR parser and transaction path, FHIR search and update,
 * and the calculators over HTTP, as an integration EMR (bearer token) would call them. For every
 * input: no 5xx, no exception text or SQL in the answer, no partial write when refused, and an
 * answer within 10 s (after warm-up). CI fuzzes {@code #fuzz} for a short while (pom: fuzz-api); README "Fuzzing"
 * gives the long run. Inputs that once failed are kept under src/test/resources (regression).
 */
class ApiFuzzTest extends IntegrationTest {

    static final AtomicLong EXECUTIONS = new AtomicLong();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TRICKY = List.of("", " ", "\u0000", "a\u0000b", "1985", "1985-03", "+999999999-12-31", "-999999999-01-01",
            "2026-02-30", "0000-01-01", "9999-12-31", "2026-06-01", "1990-03-07", "1e400", "-1", "NaN", "null", "true", "[]", "{}",
            "W/\"abc\"", "W/\"1\"", "99999999999999999999", "🙂", "\uD800", "李秀英", "500112199203151248", "110101199003070028",
            "' or 1=1 --", "%00", "../../etc/passwd", "x".repeat(5000));

    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired cn.fuyou.security.ApiTokens tokens;
    @Autowired @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mvc;

    /** A write endpoint of the UI API and the field names of its JSON body (a record's components), from the handler mapping. */
    record WriteEndpoint(String method, String pattern, List<String> fields) {}

    private List<WriteEndpoint> writes;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;
    private UUID ownWoman;
    private UUID ownPregnancy;

    private void init() {
        if (token != null) return;
        // the server under test and its database are on this machine: Jazzer's SSRF detector allows those connections only
        com.code_intelligence.jazzer.api.BugDetectors.allowNetworkConnections(
                (host, p) -> host.equals("localhost") || host.equals("127.0.0.1") || host.equals("::1") || host.equals("0:0:0:0:0:0:0:1"));
        UUID inst = jdbc.sql("select id from institution where code = 'CQHCWC'").query(UUID.class).single();
        token = tx.execute(s -> tokens.issue("fuzz EMR", inst, cn.fuyou.shared.StaffRole.CLINICIAN, null)).token();
        ownPregnancy = jdbc.sql("select id from pregnancy where status = 'OPEN' and registered_institution_id = ? limit 1").param(inst)
                .query(UUID.class).optional().orElse(null);
        ownWoman = jdbc.sql("select person_id from person_institution where institution_id = ? limit 1").param(inst).query(UUID.class).single();
        writes = new java.util.ArrayList<>();
        mvc.getHandlerMethods().forEach((info, handler) -> {
            for (String p : info.getPatternValues()) {
                for (var m : info.getMethodsCondition().getMethods()) {
                    if ((m.name().equals("POST") || m.name().equals("PUT")) && p.startsWith("/api/") && !p.startsWith("/api/auth/")) {
                        writes.add(new WriteEndpoint(m.name(), p, bodyFields(handler)));
                    }
                }
            }
        });
        writes.sort(java.util.Comparator.comparing(w -> w.method() + w.pattern()));
    }

    private static List<String> bodyFields(org.springframework.web.method.HandlerMethod h) {
        for (var param : h.getMethodParameters()) {
            if (param.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestBody.class)) {
                Class<?> type = param.getParameterType();
                if (type.isRecord()) return java.util.Arrays.stream(type.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName).toList();
                return List.of("id", "version", "reason", "name", "date");
            }
        }
        return List.of();
    }

    /** Any write endpoint of the UI API (enumerated, so new modules' endpoints are fuzzed too) with a fuzzed JSON body. */
    private void anyWrite(FuzzedDataProvider in) throws Exception {
        WriteEndpoint w = writes.get(in.consumeInt(0, writes.size() - 1));
        Map<String, Object> body = new LinkedHashMap<>();
        for (String f : w.fields()) if (in.consumeBoolean()) body.put(f, value(in));
        String path = w.pattern().replaceAll("\\{code}", in.pickValue(List.of("CQHCWC", "NUR-1", "ZZ"))).replaceAll("\\{[^}]+}",
                in.consumeBoolean() ? String.valueOf(ownPregnancy) : UUID.randomUUID().toString());
        write(w.method(), path, in.consumeBoolean() ? json(body) : in.consumeRemainingAsString(), Map.of());
    }

    private long rows() {
        return jdbc.sql("""
                select (select count(*) from person) + (select count(*) from pregnancy) + (select count(*) from antenatal_contact)
                     + (select count(*) from person_link) + (select count(*) from received_condition)""").query(Long.class).single();
    }

    /** The long run (README "Fuzzing"): the same target for an hour. */
    @FuzzTest(maxDuration = "1h")
    void fuzzLong(FuzzedDataProvider in) throws Exception {
        fuzz(in);
    }

    @FuzzTest(maxDuration = "60s")
    void fuzz(FuzzedDataProvider in) throws Exception {
        init();
        EXECUTIONS.incrementAndGet();
        switch (in.consumeInt(0, 13)) {
            case 12, 13 -> anyWrite(in);
            case 0 -> write("POST", "/api/persons", json(person(in)), Map.of());
            case 1 -> write("POST", "/api/pregnancies", json(pregnancy(in)), Map.of());
            case 2 -> write("POST", "/api/pregnancies/" + (in.consumeBoolean() ? ownPregnancy : UUID.randomUUID()) + "/contacts", json(contact(in)), Map.of());
            case 3 -> read("/api/persons?q=" + enc(value(in).toString()) + "&page=" + enc(value(in).toString()) + "&size=" + enc(value(in).toString()));
            case 4 -> read("/api/maternal/worklist?kind=" + enc(value(in).toString()) + "&colour=" + enc(value(in).toString())
                    + "&page=" + in.consumeInt() + "&size=" + in.consumeInt(-5, 500));
            case 5 -> write("POST", "/api/calculators/pregnancy-risk", json(Map.of("ageYears", value(in), "heightCm", value(in),
                    "prePregnancyWeightKg", value(in), "factors", List.of(value(in)), "birthDate", value(in))), Map.of());
            case 6 -> write("POST", "/api/calculators/gestational-age", json(Map.of("lmp", value(in), "onDate", value(in),
                    "ultrasound", Map.of("date", value(in), "crlMm", value(in)))), Map.of());
            case 7 -> write("POST", "/api/calculators/growth", json(Map.of("sex", in.pickValue(List.of("male", "female", "x")),
                    "birthDate", value(in), "measurementDate", value(in), "weightKg", value(in), "lengthCm", value(in))), Map.of());
            case 8 -> write("POST", "/fhir", bundle(in), Map.of());
            case 9 -> write("PUT", "/fhir/Patient/" + (in.consumeBoolean() ? ownWoman : enc(in.consumeString(40))), patient(in),
                    Map.of("If-Match", value(in).toString().replaceAll("[\\r\\n\\u0000]", "")));
            case 10 -> read("/fhir/Patient?birthdate=" + enc(value(in).toString()) + "&name=" + enc(value(in).toString())
                    + "&identifier=" + enc(value(in).toString()) + "&_count=" + in.consumeInt());
            default -> write("POST", in.pickValue(List.of("/api/persons", "/api/pregnancies", "/fhir", "/fhir/Patient",
                    "/api/calculators/pregnancy-risk", "/cds-services/fuyou-pregnancy-risk")), in.consumeRemainingAsString(), Map.of());
        }
    }

    // ---- inputs ------------------------------------------------------------------------------

    private static Object value(FuzzedDataProvider in) {
        return switch (in.consumeInt(0, 6)) {
            case 0 -> in.pickValue(TRICKY);
            case 1 -> in.consumeString(40);
            case 2 -> in.consumeInt();
            case 3 -> in.consumeLong();
            case 4 -> in.consumeDouble();
            case 5 -> in.consumeBoolean();
            default -> in.consumeAsciiString(12);
        };
    }

    private Map<String, Object> person(FuzzedDataProvider in) {
        Map<String, Object> m = new LinkedHashMap<>(Map.of("familyName", "测", "givenName", "试", "sex", "F", "birthDate", "1990-03-07",
                "idType", "RESIDENT_ID", "idNumber", "110101199003070028"));
        mutate(in, m, List.of("familyName", "givenName", "sex", "birthDate", "idType", "idNumber", "nationality", "phone",
                "addressAreaCode", "addressText", "motherId", "partnerId", "confirmNotDuplicate", "version"));
        if (in.consumeBoolean()) m.put("motherId", in.consumeBoolean() ? ownWoman : UUID.randomUUID());
        return m;
    }

    private Map<String, Object> pregnancy(FuzzedDataProvider in) {
        Map<String, Object> m = new LinkedHashMap<>(Map.of("womanId", in.consumeBoolean() ? ownWoman : UUID.randomUUID(), "gravida", 1,
                "para", 0, "lmp", "2026-06-01"));
        mutate(in, m, List.of("womanId", "gravida", "para", "lmp", "registeredOn", "heightCm", "prePregnancyWeightKg", "fetusCount",
                "lastBirthDate", "historyNotes", "partnerId"));
        return m;
    }

    private Map<String, Object> contact(FuzzedDataProvider in) {
        Map<String, Object> m = new LinkedHashMap<>(Map.of("date", "2026-06-01"));
        mutate(in, m, List.of("date", "weightKg", "systolicMmHg", "diastolicMmHg", "hemoglobinGPerL", "factors", "notes", "version"));
        return m;
    }

    private static void mutate(FuzzedDataProvider in, Map<String, Object> m, List<String> fields) {
        int n = in.consumeInt(0, 4);
        for (int i = 0; i < n; i++) {
            String f = in.pickValue(fields);
            if (in.consumeInt(0, 9) == 0) m.remove(f);
            else m.put(f, value(in));
        }
    }

    private String bundle(FuzzedDataProvider in) throws Exception {
        String ref = "urn:uuid:" + UUID.randomUUID();
        Map<String, Object> patient = new LinkedHashMap<>(Map.of("resourceType", "Patient",
                "identifier", List.of(Map.of("system", "urn:fuzz", "value", "fz-" + UUID.randomUUID())),
                "name", List.of(Map.of("family", "Fuzz", "given", List.of("Test"))), "gender", "female", "birthDate", "1990-01-01"));
        mutate(in, patient, List.of("identifier", "name", "gender", "birthDate", "address", "telecom", "meta"));
        Map<String, Object> condition = new LinkedHashMap<>(Map.of("resourceType", "Condition", "subject", Map.of("reference", ref),
                "code", Map.of("coding", List.of(Map.of("system", "http://hl7.org/fhir/sid/icd-10", "code", "O24.4"))),
                "onsetDateTime", "2026-05-01"));
        mutate(in, condition, List.of("subject", "code", "onsetDateTime", "abatementDateTime", "clinicalStatus"));
        Map<String, Object> observation = new LinkedHashMap<>(Map.of("resourceType", "Observation", "status", "final", "subject", Map.of("reference", ref),
                "code", Map.of("coding", List.of(Map.of("system", "http://loinc.org", "code", "718-7"))), "effectiveDateTime", "2026-05-01",
                "valueQuantity", Map.of("value", 95, "unit", "g/L")));
        mutate(in, observation, List.of("subject", "code", "effectiveDateTime", "valueQuantity", "status"));
        var entries = new java.util.ArrayList<Map<String, Object>>();
        entries.add(Map.of("fullUrl", ref, "resource", patient, "request", Map.of("method", "POST", "url", "Patient")));
        if (in.consumeBoolean()) entries.add(Map.of("resource", condition, "request", Map.of("method", "POST", "url", "Condition")));
        if (in.consumeBoolean()) entries.add(Map.of("resource", observation, "request", Map.of("method", "POST", "url", "Observation")));
        Map<String, Object> b = new LinkedHashMap<>(Map.of("resourceType", "Bundle", "type", in.consumeBoolean() ? "transaction" : value(in), "entry", entries));
        return json(b);
    }

    private String patient(FuzzedDataProvider in) throws Exception {
        Map<String, Object> p = new LinkedHashMap<>(Map.of("resourceType", "Patient", "id", String.valueOf(ownWoman),
                "meta", Map.of("versionId", value(in).toString()), "gender", "female", "birthDate", value(in),
                "name", List.of(Map.of("family", value(in), "given", List.of(value(in))))));
        mutate(in, p, List.of("meta", "gender", "birthDate", "name", "identifier"));
        return json(p);
    }

    private static String json(Object o) throws Exception {
        return JSON.writeValueAsString(o);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ---- oracle ------------------------------------------------------------------------------

    private void read(String path) throws Exception {
        check(send("GET", path, null, Map.of()), path);
    }

    private void write(String method, String path, String body, Map<String, String> headers) throws Exception {
        long before = rows();
        long t0 = System.nanoTime();
        var r = send(method, path, body, headers);
        if (EXECUTIONS.get() % 500 == 0) System.out.println("api fuzz: " + EXECUTIONS.get() + " executions");
        // bounded time, once the server's classes are loaded and instrumented (the first inputs pay for that)
        if (EXECUTIONS.get() > 100) assertThat((System.nanoTime() - t0) / 1_000_000).as("ms for " + path).isLessThan(10_000);
        check(r, method + " " + path + " " + body);
        if (r.statusCode() >= 400) assertThat(rows()).as("refused " + path + " but wrote: " + body).isEqualTo(before);
    }

    private HttpResponse<String> send(String method, String path, String body, Map<String, String> headers) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", path.startsWith("/fhir") ? "application/fhir+json" : "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach((k, v) -> {
            if (!v.isEmpty() && v.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) b.header(k, v);
        });
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void check(HttpResponse<String> r, String what) {
        assertThat(r.statusCode()).as("5xx for " + what + " → " + r.body()).isLessThan(500);
        assertThat(r.body()).as("leaks internals: " + what).doesNotContain("org.postgresql").doesNotContain("PSQLException")
                .doesNotContain("SQL state").doesNotContain("\tat ").doesNotContain("ERROR: ");
    }
}
