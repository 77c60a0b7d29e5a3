package cn.fuyou.fhir.internal;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import cn.fuyou.fhir.FhirCodes;
import cn.fuyou.hospital.Admissions;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/**
 * A hospital admission as an inpatient Encounter (issue 11 §6), both ways: out, with its ward and
 * bed stays as locations, ICD-10 diagnoses, the referring institution as origin, the outcome as
 * discharge disposition; in, an HIS posts an in-progress inpatient Encounter naming the patient, the
 * bed (Location) and the admission diagnoses, and fuyou admits her to that bed.
 */
final class InpatientEncounterTranslator {

    static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    static final String DISCHARGE_DISPOSITION = "urn:fuyou:cs:discharge-outcome";

    private InpatientEncounterTranslator() {}

    static Encounter toFhir(Admissions.Admission a) {
        Encounter e = new Encounter();
        e.setId(a.id().toString());
        e.getMeta().setVersionId(Long.toString(a.version()));
        e.setStatus("ADMITTED".equals(a.state()) ? Encounter.EncounterStatus.INPROGRESS : Encounter.EncounterStatus.FINISHED);
        e.setClass_(new Coding(ACT_CODE, "IMP", "inpatient encounter"));
        e.addType(new CodeableConcept(new Coding("urn:fuyou:cs:bed-type", a.bedType().name(), null)));
        e.setSubject(new Reference("Patient/" + a.childId()));
        e.setServiceProvider(new Reference("Organization/" + a.institutionCode()));
        if (a.referralId() != null) e.addBasedOn(new Reference("ServiceRequest/" + a.referralId()));
        Period p = new Period().setStart(Date.from(a.admittedAt().toInstant()));
        if (a.dischargedAt() != null) p.setEnd(Date.from(a.dischargedAt().toInstant()));
        e.setPeriod(p);
        if (a.lengthOfStayDays() != null) e.getLength().setValue(a.lengthOfStayDays()).setUnit("d").setSystem(FhirCodes.UCUM).setCode("d");
        List<String> dx = a.dischargeDiagnoses().isEmpty() ? a.diagnoses() : a.dischargeDiagnoses();
        dx.forEach(code -> e.addReasonCode(new CodeableConcept(new Coding(FhirCodes.ICD10, code, null))));
        for (Admissions.Stay s : a.stays()) {
            var loc = e.addLocation();
            loc.setLocation(new Reference("Location/" + LocationTranslator.wardId(a.institutionCode(), s.wardCode())).setDisplay(s.wardNameZh() + " " + s.bedLabel()));
            loc.setStatus(s.toAt() == null ? Encounter.EncounterLocationStatus.ACTIVE : Encounter.EncounterLocationStatus.COMPLETED);
            Period lp = new Period().setStart(Date.from(s.fromAt().toInstant()));
            if (s.toAt() != null) lp.setEnd(Date.from(s.toAt().toInstant()));
            loc.setPeriod(lp);
        }
        if ("ADMITTED".equals(a.state())) {
            e.addLocation().setLocation(new Reference("Location/" + a.bedId())).setStatus(Encounter.EncounterLocationStatus.ACTIVE);
        }
        var h = e.getHospitalization();
        if (a.referringInstitutionCode() != null) h.setOrigin(new Reference("Organization/" + a.referringInstitutionCode()));
        if (a.outcome() != null) h.setDischargeDisposition(new CodeableConcept(new Coding(DISCHARGE_DISPOSITION, a.outcome(), null)));
        if (a.followUpInstitutionCode() != null) h.setDestination(new Reference("Organization/" + a.followUpInstitutionCode()));
        if (a.interpreterNeeded()) {
            h.addSpecialArrangement(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/encounter-special-arrangements",
                    "int", "Interpreter")).setText(a.interpreterLanguage()));
        }
        return e;
    }

    /** The HIS's admission: an in-progress inpatient Encounter with subject, a bed Location and ICD-10 reason codes. */
    static Admissions.NewAdmission fromFhir(Encounter e) {
        if (!e.hasClass_() || !"IMP".equals(e.getClass_().getCode())) throw new InvalidRequestException("Encounter.class must be IMP (inpatient)");
        if (!e.hasSubject() || !"Patient".equals(e.getSubject().getReferenceElement().getResourceType())) {
            throw new InvalidRequestException("Encounter.subject must reference a Patient");
        }
        UUID child = uuid(e.getSubject().getReferenceElement().getIdPart(), "Encounter.subject");
        UUID bed = e.getLocation().stream().map(l -> l.getLocation().getReferenceElement().getIdPart())
                .filter(id -> id != null && id.indexOf('.') < 0).findFirst().map(id -> uuid(id, "Encounter.location"))
                .orElseThrow(() -> new InvalidRequestException("Encounter.location must name the bed (Location/<bed id>)"));
        List<String> dx = new ArrayList<>();
        e.getReasonCode().forEach(c -> c.getCoding().stream().filter(x -> FhirCodes.ICD10.equals(x.getSystem())).forEach(x -> dx.add(x.getCode())));
        OffsetDateTime start = e.getPeriod().hasStart() ? e.getPeriod().getStart().toInstant().atOffset(ZoneOffset.UTC) : null;
        boolean interpreter = e.getHospitalization().getSpecialArrangement().stream()
                .anyMatch(c -> c.getCoding().stream().anyMatch(x -> "int".equals(x.getCode())));
        String language = e.getHospitalization().getSpecialArrangement().stream().filter(CodeableConcept::hasText)
                .map(CodeableConcept::getText).findFirst().orElse(null);
        return new Admissions.NewAdmission(null, bed, child, start, dx, null, null, interpreter, language);
    }

    private static UUID uuid(String id, String field) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException ex) {
            throw new InvalidRequestException(field + ": not a fuyou id: " + id);
        }
    }
}
