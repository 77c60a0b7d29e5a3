package cn.fuyou.fhir.internal;

import java.math.BigInteger;
import java.util.UUID;

/**
 * Ids of the resources fuyou derives from its own records (a contact's measurement, a growth visit's
 * weight): the owning record's UUID and the part's, each in base 36 (25 characters), so that a read
 * finds the record again and the id stays within FHIR's 64 characters.
 */
final class DerivedIds {

    private DerivedIds() {}

    static String compact(UUID id) {
        BigInteger v = new BigInteger(1, toBytes(id));
        String s = v.toString(36);
        return "0".repeat(25 - s.length()) + s;
    }

    static UUID uuid(String compact) {
        if (compact.length() != 25) throw new IllegalArgumentException(compact);
        BigInteger v = new BigInteger(compact, 36);
        byte[] raw = v.toByteArray();
        byte[] b = new byte[16];
        int copy = Math.min(16, raw.length);
        System.arraycopy(raw, raw.length - copy, b, 16 - copy, copy);
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 8; i++) hi = (hi << 8) | (b[i] & 0xff);
        for (int i = 8; i < 16; i++) lo = (lo << 8) | (b[i] & 0xff);
        return new UUID(hi, lo);
    }

    private static byte[] toBytes(UUID id) {
        byte[] b = new byte[16];
        long hi = id.getMostSignificantBits();
        long lo = id.getLeastSignificantBits();
        for (int i = 7; i >= 0; i--) {
            b[i] = (byte) hi;
            hi >>>= 8;
            b[i + 8] = (byte) lo;
            lo >>>= 8;
        }
        return b;
    }

    /** "{owner}-{part}" or "{owner}-{part}-{suffix}". */
    static String of(UUID owner, UUID part, String suffix) {
        return compact(owner) + "-" + compact(part) + (suffix == null ? "" : "-" + suffix);
    }

    /** The parts of a derived id: owner, part, suffix (null when absent); null when the id is not a derived one. */
    static String[] parts(String id) {
        String[] p = id.split("-", 3);
        if (p.length < 2 || p[0].length() != 25 || p[1].length() != 25) return null;
        return p;
    }

    static boolean isUuid(String id) {
        return id != null && id.length() == 36 && id.chars().filter(c -> c == '-').count() == 4;
    }
}
