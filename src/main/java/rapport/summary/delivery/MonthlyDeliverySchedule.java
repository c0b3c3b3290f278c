package rapport.summary.delivery;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import rapport.system.RapportSettings;

import java.time.LocalDate;

/** Checks every 15 minutes whether the month's summary is due (workspace time zone); tests switch it off. */
@Singleton
@Requires(property = "rapport.summary.delivery.scheduled", notEquals = "false")
class MonthlyDeliverySchedule {

    private final MonthlyDelivery delivery;
    private final RapportSettings settings;

    MonthlyDeliverySchedule(MonthlyDelivery delivery, RapportSettings settings) {
        this.delivery = delivery;
        this.settings = settings;
    }

    @Scheduled(fixedDelay = "15m", initialDelay = "1m")
    void check() {
        delivery.runOn(LocalDate.now(settings.zone()));
    }
}
