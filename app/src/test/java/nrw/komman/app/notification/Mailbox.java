package nrw.komman.app.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server (GreenMail) on a free port of the loopback interface, and what the tests read of its e-mails.
 * Public for the browser journey and the benchmark, which receive the platform's e-mails too.
 */
public final class Mailbox {

    /** One e-mail as received: recipient, subject, Message-ID, plain text and HTML. */
    public record Mail(String to, String subject, String messageId, String text, String html) {
        public String all() {
            return subject + "\n" + text + "\n" + html;
        }
    }

    private final int port;
    private GreenMail server;

    public Mailbox() {
        this.port = freePort();
    }

    public int port() {
        return port;
    }

    public synchronized void start() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
    }

    /** The SMTP server goes away (connections are refused); what it received is forgotten. */
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    public synchronized List<Mail> received() {
        if (server == null) {
            return List.of();
        }
        return Arrays.stream(server.getReceivedMessages()).map(Mailbox::read).toList();
    }

    public List<Mail> receivedBy(String address) {
        return received().stream().filter(m -> m.to().equalsIgnoreCase(address)).toList();
    }

    /** When the server took an e-mail, to the millisecond (its own clock, as it stored the message). */
    public record Receipt(String to, String messageId, java.time.Instant receivedAt) {
    }

    /** Every e-mail's receipt, read from the server's store without parsing the bodies (cheap enough to poll). */
    public synchronized List<Receipt> receipts() {
        if (server == null) {
            return List.of();
        }
        return server.getManagers().getImapHostManager().getAllMessages().stream().map(stored -> {
            try {
                Address[] to = stored.getMimeMessage().getRecipients(Message.RecipientType.TO);
                return new Receipt(to == null || to.length == 0 ? "" : to[0].toString(), stored.getMimeMessage().getMessageID(),
                        stored.getReceivedDate().toInstant());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static Mail read(MimeMessage message) {
        try {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            StringBuilder text = new StringBuilder();
            StringBuilder html = new StringBuilder();
            collect(message, text, html);
            return new Mail(to == null || to.length == 0 ? "" : to[0].toString(), message.getSubject(), message.getMessageID(),
                    text.toString(), html.toString());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(Part part, StringBuilder text, StringBuilder html) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), text, html);
            }
        } else if (content instanceof String s) {
            (part.isMimeType("text/html") ? html : text).append(s);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
