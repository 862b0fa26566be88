package io.leadjourney.notification;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How notifications are e-mailed. The mail server itself is Spring's {@code spring.mail.*}; without
 * {@code spring.mail.host} nothing is e-mailed and notifications are only stored. How often a failed e-mail is tried
 * again is the retry cycle of {@code notification-email.bpmn}.
 *
 * @param from    the sender, e.g. {@code Lead Journey <leads@example.com>}
 * @param baseUrl how people reach this application, for the links in the messages
 */
@Validated
@ConfigurationProperties("leadjourney.mail")
public record MailProperties(@NotBlank String from, @NotBlank String baseUrl) {
}
