package cn.fuyou.fhir;

import cn.fuyou.registry.Entitlements;
import ca.uhn.fhir.context.FhirContext;
import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.fhir.internal.MaternalProviders;
import cn.fuyou.fhir.internal.PatientTranslator;
import cn.fuyou.maternal.Pregnancies;
import cn.fuyou.registry.Areas;
import cn.fuyou.registry.Institutions;
import cn.fuyou.registry.Persons;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import cn.fuyou.shared.StaffRole;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * FHIR Bulk Data export ($export, NDJSON) of a region's or an institution's records for the
 * regional data centre: Patient, EpisodeOfCare, RiskAssessment and Observation files, written in the
 * background; the kick-off is audited once as an EXPORT.
 */
@Service
public class BulkExport {

    public static final List<String> TYPES = List.of("Patient", "EpisodeOfCare", "RiskAssessment", "Observation");

    public record Export(UUID id, OffsetDateTime transactionTime, String request, String status, Map<String, Integer> counts,
                         String owner, String error) {}

    private final JdbcClient jdbc;
    private final Persons persons;
    private final Entitlements entitlements;
    private final Pregnancies pregnancies;
    private final Institutions institutions;
    private final Areas areas;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final FhirContext fhir;
    private final Path root;
    private final Map<UUID, Export> exports = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fhir-bulk-export");
        t.setDaemon(true);
        return t;
    });

    BulkExport(JdbcClient jdbc, Persons persons, Entitlements entitlements, Pregnancies pregnancies, Institutions institutions, Areas areas, AuditLog audit,
               TransactionTemplate tx, FhirContext fhir, @Value("${fuyou.export.dir:./data/exports}") Path root) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.entitlements = entitlements;
        this.pregnancies = pregnancies;
        this.institutions = institutions;
        this.areas = areas;
        this.audit = audit;
        this.tx = tx;
        this.fhir = fhir;
        this.root = root;
    }

    /** Kick-off: checks the scope against the caller's role, then exports in the background. */
    public Export start(String institutionCode, String areaCode, String request) {
        Actor actor = CurrentActor.get();
        List<UUID> people;
        if (institutionCode != null) {
            var inst = institutions.get(institutionCode);
            if (!(actor.role() == StaffRole.SYSTEM_ADMIN || (actor.role() == StaffRole.INSTITUTION_ADMIN && inst.id().equals(actor.institutionId())))) {
                throw ApiException.forbidden("only a system admin or the institution's admin may export it");
            }
            people = entitlements.personsHeldBy(inst.id());
        } else if (areaCode != null) {
            if (areas.find(areaCode).isEmpty()) throw ApiException.badField("area", "unknown area " + areaCode);
            if (!(actor.role() == StaffRole.SYSTEM_ADMIN || (actor.role() == StaffRole.REGIONAL_OFFICIAL && actor.areaCode() != null
                    && areas.withDescendants(actor.areaCode()).contains(areaCode)))) {
                throw ApiException.forbidden("only a system admin or the area's official may export it");
            }
            people = persons.livingIn(areas.withDescendants(areaCode));
        } else {
            throw ApiException.badField("institution", "give institution=CODE or area=CODE");
        }
        UUID id = UUID.randomUUID();
        Export e = new Export(id, OffsetDateTime.now(), request, "RUNNING", Map.of(), actor.username(), null);
        exports.put(id, e);
        // one row naming every exported person, channel EXPORT (issue 15 §5)
        tx.executeWithoutResult(s -> audit.record(AuditRecord.list("EXPORT", "BulkExport", people,
                Map.of("exportId", id.toString(), "institution", String.valueOf(institutionCode), "area", String.valueOf(areaCode),
                        "persons", people.size()))));
        var context = SecurityContextHolder.getContext().getAuthentication();
        worker.submit(() -> {
            SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(actor, null, context.getAuthorities()));
            try {
                exports.put(id, write(e, people));
            } catch (Exception ex) {
                exports.put(id, new Export(id, e.transactionTime(), request, "FAILED", Map.of(), e.owner(), ex.toString()));
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
        return e;
    }

    private Export write(Export e, List<UUID> people) throws IOException {
        Path dir = root.resolve(e.id().toString());
        Files.createDirectories(dir);
        var parser = fhir.newJsonParser().setPrettyPrint(false);
        Map<String, Integer> counts = new ConcurrentHashMap<>();
        try (BufferedWriter pw = Files.newBufferedWriter(dir.resolve("Patient.ndjson"), StandardCharsets.UTF_8);
             BufferedWriter ew = Files.newBufferedWriter(dir.resolve("EpisodeOfCare.ndjson"), StandardCharsets.UTF_8);
             BufferedWriter rw = Files.newBufferedWriter(dir.resolve("RiskAssessment.ndjson"), StandardCharsets.UTF_8);
             BufferedWriter ow = Files.newBufferedWriter(dir.resolve("Observation.ndjson"), StandardCharsets.UTF_8)) {
            for (UUID person : people) {
                var p = persons.load(person).orElse(null);
                if (p == null) continue;
                line(pw, parser.encodeResourceToString(PatientTranslator.toFhir(p)), counts, "Patient");
                if (!"F".equals(p.sex())) continue;
                for (var s : pregnancies.forWoman(person)) {
                    var record = pregnancies.readForWrite(s.id());
                    line(ew, parser.encodeResourceToString(MaternalProviders.EpisodeOfCareProvider.toFhir(record)), counts, "EpisodeOfCare");
                    for (var g : record.gradings()) {
                        line(rw, parser.encodeResourceToString(MaternalProviders.RiskAssessmentProvider.toFhir(record, g)), counts, "RiskAssessment");
                    }
                    for (var o : MaternalProviders.ObservationProvider.observations(record)) {
                        line(ow, parser.encodeResourceToString(o), counts, "Observation");
                    }
                }
            }
        }
        return new Export(e.id(), e.transactionTime(), e.request(), "DONE", Map.copyOf(counts), e.owner(), null);
    }

    private static void line(BufferedWriter w, String json, Map<String, Integer> counts, String type) throws IOException {
        w.write(json);
        w.write('\n');
        counts.merge(type, 1, Integer::sum);
    }

    public Export status(UUID id) {
        Export e = exports.get(id);
        if (e == null) throw ApiException.notFound("export", id);
        if (!e.owner().equals(CurrentActor.get().username())) throw ApiException.forbidden("not your export");
        return e;
    }

    public Path file(UUID id, String type) {
        status(id);
        if (!TYPES.contains(type)) throw ApiException.notFound("export file", type);
        return root.resolve(id.toString()).resolve(type + ".ndjson");
    }
}
