package cn.fuyou.fhir.internal;

import cn.fuyou.fhir.BulkImport;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The admin page's bulk import: start on a server directory, watch the progress, read the rejects. */
@RestController
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
class ImportController {

    private final BulkImport imports;

    ImportController(BulkImport imports) {
        this.imports = imports;
    }

    record Start(String directory) {}

    @PostMapping("/api/admin/imports")
    @ResponseStatus(HttpStatus.ACCEPTED)
    BulkImport.Job start(@RequestBody Start s) {
        if (s.directory() == null || s.directory().isBlank()) throw cn.fuyou.shared.ApiException.badField("directory", "directory is required");
        return imports.start(Path.of(s.directory().trim()));
    }

    @GetMapping("/api/admin/imports")
    List<BulkImport.Job> jobs() {
        return imports.jobs();
    }

    @GetMapping("/api/admin/imports/{id}")
    BulkImport.Job job(@PathVariable UUID id) {
        return imports.job(id);
    }

    @GetMapping("/api/admin/imports/{id}/rejected")
    List<BulkImport.Rejected> rejected(@PathVariable UUID id) {
        return imports.rejected(id);
    }
}
