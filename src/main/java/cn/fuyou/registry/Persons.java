package cn.fuyou.registry;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.ApiException;
import cn.fuyou.shared.CurrentActor;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import cn.fuyou.shared.StaffRole;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Persons (women, partners, children): registration with duplicate detection, scoped search,
 * audited reads, corrections under optimistic locking, voiding, and reversible merges.
 */
@Service
public class Persons {

    static final Duration BREAK_GLASS_VALIDITY = Duration.ofHours(12);
    static final int MIN_BREAK_GLASS_REASON = 10;
    private static final Pattern ID_LIKE = Pattern.compile("\\d{17}[\\dXx]");
    private static final Pattern PHONE_LIKE = Pattern.compile("1\\d{10}");
    private static final Pattern PASSPORT = Pattern.compile("[A-Z0-9]{5,20}");
    private static final int COUNT_CAP = 1000;

    private static final String LIVE = " p.merged_into is null and p.voided_at is null";

    private final JdbcClient jdbc;
    private final Areas areas;
    private final AuditLog audit;

    Persons(JdbcClient jdbc, Areas areas, AuditLog audit) {
        this.jdbc = jdbc;
        this.areas = areas;
        this.audit = audit;
    }

    // ---- search -------------------------------------------------------------------------------

    /**
     * One box finds a person by full ID number, by mobile number or by name prefix, within what the
     * user may see. The total is counted up to {@value #COUNT_CAP} (the UI shows "1000+").
     */
    @Transactional
    public PageResult<PersonSummary> search(String q, PageRequest page) {
        Actor actor = CurrentActor.get();
        String term = q == null ? "" : q.trim();
        var where = new StringBuilder(" where" + LIVE);
        var params = new ArrayList<Object>();
        String mode;
        if (ID_LIKE.matcher(term).matches()) {
            mode = "ID";
            where.append(" and p.id_number = ?");
            params.add(term.toUpperCase());
        } else if (PHONE_LIKE.matcher(term).matches()) {
            mode = "PHONE";
            where.append(" and p.phone = ?");
            params.add(term);
        } else if (!term.isEmpty()) {
            mode = "NAME";
            where.append(" and p.full_name collate \"C\" like ?");
            params.add(term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        } else {
            mode = "ALL";
        }
        int scopeStart = where.length();
        appendScope(actor, where, params);
        long total = jdbc.sql("select count(*) from (select 1 from person p" + where + " limit " + COUNT_CAP + ") c")
                .params(params).query(Long.class).single();
        var pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        String order = mode.equals("NAME") ? " order by p.full_name collate \"C\", p.birth_date, p.id" : " order by p.changed_at desc, p.id";
        List<PersonSummary> items = new ArrayList<>(jdbc.sql("""
                select p.*, i.code as institution_code from person p
                  join institution i on i.id = p.registered_institution_id""" + where + order + " limit ? offset ?")
                .params(pageParams).query((rs, n) -> summary(rs, false)).list());
        if (items.isEmpty() && mode.equals("ID") && page.page() == 0) {
            // The same ID number is the same person network-wide: say that she exists, masked.
            String unscoped = where.substring(0, scopeStart);
            jdbc.sql("select p.*, i.code as institution_code from person p join institution i on i.id = p.registered_institution_id"
                            + unscoped).params(params.subList(0, 1))
                    .query((rs, n) -> summary(rs, true)).optional().ifPresent(items::add);
            total = items.size();
        }
        audit.recordRead(new AuditRecord("SEARCH", "Person", null, null, true, false, null,
                Map.of("mode", mode, "results", total)));
        return new PageResult<>(items, total, page.page(), page.size());
    }

    private void appendScope(Actor actor, StringBuilder where, List<Object> params) {
        switch (actor.role()) {
            case SYSTEM_ADMIN -> { }
            case REGIONAL_OFFICIAL -> {
                where.append(" and p.address_area_code = any(?)");
                params.add(actorAreas(actor).toArray(String[]::new));
            }
            default -> {
                where.append(" and exists (select 1 from person_institution pi where pi.person_id = p.id"
                        + " and pi.institution_id = ? and (pi.until is null or pi.until > now()))");
                params.add(actor.institutionId());
            }
        }
    }

    // ---- read ---------------------------------------------------------------------------------

    /** Opens a record to read it: every attempt, allowed or refused, is in the audit trail. */
    @Transactional
    public PersonDetail open(UUID id) {
        return open(id, true);
    }

    private PersonDetail openForUpdate(UUID id) {
        return open(id, false);
    }

    private PersonDetail open(UUID id, boolean readOnly) {
        Actor actor = CurrentActor.get();
        PersonDetail person = load(id).orElseThrow(() -> ApiException.notFound("person", id));
        PersonAccessPolicy.Decision decision = decide(actor, id, person.addressAreaCode());
        if (!decision.allowed()) {
            audit.recordIndependently(AuditRecord.read("Person", id, id, false, false, null));
            throw new ApiException(HttpStatus.FORBIDDEN, "forbidden",
                    "您所在机构无权查看此记录 / your institution is not entitled to this record",
                    List.of(), Map.of("breakGlassAllowed", actor.role() != StaffRole.REGIONAL_OFFICIAL));
        }
        AuditRecord read = AuditRecord.read("Person", id, id, true, decision.breakGlass(), null);
        if (readOnly) audit.recordRead(read); else audit.record(read);
        return person;
    }

    /** Whether the current actor may see the person; for other modules guarding their own records. */
    public boolean canAccess(UUID personId) {
        return decide(CurrentActor.get(), personId, null).allowed();
    }

    /** Emergency access with a reason: allowed, flagged in the audit, valid for 12 hours. */
    @Transactional
    public PersonDetail breakGlass(UUID id, String reason) {
        Actor actor = CurrentActor.get();
        if (actor.role() == StaffRole.REGIONAL_OFFICIAL) {
            throw ApiException.forbidden("区域管理人员不能紧急访问个人记录 / regional officials cannot break the glass");
        }
        if (reason == null || reason.strip().length() < MIN_BREAK_GLASS_REASON) {
            throw ApiException.badField("reason", "紧急访问需填写至少10个字的理由 / a reason of at least 10 characters is required");
        }
        PersonDetail person = load(id).orElseThrow(() -> ApiException.notFound("person", id));
        jdbc.sql("insert into break_glass_grant (id, username, person_id, reason, expires_at) values (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), actor.username(), id, reason.strip(), OffsetDateTime.now().plus(BREAK_GLASS_VALIDITY))
                .update();
        audit.record(new AuditRecord("BREAK_GLASS", "Person", id.toString(), id, true, true, reason.strip(), Map.of()));
        audit.record(AuditRecord.read("Person", id, id, true, true, reason.strip()));
        return person;
    }

    public List<cn.fuyou.audit.AuditEvent> accessLog(UUID id) {
        Actor actor = CurrentActor.get();
        if (!actor.role().isAdmin()) throw ApiException.forbidden("仅管理员可查看 / admins only");
        if (!actor.isSystemAdmin() && !decide(actor, id, null).allowed()) {
            throw ApiException.forbidden("您所在机构无权查看此记录 / your institution is not entitled to this record");
        }
        return audit.forPerson(id, 200);
    }

    private PersonAccessPolicy.Decision decide(Actor actor, UUID personId, String addressArea) {
        record Row(String area, UUID[] entitled, boolean glass) {}
        Row row = jdbc.sql("""
                select p.address_area_code,
                       array(select institution_id from person_institution where person_id = p.id and (until is null or until > now())),
                       exists (select 1 from break_glass_grant where username = ? and person_id = p.id and expires_at > now())
                  from person p where p.id = ?""")
                .params(actor.username(), personId)
                .query((rs, n) -> new Row(rs.getString(1), (UUID[]) rs.getArray(2).getArray(), rs.getBoolean(3)))
                .optional().orElse(new Row(null, new UUID[0], false));
        return PersonAccessPolicy.decide(actor, new PersonAccessPolicy.Facts(new HashSet<>(java.util.Arrays.asList(row.entitled())),
                addressArea != null ? addressArea : row.area(), actorAreas(actor), row.glass()));
    }

    private Set<String> actorAreas(Actor actor) {
        return actor.areaCode() == null ? Set.of() : areas.withDescendants(actor.areaCode());
    }

    // ---- write --------------------------------------------------------------------------------

    @Transactional
    public PersonDetail register(PersonForm f) {
        Actor actor = CurrentActor.get();
        String idNumber = validate(f);
        jdbc.sql("select p.id from person p where p.id_type = ? and p.id_number = ? and" + LIVE)
                .params(f.idType(), idNumber).query(UUID.class).optional().ifPresent(existing -> {
                    throw sameIdNumber(existing);
                });
        if (!Boolean.TRUE.equals(f.confirmNotDuplicate()) && f.phone() != null) {
            List<PersonSummary> candidates = jdbc.sql("""
                    select p.*, i.code as institution_code from person p join institution i on i.id = p.registered_institution_id
                     where p.full_name = ? and p.birth_date = ? and p.phone = ? and""" + LIVE + " limit 10")
                    .params(f.fullName(), f.birthDate(), f.phone()).query((rs, n) -> summary(rs, false)).list();
            if (!candidates.isEmpty()) {
                throw ApiException.conflict("possible-duplicate",
                        "已有同名、同出生日期、同电话的人员，可能是同一人 / a person with the same name, birth date and phone exists",
                        Map.of("candidates", candidates));
            }
        }
        UUID id = UUID.randomUUID();
        // A concurrent registration of the same document loses here without aborting the transaction.
        int inserted = jdbc.sql("""
                insert into person (id, family_name, given_name, full_name, sex, birth_date, id_type, id_number, nationality,
                                    phone, address_area_code, address_text, registered_institution_id, created_by, changed_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id_type, id_number) where merged_into is null and voided_at is null do nothing""")
                .params(id, f.familyName().trim(), f.givenName().trim(), f.fullName(), f.sex(), f.birthDate(), f.idType(),
                        idNumber, f.nationality(), f.phone(), f.addressAreaCode(), f.addressText(), actor.institutionId(),
                        actor.username(), actor.username())
                .update();
        if (inserted == 0) {
            throw sameIdNumber(jdbc.sql("select p.id from person p where p.id_type = ? and p.id_number = ? and" + LIVE)
                    .params(f.idType(), idNumber).query(UUID.class).single());
        }
        entitle(id, actor.institutionId(), "REGISTERED");
        link(f.motherId(), id, "MOTHER_OF", "motherId");
        link(f.partnerId(), id, "PARTNER_OF", "partnerId");
        audit.record(AuditRecord.write("CREATE", "Person", id, id, Map.of()));
        return load(id).orElseThrow();
    }

    @Transactional
    public PersonDetail correct(UUID id, PersonForm f) {
        PersonDetail current = openForUpdate(id);
        if (f.version() == null) throw ApiException.badField("version", "版本号必填 / version is required");
        String idNumber = validate(f);
        Actor actor = CurrentActor.get();
        jdbc.sql("select p.id from person p where p.id_type = ? and p.id_number = ? and p.id <> ? and" + LIVE)
                .params(f.idType(), idNumber, id).query(UUID.class).optional().ifPresent(other -> {
                    throw sameIdNumber(other);
                });
        int n = jdbc.sql("""
                update person set family_name = ?, given_name = ?, full_name = ?, sex = ?, birth_date = ?, id_type = ?,
                       id_number = ?, nationality = ?, phone = ?, address_area_code = ?, address_text = ?,
                       version = version + 1, changed_at = now(), changed_by = ?
                 where id = ? and version = ? and voided_at is null and merged_into is null""")
                .params(f.familyName().trim(), f.givenName().trim(), f.fullName(), f.sex(), f.birthDate(), f.idType(),
                        idNumber, f.nationality(), f.phone(), f.addressAreaCode(), f.addressText(), actor.username(),
                        id, f.version())
                .update();
        if (n == 0) throw ApiException.staleVersion("person", id, f.version(), current.version());
        audit.record(AuditRecord.write("UPDATE", "Person", id, id, Map.of("version", f.version() + 1)));
        return load(id).orElseThrow();
    }

    @Transactional
    public void voidRecord(UUID id, String reason, Long version) {
        PersonDetail current = openForUpdate(id);
        if (reason == null || reason.isBlank()) throw ApiException.badField("reason", "作废需填写理由 / a reason is required");
        if (version == null) throw ApiException.badField("version", "版本号必填 / version is required");
        int n = jdbc.sql("""
                update person set voided_at = now(), void_reason = ?, version = version + 1, changed_at = now(), changed_by = ?
                 where id = ? and version = ? and voided_at is null""")
                .params(reason.strip(), CurrentActor.get().username(), id, version).update();
        if (n == 0) throw ApiException.staleVersion("person", id, version, current.version());
        audit.record(AuditRecord.write("VOID", "Person", id, id, Map.of("reason", reason.strip())));
    }

    /** Grants an institution access to a person (registration, care, referral). */
    @Transactional
    public void entitle(UUID personId, UUID institutionId, String reason) {
        if (institutionId == null) return;
        // A grant that ended (a closed referral) starts again.
        jdbc.sql("""
                insert into person_institution (person_id, institution_id, reason) values (?, ?, ?)
                on conflict (person_id, institution_id, reason) do update set until = null, since = now()
                 where person_institution.until is not null""")
                .params(personId, institutionId, reason).update();
    }

    /** Ends an institution's access granted for a reason (e.g. when a referral closes). */
    @Transactional
    public void revoke(UUID personId, UUID institutionId, String reason) {
        jdbc.sql("update person_institution set until = now() where person_id = ? and institution_id = ? and reason = ? and until is null")
                .params(personId, institutionId, reason).update();
    }

    // ---- merge --------------------------------------------------------------------------------

    /**
     * Folds a duplicate into the survivor: the duplicate stays (marked merged) and what moved is
     * written down, so that the merge can be undone exactly.
     */
    @Transactional
    public UUID merge(UUID survivorId, UUID duplicateId) {
        if (survivorId == null) throw ApiException.badField("survivorId", "必填 / required");
        if (duplicateId == null) throw ApiException.badField("duplicateId", "必填 / required");
        if (survivorId.equals(duplicateId)) throw ApiException.badField("duplicateId", "不能与自身合并 / cannot merge a record into itself");
        PersonDetail survivor = openForUpdate(survivorId);
        PersonDetail duplicate = openForUpdate(duplicateId);
        if (survivor.mergedInto() != null || survivor.voided()) throw ApiException.badField("survivorId", "记录已合并或作废 / record is merged or voided");
        if (duplicate.mergedInto() != null || duplicate.voided()) throw ApiException.badField("duplicateId", "记录已合并或作废 / record is merged or voided");
        Actor actor = CurrentActor.get();
        List<UUID> addedEntitlements = jdbc.sql("""
                insert into person_institution (person_id, institution_id, reason, since, until)
                select ?, institution_id, reason, since, until from person_institution where person_id = ?
                on conflict do nothing returning institution_id""")
                .params(survivorId, duplicateId).query(UUID.class).list();
        List<UUID> movedLinksFrom = jdbc.sql("update person_link set person_id = ? where person_id = ? and voided_at is null returning id")
                .params(survivorId, duplicateId).query(UUID.class).list();
        List<UUID> movedLinksTo = jdbc.sql("update person_link set related_person_id = ? where related_person_id = ? and voided_at is null returning id")
                .params(survivorId, duplicateId).query(UUID.class).list();
        jdbc.sql("update person set merged_into = ?, version = version + 1, changed_at = now(), changed_by = ? where id = ?")
                .params(survivorId, actor.username(), duplicateId).update();
        UUID mergeId = UUID.randomUUID();
        String moved = "{\"entitlements\":" + jsonArray(addedEntitlements) + ",\"linksFrom\":" + jsonArray(movedLinksFrom)
                + ",\"linksTo\":" + jsonArray(movedLinksTo) + "}";
        jdbc.sql("insert into person_merge (id, survivor_id, duplicate_id, moved, merged_by) values (?, ?, ?, cast(? as jsonb), ?)")
                .params(mergeId, survivorId, duplicateId, moved, actor.username()).update();
        audit.record(AuditRecord.write("MERGE", "Person", duplicateId, duplicateId, Map.of("survivorId", survivorId.toString(), "mergeId", mergeId.toString())));
        audit.record(AuditRecord.write("MERGE", "Person", survivorId, survivorId, Map.of("duplicateId", duplicateId.toString(), "mergeId", mergeId.toString())));
        return mergeId;
    }

    @Transactional
    public void undoMerge(UUID mergeId) {
        record Merge(UUID survivorId, UUID duplicateId, String moved, OffsetDateTime undoneAt) {}
        Merge m = jdbc.sql("select survivor_id, duplicate_id, moved::text, undone_at from person_merge where id = ? for update")
                .param(mergeId).query(Merge.class).optional()
                .orElseThrow(() -> ApiException.notFound("merge", mergeId));
        if (m.undoneAt() != null) throw ApiException.conflict("already-undone", "合并已撤销 / merge already undone", Map.of());
        openForUpdate(m.survivorId());
        jdbc.sql("""
                delete from person_institution where person_id = ? and institution_id in
                  (select (jsonb_array_elements_text(moved -> 'entitlements'))::uuid from person_merge where id = ?)""")
                .params(m.survivorId(), mergeId).update();
        jdbc.sql("""
                update person_link set person_id = ? where id in
                  (select (jsonb_array_elements_text(moved -> 'linksFrom'))::uuid from person_merge where id = ?)""")
                .params(m.duplicateId(), mergeId).update();
        jdbc.sql("""
                update person_link set related_person_id = ? where id in
                  (select (jsonb_array_elements_text(moved -> 'linksTo'))::uuid from person_merge where id = ?)""")
                .params(m.duplicateId(), mergeId).update();
        Actor actor = CurrentActor.get();
        boolean documentTaken = jdbc.sql("""
                select exists (select 1 from person p, person d where d.id = ? and p.id <> d.id and p.id_type = d.id_type
                               and p.id_number = d.id_number and p.merged_into is null and p.voided_at is null)""")
                .param(m.duplicateId()).query(Boolean.class).single();
        if (documentTaken) {
            throw ApiException.conflict("document-in-use", "该证件号已被另一条记录使用 / the document number is now used by another record", Map.of());
        }
        jdbc.sql("update person set merged_into = null, version = version + 1, changed_at = now(), changed_by = ? where id = ?")
                .params(actor.username(), m.duplicateId()).update();
        jdbc.sql("update person_merge set undone_at = now(), undone_by = ? where id = ?").params(actor.username(), mergeId).update();
        audit.record(AuditRecord.write("UNMERGE", "Person", m.duplicateId(), m.duplicateId(), Map.of("mergeId", mergeId.toString())));
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** Checks the document and returns its normal form; the birth date and sex must agree with a resident ID. */
    private String validate(PersonForm f) {
        if (f.addressAreaCode() != null && areas.find(f.addressAreaCode()).isEmpty()) {
            throw ApiException.badField("addressAreaCode", "未知地区 / unknown area " + f.addressAreaCode());
        }
        if ("PASSPORT".equals(f.idType())) {
            String passport = f.idNumber().trim().toUpperCase();
            if (!PASSPORT.matcher(passport).matches()) {
                throw ApiException.badField("idNumber", "护照号为5–20位字母或数字 / a passport number has 5–20 letters or digits");
            }
            if (f.nationality() == null || f.nationality().isBlank()) {
                throw ApiException.badField("nationality", "外籍人员须填写国籍 / nationality is required with a passport");
            }
            return passport;
        }
        ResidentIdNumber.Result parsed = ResidentIdNumber.parse(f.idNumber());
        if (parsed instanceof ResidentIdNumber.Invalid bad) throw ApiException.badField("idNumber", bad.message());
        ResidentIdNumber id = ((ResidentIdNumber.Valid) parsed).id();
        if (!id.birthDate().equals(f.birthDate())) {
            throw ApiException.badField("birthDate", "出生日期与身份证号不一致 / birth date differs from the ID number (" + id.birthDate() + ")");
        }
        if (id.sex() != f.sex().charAt(0)) {
            throw ApiException.badField("sex", "性别与身份证号不一致 / sex differs from the ID number");
        }
        return id.value();
    }

    private void link(UUID from, UUID to, String kind, String field) {
        if (from == null) return;
        if (jdbc.sql("select count(*) from person where id = ? and voided_at is null").param(from).query(Long.class).single() == 0) {
            throw ApiException.badField(field, "关联人员不存在 / linked person not found");
        }
        if (kind.equals("MOTHER_OF") && !"F".equals(jdbc.sql("select sex from person where id = ?").param(from).query(String.class).single())) {
            throw ApiException.badField(field, "母亲须为女性 / the mother must be female");
        }
        jdbc.sql("insert into person_link (id, person_id, related_person_id, kind, created_by) values (?, ?, ?, ?, ?) on conflict do nothing")
                .params(UUID.randomUUID(), from, to, kind, CurrentActor.orSystem().username()).update();
    }

    /**
     * A live-born baby becomes a person at delivery, identified by her birth record until she has a
     * resident ID number; she is registered at the delivering institution and linked to her mother.
     */
    @Transactional
    public UUID registerNewborn(UUID motherId, String givenName, String sex, LocalDate birthDate, String birthRecordNumber,
                                UUID institutionId) {
        PersonDetail mother = load(motherId).orElseThrow(() -> ApiException.notFound("person", motherId));
        Actor actor = CurrentActor.get();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into person (id, family_name, given_name, full_name, sex, birth_date, id_type, id_number, phone,
                                    address_area_code, address_text, registered_institution_id, created_by, changed_by)
                values (?, ?, ?, ?, ?, ?, 'BIRTH_RECORD', ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, mother.familyName(), givenName, mother.familyName() + givenName, sex, birthDate, birthRecordNumber,
                        mother.phone(), mother.addressAreaCode(), mother.addressText(), institutionId, actor.username(),
                        actor.username())
                .update();
        entitle(id, institutionId, "REGISTERED");
        link(motherId, id, "MOTHER_OF", "motherId");
        audit.record(AuditRecord.write("CREATE", "Person", id, id, Map.of("newbornOf", motherId.toString())));
        return id;
    }

    /** A person received from another system without a Chinese document (identifier "system|value"). */
    public record ExternalPerson(String identifier, String familyName, String givenName, String sex, LocalDate birthDate,
                                 String phone, String addressAreaCode) {}

    /**
     * Imports a person from an outside record, idempotently: the same identifier is the same person
     * (a re-import creates nothing). Returns her id.
     */
    @Transactional
    public UUID importExternal(ExternalPerson p) {
        Actor actor = CurrentActor.get();
        if (p.identifier() == null || p.identifier().isBlank()) throw ApiException.badField("identifier", "identifier is required");
        if (p.birthDate() == null || p.birthDate().isAfter(LocalDate.now())) throw ApiException.badField("birthDate", "birth date is required and not in the future");
        if (!"F".equals(p.sex()) && !"M".equals(p.sex())) throw ApiException.badField("gender", "gender must be female or male");
        if (p.addressAreaCode() != null && areas.find(p.addressAreaCode()).isEmpty()) {
            throw ApiException.badField("address", "unknown area " + p.addressAreaCode());
        }
        UUID id = UUID.randomUUID();
        String family = p.familyName() == null || p.familyName().isBlank() ? "?" : p.familyName().trim();
        String given = p.givenName() == null ? "" : p.givenName().trim();
        boolean latin = (family + given).chars().allMatch(c -> c < 0x2E80);
        int n = jdbc.sql("""
                insert into person (id, family_name, given_name, full_name, sex, birth_date, id_type, id_number, phone,
                                    address_area_code, registered_institution_id, created_by, changed_by)
                values (?, ?, ?, ?, ?, ?, 'EXTERNAL', ?, ?, ?, ?, ?, ?)
                on conflict (id_type, id_number) where merged_into is null and voided_at is null do nothing""")
                .params(id, family, given, latin ? (family + " " + given).trim() : family + given, p.sex(), p.birthDate(),
                        p.identifier(), p.phone(), p.addressAreaCode(), actor.institutionId(), actor.username(), actor.username())
                .update();
        if (n == 0) {
            UUID existing = jdbc.sql("select id from person p where id_type = 'EXTERNAL' and id_number = ? and" + LIVE)
                    .param(p.identifier()).query(UUID.class).single();
            entitle(existing, actor.institutionId(), "CARED");
            return existing;
        }
        entitle(id, actor.institutionId(), "REGISTERED");
        audit.record(AuditRecord.write("IMPORT", "Person", id, id, Map.of("identifier", p.identifier())));
        return id;
    }

    /** Finds a live person by document (type and number), for conditional operations of integrations. */
    public Optional<UUID> findByDocument(String idType, String idNumber) {
        return jdbc.sql("select id from person p where id_type = ? and id_number = ? and" + LIVE).params(idType, idNumber)
                .query(UUID.class).optional();
    }

    /** Links a mother and a child (delivery records use this). */
    @Transactional
    public void linkMother(UUID motherId, UUID childId) {
        link(motherId, childId, "MOTHER_OF", "motherId");
    }

    private static ApiException sameIdNumber(UUID existing) {
        return ApiException.conflict("same-id-number",
                "该证件号已登记，同一证件号即同一人 / this document number is already registered: it is the same person",
                Map.of("existingPersonId", existing));
    }

    /** Display names for lists in other modules (no access check: callers list records they may see). */
    public Map<UUID, String> namesOf(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) return Map.of();
        Map<UUID, String> names = new java.util.HashMap<>();
        jdbc.sql("select id, full_name from person where id = any(?)").param(ids.toArray(UUID[]::new))
                .query((rs, n) -> names.put(rs.getObject(1, UUID.class), rs.getString(2))).list();
        return names;
    }

    public Optional<PersonDetail> load(UUID id) {
        return jdbc.sql("""
                select p.*, i.code as institution_code, i.name_zh as institution_name_zh, i.name_en as institution_name_en
                  from person p join institution i on i.id = p.registered_institution_id where p.id = ?""")
                .param(id).query((rs, n) -> detail(rs)).optional();
    }

    private PersonDetail detail(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<PersonDetail.Link> links = jdbc.sql("""
                select 'MOTHER' as kind, o.id, o.full_name, o.birth_date, o.sex from person_link l join person o on o.id = l.person_id
                 where l.related_person_id = ? and l.kind = 'MOTHER_OF' and l.voided_at is null
                union all
                select 'CHILD', o.id, o.full_name, o.birth_date, o.sex from person_link l join person o on o.id = l.related_person_id
                 where l.person_id = ? and l.kind = 'MOTHER_OF' and l.voided_at is null
                union all
                select 'PARTNER', o.id, o.full_name, o.birth_date, o.sex from person_link l
                  join person o on o.id = case when l.person_id = ? then l.related_person_id else l.person_id end
                 where (l.person_id = ? or l.related_person_id = ?) and l.kind = 'PARTNER_OF' and l.voided_at is null""")
                .params(id, id, id, id, id)
                .query((r, n) -> new PersonDetail.Link(r.getString(1), r.getObject(2, UUID.class), r.getString(3),
                        r.getObject(4, LocalDate.class), r.getString(5)))
                .list();
        return new PersonDetail(id, rs.getString("family_name"), rs.getString("given_name"), rs.getString("full_name"),
                rs.getString("sex"), rs.getObject("birth_date", LocalDate.class), rs.getString("id_type"),
                rs.getString("id_number"), rs.getString("nationality"), rs.getString("phone"),
                rs.getString("address_area_code"), rs.getString("address_text"),
                new PersonDetail.InstitutionRef(rs.getString("institution_code"), rs.getString("institution_name_zh"),
                        rs.getString("institution_name_en")),
                links, rs.getObject("merged_into", UUID.class), rs.getObject("voided_at") != null, rs.getString("void_reason"),
                rs.getLong("version"), rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"),
                rs.getObject("changed_at", OffsetDateTime.class), rs.getString("changed_by"));
    }

    private static PersonSummary summary(ResultSet rs, boolean restricted) throws SQLException {
        String name = rs.getString("full_name");
        return new PersonSummary(rs.getObject("id", UUID.class),
                restricted ? name.substring(0, 1) + "*".repeat(Math.max(1, name.length() - 1)) : name,
                rs.getString("sex"), restricted ? null : rs.getObject("birth_date", LocalDate.class), rs.getString("id_type"),
                rs.getString("id_number"), restricted ? null : rs.getString("phone"),
                restricted ? null : rs.getString("address_area_code"), rs.getString("institution_code"), restricted);
    }

    private static String jsonArray(List<UUID> ids) {
        return ids.stream().map(u -> "\"" + u + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }
}
