package nrw.komman.web.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Whether e-mail is on: Spring Boot configures a mail sender only when {@code spring.mail.host} is set. Without it
 * notices reach the inbox only, no e-mail row is written, and the log says so once at startup.
 */
@Component
public class NoticeMailSwitch {

    private static final Logger log = LoggerFactory.getLogger(NoticeMailSwitch.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final ObjectProvider<NoticeMailProperties> properties;

    public NoticeMailSwitch(ObjectProvider<JavaMailSender> sender, ObjectProvider<NoticeMailProperties> properties) {
        this.sender = sender;
        this.properties = properties;
    }

    public boolean on() {
        return sender.getIfAvailable() != null;
    }

    Optional<JavaMailSender> sender() {
        return Optional.ofNullable(sender.getIfAvailable());
    }

    @EventListener(ApplicationReadyEvent.class)
    void tell() {
        if (on()) {
            log.info("E-Mail-Versand ist an: Benachrichtigungen gehen ins Postfach und per E-Mail");
            NoticeMailProperties mail = properties.getIfAvailable();
            String host = mail == null ? null : mail.baseUrl().getHost();
            if (host != null && (host.equals("localhost") || host.startsWith("127."))) {
                // the links in e-mails would lead nowhere for their readers
                log.warn("E-Mails verweisen auf {} (komman.mail.base-url / KOMMAN_MAIL_BASE_URL nicht gesetzt?): "
                        + "die Links darin funktionieren nur auf diesem Rechner", mail.baseUrl());
            }
        } else {
            log.info("E-Mail-Versand ist aus (spring.mail.host nicht gesetzt): Benachrichtigungen nur im Postfach");
        }
    }
}
