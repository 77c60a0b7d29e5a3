package cn.fuyou.maternal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every live-born baby of a recorded delivery, for modules that account for births and must
 * also know the deliveries written before they listened to {@link DeliveryRecorded} (the demo
 * year's bulk load, an import): the same facts the event carries, with the delivery institution.
 */
@Service
public class LiveBirths {

    public record LiveBirth(UUID childId, UUID motherId, UUID institutionId, OffsetDateTime bornAt, int gestationalAgeDays, String sex,
                            int weightG, BigDecimal lengthCm, boolean nicuTransfer) {}

    private final JdbcClient jdbc;

    LiveBirths(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<LiveBirth> all() {
        return jdbc.sql("""
                select n.child_id, p.woman_id as mother_id, d.institution_id, d.delivered_at as born_at, d.ga_days as gestational_age_days,
                       n.sex, n.weight_g, n.length_cm, n.nicu_transfer
                  from newborn n join delivery d on d.id = n.delivery_id join pregnancy p on p.id = d.pregnancy_id
                 where n.live_born and n.child_id is not null order by d.delivered_at, n.child_id""")
                .query(LiveBirth.class).list();
    }
}
