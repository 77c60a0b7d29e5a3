package cn.fuyou.maternal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Published after a delivery is stored: child health starts a record for each live-born baby. */
public record DeliveryRecorded(UUID pregnancyId, UUID motherId, OffsetDateTime deliveredAt, int gestationalAgeDays,
                               List<Baby> babies, List<String> maternalInfections) {

    public record Baby(UUID childId, String sex, int weightG, java.math.BigDecimal lengthCm, java.math.BigDecimal headCircumferenceCm,
                       Integer apgar1, Integer apgar5, Integer apgar10, boolean nicuTransfer, String anomalies) {}
}
