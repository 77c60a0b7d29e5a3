package cn.fuyou.bench;

import cn.fuyou.FuyouApplication;
import cn.fuyou.fhir.BulkImport;
import cn.fuyou.fhir.ImportReport;
import cn.fuyou.registry.Institutions;
import cn.fuyou.security.ApiTokens;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.StaffRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 16 §8: the standard workload (Synthea women, tools/synthea-women, 100 patients, ~42,600
 * resources) imported with every clinical resource kept, in resources/s; then Patient/$everything
 * (first page) and Observation?patient= over HTTP on the imported women, p50/p95.
 * <pre>
 * tools/synthea-women target/synthea-100 100        # once: ~5 min, 143 MB
 * ./mvnw -B -Dskip.web=true -Dskip.growth-data=true exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *        -Dexec.args="-cp %classpath cn.fuyou.bench.FhirImportBenchmark target/synthea-100/fhir"
 * </pre>
 * It starts fuyou in this process (demo profile, its own embedded PostgreSQL under target/, any free ports).
 * Further directories (other women: {@code tools/synthea-women target/synthea-warm100 100 8}, {@code … 9}) are
 * imported first and not measured, so the figure is a running server's, not the JIT compiler's first look at the
 * import's code. {@code BENCH_TRACE=1} prints the time of each measured read.
 */
public final class FhirImportBenchmark {

    /**
     * Reads of each kind before the measured ones: a method run once per request reaches the JIT compiler's
     * optimising tier after ~5,000-15,000 calls (HotSpot's Tier4 thresholds); after only 1,000 the compiler
     * was still taking a quarter of the CPU during the measured reads.
     */
    private static final int WARM_UP_READS = 8000;

    public static void main(String[] args) throws Exception {
        Path workload = Path.of(args.length > 0 ? args[0] : "target/synthea-100/fhir");
        List<Path> warmUps = java.util.Arrays.stream(args).skip(1).map(Path::of).toList();
        if (!Files.isDirectory(workload)) throw new IllegalStateException("no workload at " + workload + ": run tools/synthea-women target/synthea-100 100");
        Path data = Path.of("target", "bench-pg-fhir");
        BenchServer.deleteTree(data);
        ConfigurableApplicationContext app = SpringApplication.run(FuyouApplication.class, "--spring.profiles.active=demo",
                "--server.port=0", "--fuyou.embedded-db.data-dir=" + data.toAbsolutePath(), "--fuyou.embedded-db.port=0",
                "--fuyou.demo.persons=1000", "--logging.level.root=WARN", "--fuyou.rate-limit.per-minute=1000000");
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            BulkImport imports = app.getBean(BulkImport.class);
            var cq = app.getBean(Institutions.class).get("CQHCWC");
            Actor actor = new Actor("bench", "FHIR import benchmark", StaffRole.SYSTEM_ADMIN, cq.id(), cq.code(), cq.areaCode());
            long bytes;
            try (var s = Files.list(workload)) {
                bytes = s.mapToLong(p -> p.toFile().length()).sum();
            }
            System.out.printf("workload: %s, %,d MB%n", workload, bytes / 1_000_000);
            // The FHIR validator loads the R4 profiles in the background after start: not part of the import's cost.
            while (Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("fhir-validator-warm-up") && t.isAlive())) {
                Thread.sleep(200);
            }
            for (Path warmUp : warmUps) {
                long w0 = System.nanoTime();
                BulkImport.Job w = imports.runNow(warmUp, actor, j -> { });
                System.out.printf("warm-up (not measured): %s, %,d resources in %.1f s%n", warmUp, w.resourcesDone(), (System.nanoTime() - w0) / 1e9);
                quiet(data);
            }
            System.out.printf("machine: %d cores, load average before the import %s%n", Runtime.getRuntime().availableProcessors(), load());
            double jvm0 = jvmCpuSeconds(), pg0 = postgresCpuSeconds(data);
            Map<String, Double> threads0 = threadCpuSeconds();
            long t0 = System.nanoTime();
            BulkImport.Job job = imports.runNow(workload, actor, j -> { });
            double seconds = (System.nanoTime() - t0) / 1e9;
            double jvmCpu = jvmCpuSeconds() - jvm0, pgCpu = postgresCpuSeconds(data) - pg0;
            Map<String, Double> threads = threadCpuSeconds();
            ImportReport report = imports.report(job.id());
            System.out.printf("import: %s, %,d files (%d rejected), %,d resources in %.1f s = %,.0f resources/s%n", job.status(),
                    job.filesDone(), job.filesRejected(), job.resourcesDone(), seconds, job.resourcesDone() / seconds);
            System.out.printf("  CPU: fuyou %.1f s, PostgreSQL %.1f s (%,.0f resources per CPU-second); load average after %s%n", jvmCpu, pgCpu,
                    job.resourcesDone() / (jvmCpu + pgCpu), load());
            System.out.printf("  fuyou's CPU by thread: %s%n", threads.keySet().stream().sorted()
                    .map(k -> String.format("%s %.1f s", k, threads.get(k) - threads0.getOrDefault(k, 0.0))).toList());
            System.out.printf("  mapped %,d, kept as received %,d, not kept %,d%n", report.total(ImportReport.Line::mapped),
                    report.total(ImportReport.Line::kept), report.total(ImportReport.Line::notKept));
            report.lines().forEach(l -> System.out.printf("  %-26s mapped %,6d  kept %,6d  not kept %,6d %s%n", l.resourceType(), l.mapped(),
                    l.kept(), l.notKept(), l.notKept() > 0 ? "(" + l.reason() + ")" : ""));
            imports.rejected(job.id()).forEach(r -> System.out.println("  rejected " + r.fileName() + ": " + r.reason()));

            JdbcClient jdbc = app.getBean(JdbcClient.class);
            jdbc.sql("analyze received_resource").update();
            List<UUID> women = jdbc.sql("""
                    select person_id from received_resource where resource_type = 'Observation' group by person_id order by count(*) desc""")
                    .query(UUID.class).list();
            String token = app.getBean(TransactionTemplate.class).execute(s -> app.getBean(ApiTokens.class)
                    .issue("bench", cq.id(), StaffRole.CLINICIAN, null)).token();
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://localhost:" + port + "/fhir/";
            for (String what : List.of("Patient/%s/$everything", "Observation?patient=%s")) {
                for (int i = 0; i < (warmUps.isEmpty() ? 50 : WARM_UP_READS); i++) get(http, base + what.formatted(women.get(i % women.size())), token); // warm-up
                if (!warmUps.isEmpty()) quiet(data);
                List<Double> ms = new ArrayList<>();
                for (int i = 0; i < 500; i++) {
                    long s = System.nanoTime();
                    get(http, base + what.formatted(women.get(i % women.size())), token);
                    ms.add((System.nanoTime() - s) / 1e6);
                    if (System.getenv("BENCH_TRACE") != null) System.out.printf("TRACE %s %d %.2f%n", what, i, ms.get(ms.size() - 1));
                }
                Collections.sort(ms);
                System.out.printf("%-26s over %d women: p50 %.1f ms, p95 %.1f ms, max %.1f ms (first page of 20)%n", what.replace("%s", "{id}"),
                        women.size(), ms.get(ms.size() / 2), ms.get((int) (ms.size() * 0.95)), ms.get(ms.size() - 1));
            }
        } finally {
            app.close();
        }
        System.exit(0);
    }

    /**
     * Waits (at most 120 s) until this process and its PostgreSQL have each used under 5 % of a core for
     * two seconds: the JIT compiler has finished what the warm-up made hot (a C2 compilation of a large
     * method takes seconds, and the compilation counter moves only when it ends, so CPU time is the
     * measure), and autovacuum has finished with the warm-up's rows. The figure is then a running
     * server's, not the compiler's first minutes or a vacuum's, when either takes one of the two cores.
     */
    private static void quiet(Path data) throws Exception {
        var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        long start = System.currentTimeMillis(), quietSince = start;
        double last = jvmCpuSeconds() + postgresCpuSeconds(data);
        double jvmLast = jvmCpuSeconds();
        while (System.currentTimeMillis() - start < 120_000 && System.currentTimeMillis() - quietSince < 2_000) {
            Thread.sleep(250);
            double jvm = jvmCpuSeconds(), now = jvm + postgresCpuSeconds(data);
            if (jvm - jvmLast > 0.25 * 0.05 || now - last - (jvm - jvmLast) > 0.25 * 0.05) quietSince = System.currentTimeMillis();
            last = now;
            jvmLast = jvm;
        }
        System.out.printf("fuyou and PostgreSQL idle after %.1f s (JIT: %.1f s compiling so far)%n", (System.currentTimeMillis() - start) / 1e3,
                jit.getTotalCompilationTime() / 1e3);
    }

    private static String load() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    /**
     * CPU seconds this process's threads have used so far (Linux /proc), by kind: the JIT compiler, the
     * garbage collector, the import's threads, and the rest — so a slow run says where its time went.
     */
    private static Map<String, Double> threadCpuSeconds() throws Exception {
        Map<String, Double> out = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    String name = Files.readString(t.resolve("comm")).trim();
                    String st = Files.readString(t.resolve("stat"));
                    String[] f = st.substring(st.lastIndexOf(')') + 2).split(" ");
                    double seconds = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
                    String kind = name.contains("Compiler") ? "JIT" : name.startsWith("G1") || name.startsWith("GC") ? "GC"
                            : name.startsWith("fhir-bulk") ? "import" : "other";
                    out.merge(kind, seconds, Double::sum);
                } catch (Exception gone) {
                    // the thread ended while we looked
                }
            }
        }
        return out;
    }

    /** CPU seconds this process (fuyou, in the benchmark's JVM) has used so far. */
    private static double jvmCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /**
     * CPU seconds the benchmark's PostgreSQL has used so far (Linux /proc): the postmaster started on
     * the benchmark's data directory, its live backends, and the ended ones (counted in the postmaster's cutime).
     */
    private static double postgresCpuSeconds(Path data) throws Exception {
        String dir = data.toAbsolutePath().toString();
        Map<Long, long[]> stat = new HashMap<>(); // pid -> ppid, utime+stime, cutime+cstime
        Long postmaster = null;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(x -> x.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String st = Files.readString(p.resolve("stat"));
                    String[] f = st.substring(st.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(p.getFileName().toString());
                    stat.put(pid, new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12]), Long.parseLong(f[13]) + Long.parseLong(f[14])});
                    if (postmaster == null && new String(Files.readAllBytes(p.resolve("cmdline"))).contains(dir)) postmaster = pid;
                } catch (Exception gone) {
                    // the process ended while we looked
                }
            }
        }
        if (postmaster == null) return 0;
        long ticks = stat.get(postmaster)[1] + stat.get(postmaster)[2];
        for (var e : stat.entrySet()) if (e.getValue()[0] == postmaster) ticks += e.getValue()[1];
        return ticks / 100.0;
    }

    private static void get(HttpClient http, String url, String token) throws Exception {
        var res = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.discarding());
        if (res.statusCode() != 200) throw new IllegalStateException(url + " → " + res.statusCode());
    }
}
