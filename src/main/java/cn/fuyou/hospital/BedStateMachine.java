package cn.fuyou.hospital;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The bed's legal moves (issue 11 §1–2). Reservation, arrival and discharge move beds as a side
 * effect of their use case; staff move a bed by hand only between free, cleaning and closed — a
 * reserved or occupied bed changes only through its reservation or admission.
 */
public final class BedStateMachine {

    private static final Map<BedState, Set<BedState>> BY_USE_CASE = new EnumMap<>(BedState.class);
    private static final Map<BedState, Set<BedState>> BY_HAND = new EnumMap<>(BedState.class);

    static {
        BY_USE_CASE.put(BedState.FREE, EnumSet.of(BedState.RESERVED, BedState.OCCUPIED));
        BY_USE_CASE.put(BedState.RESERVED, EnumSet.of(BedState.OCCUPIED, BedState.FREE));
        BY_USE_CASE.put(BedState.OCCUPIED, EnumSet.of(BedState.CLEANING));
        BY_HAND.put(BedState.FREE, EnumSet.of(BedState.CLOSED, BedState.CLEANING));
        BY_HAND.put(BedState.CLEANING, EnumSet.of(BedState.FREE, BedState.CLOSED));
        BY_HAND.put(BedState.CLOSED, EnumSet.of(BedState.FREE, BedState.CLEANING));
    }

    private BedStateMachine() {}

    /** A move made by a reservation, an arrival, a transfer or a discharge. */
    public static boolean allowedByUseCase(BedState from, BedState to) {
        return BY_USE_CASE.getOrDefault(from, Set.of()).contains(to);
    }

    /** A move a ward clerk makes on the board (cleaning done, bed closed or reopened). */
    public static boolean allowedByHand(BedState from, BedState to) {
        return BY_HAND.getOrDefault(from, Set.of()).contains(to);
    }

    public static Set<BedState> byHand(BedState from) {
        return BY_HAND.getOrDefault(from, Set.of());
    }
}
