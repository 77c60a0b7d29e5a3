package cn.fuyou.hospital.internal;

import cn.fuyou.hospital.BedReservations;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Frees the beds of reservations whose baby did not arrive in time. Every read of the board and
 * every reservation also expires what is due, so the board is right even between two runs.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ReservationExpiry {

    private final BedReservations reservations;

    ReservationExpiry(BedReservations reservations) {
        this.reservations = reservations;
    }

    @Scheduled(fixedDelayString = "${fuyou.hospital.expiry-interval:PT30S}", initialDelayString = "PT30S")
    void expire() {
        reservations.expireDue();
    }
}
