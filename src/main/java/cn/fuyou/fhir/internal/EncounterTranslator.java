package cn.fuyou.fhir.internal;

import cn.fuyou.fhir.FhirCodes;
import cn.fuyou.maternal.PregnancyRecord;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/** Antenatal contacts (ambulatory) and the delivery (inpatient) → Encounters linked to the pregnancy episode. */
public final class EncounterTranslator {

    private EncounterTranslator() {}

    static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

    public static List<Encounter> toFhir(PregnancyRecord p) {
        List<Encounter> out = new ArrayList<>();
        for (PregnancyRecord.Contact c : p.contacts()) {
            Encounter e = base(DerivedIds.of(p.id(), c.id(), null), p, "AMB", "ambulatory", "424619006", "Prenatal visit");
            if (c.createdAt() != null) e.getMeta().setLastUpdated(Date.from(c.createdAt().toInstant()));
            e.setPeriod(new Period().setStartElement(PatientTranslator.dateTimeType(c.contactDate())));
            e.setServiceProvider(new Reference("Organization/" + c.institutionCode()));
            out.add(e);
        }
        if (p.delivery() != null) {
            Encounter e = base(DerivedIds.of(p.id(), p.delivery().id(), "delivery"), p, "IMP", "inpatient encounter", "236973005",
                    "Delivery procedure");
            e.setPeriod(new Period().setStart(Date.from(p.delivery().deliveredAt().toInstant())));
            e.setServiceProvider(new Reference("Organization/" + p.delivery().institutionCode()));
            out.add(e);
        }
        return out;
    }

    private static Encounter base(String id, PregnancyRecord p, String cls, String clsDisplay, String type, String typeDisplay) {
        Encounter e = new Encounter();
        e.setId(id);
        e.setStatus(Encounter.EncounterStatus.FINISHED);
        e.setClass_(new Coding(ACT_CODE, cls, clsDisplay));
        e.addType(new CodeableConcept(new Coding(FhirCodes.SNOMED, type, typeDisplay)));
        e.setSubject(new Reference("Patient/" + p.womanId()));
        e.addEpisodeOfCare(new Reference("EpisodeOfCare/" + p.id()));
        return e;
    }
}
