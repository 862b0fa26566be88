package io.leadjourney.webhook;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;

/**
 * Where hand-off events go ({@code leadjourney.webhooks.*}). No targets: nothing is sent or stored.
 *
 * @param targets the receivers, e.g. the CRM; each gets every event, signed with its own secret
 * @param timeout how long one delivery may take (connect and answer)
 */
@Validated
@ConfigurationProperties("leadjourney.webhooks")
public record WebhookProperties(@Valid List<Target> targets, @NotNull Duration timeout) {

    public WebhookProperties {
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    /**
     * @param name   a short name, unique among the targets, e.g. {@code crm}
     * @param url    an http(s) URL that accepts a POST of JSON
     * @param secret the HMAC-SHA256 key the receiver checks the signature with (at least 16 characters)
     */
    public record Target(@NotBlank @Pattern(regexp = "[a-z0-9-]{1,64}") String name,
                         @NotBlank @Pattern(regexp = "https?://.+") String url,
                         @NotBlank @Size(min = 16) String secret) {

        @Override
        public String toString() {
            return name + " (" + url + ")";
        }
    }
}
