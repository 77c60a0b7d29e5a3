package cn.fuyou.registry;

import cn.fuyou.shared.ApiException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Persons (women, partners, children) as other modules read them: by id, by document, by name
 * for lists. The use cases live beside it: {@link PersonSearch}, {@link PersonAccess},
 * {@link Entitlements}, {@link PersonRegistration}, {@link PersonMerges},
 * {@link NewbornRegistration}, {@link ExternalPersonImport}.
 */
@Service
public class Persons {

    static final String LIVE = " p.merged_into is null and p.voided_at is null";

    private final JdbcClient jdbc;

    Persons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Finds a live person by document (type and number), for conditional operations of integrations. */
    public Optional<UUID> findByDocument(String idType, String idNumber) {
        return jdbc.sql("select id from person p where id_type = ? and id_number = ? and" + LIVE).params(idType, idNumber)
                .query(UUID.class).optional();
    }

    static ApiException sameIdNumber(UUID existing) {
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

    /**
     * Those of {@code among} whose name starts with {@code prefix}: other modules search their own
     * records by a person's name without reading the registry's tables.
     */
    public java.util.Set<UUID> namedLike(java.util.Collection<UUID> among, String prefix) {
        if (among.isEmpty() || prefix == null || prefix.isBlank()) return java.util.Set.of();
        String like = prefix.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return new java.util.HashSet<>(jdbc.sql("select id from person where id = any(?) and full_name like ?")
                .params(among.toArray(UUID[]::new), like).query(UUID.class).list());
    }

    /**
     * Women registered at an institution, born in the range, not (yet) anyone's mother in the
     * registry, in a stable order: the demo loaders pick the women they record deliveries for.
     */
    public List<UUID> womenRegisteredAt(UUID institutionId, java.time.LocalDate bornFrom, java.time.LocalDate bornTo) {
        return jdbc.sql("""
                select p.id from person p where p.sex = 'F' and p.registered_institution_id = ? and p.merged_into is null and p.voided_at is null
                   and p.birth_date between ? and ?
                   and not exists (select 1 from person_link l where l.person_id = p.id and l.kind = 'MOTHER_OF') order by p.id""")
                .params(institutionId, bornFrom, bornTo).query(UUID.class).list();
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

    static PersonSummary summary(ResultSet rs, boolean restricted) throws SQLException {
        String name = rs.getString("full_name");
        return new PersonSummary(rs.getObject("id", UUID.class),
                restricted ? name.substring(0, 1) + "*".repeat(Math.max(1, name.length() - 1)) : name,
                rs.getString("sex"), restricted ? null : rs.getObject("birth_date", LocalDate.class), rs.getString("id_type"),
                rs.getString("id_number"), restricted ? null : rs.getString("phone"),
                restricted ? null : rs.getString("address_area_code"), rs.getString("institution_code"), restricted);
    }


    /** The live persons whose address is in one of the areas (an area's bulk export). */
    public List<UUID> livingIn(java.util.Collection<String> areaCodes) {
        return jdbc.sql("select id from person p where address_area_code = any(?) and" + LIVE)
                .param(areaCodes.toArray(String[]::new)).query(UUID.class).list();
    }
}
