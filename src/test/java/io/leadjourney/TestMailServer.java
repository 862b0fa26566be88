package io.leadjourney;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A real SMTP server (GreenMail) in the test JVM, shared by every integration test; the application e-mails its
 * notifications to it. It can be stopped and started again on the same port, to test a mail server outage.
 */
public final class TestMailServer {

    private static GreenMail server = start(0);
    private static final int PORT = server.getSmtp().getPort();

    private TestMailServer() {
    }

    private static GreenMail start(int port) {
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    public static int port() {
        return PORT;
    }

    public static synchronized void stop() {
        server.stop();
    }

    public static synchronized void restart() {
        server = start(PORT);
    }

    /** The first message received (now or within {@code millis}) that matches. */
    public static Optional<MimeMessage> await(Predicate<MimeMessage> wanted, long millis) {
        long until = System.currentTimeMillis() + millis;
        do {
            Optional<MimeMessage> found = Arrays.stream(server.getReceivedMessages()).filter(wanted).findFirst();
            if (found.isPresent()) {
                return found;
            }
            sleep();
        } while (System.currentTimeMillis() < until);
        return Optional.empty();
    }

    public static long count(Predicate<MimeMessage> wanted) {
        return Arrays.stream(server.getReceivedMessages()).filter(wanted).count();
    }

    public static Predicate<MimeMessage> to(String address, String subjectPart) {
        return message -> recipients(message).contains(address) && subject(message).contains(subjectPart);
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String body(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String recipients(MimeMessage message) {
        try {
            return Arrays.toString(message.getRecipients(Message.RecipientType.TO));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
