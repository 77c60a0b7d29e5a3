package cn.fuyou.maternal;

import cn.fuyou.maternal.rules.RiskGradingPolicy;
import cn.fuyou.maternal.rules.PregnancyDating;
import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.maternal.internal.PregnancyReader;
import cn.fuyou.registry.Institution;
import cn.fuyou.registry.Institutions;
import cn.fuyou.registry.PersonDetail;
import cn.fuyou.registry.Persons;
import cn.fuyou.registry.Entitlements;
import cn.fuyou.registry.PersonAccess;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pregnancy episodes: registration (建册) with dating, the record as one read, and closing with
 * an outcome. One open pregnancy per woman at a time (a unique index enforces it under races).
 */
@Service
public class Pregnancies {

    private final JdbcClient jdbc;
    private final RiskGradingPolicy policy;
    private final Persons persons;
    private final PersonAccess access;
    private final Entitlements entitlements;
    private final Institutions institutions;
    private final AuditLog audit;
    private final PregnancyReader reader;
    private final RiskAssessments risk;
    private final ObjectMapper json;
    private final org.springframework.context.ApplicationEventPublisher events;

    private final java.time.Clock clock;

    Pregnancies(JdbcClient jdbc, RiskGradingPolicy policy, Persons persons, PersonAccess access, Entitlements entitlements, Institutions institutions, AuditLog audit, PregnancyReader reader,
                RiskAssessments risk, ObjectMapper json,
                org.springframework.context.ApplicationEventPublisher events, java.time.Clock clock) {
        this.clock = clock;
        this.events = events;
        this.jdbc = jdbc;
        this.policy = policy;
        this.persons = persons;
        this.access = access;
        this.entitlements = entitlements;
        this.institutions = institutions;
        this.audit = audit;
        this.reader = reader;
        this.risk = risk;
        this.json = json;
    }

    @Transactional
    public PregnancyRecord register(PregnancyRegistration r) {
        UUID id = store(r);
        risk.gradeAfterChange(id, registeredOn(r));
        return reader.read(id).orElseThrow();
    }

    private LocalDate registeredOn(PregnancyRegistration r) {
        return r.registeredOn() == null ? cn.fuyou.shared.ChinaTime.today(clock) : r.registeredOn();
    }

    /**
     * Checks and stores a registration (entitled, audited) without grading it or reading it back:
     * an import grades once, after its contacts ({@link PregnancyImport}).
     */
    UUID store(PregnancyRegistration r) {
        Actor actor = CurrentActor.get();
        PersonDetail woman = persons.load(r.womanId())
                .orElseThrow(() -> ApiException.badField("womanId", "孕妇不存在 / no such person"));
        if (!access.canAccess(r.womanId())) throw ApiException.forbidden("您所在机构无权查看此记录 / not entitled to this person");
        if (!"F".equals(woman.sex())) throw ApiException.badField("womanId", "只能为女性建册 / only a woman can be registered");
        if (r.para() > r.gravida()) throw ApiException.badField("para", "产次不能大于孕次 / para cannot exceed gravida");
        LocalDate registeredOn = registeredOn(r);
        if (r.lmp() == null && r.ultrasound() == null && r.art() == null) {
            throw ApiException.badField("lmp", "需末次月经、超声或移植日期之一 / LMP, an ultrasound or an ART transfer is needed to date the pregnancy");
        }
        if (r.lmp() != null && r.lmp().isBefore(registeredOn.minusDays(44 * 7))) {
            throw ApiException.badField("lmp", "末次月经距今超过44周 / LMP is more than 44 weeks ago");
        }
        if (r.ultrasound() != null && r.ultrasound().crlMm() == null && r.ultrasound().gestationalAgeDays() == null) {
            throw ApiException.badField("ultrasound.crlMm", "需CRL或超声孕龄 / give the CRL or the ultrasound gestational age");
        }
        if (r.lmp() != null && r.lmp().isAfter(registeredOn)) {
            throw ApiException.badField("lmp", "末次月经晚于建册日期 / the LMP is after the registration date");
        }
        if (r.ultrasound() != null && r.ultrasound().date() != null) {
            if (r.lmp() != null && r.ultrasound().date().isBefore(r.lmp())) {
                throw ApiException.badField("ultrasound.date", "超声日期早于末次月经 / the scan is before the LMP");
            }
            if (r.ultrasound().date().isAfter(registeredOn)) {
                throw ApiException.badField("ultrasound.date", "超声日期晚于建册日期 / the scan is after the registration date");
            }
        }
        if (r.art() != null && r.art().transferDate() != null && r.art().transferDate().isAfter(registeredOn)) {
            throw ApiException.badField("art.transferDate", "移植日期晚于建册日期 / the transfer is after the registration date");
        }
        if (r.lastBirthDate() != null && (r.lastBirthDate().isAfter(registeredOn) || (r.lmp() != null && r.lastBirthDate().isAfter(r.lmp())))) {
            throw ApiException.badField("lastBirthDate", "上次分娩日期不能晚于本次末次月经或建册 / the last birth cannot be after this LMP or the registration");
        }
        policy.checkCodes(r.historyFactors() == null ? List.of() : r.historyFactors(), "historyFactors");
        PregnancyDating.Result dating = date(r);
        int gaAtRegistration = PregnancyReader.gaDays(dating.edd(), registeredOn);
        if (gaAtRegistration < 0 || gaAtRegistration > 44 * 7) {
            throw ApiException.badField(r.lmp() != null ? "lmp" : r.ultrasound() != null ? "ultrasound.date" : "art.transferDate",
                    "建册时孕周为" + gaAtRegistration + "天，不可能 / a gestational age of " + gaAtRegistration + " days at registration is impossible");
        }
        Institution here = institutions.findById(actor.institutionId()).orElseThrow();
        UUID id = UUID.randomUUID();
        String history = toJson(Map.of("factors", r.historyFactors() == null ? List.of() : r.historyFactors(),
                "notes", r.historyNotes() == null ? "" : r.historyNotes()));
        int inserted = jdbc.sql("""
                    insert into pregnancy (id, woman_id, partner_id, registered_institution_id, care_institution_id, registered_on,
                        gravida, para, lmp, us_date, us_crl_mm, us_ga_days, art_transfer_date, art_embryo_age_days, edd,
                        dating_method, redated, suboptimally_dated, height_cm, pre_pregnancy_weight_kg, fetus_count,
                        uterine_surgeries, months_since_uterine_surgery, last_birth_date, history, created_by, changed_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)
                on conflict (woman_id) where status <> 'CLOSED' do nothing""")
                    .params(id, r.womanId(), r.partnerId(), here.id(), here.id(), registeredOn, r.gravida(), r.para(), r.lmp(),
                            r.ultrasound() == null ? null : r.ultrasound().date(),
                            r.ultrasound() == null ? null : r.ultrasound().crlMm(),
                            r.ultrasound() == null ? null : r.ultrasound().gestationalAgeDays(),
                            r.art() == null ? null : r.art().transferDate(), r.art() == null ? null : r.art().embryoAgeDays(),
                            dating.edd(), dating.method().name(), dating.redated(), dating.suboptimallyDated(), r.heightCm(),
                            r.prePregnancyWeightKg(), r.fetusCount() == null ? 1 : r.fetusCount(),
                            r.uterineSurgeries() == null ? 0 : r.uterineSurgeries(), r.monthsSinceLastUterineSurgery(),
                            r.lastBirthDate(), history, actor.username(), actor.username())
                    .update();
        if (inserted == 0) {
            UUID open = jdbc.sql("select id from pregnancy where woman_id = ? and status <> 'CLOSED'").param(r.womanId())
                    .query(UUID.class).single();
            throw ApiException.conflict("open-pregnancy", "她已有一个未结束的孕期档案 / she already has an open pregnancy",
                    Map.of("pregnancyId", open));
        }
        entitlements.entitle(r.womanId(), here.id(), "CARED");
        audit.record(AuditRecord.write("CREATE", "Pregnancy", id, r.womanId(), Map.of("edd", dating.edd().toString())));
        return id;
    }

    public record LaterUltrasound(@jakarta.validation.constraints.NotNull(message = "超声日期必填 / date is required")
                                  @jakarta.validation.constraints.PastOrPresent(message = "超声日期不能晚于今天 / the scan cannot be in the future") LocalDate date,
                                  @jakarta.validation.constraints.DecimalMin(value = "1", message = "CRL须为正数 / CRL must be positive") java.math.BigDecimal crlMm,
                                  @jakarta.validation.constraints.Min(value = 35, message = "超声孕龄35–300天") @jakarta.validation.constraints.Max(value = 300, message = "超声孕龄35–300天") Integer gestationalAgeDays,
                                  @jakarta.validation.constraints.NotNull(message = "版本号必填 / version is required") Long version) {}

    /**
     * A scan after registration (§3, ACOG CO 700): redates when it differs from the LMP by more than
     * the band's threshold, in either direction; contacts keep their dates and get their GA recomputed.
     */
    @Transactional
    public PregnancyRecord laterUltrasound(UUID id, LaterUltrasound u) {
        PregnancyRecord p = open(id, false);
        if (!"OPEN".equals(p.status()) || p.delivery() != null) {
            throw ApiException.conflict("not-antenatal", "已分娩或已结束 / the pregnancy is delivered or closed", Map.of());
        }
        if (u.crlMm() == null && u.gestationalAgeDays() == null) {
            throw ApiException.badField("crlMm", "需CRL或超声孕龄 / give the CRL or the ultrasound gestational age");
        }
        record D(LocalDate lmp, LocalDate artTransferDate, Integer artEmbryoAgeDays, LocalDate registeredOn) {}
        D d = jdbc.sql("select lmp, art_transfer_date, art_embryo_age_days, registered_on from pregnancy where id = ?").param(id)
                .query(D.class).single();
        LocalDate start = d.lmp() != null ? d.lmp() : p.edd().minusDays(280);
        if (u.date().isBefore(start)) throw ApiException.badField("date", "超声日期早于末次月经 / the scan is before the LMP");
        PregnancyDating.Result dating = PregnancyDating.date(d.lmp(), new PregnancyDating.Ultrasound(u.date(), u.crlMm(), u.gestationalAgeDays()),
                d.artTransferDate() == null ? null : new PregnancyDating.Art(d.artTransferDate(), d.artEmbryoAgeDays()));
        int n = jdbc.sql("""
                update pregnancy set us_date = ?, us_crl_mm = ?, us_ga_days = ?, edd = ?, dating_method = ?, redated = ?,
                       suboptimally_dated = ?, version = version + 1, changed_at = now(), changed_by = ? where id = ? and version = ?""")
                .params(u.date(), u.crlMm(), u.gestationalAgeDays(), dating.edd(), dating.method().name(), dating.redated(),
                        dating.suboptimallyDated(), CurrentActor.get().username(), id, u.version())
                .update();
        if (n == 0) throw ApiException.staleVersion("pregnancy", id, u.version(), p.version());
        jdbc.sql("update antenatal_contact set ga_days = contact_date - (?::date - 280) where pregnancy_id = ?")
                .params(dating.edd(), id).update();
        audit.record(AuditRecord.write("REDATE", "Pregnancy", id, p.womanId(),
                Map.of("edd", dating.edd().toString(), "previousEdd", p.edd().toString(), "redated", dating.redated())));
        return reader.read(id).orElseThrow();
    }

    /** The pregnancy's page; every read is audited against the woman's record. */
    @Transactional
    public PregnancyRecord open(UUID id) {
        return open(id, true);
    }

    private PregnancyRecord open(UUID id, boolean readOnly) {
        UUID woman = womanOf(id);
        if (!access.canAccess(woman)) {
            audit.recordIndependently(AuditRecord.read("Pregnancy", id, woman, false, false, null));
            throw ApiException.forbidden("您所在机构无权查看此记录 / your institution is not entitled to this record");
        }
        AuditRecord read = AuditRecord.read("Pregnancy", id, woman, true, false, null);
        if (readOnly) audit.recordRead(read); else audit.record(read);
        return reader.read(id).orElseThrow();
    }

    /**
     * All her pregnancies read whole, newest first (Patient/$everything): her entitlement checked once,
     * each pregnancy's read audited, in a few queries however many pregnancies she has.
     */
    @Transactional
    public List<PregnancyRecord> openAllOf(UUID womanId) {
        if (!access.canAccess(womanId)) {
            audit.recordIndependently(AuditRecord.read("Pregnancy", null, womanId, false, false, null));
            throw ApiException.forbidden("您所在机构无权查看此记录 / your institution is not entitled to this record");
        }
        List<PregnancyRecord> all = reader.readOfWoman(womanId);
        audit.recordReads(all.stream().map(p -> AuditRecord.read("Pregnancy", p.id(), womanId, true, false, null)).toList());
        return all;
    }

    /** For another module's write that embeds her pregnancy (a referral's summary): access checked, the caller audits. */
    public PregnancyRecord readForWrite(UUID id) {
        if (!access.canAccess(womanOf(id))) throw ApiException.forbidden("您所在机构无权查看此记录 / not entitled to this record");
        return reader.read(id).orElseThrow();
    }

    /**
     * For the woman's own app (the mother module): her latest pregnancy (an open one first), without a staff
     * entitlement check — the caller has established that the reader is she herself, and audits the read.
     */
    public java.util.Optional<PregnancyRecord> latestForHerself(UUID womanId) {
        return jdbc.sql("select id from pregnancy where woman_id = ? order by (status <> 'CLOSED') desc, registered_on desc limit 1")
                .param(womanId).query(UUID.class).optional().flatMap(reader::read);
    }

    public record PregnancySummary(UUID id, LocalDate registeredOn, LocalDate edd, String status, String outcome,
                                   String colour, boolean purple) {}

    /** A woman's pregnancies: a read of her record, audited like opening it (issue 15 §5). */
    @Transactional
    public List<PregnancySummary> forWoman(UUID womanId) {
        if (!access.canAccess(womanId)) {
            audit.recordIndependently(AuditRecord.read("Pregnancy", null, womanId, false, false, null));
            throw ApiException.forbidden("您所在机构无权查看此记录 / not entitled");
        }
        var list = jdbc.sql("select id, registered_on, edd, status, outcome, colour, purple from pregnancy where woman_id = ? order by registered_on desc")
                .param(womanId).query(PregnancySummary.class).list();
        audit.recordRead(new AuditRecord("LIST", "Pregnancy", null, womanId, true, false, null, Map.of("results", list.size())));
        return list;
    }

    /** Ends a pregnancy that did not reach delivery (miscarriage, termination, ectopic, death, transfer). */
    @Transactional
    public PregnancyRecord end(UUID id, String outcome, LocalDate on, long version) {
        PregnancyRecord p = open(id, false);
        if (!List.of("MISCARRIAGE", "TERMINATION", "ECTOPIC", "MATERNAL_DEATH", "TRANSFERRED_OUT", "STILLBIRTH").contains(outcome)) {
            throw ApiException.badField("outcome", "结局无效（活产请登记分娩）/ invalid outcome (record a delivery for a live birth)");
        }
        if (on == null || on.isAfter(cn.fuyou.shared.ChinaTime.today(clock)) || on.isBefore(p.registeredOn().minusDays(1))) {
            throw ApiException.badField("outcomeDate", "结局日期无效 / outcome date is not valid");
        }
        if (!"OPEN".equals(p.status())) throw ApiException.conflict("not-open", "孕期档案已结束 / the pregnancy has ended", Map.of());
        int n = jdbc.sql("""
                update pregnancy set status = 'CLOSED', outcome = ?, outcome_date = ?, ended_on = ?, version = version + 1,
                       changed_at = now(), changed_by = ? where id = ? and version = ?""")
                .params(outcome, on, on, CurrentActor.get().username(), id, version).update();
        if (n == 0) throw ApiException.staleVersion("pregnancy", id, version, p.version());
        jdbc.sql("update high_risk_case set status = 'CLOSED', closed_at = now(), outcome = ? where pregnancy_id = ? and status = 'OPEN'")
                .params(outcome, id).update();
        audit.record(AuditRecord.write("CLOSE", "Pregnancy", id, p.womanId(), Map.of("outcome", outcome)));
        events.publishEvent(new PregnancyEnded(id, p.womanId(), outcome, on));
        if ("MATERNAL_DEATH".equals(outcome)) {
            events.publishEvent(new MaternalDeathRecorded(id, p.womanId(), on, "PREGNANCY_END", CurrentActor.get().institutionId()));
        }
        return reader.read(id).orElseThrow();
    }

    /**
     * An outside record's pregnancy ended before it reached fuyou (e.g. a delivery another hospital
     * recorded): closed with the outcome the source gives; the delivery details were not received.
     */
    @Transactional
    public void closeImported(UUID id, String outcome, LocalDate on) {
        jdbc.sql("""
                update pregnancy set status = 'CLOSED', outcome = ?, outcome_date = ?, ended_on = ?, version = version + 1,
                       changed_at = now(), changed_by = ? where id = ? and status <> 'CLOSED'""")
                .params(outcome, on, on, CurrentActor.get().username(), id).update();
        jdbc.sql("update high_risk_case set status = 'CLOSED', closed_at = now(), outcome = ? where pregnancy_id = ? and status = 'OPEN'")
                .params(outcome, id).update();
        audit.record(AuditRecord.write("CLOSE", "Pregnancy", id, womanOf(id), Map.of("outcome", outcome, "source", "import")));
    }

    /** The woman's open pregnancy, if any (imports attach contacts to it). */
    public java.util.Optional<UUID> openPregnancyOf(UUID womanId) {
        return jdbc.sql("select id from pregnancy where woman_id = ? and status = 'OPEN'").param(womanId).query(UUID.class).optional();
    }

    /** A pregnancy registered from an outside record with the same registration date and LMP, if already imported. */
    public java.util.Optional<UUID> findByLmp(UUID womanId, LocalDate lmp) {
        return jdbc.sql("select id from pregnancy where woman_id = ? and lmp = ?").params(womanId, lmp).query(UUID.class).optional();
    }

    UUID womanOf(UUID pregnancyId) {
        return jdbc.sql("select woman_id from pregnancy where id = ?").param(pregnancyId).query(UUID.class).optional()
                .orElseThrow(() -> ApiException.notFound("pregnancy", pregnancyId));
    }

    /** §3: dates the pregnancy by LMP, ultrasound and ART transfer (a refusal names the field). */
    static PregnancyDating.Result date(PregnancyRegistration r) {
        return PregnancyDating.date(r.lmp(),
                r.ultrasound() == null ? null : new PregnancyDating.Ultrasound(r.ultrasound().date(), r.ultrasound().crlMm(),
                        r.ultrasound().gestationalAgeDays()),
                r.art() == null ? null : new PregnancyDating.Art(r.art().transferDate(), r.art().embryoAgeDays()));
    }

    private String toJson(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
