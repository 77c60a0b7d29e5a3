package cn.fuyou.art;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.network.Consultations;
import cn.fuyou.network.ReferralRequests;
import cn.fuyou.network.Referrals;
import cn.fuyou.registry.Designation;
import cn.fuyou.registry.Entitlements;
import cn.fuyou.registry.Institution;
import cn.fuyou.registry.Institutions;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The remote infertility workstation (issue 14 item 5): a member institution (registry designation
 * {@code ART_REMOTE_WORKSTATION}) sends the ART centre a consultation (network's consultation of type
 * {@code INFERTILITY_REMOTE_WORKSTATION}) carrying a structured work-up summary generated from the couple
 * record; the centre gives its opinion; the member refers the couple for a cycle (network's INFERTILITY
 * referral). Per-member activity for the centre.
 */
@Service
public class Workstation {

    private final JdbcClient jdbc;
    private final ArtStaff staff;
    private final Couples couples;
    private final Consultations consultations;
    private final ReferralRequests referrals;
    private final Institutions institutions;
    private final Entitlements entitlements;
    private final AuditLog audit;
    private final ObjectMapper json;

    Workstation(JdbcClient jdbc, ArtStaff staff, Couples couples, Consultations consultations, ReferralRequests referrals,
                Institutions institutions, Entitlements entitlements, AuditLog audit, ObjectMapper json) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.couples = couples;
        this.consultations = consultations;
        this.referrals = referrals;
        this.institutions = institutions;
        this.entitlements = entitlements;
        this.audit = audit;
        this.json = json;
    }

    /** The structured work-up summary sent with a consultation: generated from the couple record, never typed. */
    public record WorkUpSummary(Integer womanAge, Integer partnerAge, String infertilityType, BigDecimal infertilityYears,
                                List<String> femaleFactors, List<String> maleFactors, String indication, Couples.WorkUp workUp,
                                Couples.Semen semen, List<String> semenFlags, String semenRuleVersion, int previousCycles,
                                int previousClinicalPregnancies) {}

    static WorkUpSummary summary(Couples.CoupleRecord c) {
        return new WorkUpSummary(c.woman().age(), c.partner().age(), c.infertilityType(), c.infertilityYears(), c.femaleFactors(),
                c.maleFactors(), c.indication(), c.workUp(), c.semen(), c.semenFlags(), c.semenRuleVersion(), c.cycles().size(),
                (int) c.cycles().stream().filter(Couples.CycleSummary::clinicalPregnancy).count());
    }

    /** The same summary as text for the consultation thread (codes, values and WHO 2021 flags; names stay in the record). */
    static String text(WorkUpSummary s) {
        StringBuilder b = new StringBuilder();
        b.append("女方 ").append(s.womanAge()).append("岁；男方 ").append(s.partnerAge()).append("岁；")
                .append("PRIMARY".equals(s.infertilityType()) ? "原发" : "继发").append("不孕 ").append(s.infertilityYears()).append("年；指征 ")
                .append(s.indication());
        if (!s.femaleFactors().isEmpty()) b.append("\n女方因素 ").append(String.join(", ", s.femaleFactors()));
        if (!s.maleFactors().isEmpty()) b.append("\n男方因素 ").append(String.join(", ", s.maleFactors()));
        Couples.WorkUp w = s.workUp();
        if (w != null && w.on() != null) {
            b.append("\n检查 ").append(w.on()).append(": AMH ").append(w.amhNgMl()).append(" ng/mL, AFC ").append(w.afc())
                    .append(", FSH ").append(w.fshIuL()).append(", LH ").append(w.lhIuL()).append(", E2 ").append(w.e2PgMl());
        }
        Couples.Semen m = s.semen();
        if (m != null && m.on() != null) {
            b.append("\n精液 ").append(m.on()).append(": 量 ").append(m.volumeMl()).append(" mL, 浓度 ").append(m.concentration())
                    .append("×10⁶/mL, PR ").append(m.progressive()).append("%, 正常形态 ").append(m.normalForms()).append('%');
            b.append(s.semenFlags().isEmpty() ? "（" + s.semenRuleVersion() + " 正常）" : "（" + s.semenRuleVersion() + " 低于参考下限: "
                    + String.join(", ", s.semenFlags()) + "）");
        }
        b.append("\n既往ART周期 ").append(s.previousCycles()).append("，临床妊娠 ").append(s.previousClinicalPregnancies());
        return b.toString();
    }

    public record AskForm(@NotBlank(message = "art.ws.question-required") @Size(max = 2000) String question, String centreCode) {}

    public record CaseView(UUID id, UUID coupleId, UUID womanId, String womanName, Couples.InstitutionRef member, Couples.InstitutionRef centre,
                           WorkUpSummary summary, String question, String status, String opinion, OffsetDateTime opinionAt, String opinionBy,
                           UUID referralId, OffsetDateTime referredAt, List<Consultations.Message> messages, OffsetDateTime createdAt,
                           String createdBy, long version) {}

    @Transactional
    public CaseView ask(UUID coupleId, AskForm f) {
        Actor actor = staff.centreOrMember();
        if (!staff.isMember(actor)) throw ApiException.forbidden("art.access.member-only");
        Couples.CoupleRecord couple = couples.open(coupleId);
        List<Institution> centres = institutions.designated(Designation.ART_CENTRE);
        Institution centre = f.centreCode() == null || f.centreCode().isBlank()
                ? centres.stream().findFirst().orElseThrow(() -> ApiException.badField("centreCode", "art.ws.no-centre"))
                : centres.stream().filter(i -> i.code().equals(f.centreCode().strip())).findFirst()
                        .orElseThrow(() -> ApiException.badField("centreCode", "art.ws.not-a-centre"));
        WorkUpSummary summary = summary(couple);
        var consultation = consultations.ask(new Consultations.NewConsultation("INFERTILITY_REMOTE_WORKSTATION", couple.woman().id(),
                centre.code(), text(summary), f.question().strip(), null));
        entitlements.entitle(couple.partner().id(), centre.id(), "REFERRED");
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into art_workstation_case (id, couple_id, consultation_id, member_institution_id, centre_institution_id, work_up_summary,
                                                  question, created_by)
                values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)""")
                .params(id, coupleId, consultation.id(), actor.institutionId(), centre.id(), toJson(summary), f.question().strip(), actor.username())
                .update();
        audit.record(AuditRecord.write("CONSULT", "ArtWorkstationCase", id, couple.woman().id(), Map.of("centre", centre.code())));
        return view(id);
    }

    public record OpinionForm(@NotBlank(message = "art.ws.opinion-required") @Size(max = 4000) String opinion, Long version) {}

    /** The centre's opinion, filed with the consultation; only the consulted centre gives it. */
    @Transactional
    public CaseView opinion(UUID id, OpinionForm f) {
        Actor actor = staff.centre();
        Case c = lock(id, f.version());
        if (!c.centreId().equals(actor.institutionId())) throw ApiException.forbidden("art.access.consulted-centre-only");
        consultations.answer(c.consultationId(), f.opinion().strip());
        jdbc.sql("update art_workstation_case set opinion = ?, opinion_at = now(), opinion_by = ?, version = version + 1 where id = ?")
                .params(f.opinion().strip(), actor.username(), id).update();
        audit.record(AuditRecord.write("OPINION", "ArtWorkstationCase", id, c.womanId(), Map.of()));
        return view(id);
    }

    public record ReferForm(@NotBlank(message = "art.ws.reason-required") @Size(max = 1000) String reason, Long version) {}

    /** The member refers the couple to the centre for a cycle (a network INFERTILITY referral carrying the summary). */
    @Transactional
    public CaseView refer(UUID id, ReferForm f) {
        Actor actor = staff.centreOrMember();
        Case c = lock(id, f.version());
        if (!c.memberId().equals(actor.institutionId())) throw ApiException.forbidden("art.access.member-only");
        if (c.referralId() != null) throw ApiException.conflict("already-referred", "art.ws.already-referred", Map.of("referralId", c.referralId()));
        staff.entitled(c.womanId(), "ArtWorkstationCase", id);
        Institution centre = institutions.findById(c.centreId()).orElseThrow();
        WorkUpSummary summary = summary(couples.read(c.coupleId()));
        Referrals.ReferralView r = referrals.create(new Referrals.NewReferral(c.womanId(), null, "INFERTILITY", centre.code(), false, "ROUTINE",
                f.reason().strip(), List.of(), text(summary), false, null));
        jdbc.sql("update art_workstation_case set referral_id = ?, referred_at = now(), version = version + 1 where id = ?").params(r.id(), id).update();
        audit.record(AuditRecord.write("REFER", "ArtWorkstationCase", id, c.womanId(), Map.of("referralId", r.id().toString())));
        return view(id);
    }

    private record Case(UUID coupleId, UUID womanId, UUID consultationId, UUID memberId, UUID centreId, UUID referralId, long version) {}

    private Case lock(UUID id, Long version) {
        Case c = jdbc.sql("""
                select w.couple_id, k.woman_id, w.consultation_id, w.member_institution_id as member_id, w.centre_institution_id as centre_id,
                       w.referral_id, w.version
                  from art_workstation_case w join art_couple k on k.id = w.couple_id where w.id = ? for update of w""")
                .param(id).query(Case.class).optional().orElseThrow(() -> ApiException.notFound("case", id));
        if (version == null) throw ApiException.badField("version", "art.version-required");
        if (version != c.version()) throw ApiException.staleVersion("case", id, version, c.version());
        return c;
    }

    /** A case, for the member that sent it or the centre it was sent to; audited against her record. */
    @Transactional
    public CaseView open(UUID id) {
        Actor actor = CurrentActor.get();
        record P(UUID womanId, UUID memberId, UUID centreId) {}
        P p = jdbc.sql("""
                select k.woman_id, w.member_institution_id as member_id, w.centre_institution_id as centre_id
                  from art_workstation_case w join art_couple k on k.id = w.couple_id where w.id = ?""").param(id).query(P.class).optional()
                .orElseThrow(() -> ApiException.notFound("case", id));
        if (!actor.isSystemAdmin() && !p.memberId().equals(actor.institutionId()) && !p.centreId().equals(actor.institutionId())) {
            throw ApiException.forbidden("art.access.case-parties-only");
        }
        staff.entitled(p.womanId(), "ArtWorkstationCase", id);
        audit.recordRead(AuditRecord.read("ArtWorkstationCase", id, p.womanId(), true, false, null));
        return view(id);
    }

    private CaseView view(UUID id) {
        return jdbc.sql("""
                select w.*, k.woman_id, p.full_name as woman_name, m.code as m_code, m.name_zh as m_zh, m.name_en as m_en,
                       c.code as c_code, c.name_zh as c_zh, c.name_en as c_en, w.work_up_summary::text as summary_json
                  from art_workstation_case w join art_couple k on k.id = w.couple_id join person p on p.id = k.woman_id
                  join institution m on m.id = w.member_institution_id join institution c on c.id = w.centre_institution_id
                 where w.id = ?""").param(id)
                .query((rs, n) -> {
                    UUID consultation = rs.getObject("consultation_id", UUID.class);
                    var thread = consultations.get(consultation);
                    return new CaseView(id, rs.getObject("couple_id", UUID.class), rs.getObject("woman_id", UUID.class), rs.getString("woman_name"),
                            new Couples.InstitutionRef(rs.getString("m_code"), rs.getString("m_zh"), rs.getString("m_en")),
                            new Couples.InstitutionRef(rs.getString("c_code"), rs.getString("c_zh"), rs.getString("c_en")),
                            fromJson(rs.getString("summary_json")), rs.getString("question"), thread.status(), rs.getString("opinion"),
                            rs.getObject("opinion_at", OffsetDateTime.class), rs.getString("opinion_by"), rs.getObject("referral_id", UUID.class),
                            rs.getObject("referred_at", OffsetDateTime.class), thread.messages(), rs.getObject("created_at", OffsetDateTime.class),
                            rs.getString("created_by"), rs.getLong("version"));
                }).optional().orElseThrow(() -> ApiException.notFound("case", id));
    }

    public record CaseListItem(UUID id, UUID coupleId, UUID womanId, String womanName, Couples.InstitutionRef member, Couples.InstitutionRef centre,
                               String question, boolean answered, boolean referred, OffsetDateTime createdAt) {}

    /** The caller's cases: sent by the member, or received by the centre; newest first; the list read is audited. */
    @Transactional
    public PageResult<CaseListItem> cases(String q, PageRequest page) {
        Actor actor = CurrentActor.get();
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where true");
        if (!actor.isSystemAdmin()) {
            where.append(" and (w.member_institution_id = ? or w.centre_institution_id = ?)");
            params.add(actor.institutionId());
            params.add(actor.institutionId());
        }
        if (q != null && !q.isBlank()) {
            where.append(" and (p.full_name like ? or m.name_zh like ?)");
            String like = "%" + q.strip().replace("%", "").replace("_", "") + "%";
            params.add(like);
            params.add(like);
        }
        String from = """
                 from art_workstation_case w join art_couple k on k.id = w.couple_id join person p on p.id = k.woman_id
                 join institution m on m.id = w.member_institution_id join institution c on c.id = w.centre_institution_id""";
        long total = jdbc.sql("select count(*) " + from + where).params(params).query(Long.class).single();
        List<Object> p = new ArrayList<>(params);
        p.add(page.size());
        p.add(page.offset());
        List<CaseListItem> items = jdbc.sql("""
                select w.id, w.couple_id, k.woman_id, p.full_name, m.code as m_code, m.name_zh as m_zh, m.name_en as m_en,
                       c.code as c_code, c.name_zh as c_zh, c.name_en as c_en, w.question, w.opinion is not null as answered,
                       w.referral_id is not null as referred, w.created_at""" + " " + from + where + " order by w.created_at desc, w.id limit ? offset ?")
                .params(p)
                .query((rs, n) -> new CaseListItem(rs.getObject("id", UUID.class), rs.getObject("couple_id", UUID.class),
                        rs.getObject("woman_id", UUID.class), rs.getString("full_name"),
                        new Couples.InstitutionRef(rs.getString("m_code"), rs.getString("m_zh"), rs.getString("m_en")),
                        new Couples.InstitutionRef(rs.getString("c_code"), rs.getString("c_zh"), rs.getString("c_en")), rs.getString("question"),
                        rs.getBoolean("answered"), rs.getBoolean("referred"), rs.getObject("created_at", OffsetDateTime.class)))
                .list();
        audit.recordRead(AuditRecord.list("LIST", "ArtWorkstationCase", items.stream().map(CaseListItem::womanId).toList(),
                Map.of("results", items.size())));
        return new PageResult<>(items, total, page.page(), page.size());
    }

    public record MemberActivity(Couples.InstitutionRef member, String areaCode, long consultations, long answered, long referred,
                                 long cyclesStarted, long clinicalPregnancies, OffsetDateTime lastConsultation) {}

    /** Per member of the workstation: consultations sent, answered, couples referred, and their cycles at the centre (aggregates). */
    @Transactional(readOnly = true)
    public List<MemberActivity> activity() {
        Actor actor = CurrentActor.get();
        if (!actor.isSystemAdmin() && !staff.isCentre(actor) && !staff.isMember(actor)
                && actor.role() != cn.fuyou.shared.StaffRole.REGIONAL_OFFICIAL) {
            throw ApiException.forbidden("art.access.art-staff-only");
        }
        Map<UUID, MemberActivity> out = new LinkedHashMap<>();
        for (Institution i : institutions.designated(Designation.ART_REMOTE_WORKSTATION)) {
            out.put(i.id(), new MemberActivity(new Couples.InstitutionRef(i.code(), i.nameZh(), i.nameEn()), i.areaCode(), 0, 0, 0, 0, 0, null));
        }
        jdbc.sql("""
                select w.member_institution_id, count(*), count(w.opinion), count(w.referral_id),
                       (select count(*) from art_cycle y where y.couple_id in (select couple_id from art_workstation_case x
                                 where x.member_institution_id = w.member_institution_id and x.referral_id is not null)),
                       (select count(*) from art_cycle y where y.clinical_pregnancy and y.couple_id in (select couple_id from art_workstation_case x
                                 where x.member_institution_id = w.member_institution_id and x.referral_id is not null)),
                       max(w.created_at)
                  from art_workstation_case w group by w.member_institution_id""")
                .query((rs, n) -> {
                    UUID member = rs.getObject(1, UUID.class);
                    MemberActivity a = out.get(member);
                    if (a != null) {
                        out.put(member, new MemberActivity(a.member(), a.areaCode(), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                                rs.getLong(6), rs.getObject(7, OffsetDateTime.class)));
                    }
                    return member;
                }).list();
        return out.values().stream().sorted(java.util.Comparator.comparingLong(MemberActivity::consultations).reversed()
                .thenComparing(a -> a.member().code())).toList();
    }

    private String toJson(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private WorkUpSummary fromJson(String s) {
        try {
            return json.readValue(s, WorkUpSummary.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
