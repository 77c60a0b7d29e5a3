package cn.fuyou.fhir.internal;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import cn.fuyou.maternal.PregnancyRecord;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/** Encounter: antenatal contacts and deliveries from fuyou's record, and the Encounters kept as received. */
@Component
public class EncounterProvider implements IResourceProvider {

    private final PersonRecords records;
    private final ReceivedResources received;
    private final cn.fuyou.hospital.Admissions admissions;

    EncounterProvider(PersonRecords records, ReceivedResources received, cn.fuyou.hospital.Admissions admissions) {
        this.records = records;
        this.received = received;
        this.admissions = admissions;
    }

    @Override
    public Class<Encounter> getResourceType() {
        return Encounter.class;
    }

    /** A kept Encounter, a hospital admission (issue 11) or an antenatal contact / delivery. */
    @Read(version = false)
    public IBaseResource read(@IdParam IdType id) {
        if (DerivedIds.isUuid(id.getIdPart()) && received.personOf("Encounter", java.util.UUID.fromString(id.getIdPart())).isEmpty()) {
            return InpatientEncounterTranslator.toFhir(admissions.get(PatientProvider.uuid(id)));
        }
        return Received.read(received, records, "Encounter", id, (owner, part) -> EncounterTranslator.toFhir(records.pregnancy(owner)));
    }

    /** A hospital's HIS admits a child (issue 11) instead of entering it twice. */
    @ca.uhn.fhir.rest.annotation.Create
    public ca.uhn.fhir.rest.api.MethodOutcome create(@ca.uhn.fhir.rest.annotation.ResourceParam Encounter e) {
        var a = admissions.admit(InpatientEncounterTranslator.fromFhir(e));
        var out = new ca.uhn.fhir.rest.api.MethodOutcome(new IdType("Encounter", a.id().toString(), Long.toString(a.version())), true);
        out.setResource(InpatientEncounterTranslator.toFhir(a));
        return out;
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = Encounter.SP_PATIENT) ReferenceParam patient,
                                  @OptionalParam(name = Encounter.SP_SUBJECT) ReferenceParam subject,
                                  @OptionalParam(name = Encounter.SP_TYPE) TokenOrListParam type,
                                  @OptionalParam(name = Encounter.SP_DATE) DateRangeParam date,
                                  @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated) {
        PatientSearch q = PatientSearch.of(patient, subject, type, date, lastUpdated);
        records.open(q.person());
        List<Encounter> derived = new ArrayList<>();
        for (PregnancyRecord p : records.pregnancies(q.person())) derived.addAll(EncounterTranslator.toFhir(p));
        admissions.forChild(q.person()).forEach(a -> derived.add(InpatientEncounterTranslator.toFhir(a)));
        List<Encounter> matching = derived.stream().filter(e -> q.matches(e, e.getTypeFirstRep().getCoding(), e.getPeriod().getStart())).toList();
        return new SearchResults(matching, received.find("Encounter", q.person(), type, date, lastUpdated));
    }
}
