package cn.fuyou.training;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Certificates held elsewhere that the training pages show beside their own: another module
 * implements this (child health: the certificates of nursery health-care staff), so training never
 * depends on it.
 */
public interface ExternalCertificates {

    /** @param source a key of the training bundle naming where it comes from, e.g. {@code NURSERY} */
    record Held(String source, String holderName, UUID institutionId, String title, LocalDate issuedOn, LocalDate expiresOn) {}

    /** Certificates with an expiry on or before {@code until} (and after {@code from}). */
    List<Held> expiringBetween(LocalDate from, LocalDate until);

    /** Certificates held at one institution. */
    List<Held> heldAt(UUID institutionId);
}
