package cn.fuyou.network;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fuyou.network.ReferralStateMachine.Side;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Source: issue 6 §1 (referral states and who moves them) and §3, §6 (timeliness). */
class ReferralStateMachineTest {

    @ParameterizedTest(name = "{0} → {1} by {2}")
    @CsvSource({
            "REQUESTED, ACCEPTED, RECEIVER", "REQUESTED, DECLINED, RECEIVER", "REQUESTED, REDIRECTED, RECEIVER",
            "ACCEPTED, IN_TRANSIT, SENDER", "ACCEPTED, ARRIVED, RECEIVER", "IN_TRANSIT, ARRIVED, RECEIVER",
            "ARRIVED, COMPLETED, RECEIVER", "COMPLETED, BACK_REFERRED, RECEIVER", "COMPLETED, CLOSED, RECEIVER",
            "COMPLETED, CLOSED, SENDER", "BACK_REFERRED, CLOSED, SENDER", "BACK_REFERRED, CLOSED, RECEIVER"})
    @DisplayName("every legal transition")
    void legal(ReferralState from, ReferralState to, Side by) {
        assertThat(ReferralStateMachine.allowed(from, to, by)).isTrue();
    }

    @ParameterizedTest(name = "{0} → {1} by {2} is refused")
    @CsvSource({
            "REQUESTED, ACCEPTED, SENDER", "REQUESTED, ARRIVED, RECEIVER", "REQUESTED, COMPLETED, RECEIVER",
            "REQUESTED, CLOSED, SENDER", "ACCEPTED, COMPLETED, RECEIVER", "ACCEPTED, IN_TRANSIT, RECEIVER",
            "IN_TRANSIT, COMPLETED, RECEIVER", "IN_TRANSIT, ARRIVED, SENDER", "ARRIVED, CLOSED, RECEIVER",
            "ARRIVED, BACK_REFERRED, RECEIVER", "COMPLETED, BACK_REFERRED, SENDER", "DECLINED, ACCEPTED, RECEIVER",
            "REDIRECTED, ACCEPTED, RECEIVER", "CLOSED, REQUESTED, SENDER", "CLOSED, ACCEPTED, RECEIVER", "BACK_REFERRED, COMPLETED, RECEIVER"})
    @DisplayName("illegal transitions are refused")
    void illegal(ReferralState from, ReferralState to, Side by) {
        assertThat(ReferralStateMachine.allowed(from, to, by)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = ReferralState.class, names = {"DECLINED", "REDIRECTED", "CLOSED"})
    @DisplayName("terminal states lead nowhere")
    void terminal(ReferralState s) {
        assertThat(ReferralStateMachine.next(s, Side.RECEIVER)).isEmpty();
        assertThat(ReferralStateMachine.next(s, Side.SENDER)).isEmpty();
    }

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 23, 8, 0, 0, 0, ZoneOffset.ofHours(8));

    @Test
    @DisplayName("emergency: acknowledged at 14:59 is in time, undecided at 15:01 is overdue")
    void emergency() {
        Timeliness t = Timeliness.DEFAULT;
        assertThat(t.overdue("EMERGENCY", T0, T0.plusMinutes(14).plusSeconds(59), T0.plusHours(1))).isFalse();
        assertThat(t.overdue("EMERGENCY", T0, T0.plusMinutes(15), T0.plusHours(1))).isFalse();
        assertThat(t.overdue("EMERGENCY", T0, null, T0.plusMinutes(15).plusSeconds(1))).isTrue();
        assertThat(t.overdue("EMERGENCY", T0, null, T0.plusMinutes(14).plusSeconds(59))).isFalse();
    }

    @Test
    @DisplayName("urgent 24 hours, routine 3 days")
    void urgentAndRoutine() {
        Timeliness t = Timeliness.DEFAULT;
        assertThat(t.acknowledgeBy("URGENT", T0)).isEqualTo(T0.plusHours(24));
        assertThat(t.overdue("URGENT", T0, null, T0.plusHours(24).plusSeconds(1))).isTrue();
        assertThat(t.acknowledgeBy("ROUTINE", T0)).isEqualTo(T0.plusDays(3));
        assertThat(t.overdue("ROUTINE", T0, null, T0.plusDays(3))).isFalse();
    }

    @Test
    @DisplayName("a screen referral must be completed or followed up within 2 weeks (clinical-rules.md §1, §2)")
    void followUp() {
        Timeliness t = Timeliness.DEFAULT;
        assertThat(t.followUpOverdue(T0, null, null, T0.plusDays(14))).isFalse();
        assertThat(t.followUpOverdue(T0, null, null, T0.plusDays(14).plusSeconds(1))).isTrue();
        assertThat(t.followUpOverdue(T0, null, T0.plusDays(3), T0.plusDays(20))).isFalse();
    }
}
