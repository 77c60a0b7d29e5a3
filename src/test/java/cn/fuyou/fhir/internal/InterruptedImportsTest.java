package cn.fuyou.fhir.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Source: issue 15 §6 — "the killed job shows RUNNING forever": at start, an interrupted job is closed and says how to resume. */
class InterruptedImportsTest extends IntegrationTest {

    @Autowired JdbcClient jdbc;
    @Autowired InterruptedImports interrupted;

    @Test
    @DisplayName("a bulk import left RUNNING by a killed fuyou is closed as FAILED (interrupted) at start; finished jobs are untouched")
    void leftOverRunningJob() {
        UUID inst = jdbc.sql("select id from institution where code = 'CQHCWC'").query(UUID.class).single();
        UUID running = UUID.randomUUID();
        UUID done = UUID.randomUUID();
        jdbc.sql("insert into import_job (id, directory, institution_id, status, files_total, started_by) values (?, '/tmp/x', ?, 'RUNNING', 3, 'drill')")
                .params(running, inst).update();
        jdbc.sql("insert into import_job (id, directory, institution_id, status, files_total, started_by, finished_at) values (?, '/tmp/y', ?, 'DONE', 1, 'drill', now())")
                .params(done, inst).update();
        assertThat(interrupted.closeAll()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select status || ' ' || message from import_job where id = ?").param(running).query(String.class).single())
                .startsWith("FAILED interrupted");
        assertThat(jdbc.sql("select finished_at is not null from import_job where id = ?").param(running).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select status from import_job where id = ?").param(done).query(String.class).single()).isEqualTo("DONE");
    }
}
