package cn.fuyou.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Issue 2 benchmark: cold start to ready, and person search by ID number and by name prefix with
 * 1,000,000 persons loaded, measured over HTTP against the packaged jar in its own process.
 * <pre>
 * ./mvnw -B package -DskipTests
 * ./mvnw -B -Dskip.web=true -Dskip.growth-data=true exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *        -Dexec.args="-cp %classpath cn.fuyou.bench.FoundationBenchmark"
 * </pre>
 * The first start loads the persons into a fresh data directory (target/bench-pg); that process is
 * stopped, a second, cold start on the loaded data is timed to "ready", then the searches run.
 */
public final class FoundationBenchmark {

    public static void main(String[] args) throws Exception {
        long persons = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        int port = BenchServer.freePort();
        Path data = Path.of("target", "bench-pg");
        if (!Files.exists(data.resolve("loaded-" + persons))) {
            BenchServer.deleteTree(data);
            long t0 = System.nanoTime();
            try (BenchServer first = BenchServer.start(data, port, "--fuyou.demo.persons=" + persons)) {
                System.out.printf("load: %,d persons in %.1f s (first start, COPY)%n", persons, (System.nanoTime() - t0) / 1e9);
            }
            Files.createFile(data.resolve("loaded-" + persons));
        }
        long t0 = System.nanoTime();
        try (BenchServer server = BenchServer.start(data, port, "--fuyou.demo.persons=" + persons)) {
            System.out.printf("cold start to ready: %.2f s wall (process launch to ready); %s%n", (System.nanoTime() - t0) / 1e9,
                    server.readyLine.substring(server.readyLine.indexOf("(")));
            BenchServer.Session admin = server.login("admin");
            BenchServer.Session doctor = server.login("cqfy-doctor");
            List<String> ids = new ArrayList<>();
            List<String> prefixes = new ArrayList<>();
            Random rnd = new Random(1);
            for (int page = 0; page < 10; page++) {
                for (JsonNode i : admin.get(server.base + "/api/persons?size=200&page=" + rnd.nextInt(2000)).path("items")) {
                    ids.add(i.path("idNumber").asText());
                    prefixes.add(i.path("fullName").asText().substring(0, 2));
                }
            }
            for (int i = 0; i < 200; i++) admin.get(server.base + "/api/persons?q=" + ids.get(i % ids.size()));
            report("search by ID number (admin)", admin, server.base, ids);
            report("search by name prefix (admin, 20 per page)", admin, server.base, prefixes);
            report("search by ID number (clinician, scoped)", doctor, server.base, ids);
            report("search by name prefix (clinician, scoped)", doctor, server.base, prefixes);
        }
    }

    private static void report(String what, BenchServer.Session s, String base, List<String> terms) throws Exception {
        long[] nanos = new long[1000];
        for (int i = 0; i < nanos.length; i++) {
            String q = URLEncoder.encode(terms.get(i % terms.size()), StandardCharsets.UTF_8);
            long t = System.nanoTime();
            s.get(base + "/api/persons?q=" + q);
            nanos[i] = System.nanoTime() - t;
        }
        System.out.printf("%-45s %s%n", what, BenchServer.percentiles(nanos));
    }
}
