package cn.fuyou.bench;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.PGConnection;

/**
 * Issue 6: an inbox with 100,000 historical referrals opens in < 200 ms p95; 200 referrals/s are
 * created, sustained, without errors — over HTTP against the packaged jar.
 * <pre>
 * ./mvnw -B package -DskipTests
 * ./mvnw -B -Dskip.web=true -Dskip.growth-data=true exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *        -Dexec.args="-cp %classpath cn.fuyou.bench.NetworkBenchmark"
 * </pre>
 */
public final class NetworkBenchmark {

    public static void main(String[] args) throws Exception {
        int port = BenchServer.freePort(), dbPort = BenchServer.freePort(), rate = 200, seconds = 30;
        Path data = Path.of("target", "bench-pg-network");
        String[] settings = {"--fuyou.demo.persons=100000", "--fuyou.embedded-db.port=" + dbPort, "--fuyou.rate-limit.per-minute=100000"};
        boolean fresh = !Files.exists(data.resolve("loaded"));
        if (fresh) BenchServer.deleteTree(data);
        try (BenchServer server = BenchServer.start(data, port, settings)) {
            String jdbc = "jdbc:postgresql://localhost:" + dbPort + "/postgres";
            List<String> women = new ArrayList<>();
            try (var c = DriverManager.getConnection(jdbc, "postgres", "")) {
                var ids = c.createStatement().executeQuery("""
                        select (select id from institution where code = 'CQHCWC'), (select id from institution where code = 'CHC-500117-1')""");
                ids.next();
                UUID centre = UUID.fromString(ids.getString(1)), chc = UUID.fromString(ids.getString(2));
                var rs = c.createStatement().executeQuery("""
                        select p.id from person p join person_institution pi on pi.person_id = p.id
                         where pi.institution_id = (select id from institution where code = 'CHC-500117-1') and p.sex = 'F' limit 2000""");
                while (rs.next()) women.add(rs.getString(1));
                if (fresh) {
                    StringBuilder sb = new StringBuilder();
                    String[] states = {"CLOSED", "CLOSED", "CLOSED", "BACK_REFERRED", "COMPLETED", "DECLINED", "REQUESTED", "ACCEPTED"};
                    String[] urgencies = {"ROUTINE", "ROUTINE", "URGENT", "EMERGENCY"};
                    OffsetDateTime now = OffsetDateTime.now();
                    for (int i = 0; i < 100_000; i++) {
                        OffsetDateTime at = now.minusMinutes(5L * (100_000 - i));
                        sb.append(UUID.randomUUID()).append('\t').append(women.get(i % women.size())).append("\tMATERNAL\t").append(chc)
                                .append('\t').append(centre).append('\t').append(urgencies[i % 4]).append("\t历史转诊 ").append(i).append('\t')
                                .append(states[i % states.length]).append('\t').append(at).append('\t').append(at).append("\tbench\tbench\n");
                    }
                    c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy referral (id, person_id, kind, from_institution_id, to_institution_id, "
                            + "urgency, reason, state, created_at, changed_at, created_by, changed_by) from stdin", new StringReader(sb.toString()));
                    c.createStatement().execute("analyze referral");
                    Files.createFile(data.resolve("loaded"));
                }
                var n = c.createStatement().executeQuery("select count(*) from referral where to_institution_id = '" + centre + "'");
                n.next();
                System.out.printf("CQHCWC referrals in the database: %,d%n", n.getLong(1));
            }

            BenchServer.Session centre = server.login("cqfy-doctor");
            for (int i = 0; i < 20; i++) centre.get(server.base + "/api/network/inbox?direction=incoming&size=20");
            for (String q : new String[]{"", "&state=OPEN", "&overdue=true"}) {
                long[] lat = new long[300];
                for (int i = 0; i < lat.length; i++) {
                    long t = System.nanoTime();
                    centre.get(server.base + "/api/network/inbox?direction=incoming&size=20&page=" + (i % 5) + q);
                    lat[i] = System.nanoTime() - t;
                }
                System.out.printf("inbox (incoming, 20 per page%s): %s%n", q, BenchServer.percentiles(lat));
            }

            // Open-loop creation: 200 referrals per second for 30 s, spread over 16 signed-in sessions.
            List<BenchServer.Session> sessions = new ArrayList<>();
            for (int i = 0; i < 16; i++) sessions.add(server.login("hc-doctor"));
            var pool = Executors.newScheduledThreadPool(32);
            var latencies = new ConcurrentLinkedQueue<Long>();
            AtomicInteger errors = new AtomicInteger(), sent = new AtomicInteger();
            long periodMicros = 1_000_000L / rate;
            var task = pool.scheduleAtFixedRate(() -> {
                int k = sent.getAndIncrement();
                if (k >= rate * seconds) return;
                pool.execute(() -> {
                    long t = System.nanoTime();
                    try {
                        sessions.get(k % sessions.size()).post(server.base + "/api/referrals", Map.of("personId", women.get(k % women.size()),
                                "kind", "MATERNAL", "toDesignatedCentre", true, "urgency", "URGENT", "reason", "压测转诊 " + k));
                        latencies.add(System.nanoTime() - t);
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                });
            }, 0, periodMicros, TimeUnit.MICROSECONDS);
            long t0 = System.nanoTime();
            while (sent.get() < rate * seconds) Thread.sleep(100);
            task.cancel(false);
            pool.shutdown();
            pool.awaitTermination(60, TimeUnit.SECONDS);
            double elapsed = (System.nanoTime() - t0) / 1e9;
            long[] lat = latencies.stream().mapToLong(Long::longValue).toArray();
            System.out.printf("referral creation at %d/s offered for %d s: %d created, %d errors, %.0f/s achieved; latency %s%n", rate, seconds,
                    lat.length, errors.get(), lat.length / elapsed, BenchServer.percentiles(lat));
        }
    }
}
