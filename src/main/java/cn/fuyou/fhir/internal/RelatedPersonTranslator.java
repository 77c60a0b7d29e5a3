package cn.fuyou.fhir.internal;

import cn.fuyou.registry.PersonDetail;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;

/** A person's links (mother, children, partner) → RelatedPersons of hers; id = her id and theirs. */
public final class RelatedPersonTranslator {

    private RelatedPersonTranslator() {}

    static final String ROLE_CODE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";

    public static List<RelatedPerson> toFhir(PersonDetail p) {
        List<RelatedPerson> out = new ArrayList<>();
        for (PersonDetail.Link l : p.links()) {
            RelatedPerson r = new RelatedPerson();
            r.setId(DerivedIds.of(p.id(), l.personId(), null));
            if (p.changedAt() != null) r.getMeta().setLastUpdated(java.util.Date.from(p.changedAt().toInstant()));
            r.setPatient(new Reference("Patient/" + p.id()));
            String code = switch (l.kind()) {
                case "MOTHER" -> "MTH";
                case "CHILD" -> "CHILD";
                default -> "SPS";
            };
            r.addRelationship().addCoding().setSystem(ROLE_CODE).setCode(code).setDisplay(l.kind().toLowerCase());
            r.addName().setText(l.fullName());
            r.setGender("F".equals(l.sex()) ? Enumerations.AdministrativeGender.FEMALE : Enumerations.AdministrativeGender.MALE);
            r.setBirthDateElement(PatientTranslator.dateType(l.birthDate()));
            r.addIdentifier().setSystem("urn:fuyou:sid:person").setValue(l.personId().toString());
            out.add(r);
        }
        return out;
    }
}
