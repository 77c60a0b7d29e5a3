package cn.fuyou.fhir.internal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import cn.fuyou.fhir.GradingInputMapping;
import cn.fuyou.fhir.ImportReport;
import cn.fuyou.maternal.ContactForm;
import cn.fuyou.maternal.PregnancyImport;
import cn.fuyou.registry.PersonAccess;
import cn.fuyou.registry.Persons;
import cn.fuyou.shared.InvalidFieldException;
import cn.fuyou.shared.ApiException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Component;

/**
 * One incoming transaction, in the caller's database transaction, all or nothing: Patients are
 * created or matched; every clinical resource about a person is kept as received; pregnancy and
 * factor Conditions and LOINC Observations become typed findings that the maternal module records
 * and grades; what is not kept is counted with its reason. Used by {@code POST /fhir} and the bulk import.
 */
@Component
public class TransactionImport {

    /** What the import did: the report per resource type and, per entry, where the entry went. */
    public record Result(ImportReport report, List<String> status, List<String> location) {}

    private final PatientProvider patients;
    private final Persons persons;
    private final PersonAccess access;
    private final PregnancyImport pregnancies;
    private final ReceivedResources received;
    private final FhirContext fhir;
    private final cn.fuyou.audit.AuditLog audit;
    private final ResourceValidation validation;
    private final java.time.Clock clock;

    TransactionImport(PatientProvider patients, Persons persons, PersonAccess access, PregnancyImport pregnancies, ReceivedResources received,
                      FhirContext fhir, ResourceValidation validation, java.time.Clock clock, cn.fuyou.audit.AuditLog audit) {
        this.audit = audit;
        this.clock = clock;
        this.patients = patients;
        this.persons = persons;
        this.access = access;
        this.pregnancies = pregnancies;
        this.received = received;
        this.fhir = fhir;
        this.validation = validation;
    }

    /**
     * Imports the entries. {@code refs} maps source references ("urn:uuid:…", "Patient/…") to fuyou
     * persons; a bulk import keeps it across bundles. Problems are collected and refused together (422).
     */
    public Result run(List<IncomingResource> entries, Map<String, UUID> refs, UUID importJob) {
        ImportReport report = new ImportReport();
        OperationOutcome problems = new OperationOutcome();
        int size = entries.isEmpty() ? 0 : entries.get(entries.size() - 1).index() + 1;
        String[] status = new String[size];
        String[] location = new String[size];
        var parser = fhir.newJsonParser();
        for (IncomingResource e : entries) {
            if (!"Patient".equals(e.type())) continue;
            Patient p = parser.parseResource(Patient.class, e.text());
            try {
                UUID id = PatientTranslator.document(p) != null
                        ? UUID.fromString(patients.create(p, null).getId().getIdPart()) : patients.importExternal(p);
                // Issue 15: a Patient matched by her document names an existing record; what the bundle says about
                // her is written only where the caller may write her record (refused and audited otherwise).
                if (!access.canAccess(id)) {
                    refused(id, e.where() + "(Patient)");
                    issue(problems, e.where() + "(Patient).identifier", "this person's record is not held by your institution");
                    continue;
                }
                if (e.fullUrl() != null) refs.put(e.fullUrl(), id);
                if (e.sourceId() != null) refs.put("Patient/" + e.sourceId(), id);
                refs.put("Patient/" + id, id);
                report.mapped("Patient");
                status[e.index()] = "200 OK";
                location[e.index()] = "Patient/" + id;
            } catch (ApiException ex) {
                String where = e.where() + "(Patient)";
                if (ex.fieldErrors().isEmpty()) issue(problems, where, ex.getMessage());
                ex.fieldErrors().forEach(f -> issue(problems, where + "." + f.field(), f.message()));
            }
        }
        Map<UUID, WomanFindings> findings = new LinkedHashMap<>();
        List<ReceivedResources.Row> keep = new ArrayList<>();
        for (IncomingResource e : entries) {
            if ("Patient".equals(e.type())) continue;
            String notKept = ReceivedTypes.notKeptReason(e.type());
            if (notKept != null) {
                report.notKept(e.type(), notKept);
                status[e.index()] = "200 OK (not kept: " + notKept + ")";
                continue;
            }
            List<ResourceValidation.Problem> invalid = validation.problems(e);
            if (!invalid.isEmpty()) {
                for (ResourceValidation.Problem p : invalid) {
                    String element = p.element().startsWith(e.type() + ".") ? p.element().substring(e.type().length()) : "";
                    issue(problems, e.where() + element, p.message());
                }
                continue;
            }
            String ref = e.patientReference();
            if (ref == null) {
                report.notKept(e.type(), ReceivedTypes.NOT_KEPT_NO_PERSON);
                status[e.index()] = "200 OK (not kept: " + ReceivedTypes.NOT_KEPT_NO_PERSON + ")";
                continue;
            }
            UUID person = person(refs, ref);
            if (person == null) {
                issue(problems, e.where() + ".subject", "unresolved subject reference " + ref);
                continue;
            }
            List<String> codes = e.codes();
            keep.add(new ReceivedResources.Row(e.type(), e.sourceId() != null ? e.sourceId() : e.fullUrl() != null ? e.fullUrl()
                    : UUID.randomUUID().toString(), person, codes, e.effective(), e.utf8()));
            status[e.index()] = "201 Created";
            if ("Condition".equals(e.type())) {
                // Parsed only when one of its codings is a pregnancy or a §1 factor (most are neither).
                if (conditionMapped(codes) && condition(parser.parseResource(Condition.class, e.text()), findings.computeIfAbsent(person, WomanFindings::new))) {
                    report.mapped("Condition");
                }
            } else if ("Observation".equals(e.type()) && ContactFindings.mapped(codes)) {
                Observation o = parser.parseResource(Observation.class, e.text());
                if (o.hasEffectiveDateTimeType()
                        && findings.computeIfAbsent(person, WomanFindings::new).observed(PatientTranslator.localDate(o.getEffectiveDateTimeType()), o)) {
                    report.mapped("Observation");
                }
            }
        }
        if (!problems.getIssue().isEmpty()) throw new UnprocessableEntityException("the bundle has problems: nothing was stored", problems);
        try {
            keep.stream().collect(java.util.stream.Collectors.groupingBy(ReceivedResources.Row::type, java.util.stream.Collectors.counting()))
                    .forEach((type, n) -> report.kept(type, n.intValue()));
            received.keep(keep, importJob);
            findings.values().forEach(this::record);
        } catch (ApiException ex) {
            throw new UnprocessableEntityException("the bundle has problems: nothing was stored", FhirErrors.outcome(ex));
        } catch (InvalidFieldException ex) {
            throw new UnprocessableEntityException("the bundle has problems: nothing was stored", FhirErrors.outcome(ApiException.of(ex)));
        }
        return new Result(report, java.util.Arrays.asList(status), java.util.Arrays.asList(location));
    }

    private static boolean conditionMapped(List<String> codes) {
        for (String c : codes) {
            int bar = c.indexOf('|');
            if (bar >= 0 && GradingInputMapping.condition(c.substring(0, bar), c.substring(bar + 1)).isPresent()) return true;
        }
        return false;
    }

    /** A pregnancy Condition becomes an episode; a coded factor a finding from its onset; true when mapped. */
    private static boolean condition(Condition c, WomanFindings f) {
        boolean mapped = false;
        for (Coding code : c.getCode().getCoding()) {
            var factor = GradingInputMapping.condition(code.getSystem(), code.getCode());
            if (factor.isEmpty()) continue;
            LocalDate onset = c.hasOnsetDateTimeType() ? PatientTranslator.localDate(c.getOnsetDateTimeType())
                    : c.hasRecordedDate() ? PatientTranslator.localDate(c.getRecordedDateElement()) : null;
            LocalDate end = c.hasAbatementDateTimeType() ? PatientTranslator.localDate(c.getAbatementDateTimeType()) : null;
            if (factor.get().equals(GradingInputMapping.PREGNANCY)) {
                if (onset == null) continue;
                f.episodes.add(new WomanFindings.Episode(onset, end));
            } else {
                f.factors.add(new WomanFindings.Factor(factor.get(), onset, end));
            }
            mapped = true;
        }
        return mapped;
    }

    /**
     * Her pregnancies registered with their contacts (graded as they are recorded); findings about a
     * pregnancy fuyou already holds open — no pregnancy in the bundle, or the bundle's open one is
     * already there — are recorded on it, so a coded Condition grades her at once (issue 16 §6).
     */
    private void record(WomanFindings f) {
        LocalDate today = cn.fuyou.shared.ChinaTime.today(clock);
        boolean toOpen = f.episodes.isEmpty();
        for (PregnancyImport.ImportedPregnancy p : f.pregnancies(today)) {
            PregnancyImport.Result r = pregnancies.register(p);
            if (p.endedOn() == null && (r == PregnancyImport.Result.ANOTHER_OPEN || r == PregnancyImport.Result.ALREADY_IMPORTED)) toOpen = true;
        }
        if (!toOpen) return;
        pregnancies.openPregnancyOf(f.woman).ifPresent(open -> {
            List<ContactForm> contacts = f.findingsSince(pregnancies.lmpOf(open), today);
            if (!contacts.isEmpty()) pregnancies.addContacts(open, contacts);
        });
    }

    /** The person a reference names: a Patient of this import, or fuyou's own Patient/{id} the caller may see. */
    private UUID person(Map<String, UUID> refs, String ref) {
        UUID id = refs.get(ref);
        if (id != null || !ref.startsWith("Patient/")) return id;
        try {
            id = UUID.fromString(ref.substring(8));
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (persons.load(id).isEmpty()) return null;
        if (!access.canAccess(id)) {
            refused(id, ref);
            return null;
        }
        refs.put(ref, id);
        return id;
    }

    /** A refused write, kept in the audit trail even though the bundle's transaction rolls back. */
    private void refused(UUID person, String where) {
        audit.recordIndependently(new cn.fuyou.audit.AuditRecord("IMPORT", "Patient", person.toString(), person, false, false,
                "not entitled to the matched record", Map.of("entry", where)));
    }

    static void issue(OperationOutcome oo, String where, String message) {
        oo.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.INVALID)
                .setDiagnostics(message).addExpression(where);
    }

}
