package cn.fuyou.network;

import cn.fuyou.maternal.rules.RiskColour;

import cn.fuyou.registry.Institution;
import cn.fuyou.registry.Institutions;
import cn.fuyou.registry.Persons;
import cn.fuyou.shared.Actor;
import cn.fuyou.shared.CurrentActor;
import cn.fuyou.shared.PageRequest;
import cn.fuyou.shared.PageResult;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
/** An institution's incoming and outgoing referrals with their due times. */
@Service
public class ReferralInbox {

    private final Timeliness timeliness = Timeliness.DEFAULT;

    private final JdbcClient jdbc;
    private final Persons persons;
    private final Institutions institutions;

    ReferralInbox(JdbcClient jdbc, Persons persons, Institutions institutions) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.institutions = institutions;
    }

    /**
     * The institution's incoming or outgoing referrals, newest first, read in index order (measured:
     * sorting by an expression sorted all 100,000 rows of an institution); within a page, undecided
     * emergencies ("paged") come first. The total is counted up to 1,000.
     */
    public PageResult<Referrals.InboxItem> inbox(String direction, String state, Boolean overdueOnly, PageRequest page) {
        Actor actor = CurrentActor.get();
        boolean incoming = !"outgoing".equalsIgnoreCase(direction);
        String mine = incoming ? "to_institution_id" : "from_institution_id";
        var where = new StringBuilder(" where " + mine + " = ?");
        var params = new ArrayList<Object>(List.of(actor.institutionId()));
        if (state != null && !state.isBlank()) {
            if ("OPEN".equalsIgnoreCase(state)) where.append(" and state not in ('CLOSED', 'DECLINED', 'REDIRECTED')");
            else { where.append(" and state = ?"); params.add(state.toUpperCase()); }
        }
        if (Boolean.TRUE.equals(overdueOnly)) {
            where.append(" " + """
                     and decided_at is null and state = 'REQUESTED' and now() > created_at + case urgency
                        when 'EMERGENCY' then ? * interval '1 second' when 'URGENT' then ? * interval '1 second' else ? * interval '1 second' end""");
            params.addAll(List.of(timeliness.emergency().toSeconds(), timeliness.urgent().toSeconds(), timeliness.routine().toSeconds()));
        }
        long total = jdbc.sql("select count(*) from (select 1 from referral" + where + " limit 1000) c").params(params).query(Long.class).single();
        var pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        OffsetDateTime now = OffsetDateTime.now();
        var rows = jdbc.sql("select id, person_id, kind, " + (incoming ? "from_institution_id" : "to_institution_id") + " as counterpart,"
                        + " urgency, reason, risk_colour, purple, state, created_at, decided_at, changed_at from referral" + where
                        + " order by created_at desc limit ? offset ?")
                .params(pageParams)
                .query((rs, n) -> {
                    OffsetDateTime created = rs.getObject("created_at", OffsetDateTime.class);
                    String urgency = rs.getString("urgency");
                    Institution other = institutions.findById(rs.getObject("counterpart", UUID.class)).orElseThrow();
                    OffsetDateTime decided = rs.getObject("decided_at", OffsetDateTime.class);
                    String st = rs.getString("state");
                    return new Referrals.InboxItem(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class), null, rs.getString("kind"),
                            other.code(), other.nameZh(), urgency, rs.getString("reason"), RiskColour.parse(rs.getString("risk_colour")), rs.getBoolean("purple"),
                            st, created, timeliness.acknowledgeBy(urgency, created),
                            "REQUESTED".equals(st) && timeliness.overdue(urgency, created, decided, now),
                            "EMERGENCY".equals(urgency) && "REQUESTED".equals(st), rs.getObject("changed_at", OffsetDateTime.class));
                }).list();
        var names = persons.namesOf(rows.stream().map(Referrals.InboxItem::personId).toList());
        var items = rows.stream().map(i -> new Referrals.InboxItem(i.id(), i.personId(), names.get(i.personId()), i.kind(), i.counterpartCode(),
                i.counterpartName(), i.urgency(), i.reason(), i.riskColour(), i.purple(), i.state(), i.createdAt(), i.acknowledgeBy(),
                i.overdue(), i.paged(), i.changedAt()))
                .sorted(java.util.Comparator.comparing((Referrals.InboxItem i) -> !i.paged()))
                .toList();
        return new PageResult<>(items, total, page.page(), page.size());
    }
}
