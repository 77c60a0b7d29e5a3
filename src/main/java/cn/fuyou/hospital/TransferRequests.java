package cn.fuyou.hospital;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.network.CriticalCareCentres;
import cn.fuyou.network.ReferralChanged;
import cn.fuyou.network.ReferralRequests;
import cn.fuyou.network.Referrals;
import cn.fuyou.registry.Designation;
import cn.fuyou.registry.Institution;
import cn.fuyou.registry.Institutions;
import cn.fuyou.registry.PersonDetail;
import cn.fuyou.registry.PersonAccess;
import cn.fuyou.registry.Persons;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A delivery room or member institution asks for a NICU/PICU bed (issue 11 §2): the request is a
 * network referral with emergency priority, so it lands in the hospital's on-call inbox; the
 * hospital keeps what it needs to pick a bed (bed type, gestation, weight, interpreter). A child
 * with a foreign passport goes to the hospital designated for foreign nationals (§4).
 */
@Service
public class TransferRequests {

    private final JdbcClient jdbc;
    private final ReferralRequests referrals;
    private final PersonAccess access;
    private final CriticalCareCentres centres;
    private final Institutions institutions;
    private final Persons persons;
    private final AuditLog audit;

    private final java.time.Clock clock;

    TransferRequests(JdbcClient jdbc, ReferralRequests referrals, CriticalCareCentres centres, Institutions institutions, Persons persons,
                     PersonAccess access, AuditLog audit, java.time.Clock clock) {
        this.clock = clock;
        this.access = access;
        this.jdbc = jdbc;
        this.referrals = referrals;
        this.centres = centres;
        this.institutions = institutions;
        this.persons = persons;
        this.audit = audit;
    }

    public record NewTransfer(UUID childId, BedType bedType, String reason, String toInstitutionCode, Integer gestationalAgeDays,
                              Integer birthWeightG, List<String> findings, String summary, Boolean interpreterNeeded,
                              String interpreterLanguage) {}

    public record Transfer(UUID referralId, UUID childId, String childName, String fromInstitutionCode, String fromInstitutionName,
                           String toInstitutionCode, String toInstitutionName, BedType bedType, Integer gestationalAgeDays,
                           Integer birthWeightG, boolean foreignNational, boolean interpreterNeeded, String interpreterLanguage,
                           OffsetDateTime requestedAt, String referralState, UUID reservationId, UUID admissionId) {}

    @Transactional
    public Transfer request(NewTransfer t) {
        Actor actor = CurrentActor.get();
        if (t == null || t.childId() == null) throw ApiException.badField("childId", "儿童必填 / childId is required");
        if (t.bedType() == null) throw ApiException.badField("bedType", "床位类型必填 / bedType is required");
        if (t.reason() == null || t.reason().isBlank()) throw ApiException.badField("reason", "转诊原因必填 / reason is required");
        if (t.gestationalAgeDays() != null && (t.gestationalAgeDays() < 154 || t.gestationalAgeDays() > 315)) {
            throw ApiException.badField("gestationalAgeDays", "出生孕周22–45周 / GA at birth 22–45 weeks");
        }
        if (t.birthWeightG() != null && (t.birthWeightG() < 300 || t.birthWeightG() > 7000)) {
            throw ApiException.badField("birthWeightG", "出生体重300–7000 g / birth weight 300–7000 g");
        }
        if (Boolean.TRUE.equals(t.interpreterNeeded()) && (t.interpreterLanguage() == null || t.interpreterLanguage().isBlank())) {
            throw ApiException.badField("interpreterLanguage", "请注明翻译语种 / say which language");
        }
        PersonDetail child = persons.load(t.childId()).orElseThrow(() -> ApiException.badField("childId", "儿童不存在 / no such child"));
        if (!access.canAccess(t.childId())) throw ApiException.forbidden("无权查看此儿童 / not entitled to this child");
        boolean foreign = ForeignNational.is(child);
        Institution to = destination(t, foreign);
        String kind = child.birthDate().isAfter(cn.fuyou.shared.ChinaTime.today(clock).minusDays(29)) ? "NEWBORN" : "CHILD";
        var findings = new ArrayList<>(t.findings() == null ? List.<String>of() : t.findings());
        if (t.gestationalAgeDays() != null) findings.add("出生孕周 " + t.gestationalAgeDays() / 7 + "+" + t.gestationalAgeDays() % 7);
        if (t.birthWeightG() != null) findings.add("出生体重 " + t.birthWeightG() + " g");
        if (foreign) findings.add("外籍 / foreign national (" + child.nationality() + ")");
        if (Boolean.TRUE.equals(t.interpreterNeeded())) findings.add("需要翻译 / interpreter: " + t.interpreterLanguage().strip());
        var referral = referrals.create(new Referrals.NewReferral(t.childId(), null, kind, to.code(), false, "EMERGENCY",
                "申请" + t.bedType().name() + "床位：" + t.reason().strip(), findings, t.summary(), false, null));
        jdbc.sql("""
                insert into hospital_transfer_request (referral_id, child_id, from_institution_id, to_institution_id, bed_type,
                    gestational_age_days, birth_weight_g, foreign_national, interpreter_needed, interpreter_language, requested_at, requested_by,
                    referral_state)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(referral.id(), t.childId(), actor.institutionId(), to.id(), t.bedType().name(), t.gestationalAgeDays(),
                        t.birthWeightG(), foreign, Boolean.TRUE.equals(t.interpreterNeeded()),
                        t.interpreterLanguage() == null ? null : t.interpreterLanguage().strip(), referral.createdAt(), actor.username(),
                        referral.state())
                .update();
        audit.record(AuditRecord.write("REQUEST_BED", "TransferRequest", referral.id(), t.childId(),
                Map.of("to", to.code(), "bedType", t.bedType().name())));
        return get(referral.id());
    }

    /** The referral moved (in the network module): the hospital's copy of its state follows, in the same transaction. */
    @EventListener
    void on(ReferralChanged c) {
        jdbc.sql("update hospital_transfer_request set referral_state = ? where referral_id = ?").params(c.state().name(), c.referralId()).update();
    }

    /** Foreign nationals go to the designated hospital; otherwise the one named, else the newborn centre. */
    private Institution destination(NewTransfer t, boolean foreign) {
        if (foreign) {
            List<Institution> designated = institutions.designated(Designation.FOREIGN_NATIONALS_CARE);
            if (designated.isEmpty()) throw ApiException.badField("childId", "没有涉外医疗定点机构 / no hospital is designated for foreign nationals");
            if (t.toInstitutionCode() != null && !t.toInstitutionCode().isBlank()
                    && designated.stream().noneMatch(i -> i.code().equals(t.toInstitutionCode().strip()))) {
                throw ApiException.badField("toInstitutionCode", "外籍儿童须转往涉外医疗定点机构 / a foreign national goes to the designated hospital: "
                        + designated.get(0).nameZh());
            }
            return designated.get(0);
        }
        if (t.toInstitutionCode() != null && !t.toInstitutionCode().isBlank()) {
            return institutions.find(t.toInstitutionCode().strip())
                    .orElseThrow(() -> ApiException.badField("toInstitutionCode", "未知机构 / unknown institution"));
        }
        return centres.newbornCentre().orElseThrow(() -> ApiException.badField("toInstitutionCode", "没有危重新生儿救治中心 / no newborn centre"));
    }

    public Transfer get(UUID referralId) {
        return jdbc.sql("select referral_id from hospital_transfer_request where referral_id = ?").param(referralId).query(UUID.class)
                .optional().map(id -> list("referral_id = ?", List.of(id), new PageRequest(0, 1)).items().get(0))
                .orElseThrow(() -> ApiException.notFound("transfer request", referralId));
    }

    /** Requests to the caller's hospital (incoming) or from the caller's institution (outgoing), newest first. */
    @Transactional(readOnly = true)
    public PageResult<Transfer> mine(String direction, boolean openOnly, PageRequest page) {
        Actor actor = CurrentActor.get();
        String where = ("outgoing".equalsIgnoreCase(direction) ? "t.from_institution_id" : "t.to_institution_id") + " = ?"
                + (openOnly ? " and t.referral_state in ('REQUESTED', 'ACCEPTED', 'IN_TRANSIT')" : "");
        return list(where, List.of(actor.institutionId()), page);
    }

    private PageResult<Transfer> list(String where, List<Object> params, PageRequest page) {
        long total = jdbc.sql("select count(*) from hospital_transfer_request t where " + where).params(params).query(Long.class).single();
        var p = new ArrayList<>(params);
        p.add(page.size());
        p.add(page.offset());
        record Row(UUID referralId, UUID childId, UUID from, UUID to, String bedType, Integer ga, Integer weight, boolean foreign,
                   boolean interpreter, String language, OffsetDateTime requestedAt, String state, UUID reservationId, UUID admissionId) {}
        var rows = jdbc.sql("""
                select t.referral_id, t.child_id, t.from_institution_id, t.to_institution_id, t.bed_type, t.gestational_age_days,
                       t.birth_weight_g, t.foreign_national, t.interpreter_needed, t.interpreter_language, t.requested_at, t.referral_state,
                       (select r.id from bed_reservation r where r.referral_id = t.referral_id order by r.created_at desc limit 1),
                       (select a.id from admission a where a.referral_id = t.referral_id limit 1)
                  from hospital_transfer_request t where""" + " " + where + " order by t.requested_at desc limit ? offset ?")
                .params(p)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class), rs.getString(5), (Integer) rs.getObject(6), (Integer) rs.getObject(7), rs.getBoolean(8),
                        rs.getBoolean(9), rs.getString(10), rs.getObject(11, OffsetDateTime.class), rs.getString(12),
                        rs.getObject(13, UUID.class), rs.getObject(14, UUID.class)))
                .list();
        Map<UUID, String> names = persons.namesOf(rows.stream().map(Row::childId).toList());
        List<Transfer> items = rows.stream().map(r -> {
            Institution from = institutions.findById(r.from()).orElseThrow();
            Institution to = institutions.findById(r.to()).orElseThrow();
            return new Transfer(r.referralId(), r.childId(), names.get(r.childId()), from.code(), from.nameZh(), to.code(), to.nameZh(),
                    BedType.valueOf(r.bedType()), r.ga(), r.weight(), r.foreign(), r.interpreter(), r.language(), r.requestedAt(),
                    r.state(), r.reservationId(), r.admissionId());
        }).toList();
        return new PageResult<>(items, total, page.page(), page.size());
    }
}
