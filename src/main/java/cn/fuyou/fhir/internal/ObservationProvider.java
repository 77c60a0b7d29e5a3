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
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.springframework.stereotype.Component;

/** Observation: antenatal measurements and child growth (with z-scores) from fuyou's record, and the Observations kept as received. */
@Component
public class ObservationProvider implements IResourceProvider {

    private final PersonRecords records;
    private final ReceivedResources received;
    private final org.springframework.transaction.support.TransactionTemplate tx;

    ObservationProvider(PersonRecords records, ReceivedResources received, org.springframework.transaction.support.TransactionTemplate tx) {
        this.records = records;
        this.received = received;
        this.tx = tx;
    }

    @Override
    public Class<Observation> getResourceType() {
        return Observation.class;
    }

    @Read(version = false)
    public IBaseResource read(@IdParam IdType id) {
        return Received.read(received, records, "Observation", id, (owner, part) -> {
            if (id.getIdPart().contains("-g.")) {
                return records.child(owner).map(ObservationTranslator::growth).orElse(List.of());
            }
            return ObservationTranslator.contacts(records.pregnancy(owner));
        });
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = Observation.SP_PATIENT) ReferenceParam patient,
                                  @OptionalParam(name = Observation.SP_SUBJECT) ReferenceParam subject,
                                  @OptionalParam(name = Observation.SP_CODE) TokenOrListParam code,
                                  @OptionalParam(name = Observation.SP_DATE) DateRangeParam date,
                                  @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated) {
        PatientSearch q = PatientSearch.of(patient, subject, code, date, lastUpdated);
        // One transaction for the whole read: its audit rows are committed once, not once per module read.
        return tx.execute(s -> search(q, code, date, lastUpdated));
    }

    private IBundleProvider search(PatientSearch q, TokenOrListParam code, DateRangeParam date, DateRangeParam lastUpdated) {
        records.open(q.person());
        List<Observation> derived = new ArrayList<>();
        for (PregnancyRecord p : records.pregnancies(q.person())) derived.addAll(ObservationTranslator.contacts(p));
        records.child(q.person()).ifPresent(c -> derived.addAll(ObservationTranslator.growth(c)));
        List<Observation> matching = derived.stream()
                .filter(o -> q.matches(o, o.getCode().getCoding(), o.getEffectiveDateTimeType().getValue())).toList();
        return new SearchResults(matching, received.find("Observation", q.person(), code, date, lastUpdated));
    }
}
