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
                  @Value("${fuyou.import.dir:}") String dir, @Value("${fuyou.import.institution:}") String institution) {
        this.imports = imports;
        this.institutions = institutions;
        this.context = context;
        this.dir = dir;
        this.institution = institution;
    }

    /**
     * The institution the imported records are registered at: the one named, else CQHCWC when the
     * demo network is there, else the platform institution every installation has from its first start.
     */
    private cn.fuyou.registry.Institution institution() {
        return choose(institution, institutions::find);
    }

    static cn.fuyou.registry.Institution choose(String given, java.util.function.Function<String, java.util.Optional<cn.fuyou.registry.Institution>> find) {
        if (given != null && !given.isBlank()) {
            return find.apply(given.trim()).orElseThrow(() -> new IllegalArgumentException(
                    "fuyou.import.institution: no institution with code " + given.trim()));
        }
        return find.apply("CQHCWC").or(() -> find.apply("PLATFORM")).orElseThrow(() -> new IllegalStateException(
                "no institution to import into: give --fuyou.import.institution=CODE"));
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(500) // after the first-start admin and its platform institution (100)
    void run() {
        if (dir.isBlank()) return;
        var inst = institution();
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
