package cn.fuyou.network;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The referral's legal moves and who may make them: the receiving institution decides (accept,
 * decline, redirect), records arrival, completes and refers back; the sending institution marks the
 * departure; either side closes once the care has ended. Anything else is refused.
 */
public final class ReferralStateMachine {

    public enum Side { SENDER, RECEIVER }

    public record Move(ReferralState to, Side by) {}

    private static final Map<ReferralState, Set<Move>> MOVES = new EnumMap<>(ReferralState.class);

    static {
        add(ReferralState.REQUESTED, ReferralState.ACCEPTED, Side.RECEIVER);
        add(ReferralState.REQUESTED, ReferralState.DECLINED, Side.RECEIVER);
        add(ReferralState.REQUESTED, ReferralState.REDIRECTED, Side.RECEIVER);
        add(ReferralState.ACCEPTED, ReferralState.IN_TRANSIT, Side.SENDER);
        add(ReferralState.ACCEPTED, ReferralState.ARRIVED, Side.RECEIVER);
        add(ReferralState.IN_TRANSIT, ReferralState.ARRIVED, Side.RECEIVER);
        add(ReferralState.ARRIVED, ReferralState.COMPLETED, Side.RECEIVER);
        add(ReferralState.COMPLETED, ReferralState.BACK_REFERRED, Side.RECEIVER);
        add(ReferralState.COMPLETED, ReferralState.CLOSED, Side.RECEIVER);
        add(ReferralState.COMPLETED, ReferralState.CLOSED, Side.SENDER);
        add(ReferralState.BACK_REFERRED, ReferralState.CLOSED, Side.SENDER);
        add(ReferralState.BACK_REFERRED, ReferralState.CLOSED, Side.RECEIVER);
    }

    private ReferralStateMachine() {}

    private static void add(ReferralState from, ReferralState to, Side by) {
        MOVES.computeIfAbsent(from, k -> new java.util.HashSet<>()).add(new Move(to, by));
    }

    public static boolean allowed(ReferralState from, ReferralState to, Side by) {
        return MOVES.getOrDefault(from, Set.of()).contains(new Move(to, by));
    }

    /** The states reachable from {@code from} by anyone (for the UI's buttons). */
    public static Set<ReferralState> next(ReferralState from, Side by) {
        Set<ReferralState> out = EnumSet.noneOf(ReferralState.class);
        for (Move m : MOVES.getOrDefault(from, Set.of())) if (m.by() == by) out.add(m.to());
        return out;
    }
}
