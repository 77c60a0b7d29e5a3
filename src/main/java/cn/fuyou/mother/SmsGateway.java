package cn.fuyou.mother;

/**
 * Sends a text message. fuyou ships only the recording gateway (the demo: every message is kept in
 * the SMS outbox and nothing leaves the server); a real provider is one class implementing this,
 * declared as a bean, which replaces it.
 */
public interface SmsGateway {

    /** The gateway's name, kept with each outbox row. */
    String name();

    /** Hands the text over; {@code RECORDED} when nothing was really sent, {@code SENT} or {@code FAILED} otherwise. */
    Outcome send(String phone, String text);

    record Outcome(String status, String detail) {
        public static Outcome recorded() {
            return new Outcome("RECORDED", null);
        }
    }
}
