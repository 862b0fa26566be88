package io.leadjourney.portal;

import java.util.Optional;

/** What a lead's last discovery call recorded (BANT and the outcome), from its journeys' history. */
public interface DiscoveryCalls {

    Optional<Discovery> lastOf(long leadId);

    /**
     * @param need        a need the product meets
     * @param budget      budget for it
     * @param authority   the person decides or is with who does
     * @param timeline    when they mean to buy, such as {@code WITHIN_3_MONTHS}
     * @param outcome     {@code READY}, {@code NEEDS_NURTURE} or {@code SUSPECT}
     * @param temperature what {@code bant-temperature.dmn} made of it, or null
     */
    record Discovery(Boolean need, Boolean budget, Boolean authority, String timeline, String outcome,
                     String temperature) {
    }
}
