package cn.fuyou;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Without {@code spring.datasource.url}, fuyou runs its own PostgreSQL 17 (zonky binaries) with
 * the data kept under {@code fuyou.embedded-db.data-dir} across restarts. With the URL set, Boot's
 * ordinary DataSource points at an external PostgreSQL 15+ instead and this class stays out.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}' == ''")
class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    @ConfigurationProperties("fuyou.embedded-db")
    record Settings(Path dataDir, int port, boolean clean, int maxPoolSize) {
        Settings {
            if (dataDir == null) dataDir = Path.of("data", "pg");
            if (maxPoolSize <= 0) maxPoolSize = 20;
        }
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(Settings settings) throws IOException {
        Files.createDirectories(settings.dataDir());
        if (!settings.clean()) recoverDataDir(settings.dataDir());
        long t0 = System.nanoTime();
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(settings.dataDir())
                .setCleanDataDirectory(settings.clean())
                .setPort(settings.port())
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("fsync", settings.clean() ? "off" : "on")
                // stopped by Spring (destroyMethod close) after the web server has drained and the pool
                // has closed, not by a JVM hook of its own running alongside Spring's shutdown
                .setRegisterShutdownHook(false)
                .start();
        log.info("Embedded PostgreSQL 17 on port {} with data in {} ({} ms)", pg.getPort(),
                settings.dataDir().toAbsolutePath(), (System.nanoTime() - t0) / 1_000_000);
        return pg;
    }

    /**
     * Issue 15 §6: after fuyou was killed (kill -9) its PostgreSQL keeps running on the data directory, and after a
     * crash a postmaster.pid may be left behind; either made the next start fail. A postmaster.pid naming a live
     * PostgreSQL on this very data directory is an orphan of ours: it is shut down (smart shutdown: its clients died
     * with the old process) and the start goes on; a pid file naming no live PostgreSQL on this directory is stale and
     * removed (PostgreSQL's own crash recovery then replays the WAL). Anything else is left alone.
     */
    static void recoverDataDir(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) return;
        java.util.List<String> lines = Files.readAllLines(pidFile);
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (RuntimeException e) {
            log.warn("unreadable {}: removed", pidFile);
            Files.deleteIfExists(pidFile);
            return;
        }
        boolean ours = lines.size() > 1 && Path.of(lines.get(1).trim()).toAbsolutePath().normalize()
                .equals(dataDir.toAbsolutePath().normalize());
        var process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres") || c.endsWith("/postmaster")).orElse(false));
        if (process.isEmpty() || !ours) {
            log.warn("stale {} (pid {} is not a PostgreSQL on this data directory): removed", pidFile, pid);
            Files.deleteIfExists(pidFile);
            return;
        }
        log.warn("PostgreSQL pid {} left running on {} by an earlier fuyou: shutting it down", pid, dataDir);
        ProcessHandle pg = process.get();
        pg.destroy(); // SIGTERM: smart shutdown, checkpoint written
        try {
            pg.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            log.warn("PostgreSQL pid {} did not stop in 60 s: killed (its WAL is replayed at start)", pid);
            pg.destroyForcibly();
            try {
                pg.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception again) {
                throw new IOException("cannot stop the PostgreSQL left running on " + dataDir + " (pid " + pid + ")", again);
            }
            Files.deleteIfExists(pidFile);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e);
        }
    }

    /** {@code spring.datasource.hikari.*} (e.g. the connection timeout) apply to this pool as to Boot's own. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres pg, Settings settings) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(settings.maxPoolSize());
        ds.setPoolName("fuyou-embedded");
        return ds;
    }
}
