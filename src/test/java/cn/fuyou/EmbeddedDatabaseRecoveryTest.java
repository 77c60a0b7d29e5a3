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

    /**
     * What kill -9 of fuyou does to its embedded PostgreSQL: the JVM's lock on the data directory goes with the process,
     * the postmaster (daemonized by pg_ctl) keeps running with its postmaster.pid.
     */
    private static void killJvmSide(EmbeddedPostgres pg) throws Exception {
        var lock = EmbeddedPostgres.class.getDeclaredField("lock");
        lock.setAccessible(true);
        ((java.nio.channels.FileLock) lock.get(pg)).release();
        var stream = EmbeddedPostgres.class.getDeclaredField("lockStream");
        stream.setAccessible(true);
        ((java.io.FileOutputStream) stream.get(pg)).close();
    }

    @Test
    @DisplayName("kill -9 drill: the PostgreSQL left running on the data directory is shut down and the restart finds all 1,000 committed rows")
    void orphanedPostgres() throws Exception {
        Path dir = Path.of("target", "drill-pg", UUID.randomUUID().toString()).toAbsolutePath();
        Files.createDirectories(dir);
        EmbeddedPostgres first = start(dir);
        try (Connection c = first.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute("create table drill (id int primary key, note text)");
            s.execute("insert into drill select g, 'row ' || g from generate_series(1, 1000) g");
        }
        killJvmSide(first); // fuyou is killed here
        long orphan = Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid")).get(0).trim());
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false))
                .as("the orphan still holds the data directory: a plain start fails on postmaster.pid (the issue's report)").isTrue();
        long t0 = System.nanoTime();
        EmbeddedDatabase.recoverDataDir(dir);
        EmbeddedPostgres restarted = start(dir);
        try {
            System.out.printf("kill -9 drill: orphan pid %d stopped and PostgreSQL restarted in %d ms%n", orphan, (System.nanoTime() - t0) / 1_000_000);
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(rows(restarted)).isEqualTo(1000);
            killJvmSide(restarted);
        } finally {
            // a crash of the machine: postmaster gone, postmaster.pid left naming a pid now used by another process (this JVM)
            long pid = Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid")).get(0).trim());
            new ProcessBuilder("kill", "-KILL", String.valueOf(pid)).start().waitFor();
            ProcessHandle.of(pid).ifPresent(h -> h.onExit().join());
            Thread.sleep(3000); // its backends notice the postmaster is gone and exit
        }
        Files.writeString(dir.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + dir + "\n");
        EmbeddedDatabase.recoverDataDir(dir);
        assertThat(dir.resolve("postmaster.pid")).as("stale pid file removed").doesNotExist();
        EmbeddedPostgres again = start(dir);
        try {
            assertThat(rows(again)).as("crash recovery replays the WAL: every committed row").isEqualTo(1000);
        } finally {
            again.close();
        }
    }
}
