package cn.fuyou;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.env.MockEnvironment;

/**
 * The embedded PostgreSQL is started while the context is prepared (restart time, README): the bean takes that
 * PostgreSQL; a context that never takes it stops it when it closes; with spring.datasource.url nothing starts.
 */
class EmbeddedDatabaseEarlyStartTest {

    private static GenericApplicationContext context(String datasourceUrl) {
        GenericApplicationContext context = new GenericApplicationContext();
        MockEnvironment env = new MockEnvironment()
                .withProperty("fuyou.embedded-db.data-dir", Path.of("target", "early-pg", UUID.randomUUID().toString()).toString())
                .withProperty("fuyou.embedded-db.clean", "true");
        if (datasourceUrl != null) env.setProperty("spring.datasource.url", datasourceUrl);
        context.setEnvironment(env);
        new EmbeddedDatabase.EarlyStart().initialize(context);
        return context;
    }

    private static EmbeddedDatabase.Starting starting(GenericApplicationContext context) {
        return context.getBeanFactory().getBean(EmbeddedDatabase.EarlyStart.BEAN_NAME, EmbeddedDatabase.Starting.class);
    }

    @Test
    @DisplayName("started in the background when the context is prepared; the bean takes it, the settings are fuyou.embedded-db's")
    void takenByTheBean() throws Exception {
        try (GenericApplicationContext context = context(null)) {
            context.refresh();
            EmbeddedPostgres pg = new EmbeddedDatabase().embeddedPostgres(null, context.getBeanProvider(EmbeddedDatabase.Starting.class));
            try (Connection c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement();
                 var r = s.executeQuery("select current_setting('data_directory')")) {
                r.next();
                assertThat(r.getString(1)).contains("target/early-pg/");
            } finally {
                pg.close();
            }
        }
    }

    @Test
    @DisplayName("a context that fails before the bean takes the PostgreSQL stops it when it closes")
    void stoppedWhenNeverTaken() throws Exception {
        GenericApplicationContext context = context(null);
        context.refresh(); // no EmbeddedDatabase configuration in this context: nothing takes it
        EmbeddedDatabase.Starting starting = starting(context);
        // wait for the start, as the bean would, without taking it
        var field = EmbeddedDatabase.Starting.class.getDeclaredField("started");
        field.setAccessible(true);
        @SuppressWarnings("unchecked")
        EmbeddedPostgres pg = ((java.util.concurrent.CompletableFuture<EmbeddedPostgres>) field.get(starting)).join();
        Path dataDir;
        try (Connection c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement();
             var r = s.executeQuery("select current_setting('data_directory')")) {
            r.next();
            dataDir = Path.of(r.getString(1));
        }
        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);
        context.close();
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("postmaster stopped with the context").isFalse();
    }

    @Test
    @DisplayName("with spring.datasource.url (external PostgreSQL) no embedded PostgreSQL is started")
    void externalDatabase() {
        try (GenericApplicationContext context = context("jdbc:postgresql://localhost:5432/fuyou")) {
            assertThat(context.getBeanFactory().containsSingleton(EmbeddedDatabase.EarlyStart.BEAN_NAME)).isFalse();
        }
    }
}
