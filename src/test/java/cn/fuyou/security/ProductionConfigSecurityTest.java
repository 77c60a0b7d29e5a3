package cn.fuyou.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/**
 * Source: issue 15 §8 — the configuration production runs: demo profile OFF (no demo data, CDS Hooks
 * closed without a JWT), the real rate limit (600/min per address on public endpoints), the real
 * lockout (5) and per-address throttle (20 failures / 15 min), and fuyou.https=true (Secure cookies,
 * HSTS). The 0s below mean "the built-in default", undoing the raised limits of the test profile.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "fuyou.rate-limit.per-minute=0", "fuyou.login.max-failures-per-address=0", "fuyou.https=true",
        // its own embedded database even in the CI run against an external server: this context must not see demo data
        "spring.datasource.url="})
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductionConfigSecurityTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder req(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    /** Signs in without keeping cookies (they are Secure, so a client over plain HTTP would drop them anyway). */
    private HttpResponse<String> login(String user, String password) throws Exception {
        return login(user, password, null);
    }

    /** The same, through a TLS proxy on this host that names the client in X-Forwarded-For (null: no proxy). */
    private HttpResponse<String> login(String user, String password, String forwardedFor) throws Exception {
        var me = send(req("/api/auth/me"));
        String xsrf = me.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
                .map(c -> c.substring(11, c.indexOf(';'))).findFirst().orElseThrow();
        var post = req("/api/auth/login").header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf)
                .header("Cookie", "XSRF-TOKEN=" + xsrf)
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}"));
        if (forwardedFor != null) post.header("X-Forwarded-For", forwardedFor).header("X-Forwarded-Proto", "https");
        return send(post);
    }

    private String newUser(String password) {
        String user = "prod-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                insert into staff_user (id, username, password_hash, display_name, institution_id, role, created_by, changed_by)
                select gen_random_uuid(), ?, ?, 'Prod Test', id, 'CLINICIAN', 'test', 'test' from institution where code = 'PLATFORM'""")
                .params(user, encoder.encode(password)).update();
        return user;
    }

    @Test
    @Order(1)
    @DisplayName("no demo data and no demo logins: only the first-start admin exists")
    void noDemo() {
        assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select username from staff_user").query(String.class).list()).containsExactly("admin");
    }

    @Test
    @Order(2)
    @DisplayName("CDS Hooks without a JWT is 401 problem+json (the demo profile answers it); discovery stays public")
    void cdsNeedsJwt() throws Exception {
        String body = "{\"hook\":\"patient-view\",\"hookInstance\":\"1\",\"context\":{\"patientId\":\"1\"},"
                + "\"prefetch\":{\"patient\":{\"resourceType\":\"Patient\",\"gender\":\"female\",\"birthDate\":\"1985-01-01\"}}}";
        for (String service : List.of("fuyou-pregnancy-risk", "fuyou-child-growth")) {
            var r = send(req("/cds-services/" + service).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
            assertThat(r.statusCode()).as(service).isEqualTo(401);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            var forged = send(req("/cds-services/" + service).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJpc3MiOiJ4In0.").POST(HttpRequest.BodyPublishers.ofString(body)));
            assertThat(forged.statusCode()).as("alg none").isEqualTo(401);
        }
        assertThat(send(req("/cds-services")).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(3)
    @DisplayName("HTTPS setting: session and XSRF cookies are Secure and HttpOnly where they must be; HSTS on every response")
    void secureCookiesAndHsts() throws Exception {
        String user = newUser("Prod-Password-2026");
        var r = login(user, "Prod-Password-2026");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String session = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(session).contains("Secure").contains("HttpOnly").contains("SameSite=Lax");
        var me = send(req("/api/auth/me"));
        String xsrf = me.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow();
        assertThat(xsrf).contains("Secure");
        assertThat(me.headers().firstValue("Strict-Transport-Security").orElse("")).contains("max-age=31536000").contains("includeSubDomains");
    }

    @Test
    @Order(4)
    @DisplayName("public calculators: a bucket of 600 per address refilled at 600 a minute; past it 429 with Retry-After")
    void rateLimitAtRealSetting() throws Exception {
        int ok = 0;
        HttpResponse<String> last = null;
        long t0 = System.nanoTime();
        for (int i = 0; i < 3000; i++) {
            last = send(req("/api/calculators/pregnancy-risk/factors"));
            if (last.statusCode() == 200) ok++;
            else break;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        // greedy refill: 10 tokens a second come back while the 600 are being used up
        assertThat(ok).isGreaterThanOrEqualTo(600).isLessThanOrEqualTo(600 + (int) Math.ceil(seconds * 10) + 1);
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        assertThat(last.body()).contains("rate-limited");
    }

    @Test
    @Order(5)
    @DisplayName("lockout at the real setting: the 5th wrong password locks the account for 15 minutes; locked answers as a wrong password")
    void lockoutAtRealSetting() throws Exception {
        String user = newUser("Right-Password-2026");
        for (int i = 1; i <= 4; i++) assertThat(login(user, "wrong-" + i).body()).contains("bad-credentials");
        assertThat(login(user, "wrong-5").body()).contains("\"code\":\"bad-credentials\"");
        var right = login(user, "Right-Password-2026");
        assertThat(right.statusCode()).isEqualTo(401);
        assertThat(right.body()).contains("\"code\":\"bad-credentials\"").doesNotContain("lockedUntil");
        assertThat(jdbc.sql("select locked_until > now() + interval '14 minutes' from staff_user where username = ?").param(user)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    @Order(6)
    @DisplayName("per-address throttle at the real setting: after 20 failed sign-ins from one address, even a right password for another account is 429")
    void addressThrottle() throws Exception {
        // the lockout test above already failed 6 times from this address
        String good = newUser("Good-Password-2026");
        int failures = 6;
        HttpResponse<String> r;
        do {
            r = login("nobody-" + failures, "guess-" + failures);
            failures++;
        } while (r.statusCode() == 401 && failures < 40);
        assertThat(failures - 1).as("failures counted before the throttle").isEqualTo(20);
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
        var right = login(good, "Good-Password-2026");
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(right.body()).contains("too-many-attempts");
    }

    @Test
    @Order(7)
    @DisplayName("follow-up of issue 15 §4/§8: behind a TLS proxy on loopback (server.forward-headers-strategy=native) the sign-in throttle, "
            + "the public rate limit and the audit's client_ip key on the client named in X-Forwarded-For, not on the proxy's address")
    void forwardedClientAddress() throws Exception {
        String user = newUser("Fwd-Password-2026");
        // the test above throttled 127.0.0.1 (the proxy's own address); a client behind the proxy is not throttled
        var first = login(user, "wrong-fwd-1", "203.0.113.7");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(401);
        assertThat(jdbc.sql("select client_ip from audit_event where username = ? order by id desc limit 1").param(user)
                .query(String.class).single()).as("the audit names the client, not the proxy").isEqualTo("203.0.113.7");
        // that client's own failures throttle it, and not another client behind the same proxy
        HttpResponse<String> r;
        int failures = 1;
        do {
            r = login("nobody-fwd-" + failures, "guess", "203.0.113.7");
            failures++;
        } while (r.statusCode() == 401 && failures < 40);
        assertThat(failures - 1).as("failures from 203.0.113.7 before its throttle").isEqualTo(20);
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(login(user, "wrong-fwd-2", "203.0.113.8").statusCode()).as("another client behind the proxy").isEqualTo(401);
        // the public calculators' bucket is per forwarded client too
        int ok = 0;
        HttpResponse<String> calc;
        do {
            calc = send(req("/api/calculators/pregnancy-risk/factors").header("X-Forwarded-For", "198.51.100.1"));
            if (calc.statusCode() == 200) ok++;
        } while (calc.statusCode() == 200 && ok < 3000);
        assertThat(calc.statusCode()).isEqualTo(429);
        assertThat(send(req("/api/calculators/pregnancy-risk/factors").header("X-Forwarded-For", "198.51.100.2")).statusCode())
                .as("another client behind the proxy keeps its own bucket").isEqualTo(200);
    }
}
