package cn.fuyou.fhir.internal;

import ca.uhn.fhir.context.FhirContext;
import cn.fuyou.fhir.BulkImport;
import cn.fuyou.fhir.ImportReport;
import cn.fuyou.shared.ApiException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The admin page's bulk import: upload Bundles / NDJSON / a zip of them (or name a server
 * directory), watch the progress, read the rejects and the report per resource type.
 */
@RestController
@PreAuthorize("hasRole('SYSTEM_ADMIN')")
class ImportController {

    private final BulkImport imports;
    private final FhirContext fhir;

    ImportController(BulkImport imports, FhirContext fhir) {
        this.imports = imports;
        this.fhir = fhir;
    }

    record Start(String directory) {}

    @PostMapping(path = "/api/admin/imports", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    BulkImport.Job start(@RequestBody Start s) {
        if (s.directory() == null || s.directory().isBlank()) throw ApiException.badField("directory", "directory is required");
        return imports.start(Path.of(s.directory().trim()));
    }

    @PostMapping(path = "/api/admin/imports/uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    BulkImport.Job upload(@RequestParam("files") List<MultipartFile> files) throws IOException {
        List<BulkImport.Upload> uploads = new ArrayList<>();
        for (MultipartFile f : files) uploads.add(new BulkImport.Upload(f.getOriginalFilename(), f.getInputStream()));
        return imports.startUpload(uploads);
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

    /** Per resource type: mapped, kept as received, not kept (with the reason). */
    @GetMapping("/api/admin/imports/{id}/report")
    List<ImportReport.Line> report(@PathVariable UUID id) {
        return imports.report(id).lines();
    }

    /** The same report as a FHIR OperationOutcome. */
    @GetMapping(path = "/api/admin/imports/{id}/outcome", produces = "application/fhir+json")
    String outcome(@PathVariable UUID id) {
        return fhir.newJsonParser().encodeResourceToString(imports.report(id).toOperationOutcome());
    }
}
