package cn.fuyou.births;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.births.internal.BirthFacts;
import cn.fuyou.births.internal.CertificatePdf;
import cn.fuyou.registry.Institution;
import cn.fuyou.registry.Institutions;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import cn.fuyou.shared.StaffRole;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * Birth medical certificates (出生医学证明, clinical-rules.md §9): each delivery institution's stock
 * of numbered blanks, issue for a live birth from the delivery record, void with a reason, reissue
 * and replacement with a reason, the PDF, and the lookup by number. Every number is accounted for:
 * in stock, issued, or voided with its reason. A blank is taken with {@code FOR UPDATE SKIP LOCKED}
 * in the issuing transaction, so two clerks never get the same number and a failed issue returns
 * its blank to the stock (the transaction rolls back).
 */
@Service
public class BirthCertificates {

    private final JdbcClient jdbc;
    private final Births births;
    private final Institutions institutions;
    private final AuditLog audit;
    private final BirthFacts facts;
    private final CertificatePdf pdf;

    BirthCertificates(JdbcClient jdbc, Births births, Institutions institutions, AuditLog audit, BirthFacts facts, CertificatePdf pdf) {
        this.jdbc = jdbc;
        this.births = births;
        this.institutions = institutions;
        this.audit = audit;
        this.facts = facts;
        this.pdf = pdf;
    }

    public static String number(String prefix, long seq) {
        return prefix + String.format("%09d", seq);
    }

    // ---- stock ----------------------------------------------------------------------------------

    public record StockRange(UUID id, String institutionCode, String firstNumber, String lastNumber, LocalDate receivedOn, String note,
                             long inStock, long issued, long voided, OffsetDateTime createdAt, String createdBy) {}

    public record StockOverview(String institutionCode, long inStock, long issued, long voided, List<StockRange> ranges) {}

    /** An institution admin records a range of blanks received by the institution (a system admin names the institution). */
    @Transactional
    public StockRange receive(CertificateForms.StockReceipt r) {
        Actor actor = CurrentActor.get();
        if (!actor.role().isAdmin()) throw ApiException.forbidden("仅机构管理员可登记证书入库 / only an institution admin receives blanks");
        Institution inst = targetInstitution(actor, r.institutionCode());
        if (r.lastSeq() < r.firstSeq()) throw ApiException.badField("lastSeq", "终止号不能小于起始号 / lastSeq before firstSeq");
        if (r.lastSeq() - r.firstSeq() >= 100_000) throw ApiException.badField("lastSeq", "一次最多入库100000张 / at most 100,000 blanks at once");
        long overlap = jdbc.sql("select count(*) from certificate_blank where number between ? and ? and length(number) = ?")
                .params(number(r.prefix(), r.firstSeq()), number(r.prefix(), r.lastSeq()), number(r.prefix(), r.firstSeq()).length())
                .query(Long.class).single();
        if (overlap > 0) {
            throw ApiException.conflict("range-overlap", "号段与已入库号段重叠 / the range overlaps blanks already received",
                    Map.of("overlapping", overlap));
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into certificate_stock (id, institution_id, prefix, first_seq, last_seq, received_on, note, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, inst.id(), r.prefix(), r.firstSeq(), r.lastSeq(), r.receivedOn(), r.note(), actor.username()).update();
        jdbc.sql("""
                insert into certificate_blank (number, stock_id, institution_id, seq)
                select ? || lpad(s::text, 9, '0'), ?, ?, s from generate_series(?::bigint, ?::bigint) s""")
                .params(r.prefix(), id, inst.id(), r.firstSeq(), r.lastSeq()).update();
        audit.record(AuditRecord.write("RECEIVE", "CertificateStock", id, null, Map.of("institution", inst.code(),
                "first", number(r.prefix(), r.firstSeq()), "last", number(r.prefix(), r.lastSeq()))));
        return ranges(inst.id()).stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    }

    public StockOverview stock(String institutionCode) {
        Actor actor = CurrentActor.get();
        Institution inst = targetInstitution(actor, institutionCode);
        List<StockRange> ranges = ranges(inst.id());
        return new StockOverview(inst.code(), ranges.stream().mapToLong(StockRange::inStock).sum(),
                ranges.stream().mapToLong(StockRange::issued).sum(), ranges.stream().mapToLong(StockRange::voided).sum(), ranges);
    }

    private List<StockRange> ranges(UUID institutionId) {
        String code = institutions.findById(institutionId).orElseThrow().code();
        return jdbc.sql("""
                select s.id, s.prefix, s.first_seq, s.last_seq, s.received_on, s.note, s.created_at, s.created_by,
                       count(*) filter (where b.status = 'IN_STOCK') as in_stock,
                       count(*) filter (where b.status = 'ISSUED') as issued,
                       count(*) filter (where b.status = 'VOIDED') as voided
                  from certificate_stock s join certificate_blank b on b.stock_id = s.id
                 where s.institution_id = ? group by s.id order by s.received_on desc, s.created_at desc""")
                .param(institutionId)
                .query((rs, n) -> new StockRange(rs.getObject("id", UUID.class), code, number(rs.getString("prefix"), rs.getLong("first_seq")),
                        number(rs.getString("prefix"), rs.getLong("last_seq")), rs.getObject("received_on", LocalDate.class),
                        rs.getString("note"), rs.getLong("in_stock"), rs.getLong("issued"), rs.getLong("voided"),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"))).list();
    }

    public record Blank(String number, String status, String voidReason, OffsetDateTime voidedAt, String voidedBy, String childName,
                        UUID certificateId) {}

    public PageResult<Blank> blanks(String status, String institutionCode, PageRequest page) {
        Institution inst = targetInstitution(CurrentActor.get(), institutionCode);
        if (status != null && !status.isBlank() && !List.of("IN_STOCK", "ISSUED", "VOIDED").contains(status)) {
            throw ApiException.badField("status", "状态为IN_STOCK/ISSUED/VOIDED");
        }
        String st = status == null || status.isBlank() ? null : status;
        long total = jdbc.sql("select count(*) from certificate_blank where institution_id = ? and (?::text is null or status = ?)")
                .params(inst.id(), st, st).query(Long.class).single();
        var items = jdbc.sql("""
                select b.number, b.status, b.void_reason, b.voided_at, b.voided_by, c.child_name, c.id as certificate_id
                  from certificate_blank b left join birth_certificate c on c.number = b.number
                 where b.institution_id = ? and (?::text is null or b.status = ?) order by b.number limit ? offset ?""")
                .params(inst.id(), st, st, page.size(), page.offset())
                .query((rs, n) -> new Blank(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class),
                        rs.getString(5), rs.getString(6), rs.getObject(7, UUID.class))).list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    /** A spoiled or lost blank leaves the stock with its reason. */
    @Transactional
    public Blank voidBlank(String number, String reason) {
        Actor actor = CurrentActor.get();
        requireClerk(actor);
        record B(UUID institutionId, String status) {}
        B b = jdbc.sql("select institution_id, status from certificate_blank where number = ? for update").param(number)
                .query(B.class).optional().orElseThrow(() -> ApiException.notFound("certificate blank", number));
        requireOwnInstitution(actor, b.institutionId());
        if (!"IN_STOCK".equals(b.status())) {
            throw ApiException.conflict("not-in-stock", "只能作废库存中的空白证 / only a blank in stock can be voided here; void the issued certificate instead",
                    Map.of("status", b.status()));
        }
        jdbc.sql("update certificate_blank set status = 'VOIDED', void_reason = ?, voided_at = now(), voided_by = ?, changed_at = now() where number = ?")
                .params(reason.strip(), actor.username(), number).update();
        audit.record(AuditRecord.write("VOID", "CertificateBlank", number, null, Map.of("reason", reason.strip())));
        return jdbc.sql("select number, status, void_reason, voided_at, voided_by from certificate_blank where number = ?")
                .param(number).query((rs, n) -> new Blank(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class), rs.getString(5), null, null)).single();
    }

    // ---- issue, void, reissue --------------------------------------------------------------------

    /** First issue for a live birth of the caller's institution, from the next blank in stock. */
    @Transactional
    public BirthCertificate issue(UUID childId, CertificateForms.Issue f) {
        Actor actor = CurrentActor.get();
        requireClerk(actor);
        lockBirth(childId, actor);
        if (jdbc.sql("select count(*) from birth_certificate where child_id = ? and status = 'VALID'").param(childId).query(Long.class).single() > 0) {
            throw ApiException.conflict("already-issued", "该新生儿已有有效出生医学证明 / this child already has a valid certificate; reissue or replace it",
                    Map.of("childId", childId));
        }
        UUID id = write(childId, f, "FIRST", null, null, actor);
        audit.record(AuditRecord.write("ISSUE", "BirthCertificate", id, childId, Map.of("number", numberOf(id))));
        facts.certificate(childId);
        return get(id);
    }

    /** A wrongly filled or spoiled certificate is voided with its reason; its number never returns to stock. */
    @Transactional
    public BirthCertificate voidCertificate(UUID id, CertificateForms.Reason r) {
        Actor actor = CurrentActor.get();
        requireClerk(actor);
        BirthCertificate c = lockCertificate(id, actor, r.version());
        if (!"VALID".equals(c.status())) throw ApiException.conflict("not-valid", "证书不是有效状态 / the certificate is not valid", Map.of("status", c.status()));
        jdbc.sql("update birth_certificate set status = 'VOIDED', status_reason = ?, version = version + 1, changed_at = now(), changed_by = ? where id = ?")
                .params(r.reason().strip(), actor.username(), id).update();
        jdbc.sql("update certificate_blank set status = 'VOIDED', void_reason = ?, voided_at = now(), voided_by = ?, changed_at = now() where number = ?")
                .params(r.reason().strip(), actor.username(), c.number()).update();
        audit.record(AuditRecord.write("VOID", "BirthCertificate", id, c.childId(), Map.of("number", c.number(), "reason", r.reason().strip())));
        facts.certificate(c.childId());
        return get(id);
    }

    /**
     * Reissue (补发) or replacement (换发): a new certificate from the next blank, the old one
     * superseded with the reason; corrections (e.g. the child's registered name) apply to the new one.
     */
    @Transactional
    public BirthCertificate reissue(UUID id, CertificateForms.Reissue r) {
        Actor actor = CurrentActor.get();
        requireClerk(actor);
        BirthCertificate old = lockCertificate(id, actor, r.version());
        if (!"VALID".equals(old.status())) throw ApiException.conflict("not-valid", "只能补发/换发有效证书 / only a valid certificate can be reissued", Map.of("status", old.status()));
        lockBirth(old.childId(), actor);
        jdbc.sql("update birth_certificate set status = 'SUPERSEDED', status_reason = ?, version = version + 1, changed_at = now(), changed_by = ? where id = ?")
                .params(r.kind() + ": " + r.reason().strip(), actor.username(), id).update();
        CertificateForms.Issue f = r.corrections() != null ? r.corrections() : new CertificateForms.Issue(old.childName(), old.birthPlace(),
                old.motherNationality(), old.motherEthnicity(), old.fatherName(), old.fatherNationality(), old.fatherEthnicity(),
                old.fatherIdType(), old.fatherIdNumber());
        UUID newId = write(old.childId(), f, r.kind(), r.reason().strip(), id, actor);
        audit.record(AuditRecord.write(r.kind(), "BirthCertificate", newId, old.childId(),
                Map.of("number", numberOf(newId), "replaces", old.number(), "reason", r.reason().strip())));
        facts.certificate(old.childId());
        return get(newId);
    }

    private UUID write(UUID childId, CertificateForms.Issue f, String kind, String reason, UUID replaces, Actor actor) {
        Births.Birth b = births.find(childId).orElseThrow();
        Births.Parents p = births.parents(childId);
        String number = jdbc.sql("""
                update certificate_blank set status = 'ISSUED', changed_at = now()
                 where number = (select number from certificate_blank where institution_id = ? and status = 'IN_STOCK'
                                  order by number limit 1 for update skip locked)
                returning number""").param(actor.institutionId()).query(String.class).optional()
                .orElseThrow(() -> ApiException.conflict("no-stock", "本机构已无空白出生医学证明，请先登记入库 / no blank certificates in stock", Map.of()));
        Institution inst = institutions.findById(actor.institutionId()).orElseThrow();
        String place = f.birthPlace() != null && !f.birthPlace().isBlank() ? f.birthPlace().strip() : inst.areaNameZh() + " " + inst.nameZh();
        boolean fatherGiven = f.fatherName() != null && !f.fatherName().isBlank();
        if (fatherGiven && f.fatherIdNumber() != null && !f.fatherIdNumber().isBlank() && f.fatherIdType() == null) {
            throw ApiException.badField("fatherIdType", "请选择父亲证件类型 / choose the father's document type");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into birth_certificate (id, number, child_id, institution_id, kind, reason, replaces_id, child_name, sex, born_at,
                    birth_place, ga_days, weight_g, length_cm, mother_name, mother_nationality, mother_ethnicity, mother_id_type,
                    mother_id_number, father_name, father_nationality, father_ethnicity, father_id_type, father_id_number, issued_by, changed_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, number, childId, actor.institutionId(), kind, reason, replaces, f.childName().strip(), b.sex(), b.bornAt(),
                        place, b.gaDays(), b.weightG(), b.lengthCm(), p.motherName(),
                        f.motherNationality() != null && !f.motherNationality().isBlank() ? f.motherNationality().strip() : p.motherNationality(),
                        f.motherEthnicity().strip(), p.motherIdType(), p.motherIdNumber(),
                        fatherGiven ? f.fatherName().strip() : null,
                        fatherGiven ? (f.fatherNationality() == null || f.fatherNationality().isBlank() ? "中国" : f.fatherNationality().strip()) : null,
                        fatherGiven ? blankToNull(f.fatherEthnicity()) : null, fatherGiven ? f.fatherIdType() : null,
                        fatherGiven ? blankToNull(f.fatherIdNumber()) : null, actor.username(), actor.username())
                .update();
        return id;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private String numberOf(UUID id) {
        return jdbc.sql("select number from birth_certificate where id = ?").param(id).query(String.class).single();
    }

    private void lockBirth(UUID childId, Actor actor) {
        UUID inst = jdbc.sql("select institution_id from birth where child_id = ? for update").param(childId).query(UUID.class).optional()
                .orElseThrow(() -> ApiException.notFound("birth", childId));
        if (!inst.equals(actor.institutionId())) {
            throw ApiException.forbidden("出生医学证明由分娩机构签发 / the certificate is issued by the delivery institution");
        }
    }

    private BirthCertificate lockCertificate(UUID id, Actor actor, Long version) {
        jdbc.sql("select id from birth_certificate where id = ? for update").param(id).query(UUID.class).optional()
                .orElseThrow(() -> ApiException.notFound("birth certificate", id));
        BirthCertificate c = get(id);
        requireOwnInstitution(actor, institutions.find(c.institutionCode()).orElseThrow().id());
        if (version == null) throw ApiException.badField("version", "版本必填 / version is required");
        if (version != c.version()) throw ApiException.staleVersion("birth certificate", id, version, c.version());
        return c;
    }

    private static void requireClerk(Actor actor) {
        if (actor.role() == StaffRole.REGIONAL_OFFICIAL || actor.institutionId() == null) {
            throw ApiException.forbidden("出生医学证明由分娩机构人员签发 / certificates are issued by staff of the delivery institution");
        }
    }

    private static void requireOwnInstitution(Actor actor, UUID institutionId) {
        if (!institutionId.equals(actor.institutionId())) throw ApiException.forbidden("非本机构证书 / not your institution's certificate");
    }

    private Institution targetInstitution(Actor actor, String code) {
        if (code != null && !code.isBlank() && !code.equals(actor.institutionCode())) {
            if (actor.role() != StaffRole.SYSTEM_ADMIN) throw ApiException.forbidden("只能管理本机构证书 / only your own institution's stock");
            return institutions.find(code).orElseThrow(() -> ApiException.badField("institutionCode", "机构不存在 / no such institution"));
        }
        if (actor.institutionId() == null) throw ApiException.badField("institutionCode", "请指定机构 / name the institution");
        return institutions.findById(actor.institutionId()).orElseThrow();
    }

    // ---- reads -----------------------------------------------------------------------------------

    private BirthCertificate get(UUID id) {
        return jdbc.sql("select * from birth_certificate where id = ?").param(id).query((rs, n) -> map(rs)).optional()
                .orElseThrow(() -> ApiException.notFound("birth certificate", id));
    }

    /** A certificate of a child the caller may see, audited as a read. */
    @Transactional
    public BirthCertificate open(UUID id) {
        BirthCertificate c = get(id);
        births.requireAccess(c.childId());
        audit.recordRead(AuditRecord.read("BirthCertificate", id, c.childId(), true, false, null));
        return c;
    }

    /** Every certificate of a child (valid, superseded, voided), oldest first. */
    public List<BirthCertificate> ofChild(UUID childId) {
        births.requireAccess(childId);
        return jdbc.sql("select * from birth_certificate where child_id = ? order by issued_at, number").param(childId)
                .query((rs, n) -> map(rs)).list();
    }

    @Transactional
    public byte[] pdf(UUID id) {
        BirthCertificate c = open(id);
        if ("VOIDED".equals(c.status())) throw ApiException.conflict("voided", "已作废的证书不能打印 / a voided certificate cannot be printed", Map.of());
        audit.record(AuditRecord.write("PRINT", "BirthCertificate", id, c.childId(), Map.of("number", c.number())));
        return pdf.render(c);
    }

    public PageResult<BirthCertificate> issued(String q, PageRequest page) {
        Actor actor = CurrentActor.get();
        List<Object> params = new ArrayList<>();
        String where = " where institution_id = ?";
        params.add(actor.institutionId());
        if (q != null && !q.isBlank()) {
            where += " and (number = ? or child_name like ? or mother_name like ?)";
            params.add(q.strip().toUpperCase());
            params.add(q.strip() + "%");
            params.add(q.strip() + "%");
        }
        long total = jdbc.sql("select count(*) from birth_certificate" + where).params(params).query(Long.class).single();
        params.add(page.size());
        params.add(page.offset());
        var items = jdbc.sql("select * from birth_certificate" + where + " order by issued_at desc, number desc limit ? offset ?")
                .params(params).query((rs, n) -> map(rs)).list();
        return new PageResult<>(items, total, page.page(), page.size());
    }

    /** What a verifying institution (registration office, school, hospital) sees for a number. */
    public record Verification(String number, String blankStatus, String certificateStatus, String kind, String childName, String sex,
                               LocalDate birthDate, String institutionCode, String institutionNameZh, String institutionNameEn,
                               String motherName, OffsetDateTime issuedAt, String replacedBy, String statusReason) {}

    /** Lookup by number for any signed-in institution; the answer names the child, so it is an audited read. */
    @Transactional
    public Verification lookup(String number) {
        if (number == null || !number.strip().toUpperCase().matches("[A-Z]{1,4}[0-9]{9}")) {
            throw ApiException.badField("number", "证书编号为字头加9位数字 / a number is a prefix and 9 digits");
        }
        String n = number.strip().toUpperCase();
        record B(String status, UUID institutionId) {}
        B blank = jdbc.sql("select status, institution_id from certificate_blank where number = ?").param(n).query(B.class).optional()
                .orElseThrow(() -> ApiException.notFound("certificate", n));
        Institution inst = institutions.findById(blank.institutionId()).orElseThrow();
        var c = jdbc.sql("select * from birth_certificate where number = ?").param(n).query((rs, i) -> map(rs)).optional();
        if (c.isEmpty()) {
            audit.record(AuditRecord.write("LOOKUP", "CertificateBlank", n, null, Map.of()));
            return new Verification(n, blank.status(), null, null, null, null, null, inst.code(), inst.nameZh(), inst.nameEn(), null, null,
                    null, null);
        }
        BirthCertificate bc = c.get();
        String replacedBy = jdbc.sql("select number from birth_certificate where replaces_id = ?").param(bc.id()).query(String.class)
                .optional().orElse(null);
        audit.recordRead(AuditRecord.read("BirthCertificate", bc.id(), bc.childId(), true, false, "lookup " + n));
        return new Verification(n, blank.status(), bc.status(), bc.kind(), bc.childName(), bc.sex(),
                bc.bornAt().atZoneSameInstant(ScreeningRules.CHINA).toLocalDate(), inst.code(), inst.nameZh(), inst.nameEn(),
                bc.motherName(), bc.issuedAt(), replacedBy, bc.statusReason());
    }

    private BirthCertificate map(ResultSet rs) throws SQLException {
        Institution inst = institutions.findById(rs.getObject("institution_id", UUID.class)).orElseThrow();
        return new BirthCertificate(rs.getObject("id", UUID.class), rs.getString("number"), rs.getObject("child_id", UUID.class),
                inst.code(), inst.nameZh(), inst.nameEn(), rs.getString("kind"), rs.getString("reason"), rs.getString("status"),
                rs.getString("status_reason"), rs.getObject("replaces_id", UUID.class), rs.getString("child_name"), rs.getString("sex"),
                rs.getObject("born_at", OffsetDateTime.class), rs.getString("birth_place"), rs.getInt("ga_days"), rs.getInt("weight_g"),
                rs.getBigDecimal("length_cm"), rs.getString("mother_name"), rs.getString("mother_nationality"),
                rs.getString("mother_ethnicity"), rs.getString("mother_id_type"), rs.getString("mother_id_number"),
                rs.getString("father_name"), rs.getString("father_nationality"), rs.getString("father_ethnicity"),
                rs.getString("father_id_type"), rs.getString("father_id_number"), rs.getObject("issued_at", OffsetDateTime.class),
                rs.getString("issued_by"), rs.getLong("version"));
    }

    /** Counts by status for one institution: issued + voided + in stock = received (§9: every number accounted for). */
    public Map<String, Long> accounting(UUID institutionId) {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.sql("select status, count(*) from certificate_blank where institution_id = ? group by status").param(institutionId)
                .query((rs, n) -> out.put(rs.getString(1), rs.getLong(2))).list();
        return out;
    }
}
