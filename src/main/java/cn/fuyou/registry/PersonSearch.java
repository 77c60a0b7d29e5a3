package cn.fuyou.registry;

import cn.fuyou.audit.AuditLog;
import cn.fuyou.audit.AuditRecord;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.CurrentActor;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** One box finds a person by ID number, mobile number or name prefix, within what the user may see. */
@Service
public class PersonSearch {

    private static final Pattern ID_LIKE = Pattern.compile("\\d{17}[\\dXx]");
    private static final Pattern PHONE_LIKE = Pattern.compile("1\\d{10}");
    private static final int COUNT_CAP = 1000;

    private final JdbcClient jdbc;
    private final PersonAccess access;
    private final AuditLog audit;

    PersonSearch(JdbcClient jdbc, PersonAccess access, AuditLog audit) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
    }

    /**
     * One box finds a person by full ID number, by mobile number or by name prefix, within what the
     * user may see. The total is counted up to {@value #COUNT_CAP} (the UI shows "1000+").
     */
    @Transactional
    public PageResult<PersonSummary> search(String q, PageRequest page) {
        Actor actor = CurrentActor.get();
        String term = q == null ? "" : q.trim();
        var where = new StringBuilder(" where" + Persons.LIVE);
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
                .params(pageParams).query((rs, n) -> Persons.summary(rs, false)).list());
        if (items.isEmpty() && mode.equals("ID") && page.page() == 0) {
            // The same ID number is the same person network-wide: say that she exists, masked.
            String unscoped = where.substring(0, scopeStart);
            jdbc.sql("select p.*, i.code as institution_code from person p join institution i on i.id = p.registered_institution_id"
                            + unscoped).params(params.subList(0, 1))
                    .query((rs, n) -> Persons.summary(rs, true)).optional().ifPresent(items::add);
            total = items.size();
        }
        // one row naming every person the page showed (issue 15 §5: FHIR searches named nobody)
        audit.recordRead(AuditRecord.list("SEARCH", "Person", items.stream().map(PersonSummary::id).toList(),
                Map.of("mode", mode, "results", total)));
        return new PageResult<>(items, total, page.page(), page.size());
    }

    private void appendScope(Actor actor, StringBuilder where, List<Object> params) {
        switch (actor.role()) {
            case SYSTEM_ADMIN -> { }
            case REGIONAL_OFFICIAL -> {
                where.append(" and p.address_area_code = any(?)");
                params.add(access.actorAreas(actor).toArray(String[]::new));
            }
            default -> {
                where.append(" and exists (select 1 from person_institution pi where pi.person_id = p.id"
                        + " and pi.institution_id = ? and (pi.until is null or pi.until > now()))");
                params.add(actor.institutionId());
            }
        }
    }
}
