package cn.fuyou.births;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.maternal.DeliveryRecorded;
import cn.fuyou.registry.Institutions;
import cn.fuyou.registry.PersonAccess;
import cn.fuyou.registry.PersonDetail;
import cn.fuyou.registry.Persons;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import cn.fuyou.shared.StaffRole;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The live births this module accounts for. Each live-born baby of a delivery (the maternal
 * module's {@link DeliveryRecorded}) is kept here in the delivery's transaction: the delivery
 * institution issues the certificate and, by default, follows the child's screening.
 */
@Service
public class Births {

    private final JdbcClient jdbc;
    private final Persons persons;
    private final Institutions institutions;
    private final AuditLog audit;
    private final PersonAccess access;

    Births(JdbcClient jdbc, Persons persons, Institutions institutions, AuditLog audit, PersonAccess access) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.access = access;
        this.institutions = institutions;
        this.audit = audit;
    }

    @EventListener
    void on(DeliveryRecorded d) {
        for (DeliveryRecorded.Baby b : d.babies()) {
            UUID institution = persons.load(b.childId()).flatMap(c -> institutions.find(c.registeredInstitution().code()))
                    .map(i -> i.id()).orElseThrow();
            record(b.childId(), d.motherId(), institution, d.deliveredAt(), d.gestationalAgeDays(), b.sex(), b.weightG(), b.lengthCm(),
                    b.nicuTransfer());
        }
    }

    /** Keeps one live birth (idempotent: a birth already known is left as it is). */
    public void record(UUID childId, UUID motherId, UUID institutionId, OffsetDateTime bornAt, int gaDays, String sex, int weightG,
                       BigDecimal lengthCm, boolean nicu) {
        jdbc.sql("""
                insert into birth (child_id, mother_id, institution_id, follow_institution_id, born_at, ga_days, sex, weight_g, length_cm, nicu)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (child_id) do nothing""")
                .params(childId, motherId, institutionId, institutionId, bornAt, gaDays, sex, weightG, lengthCm, nicu).update();
    }

    public record Birth(UUID childId, String childName, String sex, OffsetDateTime bornAt, int gaDays, int weightG,
                        BigDecimal lengthCm, boolean nicu, UUID motherId, String motherName, String institutionCode,
                        String institutionNameZh, String institutionNameEn, String certificateNumber, UUID certificateId) {}

    /**
     * Live births of the caller's institution (delivered or followed there), newest first;
     * {@code certified} YES/NO filters; {@code q} finds the child's or mother's name (through the
     * registry) or the certificate number.
     */
    public PageResult<Birth> list(String q, String certified, PageRequest page) {
        Actor actor = CurrentActor.get();
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (actor.role() != StaffRole.SYSTEM_ADMIN) {
            where.append(" and (b.institution_id = ? or b.follow_institution_id = ?)");
            params.add(actor.institutionId());
            params.add(actor.institutionId());
        }
        if ("YES".equalsIgnoreCase(certified)) where.append(" and c.number is not null");
        else if ("NO".equalsIgnoreCase(certified)) where.append(" and c.number is null");
        else if (certified != null && !certified.isBlank()) throw ApiException.badField("certified", "certified 为 YES 或 NO / YES or NO");
        String from = """
                  from birth b
                  left join birth_certificate c on c.child_id = b.child_id and c.status = 'VALID'""";
        if (q != null && !q.isBlank()) {
            Set<UUID> people = new HashSet<>();
            jdbc.sql("select b.child_id, b.mother_id " + from + where).params(params)
                    .query((rs, n) -> people.addAll(List.of(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))).list();
            UUID[] named = persons.namedLike(people, q).toArray(UUID[]::new);
            where.append(" and (b.child_id = any(?) or b.mother_id = any(?) or c.number = ?)");
            params.add(named);
            params.add(named);
            params.add(q.strip().toUpperCase());
        }
        long total = jdbc.sql("select count(*) " + from + where).params(params).query(Long.class).single();
        List<Object> p2 = new ArrayList<>(params);
        p2.add(page.size());
        p2.add(page.offset());
        List<Row> rows = jdbc.sql(SELECT + from + where + " order by b.born_at desc limit ? offset ?").params(p2).query(Row.class).list();
        return new PageResult<>(named(rows), total, page.page(), page.size());
    }

    /** One birth, audited as a read of the child's record; the caller's institution must be entitled. */
    @Transactional
    public Birth open(UUID childId) {
        Birth b = find(childId).orElseThrow(() -> ApiException.notFound("birth", childId));
        requireAccess(childId);
        audit.recordRead(AuditRecord.read("Birth", childId, childId, true, false, null));
        return b;
    }

    public Optional<Birth> find(UUID childId) {
        return jdbc.sql(SELECT + """
                  from birth b left join birth_certificate c on c.child_id = b.child_id and c.status = 'VALID'
                 where b.child_id = ?""").param(childId).query(Row.class).optional().map(r -> named(List.of(r)).get(0));
    }

    private static final String SELECT = """
            select b.child_id, b.sex, b.born_at, b.ga_days, b.weight_g, b.length_cm, b.nicu, b.mother_id, b.institution_id,
                   c.number as certificate_number, c.id as certificate_id """;

    /** A birth as stored here; names and the institution come from the registry's API. */
    private record Row(UUID childId, String sex, OffsetDateTime bornAt, int gaDays, int weightG, BigDecimal lengthCm, boolean nicu,
                       UUID motherId, UUID institutionId, String certificateNumber, UUID certificateId) {}

    private List<Birth> named(List<Row> rows) {
        Set<UUID> people = new HashSet<>();
        rows.forEach(r -> people.addAll(List.of(r.childId(), r.motherId())));
        Map<UUID, String> names = persons.namesOf(people);
        return rows.stream().map(r -> {
            var inst = institutions.findById(r.institutionId()).orElseThrow();
            return new Birth(r.childId(), names.get(r.childId()), r.sex(), r.bornAt(), r.gaDays(), r.weightG(), r.lengthCm(), r.nicu(),
                    r.motherId(), names.get(r.motherId()), inst.code(), inst.nameZh(), inst.nameEn(), r.certificateNumber(),
                    r.certificateId());
        }).toList();
    }

    /** The child's record is visible to the caller (registry entitlement, or the institution following the child). */
    void requireAccess(UUID childId) {
        Actor actor = CurrentActor.get();
        if (access.canAccess(childId)) return;
        boolean follows = jdbc.sql("select count(*) from birth where child_id = ? and (institution_id = ? or follow_institution_id = ?)")
                .params(childId, actor.institutionId(), actor.institutionId()).query(Long.class).single() > 0;
        if (!follows) {
            audit.recordIndependently(AuditRecord.read("Birth", childId, childId, false, false, null));
            throw ApiException.forbidden("您所在机构无权查看此记录 / your institution is not entitled to this record");
        }
    }

    /** Mother (and, when linked, father) as the registry holds them: the certificate form starts from these. */
    public record Parents(String motherName, String motherNationality, String motherIdType, String motherIdNumber,
                          String fatherName, String fatherNationality, String fatherIdType, String fatherIdNumber) {}

    public Parents parents(UUID childId) {
        Birth b = find(childId).orElseThrow(() -> ApiException.notFound("birth", childId));
        PersonDetail m = persons.load(b.motherId()).orElseThrow();
        PersonDetail f = m.links().stream().filter(l -> "PARTNER".equals(l.kind())).findFirst()
                .flatMap(l -> persons.load(l.personId())).orElse(null);
        return new Parents(m.fullName(), nationality(m.nationality()), m.idType(), m.idNumber(),
                f == null ? null : f.fullName(), f == null ? null : nationality(f.nationality()), f == null ? null : f.idType(),
                f == null ? null : f.idNumber());
    }

    private static String nationality(String n) {
        return n == null || n.isBlank() ? "中国" : n;
    }
}
