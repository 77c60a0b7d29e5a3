package cn.fuyou.criticalcare.internal;

import cn.fuyou.criticalcare.DeathReports;
import cn.fuyou.maternal.MaternalDeathRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A death recorded in her maternal record (at delivery, or a pregnancy ended by death) opens the death report in the same transaction. */
@Component
class MaternalDeathListener {

    private final DeathReports deathReports;

    MaternalDeathListener(DeathReports deathReports) {
        this.deathReports = deathReports;
    }

    @EventListener
    void on(MaternalDeathRecorded e) {
        deathReports.openFor(new DeathReports.Opening(e.source(), e.womanId(), e.pregnancyId(), null, e.deathDate(), e.institutionId()));
    }
}
