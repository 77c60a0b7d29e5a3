package cn.fuyou;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Source: issue 15 §6 — "today the killed process leaves the embedded PostgreSQL running, the first rerun fails on its
 * postmaster.pid". A PostgreSQL is started on a data directory and abandoned as a kill -9 of fuyou abandons it; a plain
 * second start fails (the failure the issue describes), the recovery stops the orphan and the next start finds every row.
 * A postmaster.pid whose pid is alive but not that PostgreSQL (pid reuse after a crash) is removed as stale.
 */
class EmbeddedDatabaseRecoveryTest {

    private static EmbeddedPostgres start(Path dir) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).setRegisterShutdownHook(false).start();
    }

    private static long rows(EmbeddedPostgres pg) throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement(); var r = s.executeQuery("select count(*) from drill")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static int freePort() throws Exception {
        try (var s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The PostgreSQL binary alone, as it runs after its fuyou was killed (nobody will stop it). */
    private static Process postgres(String binary, Path dir, java.io.File log) throws Exception {
        return new ProcessBuilder(binary, "-D", dir.toString(), "-p", String.valueOf(freePort()), "-c", "listen_addresses=localhost")
                .redirectErrorStream(true).redirectOutput(log).start();
    }

    private static void waitForPidFile(Path dir) throws Exception {
        for (int i = 0; i < 300 && !Files.exists(dir.resolve("postmaster.pid")); i++) Thread.sleep(100);
        Thread.sleep(1000);
        assertThat(dir.resolve("postmaster.pid")).exists();
    }

    @Test
    @DisplayName("kill -9 drill: the PostgreSQL left running on the data directory is shut down and the restart finds all 1,000 committed rows")
    void orphanedPostgres() throws Exception {
        Path dir = Path.of("target", "drill-pg", UUID.randomUUID().toString()).toAbsolutePath();
        Files.createDirectories(dir);
        EmbeddedPostgres first = start(dir);
        long firstPid = Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid")).get(0).trim());
        String binary = ProcessHandle.of(firstPid).flatMap(h -> h.info().command()).orElseThrow();
        try (Connection c = first.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute("create table drill (id int primary key, note text)");
            s.execute("insert into drill select g, 'row ' || g from generate_series(1, 1000) g");
        }
        first.close();
        // fuyou is killed here: its PostgreSQL keeps running on the data directory
        Process orphan = postgres(binary, dir, dir.resolveSibling(dir.getFileName() + "-orphan.log").toFile());
        waitForPidFile(dir);
        Process rerun = postgres(binary, dir, dir.resolveSibling(dir.getFileName() + "-rerun.log").toFile());
        assertThat(rerun.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(rerun.exitValue()).as("without recovery the restart fails on postmaster.pid (the issue's report)").isNotZero();
        long t0 = System.nanoTime();
        EmbeddedDatabase.recoverDataDir(dir);
        EmbeddedPostgres restarted = start(dir);
        try {
            System.out.printf("kill -9 drill: orphan pid %d stopped and PostgreSQL restarted in %d ms%n", orphan.pid(), (System.nanoTime() - t0) / 1_000_000);
            assertThat(orphan.isAlive()).isFalse();
            assertThat(rows(restarted)).isEqualTo(1000);
        } finally {
            restarted.close();
        }
        // a crash leaves postmaster.pid naming a pid that now belongs to another process (here: this JVM)
        Files.writeString(dir.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + dir + "\n");
        Process refused = postgres(binary, dir, dir.resolveSibling(dir.getFileName() + "-stale.log").toFile());
        assertThat(refused.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(refused.exitValue()).as("PostgreSQL refuses a pid file whose pid is alive").isNotZero();
        EmbeddedDatabase.recoverDataDir(dir);
        EmbeddedPostgres again = start(dir);
        try {
            assertThat(rows(again)).isEqualTo(1000);
        } finally {
            again.close();
        }
    }
}
