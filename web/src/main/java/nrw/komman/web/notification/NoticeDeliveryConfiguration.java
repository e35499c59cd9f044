package nrw.komman.web.notification;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import nrw.komman.kernel.common.Nrw;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The two recurring tasks of the delivery, on the database scheduler (db-scheduler, table {@code scheduled_tasks}),
 * which runs one execution of a task on one node at a time and, after a node died, on another: {@value #DELIVERY}
 * every {@code komman.notices.every} (at most as often as the scheduler polls, {@code db-scheduler.polling-interval})
 * fans out the outbox and sends the e-mails that are due; {@value #DIGEST} sends the daily digests at
 * {@code komman.notices.digest-at}, NRW time. Both only in the web role, which knows the accounts; off with
 * {@code komman.notices.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({NoticeMailProperties.class, NoticeDeliveryProperties.class})
public class NoticeDeliveryConfiguration {

    public static final String DELIVERY = "notice-delivery";
    public static final String DIGEST = "notice-digest";

    @Bean
    @ConditionalOnProperty(prefix = "komman.notices", name = "enabled", havingValue = "true", matchIfMissing = true)
    RecurringTask<Void> noticeDeliveryTask(NoticeDeliveryProperties properties, NoticeMailProperties mail,
                                           NoticeFanOut fanOut, NoticeMailer mailer, ObjectProvider<Clock> clock) {
        Clock time = clock.getIfUnique(Nrw::systemClock);
        return Tasks.recurring(DELIVERY, FixedDelay.of(properties.every())).execute((instance, context) -> {
            fanOut.fanOutAll(time.instant());
            NoticeMailer.Outcome outcome;
            do {
                outcome = mailer.sendDue(time.instant());
            } while (outcome.sent() + outcome.failedAttempts() + outcome.givenUp() >= mail.batch()
                    && !context.getSchedulerState().isShuttingDown());
        });
    }

    @Bean
    @ConditionalOnProperty(prefix = "komman.notices", name = "enabled", havingValue = "true", matchIfMissing = true)
    RecurringTask<Void> noticeDigestTask(NoticeDeliveryProperties properties, NoticeDigest digest, ObjectProvider<Clock> clock) {
        Clock time = clock.getIfUnique(Nrw::systemClock);
        return Tasks.recurring(DIGEST, Schedules.daily(Nrw.ZONE, properties.digestTime()))
                .execute((instance, context) -> digest.sendDigests(time.instant()));
    }
}
