package cn.fuyou.fhir.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Issue 15 §6: a bulk import whose process was killed (kill -9, power loss) stays RUNNING in import_job for ever.
 * At start, before anything can start a new import, such jobs are closed as FAILED with a message saying they were
 * interrupted; running the import again resumes it (files already stored are skipped, resources are kept once).
 * One fuyou serves one database (the embedded PostgreSQL is single-instance by construction).
 */
@Component
class InterruptedImports {

    private static final Logger log = LoggerFactory.getLogger(InterruptedImports.class);

    private final JdbcClient jdbc;

    InterruptedImports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationStartedEvent.class)
    void closeInterrupted() {
        int n = closeAll();
        if (n > 0) log.warn("{} bulk import job(s) were RUNNING when fuyou stopped: marked FAILED (interrupted); run them again to resume", n);
    }

    int closeAll() {
        return jdbc.sql("""
                update import_job set status = 'FAILED', finished_at = now(),
                       message = 'interrupted: fuyou stopped while the import ran; run it again to resume (stored files are skipped)'
                 where status = 'RUNNING'""").update();
    }
}
