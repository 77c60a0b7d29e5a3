package cn.fuyou.fhir;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import cn.fuyou.fhir.internal.TransactionImport;
import cn.fuyou.fhir.internal.IncomingBundles;
import cn.fuyou.fhir.internal.IncomingResource;
import cn.fuyou.fhir.internal.UploadedFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.hl7.fhir.r4.model.OperationOutcome;
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
    private final TransactionImport transactions;
    private final TransactionTemplate tx;
    private final ObjectMapper json = new ObjectMapper();
    private final Path uploads;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fhir-bulk-import");
        t.setDaemon(true);
        return t;
    });
    /** Reads and splits the next files while the current ones are written. */
    private final ExecutorService reader = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fhir-bulk-read");
        t.setDaemon(true);
        return t;
    });
    /**
     * Bundles that stand on their own are written side by side, one transaction each, so that both
     * cores work: while PostgreSQL stores one bundle's rows, the other bundle is routed in Java (issue 16 §8).
     * A woman's bundles go to the same lane, in file order.
     */
    private static final int WRITERS = 2;
    private final ExecutorService[] writers = java.util.stream.IntStream.range(0, WRITERS)
            .mapToObj(n -> Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "fhir-bulk-write-" + n);
                t.setDaemon(true);
                return t;
            })).toArray(ExecutorService[]::new);

    BulkImport(JdbcClient jdbc, TransactionImport transactions, TransactionTemplate tx,
               @org.springframework.beans.factory.annotation.Value("${fuyou.import.upload-dir:./data/imports}") Path uploads) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.tx = tx;
        this.uploads = uploads;
    }

    public record Job(UUID id, String directory, String source, String status, int filesTotal, int filesDone, int filesRejected,
                      long resourcesDone, OffsetDateTime startedAt, OffsetDateTime finishedAt, String message) {}

    public record Rejected(String fileName, String reason) {}

    /** Starts an import in the background as the current user; returns at once with the job. */
    public Job start(Path directory) {
        Actor actor = CurrentActor.get();
        List<Path> files = files(directory);
        UUID id = create(directory, files.size(), actor, "DIRECTORY");
        worker.submit(() -> runAs(actor, () -> run(id, directory, files, p -> { })));
        return job(id);
    }

    /**
     * Starts an import of uploaded files (Bundles, NDJSON, or zips of them): they are saved under
     * {@code fuyou.import.upload-dir}, zips unpacked, then imported like a directory.
     */
    public Job startUpload(List<Upload> files) {
        Actor actor = CurrentActor.get();
        if (files.isEmpty()) throw ApiException.badField("files", "choose at least one file");
        Path dir = uploads.resolve(UUID.randomUUID().toString());
        try {
            Files.createDirectories(dir);
            for (Upload u : files) UploadedFiles.save(u.fileName(), u.content(), dir);
        } catch (IOException e) {
            // Issue 15 §6: nothing half-stored — the upload's directory goes, no job row was written; a full disk says so.
            deleteQuietly(dir);
            if (String.valueOf(e.getMessage()).contains("No space left")) {
                throw new ApiException(org.springframework.http.HttpStatus.INSUFFICIENT_STORAGE, "disk-full", "security.disk-full",
                        List.of(new ApiException.FieldError("files", "security.disk-full")), Map.of());
            }
            throw ApiException.badField("files", "cannot store the upload: " + e.getMessage());
        } catch (RuntimeException e) {
            deleteQuietly(dir);
            throw e;
        }
        List<Path> found = files(dir);
        if (found.isEmpty()) throw ApiException.badField("files", "no .json or .ndjson files in the upload");
        UUID id = create(dir, found.size(), actor, "UPLOAD");
        worker.submit(() -> runAs(actor, () -> run(id, dir, found, p -> { })));
        return job(id);
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // best effort: the directory may not exist
        }
    }

    /** One uploaded file. */
    public record Upload(String fileName, java.io.InputStream content) {}

    /** Runs an import in this thread (the command line), reporting progress. */
    public Job runNow(Path directory, Actor actor, Consumer<Job> progress) {
        List<Path> files = files(directory);
        UUID id = create(directory, files.size(), actor, "DIRECTORY");
        runAs(actor, () -> run(id, directory, files, progress));
        return job(id);
    }

    private List<Path> files(Path directory) {
        if (!Files.isDirectory(directory)) throw ApiException.badField("directory", "not a directory: " + directory);
        try (var s = Files.walk(directory)) {
            return s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".ndjson"))
                    .sorted(java.util.Comparator.comparing(p -> directory.relativize(p).toString()))
                    // Organizations and practitioners first (Synthea's hospital/practitioner bundles), then patients.
                    .sorted((a, b) -> Boolean.compare(!a.getFileName().toString().matches("(hospital|practitioner).*"),
                            !b.getFileName().toString().matches("(hospital|practitioner).*")))
                    .toList();
        } catch (IOException e) {
            throw ApiException.badField("directory", "cannot read " + directory + ": " + e.getMessage());
        }
    }

    private UUID create(Path directory, int files, Actor actor, String source) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into import_job (id, directory, institution_id, status, files_total, started_by, source) values (?, ?, ?, 'RUNNING', ?, ?, ?)")
                .params(id, directory.toAbsolutePath().toString(), actor.institutionId(), files, actor.username(), source).update();
        return id;
    }

    /**
     * A file read and split into its transactions (a Bundle, or NDJSON lines in chunks of 500 and
     * each Bundle line on its own) — done one file ahead, in another thread, while the previous
     * file's transactions are written — or the reason it cannot be read.
     */
    private record Parsed(Path file, String name, long size, boolean done, List<List<IncomingResource>> units, String reason) {

        /**
         * The lane of a Bundle whose every patient reference points into the Bundle itself (its woman's
         * source id, so her bundles stay in order), or -1 when the file needs what earlier files
         * imported (NDJSON, references to Patients of other bundles) and is written after them, alone.
         */
        int lane(int lanes) {
            if (reason != null || units.size() != 1 || file.toString().endsWith(".ndjson")) return -1;
            return IncomingBundles.standsAlone(units.get(0)).map(key -> Math.floorMod((key.isEmpty() ? name : key).hashCode(), lanes)).orElse(-1);
        }
    }

    private Parsed parse(Path directory, Path f, java.util.Set<String> done) {
        String name = directory.relativize(f).toString();
        long size;
        try {
            size = Files.size(f);
        } catch (IOException e) {
            return new Parsed(f, name, 0, false, List.of(), "cannot read: " + e.getMessage());
        }
        if (done.contains(name + "|" + size)) return new Parsed(f, name, size, true, List.of(), null);
        try {
            List<List<IncomingResource>> units = f.toString().endsWith(".ndjson") ? ndjson(f) : List.of(bundle(IncomingBundles.read(Files.readAllBytes(f))));
            return new Parsed(f, name, size, false, units, null);
        } catch (ApiException e) {
            return new Parsed(f, name, size, false, List.of(), e.getMessage());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return new Parsed(f, name, size, false, List.of(), "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException | RuntimeException e) {
            return new Parsed(f, name, size, false, List.of(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void run(UUID job, Path directory, List<Path> files, Consumer<Job> progress) {
        long t0 = System.nanoTime();
        Actor actor = CurrentActor.get();
        Map<String, UUID> refs = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.ArrayDeque<java.util.concurrent.Future<?>> writing = new java.util.ArrayDeque<>();
        try {
            java.util.Set<String> done = new java.util.HashSet<>(jdbc.sql("""
                    select fi.file_name || '|' || fi.size_bytes from import_file fi join import_job j on j.id = fi.job_id
                     where j.directory = ? and fi.status = 'DONE'""")
                    .param(directory.toAbsolutePath().toString()).query(String.class).list());
            java.util.ArrayDeque<java.util.concurrent.Future<Parsed>> ahead = new java.util.ArrayDeque<>();
            int nextToRead = 0;
            for (int i = 0; i < files.size(); i++) {
                while (nextToRead < files.size() && ahead.size() <= WRITERS) {
                    Path f = files.get(nextToRead++);
                    ahead.add(reader.submit(() -> parse(directory, f, done)));
                }
                Parsed f = ahead.poll().get();
                if (f.done()) {
                    bump(job, 1, 0, 0);
                    continue;
                }
                int lane = f.lane(WRITERS);
                if (lane < 0) {
                    // It may name Patients imported by earlier files: those are written first.
                    while (!writing.isEmpty()) writing.poll().get();
                    importFile(job, f, refs, progress);
                } else {
                    writing.add(writers[lane].submit(() -> runAs(actor, () -> importFile(job, f, refs, progress))));
                    // Parsed files wait in memory for their lane: one per lane at most (more only survive young
                    // collections to be copied — a bundle is a megabyte or more).
                    while (writing.size() > WRITERS) writing.poll().get();
                }
            }
            while (!writing.isEmpty()) writing.poll().get();
            double seconds = (System.nanoTime() - t0) / 1e9;
            Job j = job(job);
            jdbc.sql("update import_job set status = 'DONE', finished_at = now(), message = ? where id = ?")
                    .params(String.format("%,d resources in %.1f s (%.0f/s)", j.resourcesDone(), seconds, j.resourcesDone() / Math.max(seconds, 1e-3)), job)
                    .update();
        } catch (Exception e) {
            log.error("bulk import {} failed", job, e);
            for (var w : writing) w.cancel(false);
            jdbc.sql("update import_job set status = 'FAILED', finished_at = now(), message = ? where id = ?").params(e.toString(), job).update();
        }
    }

    /** One file's transactions (a rejected one rolls back alone), its row in the job, the job's counts. */
    private void importFile(UUID job, Parsed f, Map<String, UUID> refs, Consumer<Job> progress) {
        int resources = 0;
        String reason = f.reason();
        if (reason == null) {
            try {
                for (List<IncomingResource> unit : f.units()) resources += importEntries(job, unit, refs);
            } catch (BaseServerResponseException e) {
                reason = e.getMessage() + diagnostics(e);
            } catch (ApiException e) {
                reason = e.getMessage();
            } catch (RuntimeException e) {
                reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        }
        jdbc.sql("insert into import_file (job_id, file_name, size_bytes, status, resources, reason) values (?, ?, ?, ?, ?, ?)")
                .params(job, f.name(), f.size(), reason == null ? "DONE" : "REJECTED", resources, reason).update();
        bump(job, 1, reason == null ? 0 : 1, resources);
        progress.accept(job(job));
    }

    /** One Bundle (transaction, batch or collection) read as a stream, or a single resource: one database transaction. */
    private static List<IncomingResource> bundle(IncomingBundles.Bundle b) {
        if (b.type() != null && !b.type().equals("transaction") && !b.type().equals("batch") && !b.type().equals("collection")) {
            throw ApiException.badField("Bundle.type", "expected a transaction bundle, got " + b.type());
        }
        return b.entries();
    }

    private static List<IncomingResource> bundle(JsonNode doc) {
        if ("Bundle".equals(doc.path("resourceType").asText())) {
            String type = doc.path("type").asText();
            if (!type.equals("transaction") && !type.equals("batch") && !type.equals("collection")) {
                throw ApiException.badField("Bundle.type", "expected a transaction bundle, got " + type);
            }
        }
        return IncomingBundles.entries(doc);
    }

    private int importEntries(UUID job, List<IncomingResource> entries, Map<String, UUID> refs) {
        BundleRefs local = new BundleRefs(refs);
        tx.executeWithoutResult(s -> saveReport(job, transactions.run(entries, local, job).report()));
        refs.putAll(local.own);
        return entries.size();
    }

    /**
     * A bundle's references over those of the bundles already committed, without copying them for each
     * bundle: what the bundle adds is merged only once its transaction has committed.
     */
    private static final class BundleRefs extends java.util.AbstractMap<String, UUID> {
        private final Map<String, UUID> own = new HashMap<>();
        private final Map<String, UUID> committed;

        BundleRefs(Map<String, UUID> committed) {
            this.committed = committed;
        }

        @Override
        public UUID get(Object key) {
            UUID v = own.get(key);
            return v != null ? v : committed.get(key);
        }

        @Override
        public UUID put(String key, UUID value) {
            return own.put(key, value);
        }

        @Override
        public java.util.Set<Entry<String, UUID>> entrySet() {
            return own.entrySet();
        }
    }

    /** NDJSON: each line a resource (or a bundle); resources are imported in chunks of 500. */
    private List<List<IncomingResource>> ndjson(Path f) throws IOException {
        List<List<IncomingResource>> units = new java.util.ArrayList<>();
        List<JsonNode> chunk = new java.util.ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank()) continue;
                JsonNode r = json.readTree(line);
                if ("Bundle".equals(r.path("resourceType").asText())) {
                    units.add(bundle(r));
                    continue;
                }
                chunk.add(r);
                if (chunk.size() >= NDJSON_CHUNK) {
                    units.add(IncomingBundles.resources(chunk));
                    chunk = new java.util.ArrayList<>();
                }
            }
        }
        if (!chunk.isEmpty()) units.add(IncomingBundles.resources(chunk));
        return units;
    }

    /** The transaction's counts added to the job's report, in one statement. */
    private void saveReport(UUID job, ImportReport r) {
        List<ImportReport.Line> lines = r.lines();
        if (lines.isEmpty()) return;
        jdbc.sql("""
                insert into import_report (job_id, resource_type, mapped, kept, not_kept, reason)
                select ?, t, m, k, n, why from unnest(?::text[], ?::int[], ?::int[], ?::int[], ?::text[]) as x (t, m, k, n, why)
                on conflict (job_id, resource_type) do update set mapped = import_report.mapped + excluded.mapped,
                    kept = import_report.kept + excluded.kept, not_kept = import_report.not_kept + excluded.not_kept,
                    reason = coalesce(import_report.reason, excluded.reason)""")
                .params(job, lines.stream().map(ImportReport.Line::resourceType).toArray(String[]::new),
                        lines.stream().map(ImportReport.Line::mapped).toArray(Integer[]::new),
                        lines.stream().map(ImportReport.Line::kept).toArray(Integer[]::new),
                        lines.stream().map(ImportReport.Line::notKept).toArray(Integer[]::new),
                        lines.stream().map(ImportReport.Line::reason).toArray(String[]::new))
                .update();
    }

    /** What the import did with each resource type so far. */
    public ImportReport report(UUID job) {
        job(job);
        ImportReport r = new ImportReport();
        jdbc.sql("select resource_type, mapped, kept, not_kept, reason from import_report where job_id = ? order by resource_type")
                .param(job).query(ImportReport.Line.class).list().forEach(r::add);
        return r;
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
                rs.getString("directory"), rs.getString("source"), rs.getString("status"), rs.getInt("files_total"), rs.getInt("files_done"), rs.getInt("files_rejected"),
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
