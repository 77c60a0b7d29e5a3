package cn.fuyou;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
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

    /** The PostgreSQL {@link EarlyStart} began while the context was being prepared, or (without it) one started now. */
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(Settings settings, ObjectProvider<Starting> early) throws IOException {
        Starting starting = early.getIfAvailable();
        return starting != null ? starting.take() : start(settings);
    }

    static EmbeddedPostgres start(Settings settings) throws IOException {
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
     * Starts the embedded PostgreSQL in the background as soon as the context is prepared (registered in
     * META-INF/spring.factories), so that it comes up while Spring reads the configuration classes (2-5 s on a 2-core
     * machine) instead of after them; {@link #embeddedPostgres} takes it. Same condition as this class: no
     * {@code spring.datasource.url}. Same settings ({@code fuyou.embedded-db}), bound from the environment.
     */
    static final class EarlyStart implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        static final String BEAN_NAME = "cn.fuyou.EmbeddedDatabase.starting";

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            if (!context.getEnvironment().getProperty("spring.datasource.url", "").isEmpty()) return;
            if (!(context.getBeanFactory() instanceof DefaultListableBeanFactory beans) || beans.containsSingleton(BEAN_NAME)) return;
            Starting starting = new Starting(Binder.get(context.getEnvironment()).bindOrCreate("fuyou.embedded-db", Settings.class));
            beans.registerSingleton(BEAN_NAME, starting);
            // registered before any bean, so destroyed after all of them: stops a PostgreSQL the bean never took
            beans.registerDisposableBean(BEAN_NAME, starting);
            starting.begin();
        }
    }

    /** A start under way: handed over to the bean (which stops it with the context), or stopped here if it never was. */
    static final class Starting implements DisposableBean {

        private final Settings settings;
        private final CompletableFuture<EmbeddedPostgres> started = new CompletableFuture<>();
        private final AtomicBoolean taken = new AtomicBoolean();

        Starting(Settings settings) {
            this.settings = settings;
        }

        void begin() {
            Thread t = new Thread(() -> {
                try {
                    started.complete(start(settings));
                } catch (Throwable e) {
                    started.completeExceptionally(e);
                }
            }, "embedded-postgres-start");
            t.setDaemon(true);
            t.start();
        }

        /** Waits for the start; its failure is the bean's (the context fails to start, as before). */
        EmbeddedPostgres take() throws IOException {
            if (!taken.compareAndSet(false, true)) throw new IllegalStateException("embedded PostgreSQL already taken");
            try {
                return started.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof IOException io) throw io;
                if (e.getCause() instanceof RuntimeException re) throw re;
                if (e.getCause() instanceof Error error) throw error;
                throw e;
            }
        }

        @Override
        public void destroy() throws IOException {
            if (taken.get()) return;
            EmbeddedPostgres pg;
            try {
                pg = started.join();
            } catch (CompletionException notStarted) {
                return;
            }
            pg.close();
        }
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
