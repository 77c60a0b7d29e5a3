package cn.fuyou.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import cn.fuyou.fhir.internal.TransactionProvider;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a directory of FHIR transaction Bundles (*.json) or NDJSON (*.ndjson: one resource or
 * bundle per line) — one transaction per bundle, so one bad bundle is rejected with its reason and
 * the rest go on. Progress is stored per file: a crashed import, started again on the same
 * directory, skips the files already done.
 */
@Service
public class BulkImport {

    private static final Logger log = LoggerFactory.getLogger(BulkImport.class);
    private static final int NDJSON_CHUNK = 500;

    private final JdbcClient jdbc;
    private final TransactionProvider transactions;
    private final TransactionTemplate tx;
    private final FhirContext fhir;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fhir-bulk-import");
        t.setDaemon(true);
        return t;
    });

    BulkImport(JdbcClient jdbc, TransactionProvider transactions, TransactionTemplate tx, FhirContext fhir) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.tx = tx;
        this.fhir = fhir;
    }

    public record Job(UUID id, String directory, String status, int filesTotal, int filesDone, int filesRejected, long resourcesDone,
                      OffsetDateTime startedAt, OffsetDateTime finishedAt, String message) {}

    public record Rejected(String fileName, String reason) {}

    /** Starts an import in the background as the current user; returns at once with the job. */
    public Job start(Path directory) {
        Actor actor = CurrentActor.get();
        List<Path> files = files(directory);
        UUID id = create(directory, files.size(), actor);
        worker.submit(() -> runAs(actor, () -> run(id, directory, files, p -> { })));
        return job(id);
    }

    /** Runs an import in this thread (the command line), reporting progress. */
    public Job runNow(Path directory, Actor actor, Consumer<Job> progress) {
        List<Path> files = files(directory);
        UUID id = create(directory, files.size(), actor);
        runAs(actor, () -> run(id, directory, files, progress));
        return job(id);
    }

    private List<Path> files(Path directory) {
        if (!Files.isDirectory(directory)) throw ApiException.badField("directory", "not a directory: " + directory);
        try (var s = Files.list(directory)) {
            return s.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".ndjson")).sorted()
                    // Organizations and practitioners first (Synthea's hospital/practitioner bundles), then patients.
                    .sorted((a, b) -> Boolean.compare(!a.getFileName().toString().matches("(hospital|practitioner).*"),
                            !b.getFileName().toString().matches("(hospital|practitioner).*")))
                    .toList();
        } catch (IOException e) {
            throw ApiException.badField("directory", "cannot read " + directory + ": " + e.getMessage());
        }
    }

    private UUID create(Path directory, int files, Actor actor) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into import_job (id, directory, institution_id, status, files_total, started_by) values (?, ?, ?, 'RUNNING', ?, ?)")
                .params(id, directory.toAbsolutePath().toString(), actor.institutionId(), files, actor.username()).update();
        return id;
    }

    private void run(UUID job, Path directory, List<Path> files, Consumer<Job> progress) {
        long t0 = System.nanoTime();
        Map<String, UUID> refs = new HashMap<>();
        try {
            for (Path f : files) {
                long size = Files.size(f);
                boolean done = jdbc.sql("""
                        select exists (select 1 from import_file fi join import_job j on j.id = fi.job_id
                                        where j.directory = ? and fi.file_name = ? and fi.size_bytes = ? and fi.status = 'DONE')""")
                        .params(directory.toAbsolutePath().toString(), f.getFileName().toString(), size).query(Boolean.class).single();
                if (done) {
                    bump(job, 1, 0, 0);
                    continue;
                }
                int resources = 0;
                String reason = null;
                try {
                    resources = f.toString().endsWith(".ndjson") ? importNdjson(f, refs) : importBundle(Files.readString(f), refs);
                } catch (BaseServerResponseException e) {
                    reason = e.getMessage() + diagnostics(e);
                } catch (ApiException e) {
                    reason = e.getMessage();
                } catch (RuntimeException e) {
                    reason = e.getClass().getSimpleName() + ": " + e.getMessage();
                }
                jdbc.sql("insert into import_file (job_id, file_name, size_bytes, status, resources, reason) values (?, ?, ?, ?, ?, ?)")
                        .params(job, f.getFileName().toString(), size, reason == null ? "DONE" : "REJECTED", resources, reason).update();
                bump(job, 1, reason == null ? 0 : 1, resources);
                progress.accept(job(job));
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            Job j = job(job);
            jdbc.sql("update import_job set status = 'DONE', finished_at = now(), message = ? where id = ?")
                    .params(String.format("%,d resources in %.1f s (%.0f/s)", j.resourcesDone(), seconds, j.resourcesDone() / Math.max(seconds, 1e-3)), job)
                    .update();
        } catch (Exception e) {
            log.error("bulk import {} failed", job, e);
            jdbc.sql("update import_job set status = 'FAILED', finished_at = now(), message = ? where id = ?").params(e.toString(), job).update();
        }
    }

    private int importBundle(String json, Map<String, UUID> refs) {
        IBaseResource r = fhir.newJsonParser().parseResource(json);
        Bundle bundle = r instanceof Bundle b ? b : wrap(List.of((Resource) r));
        if (bundle.getType() != Bundle.BundleType.TRANSACTION && bundle.getType() != Bundle.BundleType.BATCH
                && bundle.getType() != Bundle.BundleType.COLLECTION) {
            throw ApiException.badField("Bundle.type", "expected a transaction bundle, got " + bundle.getType());
        }
        bundle.setType(Bundle.BundleType.TRANSACTION);
        Map<String, UUID> local = new HashMap<>(refs);
        tx.executeWithoutResult(s -> transactions.process(bundle, local));
        refs.putAll(local);
        return bundle.getEntry().size();
    }

    /** NDJSON: each line a resource (or a bundle); resources are imported in chunks of 500. */
    private int importNdjson(Path f, Map<String, UUID> refs) throws IOException {
        int count = 0;
        List<Resource> chunk = new java.util.ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank()) continue;
                IBaseResource r = fhir.newJsonParser().parseResource(line);
                if (r instanceof Bundle b) {
                    count += importBundle(line, refs);
                    continue;
                }
                chunk.add((Resource) r);
                if (chunk.size() >= NDJSON_CHUNK) {
                    count += importBundle(fhir.newJsonParser().encodeResourceToString(wrap(chunk)), refs);
                    chunk.clear();
                }
            }
        }
        if (!chunk.isEmpty()) count += importBundle(fhir.newJsonParser().encodeResourceToString(wrap(chunk)), refs);
        return count;
    }

    private static Bundle wrap(List<Resource> resources) {
        Bundle b = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        for (Resource r : resources) {
            b.addEntry().setFullUrl(r.fhirType() + "/" + r.getIdElement().getIdPart()).setResource(r)
                    .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(r.fhirType());
        }
        return b;
    }

    private static String diagnostics(BaseServerResponseException e) {
        if (!(e.getOperationOutcome() instanceof OperationOutcome oo)) return "";
        StringBuilder sb = new StringBuilder();
        oo.getIssue().stream().limit(5).forEach(i -> sb.append("; ").append(i.getExpression().isEmpty() ? "" : i.getExpression().get(0) + ": ")
                .append(i.getDiagnostics()));
        return sb.toString();
    }

    private void bump(UUID job, int files, int rejected, int resources) {
        jdbc.sql("update import_job set files_done = files_done + ?, files_rejected = files_rejected + ?, resources_done = resources_done + ? where id = ?")
                .params(files, rejected, resources, job).update();
    }

    public Job job(UUID id) {
        return jdbc.sql("select * from import_job where id = ?").param(id).query((rs, n) -> new Job(rs.getObject("id", UUID.class),
                rs.getString("directory"), rs.getString("status"), rs.getInt("files_total"), rs.getInt("files_done"), rs.getInt("files_rejected"),
                rs.getLong("resources_done"), rs.getObject("started_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class),
                rs.getString("message"))).optional().orElseThrow(() -> ApiException.notFound("import", id));
    }

    public List<Job> jobs() {
        return jdbc.sql("select id from import_job order by started_at desc limit 50").query(UUID.class).list().stream().map(this::job).toList();
    }

    public List<Rejected> rejected(UUID job) {
        return jdbc.sql("select file_name, reason from import_file where job_id = ? and status = 'REJECTED' order by file_name")
                .param(job).query(Rejected.class).list();
    }

    private static void runAs(Actor actor, Runnable work) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(actor, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + actor.role().name()))));
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
