package cn.fuyou;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
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

    @Bean
    DataSource dataSource(EmbeddedPostgres pg, Settings settings) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(settings.maxPoolSize());
        ds.setPoolName("fuyou-embedded");
        return ds;
    }
}
