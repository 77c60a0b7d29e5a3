package cn.fuyou.fhir.internal;

import cn.fuyou.fhir.FhirCodes;
import cn.fuyou.maternal.PregnancyRecord;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/** Pregnancy → EpisodeOfCare. */
public final class EpisodeOfCareTranslator {

    private EpisodeOfCareTranslator() {}

    public static EpisodeOfCare toFhir(PregnancyRecord p) {
        EpisodeOfCare e = new EpisodeOfCare();
        e.setId(p.id().toString());
        e.getMeta().setVersionId(Long.toString(p.version()));
        e.getMeta().setLastUpdated(ObservationTranslator.lastChange(p));
        e.setStatus("OPEN".equals(p.status()) ? EpisodeOfCare.EpisodeOfCareStatus.ACTIVE : EpisodeOfCare.EpisodeOfCareStatus.FINISHED);
        e.addType().addCoding().setSystem(FhirCodes.SNOMED).setCode("77386006").setDisplay("Pregnancy");
        e.setPatient(new Reference("Patient/" + p.womanId()));
        e.setManagingOrganization(new Reference("Organization/" + p.careInstitution().code()));
        e.setPeriod(new Period().setStartElement(PatientTranslator.dateTimeType(p.registeredOn())).setEndElement(PatientTranslator.dateTimeType(p.outcomeDate())));
        e.addExtension("urn:fuyou:ext:edd", PatientTranslator.dateType(p.edd()));
        if (p.colour() != null) {
            e.addExtension("urn:fuyou:ext:risk-colour", new Coding(FhirCodes.RISK_COLOUR, p.colour().name(), null));
        }
        return e;
    }
}
