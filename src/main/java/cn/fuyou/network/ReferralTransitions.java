package cn.fuyou.network;


import cn.fuyou.shared.Actor;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
/** The referral's history: one row per move. */
@Component
class ReferralTransitions {

    private final JdbcClient jdbc;

    ReferralTransitions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(UUID id, ReferralState from, ReferralState to, Actor actor, String note) {
        jdbc.sql("insert into referral_transition (referral_id, from_state, to_state, by_user, by_institution, note) values (?, ?, ?, ?, ?, ?)")
                .params(id, from == null ? null : from.name(), to.name(), actor.username(), actor.institutionId(), note).update();
    }
}
