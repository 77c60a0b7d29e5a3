package cn.fuyou.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the packaged jar in its own process for benchmarks and talks to it like a browser would. */
final class BenchServer implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    final Process process;
    final String base;
    final String readyLine;

    private BenchServer(Process process, String base, String readyLine) {
        this.process = process;
        this.base = base;
        this.readyLine = readyLine;
    }

    static Path jar() throws Exception {
        // -Dbench.jar=/elsewhere/fuyou.jar: a copy, so that rebuilding target/ does not pull the jar from under a running server
        String given = System.getProperty("bench.jar");
        if (given != null) return Path.of(given);
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("fuyou-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("run ./mvnw package -DskipTests first"));
        }
    }

    /** A port nobody listens on now (a running fuyou on 8080/18080 or another benchmark must not collide). */
    static int freePort() throws java.io.IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static final java.util.concurrent.atomic.AtomicBoolean REPORTING = new java.util.concurrent.atomic.AtomicBoolean();

    /** At exit the benchmark says what it cost: wall time and the disk its data directory takes. */
    private static void reportCostAtExit(Path data) {
        if (!REPORTING.compareAndSet(false, true)) return;
        long started = System.nanoTime();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            long bytes;
            try (var files = Files.walk(data)) {
                bytes = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
            } catch (Exception e) {
                bytes = -1;
            }
            System.out.printf("benchmark cost: %.1f min wall time; data directory %s takes %.2f GB (delete it to free the space)%n",
                    (System.nanoTime() - started) / 60e9, data.toAbsolutePath(), bytes / 1e9);
        }));
    }

    static BenchServer start(Path data, int port, String... settings) throws Exception {
        reportCostAtExit(data);
        List<String> cmd = new ArrayList<>(List.of("java", "-Xmx2g", "-jar", jar().toString(), "--spring.profiles.active=demo",
                "--server.port=" + port, "--fuyou.embedded-db.data-dir=" + data.resolve("pg")));
        cmd.addAll(Arrays.asList(settings));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        var in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.contains("demo persons:") || line.contains("Demo pregnancies") || line.contains("Demo data") || line.contains("Demo year")) System.out.println("  " + line.substring(Math.max(0, line.indexOf(" : ") + 3)));
            if (line.contains("is ready: http")) {
                Thread drain = new Thread(() -> { try { while (in.readLine() != null) { } } catch (Exception ignored) { } });
                drain.setDaemon(true);
                drain.start();
                return new BenchServer(p, "http://localhost:" + port, line.trim());
            }
            if (line.contains("APPLICATION FAILED") || line.contains("Application run failed")) throw new IllegalStateException(line);
        }
        throw new IllegalStateException("fuyou exited before it was ready");
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) process.destroyForcibly();
    }

    /** A signed-in session (cookie + XSRF header), as the UI has. */
    record Session(HttpClient http, String xsrf) {
        JsonNode get(String url) throws Exception {
            var res = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() != 200) throw new IllegalStateException(url + " → " + res.statusCode() + " " + res.body());
            return JSON.readTree(res.body());
        }

        JsonNode post(String url, Object body) throws Exception {
            var res = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() >= 300) throw new IllegalStateException(url + " → " + res.statusCode() + " " + res.body());
            return JSON.readTree(res.body());
        }
    }

    Session login(String user) throws Exception {
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
        return new Session(c, xsrf);
    }

    /** What the figures were measured on: CPUs, memory and the load average (the machine may be shared). */
    static String machine() {
        String load;
        try {
            load = Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            load = "unknown";
        }
        String cpu = "unknown";
        try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            cpu = lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        } catch (Exception ignored) {
            // not Linux
        }
        return String.format("%d CPUs (%s), %.1f GB RAM, load average %s", Runtime.getRuntime().availableProcessors(), cpu,
                ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                        .getTotalMemorySize() / 1e9, load);
    }

    static String percentiles(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        int n = s.length;
        return String.format("n=%d  p50=%.1f ms  p95=%.1f ms  p99=%.1f ms  max=%.1f ms", n, s[n / 2] / 1e6,
                s[(int) (n * 0.95)] / 1e6, s[(int) (n * 0.99)] / 1e6, s[n - 1] / 1e6);
    }

    static void deleteTree(Path dir) throws Exception {
        if (!Files.exists(dir)) return;
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
