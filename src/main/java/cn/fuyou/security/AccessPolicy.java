package cn.fuyou.security;

import cn.fuyou.registry.InstitutionType;
import cn.fuyou.shared.StaffRole;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Issue 15 §1–2: who may call which endpoint, as data — one table per module under
 * {@code src/main/resources/access/<module>.json}:
 *
 * <pre>
 * { "module": "maternal",
 *   "actions": {
 *     "read":  { "allow": ["STAFF", "TOKEN"], "deny": ["*&#64;NURSERY"] },
 *     "write": { "allow": ["CLINICIAN", "MIDWIFE_NURSE", "SYSTEM_ADMIN", "TOKEN"],
 *                "deny": ["*&#64;NURSERY", "*&#64;HEALTH_ADMINISTRATION"] },
 *     "review": { "allow": ["REGIONAL_OFFICIAL", ...], "oversight": true } },
 *   "endpoints": { "GET /api/pregnancies/{id}": "read", "POST /api/pregnancies": "write", ... } }
 * </pre>
 *
 * An endpoint is the HTTP method and the path pattern exactly as the controller maps it (for FHIR:
 * {@code GET /fhir/Patient/{id}}, {@code POST /fhir} …). Subjects: {@code ANYONE} (also not signed in),
 * {@code DEMO} (anyone while the demo profile is on), {@code STAFF} (any signed-in staff member),
 * {@code TOKEN} (an integration token or CDS client), {@code MOTHER} (a woman signed in to her own app, issue 12),
 * a role ({@code CLINICIAN}), a role at an institution type ({@code CLINICIAN@NURSERY},
 * {@code *@HEALTH_ADMINISTRATION}). Deny wins over allow. A mother's session is confined to her app: only an
 * entry naming {@code MOTHER} admits her — not {@code ANYONE} or {@code DEMO}, so a public endpoint added later
 * does not open to her session by default. This decides
 * what a role may do to a record kind; each service still checks the caller's right to the target record
 * (institution entitlement, referral, area), which the table cannot know. {@code oversight: true} marks the
 * only writes officials may be given. Pure: no Spring beans, loaded once.
 */
public final class AccessPolicy {

    /** Who is calling, as far as the table is concerned. */
    public record Subject(Kind kind, StaffRole role, InstitutionType institutionType) {
        public enum Kind { ANONYMOUS, TOKEN, STAFF, MOTHER }

        /** The authority a mother's app session carries (her principal is not a staff Actor). */
        public static final String MOTHER_AUTHORITY = "ROLE_MOTHER";

        public static final Subject ANONYMOUS = new Subject(Kind.ANONYMOUS, null, null);
        public static final Subject MOTHER = new Subject(Kind.MOTHER, null, null);

        public static Subject token() {
            return new Subject(Kind.TOKEN, null, null);
        }

        public static Subject staff(StaffRole role, InstitutionType type) {
            return new Subject(Kind.STAFF, role, type);
        }
    }

    public record Action(String module, String name, List<String> allow, List<String> deny, boolean oversight) {
        public String key() {
            return module + ":" + name;
        }
    }

    public record Endpoint(String method, String pattern, Action action) {
        public String key() {
            return method + " " + pattern;
        }
    }

    private static final PathPatternParser PARSER = new PathPatternParser();
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private final Map<String, Endpoint> endpoints;
    private final List<Matcher> matchers;
    private final boolean demo;

    private record Matcher(String method, PathPattern pattern, Endpoint endpoint) {}

    private AccessPolicy(Map<String, Endpoint> endpoints, boolean demo) {
        this.endpoints = Collections.unmodifiableMap(endpoints);
        this.demo = demo;
        List<Matcher> m = new ArrayList<>();
        endpoints.values().forEach(e -> m.add(new Matcher(e.method(), PARSER.parse(e.pattern()), e)));
        m.sort(Comparator.comparing(Matcher::pattern, PathPattern.SPECIFICITY_COMPARATOR));
        this.matchers = List.copyOf(m);
    }

    /** All tables found on the class path ({@code access/*.json}); a duplicate or malformed entry refuses to start. */
    public static AccessPolicy load(boolean demo) {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:access/*.json");
            List<JsonNode> tables = new ArrayList<>();
            ObjectMapper json = new ObjectMapper();
            for (Resource f : files) {
                try (InputStream in = f.getInputStream()) {
                    tables.add(json.readTree(in));
                }
            }
            return of(tables, demo);
        } catch (IOException e) {
            throw new IllegalStateException("access policy tables unreadable", e);
        }
    }

    static AccessPolicy of(List<JsonNode> tables, boolean demo) {
        Map<String, Endpoint> all = new TreeMap<>();
        for (JsonNode t : tables) {
            String module = t.path("module").asText();
            if (module.isBlank()) throw new IllegalStateException("access table without \"module\": " + t);
            Map<String, Action> actions = new LinkedHashMap<>();
            t.path("actions").fields().forEachRemaining(a -> {
                List<String> allow = strings(a.getValue().path("allow"));
                List<String> deny = strings(a.getValue().path("deny"));
                allow.forEach(AccessPolicy::checkSubject);
                deny.forEach(AccessPolicy::checkSubject);
                actions.put(a.getKey(), new Action(module, a.getKey(), allow, deny, a.getValue().path("oversight").asBoolean(false)));
            });
            t.path("endpoints").fields().forEachRemaining(e -> {
                String[] mp = e.getKey().trim().split("\\s+", 2);
                if (mp.length != 2 || !METHODS.contains(mp[0]) || !mp[1].startsWith("/")) {
                    throw new IllegalStateException("access/" + module + ".json: endpoint must read \"METHOD /path\": " + e.getKey());
                }
                Action action = actions.get(e.getValue().asText());
                if (action == null) {
                    throw new IllegalStateException("access/" + module + ".json: " + e.getKey() + " names unknown action " + e.getValue());
                }
                Endpoint ep = new Endpoint(mp[0], mp[1], action);
                Endpoint before = all.put(ep.key(), ep);
                if (before != null) {
                    throw new IllegalStateException("endpoint " + ep.key() + " is in two access tables: " + before.action().module()
                            + " and " + module);
                }
            });
        }
        return new AccessPolicy(all, demo);
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(s -> out.add(s.asText()));
        return List.copyOf(out);
    }

    private static void checkSubject(String s) {
        if (Set.of("ANYONE", "DEMO", "STAFF", "TOKEN", "MOTHER").contains(s)) return;
        String[] rt = s.split("@", 2);
        if (!rt[0].equals("*")) StaffRole.valueOf(rt[0]);
        if (rt.length == 2) InstitutionType.valueOf(rt[1]);
        if (rt[0].equals("*") && rt.length == 1) throw new IllegalStateException("subject * needs an institution type: " + s);
    }

    public Map<String, Endpoint> endpoints() {
        return endpoints;
    }

    public Optional<Endpoint> endpoint(String key) {
        return Optional.ofNullable(endpoints.get(key));
    }

    /** The most specific table entry matching a request (HEAD is looked up as GET). */
    public Optional<Endpoint> match(String method, String path) {
        String m = "HEAD".equals(method) ? "GET" : method;
        PathContainer p = PathContainer.parsePath(path);
        for (Matcher x : matchers) {
            if (x.method().equals(m) && x.pattern().matches(p)) return Optional.of(x.endpoint());
        }
        return Optional.empty();
    }

    public boolean allows(Subject who, Endpoint endpoint) {
        Action a = endpoint.action();
        return a.allow().stream().anyMatch(s -> covers(s, who)) && a.deny().stream().noneMatch(s -> covers(s, who));
    }

    private boolean covers(String s, Subject who) {
        switch (s) {
            case "ANYONE": return who.kind() != Subject.Kind.MOTHER;
            case "DEMO": return demo && who.kind() != Subject.Kind.MOTHER;
            case "STAFF": return who.kind() == Subject.Kind.STAFF;
            case "TOKEN": return who.kind() == Subject.Kind.TOKEN;
            case "MOTHER": return who.kind() == Subject.Kind.MOTHER;
            default:
                if (who.kind() != Subject.Kind.STAFF) return false;
                String[] rt = s.split("@", 2);
                boolean role = rt[0].equals("*") || rt[0].equals(who.role().name());
                return role && (rt.length == 1 || rt[1].equals(who.institutionType() == null ? "" : who.institutionType().name()));
        }
    }
}
