package cn.fuyou.reporting.internal;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * How many transactions that wrote facts have committed in this process: the statistics' short-lived figure cache
 * ({@link cn.fuyou.reporting.IndicatorFigures}) keys on it, so a figure read after a record's commit is never an
 * older one from this process.
 */
@Component
public class CountsVersion {

    private final AtomicLong version = new AtomicLong();

    public long current() {
        return version.get();
    }

    /** Called inside a transaction that writes facts: the version moves on when it commits. */
    void changedInThisTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    version.incrementAndGet();
                }
            });
        } else {
            version.incrementAndGet();
        }
    }
}
