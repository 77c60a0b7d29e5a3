package cn.fuyou.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Issues 3 and 4: with 200,000 pregnancies and ~2,000,000 antenatal contacts loaded, a pregnancy
 * record read under 50 concurrent users, an institution's worklist of 5,000 active pregnancies, and
 * a child page with 3 years of visits — over HTTP against the packaged jar.
 * <pre>
 * ./mvnw -B package -DskipTests
 * ./mvnw -B -Dskip.web=true -Dskip.growth-data=true exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *        -Dexec.args="-cp %classpath cn.fuyou.bench.MaternalBenchmark"
 * </pre>
 */
public final class MaternalBenchmark {

    public static void main(String[] args) throws Exception {
        int port = BenchServer.freePort(), dbPort = BenchServer.freePort(), users = 50, seconds = 30;
        Path data = Path.of("target", "bench-pg-maternal");
        String[] settings = {"--fuyou.demo.persons=500000", "--fuyou.demo.pregnancies=200000", "--fuyou.embedded-db.port=" + dbPort};
        if (!Files.exists(data.resolve("loaded"))) {
            BenchServer.deleteTree(data);
            long t0 = System.nanoTime();
            try (BenchServer first = BenchServer.start(data, port, settings)) {
                System.out.printf("load: 500,000 persons, 200,000 pregnancies in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            }
            Files.createFile(data.resolve("loaded"));
        }
        try (BenchServer server = BenchServer.start(data, port, settings)) {
            List<String> pregnancies = new ArrayList<>();
            long contacts;
            try (var c = DriverManager.getConnection("jdbc:postgresql://localhost:" + dbPort + "/postgres", "postgres", "")) {
                var rs = c.createStatement().executeQuery("select id from pregnancy order by random() limit 5000");
                while (rs.next()) pregnancies.add(rs.getString(1));
                var n = c.createStatement().executeQuery("select (select count(*) from pregnancy), (select count(*) from antenatal_contact)");
                n.next();
                System.out.printf("loaded: %,d pregnancies, %,d contacts%n", n.getLong(1), n.getLong(2));
                contacts = n.getLong(2);
            }
            // 50 users, each with its own session, open random pregnancy records: first as people do
            // (a 1 s pause between pages, as a Gatling scenario's pause(1)), then back to back (capacity).
            BenchServer.Session warm = server.login("admin");
            for (int i = 0; i < 2000; i++) warm.get(server.base + "/api/pregnancies/" + pregnancies.get(i % pregnancies.size())); // JIT warm-up
            for (long pauseMs : new long[]{1000, 0}) {
                ExecutorService pool = Executors.newFixedThreadPool(users);
                long end = System.nanoTime() + seconds * 1_000_000_000L;
                List<Future<long[]>> results = new ArrayList<>();
                for (int u = 0; u < users; u++) {
                    BenchServer.Session s = server.login("admin");
                    results.add(pool.submit(() -> {
                        List<Long> lat = new ArrayList<>();
                        Thread.sleep(ThreadLocalRandom.current().nextLong(1000));
                        while (System.nanoTime() < end) {
                            String id = pregnancies.get(ThreadLocalRandom.current().nextInt(pregnancies.size()));
                            long t = System.nanoTime();
                            s.get(server.base + "/api/pregnancies/" + id);
                            lat.add(System.nanoTime() - t);
                            if (pauseMs > 0) Thread.sleep(pauseMs);
                        }
                        return lat.stream().mapToLong(Long::longValue).toArray();
                    }));
                }
                List<Long> all = new ArrayList<>();
                for (Future<long[]> f : results) for (long v : f.get()) all.add(v);
                pool.shutdown();
                long[] lat = all.stream().mapToLong(Long::longValue).toArray();
                System.out.printf("pregnancy record read, %d concurrent users, pause %d ms, %d s: %s, %.0f req/s%n", users, pauseMs, seconds,
                        BenchServer.percentiles(lat), lat.length / (double) seconds);
            }

            BenchServer.Session doctor = server.login("cqfy-doctor");
            long[] wl = new long[100];
            for (int i = 0; i < 30; i++) doctor.get(server.base + "/api/maternal/worklist?size=20");
            for (int i = 0; i < wl.length; i++) {
                long t = System.nanoTime();
                doctor.get(server.base + "/api/maternal/worklist?size=20&page=" + (i % 5));
                wl[i] = System.nanoTime() - t;
            }
            System.out.printf("worklist (all due/overdue items of the institution, paged 20): %s%n", BenchServer.percentiles(wl));

            // A child with 3 years of well-child visits (14 visits).
            BenchServer.Session admin = server.login("admin");
            String child;
            try (var c = DriverManager.getConnection("jdbc:postgresql://localhost:" + dbPort + "/postgres", "postgres", "")) {
                var rs = c.createStatement().executeQuery("select id, birth_date from person p where birth_date < current_date - interval '35 months' and birth_date > current_date - interval '36 months' and not exists (select 1 from child_record c where c.child_id = p.id) limit 1");
                rs.next();
                child = rs.getString(1);
                LocalDate birth = rs.getDate(2).toLocalDate();
                admin.post(server.base + "/api/children", Map.of("childId", child));
                int[] months = {0, 1, 3, 6, 8, 12, 15, 18, 21, 24, 27, 30, 33, 35};
                for (int m : months) {
                    LocalDate on = birth.plusMonths(m).plusDays(m == 0 ? 5 : 0);
                    admin.post(server.base + "/api/children/" + child + "/visits", Map.of("visitDate", on.toString(),
                            "weightKg", 3.4 + m * 0.35, "lengthCm", 50 + m * 1.2, "measurement", m < 24 ? "RECUMBENT" : "STANDING",
                            "headCircumferenceCm", 34 + Math.min(m, 24) * 0.5));
                }
            }
            long[] cp = new long[300];
            for (int i = 0; i < 20; i++) admin.get(server.base + "/api/children/" + child);
            for (int i = 0; i < cp.length; i++) {
                long t = System.nanoTime();
                admin.get(server.base + "/api/children/" + child);
                cp[i] = System.nanoTime() - t;
            }
            System.out.printf("child page, 14 visits over 3 years: %s  (contacts in DB: %,d)%n", BenchServer.percentiles(cp), contacts);
        }
    }
}
