package cn.fuyou.fhir.internal;

import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import cn.fuyou.fhir.FhirCodes;
import cn.fuyou.fhir.GradingInputMapping;
import cn.fuyou.maternal.AntenatalCare;
import cn.fuyou.maternal.ContactForm;
import cn.fuyou.maternal.Pregnancies;
import cn.fuyou.maternal.PregnancyRegistration;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.InvalidFieldException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code POST /fhir} with a transaction Bundle: all or nothing. Patients are created or matched by
 * identifier (a re-import creates nothing); pregnancy Conditions become fuyou pregnancies; coded
 * Conditions and LOINC Observations become antenatal contacts, so the five-colour grading runs on
 * them. Resources fuyou does not keep (Encounter, Claim, …) are acknowledged and not stored.
 */
@Component
public class TransactionProvider {

    private final PatientProvider patients;
    private final Pregnancies pregnancies;
    private final AntenatalCare care;
    private final TransactionTemplate tx;
    private final ReceivedConditions conditions;

    TransactionProvider(PatientProvider patients, Pregnancies pregnancies, AntenatalCare care, TransactionTemplate tx,
                        ReceivedConditions conditions) {
        this.patients = patients;
        this.pregnancies = pregnancies;
        this.care = care;
        this.tx = tx;
        this.conditions = conditions;
    }

    /** What the import found per patient, in date order. */
    static final class Findings {
        final List<Condition> pregnancies = new ArrayList<>();
        final TreeMap<LocalDate, Map<String, Object>> byDate = new TreeMap<>();
        final TreeMap<LocalDate, Set<String>> factorsByDate = new TreeMap<>();
    }

    @Transaction
    public Bundle transaction(@TransactionParam Bundle bundle) {
        if (bundle.getType() != Bundle.BundleType.TRANSACTION) {
            throw new InvalidRequestException("Bundle.type must be transaction");
        }
        Bundle response = tx.execute(s -> process(bundle, new HashMap<>()));
        return response;
    }

    /**
     * Imports one bundle in the caller's transaction. {@code refs} maps source references
     * ("urn:uuid:…", "Patient/…") to fuyou persons; bulk imports keep it across bundles.
     */
    public Bundle process(Bundle bundle, Map<String, UUID> refs) {
        Map<UUID, Findings> findings = new HashMap<>();
        OperationOutcome problems = new OperationOutcome();
        Bundle response = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
        List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
        for (int i = 0; i < entries.size(); i++) {
            Resource r = entries.get(i).getResource();
            if (r instanceof Patient p) {
                try {
                    UUID id = PatientTranslator.document(p) != null
                            ? UUID.fromString(patients.create(p, null).getId().getIdPart()) : patients.importExternal(p);
                    refs.put(entries.get(i).getFullUrl(), id);
                    refs.put("Patient/" + p.getIdElement().getIdPart(), id);
                    refs.put("Patient/" + id, id);
                } catch (ApiException e) {
                    String where = "Bundle.entry[" + i + "].resource(Patient)";
                    if (e.fieldErrors().isEmpty()) issue(problems, where, e.getMessage());
                    e.fieldErrors().forEach(f -> issue(problems, where + "." + f.field(), f.message()));
                }
            }
        }
        for (int i = 0; i < entries.size(); i++) {
            Resource r = entries.get(i).getResource();
            String where = "Bundle.entry[" + i + "].resource";
            if (r instanceof Condition c) {
                UUID woman = subject(refs, c.getSubject(), problems, where + ".subject");
                if (woman == null) continue;
                conditions.keep(woman, c);
                for (Coding code : c.getCode().getCoding()) {
                    GradingInputMapping.condition(code.getSystem(), code.getCode()).ifPresent(factor -> {
                        Findings f = findings.computeIfAbsent(woman, k -> new Findings());
                        if (factor.equals(GradingInputMapping.PREGNANCY)) f.pregnancies.add(c);
                        else if (c.hasOnsetDateTimeType()) {
                            f.factorsByDate.computeIfAbsent(PatientTranslator.localDate(c.getOnsetDateTimeType()), k -> new LinkedHashSet<>()).add(factor);
                        }
                    });
                }
            } else if (r instanceof Observation o) {
                UUID woman = subject(refs, o.getSubject(), problems, where + ".subject");
                if (woman == null || !o.hasEffectiveDateTimeType()) continue;
                LocalDate on = PatientTranslator.localDate(o.getEffectiveDateTimeType());
                Map<String, Object> values = findings.computeIfAbsent(woman, k -> new Findings()).byDate.computeIfAbsent(on, k -> new HashMap<>());
                collect(o.getCode(), o.hasValueQuantity() ? o.getValueQuantity() : null, o.hasValueCodeableConcept() ? o.getValueCodeableConcept() : null, values);
                for (var comp : o.getComponent()) {
                    collect(comp.getCode(), comp.hasValueQuantity() ? comp.getValueQuantity() : null, null, values);
                }
            }
        }
        if (!problems.getIssue().isEmpty()) throw new UnprocessableEntityException("the bundle has problems: nothing was stored", problems);
        try {
            findings.forEach(this::apply);
        } catch (ApiException e) {
            throw new UnprocessableEntityException("the bundle has problems: nothing was stored", FhirErrors.outcome(e));
        } catch (InvalidFieldException e) {
            throw new UnprocessableEntityException("the bundle has problems: nothing was stored", FhirErrors.outcome(ApiException.of(e)));
        }
        for (Bundle.BundleEntryComponent e : entries) {
            String status = e.getResource() instanceof Patient || e.getResource() instanceof Condition || e.getResource() instanceof Observation
                    ? "200 OK" : "200 OK (not kept by fuyou)";
            response.addEntry().getResponse().setStatus(status).setLocation(e.getResource() instanceof Patient p
                    ? "Patient/" + refs.get(e.getFullUrl()) : null);
        }
        return response;
    }

    /** Each pregnancy Condition becomes a pregnancy (LMP = onset − 14 days, fuyou import rule); its window's findings become contacts. */
    private void apply(UUID woman, Findings f) {
        f.pregnancies.sort(java.util.Comparator.comparing(c -> c.getOnsetDateTimeType().getValue()));
        for (Condition c : f.pregnancies) {
            if (!c.hasOnsetDateTimeType()) continue;
            LocalDate onset = PatientTranslator.localDate(c.getOnsetDateTimeType());
            LocalDate lmp = onset.minusDays(14);
            LocalDate end = c.hasAbatementDateTimeType() ? PatientTranslator.localDate(c.getAbatementDateTimeType()) : null;
            if (lmp.isBefore(LocalDate.now().minusYears(10)) || pregnancies.findByLmp(woman, lmp).isPresent()) continue; // idempotent
            if (pregnancies.openPregnancyOf(woman).isPresent()) continue;
            LocalDate last = end != null ? end : LocalDate.now();
            var window = f.byDate.subMap(onset, true, last, true);
            Map<String, Object> first = window.isEmpty() ? Map.of() : window.firstEntry().getValue();
            UUID id = pregnancies.register(new PregnancyRegistration(woman, null, onset.plusDays(42).isAfter(LocalDate.now()) ? LocalDate.now() : onset.plusDays(42),
                    1, 0, lmp, null, null, (BigDecimal) latest(f, onset, "heightCm"), (BigDecimal) first.get("weightKg"),
                    null, null, null, null, List.of(), "imported from FHIR")).id();
            for (var e : window.entrySet()) {
                if (e.getKey().isBefore(lmp) || e.getKey().isAfter(LocalDate.now())) continue;
                Map<String, Object> v = e.getValue();
                Set<String> factors = f.factorsByDate.subMap(onset, true, e.getKey(), true).values().stream()
                        .flatMap(Set::stream).collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new));
                care.recordContact(id, new ContactForm(e.getKey(), (BigDecimal) v.get("weightKg"), integer(v.get("systolic")),
                        integer(v.get("diastolic")), (BigDecimal) v.get("fundalHeightCm"), integer(v.get("fetalHeartRate")), null, null, null,
                        (BigDecimal) v.get("hemoglobinGPerL"), (BigDecimal) v.get("plateletsE9PerL"), null, null, null, null,
                        (String) v.get("rh"), (String) v.get("hiv"), (String) v.get("syphilis"), (String) v.get("hbsag"),
                        (BigDecimal) v.get("creatinineTimesUpperLimit"), null, null, integer(v.get("ejectionFractionPercent")), null,
                        List.copyOf(factors), null, null));
            }
            if (end != null && !end.isAfter(LocalDate.now())) pregnancies.closeImported(id, "LIVE_BIRTH", end);
        }
    }

    private static Object latest(Findings f, LocalDate before, String field) {
        Object v = null;
        for (var e : f.byDate.headMap(before, true).entrySet()) if (e.getValue().get(field) != null) v = e.getValue().get(field);
        return v;
    }

    private static void collect(CodeableConcept code, Quantity q, CodeableConcept valueCode, Map<String, Object> into) {
        for (Coding c : code.getCoding()) {
            if (!FhirCodes.LOINC.equals(c.getSystem())) continue;
            var m = GradingInputMapping.LOINC.get(c.getCode());
            if (m != null && q != null && q.hasValue()) into.put(m.field(), m.convert(q.getValue()));
            if (GradingInputMapping.CREATININE_LOINC.equals(c.getCode()) && q != null && q.hasValue()) {
                into.put("creatinineTimesUpperLimit", q.getValue().divide(GradingInputMapping.CREATININE_ULN_MG_DL, 2, java.math.RoundingMode.HALF_UP));
            }
            String test = GradingInputMapping.LOINC_TESTS.get(c.getCode());
            if (test != null && valueCode != null) {
                String text = (valueCode.getText() + " " + valueCode.getCodingFirstRep().getDisplay() + " " + valueCode.getCodingFirstRep().getCode()).toLowerCase();
                boolean negative = text.contains("negative") || text.contains("260385009") || text.contains("not detected");
                boolean positive = !negative && (text.contains("positive") || text.contains("10828004") || text.contains("detected"));
                if (test.equals("rh")) into.put("rh", negative ? "NEGATIVE" : positive ? "POSITIVE" : null);
                else if (negative || positive) into.put(test, positive ? "POSITIVE" : "NEGATIVE");
            }
        }
    }

    private static UUID subject(Map<String, UUID> refs, Reference ref, OperationOutcome problems, String where) {
        UUID id = refs.get(ref.getReference());
        if (id == null && ref.getReference() != null && ref.getReference().startsWith("Patient/")) {
            try {
                id = UUID.fromString(ref.getReference().substring(8));
            } catch (IllegalArgumentException e) {
                id = null;
            }
        }
        if (id == null) issue(problems, where, "unresolved subject reference " + ref.getReference());
        return id;
    }

    private static void issue(OperationOutcome oo, String where, String message) {
        oo.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.INVALID)
                .setDiagnostics(message).addExpression(where);
    }

    private static Integer integer(Object o) {
        return o == null ? null : ((BigDecimal) o).setScale(0, java.math.RoundingMode.HALF_UP).intValue();
    }
}
