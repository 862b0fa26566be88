package io.leadjourney.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The {@code X-LeadJourney-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256>}, the HMAC taken with
 * the target's secret over {@code <t>.<body>}. A receiver recomputes it over the raw body, compares in constant
 * time, and refuses a timestamp older than a few minutes (a replayed request).
 */
final class WebhookSignature {

    static final String HEADER = "X-LeadJourney-Signature";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {
    }

    static String header(String secret, long timestamp, String body) {
        return "t=" + timestamp + ",v1=" + hmac(secret, timestamp + "." + body);
    }

    private static String hmac(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
