package cn.fuyou.criticalcare;

import cn.fuyou.maternal.Pregnancies;
import cn.fuyou.maternal.PregnancyRecord;
import cn.fuyou.network.Referrals;
import cn.fuyou.registry.PersonDetail;
import cn.fuyou.registry.Persons;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The evidence a review committee reads, assembled from her whole fuyou record through the modules'
 * APIs (maternal: pregnancies with contacts, gradings and delivery; network: referrals with their
 * times) and this module's cases and death report. Kept as a snapshot in the review.
 */
@Component
class EvidenceAssembly {

    private final Persons persons;
    private final Pregnancies pregnancies;
    private final Referrals referrals;
    private final JdbcClient jdbc;
    private final CriticalCases cases;

    EvidenceAssembly(Persons persons, Pregnancies pregnancies, Referrals referrals, JdbcClient jdbc, CriticalCases cases) {
        this.persons = persons;
        this.pregnancies = pregnancies;
        this.referrals = referrals;
        this.jdbc = jdbc;
        this.cases = cases;
    }

    record Contact(LocalDate date, String institution, Integer gaWeeks, String bloodPressure, String hemoglobin, String platelets,
                   List<String> factors) {}

    record Grading(LocalDate date, String colour, boolean purple, String institution, String ruleSetVersion, List<String> reasons) {}

    record Pregnancy(UUID id, LocalDate registeredOn, LocalDate edd, String status, String outcome, LocalDate outcomeDate,
                     String colour, String careInstitution, List<Contact> contacts, List<Grading> gradings, Map<String, Object> delivery) {}

    record Referral(UUID id, String from, String to, String urgency, String state, String reason, OffsetDateTime createdAt,
                    OffsetDateTime decidedAt, OffsetDateTime departedAt, OffsetDateTime arrivedAt, OffsetDateTime completedAt) {}

    record Case(UUID id, OffsetDateTime onsetAt, String reportedBy, String centre, String diagnosis, List<String> criteria,
                String classification, Integer icuDays, java.math.BigDecimal unitsTransfused, boolean laparotomy, String hysterectomy,
                List<CriticalCases.EventView> timeline) {}

    record Evidence(OffsetDateTime assembledAt, String assembledBy, String woman, LocalDate birthDate, String areaCode,
                    List<Pregnancy> pregnancies, List<Referral> referrals, List<Case> criticalCases, List<String> gaps) {}

    Evidence assemble(UUID personId) {
        List<String> gaps = new ArrayList<>();
        PersonDetail p = persons.load(personId).orElseThrow();
        List<Pregnancy> preg = new ArrayList<>();
        try {
            for (var s : pregnancies.forWoman(personId)) {
                PregnancyRecord r = pregnancies.readForWrite(s.id());
                List<Contact> contacts = r.contacts().stream().map(c -> new Contact(c.contactDate(), c.institutionNameZh(),
                        c.gestationalAge() == null ? null : c.gestationalAge().weeks(),
                        c.systolic() == null ? null : c.systolic() + "/" + c.diastolic(),
                        c.hemoglobinGPerL() == null ? null : c.hemoglobinGPerL().toPlainString(),
                        c.plateletsE9PerL() == null ? null : c.plateletsE9PerL().toPlainString(), c.factors())).toList();
                List<Grading> gradings = r.gradings().stream().map(g -> {
                    List<String> reasons = new ArrayList<>();
                    if (g.factors() != null) g.factors().forEach(f -> reasons.add(f.path("reasonZh").asText(f.path("code").asText())));
                    return new Grading(g.assessedOn(), g.colour() == null ? null : g.colour().name(), g.purple(), g.institutionCode(), g.ruleSetVersion(), reasons);
                }).toList();
                Map<String, Object> delivery = null;
                if (r.delivery() != null) {
                    delivery = new LinkedHashMap<>();
                    delivery.put("deliveredAt", r.delivery().deliveredAt());
                    delivery.put("mode", r.delivery().mode());
                    delivery.put("institution", r.delivery().institutionCode());
                    delivery.put("bloodLossMl", r.delivery().bloodLossMl());
                    delivery.put("complications", r.delivery().complications());
                    delivery.put("maternalCondition", r.delivery().maternalCondition());
                }
                preg.add(new Pregnancy(r.id(), r.registeredOn(), r.edd(), r.status(), r.outcome(), r.outcomeDate(), r.colour() == null ? null : r.colour().name(),
                        r.careInstitution() == null ? null : r.careInstitution().nameZh(), contacts, gradings, delivery));
            }
        } catch (ApiException e) {
            gaps.add("孕期档案不可读 / pregnancy record not accessible: " + e.getMessage());
        }
        List<Referral> refs = new ArrayList<>();
        try {
            for (var r : referrals.forPerson(personId)) {
                refs.add(new Referral(r.id(), r.fromInstitutionName(), r.toInstitutionName(), r.urgency(), r.state(), r.reason(),
                        r.createdAt(), r.decidedAt(), r.departedAt(), r.arrivedAt(), r.completedAt()));
            }
        } catch (ApiException e) {
            gaps.add("转诊记录不可读 / referrals not accessible: " + e.getMessage());
        }
        List<Case> cs = jdbc.sql("select id from critical_case where person_id = ? order by onset_at").param(personId).query(UUID.class).list()
                .stream().map(cases::view).map(v -> new Case(v.id(), v.onsetAt(), v.reportingInstitutionName(), v.centreInstitutionName(),
                        v.diagnosis(), v.criteria(), v.classification(), v.icuDays(), v.unitsTransfused(), v.laparotomy(), v.hysterectomy(),
                        v.timeline())).toList();
        if (preg.isEmpty()) gaps.add("无孕期保健记录 / no antenatal record in fuyou");
        return new Evidence(OffsetDateTime.now(), CurrentActor.get().username(), p.fullName(), p.birthDate(), p.addressAreaCode(), preg,
                refs, cs, gaps);
    }
}
