package cn.fuyou.fhir.internal;

import cn.fuyou.fhir.BulkImport;
import cn.fuyou.registry.Institutions;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.StaffRole;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The bulk import as a command: {@code java -jar fuyou.jar --fuyou.import.dir=DIR
 * [--fuyou.import.institution=CQHCWC]} imports and exits; run it again after a crash to resume.
 */
@Component
class ImportCommand {

    private static final Logger log = LoggerFactory.getLogger(ImportCommand.class);

    private final BulkImport imports;
    private final Institutions institutions;
    private final ApplicationContext context;
    private final String dir;
    private final String institution;

    ImportCommand(BulkImport imports, Institutions institutions, ApplicationContext context,
                  @Value("${fuyou.import.dir:}") String dir, @Value("${fuyou.import.institution:CQHCWC}") String institution) {
        this.imports = imports;
        this.institutions = institutions;
        this.context = context;
        this.dir = dir;
        this.institution = institution;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(500)
    void run() {
        if (dir.isBlank()) return;
        var inst = institutions.get(institution);
        Actor actor = new Actor("import", "FHIR bulk import", StaffRole.SYSTEM_ADMIN, inst.id(), inst.code(), inst.areaCode());
        var job = imports.runNow(Path.of(dir), actor, j -> {
            if (j.filesDone() % 10 == 0 || j.filesDone() == j.filesTotal()) {
                log.info("import: {}/{} files, {} resources, {} rejected", j.filesDone(), j.filesTotal(), j.resourcesDone(), j.filesRejected());
            }
        });
        imports.rejected(job.id()).forEach(r -> log.warn("rejected {}: {}", r.fileName(), r.reason()));
        log.info("import {} {}: {}", job.id(), job.status(), job.message());
        System.exit(SpringApplication.exit(context, () -> "DONE".equals(job.status()) ? 0 : 1));
    }
}
