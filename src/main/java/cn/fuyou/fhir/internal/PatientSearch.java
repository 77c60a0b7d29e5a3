package cn.fuyou.fhir.internal;

import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;

/** The parameters every clinical search takes: whose record (patient or subject), code, date, _lastUpdated. */
record PatientSearch(UUID person, TokenOrListParam code, DateRangeParam date, DateRangeParam lastUpdated) {

    static PatientSearch of(ReferenceParam patient, ReferenceParam subject, TokenOrListParam code, DateRangeParam date,
                            DateRangeParam lastUpdated) {
        ReferenceParam who = patient != null ? patient : subject;
        if (who == null || who.getIdPart() == null) {
            throw new InvalidRequestException("patient (or subject) is required: fuyou searches one person's record at a time");
        }
        return new PatientSearch(PatientProvider.uuid(new IdType("Patient", who.getIdPart())), code, date, lastUpdated);
    }

    /** Whether a resource fuyou derived matches code, date (its clinically relevant date) and _lastUpdated. */
    boolean matches(Resource r, List<Coding> codes, Date when) {
        if (code != null && !code.getValuesAsQueryTokens().isEmpty()) {
            boolean any = code.getValuesAsQueryTokens().stream().anyMatch(t -> codes.stream().anyMatch(c -> t.getValue().equals(c.getCode())
                    && (t.getSystem() == null || t.getSystem().isEmpty() || t.getSystem().equals(c.getSystem()))));
            if (!any) return false;
        }
        return within(date, when) && within(lastUpdated, r.getMeta().getLastUpdated());
    }

    static boolean within(DateRangeParam range, Date d) {
        if (range == null) return true;
        if (d == null) return false;
        return (range.getLowerBoundAsInstant() == null || !d.before(range.getLowerBoundAsInstant()))
                && (range.getUpperBoundAsInstant() == null || !d.after(range.getUpperBoundAsInstant()));
    }
}
