package cn.fuyou.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Issue 2 benchmark: cold start to ready, and person search by ID number and by name prefix with
 * 1,000,000 persons loaded, measured over HTTP against the packaged jar in its own process.
 *
 * <pre>
 * ./mvnw -B package -DskipTests
 * ./mvnw -B -Dskip.web=true test-compile exec:java -Dexec.classpathScope=test \
 *        -Dexec.mainClass=cn.fuyou.bench.FoundationBenchmark [-Dexec.args="1000000"]
 * </pre>
 * The first start loads the persons into a fresh data directory (target/bench-pg); the process is
 * stopped, and a second, cold start on the loaded data is timed to "ready"; then the searches run.
 */
public final class FoundationBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        long persons = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        int port = 18_080;
        Path jar = Files.list(Path.of("target")).filter(p -> p.getFileName().toString().matches("fuyou-.*\\.jar"))
                .findFirst().orElseThrow(() -> new IllegalStateException("run ./mvnw package -DskipTests first"));
        Path data = Path.of("target", "bench-pg");
        boolean loaded = Files.exists(data.resolve("loaded-" + persons));
        if (!loaded) {
            deleteTree(data);
            long t0 = System.nanoTime();
            Process p = start(jar, data, port, persons);
            awaitReady(p);
            System.out.printf("load: %,d persons loaded in %.1f s (first start, COPY)%n", persons, (System.nanoTime() - t0) / 1e9);
            stop(p);
            Files.createFile(data.resolve("loaded-" + persons));
        }
        long t0 = System.nanoTime();
        Process p = start(jar, data, port, persons);
        String readyLine = awaitReady(p);
        double coldStart = (System.nanoTime() - t0) / 1e9;
        System.out.printf("cold start to ready: %.2f s wall (process launch to ready); Spring says: %s%n", coldStart, readyLine.trim());
        try {
            run(port);
        } finally {
            stop(p);
        }
    }

    private static void run(int port) throws Exception {
        String base = "http://localhost:" + port;
        HttpClient admin = login(base, "admin");
        HttpClient doctor = login(base, "cqfy-doctor");
        // Sample real ID numbers and 2-character name prefixes from what is loaded.
        List<String> ids = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        Random rnd = new Random(1);
        for (int page = 0; page < 10; page++) {
            JsonNode items = get(admin, base + "/api/persons?size=200&page=" + (rnd.nextInt(2000))).path("items");
            for (JsonNode i : items) {
                ids.add(i.path("idNumber").asText());
                prefixes.add(i.path("fullName").asText().substring(0, 2));
            }
        }
        for (int i = 0; i < 200; i++) get(admin, base + "/api/persons?q=" + ids.get(i % ids.size())); // warm-up
        report("search by ID number (admin)", admin, base, ids, 1000);
        report("search by name prefix (admin, 20 per page)", admin, base, prefixes, 1000);
        report("search by ID number (clinician, scoped)", doctor, base, ids, 1000);
        report("search by name prefix (clinician, scoped)", doctor, base, prefixes, 1000);
    }

    private static void report(String what, HttpClient c, String base, List<String> terms, int n) throws Exception {
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            String q = URLEncoder.encode(terms.get(i % terms.size()), StandardCharsets.UTF_8);
            long t = System.nanoTime();
            get(c, base + "/api/persons?q=" + q);
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf("%-45s n=%d  p50=%.1f ms  p95=%.1f ms  p99=%.1f ms  max=%.1f ms%n", what, n,
                nanos[n / 2] / 1e6, nanos[(int) (n * 0.95)] / 1e6, nanos[(int) (n * 0.99)] / 1e6, nanos[n - 1] / 1e6);
    }

    private static HttpClient login(String base, String user) throws Exception {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient c = HttpClient.newBuilder().cookieHandler(cookies).build();
        c.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/me")).build(), HttpResponse.BodyHandlers.discarding());
        String xsrf = cookies.getCookieStore().getCookies().stream().filter(k -> k.getName().equals("XSRF-TOKEN"))
                .findFirst().orElseThrow().getValue();
        var res = c.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/login")).header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"Demo@2026\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) throw new IllegalStateException("login failed: " + res.body());
        return c;
    }

    private static JsonNode get(HttpClient c, String url) throws Exception {
        var res = c.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) throw new IllegalStateException(url + " → " + res.statusCode() + " " + res.body());
        return JSON.readTree(res.body());
    }

    private static Process start(Path jar, Path data, int port, long persons) throws Exception {
        return new ProcessBuilder("java", "-Xmx2g", "-jar", jar.toString(), "--spring.profiles.active=demo",
                "--server.port=" + port, "--fuyou.embedded-db.data-dir=" + data.resolve("pg"),
                "--fuyou.demo.persons=" + persons).redirectErrorStream(true).start();
    }

    private static String awaitReady(Process p) throws Exception {
        var in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.contains("demo persons:")) System.out.println("  " + line.substring(line.indexOf("demo persons:")));
            if (line.contains("is ready: http")) {
                Thread drain = new Thread(() -> { try { while (in.readLine() != null) { } } catch (Exception ignored) { } });
                drain.setDaemon(true);
                drain.start();
                return line;
            }
            if (line.contains("APPLICATION FAILED") || line.contains("Exception in thread")) throw new IllegalStateException(line);
        }
        throw new IllegalStateException("fuyou exited before it was ready");
    }

    private static void stop(Process p) throws Exception {
        p.destroy();
        if (!p.waitFor(60, TimeUnit.SECONDS)) p.destroyForcibly();
    }

    private static void deleteTree(Path dir) throws Exception {
        if (!Files.exists(dir)) return;
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
