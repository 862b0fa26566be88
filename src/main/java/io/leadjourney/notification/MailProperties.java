package io.leadjourney.notification;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How notifications are e-mailed. The mail server itself is Spring's {@code spring.mail.*}; without
 * {@code spring.mail.host} nothing is e-mailed and notifications are only stored.
 *
 * @param from         the sender, e.g. {@code Lead Journey <leads@example.com>}
 * @param baseUrl      how people reach this application, for the links in the messages
 * @param pollInterval how often pending notifications are looked for (default 5 s)
 * @param maxAttempts  attempts before a notification is given up as FAILED (default 5)
 * @param retryAfter   the wait after the first failed attempt; it doubles with each further one (default 1 min)
 */
@Validated
@ConfigurationProperties("leadjourney.mail")
public record MailProperties(@NotBlank String from, @NotBlank String baseUrl, @NotNull Duration pollInterval,
                             @Min(1) int maxAttempts, @NotNull Duration retryAfter) {
}
