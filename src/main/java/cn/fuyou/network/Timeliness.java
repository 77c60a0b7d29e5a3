package cn.fuyou.network;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * How fast a receiving institution must acknowledge a referral (issue 6 §3): emergency 15 minutes,
 * urgent 24 hours, routine 3 days (settings); and the 2-week follow-up of a referral made for a
 * positive screen or an abnormal finding (clinical-rules.md §1, §2).
 */
public record Timeliness(Duration emergency, Duration urgent, Duration routine, Duration followUp) {

    public static final Timeliness DEFAULT = new Timeliness(Duration.ofMinutes(15), Duration.ofHours(24), Duration.ofDays(3),
            Duration.ofDays(14));

    public OffsetDateTime acknowledgeBy(String urgency, OffsetDateTime created) {
        return created.plus(switch (urgency) {
            case "EMERGENCY" -> emergency;
            case "URGENT" -> urgent;
            default -> routine;
        });
    }

    /** Overdue when still undecided after its due time (a decision at the due time itself is in time). */
    public boolean overdue(String urgency, OffsetDateTime created, OffsetDateTime decidedAt, OffsetDateTime now) {
        OffsetDateTime due = acknowledgeBy(urgency, created);
        return decidedAt == null ? now.isAfter(due) : decidedAt.isAfter(due);
    }

    /** A screen/abnormal-finding referral neither completed nor followed up within two weeks. */
    public boolean followUpOverdue(OffsetDateTime created, OffsetDateTime completedAt, OffsetDateTime followedUpAt, OffsetDateTime now) {
        return completedAt == null && followedUpAt == null && now.isAfter(created.plus(followUp));
    }
}
