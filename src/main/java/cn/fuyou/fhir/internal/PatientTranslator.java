package cn.fuyou.fhir.internal;

import cn.fuyou.fhir.FhirCodes;
import cn.fuyou.registry.PersonDetail;
import cn.fuyou.registry.PersonForm;
import java.time.LocalDate;
import java.util.Date;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;

/** Person ↔ Patient, both ways. The resident ID number travels as an identifier, the district code as address.district. */
public final class PatientTranslator {

    private PatientTranslator() {}

    public static Patient toFhir(PersonDetail p) {
        Patient patient = new Patient();
        patient.setId(p.id().toString());
        patient.getMeta().setVersionId(Long.toString(p.version()));
        if (p.changedAt() != null) patient.getMeta().setLastUpdated(Date.from(p.changedAt().toInstant()));
        patient.addIdentifier().setSystem(system(p.idType())).setValue(p.idNumber());
        patient.addName().setFamily(p.familyName()).addGiven(p.givenName()).setText(p.fullName());
        patient.setGender("F".equals(p.sex()) ? AdministrativeGender.FEMALE : "M".equals(p.sex()) ? AdministrativeGender.MALE
                : AdministrativeGender.UNKNOWN);
        patient.setBirthDateElement(dateType(p.birthDate()));
        if (p.phone() != null) patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(p.phone());
        if (p.addressAreaCode() != null || p.addressText() != null) {
            patient.addAddress().setDistrict(p.addressAreaCode()).setText(p.addressText()).setCountry("CN");
        }
        patient.setActive(!p.voided() && p.mergedInto() == null);
        if (p.mergedInto() != null) {
            patient.addLink().setType(Patient.LinkType.REPLACEDBY).setOther(new Reference("Patient/" + p.mergedInto()));
        }
        if (p.registeredInstitution() != null) {
            patient.setManagingOrganization(new Reference("Organization/" + p.registeredInstitution().code()));
        }
        return patient;
    }

    static String system(String idType) {
        return switch (idType) {
            case "RESIDENT_ID" -> FhirCodes.RESIDENT_ID;
            case "PASSPORT" -> FhirCodes.PASSPORT;
            case "BIRTH_RECORD" -> FhirCodes.BIRTH_RECORD;
            default -> "urn:fuyou:sid:external";
        };
    }

    /** The fuyou document a FHIR patient carries: resident ID or passport; null if neither. */
    public static Identifier document(Patient p) {
        for (Identifier i : p.getIdentifier()) {
            if (FhirCodes.RESIDENT_ID.equals(i.getSystem()) || FhirCodes.PASSPORT.equals(i.getSystem())) return i;
        }
        return null;
    }

    /** The registration form for a patient with a resident ID or passport. */
    public static PersonForm toForm(Patient p, Long version) {
        Identifier doc = document(p);
        HumanName name = p.getNameFirstRep();
        String family = name.getFamily();
        String given = name.getGivenAsSingleString();
        if ((family == null || family.isBlank()) && name.getText() != null && name.getText().length() > 1) {
            family = name.getText().substring(0, 1);
            given = name.getText().substring(1);
        }
        Address address = p.getAddressFirstRep();
        String phone = p.getTelecom().stream().filter(t -> t.getSystem() == ContactPoint.ContactPointSystem.PHONE)
                .map(ContactPoint::getValue).findFirst().orElse(null);
        return new PersonForm(family, given, sex(p), localDate(p.getBirthDateElement()),
                doc == null ? null : FhirCodes.PASSPORT.equals(doc.getSystem()) ? "PASSPORT" : "RESIDENT_ID",
                doc == null ? null : doc.getValue(), null, phone, address.getDistrict(), address.getText(), null, null, true, version);
    }

    public static String sex(Patient p) {
        return p.getGender() == AdministrativeGender.FEMALE ? "F" : p.getGender() == AdministrativeGender.MALE ? "M" : null;
    }

    /** Dates travel as plain "yyyy-MM-dd", never through a java.util.Date and a time zone. */
    public static org.hl7.fhir.r4.model.DateType dateType(LocalDate d) {
        return d == null ? null : new org.hl7.fhir.r4.model.DateType(d.toString());
    }

    public static org.hl7.fhir.r4.model.DateTimeType dateTimeType(LocalDate d) {
        return d == null ? null : new org.hl7.fhir.r4.model.DateTimeType(d.toString());
    }

    /** The calendar date a FHIR date or dateTime names (its own offset, not the server's zone). */
    public static LocalDate localDate(org.hl7.fhir.r4.model.BaseDateTimeType t) {
        if (t == null || t.getValueAsString() == null) return null;
        String v = t.getValueAsString();
        // FHIR allows "1985" or "1985-03": fuyou needs the day (issue 15 §3: a year-only date was a 500)
        if (t.getPrecision() == null || t.getPrecision().ordinal() < ca.uhn.fhir.model.api.TemporalPrecisionEnum.DAY.ordinal()
                || v.length() < 10) {
            throw cn.fuyou.shared.ApiException.badField("date", "需要完整日期 YYYY-MM-DD / a full date (YYYY-MM-DD) is required, got " + v);
        }
        try {
            return cn.fuyou.shared.web.InputBounds.checked(LocalDate.parse(v.substring(0, 10)));
        } catch (RuntimeException e) {
            throw cn.fuyou.shared.ApiException.badField("date", "日期无效 / not a valid date: " + v);
        }
    }
}
