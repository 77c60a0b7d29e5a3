package cn.fuyou.hospital.internal;

import cn.fuyou.hospital.Admissions;
import cn.fuyou.hospital.BedType;
import cn.fuyou.hospital.GestationalAgeBand;
import cn.fuyou.registry.Institution;
import cn.fuyou.registry.PersonDetail;
import cn.fuyou.reporting.IndicatorFact;
import cn.fuyou.reporting.IndicatorFacts;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What an admission contributes to the indicator catalogue ({@code indicators/hospital.json}):
 * admissions (NICU ones by gestational-age band and, counted at the referring institution, by who
 * referred), transfers arriving within two hours of the request, discharges and deaths by band.
 * Restated in full at every write of the admission, inside its transaction.
 */
@Component
public class AdmissionFacts {

    /** Request-to-arrival target for a newborn transfer (fuyou rule: the catalogue's "arrived within 2 h"). */
    public static final long ARRIVAL_TARGET_MINUTES = 120;

    private final IndicatorFacts facts;

    AdmissionFacts(IndicatorFacts facts) {
        this.facts = facts;
    }

    public void admitted(Admissions.Admission a, Institution hospital, PersonDetail child) {
        facts.replace("hospital_admission", a.id(), of(a, hospital, child));
    }

    public void discharged(Admissions.Admission a, Institution hospital, PersonDetail child) {
        facts.replace("hospital_admission", a.id(), of(a, hospital, child));
    }

    static List<IndicatorFact> of(Admissions.Admission a, Institution hospital, PersonDetail child) {
        String area = child.addressAreaCode() != null ? child.addressAreaCode() : hospital.areaCode();
        boolean nicu = a.bedType().neonatal() || a.stays().stream().anyMatch(s -> s.bedType().neonatal());
        return demo(a.id(), a.childId(), a.bedType(), nicu, a.gestationalAgeBand(), a.referringInstitutionCode(),
                a.requestToArrivalMinutes(), a.admittedAt(), a.dischargedAt(), a.outcome(), hospital.code(), area);
    }

    /** The facts of one admission from its plain values (also used by the demo loader, which writes in batches). */
    static List<IndicatorFact> demo(UUID admissionId, UUID childId, BedType admittedType, boolean nicuStay, GestationalAgeBand band,
                                    String referringCode, Long requestToArrivalMinutes, OffsetDateTime admittedAt,
                                    OffsetDateTime dischargedAt, String outcome, String hospitalCode, String area) {
        LocalDate admitted = admittedAt.atZoneSameInstant(Admissions.ZONE).toLocalDate();
        boolean nicu = nicuStay || admittedType.neonatal();
        List<IndicatorFact> out = new ArrayList<>();
        out.add(fact("HOSP_ADMISSION", childId, hospitalCode, area, admitted));
        if (nicu) {
            out.add(fact("NICU_ADMISSION", childId, hospitalCode, area, admitted));
            out.add(fact("NICU_ADMISSION_GA_" + band.name(), childId, hospitalCode, area, admitted));
            if (referringCode != null) out.add(fact("NICU_ADMISSION_REFERRED", childId, referringCode, area, admitted));
        }
        if (requestToArrivalMinutes != null) {
            out.add(fact("TRANSFER_ARRIVED", childId, hospitalCode, area, admitted));
            if (requestToArrivalMinutes <= ARRIVAL_TARGET_MINUTES) out.add(fact("TRANSFER_ARRIVED_2H", childId, hospitalCode, area, admitted));
        }
        if (dischargedAt != null) {
            LocalDate discharged = dischargedAt.atZoneSameInstant(Admissions.ZONE).toLocalDate();
            boolean died = "DIED".equals(outcome);
            out.add(fact("HOSP_DISCHARGE", childId, hospitalCode, area, discharged));
            if (nicu) {
                out.add(fact("NICU_DISCHARGE", childId, hospitalCode, area, discharged));
                out.add(fact("NICU_DISCHARGE_GA_" + band.name(), childId, hospitalCode, area, discharged));
                if (died) {
                    out.add(fact("NICU_DEATH", childId, hospitalCode, area, discharged));
                    out.add(fact("NICU_DEATH_GA_" + band.name(), childId, hospitalCode, area, discharged));
                }
            }
        }
        return out;
    }

    private static IndicatorFact fact(String measure, UUID childId, String institution, String area, LocalDate date) {
        return new IndicatorFact(measure, childId, institution, area, date, null);
    }
}
