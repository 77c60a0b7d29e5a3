package cn.fuyou.faults;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.support.IntegrationTest;
import java.io.StringReader;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Source: issue 15 §7 — backup and restore with the documented tools (docs/operations.md "Backup and restore"):
 * the running application's records (every table of its database) are copied into a PostgreSQL 15 server built by
 * fuyou's own migrations, dumped with {@code pg_dump -Fc}, restored with {@code pg_restore} into an empty database,
 * and every table compared: same row count and same content hash ({@code md5} of its rows in order). The embedded
 * PostgreSQL is 17 and the machine's client tools are 15 (pg_dump refuses a newer server), hence the PostgreSQL 15
 * copy; in production pg_dump runs against the production server with tools of its version.
 */
class BackupRestoreTest extends IntegrationTest {

    static final String BIN = "/usr/lib/postgresql/15/bin/";

    @Autowired DataSource app;

    private static String run(Path dir, String... cmd) throws Exception {
        List<String> c = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        c.addAll(List.of(cmd));
        Process p = new ProcessBuilder(c).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(String.join(" ", c) + "\n" + out).isZero();
        return out;
    }

    private static Map<String, String> fingerprint(Connection c, List<String> tables) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        try (var s = c.createStatement()) {
            s.execute("set timezone = 'UTC'");
            s.execute("set extra_float_digits = 3");
            for (String t : tables) {
                try (var r = s.executeQuery("select count(*), coalesce(md5(string_agg(x::text, E'\\n' order by x::text)), '') from " + t + " x")) {
                    r.next();
                    out.put(t, r.getLong(1) + ":" + r.getString(2));
                }
            }
        }
        return out;
    }

    @Test
    @DisplayName("pg_dump -Fc → pg_restore: every table of the application's database comes back with the same rows (count and content hash)")
    void backupAndRestore() throws Exception {
        Path base = Path.of(System.getProperty("java.io.tmpdir"), "fuyou-backup-drill-" + UUID.randomUUID()); // the postgres user must reach it
        Files.createDirectories(base);
        new ProcessBuilder("chown", "-R", "postgres", base.toString()).start().waitFor();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        run(base, BIN + "initdb", "-D", base.resolve("data").toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8");
        run(base, BIN + "pg_ctl", "-D", base.resolve("data").toString(), "-w", "-l", base.resolve("pg.log").toString(),
                "-o", "-p " + port + " -k " + base + " -c listen_addresses=localhost", "start");
        try {
            String url = "jdbc:postgresql://localhost:" + port + "/";
            try (Connection c = DriverManager.getConnection(url + "postgres", "postgres", ""); var s = c.createStatement()) {
                s.execute("create database fuyou_src");
                s.execute("create database fuyou_restored");
            }
            Flyway.configure().dataSource(url + "fuyou_src", "postgres", "").locations("classpath:db/migration").outOfOrder(true).load().migrate();
            List<String> tables = new ArrayList<>();
            try (Connection c = app.getConnection(); var r = c.createStatement().executeQuery(
                    "select tablename from pg_tables where schemaname = 'public' and tablename <> 'flyway_schema_history' order by 1")) {
                while (r.next()) tables.add(r.getString(1));
            }
            long rows = 0;
            long t0 = System.nanoTime();
            try (Connection from = app.getConnection(); Connection to = DriverManager.getConnection(url + "fuyou_src", "postgres", "")) {
                to.createStatement().execute("set session_replication_role = replica"); // rows as they are: no FK order, no triggers
                to.createStatement().execute("truncate " + String.join(", ", tables)); // the migrations' seed rows come with the copy
                CopyManager out = new CopyManager(from.unwrap(BaseConnection.class));
                CopyManager in = new CopyManager(to.unwrap(BaseConnection.class));
                for (String t : tables) {
                    var buf = new java.io.StringWriter();
                    out.copyOut("copy " + t + " to stdout", buf);
                    rows += in.copyIn("copy " + t + " from stdin", new StringReader(buf.toString()));
                }
            }
            long copied = System.nanoTime();
            Path dump = base.resolve("fuyou.dump");
            run(base, BIN + "pg_dump", "-h", "localhost", "-p", String.valueOf(port), "-U", "postgres", "-Fc", "-f", dump.toString(), "fuyou_src");
            run(base, BIN + "pg_restore", "-h", "localhost", "-p", String.valueOf(port), "-U", "postgres", "--no-owner", "-d", "fuyou_restored",
                    dump.toString());
            long restored = System.nanoTime();
            Map<String, String> before;
            Map<String, String> after;
            try (Connection src = DriverManager.getConnection(url + "fuyou_src", "postgres", "");
                 Connection dst = DriverManager.getConnection(url + "fuyou_restored", "postgres", "")) {
                before = fingerprint(src, tables);
                after = fingerprint(dst, tables);
            }
            System.out.printf("backup/restore drill: %d tables, %,d rows, dump %,d bytes; copy %d ms, pg_dump+pg_restore %d ms%n", tables.size(),
                    rows, Files.size(dump), (copied - t0) / 1_000_000, (restored - copied) / 1_000_000);
            assertThat(rows).as("the application's records were copied").isGreaterThan(1000);
            assertThat(before.get("person")).doesNotStartWith("0:");
            assertThat(after).as("every table restored with the same rows").isEqualTo(before);
        } finally {
            run(base, BIN + "pg_ctl", "-D", base.resolve("data").toString(), "-m", "fast", "-w", "stop");
        }
    }
}
