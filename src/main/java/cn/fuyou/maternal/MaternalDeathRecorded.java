package cn.fuyou.maternal;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Published, inside the recording transaction, when her record says she died: at delivery
 * ({@code DELIVERY}) or a pregnancy ended by her death ({@code PREGNANCY_END}). The critical-care module
 * opens the maternal death report from it.
 *
 * @param institutionId the institution that recorded the death
 */
public record MaternalDeathRecorded(UUID pregnancyId, UUID womanId, LocalDate deathDate, String source, UUID institutionId) {}
